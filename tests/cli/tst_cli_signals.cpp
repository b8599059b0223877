// SPDX-License-Identifier: GPL-3.0-or-later
// wordmill-cli and SIGINT: an interrupted run ends promptly, prints nothing and exits 130.

#include "tests/cli/clitesthelpers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace {

using namespace CliTest;

QByteArray readProc(qint64 pid, const char *name)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// True once the process has a handler for SIGINT installed (its SigCgt mask has the bit).
bool catchesSigint(qint64 pid)
{
    for (const QByteArray &line : readProc(pid, "status").split('\n')) {
        if (line.startsWith("SigCgt:")) {
            bool ok = false;
            const quint64 mask = line.mid(7).trimmed().toULongLong(&ok, 16);
            return ok && (mask & (quint64(1) << (SIGINT - 1)));
        }
    }
    return false;
}

// User plus system CPU time of the process, in clock ticks.
qint64 cpuTicks(qint64 pid)
{
    const QByteArray stat = readProc(pid, "stat");
    const qsizetype paren = stat.lastIndexOf(')');
    if (paren < 0)
        return 0;
    // After "pid (comm)": state is field 3; utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = stat.mid(paren + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return fields.at(11).toLongLong() + fields.at(12).toLongLong();
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
    QTRY_VERIFY_WITH_TIMEOUT(catchesSigint(pid) && cpuTicks(pid) >= ticksPerSecond * 3 / 10, 30000);
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
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    QCOMPARE(process.readAllStandardOutput(), QByteArray());
    QVERIFY(process.readAllStandardError().contains("interrupted"));
}

} // namespace

class TestCliSigint final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sigintInterrupts();
};

void TestCliSigint::initTestCase()
{
    QVERIFY2(QFileInfo(CliPath).isExecutable(), qPrintable(CliPath));
}

void TestCliSigint::sigintInterrupts()
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

QTEST_GUILESS_MAIN(TestCliSigint)
#include "tst_cli_sigint.moc"
