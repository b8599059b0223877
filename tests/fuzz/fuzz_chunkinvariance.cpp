// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: a text's counts never depend on where its chunks are cut (ChunkTask's
// contract), in both counting modes and every encoding. The input's bytes are counted once as a
// single chunk and once cut into many small chunks by the plan's rules (JobWorkspace::plan);
// the chunk tables are merged as the reduce merges them, and the two results must be the same
// words with the same counts and the same totals. Any difference, or a chunk that fails, aborts.
//
// Input: byte 0 picks the mode, the byte-order mark and how often the text repeats, byte 1 the
// chunk size, the rest is the text. One thread, memory only, deterministic: a crash input
// replays exactly.

#include "core/engine/countingmode.h"
#include "core/engine/private/bytesource.h"
#include "core/engine/private/chunkcounter.h"
#include "core/engine/private/jobcontrol.h"
#include "core/engine/private/jobcounters.h"
#include "core/engine/textencoding.h"
#include "core/engine/wordtable.h"

#include <QByteArray>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

constexpr qsizetype MaxRepeatedBytes = 8192;
// Every chunk that ends inside a word reads a 4 KiB tail block past its end to finish it (or to
// learn that it is not its word): thousands of 1-byte chunks of an 8 KiB text would take a
// second an input. Long texts get fewer, longer chunks; short ones still have a cut everywhere.
constexpr qint64 MaxChunks = 64;

// The file's bytes in memory, read as FileSource reads a file.
class MemorySource final : public ByteSource
{
public:
    explicit MemorySource(const QByteArray &bytes)
        : m_bytes(bytes)
    { }

    qint64 readAt(qint64 offset, char *buffer, qint64 length) override
    {
        // Reading before the file or a negative length is a bug of the counter, not an error.
        if (offset < 0 || length < 0)
            std::abort();
        const qint64 n = std::clamp(qint64(m_bytes.size()) - offset, qint64(0), length);
        if (n > 0)
            std::memcpy(buffer, m_bytes.constData() + offset, size_t(n));
        return n;
    }

    QString errorString() const override { return {}; }

private:
    const QByteArray &m_bytes;
};

struct Counted
{
    WordTable table;
    quint64 words = 0;
    quint64 overlongWords = 0;
    quint64 windows1252Bytes = 0;
    qint64 bytesDone = 0; // as reported to JobCounters
};

// The encoding InputScanner::inspectFile gives a file that starts with \a bytes.
TextEncoding scannedEncoding(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return TextEncoding::Utf8Bom;
    if (bytes.startsWith("\xFF\xFE"))
        return TextEncoding::Utf16LE;
    if (bytes.startsWith("\xFE\xFF"))
        return TextEncoding::Utf16BE;
    return TextEncoding::Utf8;
}

const char *encodingName(TextEncoding encoding)
{
    static const char *const names[] = {"UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE"};
    return names[int(encoding)];
}

// Counts \a file in chunks of \a chunkSize bytes, planned and merged as a job does.
Counted countInChunks(const QByteArray &file, TextEncoding encoding, CountingMode mode,
                      qint64 chunkSize)
{
    // As JobWorkspace::plan and mapChunk: the byte-order mark is in no chunk (words mode only),
    // and UTF-16 chunks start on code unit boundaries. The plan never goes below 1,024 bytes;
    // smaller chunks put many more cuts in a short input, and the contract holds for any size.
    const bool words = mode == CountingMode::Words;
    const bool utf16
        = words && (encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE);
    const qint64 step = utf16 ? std::max(qint64(2), chunkSize & ~qint64(1)) : chunkSize;
    ChunkTask task;
    task.contentBegin = words ? byteOrderMarkLength(encoding) : 0;
    task.contentEnd = file.size();
    task.encoding = encoding;
    task.mode = mode;

    static JobControl control; // never paused nor stopped
    JobCounters counters;
    ChunkCounter counter(control, counters);
    MemorySource source(file);
    Counted counted;
    for (qint64 begin = task.contentBegin; begin < task.contentEnd; begin += step) {
        task.begin = begin;
        task.end = std::min(task.contentEnd, begin + step);
        WordTable chunkTable;
        const ChunkTally tally = counter.count(source, task, chunkTable);
        if (tally.status != ChunkTally::Counted) {
            std::fprintf(stderr, "chunk [%lld, %lld) not counted: status %d\n",
                         static_cast<long long>(task.begin), static_cast<long long>(task.end),
                         int(tally.status));
            std::abort();
        }
        // A chunk's word total is the sum of its table, whatever the table's shape.
        quint64 sum = 0;
        for (qsizetype i = 0; i < chunkTable.size(); ++i)
            sum += chunkTable.entry(i).count;
        if (sum != tally.words) {
            std::fprintf(stderr, "chunk [%lld, %lld): %llu words in the tally, %llu in the table\n",
                         static_cast<long long>(task.begin), static_cast<long long>(task.end),
                         static_cast<unsigned long long>(tally.words),
                         static_cast<unsigned long long>(sum));
            std::abort();
        }
        counted.table.merge(chunkTable);
        counted.words += tally.words;
        counted.overlongWords += tally.overlongWords;
        counted.windows1252Bytes += tally.windows1252Bytes;
    }
    counted.bytesDone = counters.bytesCounted();
    return counted;
}

