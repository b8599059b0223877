#include "chunkcounter.h"

#include "bytesource.h"
#include "jobcontrol.h"
#include "textdecoding.h"
#include "wordtable.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

using namespace TextDecoding;

namespace {

constexpr qint64 BlockSize = 1 << 20; // one checkpoint per MiB
constexpr qint64 TailBlockSize = 4096; // reads past the chunk only finish its last word
constexpr qint64 CarrySpace = 4096; // room before a block for what the last block left over
constexpr int RawWordCap = 4000; // NFC and lowercasing shrink a word to no less than a third

inline char asciiLower(char c)
{
    return char(c + (quint8(c - 'A') < 26 ? 32 : 0));
}

struct ByteTables
{
    std::array<bool, 256> space {};
    std::array<quint8, 256> asciiClass {};
    std::array<bool, 256> asciiWord {}; // an ASCII word character
    std::array<bool, 256> asciiSkip {}; // an ASCII byte that is not a word character
    ByteTables()
    {
        for (int b = 0; b < 256; ++b) {
            space[b] = isAsciiWhitespace(quint8(b));
            asciiClass[b] = b < 0x80 ? classify(char32_t(b)) : Separator;
            asciiWord[b] = b < 0x80 && asciiClass[b] == WordChar;
            asciiSkip[b] = b < 0x80 && asciiClass[b] != WordChar;
        }
    }
};
const ByteTables Tables;

std::vector<char> &threadBuffer()
{
    // One spare byte after a block holds a sentinel that ends the scanning loops.
    thread_local std::vector<char> buffer(size_t(CarrySpace + BlockSize + 1));
    return buffer;
}

// Streams blocks of a chunk and accounts for the bytes it owns. One per chunk.
class BlockReader
{
public:
    BlockReader(ByteSource &source, const ChunkTask &task, qint64 decodeEnd, JobControl *control,
                std::atomic<qint64> *bytesCounted, std::atomic<qint64> *fileBytesCounted)
        : m_source(source)
        , m_task(task)
        , m_decodeEnd(decodeEnd)
        , m_control(control)
        , m_bytesCounted(bytesCounted)
        , m_fileBytesCounted(fileBytesCounted)
        , m_block(threadBuffer().data() + CarrySpace)
    { }

    // A chunk that ends, counted or failed, reports all the bytes it owns, so that progress
    // reaches its total; a stopped one only what it read, so that a cancelled job never shows
    // its map phase as over.
    ~BlockReader()
    {
        if (!m_stopped)
            reportOwned(m_task.end);
    }

    char *block() const { return m_block; }
    qint64 position() const { return m_position; }
    void seek(qint64 position) { m_position = position; }
    bool atEnd() const { return m_position >= m_decodeEnd; }

    enum Result { Data, End, Stopped, Error };

    // Reads the next block at block(); \a length receives its size.
    Result next(qint64 *length)
    {
        reportOwned(m_position);
        if (!m_control->checkpoint()) {
            m_stopped = true;
            return Stopped;
        }
        qint64 want = m_position < m_task.end ? std::min(BlockSize, m_task.end - m_position)
                                              : TailBlockSize;
        want = std::min(want, m_decodeEnd - m_position);
        if (want <= 0)
            return End;
        const qint64 n = m_source.readAt(m_position, m_block, want);
        if (n < 0)
            return Error;
        if (n == 0)
            return End;
        m_position += n;
        *length = n;
        return Data;
    }

private:
    void reportOwned(qint64 upTo)
    {
        const qint64 owned = std::min(upTo, m_task.end) - m_task.begin;
        if (owned > m_reported) {
            m_bytesCounted->fetch_add(owned - m_reported, std::memory_order_relaxed);
            if (m_fileBytesCounted)
                m_fileBytesCounted->fetch_add(owned - m_reported, std::memory_order_relaxed);
            m_reported = owned;
        }
    }

