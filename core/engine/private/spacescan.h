// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/text/textdecoding.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Finding the edges of whitespace-separated tokens, the whitespace mode's inner loops. Internal
// to the chunk counter. The SIMD versions look at 16 bytes at a time, and Cursor at 64, so they
// read past the byte they return (or past the end they are given), at most Overread bytes: the
// block buffer has room for it (BlockReader's ScanPadding). The scalar ones are the reference that
// the tests hold the SIMD ones to, and what other CPUs use.
namespace SpaceScan {

constexpr qsizetype Overread = 63; // Cursor reads 64 bytes from a multiple of 64

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

// Bit i set: byte p[i] of the 64 from p is whitespace.
inline quint64 spaceMask64(const char *p)
{
    return quint64(spaceMask(p)) | (quint64(spaceMask(p + 16)) << 16)
        | (quint64(spaceMask(p + 32)) << 32) | (quint64(spaceMask(p + 48)) << 48);
}

#else

inline quint64 spaceMask64(const char *p)
{
    quint64 mask = 0;
    for (int i = 0; i < 64; ++i)
        mask |= quint64(TextDecoding::isAsciiWhitespace(quint8(p[i]))) << i;
    return mask;
}

inline const char *findSpace(const char *p)
{
    return findSpaceScalar(p);
}
inline const char *skipSpaces(const char *p, const char *end)
{
    return skipSpacesScalar(p, end);
}

#endif

/*!
    findSpace() and skipSpaces() for a scan that only moves forward through one block: the
    whitespace of 64 bytes at a time is kept as a bit mask, so that a token's two edges cost a
    shift and a count of trailing zeros each instead of two 16-byte loads and compares. Reads up
    to 63 bytes past the block's end (BlockReader's ScanPadding).
*/
class Cursor
{
public:
    explicit Cursor(const char *origin)
        : m_origin(origin)
        , m_base(origin - 64)
    { }

    //! The first whitespace byte at or after \a p; there must be one.
    const char *findSpace(const char *p)
    {
        for (;;) {
            const quint64 spaces = spacesFrom(p);
            if (spaces != 0)
                return p + __builtin_ctzll(spaces);
            p = m_base + 64;
        }
    }

    //! The first byte in [\a p, \a end) that is not whitespace, or \a end.
    const char *skipSpaces(const char *p, const char *end)
    {
        while (p < end) {
            const quint64 spaces = spacesFrom(p); // may move m_base: before the line below
            const quint64 others = ~spaces & (~0ULL >> (p - m_base));
            if (others != 0)
                return std::min(p + __builtin_ctzll(others), end);
            p = m_base + 64;
        }
        return end;
    }

private:
    // The mask of the window holding p, shifted so that bit 0 is p's byte.
    quint64 spacesFrom(const char *p)
    {
        if (p >= m_base + 64) {
            m_base = m_origin + ((p - m_origin) & ~qptrdiff(63));
            m_mask = spaceMask64(m_base);
        }
        return m_mask >> (p - m_base);
    }

    const char *m_origin;
    const char *m_base;
    quint64 m_mask = 0;
};

} // namespace SpaceScan
