// CountJob as a whole: progress per phase, cancel, pause/resume and bad input.

#include "countjob.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

namespace {

constexpr qint64 MiB = qint64(1) << 20;
constexpr qint64 GiB = qint64(1) << 30;

// Generous bounds: the spec asks for 200 ms, but CI is a loaded 2-core machine, sometimes under
// AddressSanitizer.
constexpr int PromptMs = 1000;
constexpr int RunTimeoutMs = 120000;

using Counts = QList<QPair<QByteArray, quint64>>;

Counts countsOf(const CountResult &result)
{
    Counts counts;
    counts.reserve(result.size());
    for (qsizetype i = 0; i < result.size(); ++i)
        counts.append({result.word(i).toByteArray(), result.count(i)});
    return counts;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Waits, running the event loop, until the job is in \a state; false if it ends first.
// On return the handler that entered the state has completed (for Counting: the map-reduce
// future is running).
bool waitForState(CountJob &job, CountJob::State state, int timeoutMs = 60000)
{
    QSignalSpy spy(&job, &CountJob::stateChanged);
    const QDeadlineTimer deadline(timeoutMs);
    while (job.state() != state) {
        if (job.isFinished() || deadline.hasExpired())
            return false;
        spy.wait(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    return true;
}

// Polls \a done without running the event loop: the workers need none, so this catches the
// map phase within microseconds of a condition becoming true, however fast the machine.
template<typename Predicate> bool spinUntil(Predicate done, int timeoutMs = 60000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QThread::usleep(100);
    }
    return true;
}

// Runs \a job to its end; false on timeout.
bool runToEnd(CountJob &job, int timeoutMs = RunTimeoutMs)
{
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    return finished.count() > 0 || finished.wait(timeoutMs);
}

FileReport reportFor(const QList<FileReport> &reports, const QString &path)
{
    for (const FileReport &r : reports) {
        if (r.path == path)
            return r;
    }
    return {};
}

struct Emission
{
    qint64 atMs = 0;
    CountJob::State state = CountJob::Queued;
    JobProgress progress;
};

// Records every progressChanged() of \a job with the time since \a clock started.
void recordProgress(CountJob &job, const QElapsedTimer &clock, std::vector<Emission> *log)
{
    QObject::connect(&job, &CountJob::progressChanged, &job,
                     [&job, &clock, log](const JobProgress &p) {
                         log->push_back({clock.elapsed(), job.state(), p});
                     });
}

// progressChanged() comes at most once per 40 ms timer tick (coarse timers may fire up to 5%
// early), plus once at each phase change: fails the test if \a log holds more.
void checkRate(const std::vector<Emission> &log, qint64 elapsedMs)
{
    const int extras = 4;
    const auto limitFor = [](qint64 ms) { return int(ms * 25 * 1.06 / 1000) + extras; };
    qInfo("%zu progress reports in %lld ms (%.1f/s)", log.size(), elapsedMs,
          log.size() * 1000.0 / qMax<qint64>(1, elapsedMs));
    QVERIFY2(int(log.size()) <= limitFor(elapsedMs),
             qPrintable(QStringLiteral("%1 reports in %2 ms").arg(log.size()).arg(elapsedMs)));
    // Nor in bursts: no second holds more than about 25.
    for (size_t i = 0; i < log.size(); ++i) {
        size_t j = i;
        while (j < log.size() && log[j].atMs - log[i].atMs < 1000)
            ++j;
        QVERIFY2(int(j - i) <= limitFor(1000),
                 qPrintable(QStringLiteral("%1 reports within one second from %2 ms")
                                .arg(j - i)
                                .arg(log[i].atMs)));
    }
}

} // namespace

class TestCountJob final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Progress.
    void progressPhases();
    void progressIsThrottled();
    void progressIs64Bit();

    // Cancel.
    void cancelWhileCounting();
    void cancelWhilePaused();
    void cancelledProgressStopsShortOfTotal();
    void cancelDuringScan();
    void cancelWhileScanIsPaused();
    void destroyRunningJob_data();
    void destroyRunningJob();

    // Pause and resume.
    void pauseStopsMapAndResumeMatchesUninterruptedRun();

    // Bad input.
    void badInput_data();
    void badInput();
    void utf16WithNulBytesIsCounted();
    void permissionDenied();
    void folderWalkSkipsHiddenAndEndsLinkLoops();
    void hiddenFileGivenDirectlyIsCounted();
    void fileShrinkingWhileReadIsSkipped();
    void everyInputBadFails();
};

// ---------------------------------------------------------------------------------------------
// Progress

void TestCountJob::progressPhases()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qint64 fileBytes = 0;
    const int fileCount = 30;
    for (int i = 0; i < fileCount; ++i) {
        QByteArray text;
        for (int j = 0; j < 2000 + i * 100; ++j)
            text += "word" + QByteArray::number(j % 97) + ' ';
        QVERIFY(writeFile(dir.filePath(QStringLiteral("f%1.txt").arg(i)), text));
        fileBytes += text.size();
    }

