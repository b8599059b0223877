// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/bytesource.h"
#include "core/engine/private/mapcallrecord.h"

/*!
    \brief A ByteSource that adds the wall time of every read to the map call recording it, so
    that the time split tells reading (waiting on a disk, a network file system) from counting.
    Every read counts, the blocks and the few bytes a chunk reads before its start alike.
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
        const qint64 start = EventRecorder::clockNs();
        const qint64 n = m_source.readAt(offset, buffer, length);
        m_record.addRead(EventRecorder::clockNs() - start);
        return n;
    }
    QString errorString() const override { return m_source.errorString(); }

private:
    ByteSource &m_source;
    MapCallRecord &m_record;
};
