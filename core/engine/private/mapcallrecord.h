// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/eventrecorder.h"
#include "core/engine/private/jobcontrol.h"

/*!
    \brief Times one map call on the thread that runs it, for the job's EventRecorder: the wait
    for a table slot, the reads (BlockReader reports them through current()), the time held by
    a pause, and the thread's CPU time. One per map call, on the worker's stack.

    Waits shorter than MinWaitNs are not recorded as marks of their own (a slot free at once
    costs a few hundred ns), and their time counts as the map call's.

    With small chunks the CPU clock is read on one call in EventRecorder::cpuSampleInterval()
    only; the other calls' CPU time (and their reads') is their bytes times the CPU time a byte
    took in the calls read before on the same thread (never more than their wall time). By the
    byte, not as a share of the wall time: a call that the scheduler held off the CPU for a
    few ms would otherwise count all that time as CPU time. So the sums stay estimates of the
    right size while the clock costs a sixty-fourth of what it did.
*/
class MapCallRecord final
{
public:
    static constexpr qint64 MinWaitNs = 20000;

    // Runs on a worker thread.
    MapCallRecord(EventRecorder &recorder, qint32 file, qint64 begin, qint64 end)
        : m_recorder(recorder)
        , m_on(recorder.isEnabled())
    {
        if (!m_on)
            return;
        m_event.kind = JobEvent::Map;
        m_event.file = file;
        m_event.begin = begin;
        m_event.end = end;
        m_event.startNs = m_recorder.now();
        const int interval = recorder.cpuSampleInterval();
        m_readsCpu = interval <= 1 || t_calls++ % quint64(interval) == 0;
        if (m_readsCpu)
            m_cpuStart = EventRecorder::threadCpuNs();
        t_current = this;
    }
    ~MapCallRecord()
    {
        if (m_on && t_current == this)
            t_current = nullptr;
    }
    Q_DISABLE_COPY_MOVE(MapCallRecord)

    //! The map call running on this thread that records, if any.
    static MapCallRecord *current() { return t_current; }

    // Runs on a worker thread: the call got its table slot; the time before was a wait.
    static void slotTaken()
    {
        MapCallRecord *self = t_current;
        if (!self)
            return;
        const qint64 t = self->m_recorder.now();
        if (t - self->m_event.startNs >= MinWaitNs) {
            JobEvent wait;
            wait.kind = JobEvent::SlotWait;
            wait.file = self->m_event.file;
            wait.startNs = self->m_event.startNs;
            wait.endNs = t;
            wait.busyNs = t - wait.startNs;
            self->m_recorder.record(wait);
            self->m_event.startNs = t;
        }
    }

    //! This call reads the CPU clock (around its reads too); otherwise addRead()'s CPU time is
    //! ignored and estimated.
    bool readsCpu() const { return m_readsCpu; }

    // Runs on a worker thread, around each read: its wall and CPU time.
    void addRead(qint64 ns, qint64 cpuNs)
    {
        m_event.readNs += ns;
        m_event.readCpuNs += cpuNs;
    }

    // Runs on a worker thread: passes the job's checkpoint while a pause may hold it there,
    // recording the time held.
    bool checkpoint(JobControl &control)
    {
        if (!control.isPaused())
            return control.checkpoint();
        const qint64 t = m_recorder.now();
        const bool go = control.checkpoint();
        JobEvent parked;
        parked.kind = JobEvent::Parked;
        parked.file = m_event.file;
        parked.startNs = t;
        parked.endNs = m_recorder.now();
        parked.busyNs = parked.endNs - t;
        m_recorder.record(parked);
        m_parkedNs += parked.busyNs;
        return go;
    }

    /*!
        Runs on a worker thread: records the call, with the \a bytes it owned and the \a words
        it counted. Returns when it ended (EventRecorder time), or 0 when nothing records.
    */
    qint64 finish(qint64 bytes, quint64 words)
    {
        if (!m_on)
            return 0;
        t_current = nullptr;
        m_event.endNs = m_recorder.now();
        // Time held by a pause is no work: the Parked marks stand for it.
        m_event.busyNs = m_event.endNs - m_event.startNs - m_parkedNs;
        if (m_readsCpu) {
            m_event.cpuNs = EventRecorder::threadCpuNs() - m_cpuStart;
            learn(&t_cpuPerByte, m_event.cpuNs, bytes);
            learn(&t_readCpuPerByte, m_event.readCpuNs, bytes);
        } else {
            m_event.cpuNs = estimate(t_cpuPerByte, bytes, m_event.busyNs);
            m_event.readCpuNs = estimate(t_readCpuPerByte, bytes, m_event.readNs);
        }
        m_event.bytes = bytes;
        m_event.words = words;
        m_recorder.record(m_event);
        return m_event.endNs;
    }

private:
    // Runs on a worker thread: a moving average of the CPU time a byte takes, over the last few
    // calls that read the clock (the first one sets it).
    static void learn(double *perByte, qint64 cpuNs, qint64 bytes)
    {
        if (bytes <= 0)
            return;
        const double now = double(std::max<qint64>(0, cpuNs)) / double(bytes);
        *perByte = *perByte < 0 ? now : *perByte + (now - *perByte) / 4;
    }
    static qint64 estimate(double perByte, qint64 bytes, qint64 wallNs)
    {
        return std::clamp<qint64>(qint64(std::max(0.0, perByte) * double(bytes)), 0,
                                  std::max<qint64>(0, wallNs));
    }

    static inline thread_local MapCallRecord *t_current = nullptr;
    static inline thread_local quint64 t_calls = 0;
    static inline thread_local double t_cpuPerByte = -1; // -1: no call read the clock yet
    static inline thread_local double t_readCpuPerByte = -1;

    EventRecorder &m_recorder;
    const bool m_on;
    JobEvent m_event;
    qint64 m_cpuStart = 0;
    qint64 m_parkedNs = 0;
    bool m_readsCpu = true;
};
