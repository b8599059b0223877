// SPDX-License-Identifier: GPL-3.0-or-later
// Read errors under the real wordmill-cli. The readfaults library (readfaults.c), preloaded into
// the program, fails or shortens the reads of chosen files: a file that cannot be read is left
// out with its reason while the others are counted as if it had not been given, and reads that
// come up short or are interrupted change nothing at all. Each run is compared with a run of the
// program without the library.

#include "tests/cli/clitesthelpers.h"
#include "tests/common/testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {

using namespace CliTest;
using TestFiles::writeFile;

const QString ReadFaultsPath = QStringLiteral(WORDMILL_READFAULTS_PATH);

// The rows compare messages, so they are in English whatever the machine's language.
const QStringList English = {QStringLiteral("LANGUAGE=en"), QStringLiteral("LANG=C.UTF-8"),
                             QStringLiteral("LC_ALL="), QStringLiteral("LC_MESSAGES=")};

// big.txt spans many chunks past the 64 KiB that the scan reads of every file.
constexpr qsizetype BigSize = 160 * 1024;
const QString ChunkSize = QStringLiteral("4K");

const QString ScanEio = QStringLiteral("read error: Input/output error");
QString countingEio(qint64 offset)
{
    return QStringLiteral("read error at byte %1: Input/output error").arg(offset);
}

// The faults of one run, as readfaults.c describes them; -1 or 0: off.
struct Faults
{
    QString path; // the files affected: those whose path contains it
    qint64 eioAt = -1;
    int shortReads = 0;
    int eintrEvery = 0;
};

// What readfaults did in one run, from its report.
struct Injected
{
    bool reported = false;
    qint64 reads = 0;
    qint64 eintr = 0;
    qint64 shortReads = 0;
    qint64 eio = 0;
};

// ASCII words only, some capitalised, some with an apostrophe or a full stop: every chunk then
// starts reading exactly at its first byte, which a read error's message names.
QByteArray asciiText(qsizetype size)
{
    static const char *const syllables[]
        = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "do", "fu", "gi"};
    quint32 state = 20240601;
    const auto next = [&state] {
        state = state * 1103515245u + 12345u;
        return state >> 16;
    };
    QByteArray text;
    while (text.size() < size) {
        QByteArray word;
        for (quint32 n = 1 + next() % 4; n > 0; --n)
            word += syllables[next() % 12];
        if (next() % 10 == 0)
            word[0] = char(word.at(0) - 'a' + 'A');
        if (next() % 15 == 0)
            word += "'s";
        text += word;
        text += next() % 12 == 0 ? ".\n" : " ";
    }
    text.truncate(size);
    return text;
}

// SmallText and more words in UTF-16LE behind its byte-order mark.
QByteArray utf16Text()
{
    const QString text = QString::fromUtf8(SmallText + asciiText(2000)).repeated(4);
    QByteArray bytes("\xFF\xFE");
    for (const QChar c : text) {
        const char16_t unit = qToLittleEndian(c.unicode());
        bytes.append(reinterpret_cast<const char *>(&unit), 2);
    }
    return bytes;
}

// The sanitizer runtimes wordmill-cli links, from ldd. ASan checks that its runtime is the first
// library loaded and stops the program otherwise, so they are preloaded before readfaults.
QStringList sanitizerRuntimes()
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {CliPath});
    if (!ldd.waitForFinished(30000))
        return {};
    static const QRegularExpression runtime(
        QStringLiteral(R"(^\s*lib(?:a|hwa|l|t|ub)san\.so\S*\s+=>\s+(\S+))"),
        QRegularExpression::MultilineOption);
    QStringList runtimes;
    for (auto it = runtime.globalMatch(QString::fromLocal8Bit(ldd.readAllStandardOutput()));
         it.hasNext();)
        runtimes << it.next().captured(1);
    return runtimes;
}

} // namespace

class TestReadFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void unreadableFileIsLeftOut_data();
    void unreadableFileIsLeftOut();
    void retriedReadsChangeNothing_data();
    void retriedReadsChangeNothing();
    void unreadableResultIsLeftOut_data();
    void unreadableResultIsLeftOut();
    void retriedResultReadsChangeNothing_data();
    void retriedResultReadsChangeNothing();

private:
    CliRun runClean(const QStringList &arguments) const;
    CliRun runFaulty(const QStringList &arguments, const Faults &faults, Injected *injected) const;

    QTemporaryDir m_tempDir;
    QString m_dir; // m_tempDir's path without links, as readfaults sees the files' paths
    QString m_preload; // LD_PRELOAD of the faulty runs
    QString m_big;
    QStringList m_texts; // big.txt first
    QStringList m_results; // one result file per text: TSV, JSON, TSV
};

