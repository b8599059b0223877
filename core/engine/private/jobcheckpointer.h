// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/jobcheckpoint.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <vector>

class JobWorkspace;
struct Chunk;
struct JobSpec;

/*!
    \brief A job's side of JobCheckpoint: takes in JobSpec::resumeFrom after the plan, and
    writes what the reduce has merged to JobSpec::checkpointPath every interval.

    The snapshot is taken by the reduce function, which QtConcurrent runs one at a time, so it
    sees the merged counts between two merges, never during one; it only serialises the tables
    (a copy, no sort), and a thread of its own writes, fsyncs and renames the file, so the disk
    never holds up the merge. A snapshot is skipped while the previous one is still being
    written. Only counts that are merged are written: chunks still being counted are counted
    again after a resume, which is why the resumed totals equal an uninterrupted run's.
*/
class JobCheckpointer final
{
    Q_DECLARE_TR_FUNCTIONS(JobCheckpointer)

public:
    JobCheckpointer(JobWorkspace &workspace, const JobSpec &spec);
    ~JobCheckpointer(); // waits for a write under way
    Q_DISABLE_COPY_MOVE(JobCheckpointer)

    // Runs on the job's thread right after JobWorkspace::plan(), before any map call: takes in
    // the checkpoint to resume from when it is of this job and no input counted completely
    // changed since; other changed inputs are counted again from their start.
    void resume();
    //! Why the checkpoint to resume from was not used (isResumed() false: the job counts
    //! everything), or which inputs changed since and are counted again (isResumed() true);
    //! empty when nothing changed, or when there was no checkpoint.
    QString resumeNotice() const { return m_notice; }
    bool isResumed() const { return m_resumed; }

    // Called concurrently by worker threads once the map phase runs (read-only then): true for
    // a chunk that the checkpoint resumed from had merged.
    bool isMerged(const Chunk &chunk) const;

    // Called by the reduce function, one call at a time: a snapshot to the writer every
    // interval.
    void reduced();
    //! On the job's thread, once no reduce call runs: writes a snapshot now and waits for it.
    //! Not once the sort began: it took the merged total away (see writeAllMerged()).
    bool writeNow();
    //! On the job's thread, once the sort is over: writes the reduce side's state with
    //! \a total, the whole merged table the sort was given, and waits for it.
    bool writeAllMerged(const WordTable &total);
    //! Waits for a write under way, then removes the checkpoint (the job needs it no more).
    void discard();
    //! The last write's failure, naming the file and the reason; empty if none failed.
    QString errorString() const;

private:
    // The reduce side's state as a checkpoint's bytes, with \a total as the merged counts of
    // the complete files; the reduce side must be still.
    QByteArray snapshot(const WordTable &total) const;
    bool writeSnapshot(const WordTable &total);

    JobWorkspace &m_workspace;
    const QString m_path;
    const int m_intervalMs;
    std::shared_ptr<const JobCheckpoint> m_resumeFrom;
    // The first bytes of the chunks merged before the resume, sorted, by planned file.
    std::vector<std::vector<qint64>> m_merged;
    QString m_notice;
    bool m_resumed = false;

    QElapsedTimer m_sinceWrite;
    QThreadPool m_writer; // one thread: writes, fsyncs, renames
    std::atomic<bool> m_writing = false;
    mutable QMutex m_errorMutex;
    QString m_error; // guarded by m_errorMutex
};
