// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