    JobSpec spec;
    spec.paths = {dir.path()};
    spec.sampleBytes = 32 * MiB;
    spec.chunkSize = 256 * 1024;
    spec.workers = 2;
    CountJob job(spec);
    QElapsedTimer clock;
    clock.start();
    std::vector<Emission> log;
    recordProgress(job, clock, &log);
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    QVERIFY2(log.size() >= 3, "too few progress reports to say anything");

    const qint64 planned = spec.sampleBytes + fileBytes;
    qint64 chunks = (spec.sampleBytes + spec.chunkSize - 1) / spec.chunkSize;
    chunks += fileCount; // every file is smaller than one chunk

    JobProgress prev;
    for (size_t i = 0; i < log.size(); ++i) {
        const JobProgress &p = log[i].progress;
        const QByteArray where = "progress report " + QByteArray::number(qulonglong(i));
        // Monotonic, phase by phase.
        QVERIFY2(p.scan.done >= prev.scan.done, where);
        QVERIFY2(p.map.done >= prev.map.done, where);
        QVERIFY2(p.reduce.done >= prev.reduce.done, where);
        QVERIFY2(p.finalize.done >= prev.finalize.done, where);
        QVERIFY2(p.bytesPlanned >= prev.bytesPlanned, where);
        QVERIFY2(p.elapsedMs >= prev.elapsedMs, where);
        for (const PhaseProgress *ph : {&p.map, &p.reduce, &p.finalize})
            QVERIFY2(ph->total == 0 || ph->done <= ph->total, where);

        // The scan's total is unknown (0) until the scan is over.
        if (!p.scan.finished)
            QVERIFY2(p.scan.total == 0, where);
        // Once counting started, the scan is over and the plan is fixed.
        if (p.map.started) {
            QVERIFY2(p.scan.finished, where);
            QCOMPARE(p.scan.total, qint64(fileCount + 1)); // the sample is an input too
            QCOMPARE(p.bytesPlanned, planned);
            QCOMPARE(p.map.total, planned);
            QCOMPARE(p.reduce.total, chunks);
        }
        // A phase reaches its total only when it is over, and not before those it depends on.
        QCOMPARE(p.map.finished, p.map.started && p.map.done == p.map.total);
        if (p.map.started && p.reduce.done == p.reduce.total)
            QVERIFY2(p.map.done == p.map.total, where);
        if (p.finalize.started) {
            QVERIFY2(p.map.finished && p.reduce.finished, where);
            QCOMPARE(p.reduce.done, p.reduce.total);
        }
        if (p.finalize.total > 0 && p.finalize.done == p.finalize.total)
            QVERIFY2(log[i].state == CountJob::Sorting || log[i].state == CountJob::Done, where);
        if (log[i].state < CountJob::Sorting)
            QVERIFY2(!p.finalize.started, where);
        prev = p;
    }

    // The last report, and the job's own snapshot, show every phase complete.
    const JobProgress last = job.progress();
    QCOMPARE(last, log.back().progress);
    QVERIFY(last.scan.finished && last.map.finished && last.reduce.finished
            && last.finalize.finished);
    QCOMPARE(last.scan.done, qint64(fileCount + 1));
    QCOMPARE(last.map.done, planned);
    QCOMPARE(last.reduce.done, chunks);
    QVERIFY(last.finalize.total > 0);
    QCOMPARE(last.finalize.done, last.finalize.total);
    QCOMPARE(job.result()->totals.bytes, planned);
    QCOMPARE(job.result()->totals.filesCounted, qint64(fileCount + 1));
    checkRate(log, last.elapsedMs);
}

