// SPDX-License-Identifier: GPL-3.0-or-later
// wordmill-cli --checkpoint and --resume as a script uses them: killed at any moment, the run
// resumed prints what an uninterrupted one prints; a checkpoint that is cut short, damaged or
// one of whose completely counted inputs changed is said, and the count starts over; another
// changed input is said and counted again alone.

#include "core/engine/jobcheckpoint.h"
#include "tests/cli/clitesthelpers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/stat.h>
#include <utime.h>

using namespace CliTest;

namespace {

const QStringList English = {QStringLiteral("LANGUAGE=en"), QStringLiteral("LC_ALL=C")};

} // namespace

class TestCliResume final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void killedAtRandomMomentsResumes();
    void stopBySignalKeepsTheCheckpoint();
    void resumeTakesTheJobFromTheCheckpoint();
    void badCheckpointStartsOver_data();
    void badCheckpointStartsOver();
    void changedInputStartsOver_data();
    void changedInputStartsOver();
    void changedUnfinishedInputIsCountedAgainAlone_data();
    void changedUnfinishedInputIsCountedAgainAlone();
    void usageErrors_data();
    void usageErrors();

private:
    QStringList jobArguments() const;
    //! A valid checkpoint of the job, taken from a run killed once it wrote one.
    QByteArray makeCheckpoint();
    /*!
        Writes to ck() a checkpoint of the job in which input \a *complete was counted
        completely and input \a *partial only in part, taken from a run killed once it wrote
        one; false if no run gave one.
    */
    bool makeCheckpointWithCompleteAndPartial(int *complete, int *partial);
    //! Changes input \a index as \a change says ("grow", "touch", "remove"), keeping a copy
    //! that restoreInput() puts back.
    bool changeInput(int index, const QString &change);
    void restoreInput(int index);
    //! Changes input \a index as \a change says, runs the job afresh and resumed from the
    //! checkpoint, and puts the input back.
    bool runChanged(int index, const QString &change, CliRun *fresh, CliRun *resumed);
    QString ck() const { return m_dir.filePath(QStringLiteral("job.ckpt")); }

    QTemporaryDir m_dir;
    QStringList m_inputs;
    QByteArray m_expected; // the uninterrupted run's output
    qint64 m_runMs = 0; // how long it took
};

void TestCliResume::initTestCase()
{
    QVERIFY2(QFileInfo(CliPath).isExecutable(), qPrintable(CliPath));
    QVERIFY(m_dir.isValid());
    QFile corpus(CorpusDir + QStringLiteral("/quijote.txt"));
    QVERIFY(corpus.open(QIODevice::ReadOnly));
    const QByteArray text = corpus.read(400 * 1024);
    // Six files of different lengths, one of them cut in the middle of a word: a few hundred
    // 16 KiB chunks in all, so a kill lands between merges, inside files and between them.
    for (int i = 0; i < 6; ++i) {
        const QString path = m_dir.filePath(QStringLiteral("part%1.txt").arg(i));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.left(text.size() - i * 25000 - 7));
        m_inputs.append(path);
    }
    QElapsedTimer clock;
    clock.start();
    const CliRun run = runCli(jobArguments());
    m_runMs = clock.elapsed();
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.size() > 10000);
    m_expected = run.out;
}

void TestCliResume::init()
{
    QFile::remove(ck());
}

bool TestCliResume::runChanged(int index, const QString &change, CliRun *fresh, CliRun *resumed)
{
    if (!changeInput(index, change))
        return false;
    const auto restore = qScopeGuard([&] { restoreInput(index); });
    *fresh = runCli(jobArguments(), 120000, English);
    *resumed = runCli(
        QStringList {QStringLiteral("--checkpoint"), ck(), QStringLiteral("--resume"), ck()}
            + jobArguments(),
        120000, English);
    return true;
}

QStringList TestCliResume::jobArguments() const
{
    return QStringList {QStringLiteral("--threads"), QStringLiteral("2"),
                        QStringLiteral("--chunk-size"), QStringLiteral("16K")}
    + m_inputs;
}

QByteArray TestCliResume::makeCheckpoint()
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        QFile::remove(ck());
        QProcess process;
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(CliPath,
                      QStringList {QStringLiteral("--checkpoint"), ck(),
                                   QStringLiteral("--checkpoint-interval"), QStringLiteral("0.002")}
                          + jobArguments());
        if (!process.waitForStarted())
            return {};
        // Polled without the event loop: a checkpoint appears within milliseconds.
        while (process.state() == QProcess::Running && !QFileInfo::exists(ck()))
            QThread::usleep(200);
        process.kill();
        process.waitForFinished();
        QFile f(ck());
        if (f.open(QIODevice::ReadOnly))
            return f.readAll(); // a rename put it there whole
    }
    return {};
}

