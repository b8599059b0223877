// SPDX-License-Identifier: GPL-3.0-or-later
// wordmill-cli as a user runs it, through QProcess: output formats, options, exit codes.

#include "tests/cli/clitesthelpers.h"
#include "tests/common/testfiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using namespace CliTest;
using TestFiles::writeFile;

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void tsvOutput();
    void progressGoesToStderr();
    void whitespaceMode();
    void topOption();
    void csvFormat();
    void csvEscapesFormulasAndQuotes();
    void jsonFormat();
    void missingInputExitsOne();
    void noCountableInputExitsOne();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void helpAndVersion();
    void ignoresLibrariesInTheWorkingFolder();
    void fullDiskIsAnError_data();
    void fullDiskIsAnError();
    void speaksTheUsersLanguage();
    void oneOverlongWordIsSingular();
    void outputIndependentOfThreadsChunksAndOrder_data();
    void outputIndependentOfThreadsChunksAndOrder();

private:
    QTemporaryDir m_dir;
    QString m_small;
    QString m_csv;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(CliPath).isExecutable(), qPrintable(CliPath));
    QVERIFY(m_dir.isValid());
    m_small = m_dir.filePath(QStringLiteral("small.txt"));
    m_csv = m_dir.filePath(QStringLiteral("csv.txt"));
    QVERIFY(writeFile(m_small, SmallText));
    QVERIFY(writeFile(m_csv, CsvText));
}

void TestCli::tsvOutput()
{
    const CliRun run = runCli({m_small});
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, SmallWords);
    QCOMPARE(run.err, QByteArray()); // not a terminal: no progress unless asked

    // The explicit spelling of the defaults gives the same bytes.
    const CliRun explicitRun
        = runCli({QStringLiteral("--mode"), QStringLiteral("words"), QStringLiteral("--format"),
                  QStringLiteral("tsv"), QStringLiteral("--quiet"), m_small});
    QCOMPARE(explicitRun.exitCode, 0);
    QCOMPARE(explicitRun.out, SmallWords);
}

void TestCli::progressGoesToStderr()
{
    const CliRun run = runCli({QStringLiteral("--progress"), m_small});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, SmallWords);
    QVERIFY(!run.err.isEmpty());

    const CliRun quiet = runCli({QStringLiteral("--quiet"), m_small});
    QCOMPARE(quiet.exitCode, 0);
    QCOMPARE(quiet.out, SmallWords);
    QCOMPARE(quiet.err, QByteArray());
}

void TestCli::whitespaceMode()
{
    const CliRun run = runCli({QStringLiteral("--mode"), QStringLiteral("whitespace"), m_small});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, SmallWhitespace);
}

void TestCli::topOption()
{
    CliRun run = runCli({QStringLiteral("--top"), QStringLiteral("2"), m_small});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("the\t3\ndon't\t2\n"));

    run = runCli({QStringLiteral("--top"), QStringLiteral("1000"), m_small});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, SmallWords);
}

void TestCli::csvFormat()
{
    const CliRun run = runCli({QStringLiteral("--format"), QStringLiteral("csv"), m_small});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
             QByteArray("word,count\r\n"
                        "the,3\r\n"
                        "don't,2\r\n"
                        "hat,2\r\n"
                        "\xC3\xA1rbol,2\r\n"
                        "and,1\r\n"
                        "a\xC3\xB1o,1\r\n"
                        "cat,1\r\n"
                        "cat's,1\r\n"
                        "stop,1\r\n"));
}

void TestCli::csvEscapesFormulasAndQuotes()
{
    const CliRun run = runCli({QStringLiteral("--format"), QStringLiteral("csv"),
                               QStringLiteral("--mode"), QStringLiteral("whitespace"), m_csv});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
             QByteArray("word,count\r\n"
                        "plain,2\r\n"
                        "'+1,1\r\n"
                        "'-x,1\r\n"
                        "\"'=a,b\",1\r\n"
                        "'=sum(a1),1\r\n"
                        "'@me,1\r\n"
                        "\"a,b\",1\r\n"
                        "\"say\"\"hi\"\"\",1\r\n"));
}

