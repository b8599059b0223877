// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/text/textdecoding.h"

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

} // namespace ChunkCounting
