// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <cstring>
#include <vector>

/*!
    \brief A hash table from words (byte strings, at most 1,000 bytes) to 64-bit counts.

    Words live in one byte arena and entries are kept dense in insertion order, so that merging
    and sorting walk contiguous memory. The open-addressing index holds a 32-bit hash tag next to
    each entry number, so most probes never touch the entries. The hash is seeded once per
    process (hashSeed()), so no file can be made whose words pile up in the index.

    Not thread safe: each map call fills its own table and the reduce step merges them.
*/
class WordTable final
{
public:
    struct Entry
    {
        quint64 count = 0;
        quint64 offset = 0; // into the arena
        quint32 length = 0; // bytes
        quint32 hash = 0;
    };

    WordTable() = default;

    //! Adds \a count to \a word, inserting it if new.
    void add(const char *word, qsizetype length, quint64 count = 1)
    {
        add(word, length, hashOf(word, length), count);
    }
    void add(const char *word, qsizetype length, quint32 hash, quint64 count);

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
        return QByteArrayView(m_arena.data() + e.offset, qsizetype(e.length));
    }
    const char *wordData(const Entry &e) const { return m_arena.data() + e.offset; }

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
    void grow();

    std::vector<Entry> m_entries;
    // Each slot: (hash << 32) | (entry number + 1); 0 means empty.
    std::vector<quint64> m_index;
    std::vector<char> m_arena;
    quint64 m_mask = 0;
    size_t m_growAt = 0; // entries that make the index half full
};
