// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/countjob.h"

#include "core/engine/private/chunkiterator.h"
#include "core/engine/private/inputscanner.h"
#include "core/engine/private/jobworkspace.h"
#include "core/engine/private/mapcallrecord.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent>

namespace {

// Runs on the worker thread that reduced \a result, from \a start.
void recordReduce(JobWorkspace &workspace, const ChunkResult &result, qint64 start)
{
    JobEvent e;
    e.kind = JobEvent::Reduce;
    e.file = result.file;
    e.startNs = start;
    e.endNs = workspace.events.now();
    e.busyNs = e.endNs - start;
    e.bytes = result.bytes;
    e.queuedNs = result.mappedAtNs > 0 ? std::max<qint64>(0, start - result.mappedAtNs) : 0;
    workspace.events.record(e);
}

// What the map-reduce future carries: the merge itself happens in the job's workspace.
struct MergeCount
{
    qint64 chunks = 0;
};

// Thin functors: QtConcurrent copies them into its kernel; the workspace is shared.
struct MapChunk
{
    std::shared_ptr<JobWorkspace> workspace;
    // Called concurrently by worker threads.
    ChunkResult operator()(const Chunk &chunk) const
    {
        MapCallRecord record(workspace->events, chunk.file, chunk.begin, chunk.end);
        ChunkResult result = workspace->mapChunk(chunk);
        result.mappedAtNs = record.finish(result.bytes, result.tally.words);
        return result;
    }
};

struct ReduceChunk
{
    std::shared_ptr<JobWorkspace> workspace;
    // Called by one worker thread at a time.
    void operator()(MergeCount &merged, const ChunkResult &result) const
    {
        const qint64 start = workspace->events.isEnabled() ? workspace->events.now() : 0;
        workspace->reduceChunk(result);
        ++merged.chunks;
        if (workspace->events.isEnabled())
            recordReduce(*workspace, result, start);
    }
};

} // namespace

class CountJob::Private
{
public:
    explicit Private(CountJob *q, const JobSpec &spec)
        : q(q)
        , spec(spec)
        , workers(std::max(1, spec.workers > 0 ? spec.workers : QThread::idealThreadCount()))
        , workspace(std::make_shared<JobWorkspace>(spec, workers))
    {
        pool.setMaxThreadCount(workers);
        progressTimer.setInterval(ProgressIntervalMs);
        workspace->events.setCpuSampleInterval(EventRecorder::cpuSampleIntervalFor(
            qBound(JobSpec::MinChunkSize, spec.chunkSize, JobSpec::MaxChunkSize)));
    }

    void setState(State s)
    {
        if (state == s)
            return;
        state = s;
        Q_EMIT q->stateChanged(s, QPrivateSignal());
    }

    //! \a wall (ms since start) less the time spent paused before it.
    qint64 working(qint64 wall) const
    {
        return wall - pausedMs - (pausedSince >= 0 ? std::max<qint64>(0, wall - pausedSince) : 0);
    }
    qint64 workingNow() const { return working(clock.isValid() ? clock.elapsed() : 0); }

    void startCounting();
    void startFinalizing();
    void finish(State finalState, const CountResult *sorted = nullptr);
    //! What an ending job does with its checkpoint: removes it, or, kept for later, writes it
    //! once more with what is merged (from \a sorted, the sort's result, once the sort took
    //! the merged counts). The job's thread, once no worker runs.
    void settleCheckpoint(const CountResult *sorted);
    void emitProgress();
    JobProgress snapshot() const;

    CountJob *const q;
    const JobSpec spec;
    const int workers;
    std::shared_ptr<JobWorkspace> workspace;
    QThreadPool pool;
    State state = Queued;
    bool cancelling = false;
    bool keeping = false; // stopAndKeep(): the count stops, the sort of what is complete runs
    bool keptForLater = false; // keepForLater(): cancelled, the checkpoint kept
    QString error;
    std::shared_ptr<const CountResult> result;

