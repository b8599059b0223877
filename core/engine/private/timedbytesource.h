// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/bytesource.h"
#include "core/engine/private/mapcallrecord.h"

/*!
    \brief A ByteSource that adds the wall and CPU time of every read to the map call recording
    it, so that the time split tells reading from counting, and waiting on a disk or a network
    file system (a read off the CPU) from a read that works (a page-cache copy, sample text).
    Every read counts, the blocks and the few bytes a chunk reads before its start alike: about
    one a MiB, each with two clock reads and two CPU-time reads (none when the map call does not
    read the CPU clock: MapCallRecord::readsCpu()).
*/
class TimedByteSource final : public ByteSource
{
public:
    TimedByteSource(ByteSource &source, MapCallRecord &record)
        : m_source(source)
        , m_record(record)
    { }

    // Runs on the worker thread of the map call.
    qint64 readAt(qint64 offset, char *buffer, qint64 length) override
    {
        const bool cpu = m_record.readsCpu();
        const qint64 start = EventRecorder::clockNs();
        const qint64 cpuStart = cpu ? EventRecorder::threadCpuNs() : 0;
        const qint64 n = m_source.readAt(offset, buffer, length);
        m_record.addRead(EventRecorder::clockNs() - start,
                         cpu ? EventRecorder::threadCpuNs() - cpuStart : 0);
        return n;
    }
    QString errorString() const override { return m_source.errorString(); }

private:
    ByteSource &m_source;
    MapCallRecord &m_record;
};
