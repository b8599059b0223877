// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/resumecontroller.h"

#include "core/engine/countjob.h"
#include "core/engine/jobcheckpoint.h"
#include "core/text/localpath.h"
#include "ui/monitor/jobqueue.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

ResumeController::ResumeController(JobQueue *queue, QMainWindow *window)
    : QObject(window)
    , m_queue(queue)
    , m_window(window)
{
    // A resumed job that could not use its checkpoint says why, once it knows.
    connect(m_queue, &JobQueue::jobAdded, this, &ResumeController::watch);
}

QString ResumeController::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/checkpoints");
}

void ResumeController::setFolder(const QString &folder, int intervalMs)
{
    m_folder = folder;
    QDir().mkpath(folder);
    m_queue->setCheckpointFolder(folder, intervalMs);
}

QStringList ResumeController::interruptedCheckpoints() const
{
    // Named by the time they were added (JobQueue): by name is the order they ran in.
    const QFileInfoList found
        = QDir(m_folder).entryInfoList({QStringLiteral("*.ckpt")}, QDir::Files, QDir::Name);
    QStringList paths;
    for (const QFileInfo &file : found)
        paths.append(file.filePath());
    return paths;
}

CountJob *ResumeController::resume(const QString &checkpoint, QString *error)
{
    // Taken now: the job is held in the queue from here on, and kept again if it is still
    // queued when the window closes.
    const bool held = QFile::remove(heldMarker(checkpoint));
    JobCheckpoint::Error code = JobCheckpoint::NoError;
    std::shared_ptr<JobCheckpoint> cp = JobCheckpoint::read(checkpoint, &code, error);
    if (!cp) {
        JobCheckpoint::remove(checkpoint);
        return nullptr;
    }
    JobSpec spec;
    spec.paths = cp->paths;
    spec.sampleBytes = cp->sampleBytes;
    spec.sampleSeed = cp->sampleSeed;
    spec.mode = cp->mode;
    spec.chunkSize = cp->chunkSize;
    spec.checkpointPath = checkpoint; // the job goes on writing the same one
    spec.resumeFrom = std::move(cp);
    return m_queue->enqueueResumed(spec, held);
}

QString ResumeController::heldMarker(const QString &checkpoint)
{
    return checkpoint + QStringLiteral(".held");
}

void ResumeController::watch(CountJob *job)
{
    if (!job->spec().resumeFrom)
        return;
    connect(job, &CountJob::stateChanged, this, [this, job](CountJob::State state) {
        if (state != CountJob::Counting || job->resumeNotice().isEmpty())
            return;
        if (job->isResumed())
            m_window->statusBar()->showMessage(tr("Resumed the job; %1.").arg(job->resumeNotice()));
        else
            m_window->statusBar()->showMessage(
                tr("Could not resume the job: %1. It counts from the start.")
                    .arg(job->resumeNotice()));
    });
}

void ResumeController::offerToResume()
{
    const QStringList checkpoints = interruptedCheckpoints();
    if (checkpoints.isEmpty())
        return;
    QMessageBox box(QMessageBox::Question, tr("Resume interrupted jobs?"),
                    tr("WordMill stopped before %n job(s) ended. Resume them where they were?",
                       nullptr, int(checkpoints.size())),
                    QMessageBox::Yes | QMessageBox::Discard | QMessageBox::No, m_window);
    box.button(QMessageBox::Yes)->setText(tr("Resume"));
    box.button(QMessageBox::Discard)->setText(tr("Discard"));
    box.button(QMessageBox::No)->setText(tr("Not Now"));
    box.setDefaultButton(QMessageBox::Yes);
    const int answer = box.exec();
    if (answer == QMessageBox::Discard) {
        for (const QString &checkpoint : checkpoints) {
            JobCheckpoint::remove(checkpoint);
            QFile::remove(heldMarker(checkpoint));
        }
        return;
    }
    if (answer != QMessageBox::Yes)
        return; // they stay, to be offered again at the next start
    QStringList errors;
    for (const QString &checkpoint : checkpoints) {
        QString error;
        if (!resume(checkpoint, &error))
            errors.append(error);
    }
    if (!errors.isEmpty())
        QMessageBox::warning(m_window, tr("Resume interrupted jobs"),
                             tr("These jobs could not be resumed and were removed:\n%1")
                                 .arg(errors.join(QLatin1Char('\n'))));
}

ResumeController::CloseAnswer ResumeController::askToClose()
{
    QMessageBox box(QMessageBox::Question, tr("Stop the running jobs?"),
                    tr("Jobs are still counting. Keep them for later, to resume when WordMill "
                       "starts again, or cancel them and lose their work?"),
                    QMessageBox::Save | QMessageBox::Yes | QMessageBox::No, m_window);
    box.button(QMessageBox::Save)->setText(tr("Keep for Later"));
    box.button(QMessageBox::Yes)->setText(tr("Cancel Jobs"));
    box.button(QMessageBox::No)->setText(tr("Don't Quit"));
    box.setDefaultButton(QMessageBox::No);
    switch (box.exec()) {
    case QMessageBox::Save:
        return KeepForLater;
    case QMessageBox::Yes:
        return CancelJobs;
    default:
        return DontQuit;
    }
}

void ResumeController::keepActiveJobsForLater()
{
    QList<CountJob *> running;
    const QList<CountJob *> jobs = m_queue->jobs();
    // Queued jobs first: kept now, they end at once and the queue starts none of them when the
    // running job ends.
    for (CountJob *job : jobs) {
        if (job->isFinished() || job->spec().checkpointPath.isEmpty())
            continue;
        if (job->state() != CountJob::Queued) {
            running.append(job);
            continue;
        }
        if (!job->spec().resumeFrom) { // a resumed job's checkpoint is there already
            // Nothing counted: the job alone, which a resume plans afresh.
            JobCheckpoint cp;
            cp.paths = job->spec().paths;
            cp.sampleBytes = job->spec().sampleBytes;
            cp.sampleSeed = job->spec().sampleSeed;
            cp.mode = job->spec().mode;
            cp.chunkSize
                = qBound(JobSpec::MinChunkSize, job->spec().chunkSize, JobSpec::MaxChunkSize);
            QString error;
            JobCheckpoint::writeFile(job->spec().checkpointPath, cp.toBytes(), &error);
        }
        if (m_queue->isHeld(job)) {
            QFile marker(heldMarker(job->spec().checkpointPath));
            marker.open(QIODevice::WriteOnly);
        }
        job->keepForLater();
    }
    if (running.isEmpty())
        return;
    QEventLoop loop;
    int left = int(running.size());
    for (CountJob *job : std::as_const(running)) {
        connect(job, &CountJob::finished, &loop, [&left, &loop] {
            if (--left == 0)
                loop.quit();
        });
        job->keepForLater();
    }
    // The workers stop within milliseconds; the bound is for a disk that hangs.
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (left > 0)
        loop.exec();
}

void ResumeController::discardActiveJobs()
{
    for (CountJob *job : m_queue->jobs()) {
        if (!job->isFinished() && !job->spec().checkpointPath.isEmpty())
            JobCheckpoint::remove(job->spec().checkpointPath);
    }
}