    QFutureWatcher<ScanResult> scanWatcher;
    QFutureWatcher<MergeCount> countWatcher;
    QFutureWatcher<std::shared_ptr<CountResult>> finalizeWatcher;
    QTimer progressTimer;
    QElapsedTimer sinceProgress;
    JobProgress lastProgress;
    int liveVersion = 0;

    QElapsedTimer clock;
    qint64 pausedMs = 0; // wall time spent paused, pauses that ended
    qint64 pausedSince = -1; // wall time the current pause began; -1 when not paused
    // Phase boundaries in working time (see working()).
    qint64 scanStart = -1, scanEnd = -1;
    qint64 countStart = -1, countEnd = -1;
    qint64 finalizeStart = -1, finalizeEnd = -1;
    qint64 finishedAt = -1; // wall time
};

CountJob::CountJob(const JobSpec &spec, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, spec))
{
    qRegisterMetaType<JobProgress>();
    connect(&d->scanWatcher, &QFutureWatcherBase::finished, this, [this] {
        d->scanEnd = d->workingNow();
        if (d->cancelling || d->scanWatcher.isCanceled()) {
            d->finish(Cancelled);
            return;
        }
        d->startCounting();
    });
    connect(&d->countWatcher, &QFutureWatcherBase::finished, this, [this] {
        d->countEnd = d->workingNow();
        if (d->keeping && !d->cancelling) {
            // Every map and reduce call has returned: the sort may run again.
            d->workspace->control.withdrawStop();
            d->startFinalizing();
        } else if (d->cancelling || d->countWatcher.isCanceled()) {
            d->finish(Cancelled);
        } else {
            d->startFinalizing();
        }
    });
    connect(&d->finalizeWatcher, &QFutureWatcherBase::finished, this, [this] {
        d->finalizeEnd = d->workingNow();
        if (d->cancelling || d->finalizeWatcher.isCanceled() || !d->finalizeWatcher.result()) {
            // Kept for later while sorting: the sort went on, for its table to be kept.
            const bool sorted = !d->finalizeWatcher.isCanceled() && d->finalizeWatcher.result();
            d->finish(Cancelled, sorted ? d->finalizeWatcher.result().get() : nullptr);
            return;
        }
        std::shared_ptr<CountResult> result = d->finalizeWatcher.result();
        CountTotals &t = result->totals;
        t.scanMs = d->scanEnd - d->scanStart;
        t.countMs = d->countEnd - d->countStart;
        t.finalizeMs = d->finalizeEnd - d->finalizeStart;
        t.totalMs = d->finalizeEnd;
        t.wallMs = d->clock.elapsed();
        if (d->keeping) {
            result->partial = true;
            result->filesPlanned = d->workspace->plannedFiles();
            result->bytesPlanned = d->workspace->bytesToCount();
        }
        d->result = std::move(result);
        // A share's caller decides, from every part, whether anything was counted.
        if (d->result->totals.filesCounted == 0 && d->result->totals.filesSkipped > 0
            && d->spec.share.parts <= 1) {
            d->result.reset();
            d->error = tr("None of the inputs could be counted.");
            d->finish(Failed);
        } else {
            d->finish(Done);
        }
    });
    // Each phase's future drives progress as it moves (for the map phase: every chunk counted,
    // as the mappedReduced future reports it); the timer keeps the 64-bit amounts and the
    // elapsed time moving inside long chunks and while nothing finishes.
    connect(&d->progressTimer, &QTimer::timeout, this, [this] { d->emitProgress(); });
    const auto moved = [this] {
        if (d->sinceProgress.isValid() && d->sinceProgress.elapsed() >= ProgressIntervalMs)
            d->emitProgress();
    };
    connect(&d->scanWatcher, &QFutureWatcherBase::progressValueChanged, this, moved);
    connect(&d->countWatcher, &QFutureWatcherBase::progressValueChanged, this, moved);
    connect(&d->finalizeWatcher, &QFutureWatcherBase::progressValueChanged, this, moved);
}

