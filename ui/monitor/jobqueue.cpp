// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/jobqueue.h"

#include "core/engine/countjob.h"

#include <QDateTime>

JobQueue::JobQueue(QObject *parent)
    : QObject(parent)
{ }

JobQueue::~JobQueue()
{
    // Cancel all first, so that every job's workers stop together rather than one by one.
    cancelAll();
    qDeleteAll(m_jobs);
}

void JobQueue::setCheckpointFolder(const QString &folder, int intervalMs)
{
    m_checkpointFolder = folder;
    m_checkpointIntervalMs = intervalMs;
}

CountJob *JobQueue::enqueue(const JobSpec &given)
{
    // A new job, or a retry of one (whose spec names the old job's checkpoint): a checkpoint
    // of its own, and nothing to resume.
    JobSpec spec = given;
    spec.resumeFrom.reset();
    spec.checkpointPath.clear();
    if (!m_checkpointFolder.isEmpty() && spec.inputStream < 0)
        // Named in the order the jobs were added, which a resume keeps.
        spec.checkpointPath = m_checkpointFolder
            + QStringLiteral("/job-%1-%2.ckpt")
                  .arg(QDateTime::currentMSecsSinceEpoch(), 13, 10, QLatin1Char('0'))
                  .arg(++m_checkpointSerial, 6, 10, QLatin1Char('0'));
    return enqueueResumed(spec);
}

CountJob *JobQueue::enqueueResumed(const JobSpec &given, bool held)
{
    JobSpec spec = given;
    if (!spec.checkpointPath.isEmpty())
        spec.checkpointIntervalMs = m_checkpointIntervalMs;
    auto *job = new CountJob(spec);
    m_jobs.append(job);
    connect(job, &CountJob::finished, this, [this, job] {
        m_held.remove(job);
        startNext();
        if (!hasActiveJobs())
            Q_EMIT activeChanged(false);
    });
    Q_EMIT jobAdded(job);
    // Before startNext(), which would start it if no other job runs.
    if (held) {
        m_held.insert(job);
        Q_EMIT heldChanged(job, true);
    }
    Q_EMIT activeChanged(true);
    startNext();
    return job;
}

QList<CountJob *> JobQueue::jobs() const
{
    return m_jobs;
}

bool JobQueue::hasActiveJobs() const
{
    return std::any_of(m_jobs.cbegin(), m_jobs.cend(),
                       [](const CountJob *job) { return !job->isFinished(); });
}

bool JobQueue::remove(CountJob *job)
{
    if (!job || !job->isFinished() || !m_jobs.contains(job))
        return false;
    m_jobs.removeOne(job);
    m_held.remove(job);
    Q_EMIT jobRemoved(job);
    // Finished: its workers are done and its futures over, so nothing of it runs any more.
    delete job;
    return true;
}

bool JobQueue::move(CountJob *job, int steps)
{
    const auto queued
        = [](const CountJob *j) { return j->state() == CountJob::Queued && !j->isFinished(); };
    qsizetype from = m_jobs.indexOf(job);
    if (from < 0 || !queued(job) || steps == 0)
        return false;
    const int step = steps < 0 ? -1 : 1;
    bool moved = false;
    for (int n = std::abs(steps); n > 0; --n) {
        qsizetype to = from + step;
        while (to >= 0 && to < m_jobs.size() && !queued(m_jobs.at(to)))
            to += step;
        if (to < 0 || to >= m_jobs.size())
            break;
        m_jobs.swapItemsAt(from, to);
        from = to;
        moved = true;
    }
    return moved;
}

void JobQueue::setHeld(CountJob *job, bool held)
{
    if (!job || !m_jobs.contains(job) || held == isHeld(job))
        return;
    if (held && (job->state() != CountJob::Queued || job->isFinished()))
        return; // a job under way is paused, not held
    if (held)
        m_held.insert(job);
    else
        m_held.remove(job);
    Q_EMIT heldChanged(job, held);
    if (!held)
        startNext();
}

void JobQueue::cancelAll()
{
    m_stopping = true;
    for (CountJob *job : std::as_const(m_jobs))
        job->cancel();
    m_stopping = false;
}

void JobQueue::startNext()
{
    if (m_stopping || (m_running && !m_running->isFinished()))
        return;
    for (CountJob *job : std::as_const(m_jobs)) {
        if (job->state() == CountJob::Queued && !job->isFinished() && !isHeld(job)) {
            m_running = job;
            job->start();
            return;
        }
    }
}
