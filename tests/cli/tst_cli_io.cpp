// SPDX-License-Identifier: GPL-3.0-or-later
// wordmill-cli in pipelines: -o FILE written whole or not at all, --files0-from, --merge -.

#include "tests/cli/clitesthelpers.h"
#include "tests/common/testfiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using namespace CliTest;
using TestFiles::writeFile;

// SmallWords with every count doubled: SmallText counted twice.
QByteArray doubledSmallWords()
{
    QByteArray doubled;
    for (const QByteArray &line : SmallWords.split('\n')) {
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split('\t');
        doubled += fields.at(0) + '\t' + QByteArray::number(2 * fields.at(1).toInt()) + '\n';
    }
    return doubled;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

// The names in \a dir, hidden ones too: a temporary file left behind shows here.
QStringList namesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

} // namespace

class TestCliIo final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void outputFileHoldsTheResult();
    void outputFileKeepsItsMode();
    void outputFileUntouchedWhenNothingIsCounted();
    void outputThroughSymbolicLinkReplacesItsTarget();
    void outputToFifoIsWrittenIntoIt();
    void outputFileThatCannotBeWrittenIsSaidAtOnce_data();
    void outputFileThatCannotBeWrittenIsSaidAtOnce();
    void filesFromNulSeparatedList_data();
    void filesFromNulSeparatedList();
    void filesFromListWithEmptyNameExitsOne();
    void filesFromListUsageErrors_data();
    void filesFromListUsageErrors();
    void mergeReadsStandardInput();
    void standardInputIsCountedLikeAFile_data();
    void standardInputIsCountedLikeAFile();
    void standardInputWithFiles();
    void standardInputProblemsNameIt();
    void noInputAtATerminalIsAUsageError();
    void progressForStandardInputHasNoTotal();
    void progressAsJsonLines();
    void closedStandardInputReadsAsEmpty_data();
    void closedStandardInputReadsAsEmpty();
    void interruptWhileInputIsSilent_data();
    void interruptWhileInputIsSilent();

private:
    QTemporaryDir m_dir;
    QString m_small;
};

void TestCliIo::initTestCase()
{
    QVERIFY2(QFileInfo(CliPath).isExecutable(), qPrintable(CliPath));
    QVERIFY(m_dir.isValid());
    m_small = m_dir.filePath(QStringLiteral("small.txt"));
    QVERIFY(writeFile(m_small, SmallText));
}

void TestCliIo::outputFileHoldsTheResult()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString file = out.filePath(QStringLiteral("result.tsv"));
    const CliRun run = runCli({QStringLiteral("-o"), file, m_small});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray()); // nothing on stdout
    QCOMPARE(contents(file), SmallWords);
    QCOMPARE(namesIn(out.path()), QStringList {QStringLiteral("result.tsv")});
    // A new file gets the mode any new file gets here (umask applies), not mkstemp's 0600.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0666 & ~mask));
}

void TestCliIo::outputFileKeepsItsMode()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString file = out.filePath(QStringLiteral("result.json"));
    QVERIFY(writeFile(file, "old\n"));
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0640) == 0);
    const CliRun run = runCli({QStringLiteral("--output"), file, QStringLiteral("--format"),
                               QStringLiteral("json"), m_small});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(contents(file).startsWith("{"));
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0640));
}

void TestCliIo::outputFileUntouchedWhenNothingIsCounted()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString file = out.filePath(QStringLiteral("result.tsv"));
    QVERIFY(writeFile(file, "kept\n"));
    const CliRun run
        = runCli({QStringLiteral("-o"), file, m_dir.filePath(QStringLiteral("missing.txt"))});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(contents(file), QByteArray("kept\n"));
    QCOMPARE(namesIn(out.path()), QStringList {QStringLiteral("result.tsv")}); // no leftover
}

void TestCliIo::outputThroughSymbolicLinkReplacesItsTarget()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString target = out.filePath(QStringLiteral("results/latest.tsv"));
    QVERIFY(QDir(out.path()).mkdir(QStringLiteral("results")));
    QVERIFY(writeFile(target, "old\n"));
    const QString link = out.filePath(QStringLiteral("result.tsv"));
    QVERIFY(QFile::link(QStringLiteral("results/latest.tsv"), link));
    const CliRun run = runCli({QStringLiteral("-o"), link, m_small});
    QCOMPARE(run.exitCode, 0);
    // The link stays a link, and the file it names holds the result, as with `> link`.
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(contents(target), SmallWords);
    QCOMPARE(namesIn(out.filePath(QStringLiteral("results"))),
             QStringList {QStringLiteral("latest.tsv")});
}

