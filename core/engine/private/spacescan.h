// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/text/textdecoding.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Finding the edges of whitespace-separated tokens, the whitespace mode's inner loop. Internal
// to the chunk counter. The whitespace of 64 bytes is found at once (with SSE2 on x86-64, 16 bytes
// a step), so the scan reads past the block's end, at most Overread bytes: the block buffer has
// room for it (BlockReader's ScanPadding). The tests hold the SIMD mask and the walker to a
// byte-by-byte scan with TextDecoding::isAsciiWhitespace().
namespace SpaceScan {

constexpr qsizetype Overread = 63; // a window of 64 bytes from the block's last byte

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

//! Bit i set: byte p[i] of the 64 from \a p is ASCII whitespace.
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

#endif

/*!
    The tokens of one block, in order, from the edges of 64 bytes at a time: a mask of where
    tokens start (bytes that follow whitespace) and one of where they end (whitespace that follows
    a token byte). Taking the next edge is a count of trailing zeros and a clear of that bit, which
    does not wait for the edge before. A scan from one edge to the next made every token wait for
    the shift, count and add that had found the last one; walking the masks took a fifth off the
    CPU time of a whole run on the Bible.

    Starts and ends alternate, so nextStart() and nextEnd() are called in turns; nextStart() first
    unless the block begins inside a token. Reads up to Overread bytes past the block's end.
*/
class EdgeWalker
{
public:
    //! The block [\a begin, \a end); \a inToken: the byte before \a begin is a token's.
    EdgeWalker(const char *begin, const char *end, bool inToken)
        : m_base(begin - 64)
        , m_end(end)
        , m_spaceBefore(!inToken)
    { }

    //! The next token's first byte; false if no token starts before the block's end.
    bool nextStart(const char **start) { return take(m_starts, start); }

    //! The whitespace byte after the token begun last; false if the token reaches the block's
    //! end (the next block may go on with it).
    bool nextEnd(const char **end) { return take(m_ends, end); }

private:
    // Takes the first edge of \a edges (m_starts or m_ends), moving on to the next windows until
    // there is one.
    bool take(quint64 &edges, const char **at)
    {
        while (edges == 0) {
            if (!nextWindow())
                return false;
        }
        *at = m_base + __builtin_ctzll(edges);
        edges &= edges - 1;
        return true;
    }

    // The edges left in a window are never those of a call's other kind: one start and one end
    // are taken in turns, so moving on when one kind runs out drops nothing.
    bool nextWindow()
    {
        m_base += 64;
        const qptrdiff bytes = m_end - m_base;
        if (bytes <= 0)
            return false;
        quint64 spaces = spaceMask64(m_base);
        quint64 endsAllowed = ~0ULL;
        if (bytes < 64) {
            spaces |= ~0ULL << bytes; // past the block: whitespace, so nothing starts there...
            endsAllowed = ~(1ULL << bytes); // ...and a token at the block's end does not end
        }
        const quint64 afterSpace = (spaces << 1) | quint64(m_spaceBefore);
        m_starts = ~spaces & afterSpace;
        m_ends = spaces & ~afterSpace & endsAllowed;
        m_spaceBefore = spaces >> 63;
        return true;
    }

    const char *m_base;
    const char *const m_end;
    bool m_spaceBefore;
    quint64 m_starts = 0;
    quint64 m_ends = 0;
};

} // namespace SpaceScan
