// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/text/textdecoding.h"

#include <QByteArray>
#include <QString>

// How words mode folds a word: the one definition that counting, queries and stop words share.
// Pure functions: safe on any thread.
namespace WordFolding {

//! The fold of one code point: its Unicode simple lowercase (U+0130 "İ" gives "i").
inline char32_t foldCodePoint(char32_t cp)
{
    return TextDecoding::simpleLowercase(cp);
}

/*!
    Replaces \a out with \a text folded as words mode folds the words it counts: NFC, then each
    code point's fold, in UTF-8. \a out keeps its capacity, so a caller may reuse it. (QString's
    toLower() differs: it leaves a decomposed accent apart, and makes "İ" an "i" with a combining
    dot.)
*/
inline void fold(const QString &text, QByteArray *out)
{
    out->resize(0);
    const QString nfc = text.normalized(QString::NormalizationForm_C);
    char utf8[4];
    for (qsizetype i = 0; i < nfc.size(); ++i) {
        char32_t cp = nfc.at(i).unicode();
        if (QChar::isHighSurrogate(cp) && i + 1 < nfc.size() && nfc.at(i + 1).isLowSurrogate())
            cp = QChar::surrogateToUcs4(char16_t(cp), nfc.at(++i).unicode());
        out->append(utf8, TextDecoding::encodeUtf8(foldCodePoint(cp), utf8));
    }
}

inline QByteArray fold(const QString &text)
{
    QByteArray folded;
    fold(text, &folded);
    return folded;
}

} // namespace WordFolding