void TestReadFaults::initTestCase()
{
    QVERIFY2(QFileInfo(CliPath).isExecutable(), qPrintable(CliPath));
    QVERIFY2(QFileInfo::exists(ReadFaultsPath), qPrintable(ReadFaultsPath));
    if (!QFileInfo(QStringLiteral("/proc/self/fd")).isDir())
        QSKIP("readfaults tells files by /proc/self/fd, and /proc is not mounted");
    QVERIFY(m_tempDir.isValid());
    m_dir = QFileInfo(m_tempDir.path()).canonicalFilePath();
    const QDir dir(m_dir);

    m_big = dir.filePath(QStringLiteral("big.txt"));
    const QString small = dir.filePath(QStringLiteral("small.txt"));
    const QString utf16 = dir.filePath(QStringLiteral("utf16.txt"));
    QVERIFY(writeFile(m_big, asciiText(BigSize)));
    QVERIFY(writeFile(small, SmallText.repeated(100)));
    QVERIFY(writeFile(utf16, utf16Text()));
    m_texts = {m_big, small, utf16};

    const QStringList formats
        = {QStringLiteral("tsv"), QStringLiteral("json"), QStringLiteral("tsv")};
    for (qsizetype i = 0; i < m_texts.size(); ++i) {
        const CliRun run = runClean(
            {QStringLiteral("--quiet"), QStringLiteral("--format"), formats.at(i), m_texts.at(i)});
        QCOMPARE(run.exitCode, 0);
        m_results << dir.filePath(QStringLiteral("result%1.%2").arg(i).arg(formats.at(i)));
        QVERIFY(writeFile(m_results.constLast(), run.out));
    }

    const QStringList runtimes = sanitizerRuntimes();
    m_preload = (runtimes + QStringList {ReadFaultsPath}).join(QLatin1Char(':'));
    // A run that affects no file: the program starts with the library in it, which reports.
    Injected injected;
    const CliRun probe = runFaulty({QStringLiteral("--version")},
                                   {QStringLiteral("/no file has this name/")}, &injected);
    const bool works = probe.exitCode == 0 && injected.reported;
    // Without ldd the runtimes are unknown, but ASan still says why it stopped.
    const bool sanitized = !runtimes.isEmpty() || probe.err.contains("runtime does not come first");
    if (!works && sanitized)
        QSKIP(qPrintable(QStringLiteral("wordmill-cli is built with sanitizers (%1) and does not "
                                        "run with readfaults preloaded after their runtimes: %2")
                             .arg(runtimes.isEmpty() ? QStringLiteral("ldd did not say which")
                                                     : runtimes.join(QStringLiteral(", ")),
                                  QString::fromLocal8Bit(probe.err.left(500)))));
    QVERIFY2(works, probe.err.constData());
}

CliRun TestReadFaults::runClean(const QStringList &arguments) const
{
    return runCli(arguments, 120000, English + QStringList {QStringLiteral("LD_PRELOAD=")});
}

CliRun TestReadFaults::runFaulty(const QStringList &arguments, const Faults &faults,
                                 Injected *injected) const
{
    const QString report = QDir(m_dir).filePath(QStringLiteral("readfaults-report.txt"));
    QFile::remove(report);
    // runCli unsets a variable given empty: the faults a row leaves off.
    const auto setting = [](const char *name, qint64 value, bool on) -> QString {
        return QLatin1String(name) + QLatin1Char('=') + (on ? QString::number(value) : QString());
    };
    const QStringList environment = English
        + QStringList {QStringLiteral("LD_PRELOAD=") + m_preload,
                       QStringLiteral("WORDMILL_FAULT_PATH=") + faults.path,
                       QStringLiteral("WORDMILL_FAULT_REPORT=") + report,
                       setting("WORDMILL_FAULT_EIO_AT", faults.eioAt, faults.eioAt >= 0),
                       setting("WORDMILL_FAULT_SHORT", faults.shortReads, faults.shortReads > 0),
                       setting("WORDMILL_FAULT_EINTR", faults.eintrEvery, faults.eintrEvery > 0)};
    const CliRun run = runCli(arguments, 120000, environment);

    *injected = {};
    QFile file(report);
    if (file.open(QIODevice::ReadOnly)) {
        static const QRegularExpression line(
            QStringLiteral(R"(^reads=(\d+) eintr=(\d+) short=(\d+) eio=(\d+)\n$)"));
        const QRegularExpressionMatch m = line.match(QString::fromLatin1(file.readAll()));
        if (m.hasMatch())
            *injected = {true, m.captured(1).toLongLong(), m.captured(2).toLongLong(),
                         m.captured(3).toLongLong(), m.captured(4).toLongLong()};
    }
    return run;
}

