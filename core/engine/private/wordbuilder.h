// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countresult.h"
#include "core/engine/private/asciiwords.h"
#include "core/engine/private/bytetables.h"
#include "core/engine/private/chunkcounter.h"
#include "core/engine/wordtable.h"
#include "core/text/wordfolding.h"

#include <QString>

#include <cstring>
#include <vector>

// Building words of words mode from code points. Internal to the chunk counter.
namespace ChunkCounting {

constexpr int RawWordCap = 4000; // NFC and lowercasing shrink a word to no less than a third
// Room for one word being built: lowercasing may lengthen a code point, and the hash reads 16
// bytes from a word's start whatever its length (WordTable::addEach).
constexpr int WordRoom = RawWordCap * 2 + 32;

// One per chunk, used by the worker thread counting it.
class WordBuilder
{
public:
    enum State { Outside, InWord, AfterApostrophe };

    explicit WordBuilder(WordTable &table, ChunkTally &tally)
        : m_table(table)
        , m_tally(tally)
        , m_words(BatchBytes + WordRoom)
        , m_lower(m_words.data())
    { }
    // The words still waiting are counted on every way out of the chunk, as whitespace mode's.
    ~WordBuilder() { countBatch(); }
    Q_DISABLE_COPY_MOVE(WordBuilder)

    State state() const { return m_state; }
    // Past the chunk's end, the rest of a foreign word is not ours and an over-long word of
    // ours counts the same however it ends: reading on would only cost time (a 1 GiB word).
    bool isSettled() const { return m_discard || m_overflow; }

    // Continues a word that began in the previous chunk: it is that chunk's to count.
    void resumeForeignWord(State state)
    {
        m_state = state;
        m_discard = true;
    }

    /*!
        Appends the run of ASCII word characters that starts at \a p, the common case, and returns
        where it ends. Reads and writes 16 bytes at a time (AsciiWords::copyRun): the run must end
        before the end of a readable buffer, as the block's sentinel ends it.
    */
    const char *appendAsciiRun(const char *p)
    {
        enterWord();
        for (;;) {
            const int n = AsciiWords::copyRun(p, m_raw + m_rawLength, m_lower + m_lowerLength);
            p += n;
            if (!isSettled()) {
                if (m_rawLength + n > RawWordCap) {
                    m_overflow = true;
                } else {
                    m_rawLength += n;
                    m_lowerLength += n;
                }
            }
            if (n < 16)
                return p;
        }
    }

    /*!
        Outside a word, at an ASCII word character: queues the words from \a p on while they are
        plain, as most words of text are: at most 15 ASCII word characters, ended by an ASCII byte
        that neither is a word character nor an apostrophe (which may join two runs), with only
        such bytes between them. Returns where the first other thing begins: a word that must be
        built the general way, or a byte from 0x80 up. The block's sentinel is one, and it stands
        at the chunk's end or before (BlockReader reads past the chunk only to end a word begun in
        it, and the kernel stops at the first byte outside a word there): no word of the next chunk
        is taken.

        The words are found from masks of 64 bytes (AsciiWords::classify64()), so that a word costs
        no branch per byte and none on its length: the byte-by-byte state machine mispredicted at
        most words' ends. This took a quarter off a 1-worker run on Don Quijote (0.45 s to 0.34 s)
        and a third off one on the Bible. A word that a window cuts is looked at again from the
        next window, which starts with it. Reads 64 bytes from each window, and so up to 63 past
        the sentinel (BlockReader's ScanPadding).
    */
    const char *queuePlainWords(const char *p)
    {
        Q_ASSERT(m_state == Outside);
        for (;;) {
            const AsciiWords::Masks m = AsciiWords::classify64(p);
            const quint64 plainEnd = ~(m.word | m.nonAscii | m.apostrophe);
            quint64 todo = m.word | m.nonAscii; // outside a word an apostrophe only separates
            while (todo != 0) {
                const int first = __builtin_ctzll(todo);
                const char *const start = p + first;
                if ((m.nonAscii >> first) & 1)
                    return start;
                const quint64 after = ~m.word & (~0ULL << first);
                if (after == 0) { // the word goes on past the window
                    if (first == 0)
                        return start;
                    break;
                }
                const int end = __builtin_ctzll(after);
                if (end - first > int(WordTable::InlineBytes) || !((plainEnd >> end) & 1))
                    return start;
                AsciiWords::lower16(start, m_lower);
                queue(end - first);
                todo &= ~0ULL << end;
            }
            p += todo != 0 ? __builtin_ctzll(todo) : 64;
        }
    }