bool TestCliResume::makeCheckpointWithCompleteAndPartial(int *complete, int *partial)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QFile::remove(ck());
        QProcess process;
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(CliPath,
                      QStringList {QStringLiteral("--checkpoint"), ck(),
                                   QStringLiteral("--checkpoint-interval"), QStringLiteral("0.002")}
                          + jobArguments());
        if (!process.waitForStarted())
            return false;
        QByteArray kept;
        // Polled without the event loop (waitForFinished(0) sees the run end); each checkpoint
        // read is the whole of one (a rename put it there), and the first that has both kinds
        // of input is kept as it was read.
        while (kept.isEmpty() && !process.waitForFinished(0)) {
            QFile f(ck());
            if (!f.open(QIODevice::ReadOnly)) {
                QThread::usleep(200);
                continue;
            }
            const QByteArray bytes = f.readAll();
            JobCheckpoint::Error error = JobCheckpoint::NoError;
            QString reason;
            const std::shared_ptr<JobCheckpoint> cp
                = JobCheckpoint::fromBytes(bytes, &error, &reason);
            *complete = *partial = -1;
            for (int i = 0; cp && i < cp->files.size(); ++i) {
                if (cp->files.at(i).state == JobCheckpoint::File::Complete && *complete < 0)
                    *complete = i;
                if (cp->files.at(i).state == JobCheckpoint::File::Partial && *partial < 0)
                    *partial = i;
            }
            if (*complete >= 0 && *partial >= 0)
                kept = bytes;
            else
                QThread::usleep(200);
        }
        process.kill();
        process.waitForFinished();
        if (kept.isEmpty())
            continue;
        QFile f(ck());
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(kept) != kept.size())
            return false;
        return true;
    }
    return false;
}

bool TestCliResume::changeInput(int index, const QString &change)
{
    const QString path = m_inputs.at(index);
    const QString saved = path + QStringLiteral(".saved");
    QFile::remove(saved);
    if (!QFile::copy(path, saved))
        return false;
    if (change == QLatin1String("grow")) {
        QFile f(path);
        return f.open(QIODevice::Append) && f.write(" zzgrown\n") == 9;
    }
    if (change == QLatin1String("touch")) {
        // Same bytes but one, same size: only the modification time tells.
        QFile f(path);
        if (!f.open(QIODevice::ReadWrite) || !f.seek(100) || f.write("Z") != 1)
            return false;
        f.close();
        struct utimbuf times = {0, 1000000000};
        return ::utime(QFile::encodeName(path).constData(), &times) == 0;
    }
    return QFile::remove(path);
}

void TestCliResume::restoreInput(int index)
{
    const QString path = m_inputs.at(index);
    QFile::remove(path);
    QFile::rename(path + QStringLiteral(".saved"), path);
}

void TestCliResume::killedAtRandomMomentsResumes()
{
    // The seed is printed, and WORDMILL_TEST_SEED replays a failure.
    const quint32 seed = qEnvironmentVariableIsSet("WORDMILL_TEST_SEED")
        ? quint32(qEnvironmentVariableIntValue("WORDMILL_TEST_SEED"))
        : QRandomGenerator::global()->generate();
    qInfo("seed %u (WORDMILL_TEST_SEED=%u replays it); uninterrupted run %lld ms", seed, seed,
          m_runMs);
    QRandomGenerator random(seed);
    int resumed = 0;
    for (int round = 0; round < 20; ++round) {
        QFile::remove(ck());
        const int killAfterMs = int(random.bounded(quint32(std::max<qint64>(1, m_runMs))));
        QProcess process;
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(CliPath,
                      QStringList {QStringLiteral("--checkpoint"), ck(),
                                   QStringLiteral("--checkpoint-interval"), QStringLiteral("0.005")}
                          + jobArguments());
        QVERIFY(process.waitForStarted());
        process.waitForFinished(killAfterMs); // returns early if the run ends first
        process.kill(); // SIGKILL: nothing of the program runs after it
        process.waitForFinished();

        const CliRun run = runCli(
            QStringList {QStringLiteral("--checkpoint"), ck(), QStringLiteral("--resume"), ck()}
                + jobArguments(),
            120000, English);
        const QByteArray context
            = QStringLiteral("round %1, killed after %2 ms: ").arg(round).arg(killAfterMs).toUtf8()
            + run.err;
        QVERIFY2(run.exitCode == 0, context.constData());
        QVERIFY2(run.out == m_expected, context.constData());
        QVERIFY2(!QFileInfo::exists(ck()), "a job that is done removes its checkpoint");
        if (run.err.contains("resuming from"))
            ++resumed;
    }
    qInfo("%d of 20 runs resumed from a checkpoint", resumed);
    // Kills before the first checkpoint start over; about half land after it (0 of 20: one
    // chance in 10,000). stopBySignalKeepsTheCheckpoint resumes every time.
    QVERIFY2(resumed >= 1, qPrintable(QString::number(resumed)));
}