void TestReadFaults::unreadableFileIsLeftOut_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<qint64>("eioAt"); // the bad byte of big.txt
    QTest::addColumn<int>("shortReads");
    QTest::addColumn<int>("eintrEvery");
    QTest::addColumn<QString>("reason"); // what the program says of big.txt
    const QString words = QStringLiteral("words");
    const QString whitespace = QStringLiteral("whitespace");

    // Past the scan's 64 KiB, while counting: the message names where the failed read began. A
    // 4 KiB chunk reads from its first byte, and the chunk before it reads up to 4 KiB past its
    // end to finish its last word: both reads that reach the bad byte begin at the first byte of
    // its chunk, whichever worker gets there first. In words mode a chunk also reads from 24
    // bytes before its start to 4 after, so there the bad byte is kept away from a chunk's start.
    QTest::newRow("counting, words: EIO in the middle")
        << words << qint64(103400) << 0 << 0 << countingEio(102400);
    QTest::newRow("counting, whitespace: EIO in the middle")
        << whitespace << qint64(103400) << 0 << 0 << countingEio(102400);
    QTest::newRow("counting, whitespace: EIO at 64 KiB, the first byte the scan did not read")
        << whitespace << qint64(65536) << 0 << 0 << countingEio(65536);
    QTest::newRow("counting, words: EIO at the last byte")
        << words << qint64(BigSize - 1) << 0 << 0 << countingEio(BigSize - 4096);
    // A read that fails after short ones is an error, not the end of the file.
    QTest::newRow("counting, words, 7-byte reads: EIO in the middle")
        << words << qint64(103400) << 7 << 0 << countingEio(102400);
    QTest::newRow("counting, whitespace, EINTR every 2nd read: EIO in the middle")
        << whitespace << qint64(103400) << 0 << 2 << countingEio(102400);

    // In the first 64 KiB, which the scan reads to tell the encoding and binary files.
    QTest::newRow("scan, words: EIO at byte 0") << words << qint64(0) << 0 << 0 << ScanEio;
    QTest::newRow("scan, whitespace: EIO in the middle")
        << whitespace << qint64(40000) << 0 << 0 << ScanEio;
    QTest::newRow("scan, words: EIO at the last byte it reads")
        << words << qint64(65535) << 0 << 0 << ScanEio;
    QTest::newRow("scan, words, 4095-byte reads: EIO in the middle")
        << words << qint64(40000) << 4095 << 0 << ScanEio;
    QTest::newRow("scan, whitespace, 4095-byte reads, EINTR every 3rd: EIO in the middle")
        << whitespace << qint64(40000) << 4095 << 3 << ScanEio;
}

// A file with a bad byte is left out, named with the reason; the others are counted as if it
// had not been given, and the exit status says that something was left out.
void TestReadFaults::unreadableFileIsLeftOut()
{
    QFETCH(QString, mode);
    QFETCH(qint64, eioAt);
    QFETCH(int, shortReads);
    QFETCH(int, eintrEvery);
    QFETCH(QString, reason);
    const QStringList options = {QStringLiteral("--quiet"), QStringLiteral("--mode"), mode,
                                 QStringLiteral("--chunk-size"), ChunkSize};
    const CliRun others = runClean(options + m_texts.mid(1));
    QCOMPARE(others.exitCode, 0);
    QVERIFY(!others.out.isEmpty());

    Injected injected;
    const CliRun run
        = runFaulty(options + m_texts, {m_big, eioAt, shortReads, eintrEvery}, &injected);
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(QString::fromUtf8(run.err),
             QStringLiteral("wordmill-cli: %1: %2\n").arg(m_big, reason));
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, others.out);
    QVERIFY(injected.eio > 0);
    QCOMPARE(injected.shortReads > 0, shortReads > 0);
    QCOMPARE(injected.eintr > 0, eintrEvery > 0);
}

void TestReadFaults::retriedReadsChangeNothing_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("shortReads");
    QTest::addColumn<int>("eintrEvery");
    for (const QString &mode : {QStringLiteral("words"), QStringLiteral("whitespace")}) {
        const QByteArray m = mode.toLatin1();
        // 1 byte cuts every UTF-8 sequence and UTF-16 unit; 4095 bytes, one short of a block.
        QTest::addRow("%s, 1-byte reads", m.constData()) << mode << 1 << 0;
        QTest::addRow("%s, 7-byte reads", m.constData()) << mode << 7 << 0;
        QTest::addRow("%s, 4095-byte reads", m.constData()) << mode << 4095 << 0;
        QTest::addRow("%s, EINTR every 2nd read", m.constData()) << mode << 0 << 2;
        QTest::addRow("%s, EINTR every 3rd read", m.constData()) << mode << 0 << 3;
        QTest::addRow("%s, 7-byte reads, EINTR every 2nd", m.constData()) << mode << 7 << 2;
    }
}

