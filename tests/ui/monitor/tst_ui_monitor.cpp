// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop monitor, driven through its real widgets on the offscreen platform: inputs from
// the dialog path and a drop, Start, per-phase bars, results, Cancel, Pause/Resume, Esc, Cancel
// All, closing mid-job, problem files and the job queue.

#include "core/engine/countjob.h"
#include "core/format/englishplurals.h"
#include "core/format/progressformat.h"
#include "ui/explorer/resultsmodel.h"
#include "ui/monitor/filelistmodel.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobqueue.h"
#include "ui/monitor/mainwindow.h"
#include "ui/monitor/optionspanel.h"
#include "ui/monitor/progressscale.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>

#include <memory>

namespace {

// Generous bounds for work (a loaded 2-core machine, sometimes under AddressSanitizer); the
// behaviour bounds the spec sets (Cancelled within 1 s, closed within 1 s) stay strict.
constexpr int WorkTimeoutMs = 120000;
constexpr int PromptMs = 1000;
constexpr qint64 BigSample = 20'000'000'000; // never finishes within a test: it must be stopped
constexpr qint64 PauseSample = qint64(64) << 20;

using Counts = QList<QPair<QString, quint64>>;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// What the results table shows, read through the model as the view reads it.
Counts tableCounts(const ResultsModel *model)
{
    Counts counts;
    for (int row = 0; row < model->rowCount(); ++row) {
        counts.append(
            {model->index(row, ResultsModel::WordColumn).data().toString(),
             model->index(row, ResultsModel::CountColumn).data(Qt::EditRole).toULongLong()});
    }
    return counts;
}

Counts resultCounts(const CountResult &result)
{
    Counts counts;
    for (qsizetype i = 0; i < result.size(); ++i) {
        const QByteArrayView word = result.word(i);
        counts.append({QString::fromUtf8(word.data(), word.size()), result.count(i)});
    }
    return counts;
}

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

// Runs the event loop until \a job is counting and its map phase has moved.
bool waitUntilCounting(CountJob *job, int timeoutMs = WorkTimeoutMs)
{
    QSignalSpy progress(job, &CountJob::progressChanged);
    const QDeadlineTimer deadline(timeoutMs);
    while (!(job->state() == CountJob::Counting && job->progress().map.done > 0)) {
        if (job->isFinished() || deadline.hasExpired())
            return false;
        progress.wait(int(qBound(qint64(1), deadline.remainingTime(), qint64(100))));
    }
    return true;
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

class TestUiMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addStartAndRead();
    void cancelMidJob();
    void pauseResumeMatchesUninterruptedRun();
    void cancelWhilePaused();
    void escapeCancelsSelectedJob();
    void escapeInADropdownKeepsTheJob();
    void pressOnTitleSelectsTheCard();
    void altMnemonicsAreUnique();
    void longFileNamesDoNotWidenTheWindow();
    void firstWindowFitsTheScreen();
    void cancelledWhileQueuedSaysSo();
    void cancelAllFromToolbar();
    void closeMidJobAnswerNoKeepsRunning();
    void closeMidJobAnswerYesStopsEverything();
    void destroyWindowWithRunningAndQueuedJobs();
    void problemFilesAreListedWithReasons();
    void onlyProblemFilesFailTheJob();
    void secondJobQueuesUntilFirstEnds();

private:
    // A shown, exposed window with options fixed for repeatable runs.
    std::unique_ptr<MainWindow> makeWindow();

    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUiMonitor::initTestCase()
{
    QVERIFY(m_config.isValid());
    // Keep the window's settings out of the user's: no QSettings exists yet, so the path holds.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QCoreApplication::setOrganizationName(QStringLiteral("WordMillTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_monitor"));
    QVERIFY(QSettings().fileName().startsWith(m_config.path()));
    EnglishPlurals::install(); // as the program does: "2 problems", not "2 problem(s)"
}

void TestUiMonitor::init()
{
    QSettings().clear(); // every test starts from a first run
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUiMonitor::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestUiMonitor::makeWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->options()->setWorkers(2);
    window->options()->setMode(CountingMode::Words);
    window->options()->setChunkSize(JobSpec::DefaultChunkSize);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

void TestUiMonitor::addStartAndRead()
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

void TestUiMonitor::cancelMidJob()
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

void TestUiMonitor::pauseResumeMatchesUninterruptedRun()
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

void TestUiMonitor::cancelWhilePaused()
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

void TestUiMonitor::escapeCancelsSelectedJob()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    CountJob *first = window->startSample(BigSample);
    CountJob *second = window->startSample(BigSample);
    QVERIFY(first && second);
    JobCard *firstCard = window->cardFor(first);
    QCOMPARE(window->selectedCard(), window->cardFor(second)); // the newest job is selected
    QVERIFY(waitUntilCounting(first));
    QCOMPARE(second->state(), CountJob::Queued);

    QTest::mouseClick(firstCard, Qt::LeftButton); // select the running job
    QCOMPARE(window->selectedCard(), firstCard);
    QVERIFY(firstCard->isSelected());
    QVERIFY(!window->cardFor(second)->isSelected());

    QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : window.get();
    QTest::keyClick(focus, Qt::Key_Escape);
    QVERIFY(first->isCancelling() || first->state() == CountJob::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), CountJob::Cancelled, PromptMs);
    // Only the selected job: the queued one now runs.
    QVERIFY(!second->isCancelling());
    QTRY_VERIFY_WITH_TIMEOUT(second->state() != CountJob::Queued, PromptMs);
    QVERIFY(!second->isFinished());

    QTest::mouseClick(window->cardFor(second), Qt::LeftButton);
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window.get(),
                    Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), CountJob::Cancelled, PromptMs);
}