void TestCliResume::stopBySignalKeepsTheCheckpoint()
{
    bool stopped = false;
    for (int attempt = 0; attempt < 20 && !stopped; ++attempt) {
        QFile::remove(ck());
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        process.setProcessEnvironment(env);
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(CliPath,
                      QStringList {QStringLiteral("--checkpoint"), ck(),
                                   QStringLiteral("--checkpoint-interval"), QStringLiteral("0.002")}
                          + jobArguments());
        QVERIFY(process.waitForStarted());
        while (process.state() == QProcess::Running && !QFileInfo::exists(ck()))
            QThread::usleep(200);
        process.terminate(); // SIGTERM: the job is kept for later
        QVERIFY(process.waitForFinished());
        if (process.exitCode() != 128 + SIGTERM)
            continue; // it was done before the signal came
        stopped = true;
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("kept in") && err.contains("job.ckpt"), err.constData());
        QVERIFY(QFileInfo::exists(ck()));
    }
    QVERIFY(stopped);
    const CliRun run
        = runCli(QStringList {QStringLiteral("--resume"), ck()} + jobArguments(), 120000, English);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("resuming from"), run.err.constData());
    QVERIFY(run.out == m_expected);
    // It went on saving to the same file (a second kill would keep the work), and the job
    // done took the file away, as README says.
    QVERIFY2(!QFileInfo::exists(ck()), "the checkpoint outlived the job it resumed");
}

void TestCliResume::resumeTakesTheJobFromTheCheckpoint()
{
    const QByteArray checkpoint = makeCheckpoint();
    QVERIFY(!checkpoint.isEmpty());
    // No PATH and no --chunk-size: both come from the checkpoint.
    const CliRun run = runCli({QStringLiteral("--resume"), ck()}, 120000, English);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("resuming from"), run.err.constData());
    QVERIFY(run.out == m_expected);
}

void TestCliResume::badCheckpointStartsOver_data()
{
    QTest::addColumn<int>("cutAt"); // bytes kept; -1: all
    QTest::addColumn<int>("flipAt"); // a byte changed, from the end; -1: none
    QTest::addColumn<QByteArray>("replacement"); // not empty: the whole file
    QTest::addColumn<QByteArray>("reason");

    QTest::newRow("empty") << 0 << -1 << QByteArray() << QByteArray("cut short (0 bytes)");
    QTest::newRow("cut in the header") << 20 << -1 << QByteArray() << QByteArray("cut short");
    QTest::newRow("cut in the counts") << 3000 << -1 << QByteArray() << QByteArray("cut short");
    QTest::newRow("one byte changed") << -1 << 10 << QByteArray() << QByteArray("damaged");
    QTest::newRow("not a checkpoint")
        << -1 << -1 << QByteArray("word\t12\n") << QByteArray("not a WordMill checkpoint");
}

void TestCliResume::badCheckpointStartsOver()
{
    QFETCH(int, cutAt);
    QFETCH(int, flipAt);
    QFETCH(QByteArray, replacement);
    QFETCH(QByteArray, reason);
    QByteArray bytes = makeCheckpoint();
    QVERIFY(bytes.size() > 3000);
    if (cutAt >= 0)
        bytes.truncate(cutAt);
    if (flipAt >= 0)
        bytes[bytes.size() - flipAt] = char(bytes.at(bytes.size() - flipAt) ^ 0x20);
    if (!replacement.isEmpty())
        bytes = replacement;
    QFile f(ck());
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
    f.close();

    const CliRun run = runCli(
        QStringList {QStringLiteral("--checkpoint"), ck(), QStringLiteral("--resume"), ck()}
            + jobArguments(),
        120000, English);
    QCOMPARE(run.exitCode, 0);
    // The file and the reason, and what happens.
    QVERIFY2(run.err.contains("job.ckpt") && run.err.contains(reason)
                 && run.err.contains("counting from the start"),
             run.err.constData());
    QVERIFY(run.out == m_expected);

    // Without the inputs there is nothing to start over with.
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
    f.close();
    const CliRun alone = runCli({QStringLiteral("--resume"), ck()}, 120000, English);
    QCOMPARE(alone.exitCode, 2);
    QVERIFY2(alone.err.contains(reason) && alone.err.contains("give the inputs"),
             alone.err.constData());
    QVERIFY(alone.out.isEmpty());
}

