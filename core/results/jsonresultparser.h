// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countingmode.h"
#include "core/results/stoprequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

class WordTable;

/*!
    \brief Parses a WordMill JSON result, {"mode": "words", "words": [{"word": "…", "count": N},
    …]}, into a WordTable. ResultReader's helper; use ResultReader.

    When the file declares "totalWords" or "distinctWords" (ResultWriter writes both), the sum of
    the counts and the number of entries must match them, wherever they stand in the object:
    otherwise the file was cut and closed again, or edited, and parse() fails. Files written
    before the totals existed have none and are read unchecked.

    A streaming parser of the whole JSON grammar, written for this one shape for memory and speed:
    two million rows need no document tree, the words go straight into the table (111 MiB
    instead of QJsonDocument's 734 MiB, about 3x faster), and errors name their line. Counts keep
    all 64 bits, as QJsonValue::toInteger() would. Members other than "mode", "words" and the
    totals, and members of an entry other than "word" and "count", are skipped. Strings are UTF-8;
    bytes that are not valid UTF-8 are taken as they are.

    One parser per thread; not thread safe.
*/
class JsonResultParser final
{
public:
    //! Parses \a data into \a table, which is filled even on error (ResultReader discards it).
    JsonResultParser(QByteArrayView data, WordTable *table, const StopRequest &stop = {});

    //! False on error, with error() set; \a stop answering true makes it stop with the error
    //! "cancelled".
    bool parse();

    //! "line N: reason", after parse() returned false.
    QString error() const { return m_error; }
    //! The "mode" the file names, if it names one.
    std::optional<CountingMode> mode() const { return m_mode; }
    //! Entries read, and the sum of their counts.
    quint64 rows() const { return m_rows; }
    quint64 words() const { return m_words; }

private:
    bool fail(const char *at, const QString &reason);
    bool failSyntax(const QString &expected);
    void skipSpace();
    bool parseMemberName(QByteArrayView *key);
    bool parseMemberEnd(bool *objectEnded);
    bool parseString(QByteArrayView *value, QByteArray *scratch);
    //! A whole number of 0 or more; \a member, its name, for the error.
    bool parseCount(quint64 *count, QByteArrayView member);
    bool skipValue(int depth);
    bool parseWords();
    bool parseEntry();

    const char *m_begin = nullptr;
    const char *m_p = nullptr;
    const char *m_end = nullptr;
    WordTable *m_table = nullptr;
    StopRequest m_stop;
    QByteArray m_keyScratch; // decoded strings with escapes
    QByteArray m_wordScratch;
    QString m_error;
    std::optional<CountingMode> m_mode;
    //! A total the file declares, and where, for the line of the error when it does not match.
    struct Declared
    {
        quint64 value = 0;
        const char *at = nullptr;
    };
    std::optional<Declared> m_totalWords; // the sum of the counts
    std::optional<Declared> m_distinctWords; // the number of entries
    quint64 m_rows = 0;
    quint64 m_words = 0;
    bool m_sawWords = false;
};
