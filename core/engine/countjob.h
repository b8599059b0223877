// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countresult.h"
#include "core/engine/filereport.h"
#include "core/engine/jobprogress.h"
#include "core/engine/jobspec.h"
#include "core/engine/jobtimeline.h"
#include "core/engine/wordcount.h"

#include <QObject>

#include <memory>

/*!
    \brief One word-counting job: scan, map-reduce, then sort, on a thread pool of its own.

    The phases run one after another on worker threads; each hands out a QFuture, and the map
    and reduce phases are one \c QtConcurrent::mappedReduced over byte-range chunks of every
    input. The job lives on the thread that created it (the GUI thread in the desktop program)
    and reports there through signals that carry value types; no work happens on that thread.

    Cancel and pause take effect within milliseconds: workers check for them at least once per
    MiB. A cancelled job never presents counts. Destroying a running job cancels
    it and waits for its workers, which return promptly.

    \code
    auto *job = new CountJob(spec, this);
    connect(job, &CountJob::progressChanged, this, &Monitor::show);
    connect(job, &CountJob::finished, this, [job] { if (job->result()) use(*job->result()); });
    job->start();
    \endcode
*/
class CountJob final : public QObject
{
    Q_OBJECT

public:
    enum State { Queued, Scanning, Counting, Merging, Sorting, Done, Cancelled, Failed };
    Q_ENUM(State)

    //! How often progressChanged() may be emitted, at most.
    static constexpr int ProgressIntervalMs = 40;

    explicit CountJob(const JobSpec &spec, QObject *parent = nullptr);
    ~CountJob() override;
    Q_DISABLE_COPY_MOVE(CountJob)

    const JobSpec &spec() const;
    State state() const;
    bool isPaused() const;
    bool isCancelling() const; //!< cancel() was called and the workers are still stopping
    //! Paused, and every map call under way has reached its checkpoint: no amount moves now.
    bool isPauseSettled() const;
    bool isFinished() const; //!< Done, Cancelled or Failed

    //! Snapshot of every phase's progress.
    JobProgress progress() const;
    //! Snapshot of every input's state; skipped inputs carry their reason.
    QList<FileReport> fileReports() const;
    //! fileReports().at(\a index) without building the list (a job of 100,000 files holds
    //! 16 MB of reports); an empty report for an index out of range. The timeline's
    //! JobEvent::file is such an index.
    FileReport fileReport(qsizetype index) const;
    //! The input whose counting began last (what the job is reading now, if it is still
    //! counting); a report with no path and no sample before counting began. Cheap: one report.
    FileReport currentFile() const;
    //! The counts, once the job is Done; null before, and always null after a cancel.
    std::shared_ptr<const CountResult> result() const;
    //! The latest provisional top words (see liveWordsChanged()).
    QList<WordCount> liveWords(quint64 *wordsSoFar = nullptr) const;
    //! Why a Failed job failed.
    QString errorString() const;
    //! What each thread did and when so far (the Workers tab); cheap enough for every
    //! progressChanged(), and kept after the job ends. Thread safe.
    JobTimeline timeline() const;
    //! Whether the job records its timeline (it does unless told otherwise); before start().
    void setRecordsTimeline(bool on);

    //! The job took in JobSpec::resumeFrom: what it merged is not counted again.
    bool isResumed() const;
    /*!
        What a resume has to say, known once counting began; empty when JobSpec::resumeFrom was
        taken in whole, or when there was none. With isResumed() false: why it was not used
        and the job counts everything ("inputs counted completely before the checkpoint changed
        since…: 'a.txt' was modified"). With isResumed() true: the inputs that changed since
        and are counted again from their start, the rest of the checkpoint kept ("inputs
        changed since the checkpoint are counted from their start: 'b.txt' is new").
    */
    QString resumeNotice() const;
    //! The last checkpoint write's failure, naming the file and the reason; empty if none.
    QString checkpointError() const;
    //! keepForLater() was called: the job ended Cancelled with its checkpoint kept.
    bool isKeptForLater() const;

public Q_SLOTS:
    void start();
    void cancel();
    void setPaused(bool paused);
    /*!
        Ends the job with the counts of the files counted completely so far, and of no other:
        a file of which only some chunks were merged is left out whole. The job goes on to
        Sorting and Done; its result is marked CountResult::partial. Before counting began it
        is cancel(); once everything is merged it changes nothing.
    */
    void stopAndKeep();
    /*!
        Cancels the job and keeps its checkpoint (JobSpec::checkpointPath), written once more
        when the workers have stopped, to resume from later. cancel() removes the checkpoint,
        and so does a job that ends Done or Failed. While Sorting, the sort (which holds every
        merged count, and only it) runs to its end first and the checkpoint holds them all, so
        that a resume only sorts again; the job is cancelling meanwhile, and ends Cancelled.
    */
    void keepForLater();

Q_SIGNALS:
    // Only the job emits these (QPrivateSignal); all of them on the job's own thread.

    //! Once per state the job enters, in order; never twice in a row for the same state.
    void stateChanged(CountJob::State state, QPrivateSignal);
    //! Once per setPaused() call that changes the paused state, before setPaused() returns.
    void pausedChanged(bool paused, QPrivateSignal);
    //! Twice at most: true when cancel() takes effect, false just before finished().
    void cancellingChanged(bool cancelling, QPrivateSignal);
    //! At most every ProgressIntervalMs while something moves, once a second for the elapsed
    //! time alone, and once at every phase end; never twice with the same values.
    void progressChanged(const JobProgress &progress, QPrivateSignal);
    //! The most frequent words so far, at most twice a second while counting; provisional.
    //! Never after cancel().
    void liveWordsChanged(const QList<WordCount> &words, quint64 wordsSoFar, QPrivateSignal);
    //! Exactly once, after Done, Cancelled or Failed (the last stateChanged()).
    void finished(QPrivateSignal);

private:
    class Private;
    std::unique_ptr<Private> const d;
};
