// SPDX-License-Identifier: GPL-3.0-or-later
// Managing the jobs panel, driven through the monitor's real widgets on the offscreen platform
// (issue 11, bug 14 and what follows it): a finished card is removed with its result (Delete on
// the selected card, its remove button, Clear Finished), a running job never is, and a cancelled
// job runs again on a new card.

#include "tests/ui/monitor/monitortesthelpers.h"
#include "ui/explorer/resultsexplorer.h"
#include "ui/monitor/filelistmodel.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobqueue.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

using namespace MonitorTest;

class TestUiMonitorJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initMonitorTestCase(m_config); }
    void init();
    void cleanup();

    void deleteRemovesSelectedFinishedCardAndItsResult();
    void removeButtonAndClearFinished();
    void deleteNeverRemovesARunningJob();
    void deleteInAFieldKeepsTheCard();
    void retryRunsACancelledJobAgain();
    void removeOneInputFromTheNextJob();
    void queuedJobsMoveAndHold();
    void cardMenuFromTheKeyboard_data();
    void cardMenuFromTheKeyboard();

private:
    // Starts a job on a small file of \a text and waits until it is Done.
    static void pressInJobsPanel(MainWindow *window, JobCard *card, int key,
                                 Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUiMonitorJobs::init()
{
    QSettings().clear(); // every test starts from a first run
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUiMonitorJobs::cleanup()
{
    m_dir.reset();
}

// A click on the card (so it is selected and the keyboard is in the jobs panel), then the key.
void TestUiMonitorJobs::pressInJobsPanel(MainWindow *window, JobCard *card, int key,
                                         Qt::KeyboardModifiers modifiers)
{
    QTest::mouseClick(card, Qt::LeftButton, {}, QPoint(4, 4));
    QCOMPARE(window->selectedCard(), card);
    QTRY_VERIFY(card->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key(key), modifiers);
}

// Bug 14: finished cards could not be removed, and their results stayed in memory for good.
void TestUiMonitorJobs::deleteRemovesSelectedFinishedCardAndItsResult()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    QPointer<CountJob> first
        = countText(window.get(), *m_dir, QStringLiteral("a.txt"), "apple apple\n");
    QPointer<CountJob> second = countText(window.get(), *m_dir, QStringLiteral("b.txt"), "kiwi\n");
    QVERIFY(first && second);
    QPointer<JobCard> firstCard = window->cardFor(first);
    QPointer<JobCard> secondCard = window->cardFor(second);
    std::weak_ptr<const CountResult> firstResult = first->result();
    QVERIFY(!firstResult.expired());
    QVERIFY(firstCard->removeButton()->isVisible());
    QVERIFY(!firstCard->cancelButton()->isVisible()); // nothing left to cancel

    pressInJobsPanel(window.get(), firstCard, Qt::Key_Delete);
    QVERIFY(!window->cards().contains(firstCard.data()));
    QVERIFY(!first); // the job is gone at once...
    QTRY_VERIFY(!firstCard); // ...its card once its handlers are over...
    QTRY_VERIFY(firstResult.expired()); // ...and its result with them: nothing holds it
    QVERIFY(!window->queue()->jobs().contains(first.data()));
    // The other card takes the selection, the keyboard stays in the panel, and the explorer
    // shows the counts of the card it selected.
    QCOMPARE(window->selectedCard(), secondCard.data());
    QVERIFY(secondCard->hasFocus());
    QTRY_COMPARE(tableCounts(window->resultsModel()), Counts({{QStringLiteral("kiwi"), 1}}));

    // Delete again: the last card goes too, and the explorer and the Files tab are empty.
    std::weak_ptr<const CountResult> secondResult = second->result();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete);
    QVERIFY(window->cards().isEmpty());
    QVERIFY(!window->selectedCard());
    QTRY_VERIFY(secondResult.expired());
    QCOMPARE(window->resultsModel()->rowCount(), 0);
    QCOMPARE(window->fileModel()->rowCount(), 0);
}

