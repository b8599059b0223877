// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop monitor, driven through its real widgets on the offscreen platform, from inputs to
// results: inputs from the dialog path and a drop, Start, per-phase bars, the results table,
// problem files listed with their reasons, and a second job queued until the first ends.

#include "core/format/progressformat.h"
#include "core/text/localpath.h"
#include "tests/ui/monitor/monitortesthelpers.h"
#include "ui/monitor/elidedlabel.h"
#include "ui/monitor/filelistmodel.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobqueue.h"
#include "ui/monitor/progressscale.h"

#include <QAbstractItemView>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTableView>
#include <QUrl>

#include <fcntl.h>
#include <unistd.h>

using namespace MonitorTest;

namespace {

// The three small files of the basic run, their words known by hand: Words mode lowercases and
// applies NFC, so "Élan" and a decomposed "élan" are one word.
struct SmallInputs
{
    QString a, b, c;

    static Counts expected()
    {
        return {{QStringLiteral("apple"), 5},
                {QStringLiteral("banana"), 3},
                {QString::fromUtf8("\xC3\xA9lan"), 2},
                {QStringLiteral("cherry"), 1},
                {QStringLiteral("date"), 1}};
    }
    static constexpr quint64 TotalWords = 12;
};

SmallInputs writeSmallInputs(const QTemporaryDir &dir)
{
    SmallInputs in {dir.filePath(QStringLiteral("a.txt")), dir.filePath(QStringLiteral("b.txt")),
                    dir.filePath(QStringLiteral("c.txt"))};
    const bool ok = writeFile(in.a, "apple banana apple\ncherry, apple. Banana!\n")
        && writeFile(in.b, "Banana APPLE date\n")
        && writeFile(in.c, "\xC3\x89lan e\xCC\x81lan apple\n");
    if (!ok)
        qFatal("cannot write the test inputs in %s", qPrintable(dir.path()));
    return in;
}

// Drops \a paths on \a window as a file manager would: drag enter, then drop.
void dropFiles(QWidget *window, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    mime.setUrls(urls);
    const QPointF pos = QRectF(window->rect()).center();
    QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &drop);
    QVERIFY(drop.isAccepted());
}

} // namespace

class TestUiMonitorRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initMonitorTestCase(m_config); }
    void init();
    void cleanup();

    void addStartAndRead();
    void problemFilesAreListedWithReasons();
    void onlyProblemFilesFailTheJob();
    void secondJobQueuesUntilFirstEnds();
    void droppedLatin1NameIsCounted();
    void cardNamesTheFileBeingRead();
    void mergeBarCountsBytesAsCountBarDoes();

private:
    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUiMonitorRun::init()
{
    QSettings().clear(); // every test starts from a first run
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUiMonitorRun::cleanup()
{
    m_dir.reset();
}

void TestUiMonitorRun::addStartAndRead()
{
    const SmallInputs in = writeSmallInputs(*m_dir);
    auto window = makeWindow();
    QVERIFY(window);
    QPushButton *start = window->options()->startButton();
    QCOMPARE(start->objectName(), QStringLiteral("startButton"));
    QVERIFY(!start->isEnabled()); // nothing to count yet

    window->addInputs({in.a, in.b}); // what the Open Files dialog and the command line do
    dropFiles(window.get(), {in.c});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(window->options()->inputs(), QStringList({in.a, in.b, in.c}));
    QVERIFY(start->isEnabled());

    QSignalSpy added(window->queue(), &JobQueue::jobAdded);
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(added.count(), 1);
    CountJob *job = window->queue()->jobs().value(0);
    QVERIFY(job);
    QCOMPARE(job->spec().paths, QStringList({in.a, in.b, in.c}));
    QVERIFY(window->options()->inputs().isEmpty()); // the next job starts from scratch
    JobCard *card = window->cardFor(job);
    QVERIFY(card);
    QCOMPARE(window->selectedCard(), card);

    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Done, WorkTimeoutMs);
    const char *barNames[] = {"scanBar", "mapBar", "reduceBar", "finalizeBar"};
    for (int phase = 0; phase < 4; ++phase) {
        QProgressBar *bar = card->phaseBar(phase);
        QCOMPARE(bar->objectName(), QLatin1String(barNames[phase]));
        QCOMPARE(card->findChild<QProgressBar *>(QLatin1String(barNames[phase])), bar);
        QCOMPARE(bar->maximum(), ProgressScale::Steps);
        QTRY_COMPARE(bar->value(), bar->maximum());
    }
    QTRY_COMPARE(card->stateText(), QStringLiteral("Done"));
    // Per-phase times once done.
    QVERIFY2(card->statusText().contains(QStringLiteral("scan "))
                 && card->statusText().contains(QStringLiteral("count "))
                 && card->statusText().contains(QStringLiteral("sort ")),
             qPrintable(card->statusText()));
    QVERIFY(!card->pauseButton()->isEnabled());
    QVERIFY(!card->cancelButton()->isEnabled());

    // The results table holds the counts known by hand, in rank order.
    QCOMPARE(window->resultsView()->model(), window->resultsModel());
    QTRY_COMPARE(tableCounts(window->resultsModel()), SmallInputs::expected());
    const ResultsModel *results = window->resultsModel();
    for (int row = 0; row < results->rowCount(); ++row)
        QCOMPARE(results->index(row, ResultsModel::RankColumn).data(Qt::EditRole).toInt(), row + 1);
    QCOMPARE(results->index(0, ResultsModel::ShareColumn).data(Qt::EditRole).toDouble(),
             100.0 * 5 / SmallInputs::TotalWords);
    QCOMPARE(job->result()->totals.words, SmallInputs::TotalWords);

    // Every file is listed as done, with its words.
    const QList<FileReport> files = window->fileModel()->reports();
    QCOMPARE(files.size(), 3);
    for (const FileReport &report : files)
        QCOMPARE(report.status, FileReport::Counted);
    QCOMPARE(window->fileModel()->problemCount(), 0);
}

