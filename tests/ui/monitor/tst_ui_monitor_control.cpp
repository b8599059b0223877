// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop monitor's control of running jobs, driven through its real widgets on the offscreen
// platform: Cancel, Pause/Resume against an uninterrupted run, cancelling while paused or queued,
// Cancel All, and closing or destroying the window mid-job.

#include "core/format/progressformat.h"
#include "tests/ui/monitor/monitortesthelpers.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobqueue.h"
#include "ui/monitor/progressscale.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTimer>
#include <QToolBar>

#include <algorithm>

using namespace MonitorTest;

namespace {

Counts resultCounts(const CountResult &result)
{
    Counts counts;
    for (qsizetype i = 0; i < result.size(); ++i) {
        const QByteArrayView word = result.word(i);
        counts.append({QString::fromUtf8(word.data(), word.size()), result.count(i)});
    }
    return counts;
}

// Polls until a modal QMessageBox shows, then clicks its \a button, recording when.
class MessageBoxAnswerer : public QObject
{
public:
    MessageBoxAnswerer(QMessageBox::StandardButton button, QObject *parent = nullptr)
        : QObject(parent)
        , m_button(button)
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || !box->button(m_button))
                return;
            m_timer.stop();
            m_text = box->text();
            m_clock.start();
            QTest::mouseClick(box->button(m_button), Qt::LeftButton);
        });
        m_timer.start();
    }

    bool answered() const { return m_clock.isValid(); }
    qint64 msSinceAnswer() const { return m_clock.elapsed(); }
    QString text() const { return m_text; }

private:
    QMessageBox::StandardButton m_button;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QString m_text;
};

} // namespace

class TestUiMonitorControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initMonitorTestCase(m_config); }
    void init();

    void cancelMidJob();
    void pauseResumeMatchesUninterruptedRun();
    void cancelWhilePaused();
    void cancelledWhileQueuedSaysSo();
    void cancelledMergeBarStaysWhereItWas();
    void pausedTimeIsNotWorkingTime();
    void cancelAllFromToolbar();
    void closeMidJobAnswerNoKeepsRunning();
    void closeMidJobAnswerYesStopsEverything();
    void destroyWindowWithRunningAndQueuedJobs();

private:
    QTemporaryDir m_config;
};

void TestUiMonitorControl::init()
{
    QSettings().clear(); // every test starts from a first run
}

void TestUiMonitorControl::cancelMidJob()
{
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *job = window->startSample(BigSample);
    QVERIFY(job);
    JobCard *card = window->cardFor(job);
    QVERIFY(card);
    QVERIFY(waitUntilCounting(job));
    QVERIFY(card->cancelButton()->isEnabled());
    // While it counts, the card says how far, how fast and how long.
    QTRY_VERIFY_WITH_TIMEOUT(card->statusText().contains(QStringLiteral(" left")), 10000);
    QVERIFY2(card->statusText().contains(QStringLiteral(" of "))
                 && card->statusText().contains(QStringLiteral("/s"))
                 && card->statusText().contains(QStringLiteral("elapsed")),
             qPrintable(card->statusText()));
    QCOMPARE(card->stateText(), QStringLiteral("Counting"));

    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(card->cancelButton(), Qt::LeftButton);
    // The click shows at once, before the workers have stopped.
    QVERIFY2(card->stateText() == QStringLiteral("Cancelling…")
                 || card->stateText() == QStringLiteral("Cancelled"),
             qPrintable(card->stateText()));
    QVERIFY(!card->cancelButton()->isEnabled());
    QVERIFY(!card->pauseButton()->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Cancelled, PromptMs);
    qInfo("Cancelled %lld ms after the click", qint64(clock.elapsed()));
    QTRY_COMPARE_WITH_TIMEOUT(card->stateText(), QStringLiteral("Cancelled"), PromptMs);
    QVERIFY(!job->result());
    QCOMPARE(window->resultsModel()->rowCount(), 0);
    QVERIFY(!window->resultsModel()->result());
    // No bar claims the work was finished.
    QVERIFY(card->phaseBar(1)->value() < ProgressScale::Steps);
    QCOMPARE(card->phaseBar(3)->value(), 0);
    QVERIFY2(card->statusText().contains(QStringLiteral("no counts")),
             qPrintable(card->statusText()));
    auto *summary = window->findChild<QLabel *>(QStringLiteral("resultsSummary"));
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(QStringLiteral("cancelled")), qPrintable(summary->text()));
    QVERIFY(!window->queue()->hasActiveJobs());
}