CountJob::~CountJob()
{
    // Kept for later while sorting, the merged counts are the sort's alone: it runs to its
    // end (it was not paused: keepForLater() resumed it) so that they are kept.
    const bool keepSorting = d->keptForLater && d->state == Sorting;
    // The pool's destructor waits for running tasks; the stop flag makes them return at once.
    if (keepSorting) {
        d->workspace->control.setPaused(false);
    } else {
        d->workspace->control.requestStop();
        d->scanWatcher.future().cancel();
        d->countWatcher.future().cancel();
        d->finalizeWatcher.future().cancel();
    }
    d->pool.waitForDone();
    // Gone before its cancel was over (a window that quits right after Cancel Jobs), the job
    // must still do with its checkpoint what finish() would have: remove it, or keep it whole
    // for later. Left behind, the next start offered to resume a job the user had cancelled.
    if (d->cancelling && !isFinished()) {
        QFuture<std::shared_ptr<CountResult>> sort = d->finalizeWatcher.future();
        std::shared_ptr<CountResult> sorted;
        if (keepSorting && sort.isFinished() && sort.resultCount() > 0)
            sorted = sort.result();
        d->settleCheckpoint(sorted.get());
    }
}

const JobSpec &CountJob::spec() const
{
    return d->spec;
}
CountJob::State CountJob::state() const
{
    return d->state;
}
bool CountJob::isPaused() const
{
    return d->workspace->control.isPaused();
}
bool CountJob::isCancelling() const
{
    return d->cancelling && !isFinished();
}
bool CountJob::isPauseSettled() const
{
    const JobWorkspace &w = *d->workspace;
    // A map call parks at its first checkpoint, having reported every byte it read before it.
    return isPaused() && w.control.parkedWorkers() >= w.counters.mapsRunning();
}

bool CountJob::isFinished() const
{
    return d->state == Done || d->state == Cancelled || d->state == Failed;
}
JobProgress CountJob::progress() const
{
    return d->snapshot();
}
QList<FileReport> CountJob::fileReports() const
{
    // Once Done, the result holds the final reports: share its list rather than build a second
    // one, which for 100,000 files would be another 16 MB at the job's peak.
    if (d->result)
        return d->result->files;
    return d->workspace->fileReports();
}
FileReport CountJob::fileReport(qsizetype index) const
{
    if (d->result)
        return d->result->files.value(index);
    return d->workspace->fileReport(index);
}
FileReport CountJob::currentFile() const
{
    return d->workspace->currentFile();
}
std::shared_ptr<const CountResult> CountJob::result() const
{
    return d->result;
}
QString CountJob::errorString() const
{
    return d->error;
}

JobTimeline CountJob::timeline() const
{
    return d->workspace->events.snapshot();
}

void CountJob::setRecordsTimeline(bool on)
{
    if (d->state == Queued)
        d->workspace->events.setEnabled(on);
}

bool CountJob::isResumed() const
{
    const JobCheckpointer *checkpointer = d->workspace->checkpointer();
    return checkpointer && checkpointer->isResumed();
}

QString CountJob::resumeNotice() const
{
    const JobCheckpointer *checkpointer = d->workspace->checkpointer();
    return checkpointer ? checkpointer->resumeNotice() : QString();
}

QString CountJob::checkpointError() const
{
    const JobCheckpointer *checkpointer = d->workspace->checkpointer();
    return checkpointer ? checkpointer->errorString() : QString();
}

bool CountJob::isKeptForLater() const
{
    return d->keptForLater;
}

QList<WordCount> CountJob::liveWords(quint64 *wordsSoFar) const
{
    return d->workspace->liveTopWords(wordsSoFar);
}

void CountJob::start()
{
    if (d->state != Queued)
        return;
    d->clock.start();
    d->workspace->events.start();
    if (isPaused()) // paused while queued: the pause starts with the job
        d->pausedSince = 0;
    d->scanStart = 0;
    d->setState(Scanning);
    d->progressTimer.start();
    auto workspace = d->workspace;
    const QStringList paths = d->spec.paths;
    d->scanWatcher.setFuture(QtConcurrent::run(&d->pool, [workspace, paths] {
        const qint64 started = workspace->events.now();
        InputScanner scanner(workspace->control, workspace->counters);
        ScanResult scan = scanner.scan(paths);
        workspace->scanStream(&scan);
        workspace->events.recordPhase(JobEvent::Scan, started, workspace->events.now());
        return scan;
    }));
}