void TestUiMonitorJobs::removeButtonAndClearFinished()
{
    auto window = makeWindow();
    QVERIFY(window);
    QPointer<CountJob> done1
        = countText(window.get(), *m_dir, QStringLiteral("a.txt"), "one two\n");
    QPointer<CountJob> done2 = countText(window.get(), *m_dir, QStringLiteral("b.txt"), "three\n");
    QPointer<CountJob> done3 = countText(window.get(), *m_dir, QStringLiteral("c.txt"), "four\n");
    QVERIFY(done1 && done2 && done3);

    // The card's own remove button, with the mouse.
    QPointer<JobCard> card1 = window->cardFor(done1);
    QTest::mouseClick(card1->removeButton(), Qt::LeftButton);
    QVERIFY(!done1);
    QTRY_VERIFY(!card1);

    // Clear Finished, from the toolbar: the running and the queued job stay.
    QPointer<CountJob> running = window->startSample(BigSample);
    QPointer<CountJob> queued = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(running));
    auto *clear = window->findChild<QAction *>(QStringLiteral("clearFinishedAction"));
    QVERIFY(clear && clear->isEnabled());
    auto *toolbar = window->findChild<QToolBar *>(QStringLiteral("mainToolbar"));
    QVERIFY(toolbar);
    auto *button = qobject_cast<QToolButton *>(toolbar->widgetForAction(clear));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!done2 && !done3);
    QVERIFY(running && queued);
    QCOMPARE(window->cards().size(), 2);
    QVERIFY(!running->isCancelling());
    QCOMPARE(queued->state(), CountJob::Queued);
    QVERIFY(!clear->isEnabled()); // nothing left that has ended
    window->queue()->cancelAll();
    QTRY_VERIFY(running->isFinished() && queued->isFinished());
    QVERIFY(clear->isEnabled());
}

// Delete must never destroy work: on a running or queued job it does nothing.
void TestUiMonitorJobs::deleteNeverRemovesARunningJob()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QPointer<CountJob> running = window->startSample(BigSample);
    QPointer<CountJob> queued = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(running));
    QPointer<JobCard> runningCard = window->cardFor(running);
    QPointer<JobCard> queuedCard = window->cardFor(queued);
    QVERIFY(!runningCard->removeButton()->isVisible());

    pressInJobsPanel(window.get(), runningCard, Qt::Key_Delete);
    pressInJobsPanel(window.get(), queuedCard, Qt::Key_Delete);
    QCoreApplication::processEvents();
    QVERIFY(runningCard && queuedCard && running && queued);
    QCOMPARE(window->cards().size(), 2);
    QVERIFY(!running->isCancelling() && !queued->isCancelling());
    QCOMPARE(queued->state(), CountJob::Queued);
    QVERIFY(!window->removeCard(runningCard)); // not through the API either
    QVERIFY(running && !running->isFinished());
    window->queue()->cancelAll();
    QTRY_VERIFY(running->isFinished());
}

// Delete typed in a field (the explorer's filter) edits the field, not the jobs.
void TestUiMonitorJobs::deleteInAFieldKeepsTheCard()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QPointer<CountJob> job = countText(window.get(), *m_dir, QStringLiteral("a.txt"), "apple\n");
    QVERIFY(job);
    QLineEdit *filter = window->explorer()->filterEdit();
    filter->setFocus();
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("ab"));
    QTest::keyClick(filter, Qt::Key_Home);
    QTest::keyClick(filter, Qt::Key_Delete);
    QTest::keyClick(filter, Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
    QCoreApplication::processEvents();
    QVERIFY(job);
    QCOMPARE(window->cards().size(), 1);
    QVERIFY(filter->text() != QStringLiteral("ab")); // the field took the key
}

void TestUiMonitorJobs::retryRunsACancelledJobAgain()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->options()->setWorkers(1);
    CountJob *job = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(job));
    JobCard *card = window->cardFor(job);
    QVERIFY(!card->retryButton()->isVisible());
    QSignalSpy live(job, &CountJob::liveWordsChanged);
    QVERIFY(live.count() > 0 || live.wait(WorkTimeoutMs)); // the explorer shows top words
    QTest::mouseClick(card->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Cancelled, PromptMs);
    QTRY_VERIFY(card->retryButton()->isVisible());

    QSignalSpy added(window->queue(), &JobQueue::jobAdded);
    window->options()->setWorkers(2); // the retry keeps the job's own options
    QTest::mouseClick(card->retryButton(), Qt::LeftButton);
    QCOMPARE(added.count(), 1);
    auto *again = added.first().first().value<CountJob *>();
    QVERIFY(again && again != job);
    QCOMPARE(again->spec().sampleBytes, BigSample);
    QCOMPARE(again->spec().workers, 1);
    QVERIFY(window->cardFor(again));
    QCOMPARE(window->selectedCard(), window->cardFor(again));
    QVERIFY(window->cardFor(job)); // the cancelled card stays until removed
    QVERIFY(waitUntilCounting(again));
    // Selected again, the cancelled job shows no counts, not the top words it had before.
    QTest::mouseClick(card, Qt::LeftButton, {}, QPoint(4, 4));
    QCOMPARE(window->selectedCard(), card);
    QCOMPARE(window->resultsModel()->rowCount(), 0);
    window->queue()->cancelAll();
    QTRY_VERIFY(again->isFinished());
}

