// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/bytesource.h"
#include "core/engine/private/chunkcounter.h"
#include "core/engine/private/jobcontrol.h"
#include "core/engine/private/jobcounters.h"
#include "core/engine/private/mapcallrecord.h"

#include <algorithm>
#include <cstring>
#include <vector>

// Reading a chunk block by block. Internal to the chunk counter.
namespace ChunkCounting {

constexpr qint64 BlockSize = 1 << 20; // one checkpoint per MiB
constexpr qint64 TailBlockSize = 4096; // reads past the chunk only finish its last word
constexpr qint64 CarrySpace = 4096; // room before a block for what the last block left over
constexpr qint64 ScanPadding = 64; // room after the sentinel for SpaceScan's whole 64-byte reads

// The bytes a block of a chunk of \a chunkBytes reads at most.
inline qint64 blockBytesFor(qint64 chunkBytes)
{
    return std::max(std::min(BlockSize, chunkBytes), TailBlockSize);
}

/*!
    The calling thread's buffer, with room for blocks of \a blockBytes: grown to that, never
    shrunk. A small file's job asked for a whole block of a MiB, whose pages, a fault each when
    first written, took 3 ms of its 22.
*/
inline char *threadBuffer(qint64 blockBytes)
{
    // One spare byte after a block holds a sentinel that ends the scanning loops, and the bytes
    // after it let them read whole 64-byte windows (SpaceScan::Overread).
    thread_local std::vector<char> buffer;
    const size_t needed = size_t(CarrySpace + blockBytes + 1 + ScanPadding);
    if (buffer.size() < needed)
        buffer.resize(needed);
    return buffer.data();
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
        , m_blockBytes(blockBytesFor(task.end - task.begin))
        , m_block(threadBuffer(m_blockBytes) + CarrySpace)
    { }

    // A chunk that ends, counted or failed, reports all the bytes it owns, so that progress
    // reaches its total; a stopped one only what it read, so that a cancelled job never shows
    // its map phase as over.
    ~BlockReader()
    {
        if (!m_stopped)
            reportOwned(m_task.end);
    }

    //! A block read: the bytes carry() kept of the block before, then the new ones.
    struct Block
    {
        char *data = nullptr; // the first carried byte, or fresh if none
        char *fresh = nullptr; // the first byte read for this block
        char *end = nullptr; // past the last byte; the byte at end is free for a sentinel
        qint64 offset = 0; // where data is in the source

        qint64 offsetOf(const char *p) const { return offset + (p - data); }
    };

    qint64 position() const { return m_position; }
    void seek(qint64 position) { m_position = position; }
    bool atEnd() const { return m_position >= m_decodeEnd; }

    /*!
        Reads the next block into \a block. False when there is nothing more to read, or when
        the job stops or the source fails (interrupted() tells which); at the end, \a block
        holds only the bytes carried, for the kernel's last word.
    */
    bool next(Block *block)
    {
        const qint64 carried = m_carried;
        m_carried = 0;
        block->fresh = m_block;
        block->data = m_block - carried;
        block->end = m_block;
        block->offset = m_position - carried;
        m_result = read();
        if (m_result != Data)
            return false;
        block->end = m_block + m_read;
        return true;
    }

    //! Keeps the bytes of the last block from \a from to its end before the next block: the
    //! start of a word or a code point that the block cut.
    void carry(const Block &block, const char *from)
    {
        const qint64 length = block.end - from;
        Q_ASSERT(length >= 0 && length <= CarrySpace);
        std::memmove(m_block - length, from, size_t(length));
        m_carried = length;
    }

    //! After next() returned false: true if the job stopped or the source failed, and then
    //! \a tally says so (Cancelled; Failed, with the source's error).
    bool interrupted(ChunkTally *tally) const
    {
        if (m_result == Stopped) {
            tally->status = ChunkTally::Cancelled;
            return true;
        }
        if (m_result == Error) {
            *tally = {};
            tally->status = ChunkTally::Failed;
            tally->error = m_source.errorString();
            return true;
        }
        return false;
    }

private:
    enum Result { Data, End, Stopped, Error };

    // Reads the next block at m_block, m_read bytes of it.
    Result read()
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
        want = std::min({want, m_blockBytes, m_decodeEnd - m_position});
        if (want <= 0)
            return End;
        const qint64 n = m_source.readAt(m_position, m_block, want);
        if (n < 0)
            return Error;
        if (n == 0)
            return End;
        m_position += n;
        m_read = n;
        return Data;
    }

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
    const qint64 m_blockBytes; // the most a block reads: its room in the buffer
    char *m_block = nullptr;
    qint64 m_position = 0;
    qint64 m_read = 0; // the last block's new bytes
    qint64 m_carried = 0; // bytes carry() put before the next block
    Result m_result = Data;
    qint64 m_reported = 0;
    bool m_stopped = false;
};

} // namespace ChunkCounting