void TestCountJob::progressIsThrottled()
{
    // Small chunks and one worker: without throttling, a report per chunk or per MiB would come
    // hundreds of times a second. The job is far too big to end: the test watches it for a
    // fixed time, whatever the speed of the machine, then cancels it.
    JobSpec spec;
    spec.sampleBytes = 20 * GiB;
    spec.chunkSize = 64 * 1024;
    spec.workers = 1;
    CountJob job(spec);
    QElapsedTimer clock;
    clock.start();
    std::vector<Emission> log;
    recordProgress(job, clock, &log);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    QVERIFY(waitForState(job, CountJob::Counting));
    QVERIFY(!finished.wait(2500)); // the observation window
    QVERIFY(job.progress().map.done > 0);
    job.cancel();
    QVERIFY(finished.wait(30000));
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(job.state(), CountJob::Cancelled);
    checkRate(log, elapsed);
    if (QTest::currentTestFailed())
        return;
    // The reports do come while the map moves (the timer is not starved to death).
    QVERIFY2(log.size() >= 10, qPrintable(QString::number(log.size())));
}

void TestCountJob::progressIs64Bit()
{
    // A sparse file of 3 GiB (text first, so it is not binary) and a 2.5 GiB sample: both
    // amounts, and their sum, overflow 32 bits.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString big = dir.filePath(QStringLiteral("sparse.txt"));
    // Text over the first 64 KiB, so that the NUL bytes of the holes do not make it binary.
    QVERIFY(writeFile(big, QByteArray("some text before the holes\n").repeated(3000)));
    const qint64 fileSize = 3 * GiB + 7;
    QVERIFY(QFile::resize(big, fileSize));
    QCOMPARE(QFileInfo(big).size(), fileSize);

    JobSpec spec;
    spec.paths = {big};
    spec.sampleBytes = 5 * GiB / 2 + 12345;
    spec.workers = 2;
    CountJob job(spec);
    std::vector<Emission> log;
    QElapsedTimer clock;
    clock.start();
    recordProgress(job, clock, &log);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    QVERIFY(waitForState(job, CountJob::Counting));

    const qint64 planned = fileSize + spec.sampleBytes;
    const qint64 chunkSize = JobSpec::DefaultChunkSize;
    const qint64 chunks
        = (fileSize + chunkSize - 1) / chunkSize + (spec.sampleBytes + chunkSize - 1) / chunkSize;
    const JobProgress p = job.progress();
    QCOMPARE(p.scan.total, qint64(2)); // the file and the sample
    QCOMPARE(p.bytesPlanned, planned);
    QCOMPARE(p.map.total, planned);
    QCOMPARE(p.reduce.total, chunks);
    QVERIFY(p.map.done < planned);
    // The report made as counting began carries the same amounts.
    QVERIFY(!log.empty());
    QCOMPARE(log.back().progress.bytesPlanned, planned);
    QCOMPARE(log.back().progress.map.total, planned);

    const QList<FileReport> reports = job.fileReports();
    QCOMPARE(reports.size(), 2);
    QCOMPARE(reports.at(0).size, spec.sampleBytes); // the sample comes first
    QCOMPARE(reportFor(reports, big).size, fileSize);

    job.cancel();
    QVERIFY(finished.count() > 0 || finished.wait(30000));
    QCOMPARE(job.state(), CountJob::Cancelled);
    QVERIFY(!job.result());
}

// ---------------------------------------------------------------------------------------------
// Cancel

