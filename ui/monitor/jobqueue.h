// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/jobspec.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

class CountJob;

/*!
    \brief Runs jobs one at a time, in the order they were added; the others wait as Queued.

    One job at a time, because each job already keeps every core busy: two at once would each
    run at half speed, so both would finish later than if run one after the other.
*/
class JobQueue final : public QObject
{
    Q_OBJECT

public:
    explicit JobQueue(QObject *parent = nullptr);
    ~JobQueue() override;
    Q_DISABLE_COPY_MOVE(JobQueue)

    //! Adds a job; it starts at once if no other job is running. With a checkpoint folder, a
    //! job that has no checkpoint path gets one there.
    CountJob *enqueue(const JobSpec &spec);
    //! Jobs enqueued from now on write checkpoints in \a folder every \a intervalMs
    //! (ResumeController); an empty folder: none.
    void setCheckpointFolder(const QString &folder, int intervalMs);
    //! Adds a job that resumes from JobSpec::resumeFrom and goes on writing the checkpoint
    //! JobSpec::checkpointPath names; \a held: it comes back held (see setHeld()).
    CountJob *enqueueResumed(const JobSpec &spec, bool held = false);
    QList<CountJob *> jobs() const;
    //! True while any job is queued or running.
    bool hasActiveJobs() const;
    /*!
        Forgets a finished job and destroys it with its result; jobRemoved() comes first.
        Returns false, and does nothing, for a job that is queued or running: work is only ever
        stopped by cancel().
    */
    bool remove(CountJob *job);
    /*!
        Moves queued \a job before (\a steps < 0) or after the queued job next to it, so that
        it starts sooner or later. Returns false if \a job is not queued or has no queued job
        that way.
    */
    bool move(CountJob *job, int steps);
    //! A held job stays queued: the jobs after it start first. Only queued jobs can be held.
    void setHeld(CountJob *job, bool held);
    bool isHeld(const CountJob *job) const { return m_held.contains(job); }

public Q_SLOTS:
    void cancelAll();

Q_SIGNALS:
    void jobAdded(CountJob *job);
    //! \a job is about to be destroyed by remove().
    void jobRemoved(CountJob *job);
    void heldChanged(CountJob *job, bool held);
    void activeChanged(bool active);

private:
    void startNext();

    QList<CountJob *> m_jobs;
    QPointer<CountJob> m_running;
    QSet<const CountJob *> m_held;
    bool m_stopping = false; // cancelling all: start nothing new
    QString m_checkpointFolder;
    int m_checkpointIntervalMs = 5000;
    int m_checkpointSerial = 0;
};
