// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/text/textdecoding.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <algorithm>

/*
    File names on Linux are bytes, not text: a name written under a Latin-1 locale ("caf\xE9")
    is not UTF-8, and QFile::decodeName() turns its byte into U+FFFD, after which no call can open
    it. WordMill keeps such names in QString without loss the way Python's os.fsdecode() does:
    each byte that is not part of valid UTF-8 becomes the lone surrogate U+DC80-U+DCFF, which no
    valid UTF-8 name can contain, and toNative() gives the same bytes back. Names are decoded
    for people only by quoted(). Pure functions: safe on any thread.
*/
namespace LocalPath {

//! The name for \a bytes: UTF-8 decoded, each byte outside valid UTF-8 as U+DC00 + byte.
inline QString fromNative(QByteArrayView bytes)
{
    QString path;
    path.reserve(bytes.size());
    const auto *p = reinterpret_cast<const quint8 *>(bytes.data());
    const quint8 *end = p + bytes.size();
    while (p < end) {
        char32_t cp = 0;
        const int length = TextDecoding::utf8Sequence(p, end, &cp);
        if (length <= 0) {
            path.append(QChar(char16_t(0xDC00 + *p)));
            ++p;
            continue;
        }
        if (cp > 0xFFFF) {
            path.append(QChar::highSurrogate(cp));
            path.append(QChar::lowSurrogate(cp));
        } else {
            path.append(QChar(char16_t(cp)));
        }
        p += length;
    }
    return path;
}

//! The bytes \a path names: the inverse of fromNative(). Other lone surrogates become U+FFFD.
inline QByteArray toNative(QStringView path)
{
    QByteArray bytes;
    bytes.reserve(path.size());
    char utf8[4];
    for (qsizetype i = 0; i < path.size(); ++i) {
        const char16_t unit = path.at(i).unicode();
        char32_t cp = unit;
        if (QChar::isHighSurrogate(unit) && i + 1 < path.size()
            && path.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(unit, path.at(++i).unicode());
        } else if (unit >= 0xDC80 && unit <= 0xDCFF) {
            bytes.append(char(unit - 0xDC00));
            continue;
        } else if (QChar::isSurrogate(unit)) {
            cp = 0xFFFD;
        }
        bytes.append(utf8, TextDecoding::encodeUtf8(cp, utf8));
    }
    return bytes;
}

//! True for what a name must not show raw: control and format characters, undecodable bytes.
inline bool needsEscape(char32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return true;
    if (cp >= 0xDC80 && cp <= 0xDCFF)
        return true;
    // Bidirectional overrides and invisible joiners can make a name look like another one.
    return QChar::category(cp) == QChar::Other_Format;
}

/*!
    \a path as messages and tables show it. A name of printable characters is shown as it is;
    one with a newline, another control character, an invisible format character or a byte that
    is not UTF-8 is quoted the way GNU tools quote it, in single quotes with C escapes
    ('nope\nwordmill-cli: injected', 'caf\351.txt'), so that no name can forge a second message
    line or pass for another name.
*/
inline QString quoted(QStringView path)
{
    bool plain = true;
    for (qsizetype i = 0; i < path.size() && plain; ++i) {
        char32_t cp = path.at(i).unicode();
        if (QChar::isHighSurrogate(cp) && i + 1 < path.size() && path.at(i + 1).isLowSurrogate())
            cp = QChar::surrogateToUcs4(char16_t(cp), path.at(++i).unicode());
        plain = !needsEscape(cp);
    }
    if (plain)
        return path.toString();
    QString out = QStringLiteral("'");
    const QByteArray bytes = toNative(path);
    const auto *p = reinterpret_cast<const quint8 *>(bytes.constData());
    const quint8 *end = p + bytes.size();
    while (p < end) {
        char32_t cp = 0;
        int length = TextDecoding::utf8Sequence(p, end, &cp);
        if (length > 0 && !needsEscape(cp)) {
            if (cp == '\'' || cp == '\\')
                out.append(QLatin1Char('\\'));
            out.append(QString::fromUtf8(reinterpret_cast<const char *>(p), length));
            p += length;
            continue;
        }
        static constexpr char Named[] = "abtnvfr"; // \a is 7 ... \r is 13
        if (length == 1 && cp >= 7 && cp <= 13) {
            out.append(QLatin1Char('\\')).append(QLatin1Char(Named[cp - 7]));
            ++p;
            continue;
        }
        // Every byte of an invisible character, or the one byte that is not UTF-8, in octal.
        for (int i = 0; i < std::max(length, 1); ++i, ++p)
            out.append(QStringLiteral("\\%1").arg(uint(*p), 3, 8, QLatin1Char('0')));
    }
    out.append(QLatin1Char('\''));
    return out;
}

//! The last part of \a path, after its last '/'.
inline QStringView fileName(QStringView path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

} // namespace LocalPath