namespace {

// Starts a 20 GB sample job in 1 GiB chunks (a stop flag checked only between chunks would take
// seconds), cancels it once bytes are moving, optionally paused first, checks that it ends as a
// cancelled job must, and returns in \a latency the time from cancel() to finished().
void cancelScenario(bool pauseFirst, qint64 *latency)
{
    JobSpec spec;
    spec.sampleBytes = 20 * GiB;
    spec.chunkSize = JobSpec::MaxChunkSize;
    spec.workers = 2;
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    QSignalSpy cancelling(&job, &CountJob::cancellingChanged);
    QSignalSpy states(&job, &CountJob::stateChanged);
    job.start();
    QVERIFY(waitForState(job, CountJob::Counting));
    QVERIFY(spinUntil([&job] { return job.progress().map.done > 4 * MiB; }));
    if (pauseFirst) {
        QSignalSpy paused(&job, &CountJob::pausedChanged);
        job.setPaused(true);
        QCOMPARE(paused.count(), 1);
        QVERIFY(job.isPaused());
        // Let the workers reach their checkpoint and block there: progress stops moving.
        auto stopped = [&job, last = qint64(-1)]() mutable {
            const qint64 now = job.progress().map.done;
            const bool same = now == last;
            last = now;
            return same;
        };
        QTRY_VERIFY_WITH_TIMEOUT(stopped(), 5000);
    }

    // When the map-reduce future itself ends (on the worker that ends it), to tell slow
    // workers from a slow delivery of the news.
    // Everything it uses is its own: it may run while the job is destroyed.
    QElapsedTimer clock;
    clock.start();
    auto countEndedAt = std::make_shared<std::atomic<qint64>>(-1);
    job.countFuture().onCanceled([clock, countEndedAt] {
        countEndedAt->store(clock.elapsed());
        return MergeCount {};
    });
    job.cancel();
    QVERIFY(job.isCancelling());
    QVERIFY(finished.wait(30000));
    *latency = clock.elapsed();
    // The future's finished() news can overtake its continuation by a few microseconds.
    spinUntil([&countEndedAt] { return countEndedAt->load() >= 0; }, 1000);
    qInfo("cancel while %s: finished %lld ms after cancel() (the count future %lld ms)",
          pauseFirst ? "paused" : "counting", *latency, countEndedAt->load());

    QCOMPARE(finished.count(), 1);
    QCOMPARE(job.state(), CountJob::Cancelled);
    QCOMPARE(states.last().at(0).value<CountJob::State>(), CountJob::Cancelled);
    QVERIFY(!job.result());
    QVERIFY(!job.isCancelling());
    QCOMPARE(cancelling.count(), 2);
    QCOMPARE(cancelling.at(0).at(0).toBool(), true);
    QCOMPARE(cancelling.at(1).at(0).toBool(), false);
    QVERIFY(job.countFuture().isFinished());
    QVERIFY(!job.progress().finalize.started);
    for (const FileReport &r : job.fileReports())
        QVERIFY(r.status != FileReport::Counted);

    // Nothing arrives later, and a second cancel() is harmless.
    job.cancel();
    QVERIFY(!finished.wait(100));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!job.result());
}

// Runs \a measure (which returns a latency in ms, or fails the test) and checks the latency
// against PromptMs. A slow result is measured once more: the shared CI machine sometimes stalls
// a process for seconds, while a cancel that is really slow is slow every time.
template<typename Measure> void checkPrompt(const char *what, Measure measure)
{
    qint64 latency = -1;
    for (int attempt = 1; attempt <= 2; ++attempt) {
        measure(&latency);
        if (QTest::currentTestFailed() || latency < PromptMs)
            return;
        qWarning("%s took %lld ms; measuring again", what, latency);
    }
    QVERIFY2(
        latency < PromptMs,
        qPrintable(
            QStringLiteral("%1 took %2 ms, twice in a row").arg(QLatin1String(what)).arg(latency)));
}

} // namespace

void TestCountJob::cancelWhileCounting()
{
    checkPrompt("cancel while counting", [](qint64 *latency) { cancelScenario(false, latency); });
}

void TestCountJob::cancelWhilePaused()
{
    checkPrompt("cancel while paused", [](qint64 *latency) { cancelScenario(true, latency); });
}

void TestCountJob::cancelledProgressStopsShortOfTotal()
{
    // Every chunk is in a worker's hands when the cancel comes: the bytes those chunks did not
    // count must not be reported as counted, or a cancelled job would show its map phase done.
    JobSpec spec;
    spec.sampleBytes = 2 * GiB;
    spec.chunkSize = 1 * GiB;
    spec.workers = 2;
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    QSignalSpy states(&job, &CountJob::stateChanged);
    std::vector<Emission> log;
    QElapsedTimer clock;
    clock.start();
    recordProgress(job, clock, &log);
    job.start();
    QVERIFY(waitForState(job, CountJob::Counting));
    QVERIFY(spinUntil([&job] { return job.progress().map.done > 4 * MiB; }));
    job.cancel();
    QVERIFY(finished.wait(30000));
    QCOMPARE(job.state(), CountJob::Cancelled);
    const JobProgress p = job.progress();
    QVERIFY2(p.map.done < p.map.total,
             qPrintable(QStringLiteral("%1 of %2 bytes").arg(p.map.done).arg(p.map.total)));
    for (const Emission &e : log)
        QVERIFY(e.progress.map.done < e.progress.map.total || !e.progress.map.started);
    for (const QList<QVariant> &args : std::as_const(states))
        QVERIFY(args.at(0).value<CountJob::State>() != CountJob::Merging);
}

