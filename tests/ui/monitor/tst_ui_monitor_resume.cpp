// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12, items 4 and 5 in the window, on the offscreen platform: closing mid-job offers
// "Keep for Later", and the next window resumes the kept jobs with the counts of an
// uninterrupted run, a held queued job held still; "Cancel Jobs" leaves no checkpoint; a checkpoint
// that cannot be read is said and removed; Stop and Keep ends a job with the counts of its complete
// files, marked.

#include "core/engine/jobcheckpoint.h"
#include "tests/ui/monitor/monitortesthelpers.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobqueue.h"
#include "ui/monitor/resumecontroller.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QThread>
#include <QTimer>

using namespace MonitorTest;

namespace {

// Clicks \a buttons of the message boxes that show, one box each, in order.
class BoxAnswerer final : public QObject
{
public:
    explicit BoxAnswerer(QList<QMessageBox::StandardButton> buttons)
        : m_buttons(std::move(buttons))
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || m_buttons.isEmpty() || !box->button(m_buttons.constFirst()))
                return;
            m_texts.append(box->text());
            QTest::mouseClick(box->button(m_buttons.takeFirst()), Qt::LeftButton);
        });
        m_timer.start();
    }
    QStringList texts() const { return m_texts; }
    bool done() const { return m_buttons.isEmpty(); }

private:
    QList<QMessageBox::StandardButton> m_buttons;
    QStringList m_texts;
    QTimer m_timer;
};

Counts countsOf(const CountResult &result)
{
    Counts counts;
    for (qsizetype i = 0; i < result.size(); ++i) {
        const QByteArrayView word = result.word(i);
        counts.append({QString::fromUtf8(word.data(), word.size()), result.count(i)});
    }
    return counts;
}

Counts freshCounts(JobSpec spec)
{
    spec.checkpointPath.clear();
    spec.resumeFrom.reset();
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    if (!finished.wait(WorkTimeoutMs) || !job.result())
        return {};
    return countsOf(*job.result());
}

// Polls without the event loop: the workers need none, and this catches them mid-job.
template<typename Predicate> bool spinUntil(Predicate done)
{
    const QDeadlineTimer deadline(WorkTimeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QThread::usleep(100);
    }
    return true;
}

} // namespace

class TestUiMonitorResume final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void keepForLaterThenResume();
    void heldQueuedJobComesBackHeld();
    void cancelJobsLeavesNoCheckpoint();
    void unreadableCheckpointIsSaidAndRemoved();
    void stopAndKeepMarksThePartialResult();

private:
    //! \a count files of \a bytes each, each with a word of its own ("wN") and a shared one.
    QStringList writeFiles(int count, int bytes);

    QTemporaryDir m_config;
    QTemporaryDir m_inputs;
    QString m_folder; // the checkpoints
};

void TestUiMonitorResume::initTestCase()
{
    initMonitorTestCase(m_config);
    QVERIFY(m_inputs.isValid());
    m_folder = m_inputs.filePath(QStringLiteral("checkpoints"));
}

void TestUiMonitorResume::init()
{
    QDir(m_folder).removeRecursively();
}

QStringList TestUiMonitorResume::writeFiles(int count, int bytes)
{
    QStringList paths;
    for (int i = 0; i < count; ++i) {
        const QString path
            = m_inputs.filePath(QStringLiteral("f%1.txt").arg(i, 2, 10, QLatin1Char('0')));
        const QByteArray unit = QStringLiteral("w%1 shared ").arg(i).toUtf8();
        TestFiles::writeFile(path, unit.repeated(bytes / unit.size()));
        paths.append(path);
    }
    return paths;
}

