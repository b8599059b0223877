// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/text/textdecoding.h"
#include "core/text/wordfolding.h"

#include <array>

// Per-byte lookup tables of the counting loops. Internal to the chunk counter.
namespace ChunkCounting {

using namespace TextDecoding;

inline char asciiLower(char c)
{
    return char(c + (quint8(c - 'A') < 26 ? 32 : 0));
}

struct ByteTables
{
    std::array<bool, 256> space {};
    std::array<quint8, 256> asciiClass {};
    std::array<bool, 256> asciiWord {}; // an ASCII word character
    std::array<bool, 256> asciiSkip {}; // an ASCII byte that is not a word character
    ByteTables()
    {
        for (int b = 0; b < 256; ++b) {
            space[b] = isAsciiWhitespace(quint8(b));
            asciiClass[b] = b < 0x80 ? classify(char32_t(b)) : Separator;
            asciiWord[b] = b < 0x80 && asciiClass[b] == WordChar;
            asciiSkip[b] = b < 0x80 && asciiClass[b] != WordChar;
        }
    }
};
inline const ByteTables Tables;

//! What words mode needs of a code point from U+0080 to U+02FF.
struct LatinChar
{
    quint8 cls = Separator;
    quint8 foldLength = 0; // bytes
    char fold[4] = {}; // WordFolding::foldCodePoint() in UTF-8
};

/*!
    The code points from U+0080 to U+02FF (lead bytes 0xC2 to 0xCB), by their two bytes of UTF-8:
    the accented letters and the punctuation of Spanish, French, German... text, looked up instead
    of decoded, classified and lowercased one function call after another.
*/
struct LatinTable
{
    static constexpr quint8 FirstLead = 0xC2;
    static constexpr quint8 LastLead = 0xCB;
    std::array<LatinChar, (LastLead - FirstLead + 1) * 64> chars {};
    LatinTable()
    {
        for (int i = 0; i < int(chars.size()); ++i) {
            const char32_t cp = char32_t((FirstLead & 0x1F) << 6) + char32_t(i);
            chars[size_t(i)].cls = classify(cp);
            chars[size_t(i)].foldLength
                = quint8(encodeUtf8(WordFolding::foldCodePoint(cp), chars[size_t(i)].fold));
        }
    }

    // Called concurrently by worker threads: the table is built before main() and never changes.
    //! The entry of the two bytes at \a p, or null if they are not the UTF-8 of such a code point.
    const LatinChar *at(const quint8 *p) const
    {
        const unsigned lead = unsigned(p[0]) - FirstLead;
        if (lead > unsigned(LastLead - FirstLead) || !isContinuation(p[1]))
            return nullptr;
        return &chars[lead * 64 + (p[1] & 0x3F)];
    }
};
inline const LatinTable Latin;

} // namespace ChunkCounting