void TestCliResume::changedInputStartsOver_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QByteArray>("said");
    QTest::newRow("grown") << "grow" << QByteArray(" changed size");
    QTest::newRow("same size, modified") << "touch" << QByteArray(" was modified");
    QTest::newRow("removed") << "remove" << QByteArray(" is gone");
}

void TestCliResume::changedInputStartsOver()
{
    // A file counted completely: its counts are in the one merged table with the others'.
    QFETCH(QString, change);
    QFETCH(QByteArray, said);
    int complete = -1;
    int partial = -1;
    QVERIFY(makeCheckpointWithCompleteAndPartial(&complete, &partial));
    CliRun fresh;
    CliRun run;
    QVERIFY(runChanged(complete, change, &fresh, &run));
    const QByteArray name = QFileInfo(m_inputs.at(complete)).fileName().toUtf8();
    QVERIFY2(run.err.contains("cannot resume from") && run.err.contains(QByteArray(name + said))
                 && run.err.contains("counted completely")
                 && run.err.contains("counting from the start"),
             run.err.constData());
    QCOMPARE(run.exitCode, fresh.exitCode); // 1 when a PATH is gone
    QVERIFY(run.out == fresh.out);
    QVERIFY(run.out != m_expected);
}

void TestCliResume::changedUnfinishedInputIsCountedAgainAlone_data()
{
    changedInputStartsOver_data();
}

void TestCliResume::changedUnfinishedInputIsCountedAgainAlone()
{
    // A file merged in part: its chunks are dropped and it is counted again; the rest of the
    // checkpoint is kept.
    QFETCH(QString, change);
    QFETCH(QByteArray, said);
    int complete = -1;
    int partial = -1;
    QVERIFY(makeCheckpointWithCompleteAndPartial(&complete, &partial));
    CliRun fresh;
    CliRun run;
    QVERIFY(runChanged(partial, change, &fresh, &run));
    const QByteArray name = QFileInfo(m_inputs.at(partial)).fileName().toUtf8();
    QVERIFY2(run.err.contains("resuming from") && run.err.contains(QByteArray(name + said))
                 && !run.err.contains("counting from the start"),
             run.err.constData());
    QCOMPARE(run.exitCode, fresh.exitCode); // 1 when a PATH is gone
    // Byte for byte what a run of the inputs as they are now prints.
    QVERIFY(run.out == fresh.out);
    QVERIFY(run.out != m_expected);
    QVERIFY2(!QFileInfo::exists(ck()), "a job that is done removes its checkpoint");
}

void TestCliResume::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("said");
    QTest::newRow("standard input") << QStringList {QStringLiteral("--checkpoint"),
                                                    QStringLiteral("x.ckpt"), QStringLiteral("-")}
                                    << QByteArray("standard input cannot be read again");
    QTest::newRow("interval alone") << QStringList {QStringLiteral("--checkpoint-interval"),
                                                    QStringLiteral("1"), QStringLiteral("a.txt")}
                                    << QByteArray("applies to --checkpoint and --resume only");
    QTest::newRow("interval not a number")
        << QStringList {QStringLiteral("--checkpoint"), QStringLiteral("x.ckpt"),
                        QStringLiteral("--checkpoint-interval"), QStringLiteral("soon"),
                        QStringLiteral("a.txt")}
        << QByteArray("needs a number of seconds");
    QTest::newRow("with --merge") << QStringList {
        QStringLiteral("--merge"), QStringLiteral("--resume"), QStringLiteral("x.ckpt"),
        QStringLiteral("a.tsv")} << QByteArray("--resume does not apply");
}

void TestCliResume::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, said);
    const CliRun run = runCli(arguments, 120000, English, QByteArray(""));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(said), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliResume)
#include "tst_cli_resume.moc"
