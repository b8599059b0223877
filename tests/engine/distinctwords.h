// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <numeric>

/*!
    \brief The benchmarks' high-cardinality input (issue 13): Count distinct 8-letter lowercase
    words, one per line, so Bytes = Count × 9.

    Word i is the 8 base-26 digits ('a' to 'z', most significant first) of
    (i × Multiplier + Increment) mod 26^8. The multiplier is prime to 26^8, so the map is a
    bijection of [0, 26^8) and the words are all distinct (checked at compile time below); it
    also scatters them, so that neither the file nor a counter sees them in sorted order. Any
    byte range can be generated on its own, as the benchmark's writeFile() and isCurrent() need.
*/
class DistinctWords final
{
public:
    static constexpr qint64 Count = 8'000'000;
    static constexpr qint64 LineBytes = 9; // 8 letters and '\n'
    static constexpr qint64 Bytes = Count * LineBytes;

    //! Writes the \a length bytes of the file that start at \a offset to \a buffer.
    static void fill(qint64 offset, char *buffer, qint64 length)
    {
        char line[LineBytes];
        for (qint64 done = 0; done < length;) {
            const qint64 at = offset + done;
            const qint64 column = at % LineBytes;
            writeLine(at / LineBytes, line);
            const qint64 n = std::min(length - done, LineBytes - column);
            std::memcpy(buffer + done, line + column, size_t(n));
            done += n;
        }
    }

private:
    static constexpr uint64_t Modulus = 208'827'064'576; // 26^8
    static constexpr uint64_t Multiplier = 2'654'435'761; // Knuth's multiplicative hash constant
    static constexpr uint64_t Increment = 12'345;
    static_assert(std::gcd(Multiplier, Modulus) == 1, "the words would not all be distinct");
    static_assert(uint64_t(Count) <= Modulus, "more words than 8 letters can spell");
    // i × Multiplier must not wrap around 2^64 before the modulo.
    static_assert(uint64_t(Count) <= (UINT64_MAX - Increment) / Multiplier);

    static void writeLine(qint64 i, char *line)
    {
        uint64_t value = (uint64_t(i) * Multiplier + Increment) % Modulus;
        for (int digit = int(LineBytes) - 2; digit >= 0; --digit) {
            line[digit] = char('a' + value % 26);
            value /= 26;
        }
        line[LineBytes - 1] = '\n';
    }
};