void TestCountJob::cancelDuringScan()
{
    // Enough files that the scan takes a while; cancel() comes while the job says Scanning,
    // whether or not the scan's worker has returned yet.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (int i = 0; i < 400; ++i)
        QVERIFY(writeFile(dir.filePath(QStringLiteral("f%1.txt").arg(i)), "some words here\n"));
    JobSpec spec;
    spec.paths = {dir.path(), dir.path()};
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    QSignalSpy states(&job, &CountJob::stateChanged);
    job.start();
    QCOMPARE(job.state(), CountJob::Scanning);
    QElapsedTimer clock;
    clock.start();
    job.cancel();
    QVERIFY(finished.count() > 0 || finished.wait(30000));
    const qint64 latency = clock.elapsed();
    qInfo("cancel during scan: finished %lld ms after cancel()", latency);
    QVERIFY2(latency < PromptMs, qPrintable(QStringLiteral("%1 ms").arg(latency)));
    QCOMPARE(job.state(), CountJob::Cancelled);
    QVERIFY(!job.result());
    // Counting never began.
    for (const QList<QVariant> &args : std::as_const(states))
        QVERIFY(args.at(0).value<CountJob::State>() != CountJob::Counting);
    QVERIFY(!job.progress().map.started);
}

void TestCountJob::cancelWhileScanIsPaused()
{
    // Paused before it starts, the scan blocks at its first checkpoint: a cancel must wake it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a.txt")), "alpha\n"));
    JobSpec spec;
    spec.paths = {dir.path()};
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.setPaused(true);
    QVERIFY(job.isPaused());
    job.start();
    QCOMPARE(job.state(), CountJob::Scanning);
    // Paused means paused: the scan does not finish.
    QVERIFY(!finished.wait(300));
    QCOMPARE(job.state(), CountJob::Scanning);

    QElapsedTimer clock;
    clock.start();
    job.cancel();
    QVERIFY(finished.wait(30000));
    const qint64 latency = clock.elapsed();
    qInfo("cancel while the scan is paused: finished %lld ms after cancel()", latency);
    QVERIFY2(latency < PromptMs, qPrintable(QStringLiteral("%1 ms").arg(latency)));
    QCOMPARE(job.state(), CountJob::Cancelled);
    QVERIFY(!job.result());
}

void TestCountJob::destroyRunningJob_data()
{
    QTest::addColumn<bool>("paused");
    QTest::newRow("counting") << false;
    QTest::newRow("paused") << true;
}

void TestCountJob::destroyRunningJob()
{
    QFETCH(bool, paused);
    checkPrompt("destroying a running job", [paused](qint64 *latency) {
        JobSpec spec;
        spec.sampleBytes = 20 * GiB;
        // A stop flag checked only between chunks would take seconds.
        spec.chunkSize = JobSpec::MaxChunkSize;
        spec.workers = 2;
        auto job = std::make_unique<CountJob>(spec);
        job->start();
        QVERIFY(waitForState(*job, CountJob::Counting));
        QVERIFY(spinUntil([&job] { return job->progress().map.done > 0; }));
        if (paused)
            job->setPaused(true);

        QElapsedTimer clock;
        clock.start();
        job.reset();
        *latency = clock.elapsed();
        qInfo("destroying a %s job took %lld ms", paused ? "paused" : "running", *latency);
    });
}

// ---------------------------------------------------------------------------------------------
// Pause and resume

