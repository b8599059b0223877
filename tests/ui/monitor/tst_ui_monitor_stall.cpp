// SPDX-License-Identifier: GPL-3.0-or-later
// A worker that stops moving (a hung disk or network file system) must be seen as stalled, and
// the window must not wait for it (issue 11, bug 13). The workers' reads are made to hang by
// this test's own pread(), which the engine, linked in statically, calls instead of the C
// library's: reads of a file named "frozen…" past its first MiB wait while the test says so.

#include "tests/ui/monitor/monitortesthelpers.h"
#include "ui/monitor/filelistmodel.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobqueue.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QScopeGuard>
#include <QTabBar>
#include <QTabWidget>

#include <condition_variable>
#include <mutex>

#include <dlfcn.h>
#include <unistd.h>

using namespace MonitorTest;

namespace {

constexpr off_t FirstMiB = off_t(1) << 20;
// However the test ends, no read waits longer than this: a failed test must not hang.
constexpr auto LongestFreeze = std::chrono::seconds(30);

std::mutex g_mutex;
std::condition_variable g_thawed;
bool g_frozen = false;
off_t g_frozenFrom = FirstMiB; // reads from this byte on wait; 0: the scan's too

bool isFrozenFile(int fd)
{
    char link[64];
    char path[4096];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = ::readlink(link, path, sizeof path - 1);
    if (n <= 0)
        return false;
    path[n] = '\0';
    const char *slash = std::strrchr(path, '/');
    return std::strncmp(slash ? slash + 1 : path, "frozen", 6) == 0;
}

// Called by worker threads.
void waitWhileFrozen(int fd, off_t offset)
{
    if (offset < g_frozenFrom || !isFrozenFile(fd))
        return;
    std::unique_lock lock(g_mutex);
    g_thawed.wait_for(lock, LongestFreeze, [] { return !g_frozen; });
}

void setFrozen(bool frozen, off_t from = FirstMiB)
{
    {
        std::lock_guard lock(g_mutex);
        g_frozen = frozen;
        g_frozenFrom = from;
    }
    g_thawed.notify_all();
}

} // namespace

using PreadFn = ssize_t (*)(int, void *, size_t, off_t);

extern "C" ssize_t pread(int fd, void *buffer, size_t count, off_t offset)
{
    static const auto real = reinterpret_cast<PreadFn>(dlsym(RTLD_NEXT, "pread"));
    waitWhileFrozen(fd, offset);
    return real(fd, buffer, count, offset);
}

extern "C" ssize_t pread64(int fd, void *buffer, size_t count, off_t offset)
{
    static const auto real = reinterpret_cast<PreadFn>(dlsym(RTLD_NEXT, "pread64"));
    waitWhileFrozen(fd, offset);
    return real(fd, buffer, count, offset);
}

class TestUiMonitorStall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initMonitorTestCase(m_config); }
    void init();
    void cleanup();

    void frozenWorkersShowStalledAndTheWindowGoesOn();
    void frozenScanShowsStalled();

private:
    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUiMonitorStall::init()
{
    QSettings().clear(); // every test starts from a first run
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUiMonitorStall::cleanup()
{
    setFrozen(false);
    m_dir.reset();
}

// Before: with the workers stopped the card's elapsed time stopped too, "stalled" never showed,
// and a click on the Files tab waited for the workers.
void TestUiMonitorStall::frozenWorkersShowStalledAndTheWindowGoesOn()
{
    QByteArray text;
    while (text.size() < 3 * FirstMiB)
        text += "tiempo palabra word ";
    const QString path = m_dir->filePath(QStringLiteral("frozen.txt"));
    QVERIFY(writeFile(path, text));

    auto window = makeWindow();
    QVERIFY(window);
    window->options()->setChunkSize(qint64(1) << 20);
    const auto thaw = qScopeGuard([] { setFrozen(false); });
    window->addInputs({path});
    setFrozen(true);
    CountJob *job = window->startJob();
    QVERIFY(job);
    JobCard *card = window->cardFor(job);
    QVERIFY(waitUntilCounting(job)); // the first MiB is counted; every read after it hangs

    // The card says so within the stall time (plus a heartbeat or two), and the elapsed time
    // goes on meanwhile.
    const qint64 elapsedBefore = job->progress().elapsedMs;
    const QString statusBefore = card->statusText();
    QTRY_VERIFY_WITH_TIMEOUT(card->stateText().contains(QStringLiteral("stalled")),
                             int(JobCard::StallMs) + 2000);
    QVERIFY(job->progress().elapsedMs >= elapsedBefore + JobCard::StallMs);
    QVERIFY2(card->statusText() != statusBefore, qPrintable(card->statusText()));
    QVERIFY2(card->statusText().contains(QStringLiteral("stalled")),
             qPrintable(card->statusText()));

    // The Files tab answers at once, and lists the file.
    QElapsedTimer clicked;
    clicked.start();
    QTabBar *tabs = window->detailTabs()->tabBar();
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(0).center());
    QCOMPARE(window->detailTabs()->currentIndex(), 0);
    QCOMPARE(window->fileModel()->rowCount(), 1);
    QVERIFY2(clicked.elapsed() < 500, qPrintable(QString::number(clicked.elapsed())));

    // Thawed, the job moves again, the stall is over, and the job ends well.
    setFrozen(false);
    QSignalSpy finished(job, &CountJob::finished);
    QVERIFY(job->isFinished() || finished.wait(WorkTimeoutMs));
    QCOMPARE(job->state(), CountJob::Done);
    QVERIFY(!card->stateText().contains(QStringLiteral("stalled")));
}

// A scan that hangs on a file (its first bytes are read to tell the encoding) is a stall too.
void TestUiMonitorStall::frozenScanShowsStalled()
{
    const QString path = m_dir->filePath(QStringLiteral("frozen.txt"));
    QVERIFY(writeFile(path, "palabra word\n"));
    auto window = makeWindow();
    QVERIFY(window);
    // Thawed before the window goes, whatever fails: the job waits for its scan to return.
    const auto thaw = qScopeGuard([] { setFrozen(false); });
    window->addInputs({path});
    setFrozen(true, 0);
    CountJob *job = window->startJob();
    QVERIFY(job);
    JobCard *card = window->cardFor(job);
    QTRY_COMPARE(job->state(), CountJob::Scanning);
    const QString statusBefore = card->statusText();
    QTRY_VERIFY_WITH_TIMEOUT(card->stateText().contains(QStringLiteral("stalled")),
                             int(JobCard::StallMs) + 2000);
    QVERIFY2(card->statusText() != statusBefore, qPrintable(card->statusText()));
    QCOMPARE(job->state(), CountJob::Scanning);
    setFrozen(false);
    QSignalSpy finished(job, &CountJob::finished);
    QVERIFY(job->isFinished() || finished.wait(WorkTimeoutMs));
    QCOMPARE(job->state(), CountJob::Done);
    QVERIFY(!card->stateText().contains(QStringLiteral("stalled")));
}

QTEST_MAIN(TestUiMonitorStall)
#include "tst_ui_monitor_stall.moc"
