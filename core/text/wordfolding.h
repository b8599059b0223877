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

/*!
    Appends to \a out the base letters of the UTF-8 word \a word: each letter without its
    accents (canonical decomposition, marks dropped) and lowercased, so that "Corazón" and
    "corazon" give the same bytes. "ñ" stays a letter of its own, as Spanish has it: it gives
    "n" and then 0x7F, which also sorts it after every other "n" and before "o". Letters with no
    decomposition (other scripts, "ß") are kept as they are.
*/
inline void appendBaseLetters(QByteArrayView word, QByteArray *out)
{
    const auto *p = reinterpret_cast<const quint8 *>(word.data());
    const auto *const end = p + word.size();
    char utf8[4];
    while (p < end) {
        if (*p < 0x80) {
            const char c = char(*p++);
            out->append(c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c);
            continue;
        }
        char32_t cp = 0;
        bool fallback = false;
        p += TextDecoding::decodeUtf8OrWindows1252(p, end, true, &cp, &fallback);
        if (QChar::category(cp) == QChar::Mark_NonSpacing)
            continue; // a combining accent of a decomposed letter
        bool tilde = false;
        // "ǘ" decomposes to "ü" and an accent, "ü" to "u" and another: follow to the base.
        while (QChar::decompositionTag(cp) == QChar::Canonical) {
            const QString parts = QChar::decomposition(cp);
            tilde = tilde || parts.contains(QChar(0x0303));
            cp = parts.at(0).isHighSurrogate() && parts.size() > 1
                ? QChar::surrogateToUcs4(parts.at(0), parts.at(1))
                : char32_t(parts.at(0).unicode());
        }
        cp = foldCodePoint(cp);
        out->append(utf8, TextDecoding::encodeUtf8(cp, utf8));
        if (tilde && cp == U'n')
            out->append('\x7f');
    }
}

} // namespace WordFolding
