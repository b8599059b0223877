// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/streamcounter.h"

#include "core/engine/private/chunkcounter.h"
#include "core/engine/private/inputscanner.h"
#include "core/engine/private/jobcontrol.h"
#include "core/engine/private/jobcounters.h"
#include "core/engine/private/streamsource.h"
#include "core/engine/textencoding.h"
#include "core/engine/wordtable.h"

#include <limits>

namespace {

// The bytes a chunk reads before its start to learn whether it starts inside a word (24 for
// UTF-8, 12 for UTF-16: ChunkCounter), with room to spare.
constexpr qint64 ContextBefore = 32;
// ...and after its start: the UTF-8 context reads 4 bytes past it, and must read them all
// unless the stream ends there.
constexpr qint64 ContextAfter = 4;
// A stream's size is known only at its end; until then its chunks say it goes on.
constexpr qint64 UnknownEnd = std::numeric_limits<qint64>::max() / 4;

} // namespace

struct StreamCounter::Private
{
    CountingMode mode = CountingMode::Words;
    qint64 memoryLimit = DefaultMemoryLimit;
    JobControl control;
    JobCounters counters;
};

StreamCounter::StreamCounter(CountingMode mode, qint64 memoryLimit)
    : d(std::make_unique<Private>())
{
    d->mode = mode;
    d->memoryLimit = memoryLimit;
}

StreamCounter::~StreamCounter() = default;

void StreamCounter::cancel()
{
    d->control.requestStop();
}

// Runs on the calling thread, usually a worker (it blocks on reads); one call at a time.
StreamCounter::Outcome StreamCounter::count(QIODevice *input, const Flush &flush)
{
    Outcome outcome;
    StreamSource source(input);
    const auto readFailed = [&] {
        outcome.status = Outcome::ReadFailed;
        outcome.errorString = source.errorString();
        outcome.bytes = source.end();
        return outcome;
    };
    if (!source.fill(InputScanner::SniffBytes))
        return readFailed();
    const QByteArrayView head
        = source.bytesFrom(0).first(std::min<qint64>(source.end(), InputScanner::SniffBytes));
    // The rules of InputScanner::inspectFile and JobWorkspace::plan: a byte-order mark decides the
    // encoding, a NUL byte makes the input binary, words mode leaves the mark out of the text.
    const TextEncoding encoding = detectTextEncoding(head);
    const qsizetype nul = binaryMarkOffset(head, encoding);
    if (nul >= 0) {
        outcome.status = Outcome::Binary;
        outcome.errorString = QString::number(nul);
        return outcome;
    }
    ChunkTask task;
    task.encoding = encoding;
    task.mode = d->mode;
    task.contentBegin = d->mode == CountingMode::Words ? byteOrderMarkLength(encoding) : 0;

    ChunkCounter counter(d->control, d->counters);
    WordTable table;
    const auto flushTable = [&] {
        ++outcome.flushes;
        const bool ok = flush(table);
        table = WordTable(); // its memory too: the limit is on what the process holds
        return ok;
    };
    // ChunkBytes is even, so UTF-16 chunks start on code unit boundaries as a file's do.
    for (qint64 begin = task.contentBegin;;) {
        if (d->control.isStopRequested()) {
            outcome.status = Outcome::Cancelled;
            return outcome;
        }
        source.discardBefore(begin - ContextBefore);
        if (!source.fill(begin + ChunkBytes + ContextAfter))
            return readFailed();
        if (source.ended() && begin >= source.end())
            break;
        task.begin = begin;
        task.end = std::min(begin + ChunkBytes, source.end());
        task.contentEnd = source.ended() ? source.end() : UnknownEnd;
        const ChunkTally tally = counter.count(source, task, table);
        if (tally.status == ChunkTally::Cancelled) {
            outcome.status = Outcome::Cancelled;
            return outcome;
        }
        if (tally.status == ChunkTally::Failed)
            return readFailed();
        outcome.words += tally.words;
        outcome.overlongWords += tally.overlongWords;
        begin = task.end;
        // The table grows by doubling its arrays, and holds old and new while it copies: flushed
        // only once past the limit, it would take twice to three times the limit at its peak.
        // Flushed when one more doubling would pass the limit, it stays within the limit.
        if (2 * table.memoryUsage() > d->memoryLimit && !flushTable()) {
            outcome.status = Outcome::FlushFailed;
            return outcome;
        }
    }
    outcome.bytes = source.end();
    if (!table.isEmpty() && !flushTable())
        outcome.status = Outcome::FlushFailed;
    return outcome;
}
