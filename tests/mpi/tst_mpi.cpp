// SPDX-License-Identifier: GPL-3.0-or-later
// wordmill-mpi run by mpirun with 1 to 4 ranks prints what wordmill-cli prints on the same
// inputs: the same bytes on stdout, the same problems, a failing exit status when it should.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runProgram(const QString &program, const QStringList &arguments,
               const QStringList &environment = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &entry : environment)
        env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    // LeakSanitizer (the asan preset) reports what Open MPI keeps until exit: not ours to fix,
    // and wordmill-cli's tests check the shared code for leaks.
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               env.value(QStringLiteral("ASAN_OPTIONS"))
                   + QStringLiteral(":detect_leaks=0:verify_asan_link_order=0"));
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    Run run;
    if (!process.waitForStarted(30000) || !process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

Run runMpi(int ranks, const QStringList &arguments, const QStringList &environment = {})
{
    QStringList mpirun
        = {QStringLiteral("--oversubscribe"), QStringLiteral("-np"), QString::number(ranks)};
    if (::geteuid() == 0) // containers and CI run as root, which Open MPI refuses by default
        mpirun << QStringLiteral("--allow-run-as-root");
    for (const QString &entry : environment)
        mpirun << QStringLiteral("-x") << entry;
    return runProgram(QStringLiteral(WORDMILL_MPIRUN),
                      mpirun << QStringLiteral(WORDMILL_MPI_PATH) << arguments, environment);
}

// The problem lines each program prints, its own name taken out (mpirun adds lines of its own
// when a rank exits non-zero).
QByteArrayList problemLines(const QByteArray &err, const QByteArray &program)
{
    QByteArrayList lines;
    for (const QByteArray &line : err.split('\n')) {
        if (line.startsWith(QByteArray(program + ": ")))
            lines << line.mid(program.size());
    }
    return lines;
}

} // namespace

class TestMpi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameOutputAsTheLocalProgram_data();
    void sameOutputAsTheLocalProgram();
    void fileFailingOnOneRankIsLeftOutEverywhere_data();
    void fileFailingOnOneRankIsLeftOutEverywhere();
    void refusesStandardInputAndOtherRoles();
    void helpIsItsOwn();

private:
    QTemporaryDir m_dir;
    QString m_mixed; // a folder of texts with bad inputs among them
    QString m_clean; // texts only
};

void TestMpi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_mixed = m_dir.filePath(QStringLiteral("mixed"));
    m_clean = m_dir.filePath(QStringLiteral("clean"));
    QVERIFY(QDir().mkpath(m_mixed) && QDir().mkpath(m_clean));
    QFile quijote(QStringLiteral(WORDMILL_CORPUS_DIR "/quijote.txt"));
    QVERIFY(quijote.open(QIODevice::ReadOnly));
    const QByteArray text = quijote.read(600 * 1024);
    QByteArray utf16("\xff\xfe", 2);
    for (const QChar c : QString::fromUtf8(text.left(40000)))
        utf16.append(reinterpret_cast<const char *>(&c), 2);
    const QList<QPair<QString, QByteArray>> files = {
        {QStringLiteral("clean/quijote.txt"), text},
        {QStringLiteral("clean/tail.txt"), text.right(70000) + "\nÑandú çà\n"},
        {QStringLiteral("mixed/a.txt"), text.left(300000)},
        {QStringLiteral("mixed/binary.dat"), QByteArray("texto\0binario", 13)},
        {QStringLiteral("mixed/empty.txt"), QByteArray()},
        {QStringLiteral("mixed/utf16.txt"), utf16},
        {QStringLiteral("mixed/windows-1252.txt"), "a\xf1o ni\xf1o caf\xe9\n"},
        {QStringLiteral("mixed/z.txt"), text.mid(123457, 90000)},
    };
    for (const auto &[name, bytes] : files) {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    }
}

