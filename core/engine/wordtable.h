// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/hugepageallocator.h"

#include <QByteArrayView>
#include <QtGlobal>

#include <cstring>
#include <vector>

/*!
    \brief A hash table from words (byte strings, at most 1,000 bytes) to 64-bit counts.

    Entries are kept dense in insertion order, so that merging and sorting walk contiguous
    memory. A word of up to 16 bytes, as nearly all words of text are, lives in its entry; longer
    ones in one byte arena. So finding a word takes two reads, its index slot and its entry,
    instead of three: with tens of thousands of words they miss the cache, and they were most of
    the counting's time. The open-addressing index holds a 32-bit hash tag next to each entry
    number, so most probes never touch the entries. The hash is seeded once per process
    (hashSeed()), so no file can be made whose words pile up in the index.

    Not thread safe: each map call fills its own table and the reduce step merges them.
*/
class WordTable final
{
public:
    static constexpr quint32 InlineBytes = 16;

    struct Entry
    {
        quint64 count = 0;
        // A word of up to InlineBytes bytes, zero-padded; a longer one's offset in the arena.
        quint64 key[2] = {0, 0};
        quint32 length = 0; // bytes
        quint32 hash = 0;
    };

    WordTable() = default;

    //! Adds \a count to \a word, inserting it if new.
    void add(const char *word, qsizetype length, quint64 count = 1);
    //! The same, with the word's hashOf() known.
    void add(const char *word, qsizetype length, quint32 hash, quint64 count);
    /*!
        Adds one to each of the \a count words, as add() one by one would. Looks up the index
        slots and entries of a few dozen words before counting them, so that their reads, which
        miss the cache once a table holds tens of thousands of words, overlap instead of each
        waiting for the one before. The 16 bytes from each word's start must be readable (they
        are read whatever the word's length): words in a buffer with room after its end.
    */
    void addEach(const QByteArrayView *words, qsizetype count);

    //! Adds every count of \a other to this table.
    void merge(const WordTable &other);

    //! Returns the count of \a word, 0 if absent.
    quint64 count(QByteArrayView word) const;

    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    const Entry &entry(qsizetype i) const { return m_entries[size_t(i)]; }
    QByteArrayView word(qsizetype i) const
    {
        const Entry &e = m_entries[size_t(i)];
        return QByteArrayView(wordData(e), qsizetype(e.length));
    }
    //! The bytes of \a e's word, valid until the table changes.
    const char *wordData(const Entry &e) const
    {
        return e.length <= InlineBytes ? reinterpret_cast<const char *>(e.key)
                                       : m_arena.data() + e.key[0];
    }

    //! Approximate heap bytes held, for memory accounting in benchmarks and tests.
    qsizetype memoryUsage() const;

    void swap(WordTable &other) noexcept
    {
        m_entries.swap(other.m_entries);
        m_index.swap(other.m_index);
        m_arena.swap(other.m_arena);
        std::swap(m_mask, other.m_mask);
        std::swap(m_growAt, other.m_growAt);
    }

    /*!
        The hash of a word under the process's hash seed: what add() and count() use. Called
        concurrently by worker threads; thread safe while the seed stays put.
    */
    static quint32 hashOf(const char *data, qsizetype length);

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
    void insertOrAdd(const char *word, size_t length, quint32 hash, quint64 count);
    void insertKeyed(const char *word, size_t length, quint64 k0, quint64 k1, quint32 hash,
                     quint64 count);
    void grow();

    std::vector<Entry, HugePageAllocator<Entry>> m_entries;
    // Each slot: (hash << 32) | (entry number + 1); 0 means empty.
    std::vector<quint64, HugePageAllocator<quint64>> m_index;
    std::vector<char, HugePageAllocator<char>> m_arena;
    quint64 m_mask = 0;
    size_t m_growAt = 0; // entries that make the index half full
};