void TestCliIo::outputToFifoIsWrittenIntoIt()
{
    // Not /dev/null: run as root, the bug this found renamed a regular file over the device.
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString fifo = out.filePath(QStringLiteral("results.fifo"));
    const QByteArray fifoName = QFile::encodeName(fifo);
    QCOMPARE(::mkfifo(fifoName.constData(), 0600), 0);
    // Opened for reading first, without waiting for a writer, so that the program's open for
    // writing does not wait either; the small result fits in the pipe's buffer.
    const int reader = ::open(fifoName.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(reader >= 0);
    const auto closeReader = qScopeGuard([reader] { ::close(reader); });
    const CliRun run = runCli({QStringLiteral("-o"), fifo, m_small});
    QCOMPARE(run.exitCode, 0);
    QByteArray received(SmallWords.size() + 1, '\0');
    const ssize_t n = ::read(reader, received.data(), size_t(received.size()));
    QCOMPARE(n, ssize_t(SmallWords.size()));
    received.truncate(n);
    QCOMPARE(received, SmallWords);
    struct stat st;
    QCOMPARE(::lstat(fifoName.constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode));
    QCOMPARE(namesIn(out.path()), QStringList {QStringLiteral("results.fifo")});
}

void TestCliIo::outputFileThatCannotBeWrittenIsSaidAtOnce_data()
{
    QTest::addColumn<QString>("name"); // under a fresh folder
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing folder") << "nowhere/result.tsv"
                                    << "No such file or directory";
    QTest::newRow("a folder") << "."
                              << "Is a directory";
}

void TestCliIo::outputFileThatCannotBeWrittenIsSaidAtOnce()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString file = out.filePath(name);
    // An hour of counting would be wasted: the sample is never started.
    const CliRun run = runCli({QStringLiteral("-o"), file, QStringLiteral("--sample"),
                               QStringLiteral("8G"), QStringLiteral("--quiet")},
                              20000, {QStringLiteral("LANGUAGE=en"), QStringLiteral("LC_ALL=C")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    const QString err = QString::fromLocal8Bit(run.err);
    QVERIFY2(err.contains(QStringLiteral("cannot write ") + file) && err.contains(reason),
             qPrintable(err));
    QVERIFY(namesIn(out.path()).isEmpty());
}

void TestCliIo::filesFromNulSeparatedList_data()
{
    QTest::addColumn<bool>("fromStandardInput");
    QTest::newRow("list file") << false;
    QTest::newRow("standard input") << true;
}

void TestCliIo::filesFromNulSeparatedList()
{
    QFETCH(bool, fromStandardInput);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Names with a newline and with a byte that is not UTF-8: why lists are NUL-separated.
    const QByteArray folder = QFile::encodeName(dir.path());
    const QByteArray first = folder + "/two\nlines.txt";
    const QByteArray second = folder + "/caf\xe9.txt";
    for (const QByteArray &name : {first, second}) {
        FILE *f = std::fopen(name.constData(), "wb");
        QVERIFY(f);
        const QByteArray half = name == first ? SmallText.left(20) : SmallText.mid(20);
        std::fwrite(half.constData(), 1, size_t(half.size()), f);
        std::fclose(f);
    }
    // QTemporaryDir removes by decoded names, which cannot name the Latin-1 byte.
    const auto removeFiles = qScopeGuard([&first, &second] {
        ::unlink(first.constData());
        ::unlink(second.constData());
    });
    const QByteArray list = first + '\0' + second + '\0';
    CliRun run;
    if (fromStandardInput) {
        run = runCli({QStringLiteral("--files0-from"), QStringLiteral("-")}, 120000, {}, list);
    } else {
        const QString listFile = dir.filePath(QStringLiteral("list"));
        QVERIFY(writeFile(listFile, list));
        run = runCli({QStringLiteral("--files0-from=") + listFile});
    }
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, SmallWords); // what counting the text whole gives
}

void TestCliIo::filesFromListWithEmptyNameExitsOne()
{
    const QByteArray list = QFile::encodeName(m_small) + '\0' + '\0';
    const CliRun run = runCli({QStringLiteral("--files0-from"), QStringLiteral("-")}, 120000,
                              {QStringLiteral("LANGUAGE=en")}, list + QByteArray(1, '\0'));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, SmallWords); // the named file is still counted
    QVERIFY2(run.err.contains("entry 2 is an empty name"), run.err.constData());
}

