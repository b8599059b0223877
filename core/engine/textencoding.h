// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

//! The encoding a file was read in, decided from its first bytes.
enum class TextEncoding : quint8 { Utf8, Utf8Bom, Utf16LE, Utf16BE };

inline QString textEncodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf8Bom:
        return QStringLiteral("UTF-8 (BOM)");
    case TextEncoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case TextEncoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    }
    return {};
}

//! Bytes of byte-order mark that precede the text.
inline int byteOrderMarkLength(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return 0;
    case TextEncoding::Utf8Bom:
        return 3;
    case TextEncoding::Utf16LE:
    case TextEncoding::Utf16BE:
        return 2;
    }
    return 0;
}

/*!
    The encoding of a text whose first bytes (up to 64 KiB) are \a head: a byte-order mark decides,
    and without one the text is UTF-8 (with Windows-1252 for bytes that are not). The one rule for
    files (InputScanner) and for standard input (StreamCounter).
*/
inline TextEncoding detectTextEncoding(QByteArrayView head)
{
    if (head.startsWith("\xEF\xBB\xBF"))
        return TextEncoding::Utf8Bom;
    if (head.startsWith("\xFF\xFE"))
        return TextEncoding::Utf16LE;
    if (head.startsWith("\xFE\xFF"))
        return TextEncoding::Utf16BE;
    return TextEncoding::Utf8;
}

/*!
    The offset of the first NUL byte in \a head, the start of a text in \a encoding, or -1. A NUL
    there makes the input binary, not counted; UTF-16 text holds NUL bytes and is exempt.
*/
inline qsizetype binaryMarkOffset(QByteArrayView head, TextEncoding encoding)
{
    if (encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE)
        return -1;
    return head.indexOf('\0');
}