    ByteSource &m_source;
    const ChunkTask &m_task;
    qint64 m_decodeEnd = 0;
    JobControl *m_control = nullptr;
    std::atomic<qint64> *m_bytesCounted = nullptr;
    std::atomic<qint64> *m_fileBytesCounted = nullptr;
    char *m_block = nullptr;
    qint64 m_position = 0;
    qint64 m_reported = 0;
    bool m_stopped = false;
};

ChunkTally failure(const QString &reason)
{
    ChunkTally tally;
    tally.status = ChunkTally::Failed;
    tally.error = reason;
    return tally;
}

// ---------------------------------------------------------------------------------------------
// Whitespace mode: the "countwords" rules, on raw bytes.

ChunkTally countWhitespace(BlockReader &reader, ByteSource &source, const ChunkTask &task,
                           WordTable &table)
{
    ChunkTally tally;
    bool inToken = false;
    bool discard = false; // the token started in the previous chunk
    bool overlong = false;
    qint64 carried = 0;
    if (task.begin > task.contentBegin) {
        char before = 0;
        if (source.readAt(task.begin - 1, &before, 1) != 1)
            return failure(source.errorString());
        inToken = discard = !Tables.space[quint8(before)];
    }
    reader.seek(task.begin);
    const auto endToken = [&](const char *start, qint64 length) {
        inToken = false;
        if (discard) {
            discard = false;
        } else if (overlong || length > ChunkCounter::MaxWordBytes) {
            ++tally.overlongWords;
        } else {
            table.add(start, length);
            ++tally.words;
        }
    };
    char *const block = reader.block();
    for (;;) {
        const qint64 blockBegin = reader.position();
        qint64 n = 0;
        const BlockReader::Result r = reader.next(&n);
        if (r == BlockReader::Stopped) {
            tally.status = ChunkTally::Cancelled;
            return tally;
        }
        if (r == BlockReader::Error)
            return failure(source.errorString());
        if (r == BlockReader::End) {
            if (inToken)
                endToken(block - carried, carried);
            return tally;
        }
        for (qint64 i = 0; i < n; ++i)
            block[i] = asciiLower(block[i]);
        block[n] = ' '; // sentinel: a token always ends
        const char *p = block;
        const char *const e = block + n;
        const char *start = block - carried;
        if (inToken && blockBegin >= task.end && (discard || overlong)) { // as in words mode
            endToken(start, carried);
            return tally;
        }
        for (;;) {
            if (!inToken) {
                while (p < e && Tables.space[quint8(*p)])
                    ++p;
                if (p == e)
                    break;
                if (blockBegin + (p - block) >= task.end)
                    return tally;
                inToken = true;
                overlong = false;
                start = p;
            }
            while (!Tables.space[quint8(*p)])
                ++p;
            if (p == e)
                break;
            endToken(start, p - start);
        }
        carried = 0;
        if (inToken && !discard && !overlong) {
            const qint64 length = e - start;
            if (length > ChunkCounter::MaxWordBytes) {
                overlong = true;
            } else {
                std::memmove(block - length, start, size_t(length));
                carried = length;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Words mode: Unicode words, NFC, simple lowercase.

class WordBuilder
{
public:
    enum State { Outside, InWord, AfterApostrophe };

    explicit WordBuilder(WordTable &table, ChunkTally &tally)
        : m_table(table)
        , m_tally(tally)
    { }

    State state() const { return m_state; }
    bool discarding() const { return m_discard; }
    // Past the chunk's end, the rest of a foreign word is not ours and an over-long word of
    // ours counts the same however it ends: reading on would only cost time (a 1 GiB word).
    bool isSettled() const { return m_discard || m_overflow; }

    // Continues a word that began in the previous chunk: it is that chunk's to count.
    void resumeForeignWord(State state)
    {
        m_state = state;
        m_discard = true;
    }

    // A run of ASCII word characters, the common case: copied and lowercased in one go.
    void appendAscii(const char *run, qsizetype length)
    {
        if (m_discard)
            return;
        if (m_rawLength + length > RawWordCap) {
            m_overflow = true;
            return;
        }
        std::memcpy(m_raw + m_rawLength, run, size_t(length));
        char *lower = m_lower + m_lowerLength;
        for (qsizetype i = 0; i < length; ++i)
            lower[i] = asciiLower(run[i]);
        m_rawLength += int(length);
        m_lowerLength += int(length);
    }

    void feed(char32_t cp, CharClass cls)
    {
        switch (m_state) {
        case Outside:
            if (cls == WordChar) {
                begin();
                append(cp);
            }
            break;
        case InWord:
            if (cls == WordChar) {
                append(cp);
            } else if (cls == Apostrophe) {
                m_apostrophe = cp;
                m_state = AfterApostrophe;
            } else {
                finish();
            }
            break;
        case AfterApostrophe:
            if (cls == WordChar) {
                append(m_apostrophe);
                append(cp);
                m_state = InWord;
            } else {
                finish();
            }
            break;
        }
    }

    void finish()
    {
        m_state = Outside;
        if (m_discard) {
            m_discard = false;
            return;
        }
        if (m_overflow) {
            ++m_tally.overlongWords;
            return;
        }
        const char *word = m_lower;
        qsizetype length = m_lowerLength;
        if (m_needsNormalization) {
            normalize();
            word = m_normalized.data();
            length = qsizetype(m_normalized.size());
        }
        if (length > ChunkCounter::MaxWordBytes) {
            ++m_tally.overlongWords;
            return;
        }
        m_table.add(word, length);
        ++m_tally.words;
    }

private:
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
            const char c = char(cp);
            appendAscii(&c, 1);
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
            m_lowerLength += encodeUtf8(simpleLowercase(cp), m_lower + m_lowerLength);
        else
            m_needsNormalization = true;
    }

    void normalize()
    {
        const QString nfc
            = QString::fromUtf8(m_raw, m_rawLength).normalized(QString::NormalizationForm_C);
        m_normalized.clear();
        char utf8[4];
        for (qsizetype i = 0; i < nfc.size(); ++i) {
            char32_t cp = nfc.at(i).unicode();
            if (QChar::isHighSurrogate(cp) && i + 1 < nfc.size() && nfc.at(i + 1).isLowSurrogate())
                cp = QChar::surrogateToUcs4(char16_t(cp), nfc.at(++i).unicode());
            const int n = encodeUtf8(simpleLowercase(cp), utf8);
            m_normalized.insert(m_normalized.end(), utf8, utf8 + n);
        }
    }

    WordTable &m_table;
    ChunkTally &m_tally;
    State m_state = Outside;
    bool m_discard = false;
    bool m_overflow = false;
    bool m_needsNormalization = false;
    char32_t m_apostrophe = 0;
    int m_rawLength = 0;
    int m_lowerLength = 0;
    char m_raw[RawWordCap + 8];
    char m_lower[RawWordCap * 2 + 16]; // lowercasing may lengthen a code point
    std::vector<char> m_normalized;
};

// The two code points before the chunk decide whether it starts inside a foreign word.
void resumeFromContext(WordBuilder &builder, char32_t before2, char32_t before1)
{
    const CharClass c1 = classify(before1);
    if (c1 == WordChar)
        builder.resumeForeignWord(WordBuilder::InWord);
    else if (c1 == Apostrophe && classify(before2) == WordChar)
        builder.resumeForeignWord(WordBuilder::AfterApostrophe);
}

// Where decoding of a UTF-8 chunk starts, and the state it starts in.
bool startUtf8(ByteSource &source, const ChunkTask &task, WordBuilder &builder, qint64 *start)
{
    *start = task.begin;
    if (task.begin <= task.contentBegin)
        return true;
    const qint64 contextBegin = std::max(task.contentBegin, task.begin - 24);
    const qint64 contextEnd = std::min(task.contentEnd, task.begin + 4);
    quint8 context[32];
    const qint64 n
        = source.readAt(contextBegin, reinterpret_cast<char *>(context), contextEnd - contextBegin);
    if (n != contextEnd - contextBegin)
        return false;
    qint64 pos = contextBegin == task.contentBegin
        ? contextBegin
        : alignUtf8(context, contextBegin, contextEnd, contextBegin + 3, task.contentBegin);
    char32_t before1 = ' ';
    char32_t before2 = ' ';
    while (pos < task.begin) {
        char32_t cp = 0;
        bool fallback = false;
        const quint8 *p = context + (pos - contextBegin);
        // The context reaches 4 bytes past begin, so no code point before begin is cut.
        pos += decodeUtf8OrWindows1252(p, context + n, true, &cp, &fallback);
        before2 = before1;
        before1 = cp;
    }
    *start = pos;
    resumeFromContext(builder, before2, before1);
    return true;
}

ChunkTally countUtf8Words(BlockReader &reader, ByteSource &source, const ChunkTask &task,
                          WordTable &table)
{
    ChunkTally tally;
    WordBuilder builder(table, tally);
    qint64 start = 0;
    if (!startUtf8(source, task, builder, &start))
        return failure(source.errorString());
    reader.seek(start);
    char *const block = reader.block();
    qint64 carried = 0;
    for (;;) {
        qint64 n = 0;
        const BlockReader::Result r = reader.next(&n);
        if (r == BlockReader::Stopped) {
            tally.status = ChunkTally::Cancelled;
            return tally;
        }
        if (r == BlockReader::Error)
            return failure(source.errorString());
        if (r == BlockReader::End) {
            // Only a cut sequence can be carried to the end; at the end it is invalid bytes.
            const auto *p = reinterpret_cast<const quint8 *>(block - carried);
            const qint64 base = reader.position() - carried;
            for (qint64 i = 0; i < carried; ++i) {
                if (base + i < task.end)
                    ++tally.windows1252Bytes;
                builder.feed(windows1252(p[i]), classify(windows1252(p[i])));
            }
            if (builder.state() != WordBuilder::Outside)
                builder.finish();
            return tally;
        }
        const auto *const data = reinterpret_cast<const quint8 *>(block - carried);
        const auto *p = data;
        const auto *const e = reinterpret_cast<const quint8 *>(block + n);
        const qint64 base = reader.position() - n - carried; // file offset of data
        const bool atEnd = reader.atEnd();
        carried = 0;
        *const_cast<quint8 *>(e) = 0x80; // sentinel: ends the ASCII loops below
        while (p < e) {
            if (builder.state() == WordBuilder::Outside) {
                while (Tables.asciiSkip[*p])
                    ++p;
                if (p == e)
                    break;
                if (base + (p - data) >= task.end)
                    return tally;
            } else if (builder.isSettled() && base + (p - data) >= task.end) {
                builder.finish();
                return tally;
            }
            const quint8 b = *p;
            if (b < 0x80) {
                const CharClass cls = CharClass(Tables.asciiClass[b]);
                if (cls == WordChar && builder.state() == WordBuilder::InWord) {
                    const quint8 *q = p;
                    while (Tables.asciiWord[*q])
                        ++q;
                    builder.appendAscii(reinterpret_cast<const char *>(p), q - p);
                    p = q;
                    continue;
                }
                builder.feed(b, cls);
                ++p;
                continue;
            }
            char32_t cp;
            bool fallback;
            const int used = decodeUtf8OrWindows1252(p, e, atEnd, &cp, &fallback);
            if (used == 0) { // a sequence cut by the block: decode it with the next block
                carried = e - p;
                std::memmove(block - carried, p, size_t(carried));
                break;
            }
            if (fallback && base + (p - data) < task.end)
                ++tally.windows1252Bytes;
            builder.feed(cp, classify(cp));
            p += used;
        }
    }
}

inline char16_t unitAt(const quint8 *p, bool littleEndian)
{
    return littleEndian ? char16_t(p[0] | (p[1] << 8)) : char16_t((p[0] << 8) | p[1]);
}

// Decodes UTF-16 from \a p (an even number of bytes up to \a e); lone surrogates come out as
// themselves (category Cs, so they separate words). Returns bytes used, 0 if \a e cuts a pair.
inline int decodeUtf16(const quint8 *p, const quint8 *e, bool atEnd, bool littleEndian,
                       char32_t *cp)
{
    const char16_t u = unitAt(p, littleEndian);
    *cp = u;
    if (!QChar::isHighSurrogate(u))
        return 2;
    if (e - p < 4)
        return atEnd ? 2 : 0;
    const char16_t v = unitAt(p + 2, littleEndian);
    if (!QChar::isLowSurrogate(v))
        return 2;
    *cp = QChar::surrogateToUcs4(u, v);
    return 4;
}

ChunkTally countUtf16Words(BlockReader &reader, ByteSource &source, const ChunkTask &task,
                           qint64 decodeEnd, WordTable &table)
{
    ChunkTally tally;
    WordBuilder builder(table, tally);
    const bool littleEndian = task.encoding == TextEncoding::Utf16LE;
    qint64 start = task.begin;
    if (task.begin > task.contentBegin) {
        const qint64 contextBegin = std::max(task.contentBegin, task.begin - 12);
        const qint64 contextEnd = std::min(decodeEnd, task.begin + 2);
        quint8 context[16];
        if (source.readAt(contextBegin, reinterpret_cast<char *>(context),
                          contextEnd - contextBegin)
            != contextEnd - contextBegin)
            return failure(source.errorString());
        // Chunk edges are planned on unit boundaries; a low surrogate after its high one
        // belongs to the code point before.
        qint64 pos = contextBegin;
        char32_t before1 = ' ';
        char32_t before2 = ' ';
        while (pos < task.begin) {
            char32_t cp;
            pos += decodeUtf16(context + (pos - contextBegin),
                               context + (contextEnd - contextBegin), true, littleEndian, &cp);
            before2 = before1;
            before1 = cp;
        }
        start = pos;
        resumeFromContext(builder, before2, before1);
    }
    reader.seek(start);
    char *const block = reader.block();
    qint64 carried = 0;
    for (;;) {
        qint64 n = 0;
        const BlockReader::Result r = reader.next(&n);
        if (r == BlockReader::Stopped) {
            tally.status = ChunkTally::Cancelled;
            return tally;
        }
        if (r == BlockReader::Error)
            return failure(source.errorString());
        if (r == BlockReader::End) {
            if (carried > 0) // a high surrogate with nothing after it
                builder.feed(
                    unitAt(reinterpret_cast<const quint8 *>(block - carried), littleEndian),
                    Separator);
            if (builder.state() != WordBuilder::Outside)
                builder.finish();
            return tally;
        }
        const auto *const data = reinterpret_cast<const quint8 *>(block - carried);
        const auto *p = data;
        const auto *const e = reinterpret_cast<const quint8 *>(block + n);
        const qint64 base = reader.position() - n - carried;
        const bool atEnd = reader.atEnd();
        carried = 0;
        while (e - p >= 2) {
            if (base + (p - data) >= task.end) {
                if (builder.state() == WordBuilder::Outside)
                    return tally;
                if (builder.isSettled()) {
                    builder.finish();
                    return tally;
                }
            }
            char32_t cp;
            const int used = decodeUtf16(p, e, atEnd, littleEndian, &cp);
            if (used == 0) {
                carried = e - p;
                std::memmove(block - carried, p, size_t(carried));
                break;
            }
            builder.feed(cp, classify(cp));
            p += used;
        }
    }
}

} // namespace

ChunkCounter::ChunkCounter(JobControl *control, std::atomic<qint64> *bytesCounted,
                           std::atomic<qint64> *fileBytesCounted)
    : m_control(control)
    , m_bytesCounted(bytesCounted)
    , m_fileBytesCounted(fileBytesCounted)
{ }

// Called concurrently by worker threads; each call uses its own source, table and buffers.
ChunkTally ChunkCounter::count(ByteSource &source, const ChunkTask &task, WordTable &table)
{
    const bool utf16 = task.mode == CountingMode::Words
        && (task.encoding == TextEncoding::Utf16LE || task.encoding == TextEncoding::Utf16BE);
    // An odd byte at the end of a UTF-16 file is not a code unit: it is ignored.
    const qint64 decodeEnd = utf16
        ? task.contentBegin + ((task.contentEnd - task.contentBegin) & ~qint64(1))
        : task.contentEnd;
    BlockReader reader(source, task, decodeEnd, m_control, m_bytesCounted, m_fileBytesCounted);
    if (task.mode == CountingMode::Whitespace)
        return countWhitespace(reader, source, task, table);
    if (utf16)
        return countUtf16Words(reader, source, task, decodeEnd, table);
    return countUtf8Words(reader, source, task, table);
}