void CountJob::Private::startCounting()
{
    // Taken, not copied: the workspace writes the final reports into the scan's list, which
    // must not be shared then (a copy of 100,000 reports is 9 MB).
    workspace->plan(scanWatcher.future().takeResult());
    countStart = workingNow();
    setState(Counting);
    emitProgress();
    // The iterators read the plan in the workspace, which every task shares: it outlives them.
    auto future = QtConcurrent::mappedReduced<MergeCount>(
        &pool, ChunkIterator::begin(*workspace), ChunkIterator::end(*workspace),
        MapChunk {workspace}, ReduceChunk {workspace}, QtConcurrent::UnorderedReduce);
    if (workspace->control.isPaused())
        future.suspend();
    countWatcher.setFuture(future);
}

void CountJob::Private::startFinalizing()
{
    finalizeStart = workingNow();
    setState(Sorting);
    emitProgress();
    auto ws = workspace;
    QThreadPool *sortPool = &pool;
    finalizeWatcher.setFuture(
        QtConcurrent::run(&pool, [ws, sortPool](QPromise<std::shared_ptr<CountResult>> &promise) {
            const qint64 started = ws->events.now();
            promise.addResult(ws->finalize(promise, sortPool));
            ws->events.recordPhase(JobEvent::Sort, started, ws->events.now());
        }));
}

void CountJob::Private::settleCheckpoint(const CountResult *sorted)
{
    JobCheckpointer *checkpointer = workspace->checkpointer();
    if (!checkpointer)
        return;
    // Kept for later, the checkpoint is the job's future; otherwise nothing will resume it.
    if (!keptForLater)
        checkpointer->discard();
    else if (sorted)
        checkpointer->writeAllMerged(*sorted->table); // every chunk merged: only the sort to redo
    else if (finalizeStart < 0)
        checkpointer->writeNow(); // what was merged up to the stop
    // Otherwise a sort cut short took the merged counts with it: the last periodic
    // checkpoint stands.
}

void CountJob::Private::finish(State finalState, const CountResult *sorted)
{
    finishedAt = clock.elapsed();
    workspace->events.finish();
    progressTimer.stop();
    if (finalState == Cancelled)
        result.reset();
    settleCheckpoint(sorted);
    emitProgress();
    const bool wasCancelling = cancelling;
    setState(finalState);
    if (wasCancelling)
        Q_EMIT q->cancellingChanged(false, QPrivateSignal());
    Q_EMIT q->finished(QPrivateSignal());
}

void CountJob::cancel()
{
    if (isFinished() || d->cancelling)
        return;
    d->cancelling = true;
    d->workspace->control.requestStop();
    Q_EMIT cancellingChanged(true, QPrivateSignal());
    if (d->state == Queued) {
        d->finish(Cancelled);
        return;
    }
    d->scanWatcher.future().cancel();
    d->countWatcher.future().cancel();
    d->finalizeWatcher.future().cancel();
}

void CountJob::stopAndKeep()
{
    if (isFinished() || d->cancelling || d->keeping)
        return;
    if (d->state == Queued || d->state == Scanning) { // nothing is counted yet
        cancel();
        return;
    }
    if (d->state == Sorting) // everything is merged: the whole result is on its way
        return;
    d->keeping = true;
    d->workspace->control.requestStop();
    d->countWatcher.future().cancel();
    // After the stop, so that paused workers wake to it and merge nothing more; the sort
    // checks for a pause too.
    setPaused(false);
}

void CountJob::keepForLater()
{
    if (isFinished() || d->cancelling)
        return;
    d->keptForLater = true;
    if (d->state == Sorting && d->workspace->checkpointer()) {
        // Everything is merged, and the sort holds the merged counts: cancelled, it would drop
        // them, and a resume would merge again from the last periodic checkpoint. It ends
        // instead, and its table is written (settleCheckpoint()); the job still ends Cancelled.
        d->cancelling = true;
        Q_EMIT cancellingChanged(true, QPrivateSignal());
        setPaused(false); // a paused sort would never end
        return;
    }
    cancel();
}

