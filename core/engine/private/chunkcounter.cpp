// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/private/chunkcounter.h"

#include "core/engine/private/blockreader.h"
#include "core/engine/private/bytesource.h"
#include "core/engine/private/spacescan.h"
#include "core/engine/private/timedbytesource.h"
#include "core/engine/private/wordbuilder.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

using namespace ChunkCounting;
using namespace TextDecoding;

namespace {

ChunkTally failure(const QString &reason)
{
    ChunkTally tally;
    tally.status = ChunkTally::Failed;
    tally.error = reason;
    return tally;
}

// ---------------------------------------------------------------------------------------------
// Whitespace mode

// Tokens wait here to be counted together (WordTable::addEach); they point into the block, so
// the batch is counted before the block changes.
class TokenBatch
{
public:
    explicit TokenBatch(WordTable &table)
        : m_table(table)
    { }

    void add(const char *start, qptrdiff length)
    {
        m_tokens[m_waiting++] = QByteArrayView(start, length);
        if (m_waiting == m_tokens.size())
            count();
    }

    void count()
    {
        m_table.addEach(m_tokens.data(), qsizetype(m_waiting));
        m_counted += m_waiting;
        m_waiting = 0;
    }

    //! Counts the tokens still waiting; returns how many were counted in all.
    quint64 finish()
    {
        count();
        return m_counted;
    }

private:
    WordTable &m_table;
    std::array<QByteArrayView, 512> m_tokens;
    size_t m_waiting = 0;
    quint64 m_counted = 0;
};

ChunkTally countWhitespaceTokens(BlockReader &reader, ByteSource &source, const ChunkTask &task,
                                 TokenBatch &batch)
{
    ChunkTally tally;
    bool inToken = false;
    bool discard = false; // the token started in the previous chunk
    bool overlong = false;
    if (task.begin > task.contentBegin) {
        char before = 0;
        if (source.readAt(task.begin - 1, &before, 1) != 1)
            return failure(source.errorString());
        inToken = discard = !Tables.space[quint8(before)];
    }
    reader.seek(task.begin);
    // A token begun in an earlier block, or before the chunk.
    const auto endToken = [&](const char *start, qint64 length) {
        inToken = false;
        if (discard)
            discard = false;
        else if (overlong || length > CountResult::MaxWordBytes)
            ++tally.overlongWords;
        else
            batch.add(start, length);
    };
    BlockReader::Block block;
    while (reader.next(&block)) {
        // Locals, not block's members: a char store may alias those (block's address was
        // passed on), so the compiler would load them again after every byte.
        char *const fresh = block.fresh;
        char *const e = block.end;
        for (char *c = fresh; c < e; ++c)
            *c = asciiLower(*c);
        const char *start = block.data;
        // A token this chunk does not count (begun before it, or over-long) that runs past its
        // end: read no more of it, as words mode does.
        if (inToken && block.offsetOf(fresh) >= task.end && (discard || overlong)) {
            endToken(start, fresh - start);
            return tally;
        }
        SpaceScan::EdgeWalker edges(fresh, e, inToken);
        if (inToken) {
            const char *tokenEnd = nullptr;
            if (edges.nextEnd(&tokenEnd))
                endToken(start, tokenEnd - start);
        }
        if (!inToken) {
            // The tokens that start in this block, nearly all of them: no flag to look at.
            // One that starts this far from data (or farther) is the next chunk's.
            const qint64 nextChunkAt = task.end - block.offset;
            const char *tokenStart = nullptr;
            while (edges.nextStart(&tokenStart)) {
                if (tokenStart - block.data >= nextChunkAt)
                    return tally;
                const char *tokenEnd = nullptr;
                if (!edges.nextEnd(&tokenEnd)) {
                    start = tokenStart;
                    inToken = true;
                    overlong = false;
                    break;
                }
                const qptrdiff length = tokenEnd - tokenStart;
                if (length > CountResult::MaxWordBytes)
                    ++tally.overlongWords;
                else
                    batch.add(tokenStart, length);
            }
        }
        batch.count();
        if (inToken && !discard && !overlong) {
            if (e - start > CountResult::MaxWordBytes)
                overlong = true;
            else
                reader.carry(block, start);
        }
    }
    if (reader.interrupted(&tally))
        return tally;
    if (inToken)
        endToken(block.data, block.end - block.data);
    return tally;
}

// Whitespace mode: the "countwords" rules, on raw bytes.
ChunkTally countWhitespace(BlockReader &reader, ByteSource &source, const ChunkTask &task,
                           WordTable &table)
{
    TokenBatch batch(table);
    ChunkTally tally = countWhitespaceTokens(reader, source, task, batch);
    tally.words = batch.finish();
    return tally;
}

// ---------------------------------------------------------------------------------------------
// Words mode: Unicode words, NFC, simple lowercase.

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
    BlockReader::Block block;
    while (reader.next(&block)) {
        const auto *const data = reinterpret_cast<const quint8 *>(block.data);
        const auto *p = data;
        const auto *const e = reinterpret_cast<const quint8 *>(block.end);
        const qint64 base = block.offset; // file offset of data
        const bool atEnd = reader.atEnd();
        *block.end = char(0x80); // sentinel: ends the ASCII loops below
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
                if (cls == WordChar) {
                    if (builder.state() == WordBuilder::Outside) {
                        p = reinterpret_cast<const quint8 *>(
                            builder.queuePlainWords(reinterpret_cast<const char *>(p)));
                        if (*p >= 0x80) // a sequence to decode, or the sentinel
                            continue;
                    }
                    p = reinterpret_cast<const quint8 *>(
                        builder.appendAsciiRun(reinterpret_cast<const char *>(p)));
                    continue;
                }
                builder.feed(b, cls);
                ++p;
                continue;
            }
            // Not the last byte: the sentinel would pass for a continuation byte, and a sequence
            // that the block cuts waits for the next one below.
            if (const LatinChar *latin = p + 1 < e ? Latin.at(p) : nullptr) {
                if (latin->cls == WordChar)
                    builder.appendLatin(reinterpret_cast<const char *>(p), *latin);
                else
                    builder.feed(char32_t(((b & 0x1F) << 6) | (p[1] & 0x3F)),
                                 CharClass(latin->cls));
                p += 2;
                continue;
            }
            char32_t cp;
            bool fallback;
            const int used = decodeUtf8OrWindows1252(p, e, atEnd, &cp, &fallback);
            if (used == 0) { // a sequence cut by the block: decode it with the next block
                reader.carry(block, reinterpret_cast<const char *>(p));
                break;
            }
            if (fallback && base + (p - data) < task.end)
                ++tally.windows1252Bytes;
            builder.feed(cp, classify(cp));
            p += used;
        }
    }
    if (reader.interrupted(&tally))
        return tally;
    // Only a cut sequence can be carried to the end; at the end it is invalid bytes.
    for (const char *c = block.data; c < block.end; ++c) {
        if (block.offsetOf(c) < task.end)
            ++tally.windows1252Bytes;
        const char32_t cp = windows1252(quint8(*c));
        builder.feed(cp, classify(cp));
    }
    if (builder.state() != WordBuilder::Outside)
        builder.finish();
    return tally;
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
    BlockReader::Block block;
    while (reader.next(&block)) {
        const auto *const data = reinterpret_cast<const quint8 *>(block.data);
        const auto *p = data;
        const auto *const e = reinterpret_cast<const quint8 *>(block.end);
        const qint64 base = block.offset;
        const bool atEnd = reader.atEnd();
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
                reader.carry(block, reinterpret_cast<const char *>(p));
                break;
            }
            builder.feed(cp, classify(cp));
            p += used;
        }
    }
    if (reader.interrupted(&tally))
        return tally;
    if (block.end - block.data >= 2) // a high surrogate with nothing after it
        builder.feed(unitAt(reinterpret_cast<const quint8 *>(block.data), littleEndian), Separator);
    if (builder.state() != WordBuilder::Outside)
        builder.finish();
    return tally;
}

} // namespace