void TestCli::jsonFormat()
{
    struct Case
    {
        QString mode;
        QString path;
        QList<QPair<QString, int>> expected;
    };
    const QList<Case> cases = {
        {QStringLiteral("words"),
         m_small,
         {{QStringLiteral("the"), 3},
          {QStringLiteral("don't"), 2},
          {QStringLiteral("hat"), 2},
          {QStringLiteral("árbol"), 2},
          {QStringLiteral("and"), 1},
          {QStringLiteral("año"), 1},
          {QStringLiteral("cat"), 1},
          {QStringLiteral("cat's"), 1},
          {QStringLiteral("stop"), 1}}},
        {QStringLiteral("whitespace"),
         m_csv,
         {{QStringLiteral("plain"), 2},
          {QStringLiteral("+1"), 1},
          {QStringLiteral("-x"), 1},
          {QStringLiteral("=a,b"), 1},
          {QStringLiteral("=sum(a1)"), 1},
          {QStringLiteral("@me"), 1},
          {QStringLiteral("a,b"), 1},
          {QStringLiteral("say\"hi\""), 1}}},
    };
    for (const Case &c : cases) {
        const CliRun run = runCli({QStringLiteral("--format"), QStringLiteral("json"),
                                   QStringLiteral("--mode"), c.mode, c.path});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError,
                 qPrintable(error.errorString() + QLatin1Char('\n') + QString::fromUtf8(run.out)));
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().value(QLatin1String("mode")).toString(), c.mode);
        const QJsonArray words = doc.object().value(QLatin1String("words")).toArray();
        QCOMPARE(words.size(), c.expected.size());
        int total = 0;
        for (qsizetype i = 0; i < words.size(); ++i) {
            const QJsonObject entry = words.at(i).toObject();
            QCOMPARE(entry.value(QLatin1String("word")).toString(), c.expected.at(i).first);
            QCOMPARE(entry.value(QLatin1String("count")).toInt(), c.expected.at(i).second);
            total += c.expected.at(i).second;
        }
        // The totals a reader checks the entries against.
        QCOMPARE(doc.object().value(QLatin1String("totalWords")).toInteger(-1), total);
        QCOMPARE(doc.object().value(QLatin1String("distinctWords")).toInteger(-1),
                 c.expected.size());
    }
}

void TestCli::speaksTheUsersLanguage()
{
    const QString missing = m_dir.filePath(QStringLiteral("missing.txt"));
    const QStringList spanish = {QStringLiteral("LANGUAGE=es"), QStringLiteral("LANG=es_ES.UTF-8"),
                                 QStringLiteral("LC_ALL="), QStringLiteral("LC_MESSAGES=")};
    const QStringList english = {QStringLiteral("LANGUAGE=en"), QStringLiteral("LANG=C.UTF-8"),
                                 QStringLiteral("LC_ALL="), QStringLiteral("LC_MESSAGES=")};
    for (const QString &format : {QStringLiteral("tsv"), QStringLiteral("json")}) {
        const QStringList args
            = {QStringLiteral("--progress"), QStringLiteral("--format"), format, m_small, missing};
        const CliRun es = runCli(args, 120000, spanish);
        const CliRun en = runCli(args, 120000, english);
        QVERIFY(es.finished && en.finished);
        QCOMPARE(es.exitCode, 1);
        QCOMPARE(en.exitCode, 1);
        // What programs read never changes with the language.
        QCOMPARE(es.out, en.out);
        const QString esErr = QString::fromUtf8(es.err);
        QVERIFY2(esErr.contains(missing + QStringLiteral(": no existe el archivo o la carpeta")),
                 es.err.constData());
        QVERIFY2(esErr.contains(QStringLiteral("Se han contado 14 palabras")), es.err.constData());
        QVERIFY2(en.err.contains(": no such file or folder"), en.err.constData());
    }
}

