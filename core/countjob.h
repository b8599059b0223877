#pragma once

#include "countresult.h"
#include "filereport.h"
#include "inputscanner.h"
#include "jobprogress.h"
#include "jobspec.h"
#include "wordcount.h"

#include <QFuture>
#include <QObject>

#include <memory>

//! What the map-reduce future carries: the merge itself happens in the job's accumulator.
struct MergeCount
{
    qint64 chunks = 0;
};

/*!
    \brief One word-counting job: scan, map-reduce, then sort, on a thread pool of its own.

    The phases run one after another on worker threads; each hands out a QFuture, and the map
    and reduce phases are one \c QtConcurrent::mappedReduced over byte-range chunks of every
    input. The job lives on the thread that created it (the GUI thread in the desktop program)
    and reports there through signals that carry value types; no work happens on that thread.

    Cancel and pause take effect within milliseconds: workers check the job's JobControl at
    least once per MiB. A cancelled job never presents counts. Destroying a running job cancels
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
    //! The counts, once the job is Done; null before, and always null after a cancel.
    std::shared_ptr<const CountResult> result() const;
    //! The latest provisional top words (see liveWordsChanged()).
    QList<WordCount> liveWords(quint64 *wordsSoFar = nullptr) const;
    //! Why a Failed job failed.
    QString errorString() const;

    QFuture<ScanResult> scanFuture() const;
    //! The mappedReduced future of the map and reduce phases; its progress counts chunks.
    QFuture<MergeCount> countFuture() const;
    QFuture<std::shared_ptr<CountResult>> finalizeFuture() const;

    //! The JobControl that workers check; the command-line program stops it from a signal.
    class JobControl *control() const;

public Q_SLOTS:
    void start();
    void cancel();
    void setPaused(bool paused);

Q_SIGNALS:
    void stateChanged(CountJob::State state);
    void pausedChanged(bool paused);
    void cancellingChanged(bool cancelling);
    //! At most every ProgressIntervalMs while something moves, and once at every phase end.
    void progressChanged(const JobProgress &progress);
    //! The most frequent words so far, at most twice a second while counting; provisional.
    void liveWordsChanged(const QList<WordCount> &words, quint64 wordsSoFar);
    //! Emitted once, after Done, Cancelled or Failed.
    void finished();

private:
    class Private;
    std::unique_ptr<Private> const d;
};
