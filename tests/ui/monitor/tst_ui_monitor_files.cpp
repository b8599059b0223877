// SPDX-License-Identifier: GPL-3.0-or-later
// The Files tab of the desktop monitor, driven through its real widgets on the offscreen
// platform: columns that fit their content and can be resized and sorted, a filter for the
// problem files, a Folder column, and what the tab says about cancelled and queued jobs.

#include "tests/ui/monitor/monitortesthelpers.h"
#include "ui/monitor/filelistmodel.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobqueue.h"

#include <QCheckBox>
#include <QDir>
#include <QHeaderView>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>

using namespace MonitorTest;

namespace {

// The texts of \a column in the order the view shows its rows.
QStringList columnTexts(const QTableView *view, int column)
{
    QStringList texts;
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row)
        texts << model->index(row, column).data().toString();
    return texts;
}

// The column whose header reads \a title; -1 if none does.
int columnTitled(const QTableView *view, const QString &title)
{
    const QAbstractItemModel *model = view->model();
    for (int column = 0; column < model->columnCount(); ++column) {
        if (model->headerData(column, Qt::Horizontal).toString() == title)
            return column;
    }
    return -1;
}

void clickHeader(QTableView *view, int column)
{
    QHeaderView *header = view->horizontalHeader();
    const QPoint pos(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                     header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, pos);
}

} // namespace

class TestUiMonitorFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initMonitorTestCase(m_config); }
    void init();
    void cleanup();

    void columnsFitAndCanBeResized();
    void headerClickSortsBySizeNumerically_data();
    void headerClickSortsBySizeNumerically();
    void headerClickKeepsTheFileColumnForLaterJobs();
    void problemsOnlyShowsSkippedFiles();
    void folderColumnTellsSameNamesApart();
    void cancelledJobFilesAreNotCounting();
    void queuedJobInputsShowNoSizeOrProgress();

private:
    // A folder with a counted file, a binary file and notes.txt in two subfolders; counted.
    CountJob *countMixedFolder(MainWindow *window);

    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUiMonitorFiles::init()
{
    QSettings().clear(); // every test starts from a first run
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUiMonitorFiles::cleanup()
{
    m_dir.reset();
}

CountJob *TestUiMonitorFiles::countMixedFolder(MainWindow *window)
{
    const QDir root(m_dir->path());
    if (!root.mkpath(QStringLiteral("mixed/x")) || !root.mkpath(QStringLiteral("mixed/y")))
        return nullptr;
    // Sizes 31, 10, 200 and 5 bytes; the binary file, skipped by the scan, shows the size the
    // scan read. As numbers 5 < 10 < 31 < 200, as text "10 B" and "200 B" would come first.
    const bool ok = writeFile(root.filePath(QStringLiteral("mixed/alpha.txt")),
                              QByteArray("one two three four five six\n--\n"))
        && writeFile(root.filePath(QStringLiteral("mixed/image.bin")),
                     QByteArray("GIF89a\0\0\x01\x02", 10))
        && writeFile(root.filePath(QStringLiteral("mixed/x/notes.txt")),
                     QByteArray(200, 'a').replace(9, 1, " ").replace(99, 1, "\n"))
        && writeFile(root.filePath(QStringLiteral("mixed/y/notes.txt")), QByteArray("b c\nd"));
    if (!ok)
        return nullptr;
    window->addInputs({root.filePath(QStringLiteral("mixed"))});
    CountJob *job = runNextJob(window);
    if (!job)
        return nullptr;
    window->detailTabs()->setCurrentIndex(0);
    return job;
}

void TestUiMonitorFiles::columnsFitAndCanBeResized()
{
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *job = countMixedFolder(window.get());
    QVERIFY(job);
    QCOMPARE(job->state(), CountJob::Done);
    QTableView *view = window->filesView();
    QTRY_COMPARE(view->model()->rowCount(), 4);
    QHeaderView *header = view->horizontalHeader();
    QCOMPARE(header->sectionResizeMode(FileListModel::NameColumn), QHeaderView::Stretch);
    for (int column = 0; column < header->count(); ++column) {
        if (column == FileListModel::NameColumn)
            continue;
        QCOMPARE(header->sectionResizeMode(column), QHeaderView::Interactive);
        // A long folder is elided in the middle (its tooltip has the whole path).
        if (column == FileListModel::FolderColumn)
            continue;
        // Wide enough for what it holds: "skipped: binary file (…)" is not cut to "skippe…".
        // (sizeHintForColumn() is public in QAbstractItemView only.)
        const int needed = static_cast<const QAbstractItemView *>(view)->sizeHintForColumn(column);
        QVERIFY2(header->sectionSize(column) >= needed,
                 qPrintable(QStringLiteral("column %1: %2 px for %3 px of text")
                                .arg(column)
                                .arg(header->sectionSize(column))
                                .arg(needed)));
    }
}

void TestUiMonitorFiles::headerClickSortsBySizeNumerically_data()
{
    QTest::addColumn<int>("clicks");
    QTest::addColumn<QStringList>("expected");
    const QStringList ascending = {QStringLiteral("5 B"), QStringLiteral("10 B"),
                                   QStringLiteral("31 B"), QStringLiteral("200 B")};
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());
    QTest::newRow("once: ascending") << 1 << ascending;
    QTest::newRow("twice: descending") << 2 << descending;
}

