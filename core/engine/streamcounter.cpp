// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/streamcounter.h"

#include "core/engine/private/chunkcounter.h"
#include "core/engine/private/inputscanner.h"
#include "core/engine/private/jobcontrol.h"
#include "core/engine/private/jobcounters.h"
#include "core/engine/private/streamblocksource.h"
#include "core/engine/private/streamreader.h"
#include "core/engine/textencoding.h"
#include "core/engine/wordtable.h"

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

// Runs on the calling thread, usually a worker (it waits on reads); one call at a time.
StreamCounter::Outcome StreamCounter::count(int fd, const Flush &flush)
{
    Outcome outcome;
    StreamReader reader(fd, d->mode, ChunkBytes);
    const auto stopped = [&](StreamReader::Result r) {
        outcome.status = r == StreamReader::Stopped ? Outcome::Cancelled : Outcome::ReadFailed;
        outcome.errorString = reader.errorString();
        outcome.bytes = reader.size();
        return outcome;
    };
    QByteArray head;
    const StreamReader::Result headRead
        = reader.readHead(d->control, InputScanner::SniffBytes, &head);
    if (headRead != StreamReader::Read)
        return stopped(headRead);
    // The rules of InputScanner::inspectFile: a byte-order mark decides the encoding, a NUL byte
    // makes the input binary; words mode leaves the mark out of the text (StreamReader).
    const TextEncoding encoding = detectTextEncoding(head);
    const qsizetype nul = binaryMarkOffset(head, encoding);
    if (nul >= 0) {
        outcome.status = Outcome::Binary;
        outcome.errorString = QString::number(nul);
        return outcome;
    }
    reader.setEncoding(encoding);
    ChunkTask task;
    task.encoding = encoding;
    task.mode = d->mode;
    task.contentBegin = reader.contentBegin();

    ChunkCounter counter(d->control, d->counters);
    WordTable table;
    const auto flushTable = [&] {
        ++outcome.flushes;
        const bool ok = flush(table);
        table = WordTable(); // its memory too: the limit is on what the process holds
        return ok;
    };
    for (;;) {
        StreamBlock block;
        const StreamReader::Result r = reader.next(d->control, &block);
        if (r == StreamReader::End)
            break;
        if (r != StreamReader::Read)
            return stopped(r);
        task.begin = block.begin;
        task.end = block.end;
        task.contentEnd = block.textEnd;
        StreamBlockSource source(block);
        const ChunkTally tally = counter.count(source, task, table);
        if (tally.status == ChunkTally::Cancelled) {
            outcome.status = Outcome::Cancelled;
            return outcome;
        }
        outcome.words += tally.words;
        outcome.overlongWords += tally.overlongWords;
        // The table grows by doubling its arrays, and holds old and new while it copies: flushed
        // only once past the limit, it would take twice to three times the limit at its peak.
        // Flushed when one more doubling would pass the limit, it stays within the limit.
        if (2 * table.memoryUsage() > d->memoryLimit && !flushTable()) {
            outcome.status = Outcome::FlushFailed;
            return outcome;
        }
    }
    outcome.bytes = reader.size();
    if (!table.isEmpty() && !flushTable())
        outcome.status = Outcome::FlushFailed;
    return outcome;
}