void TestCountJob::pauseStopsMapAndResumeMatchesUninterruptedRun()
{
    JobSpec spec;
    spec.sampleBytes = 96 * MiB;
    // Two chunks, one per worker: the pause must take effect inside a chunk.
    spec.chunkSize = 64 * MiB;
    spec.workers = 2;

    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    QSignalSpy pausedSpy(&job, &CountJob::pausedChanged);
    job.start();
    QVERIFY(waitForState(job, CountJob::Counting));

    // Two pauses, at different places. Each must stop the map within PromptMs; as elsewhere,
    // only both being slow fails the test (the shared CI machine sometimes stalls a process).
    qint64 fastestStop = std::numeric_limits<qint64>::max();
    qint64 resumedAt = 0;
    for (int round = 0; round < 2; ++round) {
        QVERIFY(spinUntil([&] { return job.progress().map.done >= resumedAt + 4 * MiB; }));
        QElapsedTimer sincePause;
        sincePause.start();
        job.setPaused(true);
        QCOMPARE(pausedSpy.count(), 2 * round + 1);
        QCOMPARE(pausedSpy.last().at(0).toBool(), true);
        QVERIFY(job.isPaused());

        // The workers finish the MiB in hand, then stop: wait until map progress has not moved
        // for 200 ms, and note when it last moved.
        qint64 done = job.progress().map.done;
        qint64 lastMove = 0;
        while (sincePause.elapsed() - lastMove < 200) {
            QVERIFY2(sincePause.elapsed() < 10000, "map progress never stopped after pausing");
            QTest::qWait(10);
            const qint64 now = job.progress().map.done;
            if (now != done) {
                done = now;
                lastMove = sincePause.elapsed();
            }
        }
        qInfo("map progress stopped %lld ms after setPaused(true), at %lld of %lld bytes", lastMove,
              done, job.progress().map.total);
        fastestStop = std::min(fastestStop, lastMove);
        QVERIFY2(done < job.progress().map.total, "the map phase ended before the pause");

        // Watch for another 500 ms: nothing moves, and the job does not finish.
        QSignalSpy reports(&job, &CountJob::progressChanged);
        const QDeadlineTimer window(500);
        while (!window.hasExpired())
            reports.wait(int(qMax<qint64>(1, window.remainingTime())));
        QCOMPARE(job.progress().map.done, done);
        for (const QList<QVariant> &args : std::as_const(reports))
            QCOMPARE(args.at(0).value<JobProgress>().map.done, done);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(job.state(), CountJob::Counting);

        job.setPaused(false);
        QCOMPARE(pausedSpy.count(), 2 * round + 2);
        QCOMPARE(pausedSpy.last().at(0).toBool(), false);
        QVERIFY(!job.isPaused());
        resumedAt = done;
    }
    QVERIFY2(fastestStop < PromptMs, qPrintable(QStringLiteral("%1 ms").arg(fastestStop)));

    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());

    CountJob reference(spec);
    QVERIFY(runToEnd(reference));
    QCOMPARE(reference.state(), CountJob::Done);
    QVERIFY(reference.result());
    QCOMPARE(job.result()->totals.words, reference.result()->totals.words);
    QCOMPARE(job.result()->totals.distinctWords, reference.result()->totals.distinctWords);
    QCOMPARE(job.result()->totals.bytes, spec.sampleBytes);
    QVERIFY(job.result()->size() > 100);
    QCOMPARE(countsOf(*job.result()), countsOf(*reference.result()));
}

// ---------------------------------------------------------------------------------------------
// Bad input

void TestCountJob::badInput_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason"); // a word the reason must contain
    QTest::newRow("nonexistent") << "missing"
                                 << "no such file";
    QTest::newRow("dangling link") << "dangling"
                                   << "dangling";
    QTest::newRow("fifo") << "fifo"
                          << "FIFO";
    QTest::newRow("socket") << "socket"
                            << "socket";
    QTest::newRow("device") << "device"
                            << "device";
    QTest::newRow("binary") << "binary"
                            << "binary";
    QTest::newRow("binary, NUL at the last sniffed byte") << "binary-late"
                                                          << "binary";
}