void TestCli::oneOverlongWordIsSingular()
{
    const QString path = m_dir.filePath(QStringLiteral("overlong.txt"));
    QVERIFY(writeFile(path, "short " + QByteArray(1001, 'x') + " words\n"));
    const CliRun run = runCli({QStringLiteral("--quiet"), path}, 120000,
                              {QStringLiteral("LANGUAGE=en"), QStringLiteral("LANG=C.UTF-8")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("1 word longer than 1000 bytes was not counted"),
             run.err.constData());
}

void TestCli::missingInputExitsOne()
{
    const QString missing = m_dir.filePath(QStringLiteral("missing.txt"));
    const CliRun run = runCli({m_small, missing});
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, SmallWords); // the rest is still counted and printed
    const QString err = QString::fromLocal8Bit(run.err);
    QVERIFY2(err.contains(missing), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("no such file"), Qt::CaseInsensitive), qPrintable(err));
    QVERIFY2(!err.contains(m_small), qPrintable(err));
}

void TestCli::noCountableInputExitsOne()
{
    const QString missing = m_dir.filePath(QStringLiteral("missing.txt"));
    const CliRun run = runCli({missing, QStringLiteral("/dev/null")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    const QString err = QString::fromLocal8Bit(run.err);
    QVERIFY2(err.contains(missing), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("/dev/null")), qPrintable(err));
}

void TestCli::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message"); // what stderr must mention
    const QString file = QStringLiteral("small.txt"); // never read: parsing fails first
    QTest::newRow("unknown option")
        << QStringList {QStringLiteral("--bogus"), file} << QStringLiteral("bogus");
    QTest::newRow("chunk size below 1K")
        << QStringList {QStringLiteral("--chunk-size"), QStringLiteral("512"), file}
        << QStringLiteral("--chunk-size");
    QTest::newRow("chunk size not a size")
        << QStringList {QStringLiteral("--chunk-size"), QStringLiteral("lots"), file}
        << QStringLiteral("--chunk-size");
    QTest::newRow("chunk size above 1G")
        << QStringList {QStringLiteral("--chunk-size"), QStringLiteral("2G"), file}
        << QStringLiteral("--chunk-size");
    QTest::newRow("no input") << QStringList {} << QStringLiteral("no input");
    QTest::newRow("only options") << QStringList {QStringLiteral("--quiet")}
                                  << QStringLiteral("no input");
    QTest::newRow("unknown mode") << QStringList {QStringLiteral("--mode"),
                                                  QStringLiteral("letters"), file}
                                  << QStringLiteral("letters");
    QTest::newRow("unknown format")
        << QStringList {QStringLiteral("--format"), QStringLiteral("xml"), file}
        << QStringLiteral("xml");
    QTest::newRow("zero threads") << QStringList {QStringLiteral("--threads"), QStringLiteral("0"),
                                                  file}
                                  << QStringLiteral("--threads");
    QTest::newRow("zero top") << QStringList {QStringLiteral("--top"), QStringLiteral("0"), file}
                              << QStringLiteral("--top");
    QTest::newRow("missing option value")
        << QStringList {QStringLiteral("--threads")} << QStringLiteral("threads");
    // Result files have their mode; the counting options would do nothing.
    const QString merge = QStringLiteral("--merge");
    QTest::newRow("merge with sample")
        << QStringList {merge, QStringLiteral("--sample"), QStringLiteral("1M"), file}
        << QStringLiteral("--sample does not apply");
    QTest::newRow("merge with mode")
        << QStringList {merge, QStringLiteral("--mode"), QStringLiteral("words"), file}
        << QStringLiteral("--mode does not apply");
    QTest::newRow("merge with threads")
        << QStringList {merge, QStringLiteral("--threads"), QStringLiteral("2"), file}
        << QStringLiteral("--threads does not apply");
    QTest::newRow("merge without files") << QStringList {merge} << QStringLiteral("no input");
    QTest::newRow("merge with unknown format")
        << QStringList {merge, QStringLiteral("--format"), QStringLiteral("xml"), file}
        << QStringLiteral("xml");
}