void TestMpi::sameOutputAsTheLocalProgram_data()
{
    QTest::addColumn<int>("ranks");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const QString missing = m_dir.filePath(QStringLiteral("missing.txt"));
    for (const int ranks : {1, 2, 3, 4}) {
        for (const char *mode : {"words", "whitespace"}) {
            const QStringList common = {QStringLiteral("--mode"), QLatin1String(mode),
                                        QStringLiteral("--threads"), QStringLiteral("1")};
            if (ranks == 1 || ranks == 4) // the bad-input rows below cover 2 and 3
                QTest::addRow("%d ranks, %s, texts", ranks, mode)
                    << ranks << (common + QStringList {m_clean}) << 0;
            QTest::addRow("%d ranks, %s, bad inputs mixed in, 4K chunks", ranks, mode)
                << ranks
                << (common
                    + QStringList {QStringLiteral("--chunk-size"), QStringLiteral("4K"), m_mixed,
                                   missing, m_clean})
                << 1;
        }
        if (ranks != 3)
            continue;
        QTest::addRow("%d ranks, json, top 50, sample", ranks)
            << ranks << QStringList {QStringLiteral("--format"),
                                     QStringLiteral("json"),
                                     QStringLiteral("--top"),
                                     QStringLiteral("50"),
                                     QStringLiteral("--sample"),
                                     QStringLiteral("300K"),
                                     QStringLiteral("--chunk-size"),
                                     QStringLiteral("16K"),
                                     m_clean}
            << 0;
    }
}

void TestMpi::sameOutputAsTheLocalProgram()
{
    QFETCH(int, ranks);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const QStringList quiet = QStringList {QStringLiteral("--quiet")} + arguments;
    const Run local = runProgram(QStringLiteral(WORDMILL_CLI_PATH), quiet);
    QCOMPARE(local.exitCode, exitCode);
    QVERIFY(local.out.size() > 100);
    const Run mpi = runMpi(ranks, quiet);
    QVERIFY2(exitCode == 0 ? mpi.exitCode == 0 : mpi.exitCode != 0, mpi.err.constData());
    QCOMPARE(mpi.out, local.out);
    QCOMPARE(problemLines(mpi.err, "wordmill-mpi"), problemLines(local.err, "wordmill-cli"));
    QCOMPARE(problemLines(local.err, "wordmill-cli").isEmpty(), exitCode == 0);
}

void TestMpi::fileFailingOnOneRankIsLeftOutEverywhere_data()
{
    QTest::addColumn<int>("ranks");
    for (const int ranks : {2, 3})
        QTest::addRow("%d ranks", ranks) << ranks;
}

void TestMpi::fileFailingOnOneRankIsLeftOutEverywhere()
{
    QFETCH(int, ranks);
    // A read error near the end of quijote.txt: with 4 KiB chunks its first chunks are counted
    // by another rank than the one that fails, which must leave its counts out all the same.
    const QStringList faults = {QStringLiteral("LD_PRELOAD=" WORDMILL_READFAULTS_PATH),
                                QStringLiteral("WORDMILL_FAULT_PATH=clean/quijote.txt"),
                                QStringLiteral("WORDMILL_FAULT_EIO_AT=600000")};
    const QStringList arguments = {QStringLiteral("--quiet"), QStringLiteral("--chunk-size"),
                                   QStringLiteral("4K"), m_clean};
    const Run local = runProgram(QStringLiteral(WORDMILL_CLI_PATH), arguments, faults);
    QCOMPARE(local.exitCode, 1);
    QVERIFY2(local.err.contains("quijote.txt"), local.err.constData());
    const Run mpi = runMpi(ranks, arguments, faults);
    QVERIFY(mpi.exitCode != 0);
    QCOMPARE(mpi.out, local.out);
    QCOMPARE(problemLines(mpi.err, "wordmill-mpi"), problemLines(local.err, "wordmill-cli"));
    // Only tail.txt is left: far fewer words than with quijote.txt.
    const Run whole = runProgram(QStringLiteral(WORDMILL_CLI_PATH), arguments);
    QVERIFY(mpi.out.size() < whole.out.size() / 2);
}

void TestMpi::refusesStandardInputAndOtherRoles()
{
    for (const QStringList &arguments :
         {QStringList {QStringLiteral("-")}, QStringList {QStringLiteral("--merge"), m_clean},
          QStringList {QStringLiteral("--map")}}) {
        const Run mpi = runMpi(2, arguments);
        QVERIFY(mpi.exitCode != 0);
        QVERIFY(mpi.out.isEmpty());
        // Said once, by rank 0, not once a rank.
        QCOMPARE(problemLines(mpi.err, "wordmill-mpi").size(), 1);
    }
}

void TestMpi::helpIsItsOwn()
{
    const Run mpi = runMpi(1, {QStringLiteral("--help")});
    QCOMPARE(mpi.exitCode, 0);
    QVERIFY2(mpi.out.contains("MPI") && mpi.out.contains("--chunk-size"), mpi.out.constData());
    // What it refuses is not offered.
    QVERIFY(!mpi.out.contains("--merge") && !mpi.out.contains("--map"));
}

QTEST_GUILESS_MAIN(TestMpi)
#include "tst_mpi.moc"