void TestUiMonitorResume::keepForLaterThenResume()
{
    const QStringList files = writeFiles(8, 3000000);
    JobSpec filesJob;
    filesJob.paths = files;
    filesJob.chunkSize = 64 * 1024; // the smallest the options offer
    JobSpec sampleJob;
    sampleJob.sampleBytes = 4 << 20;
    {
        auto window = makeWindow();
        QVERIFY(window);
        window->resumeController()->setFolder(m_folder, 20);
        window->options()->setChunkSize(filesJob.chunkSize);
        window->options()->setWorkers(1); // slower, so that the test sees it mid-job
        window->addInputs(files);
        CountJob *running = window->startJob();
        CountJob *queued = window->queue()->enqueue(sampleJob);
        QVERIFY(waitUntilCounting(running));
        QVERIFY(spinUntil([&] { return running->progress().reduce.done >= 10; }));
        QCOMPARE(running->spec().chunkSize, filesJob.chunkSize);
        running->setPaused(true); // still mid-job when the window closes
        QCOMPARE(queued->state(), CountJob::Queued);

        BoxAnswerer answerer({QMessageBox::Save});
        QVERIFY(window->close());
        QVERIFY(answerer.done());
        QVERIFY2(answerer.texts().constFirst().contains(QStringLiteral("Keep them for later")),
                 qPrintable(answerer.texts().constFirst()));
        QCOMPARE(running->state(), CountJob::Cancelled);
        QVERIFY(running->isKeptForLater());
        QVERIFY(queued->isKeptForLater());
        QCOMPARE(window->resumeController()->interruptedCheckpoints().size(), 2);
    }

    // WordMill starts again.
    auto window = makeWindow();
    QVERIFY(window);
    window->resumeController()->setFolder(m_folder, 20);
    BoxAnswerer answerer({QMessageBox::Yes});
    window->resumeController()->offerToResume();
    QVERIFY(answerer.done());
    // "2 jobs" with the English translation loaded, "2 job(s)" without it (as here).
    QVERIFY2(answerer.texts().constFirst().contains(QStringLiteral("2 job")),
             qPrintable(answerer.texts().constFirst()));
    const QList<CountJob *> jobs = window->queue()->jobs();
    QCOMPARE(jobs.size(), 2);
    for (CountJob *job : jobs) {
        QSignalSpy finished(job, &CountJob::finished);
        QVERIFY(job->isFinished() || finished.wait(WorkTimeoutMs));
        QCOMPARE(job->state(), CountJob::Done);
    }
    // The files' job in the order it ran, resumed where it was; the queued one from the start.
    QCOMPARE(jobs.at(0)->spec().paths, files);
    QVERIFY(jobs.at(0)->isResumed());
    QCOMPARE(countsOf(*jobs.at(0)->result()), freshCounts(filesJob));
    QCOMPARE(jobs.at(1)->spec().sampleBytes, sampleJob.sampleBytes);
    QCOMPARE(countsOf(*jobs.at(1)->result()), freshCounts(sampleJob));
    QVERIFY(window->resumeController()->interruptedCheckpoints().isEmpty());
}

void TestUiMonitorResume::heldQueuedJobComesBackHeld()
{
    JobSpec sampleJob;
    sampleJob.sampleBytes = 1 << 20;
    {
        auto window = makeWindow();
        QVERIFY(window);
        window->resumeController()->setFolder(m_folder, 20);
        CountJob *running = window->startSample(BigSample);
        CountJob *held = window->queue()->enqueue(sampleJob);
        window->queue()->setHeld(held, true);
        QVERIFY(waitUntilCounting(running));
        running->setPaused(true);
        BoxAnswerer answerer({QMessageBox::Save});
        QVERIFY(window->close());
        QVERIFY(answerer.done());
        QVERIFY(held->isKeptForLater());
        QCOMPARE(window->resumeController()->interruptedCheckpoints().size(), 2);
    }

    auto window = makeWindow();
    QVERIFY(window);
    window->resumeController()->setFolder(m_folder, 20);
    BoxAnswerer answerer({QMessageBox::Yes});
    window->resumeController()->offerToResume();
    QVERIFY(answerer.done());
    const QList<CountJob *> jobs = window->queue()->jobs();
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs.at(1)->spec().sampleBytes, sampleJob.sampleBytes);
    QVERIFY(!window->queue()->isHeld(jobs.at(0)));
    QVERIFY(window->queue()->isHeld(jobs.at(1)));
    // Held, it stays queued when the job before it ends.
    QSignalSpy finished(jobs.at(0), &CountJob::finished);
    jobs.at(0)->cancel();
    QVERIFY(jobs.at(0)->isFinished() || finished.wait(WorkTimeoutMs));
    QCOMPARE(jobs.at(1)->state(), CountJob::Queued);
    QVERIFY(window->queue()->isHeld(jobs.at(1)));
}