void TestCliIo::filesFromListUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("list and paths")
        << QStringList {QStringLiteral("--files0-from=-"), QStringLiteral("x.txt")}
        << QByteArray("") << 2 << "give no PATH as well";
    QTest::newRow("list names stdin")
        << QStringList {QStringLiteral("--merge"), QStringLiteral("--files0-from=-")}
        << QByteArray("-\0", 2) << 2 << "cannot name '-'";
    QTest::newRow("missing list") << QStringList {QStringLiteral("--files0-from=/nonexistent/l")}
                                  << QByteArray() << 1 << "cannot read the list of inputs";
}

void TestCliIo::filesFromListUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const CliRun run = runCli(arguments, 20000, {QStringLiteral("LANGUAGE=en")}, input);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(QString::fromLocal8Bit(run.err).contains(message), run.err.constData());
}

void TestCliIo::mergeReadsStandardInput()
{
    const QString file = m_dir.filePath(QStringLiteral("small.tsv"));
    QVERIFY(writeFile(file, SmallWords));
    // Each word twice: one result on stdin, the same on disk.
    const CliRun run
        = runCli({QStringLiteral("--merge"), QStringLiteral("-"), file}, 120000, {}, SmallWords);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, doubledSmallWords());
}

void TestCliIo::standardInputIsCountedLikeAFile_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("dash"); // '-' given, or no PATH at all
    for (const bool dash : {true, false}) {
        const char *how = dash ? "'-'" : "no PATH";
        QTest::addRow("words, %s", how) << QStringList {} << dash;
        QTest::addRow("whitespace, %s", how)
            << QStringList {QStringLiteral("--mode"), QStringLiteral("whitespace")} << dash;
        QTest::addRow("small chunks, %s", how)
            << QStringList {QStringLiteral("--chunk-size"), QStringLiteral("1K"),
                            QStringLiteral("--threads"), QStringLiteral("3")}
            << dash;
    }
}

void TestCliIo::standardInputIsCountedLikeAFile()
{
    QFETCH(QStringList, options);
    QFETCH(bool, dash);
    const QString corpusFile = CorpusDir + QStringLiteral("/quijote.txt");
    QFile corpus(corpusFile);
    QVERIFY(corpus.open(QIODevice::ReadOnly));
    const QByteArray text = corpus.read(1 << 20);
    const QString file = m_dir.filePath(QStringLiteral("part.txt"));
    QVERIFY(writeFile(file, text));

    const CliRun fromFile = runCli(QStringList(options) << QStringLiteral("--quiet") << file);
    QCOMPARE(fromFile.exitCode, 0);
    QStringList streamArguments = QStringList(options) << QStringLiteral("--quiet");
    if (dash)
        streamArguments << QStringLiteral("-");
    const CliRun fromStream = runCli(streamArguments, 120000, {}, text);
    QVERIFY(fromStream.finished);
    QCOMPARE(fromStream.exitCode, 0);
    QVERIFY(!fromStream.out.isEmpty());
    QCOMPARE(fromStream.out, fromFile.out);
}

void TestCliIo::standardInputWithFiles()
{
    const CliRun run
        = runCli({m_small, QStringLiteral("-"), QStringLiteral("--quiet")}, 120000, {}, SmallText);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, doubledSmallWords());
}

void TestCliIo::standardInputProblemsNameIt()
{
    const CliRun binary = runCli({QStringLiteral("-")}, 20000, {QStringLiteral("LANGUAGE=en")},
                                 QByteArray("a\0b", 3));
    QVERIFY(binary.finished);
    QCOMPARE(binary.exitCode, 1);
    QVERIFY2(binary.err.contains("wordmill-cli: standard input: binary file"),
             binary.err.constData());

    const CliRun twice = runCli({QStringLiteral("-"), QStringLiteral("-")}, 20000,
                                {QStringLiteral("LANGUAGE=en")}, SmallText);
    QCOMPARE(twice.exitCode, 2);
    QVERIFY2(twice.err.contains("can be given once"), twice.err.constData());
}

