// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/jobtimeline.h"

#include <QMutex>

#include <algorithm>
#include <atomic>
#include <memory>

/*!
    \brief Records what a job's threads do (map and reduce calls, waits, pauses, phases) into one
    append-only buffer per thread, for the Workers tab and the time split.

    No lock per event: each thread writes its own lane, and publishes a record by storing the
    lane's count with release order; snapshot() reads up to the count it loads with acquire,
    while the workers go on. A thread claims its lane once per job (under a mutex) and finds it
    again through a thread-local cache.

    Memory is bounded (MemoryBudget, split between the lanes, allocated in blocks as used).
    Once a lane has used half its share, a call merges into the lane's last record of its kind
    when that record began less than a quantum ago, the quantum growing as the room left
    shrinks; a full lane merges every call into its last record of the kind. So sums stay exact
    whatever the job's length, and only the detail grows coarser. The fields a merge changes
    are relaxed atomics: a snapshot may see a merged record half updated, never torn memory.
*/
class EventRecorder final
{
public:
    static constexpr qint64 MemoryBudget = 4 << 20;

    //! \a workers: the job's thread count, which sizes the lanes.
    explicit EventRecorder(int workers);
    ~EventRecorder();
    Q_DISABLE_COPY_MOVE(EventRecorder)

    //! Off: record*() do nothing (for measuring what recording costs). Before the job starts.
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    //! Times are counted from here; call when the job starts.
    void start();

    //! A monotonic clock in ns. Thread safe.
    static qint64 clockNs();
    //! The calling thread's CPU time in ns. A system call on some machines (about 1.1 µs on a
    //! VM), hence setCpuSampleInterval().
    static qint64 threadCpuNs();
    //! How many times the calling thread read threadCpuNs(), for tests.
    static quint64 threadCpuReads();
    /*!
        Map calls read the thread's CPU clock on one call in \a interval only and estimate the
        others' CPU time from the calls read before them on the same thread (MapCallRecord):
        with 1 KiB chunks, four reads a chunk cost about 10 % of the job. Before the job starts.
    */
    void setCpuSampleInterval(int interval) { m_cpuSampleInterval = std::max(1, interval); }
    int cpuSampleInterval() const { return m_cpuSampleInterval; }
    //! The interval for chunks of \a chunkBytes: every call from 64 KiB up, where the clock
    //! costs under 0.2 %.
    static int cpuSampleIntervalFor(qint64 chunkBytes)
    {
        constexpr qint64 SampledBelow = 64 << 10;
        return int(std::clamp<qint64>(SampledBelow / std::max<qint64>(1, chunkBytes), 1, 64));
    }
    //! clockNs() since start().
    qint64 now() const { return clockNs() - m_origin; }

    // Called concurrently by worker threads, each on its own lane: \a event's lane is ignored.
    void record(const JobEvent &event);
    // Called by the thread that runs a phase (the scan, then the sort: never two at once).
    void recordPhase(JobEvent::Kind kind, qint64 startNs, qint64 endNs);
    // Called on the job's thread.
    void setPaused(bool paused);
    // Called on the job's thread when the job has ended.
    void finish();

    //! A copy of everything recorded so far. Thread safe, never blocks the workers.
    JobTimeline snapshot() const;

private:
    struct Lane;
    Lane *laneOfThisThread();
    void append(Lane &lane, const JobEvent &event, bool mayMerge);

    const int m_workers;
    const int m_maxLanes;
    const qint32 m_laneCapacity;
    const quint64 m_serial; // tells this recorder from one that reuses its address
    bool m_enabled = true;
    int m_cpuSampleInterval = 1;
    qint64 m_origin = 0;
    std::unique_ptr<std::atomic<Lane *>[]> m_lanes; // lane 0: the job's own
    std::atomic<int> m_laneCount = 1;
    std::atomic<quint64> m_dropped = 0;
    std::atomic<qint64> m_finishedAt = -1;
    mutable QMutex m_mutex; // guards claiming a lane and m_pauses
    QList<JobTimeline::Pause> m_pauses;
};
