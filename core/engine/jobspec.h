// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countingmode.h"

#include <QStringList>

#include <memory>

class JobCheckpoint;

//! Everything a job needs to know before it starts.
struct JobSpec
{
    /*!
        One of several jobs that count the same inputs together (wordmill-mpi: one per rank).
        Each counts part \c part of \c parts of the chunk plan: the chunks whose first byte falls
        in that part of the planned bytes, laid end to end in plan order, so parts are contiguous
        and of about equal bytes. A file whose chunks fall in more than one part is kept apart in
        CountResult::heldParts, so that the caller can leave it out whole when another part
        failed to read it.
    */
    struct Share
    {
        int part = 0;
        int parts = 1;
    };

    static constexpr qint64 DefaultChunkSize = 4 << 20;
    static constexpr qint64 MinChunkSize = 1024;
    static constexpr qint64 MaxChunkSize = qint64(1) << 30;

    QStringList paths; // files and folders, in the order given
    qint64 sampleBytes = 0; // > 0: also count this many bytes of generated sample text
    // >= 0: also count what this descriptor delivers, to its end (standard input: 0). It is
    // read once, from where it stands, and not closed.
    int inputStream = -1;
    quint64 sampleSeed = 1;
    CountingMode mode = CountingMode::Words;
    int workers = 0; // 0: QThread::idealThreadCount()
    qint64 chunkSize = DefaultChunkSize; // bytes, clamped to [MinChunkSize, MaxChunkSize]
    Share share;
    // False: CountResult::order is the table's own order, for a caller that sorts the counts
    // only after adding up those of other jobs (a share's counts are never the whole).
    bool sortResult = true;

    // Non-empty: while counting, write a JobCheckpoint there every checkpointIntervalMs (and
    // once more when the job is kept for later), so that a crash, a kill or a quit loses at
    // most that much work. Not with inputStream or share (a stream cannot be read again).
    QString checkpointPath;
    int checkpointIntervalMs = 5000;
    // Set: continue from it (JobCheckpoint::read()). The chunks it holds are not counted again.
    // An input that changed since, new or gone is counted again from its start (or left out);
    // if it is of another job, or an input counted completely changed (its counts are merged
    // with the others'), the job starts over. Either is said (CountJob::resumeNotice()).
    std::shared_ptr<const JobCheckpoint> resumeFrom;
};
