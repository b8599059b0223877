// SPDX-License-Identifier: GPL-3.0-or-later
// The job history, driven through the monitor's real widgets on the offscreen platform (issue
// 11): a job's card comes back after a restart with its summary and date, runs again with
// Retry, opens the counts it saved, goes from the history with its card, a job cut short by
// quitting comes back as interrupted, and a damaged history file does not stop the window.

#include "core/format/progressformat.h"
#include "tests/ui/monitor/monitortesthelpers.h"
#include "ui/explorer/resultsexplorer.h"
#include "ui/monitor/elidedlabel.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobhistory.h"
#include "ui/monitor/jobqueue.h"

#include <QAction>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>

using namespace MonitorTest;

class TestUiMonitorHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initMonitorTestCase(m_config); }
    void init();
    void cleanup();

    void finishedJobSurvivesARestart();
    void retryOnARestoredCard();
    void openCountsOfARestoredCard();
    void removingACardForgetsIt();
    void runningJobIsInterruptedByQuitting();
    void damagedHistoryStartsEmpty();
    void openedResultsSurviveARestart();
    void openingTheSameResultsTwiceSelectsTheirCard();

private:
    static QList<JobCard *> restoredCards(const MainWindow *window);
    static bool open(MainWindow *window, const QStringList &paths);
    static QList<JobRecord> historyOnDisk();

    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUiMonitorHistory::init()
{
    QSettings().clear(); // every test starts from a first run
    QFile::remove(JobHistory::defaultPath());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUiMonitorHistory::cleanup()
{
    m_dir.reset();
}

QList<JobCard *> TestUiMonitorHistory::restoredCards(const MainWindow *window)
{
    QList<JobCard *> restored;
    for (JobCard *card : window->cards()) {
        if (card->record())
            restored << card;
    }
    return restored;
}

QList<JobRecord> TestUiMonitorHistory::historyOnDisk()
{
    JobHistory history;
    return history.load() ? history.records() : QList<JobRecord>();
}

void TestUiMonitorHistory::finishedJobSurvivesARestart()
{
    QString summary;
    QString path;
    {
        auto window = makeWindow();
        QVERIFY(window);
        CountJob *job
            = countText(window.get(), *m_dir, QStringLiteral("a.txt"), "apple pear apple\n");
        QVERIFY(job);
        summary = ProgressFormat::summaryLine(*job->result());
        path = job->spec().paths.first();
    } // destroyed without a close: as a crash or a logout would leave it

    auto window = makeWindow(History::Kept);
    QVERIFY(window);
    const QList<JobCard *> restored = restoredCards(window.get());
    QCOMPARE(restored.size(), 1);
    JobCard *card = restored.first();
    QVERIFY(card->isVisible());
    QCOMPARE(card->statusText(), summary);
    QCOMPARE(card->stateText(), ProgressFormat::stateName(CountJob::Done));
    QCOMPARE(card->title(), QStringLiteral("a.txt"));
    QVERIFY(card->titleLabel()->toolTip().contains(path));
    // Said to be from before, with its date.
    QVERIFY(card->earlierLabel()->isVisible());
    const QString today = QLocale().toString(QDate::currentDate(), QLocale::ShortFormat);
    QVERIFY2(card->earlierLabel()->text().contains(QStringLiteral("earlier session")),
             qPrintable(card->earlierLabel()->text()));
    QVERIFY2(card->earlierLabel()->text().contains(today),
             qPrintable(card->earlierLabel()->text() + QStringLiteral(" / ") + today));
    // Nothing runs: no bars, Pause or Cancel; it can run again or go.
    QVERIFY(!card->phaseBar(0)->isVisible());
    QVERIFY(!card->cancelButton()->isVisible());
    QVERIFY(card->retryButton()->isVisible());
    QVERIFY(card->removeButton()->isVisible());
    QVERIFY(!card->openButton()->isVisible()); // its counts were not saved anywhere
}

void TestUiMonitorHistory::retryOnARestoredCard()
{
    {
        auto window = makeWindow();
        QVERIFY(window);
        window->options()->setMode(CountingMode::Whitespace); // an option to carry over
        QVERIFY(countText(window.get(), *m_dir, QStringLiteral("b.txt"), "Kiwi kiwi, kiwi\n"));
    }
    auto window = makeWindow(History::Kept); // Words mode: the restored job keeps its own
    QVERIFY(window);
    QCOMPARE(restoredCards(window.get()).size(), 1);
    JobCard *card = restoredCards(window.get()).first();
    QSignalSpy added(window->queue(), &JobQueue::jobAdded);
    QTest::mouseClick(card->retryButton(), Qt::LeftButton);
    QCOMPARE(added.size(), 1);
    auto *job = added.first().first().value<CountJob *>();
    QCOMPARE(job->spec().paths, card->record()->spec.paths);
    QCOMPARE(job->spec().mode, CountingMode::Whitespace);
    QSignalSpy finished(job, &CountJob::finished);
    QVERIFY(job->isFinished() || finished.wait(WorkTimeoutMs));
    QCOMPARE(job->state(), CountJob::Done);
    QCOMPARE(window->selectedCard(), window->cardFor(job));
    // Split at whitespace only, so "kiwi," is a word of its own, as the first run counted it.
    QTRY_COMPARE(tableCounts(window->resultsModel()),
                 Counts({{QStringLiteral("kiwi"), 2}, {QStringLiteral("kiwi,"), 1}}));
    // The earlier card stays, and the new run is in the history beside it.
    QVERIFY(window->cards().contains(card));
    QCOMPARE(historyOnDisk().size(), 2);
}

void TestUiMonitorHistory::openCountsOfARestoredCard()
{
    QString exported = m_dir->filePath(QStringLiteral("counts.tsv"));
    {
        auto window = makeWindow();
        QVERIFY(window);
        CountJob *job = countText(window.get(), *m_dir, QStringLiteral("c.txt"), "fig fig date\n");
        QVERIFY(job);
        QTRY_VERIFY(!window->explorer()->isBusy());
        QString error;
        QVERIFY2(window->explorer()->exportTo(exported, false, &error), qPrintable(error));
        // What File ▸ Export's dialog would do once the file is written.
        Q_EMIT window->explorer()->exported(job->result(), exported, true);
    }
    QCOMPARE(historyOnDisk().size(), 1);
    QCOMPARE(historyOnDisk().first().resultPath, exported);

    auto window = makeWindow(History::Kept);
    QVERIFY(window);
    JobCard *card = restoredCards(window.get()).value(0);
    QVERIFY(card);
    QVERIFY(card->openButton()->isVisible());
    QSignalSpy opened(window.get(), &MainWindow::resultsOpened);
    QTest::mouseClick(card->openButton(), Qt::LeftButton);
    QVERIFY(opened.wait(WorkTimeoutMs));
    QCOMPARE(opened.first().first().toBool(), true);
    QVERIFY(window->selectedCard()->openedResult());
    QTRY_COMPARE(tableCounts(window->resultsModel()),
                 Counts({{QStringLiteral("fig"), 2}, {QStringLiteral("date"), 1}}));

    // Once the file is gone there is nothing to open.
    QVERIFY(QFile::remove(exported));
    window.reset();
    window = makeWindow(History::Kept);
    QVERIFY(window);
    QVERIFY(!restoredCards(window.get()).value(0)->openButton()->isVisible());
}

void TestUiMonitorHistory::removingACardForgetsIt()
{
    {
        auto window = makeWindow();
        QVERIFY(window);
        for (const char *name : {"d.txt", "e.txt", "f.txt"})
            QVERIFY(countText(window.get(), *m_dir, QLatin1String(name), "one two\n"));
    }
    QCOMPARE(historyOnDisk().size(), 3);
    auto window = makeWindow(History::Kept);
    QVERIFY(window);
    QCOMPARE(restoredCards(window.get()).size(), 3);
    QTest::mouseClick(restoredCards(window.get()).first()->removeButton(), Qt::LeftButton);
    QCOMPARE(restoredCards(window.get()).size(), 2);
    QCOMPARE(historyOnDisk().size(), 2);
    QCOMPARE(historyOnDisk().first().spec.paths.first(), m_dir->filePath(QStringLiteral("e.txt")));

    // Clear Finished takes the rest, from the window and from the history.
    auto *clear = window->findChild<QAction *>(QStringLiteral("clearFinishedAction"));
    QVERIFY(clear && clear->isEnabled());
    clear->trigger();
    QVERIFY(window->cards().isEmpty());
    QVERIFY(historyOnDisk().isEmpty());
    window.reset();
    window = makeWindow(History::Kept);
    QVERIFY(window);
    QVERIFY(window->cards().isEmpty());
}

void TestUiMonitorHistory::runningJobIsInterruptedByQuitting()
{
    {
        auto window = makeWindow();
        QVERIFY(window);
        CountJob *running = window->startSample(BigSample);
        CountJob *queued = window->startSample(BigSample);
        QVERIFY(waitUntilCounting(running));
        QCOMPARE(queued->state(), CountJob::Queued);
    } // the window goes with its jobs (stopJobsAndQuit() is not used: it leaves the event loops)
    const QList<JobRecord> records = historyOnDisk();
    QCOMPARE(records.size(), 2);
    for (const JobRecord &record : records)
        QCOMPARE(record.state, JobRecord::Interrupted);

    auto window = makeWindow(History::Kept);
    QVERIFY(window);
    const QList<JobCard *> restored = restoredCards(window.get());
    QCOMPARE(restored.size(), 2);
    for (JobCard *card : restored) {
        QCOMPARE(card->stateText(), QStringLiteral("Interrupted"));
        QCOMPARE(card->record()->spec.sampleBytes, BigSample);
        QVERIFY(card->retryButton()->isVisible());
    }
}

void TestUiMonitorHistory::damagedHistoryStartsEmpty()
{
    const QString path = JobHistory::defaultPath();
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY(writeFile(path, "{\"version\": 1, \"jobs\": [{\"id\": \"x\", \"sta"));

    auto window = makeWindow(History::Kept);
    QVERIFY(window);
    QVERIFY(window->cards().isEmpty());
    QCOMPARE(window->statusBar()->currentMessage(),
             QStringLiteral("The job history could not be read; it starts again empty"));
    // The damaged file is set aside for a person to look at, and the window works on.
    QVERIFY(QFile::exists(path + QStringLiteral(".bad")));
    QVERIFY(countText(window.get(), *m_dir, QStringLiteral("g.txt"), "plum\n"));
    QCOMPARE(historyOnDisk().size(), 1);

    // Said once: the next window finds a good history.
    window.reset();
    window = makeWindow(History::Kept);
    QVERIFY(window);
    QCOMPARE(restoredCards(window.get()).size(), 1);
    QVERIFY(window->statusBar()->currentMessage()
            != QStringLiteral("The job history could not be read; it starts again empty"));
}

bool TestUiMonitorHistory::open(MainWindow *window, const QStringList &paths)
{
    QSignalSpy opened(window, &MainWindow::resultsOpened);
    window->openResults(paths);
    return (!opened.isEmpty() || opened.wait(WorkTimeoutMs)) && opened.first().first().toBool();
}

// Issue 11: result files opened with File ▸ Open Results were not kept in the job history, so
// their card was gone after a restart.
void TestUiMonitorHistory::openedResultsSurviveARestart()
{
    const QString tsv = m_dir->filePath(QStringLiteral("uvas.tsv"));
    QVERIFY(writeFile(tsv, "uva\t3\npasa\t1\n"));
    QString status;
    {
        auto window = makeWindow();
        QVERIFY(window);
        QVERIFY(open(window.get(), {tsv}));
        status = window->selectedCard()->statusText();
    }
    QCOMPARE(historyOnDisk().size(), 1);

    auto window = makeWindow(History::Kept);
    QVERIFY(window);
    QCOMPARE(restoredCards(window.get()).size(), 1);
    JobCard *card = restoredCards(window.get()).first();
    QCOMPARE(card->title(), QStringLiteral("uvas.tsv"));
    QCOMPARE(card->stateText(), QStringLiteral("Opened"));
    QCOMPARE(card->statusText(), status); // "1 result file merged · 4 words · 2 distinct"
    QCOMPARE(card->openedPaths(), QStringList {tsv});
    QVERIFY(card->openButton()->isVisible());
    QVERIFY(!card->retryButton()->isVisible()); // result files are opened, not counted
    QVERIFY(card->removeButton()->isVisible());

    // Open Counts reads them again; the card read now takes the earlier one's place.
    QSignalSpy opened(window.get(), &MainWindow::resultsOpened);
    QTest::mouseClick(card->openButton(), Qt::LeftButton);
    QVERIFY(opened.wait(WorkTimeoutMs));
    QCOMPARE(window->cards().size(), 1);
    QVERIFY(window->selectedCard()->openedResult());
    QTRY_COMPARE(tableCounts(window->resultsModel()),
                 Counts({{QStringLiteral("uva"), 3}, {QStringLiteral("pasa"), 1}}));
    QCOMPARE(historyOnDisk().size(), 1);

    // Once the file is gone there is nothing to open.
    QVERIFY(QFile::remove(tsv));
    window.reset();
    window = makeWindow(History::Kept);
    QVERIFY(window);
    QCOMPARE(restoredCards(window.get()).size(), 1);
    QVERIFY(!restoredCards(window.get()).first()->openButton()->isVisible());
}

// Issue 11: opening the same result file again added a second card for it.
void TestUiMonitorHistory::openingTheSameResultsTwiceSelectsTheirCard()
{
    const QString a = m_dir->filePath(QStringLiteral("a.tsv"));
    const QString b = m_dir->filePath(QStringLiteral("b.tsv"));
    QVERIFY(writeFile(a, "uva\t3\n"));
    QVERIFY(writeFile(b, "pera\t2\n"));
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(open(window.get(), {a, b}));
    JobCard *both = window->selectedCard();
    QVERIFY(both && both->openedResult());
    QVERIFY(countText(window.get(), *m_dir, QStringLiteral("c.txt"), "kiwi\n"));
    QCOMPARE(window->cards().size(), 2);
    QVERIFY(window->selectedCard() != both);

    // The same files, in another order and spelled otherwise: their card, selected.
    QVERIFY(open(window.get(), {b, m_dir->path() + QStringLiteral("/./a.tsv")}));
    QCOMPARE(window->cards().size(), 2);
    QCOMPARE(window->selectedCard(), both);
    QCOMPARE(historyOnDisk().size(), 2);
    // Other files are other results.
    QVERIFY(open(window.get(), {a}));
    QCOMPARE(window->cards().size(), 3);
}

QTEST_MAIN(TestUiMonitorHistory)
#include "tst_ui_monitor_history.moc"
