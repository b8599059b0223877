// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/wordtable.h"

#include <QRandomGenerator>

namespace {

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

// A word of at most 15 bytes as two little-endian words, zero-padded, with its length in the top
// byte (Entry::key), read without touching a byte past its end: overlapping loads, whose common
// bytes agree, cover the short words of text.
inline void shortKey(const char *p, size_t n, quint64 *k0, quint64 *k1)
{
    if (n >= 8) {
        *k0 = load64(p);
        *k1 = n > 8 ? load64(p + n - 8) >> (8 * (16 - n)) : 0;
    } else if (n >= 4) {
        *k0 = quint64(load32(p)) | (quint64(load32(p + n - 4)) << (8 * (n - 4)));
        *k1 = 0;
    } else {
        const auto *u = reinterpret_cast<const unsigned char *>(p);
        *k0 = n == 0 ? 0
                     : quint64(u[0]) | (quint64(u[n >> 1]) << (8 * (n >> 1)))
                | (quint64(u[n - 1]) << (8 * (n - 1)));
        *k1 = 0;
    }
    *k1 |= quint64(n) << 56;
}

// The same key as shortKey(), from a word whose 16 bytes from its start may all be read: two
// loads and two masks, with no branch on the length, whose mispredictions cost more than the
// hash when the lengths of text's words follow each other at random.
struct KeyMasks
{
    quint64 low[WordTable::InlineBytes + 1];
    quint64 high[WordTable::InlineBytes + 1];
    constexpr KeyMasks()
        : low()
        , high()
    {
        for (size_t n = 0; n <= WordTable::InlineBytes; ++n) {
            low[n] = n >= 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
            high[n] = n <= 8 ? 0 : (1ULL << (8 * (n - 8))) - 1;
        }
    }
};
constexpr KeyMasks Masks;

inline void paddedShortKey(const char *p, size_t n, quint64 *k0, quint64 *k1)
{
    *k0 = load64(p) & Masks.low[n];
    *k1 = (load64(p + 8) & Masks.high[n]) | (quint64(n) << 56);
}

// A long word's key[1]: LongWord on top, the length below.
inline quint64 longKey(size_t n)
{
    return (WordTable::LongWord << 56) | n;
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
namespace {

// k1 holds the length (shortKey()), so words that differ only in trailing zero bytes differ.
inline quint64 hashOfShort(quint64 k0, quint64 k1)
{
    const HashKeys &keys = g_keys;
    return mix(K1, mix(k0 ^ keys.k1, k1 ^ keys.k0));
}

quint64 hashOfLong(const char *p, size_t n)
{
    const HashKeys &keys = g_keys;
    quint64 seed = keys.k0 ^ n;
    size_t i = n;
    const char *q = p;
    while (i > 16) {
        seed = mix(load64(q) ^ keys.k1, load64(q + 8) ^ seed);
        q += 16;
        i -= 16;
    }
    return mix(K1 ^ n, mix(load64(p + n - 16) ^ keys.k1, load64(p + n - 8) ^ seed));
}

} // namespace

quint64 WordTable::hashOf(const char *p, qsizetype length)
{
    const size_t n = size_t(length);
    if (n > InlineBytes)
        return hashOfLong(p, n);
    quint64 k0;
    quint64 k1;
    shortKey(p, n, &k0, &k1);
    return hashOfShort(k0, k1);
}

quint64 WordTable::hashOfEntry(const Entry &e) const
{
    return e.isInline() ? hashOfShort(e.key[0], e.key[1])
                        : hashOfLong(m_arena.data() + e.key[0], e.length());
}

void WordTable::add(const char *word, qsizetype length, quint64 count)
{
    insertOrAdd<false>(word, size_t(length), 0, count);
}

void WordTable::add(const char *word, qsizetype length, quint64 hash, quint64 count)
{
    insertOrAdd<true>(word, size_t(length), hash, count);
}

template<bool Hashed>
void WordTable::insertOrAdd(const char *word, size_t length, quint64 hash, quint64 count)
{
    if (m_entries.size() >= m_growAt)
        reserveSlots(m_entries.size() + 1);
    quint64 k0 = 0;
    quint64 k1 = longKey(length);
    if (length <= InlineBytes) {
        shortKey(word, length, &k0, &k1);
        if (!Hashed)
            hash = hashOfShort(k0, k1);
    } else if (!Hashed) {
        hash = hashOfLong(word, length);
    }
    insertKeyed(word, length, k0, k1, hash, count);
}

void WordTable::addEach(const QByteArrayView *words, qsizetype count)
{
    if (m_mask < CachedIndexSlots) {
        addEachCached(words, count);
        return;
    }
    // Far enough ahead for the reads to overlap, near enough for their lines to stay in L1.
    constexpr qsizetype Ahead = 32;
    struct Looked
    {
        quint64 k0 = 0;
        quint64 k1 = 0;
        quint64 hash = 0;
    };
    Looked looked[Ahead];
    for (qsizetype base = 0; base < count; base += Ahead) {
        const qsizetype n = std::min(Ahead, count - base);
        // No growing below: the slots looked up stay where they are.
        if (m_entries.size() + size_t(n) > m_growAt)
            reserveSlots(m_entries.size() + size_t(n));
        for (qsizetype i = 0; i < n; ++i) {
            const QByteArrayView w = words[base + i];
            Looked &l = looked[i];
            if (size_t(w.size()) <= InlineBytes) {
                paddedShortKey(w.data(), size_t(w.size()), &l.k0, &l.k1);
                l.hash = hashOfShort(l.k0, l.k1);
            } else {
                l.k1 = longKey(size_t(w.size()));
                l.hash = hashOfLong(w.data(), size_t(w.size()));
            }
            __builtin_prefetch(&m_index[l.hash & m_mask]);
        }
        const quint32 tagBits = ~entryBitsOf(~0u);
        for (qsizetype i = 0; i < n; ++i) {
            const quint32 s = m_index[looked[i].hash & m_mask];
            if (s != 0 && (s & tagBits) == tagOf(looked[i].hash))
                __builtin_prefetch(&m_entries[entryBitsOf(s) - 1]);
        }
        for (qsizetype i = 0; i < n; ++i) {
            const QByteArrayView w = words[base + i];
            insertKeyed(w.data(), size_t(w.size()), looked[i].k0, looked[i].k1, looked[i].hash, 1);
        }
    }
}

// A small table's slots and entries stay in the core's cache, so its reads hardly wait and
// looking a batch up ahead only costs work: the words are counted one after the other.
void WordTable::addEachCached(const QByteArrayView *words, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i) {
        if (m_entries.size() >= m_growAt)
            reserveSlots(m_entries.size() + 1);
        const QByteArrayView w = words[i];
        quint64 k0 = 0;
        quint64 k1;
        quint64 hash;
        if (size_t(w.size()) <= InlineBytes) {
            paddedShortKey(w.data(), size_t(w.size()), &k0, &k1);
            hash = hashOfShort(k0, k1);
        } else {
            k1 = longKey(size_t(w.size()));
            hash = hashOfLong(w.data(), size_t(w.size()));
        }
        insertKeyed(w.data(), size_t(w.size()), k0, k1, hash, 1);
    }
}

// The word's key serves both its hash and its comparison with the entries: the hit path of a
// short word reads its index slot and its entry, never the arena. The caller made room.
inline void WordTable::insertKeyed(const char *word, size_t length, quint64 k0, quint64 k1,
                                   quint64 hash, quint64 count)
{
    const bool isShort = length <= InlineBytes;
    const quint32 tag = tagOf(hash);
    const quint32 tagBits = ~entryBitsOf(~0u);
    size_t slot = hash & m_mask;
    for (;;) {
        const quint32 s = m_index[slot];
        if (s == 0)
            break;
        if ((s & tagBits) == tag) {
            Entry &e = m_entries[entryBitsOf(s) - 1];
            if (e.key[1] == k1
                && (isShort ? e.key[0] == k0
                            : std::memcmp(m_arena.data() + e.key[0], word, length) == 0)) {
                e.count += count;
                return;
            }
        }
        slot = (slot + 1) & m_mask;
    }
    Entry e;
    e.count = count;
    e.key[1] = k1;
    if (isShort) {
        e.key[0] = k0;
    } else {
        e.key[0] = m_arena.size();
        m_arena.insert(m_arena.end(), word, word + length);
    }
    m_entries.push_back(e);
    m_index[slot] = tag | quint32(m_entries.size());
}

void WordTable::merge(const WordTable &other)
{
    if (isEmpty()) {
        *this = other;
        return;
    }
    // As addEach(): the slots of a few dozen entries are asked for before they are needed, which
    // matters when the merged table is large (millions of distinct words) and its reads miss.
    // The hashes are worked out again: keeping them would take 8 bytes an entry.
    constexpr size_t Ahead = 32;
    const size_t total = other.m_entries.size();
    const quint32 tagBits = ~entryBitsOf(~0u);
    quint64 hashes[Ahead];
    for (size_t base = 0; base < total; base += Ahead) {
        const size_t n = std::min(Ahead, total - base);
        if (m_entries.size() + n > m_growAt)
            reserveSlots(m_entries.size() + n);
        const Entry *const from = other.m_entries.data() + base;
        for (size_t i = 0; i < n; ++i) {
            hashes[i] = other.hashOfEntry(from[i]);
            __builtin_prefetch(&m_index[hashes[i] & m_mask]);
        }
        for (size_t i = 0; i < n; ++i) {
            const quint32 s = m_index[hashes[i] & m_mask];
            if (s != 0 && (s & tagBits) == tagOf(hashes[i]))
                __builtin_prefetch(&m_entries[entryBitsOf(s) - 1]);
        }
        for (size_t i = 0; i < n; ++i) {
            const Entry &e = from[i];
            insertKeyed(other.wordData(e), e.length(), e.key[0], e.key[1], hashes[i], e.count);
        }
    }
}

quint64 WordTable::count(QByteArrayView word) const
{
    if (m_index.empty()) {
        for (qsizetype i = 0; i < size(); ++i)
            if (this->word(i) == word)
                return entry(i).count;
        return 0;
    }
    const quint64 hash = hashOf(word.data(), word.size());
    const quint32 tag = tagOf(hash);
    const quint32 tagBits = ~entryBitsOf(~0u);
    for (size_t slot = hash & m_mask;; slot = (slot + 1) & m_mask) {
        const quint32 s = m_index[slot];
        if (s == 0)
            return 0;
        if ((s & tagBits) == tag && this->word(entryBitsOf(s) - 1) == word)
            return m_entries[entryBitsOf(s) - 1].count;
    }
}

qsizetype WordTable::memoryUsage() const
{
    return qsizetype(m_entries.capacity() * sizeof(Entry) + m_index.capacity() * sizeof(quint32)
                     + m_arena.capacity());
}

void WordTable::clear()
{
    m_entries.clear();
    m_arena.clear();
    if (!m_index.empty())
        std::memset(m_index.data(), 0, m_index.size() * sizeof(quint32));
}

void WordTable::releaseIndex()
{
    MappedArray<quint32>().swap(m_index);
    m_mask = 0;
    m_slotBits = 0;
    m_growAt = 0;
}

void WordTable::reserveSlots(size_t entries)
{
    int bits = std::max(m_slotBits, InitialSlotBits);
    while ((size_t(1) << bits) / 2 < entries)
        ++bits;
    // Entry numbers + 1 must fit below the tag: 2^31 entries at most (quint32 everywhere).
    Q_ASSERT(bits <= 32);
    const size_t slotCount = size_t(1) << bits;
    m_index.assignZeroed(slotCount);
    m_slotBits = bits;
    m_mask = slotCount - 1;
    m_growAt = slotCount / 2;
    if (m_entries.capacity() < slotCount / 2)
        m_entries.reserve(slotCount / 2);
    // As merge(): the slots of a few dozen entries are asked for before they are written. A
    // large index misses the cache on nearly every one, and the rehashes of a table growing to
    // 8 M words took a third of its reduce, each slot waited for in turn.
    constexpr size_t Ahead = 32;
    quint64 hashes[Ahead];
    const size_t total = m_entries.size();
    for (size_t base = 0; base < total; base += Ahead) {
        const size_t n = std::min(Ahead, total - base);
        for (size_t i = 0; i < n; ++i) {
            hashes[i] = hashOfEntry(m_entries[base + i]);
            __builtin_prefetch(&m_index[hashes[i] & m_mask], 1);
        }
        for (size_t i = 0; i < n; ++i) {
            size_t slot = hashes[i] & m_mask;
            while (m_index[slot] != 0)
                slot = (slot + 1) & m_mask;
            m_index[slot] = tagOf(hashes[i]) | quint32(base + i + 1);
        }
    }
}
