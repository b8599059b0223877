// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countingmode.h"
#include "core/engine/textencoding.h"

#include <QString>

class ByteSource;
class JobControl;
class JobCounters;
class WordTable;

/*!
    \brief One byte range of one input, the unit of work of the map phase.

    A chunk owns the words whose first code point starts in [begin, end): it skips the end of a
    word that started before \a begin and reads past \a end to finish its own last word, so the
    counts never depend on where the chunks were cut.
*/
struct ChunkTask
{
    qint64 begin = 0;
    qint64 end = 0;
    qint64 contentBegin = 0; // after the byte-order mark
    qint64 contentEnd = 0; // the planned file size
    TextEncoding encoding = TextEncoding::Utf8;
    CountingMode mode = CountingMode::Words;
    qint32 file = -1; // the planned file, for JobCounters' per-file bytes; -1 for none
};

//! What counting one chunk found, besides the words themselves.
struct ChunkTally
{
    enum Status { Counted, Cancelled, Failed };
    Status status = Counted;
    quint64 words = 0;
    quint64 overlongWords = 0;
    quint64 windows1252Bytes = 0;
    QString error;
};

/*!
    \brief Counts the words of one chunk into a WordTable, reading at most one MiB at a time.

    Between reads it passes the job's checkpoint, so a pause or a cancel takes effect within one
    MiB of work, and it reports the bytes it owns to the job's counters as it goes (exactly
    end - begin in all, even when it fails, so that progress reaches its total; when cancelled,
    only the bytes it read, so that a cancelled job's progress stops short of its total).
*/
class ChunkCounter final
{
public:
    ChunkCounter(JobControl &control, JobCounters &counters);

    // Called concurrently by worker threads, each with its own source and table.
    ChunkTally count(ByteSource &source, const ChunkTask &task, WordTable &table);

private:
    ChunkTally countFrom(ByteSource &source, const ChunkTask &task, WordTable &table);

    JobControl &m_control;
    JobCounters &m_counters;
};
