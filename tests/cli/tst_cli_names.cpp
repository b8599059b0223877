// SPDX-License-Identifier: GPL-3.0-or-later
// wordmill-cli and the names Linux allows: bytes that are not UTF-8 are walked, opened and
// counted; a name with a newline or an invisible character is quoted in messages, so it can
// neither forge a message line nor pass for another name.

#include "tests/cli/clitesthelpers.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using namespace CliTest;

// QProcess encodes arguments as UTF-8; a shell's printf gives wordmill-cli the raw bytes.
// \a option (one word, or none) goes before them.
CliRun runCliWithRawArguments(const QByteArray &printfFormats, const QString &option = {})
{
    CliRun run;
    QProcess process;
    process.start(
        QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"),
         QStringLiteral("exec \"$0\" --quiet $1 $(printf '%1')").arg(QLatin1String(printfFormats)),
         CliPath, option});
    if (!process.waitForStarted(30000))
        return run;
    run.finished = process.waitForFinished(120000);
    run.exitStatus = process.exitStatus();
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

bool writeRaw(const QByteArray &nativePath, const QByteArray &bytes)
{
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
    return ::close(fd) == 0 && ok;
}

} // namespace

class TestCliNames final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void latin1NamesAreCounted();
    void newlineInANameCannotForgeAMessage_data();
    void newlineInANameCannotForgeAMessage();
};

void TestCliNames::initTestCase()
{
    QVERIFY2(QFileInfo(CliPath).isExecutable(), qPrintable(CliPath));
}

// Before: the folder gave "0 files" and exit 0, the file given directly "no such file".
void TestCliNames::latin1NamesAreCounted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray folder = QFile::encodeName(dir.path()) + "/w";
    QCOMPARE(::mkdir(folder.constData(), 0755), 0);
    QVERIFY(writeRaw(folder + "/caf\xe9.txt", "caf\xc3\xa9 con leche\n"));
    // QTemporaryDir cannot remove a name that is not UTF-8 (it decodes names too).
    const auto removeFile
        = qScopeGuard([&folder] { ::unlink(QByteArray(folder + "/caf\xe9.txt").constData()); });
    QVERIFY(writeRaw(folder + "/plain.txt", "leche\n"));
    const QByteArray expected = "leche\t2\n"
                                "caf\xc3\xa9\t1\n"
                                "con\t1\n";

    const CliRun walked = runCliWithRawArguments(folder);
    QVERIFY(walked.finished);
    QCOMPARE(walked.err, QByteArray());
    QCOMPARE(walked.out, expected);
    QCOMPARE(walked.exitCode, 0);

    const CliRun direct = runCliWithRawArguments(folder + "/caf\\351.txt " + folder + "/plain.txt");
    QVERIFY(direct.finished);
    QCOMPARE(direct.err, QByteArray());
    QCOMPARE(direct.out, expected);
    QCOMPARE(direct.exitCode, 0);

    // A problem with such a file names it with its byte escaped, not as a lost U+FFFD.
    const CliRun missing
        = runCliWithRawArguments(folder + "/gon\\351.txt " + folder + "/plain.txt");
    QVERIFY(missing.finished);
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.err, "wordmill-cli: '" + folder + "/gon\\351.txt': no such file or folder\n");
    // --merge opens result files by their bytes too.
    QVERIFY(writeRaw(folder + "/r\xe9.tsv", "leche\t5\n"));
    const auto removeResult
        = qScopeGuard([&folder] { ::unlink(QByteArray(folder + "/r\xe9.tsv").constData()); });
    const CliRun merged = runCliWithRawArguments(folder + "/r\\351.tsv", QStringLiteral("--merge"));
    QVERIFY(merged.finished);
    QCOMPARE(merged.err, QByteArray());
    QCOMPARE(merged.out, QByteArray("leche\t5\n"));
    QCOMPARE(merged.exitCode, 0);
}

void TestCliNames::newlineInANameCannotForgeAMessage_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("shown");
    QTest::newRow("newline") << QStringLiteral("nope\nwordmill-cli: injected")
                             << QByteArray("'nope\\nwordmill-cli: injected'");
    QTest::newRow("carriage return") << QStringLiteral("nope\rwordmill-cli: injected")
                                     << QByteArray("'nope\\rwordmill-cli: injected'");
    QTest::newRow("escape sequence")
        << QStringLiteral("nope\x1b[2K") << QByteArray("'nope\\033[2K'");
    QTest::newRow("right-to-left override")
        << QStringLiteral("evil\u202Etxt.exe") << QByteArray("'evil\\342\\200\\256txt.exe'");
    QTest::newRow("quote and backslash in a quoted name")
        << QStringLiteral("it's\\\n") << QByteArray("'it\\'s\\\\\\n'");
    QTest::newRow("plain names stay as they are")
        << QStringLiteral("año nuevo.txt") << QByteArray("año nuevo.txt");
}

// Before: the newline split the message in two, the second a forged "wordmill-cli: injected".
void TestCliNames::newlineInANameCannotForgeAMessage()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, shown);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir::setCurrent(dir.path()));
    const CliRun run = runCli({name});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err,
             "wordmill-cli: " + shown + ": no such file or folder\n"
                 + "wordmill-cli: None of the inputs could be counted.\n");
}

QTEST_GUILESS_MAIN(TestCliNames)
#include "tst_cli_names.moc"
