// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/text/textdecoding.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Finding the edges of whitespace-separated tokens, the whitespace mode's inner loops. Internal
// to the chunk counter. The SIMD versions look at 16 bytes at a time, so they read up to 15
// bytes past the byte they return (or past the end they are given): the block buffer has room
// for it (BlockReader's ScanPadding). The scalar ones are the reference that the tests hold
// the SIMD ones to, and what other CPUs use.
namespace SpaceScan {

constexpr qsizetype Overread = 15;

//! The first ASCII whitespace byte at or after \a p; there must be one.
inline const char *findSpaceScalar(const char *p)
{
    while (!TextDecoding::isAsciiWhitespace(quint8(*p)))
        ++p;
    return p;
}

//! The first byte in [\a p, \a end) that is not ASCII whitespace, or \a end.
inline const char *skipSpacesScalar(const char *p, const char *end)
{
    while (p < end && TextDecoding::isAsciiWhitespace(quint8(*p)))
        ++p;
    return p;
}

#if defined(__SSE2__)

// Bit i set: byte p[i] is ' ' or one of \t \n \v \f \r (9 to 13).
inline unsigned spaceMask(const char *p)
{
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    const __m128i fromTab = _mm_sub_epi8(x, _mm_set1_epi8(9));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(fromTab, _mm_set1_epi8(4)), fromTab);
    const __m128i space = _mm_cmpeq_epi8(x, _mm_set1_epi8(' '));
    return unsigned(_mm_movemask_epi8(_mm_or_si128(control, space)));
}

// One mask and one count of trailing zeros per token instead of a branch per byte, whose
// mispredictions at every token edge cost as much as the counting.
inline const char *findSpaceSimd(const char *p)
{
    for (;; p += 16) {
        if (const unsigned mask = spaceMask(p))
            return p + __builtin_ctz(mask);
    }
}

inline const char *skipSpacesSimd(const char *p, const char *end)
{
    for (; p < end; p += 16) {
        if (const unsigned mask = ~spaceMask(p) & 0xffffu)
            return std::min(p + __builtin_ctz(mask), end);
    }
    return end;
}

inline const char *findSpace(const char *p)
{
    return findSpaceSimd(p);
}
inline const char *skipSpaces(const char *p, const char *end)
{
    return skipSpacesSimd(p, end);
}

#else

inline const char *findSpace(const char *p)
{
    return findSpaceScalar(p);
}
inline const char *skipSpaces(const char *p, const char *end)
{
    return skipSpacesScalar(p, end);
}

#endif

} // namespace SpaceScan
