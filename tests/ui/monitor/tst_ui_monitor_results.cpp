// SPDX-License-Identifier: GPL-3.0-or-later
// Result files opened in the desktop monitor (File ▸ Open Results), driven through its real
// widgets on the offscreen platform: the combined result gets a card of its own, selectable like
// a job's, and says what it is made of.

#include "tests/ui/monitor/monitortesthelpers.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobqueue.h"

#include <QLabel>
#include <QRegularExpression>
#include <QTableView>

using namespace MonitorTest;

class TestUiMonitorResults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initMonitorTestCase(m_config); }
    void init();
    void cleanup();

    void openedResultsHaveACardOfTheirOwn();

private:
    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUiMonitorResults::init()
{
    QSettings().clear(); // every test starts from a first run
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUiMonitorResults::cleanup()
{
    m_dir.reset();
}

// Before: the opened result had no card, a click on any card lost it for good, and its summary
// said "0 B · 0:00 · 0.0 MB/s".
void TestUiMonitorResults::openedResultsHaveACardOfTheirOwn()
{
    const QString one = m_dir->filePath(QStringLiteral("one.tsv"));
    const QString two = m_dir->filePath(QStringLiteral("two.tsv"));
    QVERIFY(writeFile(one, "apple\t3\npear\t1\n"));
    QVERIFY(writeFile(two, "apple\t2\nfig\t1\n"));
    const Counts opened
        = {{QStringLiteral("apple"), 5}, {QStringLiteral("fig"), 1}, {QStringLiteral("pear"), 1}};
    auto window = makeWindow();
    QVERIFY(window);
    QSignalSpy shown(window.get(), &MainWindow::resultsOpened);
    window->openResults({one, two});
    QVERIFY(shown.count() == 1 || shown.wait(WorkTimeoutMs));
    QCOMPARE(shown.first().first().toBool(), true);

    JobCard *card = window->selectedCard();
    QVERIFY(card);
    QVERIFY(!card->job());
    QTRY_VERIFY(card->isVisible()); // a widget added to a shown layout shows once events run
    QTRY_COMPARE(tableCounts(window->resultsModel()), opened);
    // "2 result file(s) merged" until the English translation gives the plural its form.
    const QRegularExpression merged(QStringLiteral("2 result file(s|\\(s\\)) merged"));
    QVERIFY2(card->statusText().contains(merged)
                 && card->statusText().contains(QStringLiteral("7 words"))
                 && card->statusText().contains(QStringLiteral("3 distinct")),
             qPrintable(card->statusText()));
    auto *summary = window->findChild<QLabel *>(QStringLiteral("resultsSummary"));
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(merged) && !summary->text().contains(QStringLiteral("/s"))
                 && !summary->text().contains(QStringLiteral("0 B")),
             qPrintable(summary->text()));

    // A job's card takes the selection; a click on the opened card brings its counts back.
    const QString text = m_dir->filePath(QStringLiteral("text.txt"));
    QVERIFY(writeFile(text, "kiwi kiwi\n"));
    window->addInputs({text});
    CountJob *job = window->startJob();
    QVERIFY(job);
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Done, WorkTimeoutMs);
    QCOMPARE(window->selectedCard(), window->cardFor(job));
    QTRY_COMPARE(tableCounts(window->resultsModel()), Counts({{QStringLiteral("kiwi"), 2}}));
    QTest::mouseClick(card, Qt::LeftButton);
    QCOMPARE(window->selectedCard(), card);
    QVERIFY(card->isSelected());
    QTRY_COMPARE(tableCounts(window->resultsModel()), opened);
    QVERIFY2(summary->text().contains(merged), qPrintable(summary->text()));
}

QTEST_MAIN(TestUiMonitorResults)
#include "tst_ui_monitor_results.moc"