void TestUiMonitorResume::cancelJobsLeavesNoCheckpoint()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->resumeController()->setFolder(m_folder, 5);
    CountJob *job = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(job));
    QTRY_VERIFY_WITH_TIMEOUT(!window->resumeController()->interruptedCheckpoints().isEmpty(),
                             WorkTimeoutMs);
    BoxAnswerer answerer({QMessageBox::Yes});
    QVERIFY(window->close());
    QVERIFY(answerer.done());
    window.reset(); // the job goes with the window, as when the program quits
    QVERIFY(QDir(m_folder).entryList(QDir::Files).isEmpty());
}

void TestUiMonitorResume::unreadableCheckpointIsSaidAndRemoved()
{
    QVERIFY(QDir().mkpath(m_folder));
    const QString bad = m_folder + QStringLiteral("/job-bad.ckpt");
    QVERIFY(TestFiles::writeFile(bad, "WMCHECK\n\x01"));
    auto window = makeWindow();
    QVERIFY(window);
    window->resumeController()->setFolder(m_folder, 20);
    BoxAnswerer answerer({QMessageBox::Yes, QMessageBox::Ok});
    window->resumeController()->offerToResume();
    QTRY_VERIFY_WITH_TIMEOUT(answerer.done(), PromptMs);
    QCOMPARE(answerer.texts().size(), 2);
    QVERIFY2(answerer.texts().at(1).contains(QStringLiteral("job-bad.ckpt"))
                 && answerer.texts().at(1).contains(QStringLiteral("cut short")),
             qPrintable(answerer.texts().at(1)));
    QVERIFY(window->queue()->jobs().isEmpty());
    QVERIFY(!QFileInfo::exists(bad));

    // Discard removes good ones too, without a job.
    QVERIFY(TestFiles::writeFile(bad, "anything"));
    BoxAnswerer discard({QMessageBox::Discard});
    window->resumeController()->offerToResume();
    QVERIFY(discard.done());
    QVERIFY(!QFileInfo::exists(bad));
    QVERIFY(window->queue()->jobs().isEmpty());
}

void TestUiMonitorResume::stopAndKeepMarksThePartialResult()
{
    // 48 MB on one worker: the job must still be counting when the test pauses it (with 12 x
    // 400 KB it was sometimes over before waitUntilCounting() looked, on an idle machine).
    constexpr int FileBytes = 4'000'000;
    const QStringList files = writeFiles(12, FileBytes);
    auto window = makeWindow();
    QVERIFY(window);
    window->options()->setWorkers(1);
    window->options()->setChunkSize(64 * 1024);
    window->addInputs(files);
    CountJob *job = window->startJob();
    QVERIFY(waitUntilCounting(job));
    const auto counted = [job] {
        int n = 0;
        for (const FileReport &r : job->fileReports())
            n += r.status == FileReport::Counted;
        return n;
    };
    QVERIFY(spinUntil([&] { return counted() >= 2; }));
    job->setPaused(true);
    JobCard *card = window->cardFor(job);
    window->selectCard(card);
    auto *action = window->findChild<QAction *>(QStringLiteral("stopAndKeepAction"));
    QVERIFY(action);
    QVERIFY(!action->text().isEmpty());
    QSignalSpy finished(job, &CountJob::finished);
    action->trigger();
    QVERIFY(finished.wait(WorkTimeoutMs));
    QCOMPARE(job->state(), CountJob::Done);
    QVERIFY(job->result()->partial);
    const qint64 complete = job->result()->totals.filesCounted;
    QVERIFY(complete >= 2 && complete < 12);
    QCOMPARE(card->stateText(), QStringLiteral("Done (partial)"));
    QVERIFY2(card->statusText().startsWith(QStringLiteral("Partial: %1 of 12 file").arg(complete)),
             qPrintable(card->statusText()));
    // The counts are those of the complete files, whole, and of no other.
    quint64 shared = 0;
    for (int i = 0; i < 12; ++i) {
        const QByteArray word = QStringLiteral("w%1").arg(i).toUtf8();
        const quint64 whole = quint64(FileBytes / (word.size() + 8));
        const bool isComplete = job->result()->files.at(i).status == FileReport::Counted;
        QCOMPARE(job->result()->table->count(word), isComplete ? whole : 0);
        shared += isComplete ? whole : 0;
    }
    QCOMPARE(job->result()->table->count("shared"), shared);
}

QTEST_MAIN(TestUiMonitorResume)
#include "tst_ui_monitor_resume.moc"