// Issue 11, bug 1: Esc that closes an open dropdown cancelled the running job.
void TestUiMonitor::escapeInADropdownKeepsTheJob()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    CountJob *job = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(job));

    auto *mode = window->options()->findChild<QComboBox *>();
    QVERIFY(mode);
    mode->setFocus();
    QTRY_VERIFY(mode->hasFocus());
    mode->showPopup();
    QTRY_VERIFY(mode->view()->isVisible());
    QWidget *popupFocus = QApplication::focusWidget() ? QApplication::focusWidget() : mode->view();
    QTest::keyClick(popupFocus, Qt::Key_Escape);
    QTRY_VERIFY(!mode->view()->isVisible());
    // And once more on the closed dropdown, as an impatient user does.
    QTest::keyClick(mode, Qt::Key_Escape);
    QCoreApplication::processEvents();
    QVERIFY(!job->isCancelling());
    QCOMPARE(job->state(), CountJob::Counting);
    job->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), PromptMs);
}

// Issue 11, bug 2: a press on a card's title or status line did not select the card, so Esc then
// cancelled the other (queued) job.
void TestUiMonitor::pressOnTitleSelectsTheCard()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    CountJob *first = window->startSample(BigSample);
    CountJob *second = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(first));
    JobCard *firstCard = window->cardFor(first);
    QCOMPARE(window->selectedCard(), window->cardFor(second));

    QTest::mouseClick(firstCard->titleLabel(), Qt::LeftButton);
    QCOMPARE(window->selectedCard(), firstCard);
    QVERIFY(firstCard->isSelected());
    QTest::mouseClick(window->cardFor(second)->statusLabel(), Qt::LeftButton);
    QCOMPARE(window->selectedCard(), window->cardFor(second));
    QTest::mouseClick(firstCard->titleLabel(), Qt::LeftButton);

    // The selected card is drawn in the selection colour, not greyed out.
    const QColor base = QApplication::palette().color(QPalette::Base);
    const QColor selected = firstCard->palette().color(firstCard->backgroundRole());
    const QColor other = window->cardFor(second)->palette().color(QPalette::Base);
    QCOMPARE(other, base);
    QVERIFY(selected != base);

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), CountJob::Cancelled, PromptMs);
    QVERIFY(!second->isCancelling());
    QVERIFY(!second->isFinished());
    second->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(second->isFinished(), PromptMs);
}

// The letter after '&' in a label, or 0.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) != QLatin1Char('&'))
                return text.at(i + 1).toLower();
            ++i;
        }
    }
    return {};
}

// Issue 11, bug 11: Alt+F went to the Files tab before the File menu (and C&hunk size met
// &Help, &Start met Hide &stop words). Every Alt+letter on screen must lead to one place.
void TestUiMonitor::altMnemonicsAreUnique()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->startSample(PauseSample);
    QMultiMap<QChar, QString> owners;
    const auto note = [&owners](const QString &text) {
        const QChar key = mnemonicOf(text);
        if (!key.isNull())
            owners.insert(key, text);
    };
    const QList<QAction *> menus = window->menuBar()->actions();
    for (QAction *menu : menus)
        note(menu->text());
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(window.get()) || widget->window() != window.get())
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(widget);
            button && !qobject_cast<QToolButton *>(widget))
            note(button->text());
        else if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy())
            note(label->text());
        else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                note(tabs->tabText(i));
        }
    }
    QVERIFY(owners.size() >= 8);
    const QList<QChar> keys = owners.uniqueKeys();
    for (const QChar key : keys) {
        const QStringList texts = owners.values(key);
        QVERIFY2(texts.size() == 1, qPrintable(texts.join(QStringLiteral(" | "))));
    }
}