    //! As feed() with a word character below U+0300, from its UTF-8 and its entry in Latin.
    void appendLatin(const char *utf8, const LatinChar &c)
    {
        enterWord();
        if (m_discard)
            return;
        if (m_rawLength > RawWordCap - 4) { // as append()
            m_overflow = true;
            return;
        }
        std::memcpy(m_raw + m_rawLength, utf8, 2);
        std::memcpy(m_lower + m_lowerLength, c.fold, 4);
        m_rawLength += 2;
        m_lowerLength += c.foldLength;
    }

    void feed(char32_t cp, CharClass cls)
    {
        if (cls == WordChar) {
            enterWord();
            append(cp);
        } else if (m_state == InWord && cls == Apostrophe) {
            m_apostrophe = cp;
            m_state = AfterApostrophe;
        } else if (m_state != Outside) {
            finish();
        }
    }

    void finish()
    {
        m_state = Outside;
        // Inline for the common word, which needs nothing but queuing: a call per word cost more.
        if (Q_LIKELY(!(m_discard || m_overflow || m_needsNormalization)
                     && m_lowerLength <= CountResult::MaxWordBytes)) {
            queue(m_lowerLength);
            return;
        }
        finishOther();
    }

private:
    // What a word character does to the state before it is appended: starts a word, or keeps the
    // apostrophe it follows.
    void enterWord()
    {
        if (m_state == Outside) {
            begin();
        } else if (m_state == AfterApostrophe) {
            append(m_apostrophe);
            m_state = InWord;
        }
    }

    Q_NEVER_INLINE void finishOther()
    {
        if (m_discard) {
            m_discard = false;
            return;
        }
        if (m_overflow) {
            ++m_tally.overlongWords;
            return;
        }
        qsizetype length = m_lowerLength;
        if (m_needsNormalization) {
            normalize();
            length = qsizetype(m_normalized.size());
        }
        if (length > CountResult::MaxWordBytes) {
            ++m_tally.overlongWords;
            return;
        }
        if (m_needsNormalization) // in place of the lowercased code points, which NFC replaces
            std::memcpy(m_lower, m_normalized.constData(), size_t(length));
        queue(length);
    }

    // Counted in batches: addEach() overlaps the table's cache misses, and by the time it hashes
    // a word the bytes written here have long left the store buffer.
    void queue(qsizetype length)
    {
        m_batch[m_batched++] = QByteArrayView(m_lower, length);
        m_lower += length;
        ++m_tally.words;
        if (m_batched == BatchWords || m_lower > m_words.data() + BatchBytes)
            countBatch();
    }

    static constexpr qsizetype BatchWords = 256;
    static constexpr qsizetype BatchBytes = 16384;

    Q_NEVER_INLINE void countBatch()
    {
        m_table.addEach(m_batch, m_batched);
        m_batched = 0;
        m_lower = m_words.data();
    }

    void begin()
    {
        m_state = InWord;
        m_discard = false;
        m_overflow = false;
        m_needsNormalization = false;
        m_rawLength = 0;
        m_lowerLength = 0;
    }

    void append(char32_t cp)
    {
        if (m_discard)
            return;
        if (cp < 0x80) {
            if (m_rawLength + 1 > RawWordCap) {
                m_overflow = true;
                return;
            }
            m_raw[m_rawLength++] = char(cp);
            m_lower[m_lowerLength++] = asciiLower(char(cp));
            return;
        }
        if (m_rawLength > RawWordCap - 4) {
            m_overflow = true;
            return;
        }
        m_rawLength += encodeUtf8(cp, m_raw + m_rawLength);
        // Below U+0300 every code point is NFC on its own and nothing composes with it: lowercase
        // at once. From there on, NFC must see the original text first.
        if (cp < 0x300)
            m_lowerLength += encodeUtf8(WordFolding::foldCodePoint(cp), m_lower + m_lowerLength);
        else
            m_needsNormalization = true;
    }

    void normalize() { WordFolding::fold(QString::fromUtf8(m_raw, m_rawLength), &m_normalized); }

    WordTable &m_table;
    ChunkTally &m_tally;
    State m_state = Outside;
    bool m_discard = false;
    bool m_overflow = false;
    bool m_needsNormalization = false;
    char32_t m_apostrophe = 0;
    int m_rawLength = 0;
    int m_lowerLength = 0;
    char m_raw[RawWordCap + 16]; // AsciiWords::copyRun() writes 16 bytes
    // The words of a batch, one after the other; the word being built starts at m_lower, with
    // WordRoom bytes free from there.
    std::vector<char> m_words;
    char *m_lower = nullptr;
    QByteArrayView m_batch[BatchWords];
    qsizetype m_batched = 0;
    QByteArray m_normalized; // reused: fold() keeps its capacity
};

} // namespace ChunkCounting
