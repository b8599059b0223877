// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Open Results… in the main window on the offscreen platform: result files merged into
// the explorer, and a bad file among good ones.

#include "tests/common/testfiles.h"
#include "tests/ui/explorer/explorertesthelpers.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobhistory.h"
#include "ui/monitor/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QTabWidget>
#include <QTimer>

using namespace ExplorerTest;

namespace {

using TestFiles::writeFile;

// Closes the next modal QMessageBox that shows, keeping its text.
class MessageBoxCloser : public QObject
{
public:
    explicit MessageBoxCloser(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            m_timer.stop();
            m_text = box->text();
            m_icon = box->icon();
            box->close();
        });
        m_timer.start();
    }

    bool closed() const { return !m_text.isNull(); }
    QString text() const { return m_text; }
    QMessageBox::Icon icon() const { return m_icon; }

private:
    QTimer m_timer;
    QString m_text;
    QMessageBox::Icon m_icon = QMessageBox::NoIcon;
};

// Opens result files as File ▸ Open Results… does; true once they show, false if none could.
bool openResults(MainWindow &window, const QStringList &paths)
{
    QSignalSpy opened(&window, &MainWindow::resultsOpened);
    window.openResults(paths);
    return opened.wait(WorkTimeoutMs) && opened.first().at(0).toBool();
}

} // namespace

class TestUiExplorerOpen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        initExplorerTestCase();
        QVERIFY(JobHistory::defaultPath().startsWith(home().data.path()));
    }
    void init();
    void cleanup();

    void openResultsMerges();
    void openResultsWithBadFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUiExplorerOpen::init()
{
    // Each window starts from an empty job history, as the monitor's tests' do: the results
    // one test opened are kept there, and came back as a card in the next test's window.
    QFile::remove(JobHistory::defaultPath());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUiExplorerOpen::cleanup()
{
    m_dir.reset();
}

void TestUiExplorerOpen::openResultsMerges()
{
    const QString a = m_dir->filePath(QStringLiteral("monday.tsv"));
    const QString b = m_dir->filePath(QStringLiteral("tuesday.json"));
    QVERIFY(writeFile(a, "apple\t3\n\xC3\xA1rbol\t1\nbanana\t1\n"));
    QVERIFY(
        writeFile(b,
                  "{\"mode\":\"words\",\"words\":[{\"word\":\"apple\",\"count\":2},"
                  "{\"word\":\"cherry\",\"count\":4},{\"word\":\"\xC3\xA1rbol\",\"count\":2}]}"));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.cards().isEmpty()); // nothing from the window of another test
    ResultsExplorer *explorer = window.explorer();
    QAbstractItemModelTester tester(explorer->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openResults(window, {a, b}));
    QCOMPARE(window.detailTabs()->currentWidget(), explorer);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("apple"), QStringLiteral("cherry"), Arbol,
                           QStringLiteral("banana")}));
    QCOMPARE(shownCounts(explorer->model()), (QList<quint64> {5, 4, 3, 1}));
    const auto *summary = explorer->findChild<QLabel *>(QStringLiteral("resultsSummary"));
    QVERIFY2(summary->text().contains(QStringLiteral("13 words · 4 distinct")),
             qPrintable(summary->text()));

    // The merged table filters like any other.
    explorer->filterEdit()->setText(QStringLiteral("A"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("apple"), QStringLiteral("banana")}));

    // Opened again: the same counts, not added to the shown ones.
    QVERIFY(openResults(window, {b, a}));
    explorer->filterEdit()->clear();
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownCounts(explorer->model()), (QList<quint64> {5, 4, 3, 1}));
}

void TestUiExplorerOpen::openResultsWithBadFile()
{
    const QString good = m_dir->filePath(QStringLiteral("good.tsv"));
    const QString other = m_dir->filePath(QStringLiteral("other.tsv"));
    const QString bad = m_dir->filePath(QStringLiteral("bad.tsv"));
    QVERIFY(writeFile(good, "apple\t3\nbanana\t1\n"));
    QVERIFY(writeFile(other, "banana\t4\n"));
    QVERIFY(writeFile(bad, "apple\t3\nno tab on this line\n"));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.cards().isEmpty()); // nothing from the window of another test
    ResultsExplorer *explorer = window.explorer();
    {
        MessageBoxCloser closer;
        QVERIFY(openResults(window, {good, bad, other}));
        QVERIFY(closer.closed());
        QCOMPARE(closer.icon(), QMessageBox::Warning);
        QVERIFY2(closer.text().contains(bad), qPrintable(closer.text()));
        QVERIFY2(closer.text().contains(QStringLiteral("line 2")), qPrintable(closer.text()));
        QVERIFY(!closer.text().contains(good));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    // The bad file adds nothing, not even its good first line.
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("banana"), QStringLiteral("apple")}));
    QCOMPARE(shownCounts(explorer->model()), (QList<quint64> {5, 3}));

    // Nothing readable: a warning, and the table stays as it was.
    {
        MessageBoxCloser closer;
        QVERIFY(!openResults(window, {bad, m_dir->filePath(QStringLiteral("missing.tsv"))}));
        QVERIFY(closer.closed());
        QVERIFY(closer.text().contains(QStringLiteral("missing.tsv")));
    }
    QCOMPARE(shownCounts(explorer->model()), (QList<quint64> {5, 3}));
}

QTEST_MAIN(TestUiExplorerOpen)

#include "tst_ui_explorer_open.moc"