ChunkCounter::ChunkCounter(JobControl &control, JobCounters &counters)
    : m_control(control)
    , m_counters(counters)
{ }

// Called concurrently by worker threads; each call uses its own source, table and buffers.
ChunkTally ChunkCounter::count(ByteSource &source, const ChunkTask &task, WordTable &table)
{
    // A job that records its timeline times the reads (about one a MiB: see TimedByteSource).
    if (MapCallRecord *record = MapCallRecord::current()) {
        TimedByteSource timed(source, *record);
        return countFrom(timed, task, table);
    }
    return countFrom(source, task, table);
}

// Called concurrently by worker threads.
ChunkTally ChunkCounter::countFrom(ByteSource &source, const ChunkTask &task, WordTable &table)
{
    Q_ASSERT(task.contentBegin <= task.begin && task.begin < task.end
             && task.end <= task.contentEnd);
    const bool utf16 = task.mode == CountingMode::Words
        && (task.encoding == TextEncoding::Utf16LE || task.encoding == TextEncoding::Utf16BE);
    // An odd byte at the end of a UTF-16 file is not a code unit: it is ignored.
    const qint64 decodeEnd = utf16
        ? task.contentBegin + ((task.contentEnd - task.contentBegin) & ~qint64(1))
        : task.contentEnd;
    BlockReader reader(source, task, decodeEnd, m_control, m_counters);
    if (task.mode == CountingMode::Whitespace)
        return countWhitespace(reader, source, task, table);
    if (utf16)
        return countUtf16Words(reader, source, task, decodeEnd, table);
    return countUtf8Words(reader, source, task, table);
}