void TestUiMonitorRun::problemFilesAreListedWithReasons()
{
    const SmallInputs in = writeSmallInputs(*m_dir);
    const QString missing = m_dir->filePath(QStringLiteral("missing.txt"));
    const QString binary = m_dir->filePath(QStringLiteral("image.bin"));
    QVERIFY(writeFile(binary, QByteArray("GIF89a\0\0\x01\x02", 10)));

    auto window = makeWindow();
    QVERIFY(window);
    window->addInputs({in.a, missing, binary});
    QTest::mouseClick(window->options()->startButton(), Qt::LeftButton);
    CountJob *job = window->queue()->jobs().value(0);
    QVERIFY(job);
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Done, WorkTimeoutMs);

    // Nothing dropped silently: every input has a row, the bad ones with their reasons.
    const FileListModel *files = window->fileModel();
    QTRY_COMPARE(files->rowCount(), 3);
    QCOMPARE(files->problemCount(), 2);
    bool sawMissing = false;
    bool sawBinary = false;
    for (int row = 0; row < files->rowCount(); ++row) {
        const FileReport &r = files->reports().at(row);
        const QString state = files->index(row, FileListModel::StateColumn).data().toString();
        const QString tip
            = files->index(row, FileListModel::NameColumn).data(Qt::ToolTipRole).toString();
        if (r.path() == missing) {
            sawMissing = true;
            QCOMPARE(r.status, FileReport::Skipped);
            QCOMPARE(ProgressFormat::problemText(r), QStringLiteral("no such file or folder"));
            QCOMPARE(state, QStringLiteral("error: no such file or folder"));
            QVERIFY(tip.contains(ProgressFormat::problemText(r)));
        } else if (r.path() == binary) {
            sawBinary = true;
            QCOMPARE(r.status, FileReport::Skipped);
            QVERIFY2(ProgressFormat::problemText(r).startsWith(QStringLiteral("binary file")),
                     qPrintable(ProgressFormat::problemText(r)));
            QCOMPARE(state, QStringLiteral("skipped: ") + ProgressFormat::problemText(r));
            QVERIFY(tip.contains(ProgressFormat::problemText(r)));
        } else {
            QCOMPARE(r.path(), in.a);
            QCOMPARE(r.status, FileReport::Counted);
            QCOMPARE(r.words, quint64(6));
        }
        QCOMPARE(!files->index(row, FileListModel::NameColumn).data(Qt::DecorationRole).isNull(),
                 true);
    }
    QVERIFY(sawMissing && sawBinary);

    // The job card shows the count of problems, and clicking it shows the file list.
    JobCard *card = window->cardFor(job);
    auto *problems = card->findChild<QPushButton *>(QStringLiteral("problemsButton"));
    QVERIFY(problems);
    QVERIFY(problems->isVisible());
    QCOMPARE(problems->text(), QStringLiteral("2 problems"));
    window->detailTabs()->setCurrentIndex(1);
    QTest::mouseClick(problems, Qt::LeftButton);
    QCOMPARE(window->detailTabs()->currentIndex(), 0);
    QVERIFY(window->detailTabs()->tabText(0).contains(QStringLiteral("2 problems")));
    QCOMPARE(job->result()->totals.filesSkipped, 2);
}

