// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/bytesource.h"
#include "core/engine/private/chunkcounter.h"
#include "core/engine/private/jobcontrol.h"
#include "core/engine/private/jobcounters.h"
#include "core/engine/private/mapcallrecord.h"

#include <algorithm>
#include <vector>

// Reading a chunk block by block. Internal to the chunk counter.
namespace ChunkCounting {

constexpr qint64 BlockSize = 1 << 20; // one checkpoint per MiB
constexpr qint64 TailBlockSize = 4096; // reads past the chunk only finish its last word
constexpr qint64 CarrySpace = 4096; // room before a block for what the last block left over
constexpr qint64 ScanPadding = 64; // room after the sentinel for SpaceScan's whole 64-byte reads

inline std::vector<char> &threadBuffer()
{
    // One spare byte after a block holds a sentinel that ends the scanning loops, and the bytes
    // after it let them read whole 64-byte windows (SpaceScan::Overread).
    thread_local std::vector<char> buffer(size_t(CarrySpace + BlockSize + 1 + ScanPadding));
    return buffer;
}

// Streams blocks of a chunk and accounts for the bytes it owns. One per chunk.
class BlockReader
{
public:
    BlockReader(ByteSource &source, const ChunkTask &task, qint64 decodeEnd, JobControl &control,
                JobCounters &counters)
        : m_source(source)
        , m_task(task)
        , m_decodeEnd(decodeEnd)
        , m_control(control)
        , m_counters(counters)
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
        // A job that records its timeline records the time a pause holds its workers here.
        MapCallRecord *const timing = MapCallRecord::current();
        if (!(timing ? timing->checkpoint(m_control) : m_control.checkpoint())) {
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
            m_counters.bytesDone(m_task.file, owned - m_reported);
            m_reported = owned;
        }
    }

    ByteSource &m_source;
    const ChunkTask &m_task;
    qint64 m_decodeEnd = 0;
    JobControl &m_control;
    JobCounters &m_counters;
    char *m_block = nullptr;
    qint64 m_position = 0;
    qint64 m_reported = 0;
    bool m_stopped = false;
};

} // namespace ChunkCounting
