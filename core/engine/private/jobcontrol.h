// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <QWaitCondition>

#include <atomic>

/*!
    \brief The stop and pause flags that every phase of a job checks while it works.

    Workers call checkpoint() at least once per MiB of input; it blocks while the job is paused
    and returns false once the job is cancelled, so that both take effect within milliseconds
    whatever the chunk size. Thread safe.
*/
class JobControl final
{
public:
    JobControl() = default;
    Q_DISABLE_COPY_MOVE(JobControl)

    // Called concurrently by worker threads.
    bool checkpoint()
    {
        if (m_paused.load(std::memory_order_relaxed))
            waitWhilePaused();
        return !m_stop.load(std::memory_order_relaxed);
    }

    bool isStopRequested() const { return m_stop.load(std::memory_order_relaxed); }
    //! Workers blocked in checkpoint() by a pause right now; they report their bytes first.
    int parkedWorkers() const { return m_parked.load(std::memory_order_acquire); }
    bool isPaused() const { return m_paused.load(std::memory_order_relaxed); }

    void requestStop()
    {
        QMutexLocker lock(&m_mutex);
        m_stop.store(true, std::memory_order_relaxed);
        m_resumed.wakeAll();
    }

    //! Takes back requestStop() once no worker of the phase it stopped runs any more: Stop and
    //! keep ends the counting, then the sort of what is complete must run.
    void withdrawStop()
    {
        QMutexLocker lock(&m_mutex);
        m_stop.store(false, std::memory_order_relaxed);
    }

    void setPaused(bool paused)
    {
        QMutexLocker lock(&m_mutex);
        m_paused.store(paused, std::memory_order_relaxed);
        if (!paused)
            m_resumed.wakeAll();
    }

private:
    void waitWhilePaused()
    {
        QMutexLocker lock(&m_mutex);
        m_parked.fetch_add(1, std::memory_order_release);
        while (m_paused.load(std::memory_order_relaxed) && !m_stop.load(std::memory_order_relaxed))
            m_resumed.wait(&m_mutex); // requestStop() and setPaused(false) wake it
        m_parked.fetch_sub(1, std::memory_order_release);
    }

    std::atomic<bool> m_stop = false;
    std::atomic<bool> m_paused = false;
    std::atomic<int> m_parked = 0;
    QMutex m_mutex;
    QWaitCondition m_resumed;
};