// Issue 11: one wrong input meant Clear and choosing all the others again.
void TestUiMonitorJobs::removeOneInputFromTheNextJob()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QStringList paths;
    for (const char *name : {"a.txt", "b.txt", "c.txt", "d.txt"}) {
        paths << m_dir->filePath(QLatin1String(name));
        QVERIFY(writeFile(paths.last(), "word\n"));
    }
    window->addInputs(paths);
    QListWidget *list = window->options()->inputList();
    QTRY_VERIFY(list->isVisible());
    QCOMPARE(list->count(), 4);

    // The keyboard: a click on b.txt, then Delete; the next row is selected, so Delete again
    // takes c.txt.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(1)).center());
    QTRY_VERIFY(list->hasFocus());
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(window->options()->inputs(), QStringList({paths[0], paths[2], paths[3]}));
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(window->options()->inputs(), QStringList({paths[0], paths[3]}));

    // The mouse: select d.txt, then the Remove button.
    QPushButton *remove = window->options()->removeInputButton();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(1)).center());
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(window->options()->inputs(), QStringList({paths[0]}));

    CountJob *job = window->startJob();
    QVERIFY(job);
    QCOMPARE(job->spec().paths, QStringList({paths[0]}));
    QVERIFY(window->options()->inputs().isEmpty());
}

void TestUiMonitorJobs::queuedJobsMoveAndHold()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    CountJob *running = window->startSample(BigSample);
    CountJob *a = window->startSample(BigSample);
    CountJob *b = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(running));
    JobCard *cardA = window->cardFor(a);
    JobCard *cardB = window->cardFor(b);

    // b starts sooner: Ctrl+Shift+Up on its card; the queue and the cards follow.
    pressInJobsPanel(window.get(), cardB, Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(window->queue()->jobs(), QList<CountJob *>({running, b, a}));
    QCOMPARE(window->cards().indexOf(cardB), 1);
    QTRY_VERIFY(cardB->geometry().top() < cardA->geometry().top()); // once laid out again
    // The running job never moves, and nothing moves past the first queued place.
    QVERIFY(!window->moveCard(cardB, -1));
    QVERIFY(!window->moveCard(window->cardFor(running), 1));

    // b held (Ctrl+H): when the running job ends, a starts, b waits and says so.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_H, Qt::ControlModifier);
    QVERIFY(window->queue()->isHeld(b));
    QVERIFY(cardB->stateText().contains(QStringLiteral("Held")));
    running->cancel();
    QTRY_VERIFY(a->state() != CountJob::Queued);
    QCOMPARE(b->state(), CountJob::Queued);
    // Released, b starts after a.
    window->holdCard(cardB, false);
    QVERIFY(!cardB->stateText().contains(QStringLiteral("Held")));
    QCOMPARE(b->state(), CountJob::Queued); // a still runs
    a->cancel();
    QTRY_VERIFY(b->state() != CountJob::Queued);
    window->queue()->cancelAll();
    QTRY_VERIFY(b->isFinished());
}

void TestUiMonitorJobs::cardMenuFromTheKeyboard_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("Menu key") << int(Qt::Key_Menu) << int(Qt::NoModifier);
    QTest::newRow("Shift+F10") << int(Qt::Key_F10) << int(Qt::ShiftModifier);
}

// Help ▸ Keyboard Shortcuts says Shift+F10 or the Menu key opens a context menu: on a card too,
// whose menu (Pause, Cancel, Retry, Remove…) has no other way in from the keyboard.
void TestUiMonitorJobs::cardMenuFromTheKeyboard()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *job = countText(window.get(), *m_dir, QStringLiteral("menu.txt"), "one two\n");
    QVERIFY(job);
    JobCard *card = window->cardFor(job);
    QVERIFY(card);
    card->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(card->hasFocus());
    // The menu runs its own event loop: looked at, and closed, from inside it.
    QStringList shown;
    QTimer poll;
    poll.setInterval(20);
    QElapsedTimer waited;
    waited.start();
    connect(&poll, &QTimer::timeout, card, [&] {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            for (QAction *action : menu->actions())
                shown << action->text();
            menu->close();
            poll.stop();
        } else if (waited.elapsed() > 3000) {
            poll.stop();
        }
    });
    poll.start();
    QTest::keyClick(card, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QTRY_VERIFY(!poll.isActive());
    QVERIFY2(shown.contains(QStringLiteral("Remove")), qPrintable(shown.join(u'|')));
}

QTEST_MAIN(TestUiMonitorJobs)
#include "tst_ui_monitor_jobs.moc"
