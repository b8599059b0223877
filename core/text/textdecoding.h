// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>
#include <QtGlobal>

// Decoding and classification helpers shared by the tokenizer, the tests' reference counter and
// the sample generator. Pure functions: safe on any thread.
namespace TextDecoding {

enum CharClass : quint8 { Separator = 0, WordChar = 1, Apostrophe = 2 };

//! Windows-1252 for bytes 0x80-0x9F; its five undefined bytes map to themselves.
inline char32_t windows1252(quint8 byte)
{
    static constexpr char16_t high[32]
        = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
           0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
           0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    if (byte >= 0x80 && byte < 0xA0)
        return high[byte - 0x80];
    return byte;
}

inline bool isContinuation(quint8 b)
{
    return (b & 0xC0) == 0x80;
}

/*!
    Length of the valid UTF-8 sequence at \a p (1-4), with its code point in \a cp; 0 if the
    bytes at \a p do not start a valid sequence (overlong forms, surrogates and code points past
    U+10FFFF are invalid); -1 if \a end cuts a sequence that could still be valid.
*/
inline int utf8Sequence(const quint8 *p, const quint8 *end, char32_t *cp)
{
    const quint8 b0 = p[0];
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    int length;
    quint8 lo = 0x80;
    quint8 hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    for (int i = 1; i < length; ++i) {
        if (p + i >= end)
            return -1;
        const quint8 b = p[i];
        if (i == 1 ? (b < lo || b > hi) : !isContinuation(b))
            return 0;
    }
    char32_t value = b0 & (0x7F >> length);
    for (int i = 1; i < length; ++i)
        value = (value << 6) | (p[i] & 0x3F);
    *cp = value;
    return length;
}

/*!
    Decodes the code point at \a p by the counting rules: valid UTF-8, or else one byte read as
    Windows-1252 (\a fallback set). Returns the bytes used, or 0 when \a end cuts a sequence that
    the bytes after \a end may complete and \a atEnd is false.
*/
inline int decodeUtf8OrWindows1252(const quint8 *p, const quint8 *end, bool atEnd, char32_t *cp,
                                   bool *fallback)
{
    const int n = utf8Sequence(p, end, cp);
    if (n > 0) {
        *fallback = false;
        return n;
    }
    if (n < 0 && !atEnd)
        return 0;
    *cp = windows1252(p[0]);
    *fallback = true;
    return 1;
}

/*!
    The first code point boundary at or after \a pos, knowing only the bytes from \a pos - 3:
    a continuation byte is inside a code point only if the nearest lead byte before it starts a
    valid sequence that covers it. \a data holds the bytes [\a dataBegin, \a dataEnd).
*/
inline qint64 alignUtf8(const quint8 *data, qint64 dataBegin, qint64 dataEnd, qint64 pos,
                        qint64 contentBegin)
{
    if (pos <= contentBegin || pos >= dataEnd || !isContinuation(data[pos - dataBegin]))
        return pos;
    for (qint64 q = pos - 1; q >= pos - 3 && q >= contentBegin && q >= dataBegin; --q) {
        const quint8 b = data[q - dataBegin];
        if (isContinuation(b))
            continue;
        char32_t cp;
        const int n = utf8Sequence(data + (q - dataBegin), data + (dataEnd - dataBegin), &cp);
        return (n > 0 && q + n > pos) ? q + n : pos;
    }
    return pos;
}

inline CharClass classify(char32_t cp)
{
    if (cp == 0x27 || cp == 0x2019)
        return Apostrophe;
    if (cp < 0x80) {
        const bool word = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')
            || (cp >= '0' && cp <= '9') || cp == '_';
        return word ? WordChar : Separator;
    }
    switch (QChar::category(cp)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Punctuation_Connector:
        return WordChar;
    default:
        return Separator;
    }
}

//! Unicode simple lowercase mapping; QChar::toLower leaves U+0130 alone, the mapping gives 'i'.
inline char32_t simpleLowercase(char32_t cp)
{
    return cp == 0x130 ? char32_t('i') : QChar::toLower(cp);
}

//! Appends the UTF-8 form of \a cp at \a out, returns the bytes written.
inline int encodeUtf8(char32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = char(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = char(0xC0 | (cp >> 6));
        out[1] = char(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = char(0xE0 | (cp >> 12));
        out[1] = char(0x80 | ((cp >> 6) & 0x3F));
        out[2] = char(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = char(0xF0 | (cp >> 18));
    out[1] = char(0x80 | ((cp >> 12) & 0x3F));
    out[2] = char(0x80 | ((cp >> 6) & 0x3F));
    out[3] = char(0x80 | (cp & 0x3F));
    return 4;
}

constexpr bool isAsciiWhitespace(quint8 b)
{
    return b == ' ' || (b >= '\t' && b <= '\r');
}

} // namespace TextDecoding
