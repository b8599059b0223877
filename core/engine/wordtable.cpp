// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/wordtable.h"

#include <QRandomGenerator>

namespace {

constexpr size_t InitialSlots = 1024;

inline quint64 load64(const char *p)
{
    quint64 v;
    std::memcpy(&v, p, 8);
    return v;
}

inline quint32 load32(const char *p)
{
    quint32 v;
    std::memcpy(&v, p, 4);
    return v;
}

inline quint64 mix(quint64 a, quint64 b)
{
    const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
    return quint64(r) ^ quint64(r >> 64);
}

// Equality of two words of \a n bytes; overlapping loads cover the short words of text.
inline bool sameBytes(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        if (n > 16)
            return std::memcmp(a, b, n) == 0;
        return load64(a) == load64(b) && load64(a + n - 8) == load64(b + n - 8);
    }
    if (n >= 4)
        return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    for (size_t i = 0; i < n; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

constexpr quint64 K1 = 0xe7037ed1a0b428dbULL;

// The secret part of the hash. Both factors of each multiplication that reads the word are keyed:
// were one of them the word's bytes XOR a public constant, words starting with those bytes would
// make it zero and collide whatever followed (before the seed, every word of 9 to 16 bytes
// starting with the 8 bytes of K1 hashed to 0), under any seed on the other side.
struct HashKeys
{
    quint64 seed = 0;
    quint64 k0 = 0; // the starting state, XORed into one factor
    quint64 k1 = 0; // XORed into the other
};

// splitmix64: spreads one 64-bit seed over the keys, so that any seed, even 0 or 1, gives keys
// with bits set all over.
quint64 splitMix(quint64 *state)
{
    quint64 z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

HashKeys keysFor(quint64 seed)
{
    HashKeys keys;
    keys.seed = seed;
    keys.k0 = splitMix(&seed);
    keys.k1 = splitMix(&seed);
    return keys;
}

// Set during static initialisation, before main() and so before any worker thread, and then read
// with plain loads: a function-local static would add a guard check to every word hashed. So no
// table may be filled from another file's static initialisation.
HashKeys g_keys = keysFor(QRandomGenerator::system()->generate64());

} // namespace

quint64 WordTable::hashSeed()
{
    return g_keys.seed;
}

void WordTable::setHashSeedForTesting(quint64 seed)
{
    g_keys = keysFor(seed);
}

// A wyhash-style hash: one or two multiplications for the short words that dominate text, both
// factors keyed by the process's seed. It is no keyed pseudorandom function like SipHash, but no
// word makes a product independent of the keys, as a public constant on one side would (the
// seed-independent collisions known for this family), so aiming words at chosen slots takes the
// keys, and they never leave the process: results are ordered by count and bytes, never by hash.
// That keeps linear probing short without a bound on it: the index being at most half full, a new
// word probes at most 2.5 slots on average, and a long run of taken slots is exponentially unlikely
// when nobody can aim at it. A bound would need a fallback, such as a new seed, that one table
// cannot take alone: merge() reuses the hashes of the others.
quint32 WordTable::hashOf(const char *p, qsizetype length)
{
    const HashKeys &keys = g_keys;
    const size_t n = size_t(length);
    quint64 a = 0;
    quint64 b = 0;
    quint64 seed = keys.k0 ^ n;
    if (n <= 16) {
        if (n >= 8) {
            a = load64(p);
            b = load64(p + n - 8);
        } else if (n >= 4) {
            a = load32(p);
            b = load32(p + n - 4);
        } else if (n > 0) {
            const auto *u = reinterpret_cast<const unsigned char *>(p);
            a = (quint64(u[0]) << 16) | (quint64(u[n >> 1]) << 8) | u[n - 1];
        }
    } else {
        size_t i = n;
        const char *q = p;
        while (i > 16) {
            seed = mix(load64(q) ^ keys.k1, load64(q + 8) ^ seed);
            q += 16;
            i -= 16;
        }
        a = load64(p + n - 16);
        b = load64(p + n - 8);
    }
    const quint64 h = mix(K1 ^ n, mix(a ^ keys.k1, b ^ seed));
    return quint32(h ^ (h >> 32));
}

void WordTable::add(const char *word, qsizetype length, quint32 hash, quint64 count)
{
    if (m_entries.size() >= m_growAt)
        grow();
    const quint64 tag = quint64(hash) << 32;
    size_t slot = hash & m_mask;
    for (;;) {
        const quint64 s = m_index[slot];
        if (s == 0)
            break;
        if ((s & 0xffffffff00000000ULL) == tag) {
            Entry &e = m_entries[size_t(s & 0xffffffffULL) - 1];
            if (e.length == quint32(length)
                && sameBytes(m_arena.data() + e.offset, word, size_t(length))) {
                e.count += count;
                return;
            }
        }
        slot = (slot + 1) & m_mask;
    }
    Entry e;
    e.count = count;
    e.offset = m_arena.size();
    e.length = quint32(length);
    e.hash = hash;
    m_arena.insert(m_arena.end(), word, word + length);
    m_entries.push_back(e);
    m_index[slot] = tag | quint64(m_entries.size());
}

void WordTable::merge(const WordTable &other)
{
    if (isEmpty()) {
        *this = other;
        return;
    }
    for (const Entry &e : other.m_entries)
        add(other.m_arena.data() + e.offset, qsizetype(e.length), e.hash, e.count);
}

quint64 WordTable::count(QByteArrayView word) const
{
    if (m_index.empty())
        return 0;
    const quint32 hash = hashOf(word.data(), word.size());
    const quint64 tag = quint64(hash) << 32;
    for (size_t slot = hash & m_mask;; slot = (slot + 1) & m_mask) {
        const quint64 s = m_index[slot];
        if (s == 0)
            return 0;
        if ((s & 0xffffffff00000000ULL) == tag) {
            const Entry &e = m_entries[size_t(s & 0xffffffffULL) - 1];
            if (e.length == quint32(word.size())
                && sameBytes(m_arena.data() + e.offset, word.data(), size_t(word.size())))
                return e.count;
        }
    }
}

qsizetype WordTable::memoryUsage() const
{
    return qsizetype(m_entries.capacity() * sizeof(Entry) + m_index.capacity() * sizeof(quint64)
                     + m_arena.capacity());
}

void WordTable::grow()
{
    const size_t slotCount = m_index.empty() ? InitialSlots : m_index.size() * 2;
    m_index.assign(slotCount, 0);
    m_mask = slotCount - 1;
    m_growAt = slotCount / 2;
    if (m_entries.capacity() < slotCount / 2)
        m_entries.reserve(slotCount / 2);
    for (size_t i = 0; i < m_entries.size(); ++i) {
        size_t slot = m_entries[i].hash & m_mask;
        while (m_index[slot] != 0)
            slot = (slot + 1) & m_mask;
        m_index[slot] = (quint64(m_entries[i].hash) << 32) | quint64(i + 1);
    }
}
