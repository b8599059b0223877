// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/bytetables.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Runs of ASCII word characters ([0-9A-Za-z_]), the bulk of words mode's text, taken 16 bytes at
// a time. Internal to the chunk counter. The SIMD version reads and writes all 16 bytes whatever
// the run's length: the input needs a byte that ends the run (the block's sentinel) and 15
// readable bytes after it (BlockReader's ScanPadding), and the outputs 16 bytes of room. The
// scalar one is the reference that the tests hold the SIMD one to, and what other CPUs use.
// Pure functions: called concurrently by worker threads.
namespace AsciiWords {

/*!
    Copies the ASCII word characters that start at \a p, up to 16 of them, to \a raw as they are
    and to \a lower lowercased; returns how many (16: the run may go on).
*/
inline int copyRunScalar(const char *p, char *raw, char *lower)
{
    int n = 0;
    for (; n < 16 && ChunkCounting::Tables.asciiWord[quint8(p[n])]; ++n) {
        raw[n] = p[n];
        lower[n] = ChunkCounting::asciiLower(p[n]);
    }
    return n;
}

#if defined(__SSE2__)

// Each byte's "x - from < count" (unsigned) as a signed compare: SSE2 has no unsigned one.
inline __m128i inRange(__m128i x, char from, int count)
{
    const __m128i shifted = _mm_add_epi8(x, _mm_set1_epi8(char(0x80 - quint8(from))));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8(char(0x80 + count)));
}

// One mask and one count of trailing zeros per 16 bytes instead of a table look-up, a branch and
// a store per byte.
inline int copyRunSimd(const char *p, char *raw, char *lower)
{
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    const __m128i upper = inRange(x, 'A', 26);
    // OR 0x20 maps the capitals onto the small letters and no other byte onto them.
    const __m128i letter = inRange(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 26);
    const __m128i digit = inRange(x, '0', 10);
    const __m128i underscore = _mm_cmpeq_epi8(x, _mm_set1_epi8('_'));
    const unsigned word
        = unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), underscore)));
    _mm_storeu_si128(reinterpret_cast<__m128i *>(raw), x);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(lower),
                     _mm_add_epi8(x, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    return __builtin_ctz(~word); // bit 16 of ~word is set: at most 16
}

inline int copyRun(const char *p, char *raw, char *lower)
{
    return copyRunSimd(p, raw, lower);
}

#else

inline int copyRun(const char *p, char *raw, char *lower)
{
    return copyRunScalar(p, raw, lower);
}

#endif

} // namespace AsciiWords