void TestUiMonitorFiles::headerClickSortsBySizeNumerically()
{
    QFETCH(int, clicks);
    QFETCH(QStringList, expected);
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(countMixedFolder(window.get()));
    QTableView *view = window->filesView();
    QTRY_COMPARE(view->model()->rowCount(), 4);
    QVERIFY(view->isSortingEnabled());
    for (int i = 0; i < clicks; ++i)
        clickHeader(view, FileListModel::SizeColumn);
    QCOMPARE(columnTexts(view, FileListModel::SizeColumn), expected);
}

// Before: after a click on the State header, the File column of every later job was a few
// pixels wide ("b…").
void TestUiMonitorFiles::headerClickKeepsTheFileColumnForLaterJobs()
{
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(countMixedFolder(window.get()));
    QTableView *view = window->filesView();
    QTRY_COMPARE(view->model()->rowCount(), 4);
    clickHeader(view, FileListModel::StateColumn);

    const QString b = m_dir->filePath(QStringLiteral("b.txt"));
    QVERIFY(writeFile(b, "bee\n"));
    window->addInputs({b});
    CountJob *second = window->startJob();
    QVERIFY(second);
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), CountJob::Done, WorkTimeoutMs);
    QTRY_COMPARE(view->model()->rowCount(), 1);
    const int needed = view->fontMetrics().horizontalAdvance(QStringLiteral("b.txt"));
    QVERIFY2(view->columnWidth(FileListModel::NameColumn) > needed,
             qPrintable(QString::number(view->columnWidth(FileListModel::NameColumn))));
    QCOMPARE(columnTexts(view, FileListModel::NameColumn), QStringList {QStringLiteral("b.txt")});
}

void TestUiMonitorFiles::problemsOnlyShowsSkippedFiles()
{
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(countMixedFolder(window.get()));
    QTableView *view = window->filesView();
    QTRY_COMPARE(view->model()->rowCount(), 4);
    auto *problemsOnly = window->findChild<QCheckBox *>(QStringLiteral("problemsOnly"));
    QVERIFY(problemsOnly);
    QVERIFY(problemsOnly->isVisible());
    QVERIFY(!problemsOnly->isChecked());
    QTest::mouseClick(problemsOnly, Qt::LeftButton);
    QVERIFY(problemsOnly->isChecked());
    QCOMPARE(columnTexts(view, FileListModel::NameColumn),
             QStringList {QStringLiteral("image.bin")});
    QTest::mouseClick(problemsOnly, Qt::LeftButton);
    QCOMPARE(view->model()->rowCount(), 4);
}

// Before: two notes.txt from two folders were two rows named "notes.txt", nothing more.
void TestUiMonitorFiles::folderColumnTellsSameNamesApart()
{
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(countMixedFolder(window.get()));
    QTableView *view = window->filesView();
    QTRY_COMPARE(view->model()->rowCount(), 4);
    const int folderColumn = columnTitled(view, QStringLiteral("Folder"));
    QVERIFY(folderColumn >= 0);
    QStringList notesFolders;
    const QStringList names = columnTexts(view, FileListModel::NameColumn);
    const QStringList folders = columnTexts(view, folderColumn);
    for (int row = 0; row < names.size(); ++row) {
        if (names.at(row) == QStringLiteral("notes.txt"))
            notesFolders << folders.at(row);
    }
    notesFolders.sort();
    QCOMPARE(notesFolders,
             QStringList({m_dir->filePath(QStringLiteral("mixed/x")),
                          m_dir->filePath(QStringLiteral("mixed/y"))}));
}

// Before: a cancelled job's files kept "counting" or "waiting", and their percent.
void TestUiMonitorFiles::cancelledJobFilesAreNotCounting()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->detailTabs()->setCurrentIndex(0);
    CountJob *job = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(job));
    QTRY_COMPARE(window->fileModel()->index(0, FileListModel::StateColumn).data().toString(),
                 QStringLiteral("counting"));
    QTest::mouseClick(window->cardFor(job)->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Cancelled, PromptMs);
    const QAbstractItemModel *files = window->filesView()->model();
    QTRY_COMPARE(files->index(0, FileListModel::StateColumn).data().toString(),
                 QStringLiteral("not counted: cancelled"));
    QCOMPARE(files->index(0, FileListModel::DoneColumn).data().toString(), QString());
}

// Before: every input of a queued job read "0 B · waiting · 100 %".
void TestUiMonitorFiles::queuedJobInputsShowNoSizeOrProgress()
{
    const QString a = m_dir->filePath(QStringLiteral("a.txt"));
    QVERIFY(writeFile(a, "apple\n"));
    auto window = makeWindow();
    QVERIFY(window);
    window->detailTabs()->setCurrentIndex(0);
    CountJob *first = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(first));
    window->addInputs({a});
    CountJob *queued = window->startJob();
    QVERIFY(queued);
    QCOMPARE(queued->state(), CountJob::Queued);
    QCOMPARE(window->selectedCard(), window->cardFor(queued));
    const QAbstractItemModel *files = window->filesView()->model();
    QTRY_COMPARE(files->rowCount(), 1);
    QCOMPARE(files->index(0, FileListModel::SizeColumn).data().toString(), QString());
    QCOMPARE(files->index(0, FileListModel::StateColumn).data().toString(),
             QStringLiteral("queued"));
    QCOMPARE(files->index(0, FileListModel::DoneColumn).data().toString(), QString());
    window->queue()->cancelAll();
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), CountJob::Cancelled, PromptMs);
}

QTEST_MAIN(TestUiMonitorFiles)
#include "tst_ui_monitor_files.moc"