void TestCountJob::badInput()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good1 = dir.filePath(QStringLiteral("good1.txt"));
    const QString good2 = dir.filePath(QStringLiteral("good2.txt"));
    QVERIFY(writeFile(good1, "alpha beta beta\n"));
    QVERIFY(writeFile(good2, "Gamma ALPHA\n"));

    QString bad = dir.filePath(QStringLiteral("bad"));
    int socketFd = -1;
    const auto closeSocket = qScopeGuard([&socketFd] {
        if (socketFd >= 0)
            ::close(socketFd);
    });
    if (kind == QLatin1String("missing")) {
        bad = dir.filePath(QStringLiteral("missing.txt"));
    } else if (kind == QLatin1String("dangling")) {
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere.txt")), bad));
    } else if (kind == QLatin1String("fifo")) {
        QCOMPARE(::mkfifo(QFile::encodeName(bad).constData(), 0600), 0);
    } else if (kind == QLatin1String("socket")) {
        socketFd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(socketFd >= 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        const QByteArray name = QFile::encodeName(bad);
        QVERIFY(size_t(name.size()) < sizeof address.sun_path);
        std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
        QCOMPARE(::bind(socketFd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    } else if (kind == QLatin1String("device")) {
        bad = QStringLiteral("/dev/null");
    } else if (kind == QLatin1String("binary")) {
        QVERIFY(writeFile(bad, QByteArray("secret words\0more secret words\n", 31)));
    } else if (kind == QLatin1String("binary-late")) {
        QByteArray text = QByteArray("secret words ").repeated(6000).left(InputScanner::SniffBytes);
        text[InputScanner::SniffBytes - 1] = '\0';
        text += "secret tail\n";
        QVERIFY(writeFile(bad, text));
    } else {
        QFAIL("unknown kind");
    }

    JobSpec spec;
    spec.paths = {good1, bad, good2};
    spec.chunkSize = 1024;
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    if (!finished.wait(30000)) {
        // A FIFO opened for reading blocks until a writer comes: be that writer, so that the
        // job can end and this test reports the failure instead of hanging.
        if (kind == QLatin1String("fifo")) {
            const int fd = ::open(QFile::encodeName(bad).constData(), O_WRONLY | O_NONBLOCK);
            if (fd >= 0)
                ::close(fd);
        }
        QFAIL("the job did not finish");
    }
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const CountResult &result = *job.result();
    const Counts expected = {{"alpha", 2}, {"beta", 2}, {"gamma", 1}};
    QCOMPARE(countsOf(result), expected);
    QCOMPARE(result.totals.words, quint64(5));
    QCOMPARE(result.totals.filesCounted, qint64(2));
    QCOMPARE(result.totals.filesSkipped, qint64(1));
    QCOMPARE(job.progress().filesSkipped, qint64(1));

    const QList<FileReport> reports = job.fileReports();
    QCOMPARE(reports.size(), 3);
    const FileReport report = reportFor(reports, bad);
    QCOMPARE(report.path, bad);
    QCOMPARE(report.status, FileReport::Skipped);
    QCOMPARE(report.words, quint64(0));
    QVERIFY2(report.reason.contains(reason, Qt::CaseInsensitive), qPrintable(report.reason));
    QCOMPARE(reportFor(reports, good1).status, FileReport::Counted);
    QCOMPARE(reportFor(reports, good1).words, quint64(3));
    QCOMPARE(reportFor(reports, good2).status, FileReport::Counted);
    QCOMPARE(reportFor(result.files, bad).status, FileReport::Skipped);
    QCOMPARE(reportFor(result.files, bad).reason, report.reason);
}

void TestCountJob::utf16WithNulBytesIsCounted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString text = QStringLiteral("Hola mundo, hola ÁRBOL\n");
    QByteArray le("\xFF\xFE");
    QByteArray be("\xFE\xFF");
    for (const QChar c : text) {
        le.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
        be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xFF));
    }
    QVERIFY(le.contains('\0') && be.contains('\0'));
    const QString lePath = dir.filePath(QStringLiteral("le.txt"));
    const QString bePath = dir.filePath(QStringLiteral("be.txt"));
    const QString binPath = dir.filePath(QStringLiteral("nul.txt")); // UTF-16 without a BOM
    QVERIFY(writeFile(lePath, le));
    QVERIFY(writeFile(bePath, be));
    QVERIFY(writeFile(binPath, le.mid(2)));

    JobSpec spec;
    spec.paths = {lePath, bePath, binPath};
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"hola", 4}, {"mundo", 2}, {"árbol", 2}};
    QCOMPARE(countsOf(*job.result()), expected);
    const QList<FileReport> reports = job.fileReports();
    QCOMPARE(reportFor(reports, lePath).status, FileReport::Counted);
    QCOMPARE(reportFor(reports, lePath).encoding, TextEncoding::Utf16LE);
    QCOMPARE(reportFor(reports, bePath).status, FileReport::Counted);
    QCOMPARE(reportFor(reports, bePath).encoding, TextEncoding::Utf16BE);
    QCOMPARE(reportFor(reports, binPath).status, FileReport::Skipped);
    QVERIFY(reportFor(reports, binPath).reason.contains(QLatin1String("binary")));
}

void TestCountJob::permissionDenied()
{
    if (::geteuid() == 0)
        QSKIP("running as root: chmod 000 does not keep root from reading a file");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(QStringLiteral("good.txt"));
    const QString locked = dir.filePath(QStringLiteral("locked.txt"));
    QVERIFY(writeFile(good, "alpha beta\n"));
    QVERIFY(writeFile(locked, "secret\n"));
    QVERIFY(QFile::setPermissions(locked, {}));

    JobSpec spec;
    spec.paths = {good, locked};
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"alpha", 1}, {"beta", 1}};
    QCOMPARE(countsOf(*job.result()), expected);
    const FileReport report = reportFor(job.fileReports(), locked);
    QCOMPARE(report.status, FileReport::Skipped);
    QVERIFY2(report.reason.contains(QLatin1String("permission"), Qt::CaseInsensitive),
             qPrintable(report.reason));
}