void TestUiMonitorControl::pauseResumeMatchesUninterruptedRun()
{
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *job = window->startSample(PauseSample);
    QVERIFY(job);
    JobCard *card = window->cardFor(job);
    QVERIFY(card);
    QProgressBar *mapBar = card->phaseBar(1);
    QList<int> mapValues;
    connect(mapBar, &QProgressBar::valueChanged, this, [&mapValues](int v) { mapValues << v; });

    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Counting, WorkTimeoutMs);
    // Catch the map phase as soon as it moves, without waiting for a progress signal, so that
    // the pause lands mid-map however fast the machine is.
    const QDeadlineTimer moveDeadline(WorkTimeoutMs);
    while (job->progress().map.done == 0 && !moveDeadline.hasExpired())
        QThread::usleep(200);
    QVERIFY(job->progress().map.done > 0);
    QVERIFY(card->pauseButton()->isEnabled());
    QTest::mouseClick(card->pauseButton(), Qt::LeftButton);
    QVERIFY(job->isPaused());
    QVERIFY2(job->progress().map.done < job->progress().map.total,
             "the job ended before the pause");
    qInfo("Paused at %lld of %lld bytes", job->progress().map.done, job->progress().map.total);
    QCOMPARE(card->stateText(), QStringLiteral("Paused"));
    QCOMPARE(card->pauseButton()->text(), QStringLiteral("Resume"));
    QVERIFY(card->cancelButton()->isEnabled());

    // Workers stop at their next checkpoint (at most 1 MiB on): wait until every map call under
    // way has, then see a whole report go by with nothing moved.
    QTRY_VERIFY_WITH_TIMEOUT(job->isPauseSettled(), 10000);
    const qint64 pausedAt = job->progress().map.done;
    // The next report (within 40 ms) brings the bar to where the workers stopped.
    QTRY_COMPARE(mapBar->value(), ProgressScale::scaled(pausedAt, job->progress().map.total));
    const int barAtPause = mapBar->value();
    // While paused the job still reports once a second, for the elapsed time alone: the next
    // report says the workers are where they stopped.
    QSignalSpy reports(job, &CountJob::progressChanged);
    QVERIFY(reports.wait(5000));
    QCOMPARE(reports.last().at(0).value<JobProgress>().map.done, pausedAt);
    QCOMPARE(job->progress().map.done, pausedAt);
    QCOMPARE(mapBar->value(), barAtPause);
    QVERIFY(job->state() == CountJob::Counting);
    QCOMPARE(card->stateText(), QStringLiteral("Paused"));

    QTest::mouseClick(card->pauseButton(), Qt::LeftButton);
    QVERIFY(!job->isPaused());
    QCOMPARE(card->pauseButton()->text(), QStringLiteral("Pause"));
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Done, WorkTimeoutMs);
    QVERIFY(job->result());
    QCOMPARE(mapBar->value(), ProgressScale::Steps);
    QVERIFY(std::is_sorted(mapValues.cbegin(), mapValues.cend())); // the bar never went back

    // The same spec, run without a pause, counts the same.
    CountJob reference(job->spec());
    QSignalSpy finished(&reference, &CountJob::finished);
    reference.start();
    QVERIFY(finished.wait(WorkTimeoutMs));
    QCOMPARE(reference.state(), CountJob::Done);
    QCOMPARE(job->result()->totals.words, reference.result()->totals.words);
    QCOMPARE(job->result()->totals.bytes, qint64(PauseSample));
    const Counts expected = resultCounts(*reference.result());
    QVERIFY(expected.size() > 10);
    QCOMPARE(resultCounts(*job->result()), expected);
    QCOMPARE(tableCounts(window->resultsModel()), expected);
}

