// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/hugepageallocator.h"
#include "core/engine/mappedarray.h"

#include <QByteArrayView>
#include <QtGlobal>

#include <algorithm>
#include <cstring>
#include <vector>

/*!
    \brief A hash table from words (byte strings, at most 2,000 bytes) to 64-bit counts.

    Entries are kept dense in insertion order, so that merging and sorting walk contiguous
    memory. A word of up to 15 bytes, as nearly all words of text are, lives in its entry with its
    length; longer ones in one byte arena. So finding a word takes two reads, its index slot and
    its entry, instead of three: with tens of thousands of words they miss the cache, and they
    were most of the counting's time. An entry is 24 bytes and an index slot 4, which hold a job
    of 8 million distinct words in 259 MB where 32-byte entries and 8-byte slots took 390 MB.
    A slot holds the entry's number and, in the bits that number leaves free, a tag of the
    word's hash, so most probes never touch the entries. The hash is seeded once per process
    (hashSeed()), so no file can be made whose words pile up in the index.

    Not thread safe: each map call fills its own table and the reduce step merges them.
*/
class WordTable final
{
public:
    static constexpr quint32 InlineBytes = 15;
    static constexpr quint64 LongWord = 0xff; // the top byte of a long word's key[1]

    struct Entry
    {
        /*
            A word of up to InlineBytes bytes: its bytes zero-padded, its length in the top byte
            (so one comparison of the two keys compares length and bytes). A longer word: its
            offset in the arena, then LongWord in the top byte and its length in the low bits.
        */
        quint64 key[2] = {0, 0};
        quint64 count = 0;

        bool isInline() const { return (key[1] >> 56) != LongWord; }
        quint32 length() const { return isInline() ? quint32(key[1] >> 56) : quint32(key[1]); }
    };
    static_assert(sizeof(Entry) == 24, "the memory figures above count 24 bytes an entry");

    WordTable() = default;

    //! Makes room for \a entries words, so that the table grows no more until it has them.
    void reserve(qsizetype entries)
    {
        if (size_t(entries) > m_growAt || m_index.empty())
            reserveSlots(size_t(std::max<qsizetype>(entries, 1)));
    }

    //! Forgets every word, keeping the memory for the next ones: a chunk's table filled again
    //! costs no new pages, which the kernel must zero (a tenth of the time with 8 M words).
    void clear();

    //! Adds \a count to \a word, inserting it if new.
    void add(const char *word, qsizetype length, quint64 count = 1);
    //! The same, with the word's hashOf() known.
    void add(const char *word, qsizetype length, quint64 hash, quint64 count);
    /*!
        Adds one to each of the \a count words, as add() one by one would. Once the table holds
        tens of thousands of words, whose reads miss the cache, it looks up the index slots and
        entries of a few dozen words before counting them, so that their reads overlap instead
        of each waiting for the one before. The 16 bytes from each word's start must be
        readable (they are read whatever the word's length): words in a buffer with room after
        its end. Runs on the worker thread that owns the table.
    */
    void addEach(const QByteArrayView *words, qsizetype count);

    //! Adds every count of \a other to this table.
    void merge(const WordTable &other);

    /*!
        Returns the count of \a word, 0 if absent. After releaseIndex() a walk through every
        entry: fine for a test or one look, not for a loop.
    */
    quint64 count(QByteArrayView word) const;

    /*!
        Frees the index, a sixth of the table's memory, when no more lookups come: a finished
        job's table, which is only sorted and read in order from then on (with 8 million words,
        64 MB less while it is sorted). add() and merge() build it again.
    */
    void releaseIndex();

    //! The entries, to be put in another order (OutputOrder::sort()): only with the index
    //! released, which would not find them after.
    Entry *entriesToReorder()
    {
        Q_ASSERT(m_index.empty());
        return m_entries.data();
    }

    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    const Entry &entry(qsizetype i) const { return m_entries[size_t(i)]; }
    QByteArrayView word(qsizetype i) const
    {
        const Entry &e = m_entries[size_t(i)];
        return QByteArrayView(wordData(e), qsizetype(e.length()));
    }
    //! The bytes of \a e's word, valid until the table changes.
    const char *wordData(const Entry &e) const
    {
        return e.isInline() ? reinterpret_cast<const char *>(e.key) : m_arena.data() + e.key[0];
    }

    //! Approximate heap bytes held, for memory accounting in benchmarks and tests.
    qsizetype memoryUsage() const;

    void swap(WordTable &other) noexcept
    {
        m_entries.swap(other.m_entries);
        m_index.swap(other.m_index);
        m_arena.swap(other.m_arena);
        std::swap(m_mask, other.m_mask);
        std::swap(m_slotBits, other.m_slotBits);
        std::swap(m_growAt, other.m_growAt);
    }

    /*!
        The hash of a word under the process's hash seed: what add() and count() use. Called
        concurrently by worker threads; thread safe while the seed stays put.
    */
    static quint64 hashOf(const char *data, qsizetype length);

    /*!
        The process's hash seed, drawn from QRandomGenerator::system() before main() runs. Which
        words collide depends on it, so a file crafted to collide (hash flooding) cannot be made
        without knowing it. One seed for every table: merge() reuses the hashes in entries.
    */
    static quint64 hashSeed();

    /*!
        Makes \a seed the process's hash seed, so that a test can craft colliding words or show
        that results do not depend on the seed. Call it only while no other thread hashes, and
        use no table filled before: its stored hashes belong to the old seed. A function, not an
        environment variable read at start-up: a test needs several seeds in one process, and a
        variable would let a deployment pin the seed an attacker then crafts against.
    */
    static void setHashSeedForTesting(quint64 seed);

private:
    template<bool Hashed>
    void insertOrAdd(const char *word, size_t length, quint64 hash, quint64 count);
    void addEachCached(const QByteArrayView *words, qsizetype count);
    void insertKeyed(const char *word, size_t length, quint64 k0, quint64 k1, quint64 hash,
                     quint64 count);
    //! Makes the index large enough for \a entries entries, at most half full.
    void reserveSlots(size_t entries);
    quint64 hashOfEntry(const Entry &e) const;
    //! The bits of a slot above the entry number: from the hash's high half, which the slot's
    //! place (its low bits) does not already tell.
    quint32 tagOf(quint64 hash) const
    {
        return quint32(quint64(quint32(hash >> 32)) << m_slotBits);
    }
    quint32 entryBitsOf(quint32 slot) const
    {
        return quint32(slot & ((quint64(1) << m_slotBits) - 1));
    }

    MappedArray<Entry> m_entries;
    // Each slot: tagOf(hash) | (entry number + 1); 0 means empty. A table of 2^k slots holds at
    // most 2^(k-1) entries, whose numbers + 1 take the low k bits.
    MappedArray<quint32> m_index;
    std::vector<char, HugePageAllocator<char>> m_arena;
    static constexpr int InitialSlotBits = 10;
    // Up to this many slots (a quarter of a MiB of index), addEach() does not look ahead.
    static constexpr quint64 CachedIndexSlots = quint64(1) << 16;
    quint64 m_mask = 0;
    int m_slotBits = 0; // log2 of the slots
    size_t m_growAt = 0; // entries that make the index half full
};
