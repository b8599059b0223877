// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

/*!
    \brief One mark of a job's timeline: a map call, a reduce call, a wait, a pause or a phase,
    on one lane (a worker thread, or the job's own lane for the scan and the sort).

    Times are in ns since the job started. A record may stand for several calls of the same
    kind that came close together (\c calls > 1): EventRecorder merges them once a lane's share
    of the memory budget runs low, so \c busyNs, \c bytes, \c words, \c readNs and \c cpuNs are
    sums and \c busyNs may be less than \c endNs - \c startNs.
*/
struct JobEvent
{
    enum Kind : quint8 {
        Map, //!< a chunk counted: its read time (readNs) and CPU time (cpuNs) inside
        Reduce, //!< a chunk's table merged; queuedNs: how long it waited for the reducer
        SlotWait, //!< a worker waiting for a free table slot (tables waiting for the reducer)
        Parked, //!< a worker held at a checkpoint by a pause, inside a map call
        Scan, //!< the scan phase (the job's lane)
        Sort, //!< the final sort (the job's lane)
    };
    static constexpr int KindCount = Sort + 1;

    Kind kind = Map;
    //! 0: the job's lane (scan, sort); 1 and up: worker threads, in the order they first worked.
    int lane = 0;
    qint32 file = -1; //!< the planned file of the (first) chunk; -1 for none
    quint32 calls = 1;
    qint64 startNs = 0;
    qint64 endNs = 0;
    qint64 busyNs = 0;
    qint64 begin = 0; //!< the (first) chunk's first byte in its file
    qint64 end = 0; //!< the (last) chunk's end in its file
    qint64 bytes = 0; //!< the chunks' planned bytes (map and reduce)
    quint64 words = 0; //!< words counted (map)
    qint64 readNs = 0; //!< wall time spent in reads (map)
    qint64 cpuNs = 0; //!< the thread's CPU time (map)
    qint64 readCpuNs = 0; //!< the thread's CPU time inside reads (map): the rest of readNs waited
    qint64 queuedNs = 0; //!< time between the map's end and the reduce's start (reduce)

    friend bool operator==(const JobEvent &a, const JobEvent &b)
    {
        return a.kind == b.kind && a.lane == b.lane && a.file == b.file && a.calls == b.calls
            && a.startNs == b.startNs && a.endNs == b.endNs && a.busyNs == b.busyNs
            && a.begin == b.begin && a.end == b.end && a.bytes == b.bytes && a.words == b.words
            && a.readNs == b.readNs && a.cpuNs == b.cpuNs && a.readCpuNs == b.readCpuNs
            && a.queuedNs == b.queuedNs;
    }
};
Q_DECLARE_TYPEINFO(JobEvent, Q_PRIMITIVE_TYPE);
