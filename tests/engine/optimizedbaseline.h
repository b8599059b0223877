// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

/*!
    \brief The strongest single-threaded baseline of the benchmark: whitespace mode written with
    the techniques of the fastest published word counters ("countwords", optimized C).

    read() in 64 KiB blocks; A-Z lowercased in place while the word is scanned; the FNV-1a hash
    computed in the same pass; open addressing with linear probing in a power-of-two table of
    (hash, word, count) kept at most half full; words in one arena. Then the same order as
    wordmill-cli: count descending, then the word's bytes ascending. Words over 1,000 bytes are
    skipped, as wordmill-cli does. Not thread safe; each call is independent.
*/
class OptimizedBaseline final
{
public:
    struct Word
    {
        uint64_t count = 0;
        uint32_t offset = 0; // into the arena
        uint32_t length = 0;
        uint64_t hash = 0;
    };

    struct Result
    {
        std::vector<Word> words; // sorted
        std::vector<char> arena;
        bool ok = false;
    };

    static Result count(const QString &path)
    {
        Result result;
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return result;
        Table table;
        constexpr size_t BlockBytes = 64 * 1024;
        constexpr size_t MaxWordBytes = 1000;
        // A word cut by the block's end is moved to the front, so the buffer holds one more.
        std::vector<char> buffer(BlockBytes + MaxWordBytes + 1);
        size_t carried = 0;
        bool overlong = false; // the word being read passed the limit: skip to its end
        uint64_t hash = FnvOffset;
        for (;;) {
            const ssize_t n = ::read(fd, buffer.data() + carried, BlockBytes);
            if (n < 0) {
                ::close(fd);
                return result;
            }
            char *p = buffer.data() + carried;
            char *const end = p + n;
            char *word = buffer.data();
            if (n == 0) {
                if (carried > 0 && !overlong)
                    table.add(word, carried, hash);
                break;
            }
            while (p < end) {
                const unsigned char c = static_cast<unsigned char>(*p);
                if (c == ' ' || (c >= '\t' && c <= '\r')) {
                    if (p > word && !overlong)
                        table.add(word, size_t(p - word), hash);
                    overlong = false;
                    hash = FnvOffset;
                    word = ++p;
                    continue;
                }
                const unsigned char lower = unsigned(c - 'A') < 26u ? c + 32 : c;
                *p++ = char(lower);
                hash = (hash ^ lower) * FnvPrime;
                if (size_t(p - word) > MaxWordBytes) {
                    overlong = true;
                    word = p;
                }
            }
            carried = size_t(end - word);
            std::memmove(buffer.data(), word, carried);
        }
        ::close(fd);
        table.sorted(&result);
        result.ok = true;
        return result;
    }

    //! The same TSV as wordmill-cli: "word<TAB>count" lines.
    static QByteArray toTsv(const Result &result)
    {
        QByteArray out;
        for (const Word &w : result.words) {
            out.append(result.arena.data() + w.offset, qsizetype(w.length));
            out.append('\t');
            out.append(QByteArray::number(quint64(w.count)));
            out.append('\n');
        }
        return out;
    }

private:
    static constexpr uint64_t FnvOffset = 14695981039346656037ULL;
    static constexpr uint64_t FnvPrime = 1099511628211ULL;

    class Table
    {
    public:
        Table()
            : m_slots(1 << 16)
        { }

        void add(const char *word, size_t length, uint64_t hash)
        {
            size_t i = size_t(hash) & (m_slots.size() - 1);
            for (;;) {
                Word &w = m_slots[i];
                if (w.count == 0)
                    break;
                if (w.hash == hash && w.length == length
                    && std::memcmp(m_arena.data() + w.offset, word, length) == 0) {
                    ++w.count;
                    return;
                }
                i = (i + 1) & (m_slots.size() - 1);
            }
            Word &w = m_slots[i];
            w.count = 1;
            w.hash = hash;
            w.length = uint32_t(length);
            w.offset = uint32_t(m_arena.size());
            m_arena.insert(m_arena.end(), word, word + length);
            if (++m_used * 2 > m_slots.size())
                grow();
        }

        void sorted(Result *result)
        {
            result->words.reserve(m_used);
            for (const Word &w : m_slots)
                if (w.count != 0)
                    result->words.push_back(w);
            const char *arena = m_arena.data();
            std::sort(result->words.begin(), result->words.end(),
                      [arena](const Word &a, const Word &b) {
                          if (a.count != b.count)
                              return a.count > b.count;
                          const int c = std::memcmp(arena + a.offset, arena + b.offset,
                                                    std::min(a.length, b.length));
                          return c != 0 ? c < 0 : a.length < b.length;
                      });
            result->arena.swap(m_arena);
        }

    private:
        void grow()
        {
            std::vector<Word> old(m_slots.size() * 2);
            old.swap(m_slots);
            for (const Word &w : old) {
                if (w.count == 0)
                    continue;
                size_t i = size_t(w.hash) & (m_slots.size() - 1);
                while (m_slots[i].count != 0)
                    i = (i + 1) & (m_slots.size() - 1);
                m_slots[i] = w;
            }
        }

        std::vector<Word> m_slots;
        std::vector<char> m_arena;
        size_t m_used = 0;
    };
};