QByteArray hex(QByteArrayView word)
{
    return QByteArray(word.data(), std::min<qsizetype>(word.size(), 60)).toHex(' ');
}

[[noreturn]] void differ(const char *what, TextEncoding encoding, CountingMode mode,
                         qint64 chunkSize, unsigned long long whole, unsigned long long chunked)
{
    std::fprintf(stderr, "%s differ: %llu as one chunk, %llu with chunk size %lld (%s, %s mode)\n",
                 what, whole, chunked, static_cast<long long>(chunkSize), encodingName(encoding),
                 mode == CountingMode::Words ? "words" : "whitespace");
    std::abort();
}

void compare(const Counted &whole, const Counted &chunked, TextEncoding encoding, CountingMode mode,
             qint64 chunkSize)
{
    const auto check = [&](const char *what, quint64 a, quint64 b) {
        if (a != b)
            differ(what, encoding, mode, chunkSize, a, b);
    };
    check("words", whole.words, chunked.words);
    check("over-long words", whole.overlongWords, chunked.overlongWords);
    check("Windows-1252 bytes", whole.windows1252Bytes, chunked.windows1252Bytes);
    check("bytes done", quint64(whole.bytesDone), quint64(chunked.bytesDone));
    check("distinct words", quint64(whole.table.size()), quint64(chunked.table.size()));
    // Same size, and every word of one has its count in the other: the same table.
    for (qsizetype i = 0; i < whole.table.size(); ++i) {
        const QByteArrayView word = whole.table.word(i);
        const quint64 count = whole.table.entry(i).count;
        if (chunked.table.count(word) != count) {
            std::fprintf(stderr, "word %s:\n", hex(word).constData());
            differ("counts of a word", encoding, mode, chunkSize, count, chunked.table.count(word));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const quint8 options = data[0];
    const CountingMode mode = options & 1 ? CountingMode::Whitespace : CountingMode::Words;
    // The mark is put before the text, and the encoding is then decided as the scan decides it,
    // so that a text that starts with a mark of its own is read as a job would read it.
    static const char *const marks[] = {"", "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF"};
    QByteArray file(marks[(options >> 1) & 3]);
    // Mostly 1 to 48 bytes: a short input then has cuts at most places, inside code points,
    // words, apostrophe pairs and surrogate pairs; sometimes the plan's smallest chunk size.
    // A long text gets at most MaxChunks chunks.
    const quint8 sizeByte = data[1];
    qint64 chunkSize = sizeByte < 0xF0 ? 1 + sizeByte % 48 : 1024 + (sizeByte - 0xF0);
    // Repeating a short text makes the long words (over 1,000 bytes, over 4,000 before folding)
    // that a short input cannot hold, without the fuzzer having to grow its inputs that far.
    const QByteArrayView text(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const int repeats = 1 << (2 * ((options >> 3) & 3)); // 1, 4, 16 or 64
    for (int i = 0; i < repeats && (i == 0 || file.size() + text.size() <= MaxRepeatedBytes); ++i)
        file.append(text);
    const TextEncoding encoding = scannedEncoding(file);
    chunkSize = std::max(chunkSize, (qint64(file.size()) + MaxChunks - 1) / MaxChunks);

    const Counted whole = countInChunks(file, encoding, mode, file.size());
    const Counted chunked = countInChunks(file, encoding, mode, chunkSize);
    compare(whole, chunked, encoding, mode, chunkSize);
    return 0;
}