// Issue 11, bug 3: a 230-character file name widened the window from 1300 to 2112 px, and the
// card's state, Pause and Cancel went out of view behind a horizontal scrollbar.
void TestUiMonitor::longFileNamesDoNotWidenTheWindow()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->resize(1000, 700);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const int minimumBefore = window->minimumSizeHint().width();

    const QString name = QString(226, QLatin1Char('n')) + QStringLiteral(".txt");
    const QString path = m_dir->filePath(name);
    QVERIFY(writeFile(path, "a long name\n"));
    window->addInputs({path});
    QCOMPARE(window->minimumSizeHint().width(), minimumBefore);
    QCOMPARE(window->width(), 1000);

    CountJob *job = window->startJob();
    QVERIFY(job);
    JobCard *card = window->cardFor(job);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), WorkTimeoutMs);
    QCoreApplication::processEvents();
    QCOMPARE(window->width(), 1000);
    QCOMPARE(window->minimumSizeHint().width(), minimumBefore);
    auto *area = window->findChild<QScrollArea *>(QStringLiteral("jobsPanel"));
    QVERIFY(area);
    QCOMPARE(area->horizontalScrollBar()->maximum(), 0);
    // The buttons stay inside the card, and the full path is one hover away.
    QVERIFY(card->rect().contains(
        QRect(card->cancelButton()->mapTo(card, QPoint(0, 0)), card->cancelButton()->size())));
    QVERIFY(card->titleLabel()->toolTip().contains(name));

    for (QMenu *menu : window->findChildren<QMenu *>()) {
        for (QAction *action : menu->actions())
            QVERIFY2(action->text().size() < 80, qPrintable(action->text()));
    }
}

// Issue 11, bug 12: at 200 % scale the first window opened at 2200x1440 on a 1600x1000 screen.
// The offscreen screen is 800x600, smaller than the default size, which plays the same part.
void TestUiMonitor::firstWindowFitsTheScreen()
{
    QSettings().remove(QStringLiteral("window/geometry"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(window.width() <= available.width() && window.height() <= available.height(),
             qPrintable(QStringLiteral("%1x%2 on %3x%4")
                            .arg(window.width())
                            .arg(window.height())
                            .arg(available.width())
                            .arg(available.height())));
    QVERIFY(window.minimumSizeHint().height() <= available.height());
    QVERIFY(window.minimumSizeHint().width() <= available.width());
}

// Issue 11, bug 5 (in part): a job cancelled while queued said "Cancelled after 0:00 at 0 B of
// 0 B", as if it had run.
void TestUiMonitor::cancelledWhileQueuedSaysSo()
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

void TestUiMonitor::cancelAllFromToolbar()
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

void TestUiMonitor::closeMidJobAnswerNoKeepsRunning()
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

void TestUiMonitor::closeMidJobAnswerYesStopsEverything()
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

void TestUiMonitor::destroyWindowWithRunningAndQueuedJobs()
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

void TestUiMonitor::problemFilesAreListedWithReasons()
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
        if (r.path == missing) {
            sawMissing = true;
            QCOMPARE(r.status, FileReport::Skipped);
            QCOMPARE(ProgressFormat::problemText(r), QStringLiteral("no such file or folder"));
            QCOMPARE(state, QStringLiteral("error: no such file or folder"));
            QVERIFY(tip.contains(ProgressFormat::problemText(r)));
        } else if (r.path == binary) {
            sawBinary = true;
            QCOMPARE(r.status, FileReport::Skipped);
            QVERIFY2(ProgressFormat::problemText(r).startsWith(QStringLiteral("binary file")),
                     qPrintable(ProgressFormat::problemText(r)));
            QCOMPARE(state, QStringLiteral("skipped: ") + ProgressFormat::problemText(r));
            QVERIFY(tip.contains(ProgressFormat::problemText(r)));
        } else {
            QCOMPARE(r.path, in.a);
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

void TestUiMonitor::onlyProblemFilesFailTheJob()
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

void TestUiMonitor::secondJobQueuesUntilFirstEnds()
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

QTEST_MAIN(TestUiMonitor)
#include "tst_ui_monitor.moc"
