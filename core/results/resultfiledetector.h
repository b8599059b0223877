// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QStringList>

/*!
    \brief Tells WordMill result files (as wordmill-cli and Export write them) from texts to
    count, by their first bytes, so that a result given to the desktop program opens in the
    explorer instead of being counted.

    A result is JSON whose first member is "mode" or "words", TSV whose lines in the first
    4 KiB are all word<TAB>count with counts that never grow (results list the most frequent
    first), or CSV as Export writes it, known by its first line: word,count, or the table CSV's
    header with ',' or (after a UTF-8 BOM) ';' (ResultWriter::tableCsvHeader()). Anything else,
   folders and unreadable files included, is a text to count: when in doubt, counting is the safe
   reading.
*/
class ResultFileDetector final
{
public:
    struct Split
    {
        QStringList results;
        QStringList texts;
    };

    static constexpr qsizetype ProbeBytes = 4096;

    //! Looks at the first ProbeBytes of \a path. Reentrant.
    static bool isResultFile(const QString &path);
    //! The decision for the first bytes \a head of a file. Reentrant.
    static bool looksLikeResult(QByteArrayView head);
    //! Splits \a paths in order, results apart from texts.
    static Split split(const QStringList &paths);
};