void TestUiMonitorControl::cancelWhilePaused()
{
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *job = window->startSample(BigSample);
    JobCard *card = window->cardFor(job);
    QVERIFY(waitUntilCounting(job));
    QTest::mouseClick(card->pauseButton(), Qt::LeftButton);
    QCOMPARE(card->stateText(), QStringLiteral("Paused"));
    QVERIFY(card->cancelButton()->isEnabled());

    // Paused workers wait on the control and the map-reduce future is suspended: a cancel must
    // wake both.
    QTest::mouseClick(card->cancelButton(), Qt::LeftButton);
    QVERIFY2(card->stateText() == QStringLiteral("Cancelling…")
                 || card->stateText() == QStringLiteral("Cancelled"),
             qPrintable(card->stateText()));
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Cancelled, PromptMs);
    QTRY_COMPARE_WITH_TIMEOUT(card->stateText(), QStringLiteral("Cancelled"), PromptMs);
    QVERIFY(!job->result());
    QCOMPARE(window->resultsModel()->rowCount(), 0);
    QVERIFY(!card->pauseButton()->isEnabled());
}

// Issue 11, bug 5 (in part): a job cancelled while queued said "Cancelled after 0:00 at 0 B of
// 0 B", as if it had run.
void TestUiMonitorControl::cancelledWhileQueuedSaysSo()
{
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *first = window->startSample(BigSample);
    CountJob *second = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(first));
    QCOMPARE(second->state(), CountJob::Queued);
    JobCard *card = window->cardFor(second);
    QTest::mouseClick(card->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), CountJob::Cancelled, PromptMs);
    QCOMPARE(card->statusText(),
             QStringLiteral("Cancelled before it started: nothing was counted"));
    first->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), CountJob::Cancelled, PromptMs);
    QVERIFY2(card->statusText() != window->cardFor(first)->statusText(),
             qPrintable(window->cardFor(first)->statusText()));
    QVERIFY(window->cardFor(first)->statusText().startsWith(QStringLiteral("Cancelled after ")));
}

// Bug 5: after a cancel the Merge bar jumped to full ("10809 of 10809 chunks") though counting
// had stopped at 914 MiB of 2.0 GiB.
void TestUiMonitorControl::cancelledMergeBarStaysWhereItWas()
{
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *job = window->startSample(BigSample);
    JobCard *card = window->cardFor(job);
    QVERIFY(waitUntilCounting(job));
    QTRY_VERIFY_WITH_TIMEOUT(job->progress().reduce.done > 0, WorkTimeoutMs);
    QTest::mouseClick(card->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Cancelled, PromptMs);
    const JobProgress p = job->progress();
    QVERIFY2(p.reduce.done < p.reduce.total,
             qPrintable(
                 QStringLiteral("%1 of %2 chunks merged").arg(p.reduce.done).arg(p.reduce.total)));
    QVERIFY2(card->phaseBar(2)->value() < ProgressScale::Steps,
             qPrintable(QString::number(card->phaseBar(2)->value())));
    // The merge went no further than the count: a chunk is merged only after it is counted.
    QVERIFY(card->phaseBar(2)->value() <= card->phaseBar(1)->value() + 1);
}

// Bug 8: time spent paused counted as working time, so a job paused 13 s reported a lower
// speed; the card now says both times when they differ.
void TestUiMonitorControl::pausedTimeIsNotWorkingTime()
{
    constexpr qint64 PausedMs = 1500;
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *job = window->startSample(BigSample);
    JobCard *card = window->cardFor(job);
    QVERIFY(waitUntilCounting(job));
    QTest::mouseClick(card->pauseButton(), Qt::LeftButton);
    QVERIFY(job->isPaused());
    const qint64 pausedAt = job->progress().elapsedMs;
    QTRY_VERIFY_WITH_TIMEOUT(job->progress().elapsedMs - pausedAt >= PausedMs, 10000);
    QTest::mouseClick(card->pauseButton(), Qt::LeftButton);
    QVERIFY(!job->isPaused());

    const JobProgress p = job->progress();
    // The map phase's time, which its speed and time left are worked out from, leaves out the
    // pause.
    QVERIFY2(
        p.map.elapsedMs <= p.elapsedMs - PausedMs,
        qPrintable(QStringLiteral("map %1 ms of %2 ms").arg(p.map.elapsedMs).arg(p.elapsedMs)));
    QTRY_VERIFY2_WITH_TIMEOUT(card->statusText().contains(QStringLiteral(" working · "))
                                  && card->statusText().contains(QStringLiteral(" in all")),
                              qPrintable(card->statusText()), 3000);
    QVERIFY2(!card->statusText().contains(QStringLiteral("elapsed")),
             qPrintable(card->statusText()));
    job->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Cancelled, PromptMs);
    // Issue 11: the cancelled summary then said "Cancelled after 0:03", the wall time alone,
    // where the line before had said "0:01 working · 0:03 in all". Both times, as the card
    // said them.
    const JobProgress end = job->progress();
    const QString working = ProgressFormat::duration(end.workingMs);
    const QString wall = ProgressFormat::duration(end.elapsedMs);
    QVERIFY(working != wall);
    const QString expected
        = QStringLiteral("Cancelled after %1 working (%2 in all) at ").arg(working, wall);
    QVERIFY2(card->statusText().startsWith(expected),
             qPrintable(card->statusText() + QStringLiteral(" / ") + expected));
}

