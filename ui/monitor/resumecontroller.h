// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class CountJob;
class JobQueue;
class QMainWindow;

/*!
    \brief The desktop's side of checkpoints (issue 12, item 4): every job the queue runs
    writes one to the application's data folder; when the window closes mid-job the user may
    keep the jobs for later; at the next start WordMill offers to resume them.

    A job that ends (Done, Failed, cancelled) removes its checkpoint, so the checkpoints found
    at start are those of jobs a crash, a kill, a logout or "Keep for Later" interrupted.
    Queued jobs, which have counted nothing, are kept as checkpoints without a plan; a held
    one also leaves an empty file beside its checkpoint (heldMarker()), so that it comes back
    held. The checkpoint format is the engine's, and holding is the queue's business.
*/
class ResumeController final : public QObject
{
    Q_OBJECT

public:
    enum CloseAnswer { KeepForLater, CancelJobs, DontQuit };

    ResumeController(JobQueue *queue, QMainWindow *window);
    Q_DISABLE_COPY_MOVE(ResumeController)

    //! Where checkpoints go: "checkpoints" in QStandardPaths::AppDataLocation.
    static QString defaultFolder();
    //! Makes the queue's jobs write checkpoints into \a folder every \a intervalMs.
    void setFolder(const QString &folder, int intervalMs = 5000);
    QString folder() const { return m_folder; }

    //! The checkpoints in folder(), in the order their jobs were added.
    QStringList interruptedCheckpoints() const;
    //! Queues the job saved in \a checkpoint; null, with \a error, when it cannot be read (it
    //! is removed then: nothing could resume it).
    CountJob *resume(const QString &checkpoint, QString *error);

    //! Asks, while jobs run, whether to keep them for later, cancel them or not quit.
    CloseAnswer askToClose();
    //! Keeps every queued and running job for later; returns once their checkpoints are
    //! written (the workers stop within milliseconds).
    void keepActiveJobsForLater();
    //! Removes the checkpoints of the jobs that have not ended: they are being cancelled.
    void discardActiveJobs();

public Q_SLOTS:
    //! If interrupted jobs left checkpoints, asks whether to resume them, discard them or
    //! decide later (they stay).
    void offerToResume();

private:
    void watch(CountJob *job);
    //! The file whose presence says that the job kept in \a checkpoint was held.
    static QString heldMarker(const QString &checkpoint);

    JobQueue *const m_queue;
    QMainWindow *const m_window;
    QString m_folder;
};