void CountJob::setPaused(bool paused)
{
    if (paused == isPaused() || isFinished())
        return;
    d->workspace->control.setPaused(paused);
    d->workspace->events.setPaused(paused);
    if (d->clock.isValid()) {
        const qint64 now = d->clock.elapsed();
        if (paused) {
            d->pausedSince = now;
        } else if (d->pausedSince >= 0) {
            d->pausedMs += now - d->pausedSince;
            d->pausedSince = -1;
        }
    }
    // The running map calls stop at their next checkpoint; suspending the future keeps
    // QtConcurrent from starting new ones.
    QFuture<MergeCount> count = d->countWatcher.future();
    if (count.isRunning())
        count.setSuspended(paused);
    Q_EMIT pausedChanged(paused, QPrivateSignal());
}

JobProgress CountJob::Private::snapshot() const
{
    JobProgress p;
    const JobWorkspace &w = *workspace;
    const qint64 wall = finishedAt >= 0 ? finishedAt : (clock.isValid() ? clock.elapsed() : 0);
    const qint64 now = working(wall);
    const auto phase = [now](PhaseProgress &ph, qint64 start, qint64 end) {
        ph.started = start >= 0;
        ph.finished = end >= 0;
        ph.elapsedMs = ph.started ? (ph.finished ? end : now) - start : 0;
    };
    phase(p.scan, scanStart, scanEnd);
    p.scan.done = w.counters.filesFound();
    p.scan.total = p.scan.finished ? p.scan.done : 0;
    p.bytesPlanned = w.counters.bytesFound();
    if (countStart >= 0) {
        phase(p.map, countStart, countEnd);
        phase(p.reduce, countStart, countEnd);
        p.map.total = w.bytesToCount();
        p.map.done = std::min(w.counters.bytesCounted(), p.map.total);
        p.reduce.total = w.chunkCount();
        p.reduce.done = w.counters.chunksMerged();
        // A chunk is merged after it is counted; read apart, a merge between the two reads
        // must not put the merge ahead of the count.
        p.bytesMerged = std::min(w.counters.bytesMerged(), p.map.done);
        p.distinctSoFar = w.counters.distinctSoFar();
        p.readingStream = w.isReadingStream();
        // The map phase is over when its last chunk is counted, before the last merge.
        p.map.finished
            = p.map.finished || (!p.readingStream && p.map.total > 0 && p.map.done == p.map.total);
    }
    phase(p.finalize, finalizeStart, finalizeEnd);
    p.finalize.total = w.counters.entriesToSort();
    p.finalize.done = w.counters.entriesSorted();
    p.filesSkipped = w.filesSkipped();
    p.elapsedMs = wall;
    p.workingMs = now;
    return p;
}

void CountJob::Private::emitProgress()
{
    const int version = workspace->liveTopVersion();
    if (version != liveVersion && !cancelling) {
        liveVersion = version;
        quint64 words = 0;
        const QList<WordCount> top = workspace->liveTopWords(&words);
        Q_EMIT q->liveWordsChanged(top, words, QPrivateSignal());
    }
    const JobProgress p = snapshot();
    // Amounts only grow: a report never takes back what an earlier one said.
    Q_ASSERT(p.scan.done >= lastProgress.scan.done && p.bytesPlanned >= lastProgress.bytesPlanned);
    Q_ASSERT(p.map.done >= lastProgress.map.done && p.reduce.done >= lastProgress.reduce.done);
    Q_ASSERT(p.finalize.done >= lastProgress.finalize.done);
    if (state == Counting && !p.readingStream && p.map.total > 0 && p.map.done == p.map.total)
        setState(Merging);
    if (p == lastProgress && p.elapsedMs / 1000 == lastProgress.elapsedMs / 1000)
        return;
    lastProgress = p;
    sinceProgress.start();
    if (progressTimer.isActive())
        progressTimer.start(); // the next heartbeat comes one interval after this report
    Q_EMIT q->progressChanged(p, QPrivateSignal());
}