void TestCliIo::noInputAtATerminalIsAUsageError()
{
    if (TerminalInput().name().isEmpty())
        QSKIP("no pseudo-terminal can be made here");
    // runCli() with no input gives a terminal: nothing to count, and nothing to wait for.
    const CliRun run = runCli({QStringLiteral("--quiet")}, 20000, {QStringLiteral("LANGUAGE=en")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("no input"), run.err.constData());
}

void TestCliIo::progressForStandardInputHasNoTotal()
{
    const QByteArray text = QByteArray("palabra ").repeated(1 << 18); // 2 MiB
    const CliRun run = runCli(
        {QStringLiteral("--progress"), QStringLiteral("--chunk-size"), QStringLiteral("64K")},
        60000, {QStringLiteral("LANGUAGE=en")}, text);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("palabra\t262144\n"));
    QVERIFY2(run.err.contains("Counted 262,144 words (1 distinct) in 1 file, 2.0 MiB"),
             run.err.constData());
}

void TestCliIo::progressAsJsonLines()
{
    const CliRun run = runCli({QStringLiteral("--progress=json"), QStringLiteral("--sample"),
                               QStringLiteral("3M"), QStringLiteral("--top"), QStringLiteral("1")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.err.trimmed().split('\n');
    QVERIFY(!lines.isEmpty());
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), line.constData());
    }
    const QJsonObject last = QJsonDocument::fromJson(lines.constLast()).object();
    QCOMPARE(last.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(last.value(QStringLiteral("bytesDone")).toInteger(), 3 << 20);
    QCOMPARE(last.value(QStringLiteral("bytesTotal")).toInteger(), 3 << 20);
    QVERIFY(last.value(QStringLiteral("words")).toInteger() > 0);
    const QByteArray top = run.out.split('\t').constFirst();
    QVERIFY(!top.isEmpty());

    const CliRun unknown = runCli({QStringLiteral("--progress=xml"), m_small}, 20000,
                                  {QStringLiteral("LANGUAGE=en")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("unknown progress format 'xml'"), unknown.err.constData());
}

void TestCliIo::closedStandardInputReadsAsEmpty_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("count") << QStringLiteral("--quiet");
    QTest::newRow("map") << QStringLiteral("--map");
}

void TestCliIo::closedStandardInputReadsAsEmpty()
{
    // Started with descriptor 0 closed, the program must not read the next descriptor it opens
    // (its stop-signal pipe) as standard input: that waited forever, or failed with EAGAIN.
    QFETCH(QString, option);
    QProcess process;
    process.start(
        QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"), QStringLiteral("exec \"$0\" \"$1\" <&-"), CliPath, option});
    QVERIFY(process.waitForStarted());
    const bool finished = process.waitForFinished(20000);
    if (!finished)
        process.kill();
    QVERIFY2(finished, "wordmill-cli waited on a closed standard input");
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.readAllStandardOutput(), QByteArray());
    QCOMPARE(process.readAllStandardError(), QByteArray());
}

void TestCliIo::interruptWhileInputIsSilent_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("count") << QStringList {QStringLiteral("-")};
    QTest::newRow("map") << QStringList {QStringLiteral("--map")};
}

void TestCliIo::interruptWhileInputIsSilent()
{
    // The writer says nothing and keeps the pipe open: Ctrl-C must still stop the program.
    QFETCH(QStringList, arguments);
    QProcess process;
    process.start(CliPath, arguments);
    QVERIFY(process.waitForStarted());
    QTest::qWait(300); // it is now waiting for its first bytes
    QElapsedTimer clock;
    clock.start();
    ::kill(pid_t(process.processId()), SIGINT);
    const bool finished = process.waitForFinished(5000);
    if (!finished)
        process.kill();
    QVERIFY2(finished, "still waiting for input after SIGINT");
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(process.exitCode(), 130);
}

QTEST_GUILESS_MAIN(TestCliIo)
#include "tst_cli_io.moc"