void TestUiMonitorRun::onlyProblemFilesFailTheJob()
{
    const QString missing = m_dir->filePath(QStringLiteral("gone.txt"));
    auto window = makeWindow();
    QVERIFY(window);
    window->addInputs({missing});
    QTest::mouseClick(window->options()->startButton(), Qt::LeftButton);
    CountJob *job = window->queue()->jobs().value(0);
    QVERIFY(job);
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Failed, WorkTimeoutMs);
    JobCard *card = window->cardFor(job);
    QTRY_COMPARE(card->stateText(), QStringLiteral("Failed"));
    QVERIFY(!job->result());
    QCOMPARE(window->resultsModel()->rowCount(), 0);
    QTRY_COMPARE(window->fileModel()->rowCount(), 1);
    QCOMPARE(window->fileModel()->reports().at(0).status, FileReport::Skipped);
    QCOMPARE(ProgressFormat::problemText(window->fileModel()->reports().at(0)),
             QStringLiteral("no such file or folder"));
    QVERIFY(!card->statusText().isEmpty());
}

void TestUiMonitorRun::secondJobQueuesUntilFirstEnds()
{
    const SmallInputs in = writeSmallInputs(*m_dir);
    auto window = makeWindow();
    QVERIFY(window);
    CountJob *first = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(first));

    window->addInputs({in.a, in.b, in.c});
    QTest::mouseClick(window->options()->startButton(), Qt::LeftButton);
    QCOMPARE(window->queue()->jobs().size(), 2);
    CountJob *second = window->queue()->jobs().at(1);
    JobCard *secondCard = window->cardFor(second);
    QVERIFY(secondCard);
    QCOMPARE(second->state(), CountJob::Queued);
    QCOMPARE(secondCard->stateText(), QStringLiteral("Queued"));
    QVERIFY(!secondCard->pauseButton()->isEnabled());
    QVERIFY(secondCard->cancelButton()->isEnabled());
    QCOMPARE(secondCard->phaseBar(1)->value(), 0);

    // The second job must not start while the first runs.
    bool startedBeforeFirstEnded = false;
    connect(second, &CountJob::stateChanged, this, [&](CountJob::State s) {
        if (s != CountJob::Queued && !first->isFinished())
            startedBeforeFirstEnded = true;
    });
    QTest::mouseClick(window->cardFor(first)->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), CountJob::Cancelled, PromptMs);
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), CountJob::Done, WorkTimeoutMs);
    QVERIFY(!startedBeforeFirstEnded);
    QCOMPARE(secondCard->stateText(), QStringLiteral("Done"));
    QCOMPARE(window->selectedCard(), secondCard);
    QTRY_COMPARE(tableCounts(window->resultsModel()), SmallInputs::expected());
}

// Issue 11: a job of several files did not say which one it was reading.
void TestUiMonitorRun::cardNamesTheFileBeingRead()
{
    QStringList paths;
    for (const char *name : {"uno.txt", "dos.txt"}) {
        paths << m_dir->filePath(QString::fromLatin1(name));
        QVERIFY(writeFile(paths.constLast(), QByteArray("palabra ").repeated(1 << 20)));
    }
    auto window = makeWindow();
    QVERIFY(window);
    window->options()->setChunkSize(64 * 1024);
    window->addInputs(paths);
    QTest::mouseClick(window->options()->startButton(), Qt::LeftButton);
    CountJob *job = window->queue()->jobs().constFirst();
    // Paused as soon as a map call names its file. The two files take less time than a progress
    // report's interval: waiting for a report of counted bytes could find the job done instead.
    // The events run, for the job to leave its scan, but nothing waits between two looks.
    QElapsedTimer clock;
    clock.start();
    while (job->currentFile().nativePath.isEmpty() && !job->isFinished()
           && clock.elapsed() < WorkTimeoutMs)
        QCoreApplication::processEvents();
    job->setPaused(true);
    QVERIFY(!job->isFinished());
    const auto resume = qScopeGuard([job] { job->cancel(); });
    JobCard *card = window->cardFor(job);
    QTRY_VERIFY(card->readingLabel()->isVisible());
    const QString reading = card->readingLabel()->text();
    QVERIFY2(reading == QStringLiteral("Reading uno.txt")
                 || reading == QStringLiteral("Reading dos.txt"),
             qPrintable(reading));
    QVERIFY(paths.contains(card->readingLabel()->toolTip()));
    job->cancel();
    QTRY_VERIFY(job->isFinished());
    QVERIFY(!card->readingLabel()->isVisible());
}

