// SPDX-License-Identifier: GPL-3.0-or-later
// wordmill-cli and stop signals: SIGINT, SIGTERM and SIGHUP end a run promptly through the
// cancel path, print nothing on stdout, say why on stderr and exit 128 + the signal's number.

#include "tests/cli/clitesthelpers.h"
#include "tests/common/processprobe.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace {

using namespace CliTest;
using namespace ProcessProbe;

// What a run stopped by \a signalNumber must show: exit 128 + n, nothing on stdout, a reason.
void checkStopped(QProcess &process, int signalNumber)
{
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 128 + signalNumber);
    QCOMPARE(process.readAllStandardOutput(), QByteArray());
    const QByteArray reason = signalNumber == SIGINT ? QByteArray("wordmill-cli: interrupted")
        : signalNumber == SIGTERM ? QByteArray("wordmill-cli: stopped by SIGTERM")
                                  : QByteArray("wordmill-cli: stopped by SIGHUP");
    QVERIFY2(err.contains(QByteArray(reason + "; nothing was printed\n")), err.constData());
}

// Starts a job far too big to end, interrupts it with SIGINT once it runs, checks that it ends as
// an interrupted run must, and returns in \a latency the time from the signal to its exit.
void interruptScenario(qint64 *latency)
{
    QProcess process;
    process.start(CliPath,
                  {QStringLiteral("--sample"), QStringLiteral("50G"), QStringLiteral("--quiet")});
    QVERIFY(process.waitForStarted(30000));
    const qint64 pid = process.processId();
    QVERIFY(pid > 0);
    // Running: the handler is in place and the workers have spent 0.3 s of CPU time counting.
    const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    QTRY_VERIFY_WITH_TIMEOUT(catchesStopSignals(pid) && cpuTicks(pid) >= ticksPerSecond * 3 / 10,
                             30000);
    QCOMPARE(process.state(), QProcess::Running);

    QElapsedTimer clock;
    clock.start();
    QCOMPARE(::kill(pid_t(pid), SIGINT), 0);
    const bool finished = process.waitForFinished(30000);
    *latency = clock.elapsed();
    if (!finished) {
        process.kill();
        process.waitForFinished();
        QFAIL("wordmill-cli did not end after SIGINT");
    }
    qInfo("wordmill-cli ended %lld ms after SIGINT", *latency);
    checkStopped(process, SIGINT);
}

} // namespace

class TestCliSignals final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sigintInterrupts();
    void signalsAtRandomMoments_data();
    void signalsAtRandomMoments();
};

void TestCliSignals::initTestCase()
{
    QVERIFY2(QFileInfo(CliPath).isExecutable(), qPrintable(CliPath));
}

void TestCliSignals::sigintInterrupts()
{
    // The spec asks for 0.5 s; the bound is generous for a loaded machine and sanitizers, and a
    // slow result is measured once more: the shared CI machine sometimes stalls a process for
    // seconds, while a slow interrupt is slow every time.
    const qint64 bound = 2000;
    qint64 latency = -1;
    for (int attempt = 1; attempt <= 2; ++attempt) {
        interruptScenario(&latency);
        if (QTest::currentTestFailed() || latency < bound)
            return;
        qWarning("wordmill-cli took %lld ms to end after SIGINT; measuring again", latency);
    }
    QVERIFY2(latency < bound, qPrintable(QStringLiteral("%1 ms, twice in a row").arg(latency)));
}

void TestCliSignals::signalsAtRandomMoments_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QStringList>("arguments");
    const QStringList count
        = {QStringLiteral("--sample"), QStringLiteral("50G"), QStringLiteral("--quiet")};
    const QStringList withProgress
        = {QStringLiteral("--sample"), QStringLiteral("50G"), QStringLiteral("--progress")};
    QTest::newRow("SIGINT") << SIGINT << count;
    QTest::newRow("SIGTERM") << SIGTERM << count;
    QTest::newRow("SIGHUP") << SIGHUP << count;
    QTest::newRow("SIGTERM, progress on") << SIGTERM << withProgress;
}

// Twenty runs per signal, each stopped at a random moment from start-up (handlers just in
// place, the event loop maybe not running yet) through the scan to the middle of counting.
void TestCliSignals::signalsAtRandomMoments()
{
    QFETCH(int, signalNumber);
    QFETCH(QStringList, arguments);
    QRandomGenerator random(quint32(signalNumber) * 7919u);
    for (int run = 0; run < 20; ++run) {
        QProcess process;
        process.start(CliPath, arguments);
        QVERIFY(process.waitForStarted(30000));
        const qint64 pid = process.processId();
        QTRY_VERIFY_WITH_TIMEOUT(catchesStopSignals(pid), 30000);
        const int delayMs = random.bounded(400);
        if (delayMs > 0)
            QTest::qSleep(delayMs);
        QCOMPARE(::kill(pid_t(pid), signalNumber), 0);
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
            QFAIL(qPrintable(QStringLiteral("run %1 did not end after the signal").arg(run)));
        }
        checkStopped(process, signalNumber);
        if (QTest::currentTestFailed()) {
            qWarning("run %d, signal sent %d ms after the handlers were in place", run, delayMs);
            return;
        }
    }
}

QTEST_GUILESS_MAIN(TestCliSignals)
#include "tst_cli_signals.moc"