void TestUiMonitorControl::cancelAllFromToolbar()
{
    auto window = makeWindow();
    QVERIFY(window);
    auto *action = window->findChild<QAction *>(QStringLiteral("cancelAllAction"));
    QVERIFY(action);
    QVERIFY(!action->isEnabled());
    CountJob *running = window->startSample(BigSample);
    CountJob *queued = window->startSample(BigSample);
    QVERIFY(action->isEnabled());
    QVERIFY(waitUntilCounting(running));

    auto *toolbar = window->findChild<QToolBar *>(QStringLiteral("mainToolbar"));
    QVERIFY(toolbar);
    QWidget *button = toolbar->widgetForAction(action);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(running->state() == CountJob::Cancelled
                                 && queued->state() == CountJob::Cancelled,
                             PromptMs);
    QVERIFY(!window->queue()->hasActiveJobs());
    QTRY_VERIFY(!action->isEnabled());
    QCOMPARE(window->cardFor(queued)->stateText(), QStringLiteral("Cancelled"));
}

void TestUiMonitorControl::closeMidJobAnswerNoKeepsRunning()
{
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *job = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(job));

    MessageBoxAnswerer answerer(QMessageBox::No);
    QVERIFY(!window->close());
    QVERIFY(answerer.answered());
    QVERIFY(window->isVisible());
    QVERIFY(!job->isCancelling());
    QVERIFY(!job->isFinished());
    QVERIFY(window->queue()->hasActiveJobs());
    // Destroying the window cancels the job (and waits for its workers) without asking.
}

void TestUiMonitorControl::closeMidJobAnswerYesStopsEverything()
{
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *running = window->startSample(BigSample);
    CountJob *queued = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(running));
    QPointer<CountJob> watchRunning(running);

    MessageBoxAnswerer answerer(QMessageBox::Yes);
    window->close(); // asks, and the answerer says Yes
    QVERIFY(answerer.answered());
    QVERIFY(!answerer.text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), PromptMs);
    QTRY_VERIFY_WITH_TIMEOUT(!window->queue()->hasActiveJobs(), PromptMs);
    QCOMPARE(running->state(), CountJob::Cancelled);
    QCOMPARE(queued->state(), CountJob::Cancelled);
    QVERIFY(!running->result());

    // What the program does next: the window goes, and its jobs with it, at once.
    window.reset();
    QVERIFY(!watchRunning);
    const qint64 ms = answerer.msSinceAnswer();
    qInfo("Window closed and destroyed %lld ms after Yes", ms);
    QVERIFY2(ms < PromptMs, qPrintable(QString::number(ms)));
}

void TestUiMonitorControl::destroyWindowWithRunningAndQueuedJobs()
{
    // The program ends without a close event (QApplication::quit(), the session ending): the
    // window goes with its jobs, promptly and without touching what is already destroyed.
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *running = window->startSample(BigSample);
    QPointer<CountJob> queued = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(running));
    QCOMPARE(queued->state(), CountJob::Queued);
    QElapsedTimer clock;
    clock.start();
    window.reset();
    QVERIFY(!queued);
    QVERIFY2(clock.elapsed() < PromptMs, qPrintable(QString::number(clock.elapsed())));
}

QTEST_MAIN(TestUiMonitorControl)
#include "tst_ui_monitor_control.moc"