// Before: a file manager's URL for "caf\xE9.txt" (file:///…/caf%E9.txt) became "caf\uFFFD.txt",
// which no call could open: the job failed with "no such file or folder".
void TestUiMonitorRun::droppedLatin1NameIsCounted()
{
    const QByteArray native = QFile::encodeName(m_dir->path()) + "/caf\xe9.txt";
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QVERIFY(fd >= 0);
    const QByteArray text = "leche con leche\n";
    QCOMPARE(::write(fd, text.constData(), size_t(text.size())), ssize_t(text.size()));
    QCOMPARE(::close(fd), 0);
    // QTemporaryDir cannot remove a name that is not UTF-8 (it decodes names too).
    const auto removeFile = qScopeGuard([&native] { ::unlink(native.constData()); });

    auto window = makeWindow();
    QVERIFY(window);
    QMimeData mime;
    mime.setUrls({QUrl::fromEncoded("file://" + native.toPercentEncoding("/"))});
    const QPointF pos = QRectF(window->rect()).center();
    QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window.get(), &enter);
    QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window.get(), &drop);
    QCOMPARE(window->options()->inputs(), QStringList {LocalPath::fromNative(native)});

    CountJob *job = window->startJob();
    QVERIFY(job);
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), CountJob::Done, WorkTimeoutMs);
    QCOMPARE(job->result()->totals.words, quint64(3));
    const QList<FileReport> files = window->fileModel()->reports();
    QCOMPARE(files.size(), 1);
    QCOMPARE(ProgressFormat::fileName(files.first()), QStringLiteral("'caf\\351.txt'"));
}

// Issue 11: the Merge bar counted chunks while the Count bar counted bytes, so in a folder of
// mixed sizes they disagreed: with 40 small files (a chunk each) before a big one (16 chunks),
// the Merge bar stood at 73 % while the Count bar was at 6 %, reading the big file.
void TestUiMonitorRun::mergeBarCountsBytesAsCountBarDoes()
{
    QStringList paths;
    for (int i = 0; i < 40; ++i) {
        paths << m_dir->filePath(QStringLiteral("small%1.txt").arg(i, 2, 10, QLatin1Char('0')));
        QVERIFY(writeFile(paths.last(), "one small file of a few words\n"));
    }
    const QByteArray line = "the big file is read in many chunks of four mebibytes\n";
    paths << m_dir->filePath(QStringLiteral("big.txt"));
    QVERIFY(writeFile(paths.last(), line.repeated(int((qint64(64) << 20) / line.size()))));

    auto window = makeWindow();
    QVERIFY(window);
    window->options()->setChunkSize(4 << 20);
    window->addInputs(paths);
    CountJob *job = window->startJob();
    QVERIFY(job);
    JobCard *card = window->cardFor(job);
    QVERIFY(card);
    auto *countText = card->findChild<QLabel *>(QStringLiteral("mapBarText"));
    auto *mergeText = card->findChild<QLabel *>(QStringLiteral("reduceBarText"));
    QVERIFY(countText && mergeText);
    int reports = 0;
    QString ahead; // the first report whose Merge bar was ahead of its Count bar
    // Connected after the card's own slot: the bars already show this report.
    connect(job, &CountJob::progressChanged, card, [&] {
        ++reports;
        const int count = card->phaseBar(1)->value();
        const int merge = card->phaseBar(2)->value();
        // In one unit the merge is never ahead: a chunk is merged only once it is counted.
        if (ahead.isEmpty() && merge > count + 1)
            ahead = QStringLiteral("Merge bar %1 (%2) ahead of Count bar %3 (%4)")
                        .arg(merge)
                        .arg(mergeText->text())
                        .arg(count)
                        .arg(countText->text());
    });
    QSignalSpy finished(job, &CountJob::finished);
    QVERIFY(finished.wait(WorkTimeoutMs));
    QCOMPARE(job->state(), CountJob::Done);
    QVERIFY2(reports >= 3, qPrintable(QString::number(reports))); // the bars were seen moving
    QVERIFY2(ahead.isEmpty(), qPrintable(ahead));
    // Both in bytes, both whole.
    QCOMPARE(mergeText->text(), countText->text());
    QCOMPARE(job->progress().bytesMerged, job->progress().map.total);
}

QTEST_MAIN(TestUiMonitorRun)
#include "tst_ui_monitor_run.moc"