void TestCli::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun run = runCli(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    const QString err = QString::fromLocal8Bit(run.err);
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TestCli::helpAndVersion()
{
    CliRun run = runCli({QStringLiteral("--help")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    const QString help = QString::fromLocal8Bit(run.out);
    for (const char *option : {"--mode", "--threads", "--chunk-size", "--top", "--format",
                               "--sample", "--progress", "--quiet", "--merge", "--version", "PATH"})
        QVERIFY2(help.contains(QLatin1String(option)), option);

    run = runCli({QStringLiteral("--version")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith("wordmill-cli "), run.out.constData());
    QCOMPARE(run.out.count('\n'), 1);
}

// Before: the build's programs had a RUNPATH of empty entries (CMake's room for the install
// RPATH qt_standard_project_setup() asked for), which the loader reads as the working folder: a
// libQt6Core.so.6 in the folder a person ran wordmill-cli from was loaded instead of Qt's.
void TestCli::ignoresLibrariesInTheWorkingFolder()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    for (const char *name : {"libQt6Core.so.6", "libQt6Concurrent.so.6", "libstdc++.so.6"})
        QVERIFY(writeFile(folder.filePath(QLatin1String(name)), "not a library\n"));
    QProcess process;
    process.setWorkingDirectory(folder.path());
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(CliPath, {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    QVERIFY(process.readAllStandardOutput().startsWith("wordmill-cli "));
}

void TestCli::fullDiskIsAnError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("--help") << QStringList {QStringLiteral("--help")};
    QTest::newRow("--version") << QStringList {QStringLiteral("--version")};
    QTest::newRow("counts") << QStringList {QStringLiteral("--sample"), QStringLiteral("64K")};
}

// Before: --help > /dev/full exited 0 with nothing said.
void TestCli::fullDiskIsAnError()
{
    QFETCH(QStringList, arguments);
    QProcess process;
    process.setStandardOutputFile(QStringLiteral("/dev/full"));
    process.start(CliPath, arguments << QStringLiteral("--quiet"));
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.startsWith("wordmill-cli: cannot write")
                 && err.contains("No space left on device"),
             err.constData());
}

void TestCli::outputIndependentOfThreadsChunksAndOrder_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("words") << QStringLiteral("words");
    QTest::newRow("whitespace") << QStringLiteral("whitespace");
}

void TestCli::outputIndependentOfThreadsChunksAndOrder()
{
    QFETCH(QString, mode);
    const QString quijote = QDir(CorpusDir).filePath(QStringLiteral("quijote.txt"));
    const QString bible = QDir(CorpusDir).filePath(QStringLiteral("kjvbible.txt"));
    if (!QFileInfo::exists(quijote) || !QFileInfo::exists(bible))
        QSKIP("the corpus (../shared/corpus) is not there");

    const QStringList common = {QStringLiteral("--quiet"), QStringLiteral("--mode"), mode};
    const CliRun reference = runCli(
        common + QStringList {QStringLiteral("--threads"), QStringLiteral("1"), quijote, bible});
    QVERIFY(reference.finished);
    QCOMPARE(reference.exitCode, 0);
    QVERIFY(reference.out.count('\n') > 10000);

    const QList<QStringList> variants = {
        {QStringLiteral("--threads"), QStringLiteral("2"), quijote, bible},
        {QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--chunk-size"),
         QStringLiteral("1K"), quijote, bible},
        {QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--chunk-size"),
         QStringLiteral("1K"), quijote, bible},
        {QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--chunk-size"),
         QStringLiteral("64K"), bible, quijote},
    };
    for (const QStringList &variant : variants) {
        const CliRun run = runCli(common + variant);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out == reference.out, qPrintable(variant.join(QLatin1Char(' '))));
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