void TestCountJob::folderWalkSkipsHiddenAndEndsLinkLoops()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("sub")));
    QVERIFY(root.mkpath(QStringLiteral(".hiddendir")));
    QVERIFY(writeFile(root.filePath(QStringLiteral("a.txt")), "apple banana\n"));
    QVERIFY(writeFile(root.filePath(QStringLiteral(".dotfile")), "hiddenword\n"));
    QVERIFY(writeFile(root.filePath(QStringLiteral(".hiddendir/c.txt")), "hiddendirword\n"));
    QVERIFY(writeFile(root.filePath(QStringLiteral("sub/b.txt")), "banana cherry\n"));
    // A loop back to the root, and a second name for a.txt.
    QCOMPARE(
        ::symlink("..", QFile::encodeName(root.filePath(QStringLiteral("sub/loop"))).constData()),
        0);
    QCOMPARE(
        ::symlink("../a.txt",
                  QFile::encodeName(root.filePath(QStringLiteral("sub/alias.txt"))).constData()),
        0);

    JobSpec spec;
    spec.paths = {dir.path()};
    CountJob job(spec);
    QVERIFY(runToEnd(job, 30000));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"banana", 2}, {"apple", 1}, {"cherry", 1}};
    QCOMPARE(countsOf(*job.result()), expected);
    QCOMPARE(job.result()->totals.filesCounted, qint64(2));
    QCOMPARE(job.result()->totals.filesSkipped, qint64(0));
    for (const FileReport &r : job.fileReports()) {
        QVERIFY2(!r.path.contains(QLatin1String("/.")), qPrintable(r.path));
        QCOMPARE(r.status, FileReport::Counted);
    }
}

void TestCountJob::hiddenFileGivenDirectlyIsCounted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dotfile = QDir(dir.path()).filePath(QStringLiteral(".dotfile"));
    QVERIFY(writeFile(dotfile, "hiddenword\n"));
    JobSpec spec;
    spec.paths = {dotfile};
    CountJob job(spec);
    QVERIFY(runToEnd(job, 30000));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"hiddenword", 1}};
    QCOMPARE(countsOf(*job.result()), expected);
}

void TestCountJob::fileShrinkingWhileReadIsSkipped()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString big = dir.filePath(QStringLiteral("big.txt"));
    const QString good = dir.filePath(QStringLiteral("good.txt"));
    QByteArray text;
    for (int i = 0; i < 400000; ++i)
        text += "bigword" + QByteArray::number(i % 1000) + (i % 10 == 9 ? '\n' : ' ');
    QVERIFY(text.size() > 4 * MiB);
    QVERIFY(writeFile(big, text));
    QVERIFY(writeFile(good, "gamma delta delta\n"));

    JobSpec spec;
    spec.paths = {big, good};
    spec.chunkSize = 1024;
    spec.workers = 2;
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    QVERIFY(waitForState(job, CountJob::Counting));
    QVERIFY(spinUntil([&job] { return job.progress().map.done > 0; }));
    job.setPaused(true);
    const FileReport before = reportFor(job.fileReports(), big);
    QVERIFY2(before.bytesCounted < before.size, "the big file was read before the pause");

    QVERIFY(QFile::resize(big, text.size() / 2));
    job.setPaused(false);
    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"delta", 2}, {"gamma", 1}};
    QCOMPARE(countsOf(*job.result()), expected);
    QCOMPARE(job.result()->totals.words, quint64(3));
    QCOMPARE(job.result()->totals.filesSkipped, qint64(1));
    const FileReport report = reportFor(job.fileReports(), big);
    QCOMPARE(report.status, FileReport::Skipped);
    QCOMPARE(report.words, quint64(0));
    QVERIFY2(report.reason.contains(QLatin1String("shrank")), qPrintable(report.reason));
    QCOMPARE(reportFor(job.fileReports(), good).status, FileReport::Counted);
    // Progress still reaches its total: the skipped file's bytes are accounted for.
    const JobProgress p = job.progress();
    QCOMPARE(p.map.done, p.map.total);
    QCOMPARE(p.reduce.done, p.reduce.total);
}

void TestCountJob::everyInputBadFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("missing.txt"));
    const QString binary = dir.filePath(QStringLiteral("binary.bin"));
    QVERIFY(writeFile(binary, QByteArray("ab\0cd", 5)));
    JobSpec spec;
    spec.paths = {missing, QStringLiteral("/dev/null"), binary};
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    QVERIFY(runToEnd(job, 30000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job.state(), CountJob::Failed);
    QVERIFY(!job.result());
    QVERIFY(!job.errorString().isEmpty());
    const QList<FileReport> reports = job.fileReports();
    QCOMPARE(reports.size(), 3);
    for (const FileReport &r : reports) {
        QCOMPARE(r.status, FileReport::Skipped);
        QVERIFY(!r.reason.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestCountJob)
#include "tst_countjob.moc"