// Short and interrupted reads are retried: the output is byte for byte that of a run without
// them, on every text (ASCII, UTF-8, UTF-16) of the test.
void TestReadFaults::retriedReadsChangeNothing()
{
    QFETCH(QString, mode);
    QFETCH(int, shortReads);
    QFETCH(int, eintrEvery);
    const QStringList arguments = QStringList {QStringLiteral("--quiet"), QStringLiteral("--mode"),
                                               mode, QStringLiteral("--chunk-size"), ChunkSize}
        + m_texts;
    const CliRun clean = runClean(arguments);
    QCOMPARE(clean.exitCode, 0);
    QVERIFY(!clean.out.isEmpty());

    Injected injected;
    const CliRun run
        = runFaulty(arguments, {m_dir + QLatin1Char('/'), -1, shortReads, eintrEvery}, &injected);
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, clean.out);
    QCOMPARE(injected.shortReads > 0, shortReads > 0);
    QCOMPARE(injected.eintr > 0, eintrEvery > 0);
}

void TestReadFaults::unreadableResultIsLeftOut_data()
{
    QTest::addColumn<int>("affected"); // of the result files: 0 TSV, 1 JSON, 2 TSV
    QTest::addColumn<qint64>("eioAt"); // -1: the last byte
    QTest::addColumn<int>("shortReads");
    QTest::addColumn<int>("eintrEvery");
    QTest::newRow("TSV: EIO at byte 100") << 0 << qint64(100) << 0 << 0;
    QTest::newRow("JSON: EIO at byte 100") << 1 << qint64(100) << 0 << 0;
    QTest::newRow("TSV: EIO at the last byte") << 2 << qint64(-1) << 0 << 0;
    // The first short reads succeed: the reader must still see the error that follows them.
    QTest::newRow("TSV, 7-byte reads: EIO at the last byte") << 0 << qint64(-1) << 7 << 0;
    QTest::newRow("JSON, 7-byte reads: EIO at the last byte") << 1 << qint64(-1) << 7 << 0;
}

// --merge: a result file that cannot be read is left out, named with the reason; the others are
// merged as if it had not been given.
void TestReadFaults::unreadableResultIsLeftOut()
{
    QFETCH(int, affected);
    QFETCH(qint64, eioAt);
    QFETCH(int, shortReads);
    QFETCH(int, eintrEvery);
    const QString bad = m_results.at(affected);
    if (eioAt < 0)
        eioAt = QFileInfo(bad).size() - 1;
    const QStringList options = {QStringLiteral("--merge"), QStringLiteral("--quiet")};
    QStringList others = m_results;
    others.removeAt(affected);
    const CliRun clean = runClean(options + others);
    QCOMPARE(clean.exitCode, 0);
    QVERIFY(!clean.out.isEmpty());

    Injected injected;
    const CliRun run
        = runFaulty(options + m_results, {bad, eioAt, shortReads, eintrEvery}, &injected);
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(QString::fromUtf8(run.err),
             QStringLiteral("wordmill-cli: %1: read error: Input/output error\n").arg(bad));
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, clean.out);
    QVERIFY(injected.eio > 0);
    QCOMPARE(injected.shortReads > 0, shortReads > 0);
    QCOMPARE(injected.eintr > 0, eintrEvery > 0);
}

void TestReadFaults::retriedResultReadsChangeNothing_data()
{
    QTest::addColumn<int>("shortReads");
    QTest::addColumn<int>("eintrEvery");
    QTest::newRow("1-byte reads") << 1 << 0;
    QTest::newRow("7-byte reads") << 7 << 0;
    QTest::newRow("4095-byte reads") << 4095 << 0;
    QTest::newRow("EINTR every 2nd read") << 0 << 2;
    QTest::newRow("EINTR every 3rd read") << 0 << 3;
}

// --merge: short and interrupted reads of result files change nothing.
void TestReadFaults::retriedResultReadsChangeNothing()
{
    QFETCH(int, shortReads);
    QFETCH(int, eintrEvery);
    const QStringList arguments
        = QStringList {QStringLiteral("--merge"), QStringLiteral("--quiet")} + m_results;
    const CliRun clean = runClean(arguments);
    QCOMPARE(clean.exitCode, 0);
    QVERIFY(!clean.out.isEmpty());

    Injected injected;
    const CliRun run = runFaulty(
        arguments, {m_dir + QStringLiteral("/result"), -1, shortReads, eintrEvery}, &injected);
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(QString::fromUtf8(run.err), QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, clean.out);
    QCOMPARE(injected.shortReads > 0, shortReads > 0);
    QCOMPARE(injected.eintr > 0, eintrEvery > 0);
}

QTEST_GUILESS_MAIN(TestReadFaults)
#include "tst_readfaults.moc"
