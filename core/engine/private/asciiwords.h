// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/bytetables.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Runs of ASCII word characters ([0-9A-Za-z_]), the bulk of words mode's text, taken 16 or 64
// bytes at a time. Internal to the chunk counter. The functions read and write whole groups of
// bytes whatever the run's length: the input needs a byte that ends the run (the block's sentinel)
// and 63 readable bytes after it (BlockReader's ScanPadding), and the outputs 16 bytes of room.
// The scalar versions are the reference that the tests hold the SIMD ones to, and what other CPUs
// use. Pure functions: called concurrently by worker threads.
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

//! Bit i of each mask says what byte p[i] of 64 is, for words mode's plain words (WordBuilder::
//! queuePlainWords()).
struct Masks
{
    quint64 word = 0; // an ASCII word character
    quint64 nonAscii = 0; // 0x80 or above: a sequence to decode, or the block's sentinel
    quint64 apostrophe = 0; // ', which may join two runs of word characters
};

inline Masks classify64Scalar(const char *p)
{
    Masks m;
    for (int i = 0; i < 64; ++i) {
        const quint8 b = quint8(p[i]);
        m.word |= quint64(ChunkCounting::Tables.asciiWord[b]) << i;
        m.nonAscii |= quint64(b >= 0x80) << i;
        m.apostrophe |= quint64(b == '\'') << i;
    }
    return m;
}

//! 16 bytes from \a p to \a lower, A-Z lowercased.
inline void lower16Scalar(const char *p, char *lower)
{
    for (int i = 0; i < 16; ++i)
        lower[i] = ChunkCounting::asciiLower(p[i]);
}

#if defined(__SSE2__)

// Each byte's "x - from < count" (unsigned) as a signed compare: SSE2 has no unsigned one.
inline __m128i inRange(__m128i x, char from, int count)
{
    const __m128i shifted = _mm_add_epi8(x, _mm_set1_epi8(char(0x80 - quint8(from))));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8(char(0x80 + count)));
}

// Bit i set: byte i of the 16 is an ASCII word character.
inline unsigned wordMask(__m128i x)
{
    // OR 0x20 maps the capitals onto the small letters and no other byte onto them.
    const __m128i letter = inRange(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 26);
    const __m128i digit = inRange(x, '0', 10);
    const __m128i underscore = _mm_cmpeq_epi8(x, _mm_set1_epi8('_'));
    return unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), underscore)));
}

inline __m128i lowered(__m128i x)
{
    return _mm_add_epi8(x, _mm_and_si128(inRange(x, 'A', 26), _mm_set1_epi8(0x20)));
}

// One mask and one count of trailing zeros per 16 bytes instead of a table look-up, a branch and
// a store per byte.
inline int copyRunSimd(const char *p, char *raw, char *lower)
{
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    _mm_storeu_si128(reinterpret_cast<__m128i *>(raw), x);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(lower), lowered(x));
    return __builtin_ctz(~wordMask(x)); // bit 16 of ~word is set: at most 16
}

inline Masks classify64Simd(const char *p)
{
    Masks m;
    for (int i = 0; i < 4; ++i) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * i));
        m.word |= quint64(wordMask(x)) << (16 * i);
        m.nonAscii |= quint64(unsigned(_mm_movemask_epi8(x))) << (16 * i);
        m.apostrophe |= quint64(unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('\'')))))
            << (16 * i);
    }
    return m;
}

inline void lower16Simd(const char *p, char *lower)
{
    _mm_storeu_si128(reinterpret_cast<__m128i *>(lower),
                     lowered(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p))));
}

inline int copyRun(const char *p, char *raw, char *lower)
{
    return copyRunSimd(p, raw, lower);
}

inline Masks classify64(const char *p)
{
    return classify64Simd(p);
}

inline void lower16(const char *p, char *lower)
{
    lower16Simd(p, lower);
}

#else

inline int copyRun(const char *p, char *raw, char *lower)
{
    return copyRunScalar(p, raw, lower);
}

inline Masks classify64(const char *p)
{
    return classify64Scalar(p);
}

inline void lower16(const char *p, char *lower)
{
    lower16Scalar(p, lower);
}

#endif

} // namespace AsciiWords
