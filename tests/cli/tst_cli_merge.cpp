// SPDX-License-Identifier: GPL-3.0-or-later
// wordmill-cli --merge: adding up result files gives what counting the inputs together gives.

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

class TestCliMerge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void mergeEqualsCountingTogether_data();
    void mergeEqualsCountingTogether();
    void mergeBadFileExitsOne();
    void mergeDamagedFileExitsOne_data();
    void mergeDamagedFileExitsOne();
    void mergeTopLimitedJson();
    void mergeNothingReadableExitsOne();

private:
    QTemporaryDir m_dir;
    QString m_small;
    QString m_csv;
};

void TestCliMerge::initTestCase()
{
    QVERIFY2(QFileInfo(CliPath).isExecutable(), qPrintable(CliPath));
    QVERIFY(m_dir.isValid());
    m_small = m_dir.filePath(QStringLiteral("small.txt"));
    m_csv = m_dir.filePath(QStringLiteral("csv.txt"));
    QVERIFY(writeFile(m_small, SmallText));
    QVERIFY(writeFile(m_csv, CsvText));
}

void TestCliMerge::mergeEqualsCountingTogether_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("corpus"); // the two books, else the two small texts
    QTest::addColumn<QString>("firstFormat"); // of the result files merged
    QTest::addColumn<QString>("secondFormat");
    QTest::addColumn<QStringList>("output"); // options of both runs that print
    const QString tsv = QStringLiteral("tsv");
    const QString json = QStringLiteral("json");
    const QString words = QStringLiteral("words");
    const QString whitespace = QStringLiteral("whitespace");
    QTest::newRow("words, TSV and TSV") << words << false << tsv << tsv << QStringList();
    QTest::newRow("words, TSV and JSON") << words << false << tsv << json << QStringList();
    QTest::newRow("whitespace, TSV and TSV") << whitespace << false << tsv << tsv << QStringList();
    QTest::newRow("whitespace, JSON and JSON, JSON out")
        << whitespace << false << json << json
        << QStringList {QStringLiteral("--format"), QStringLiteral("json")};
    QTest::newRow("words, CSV out, top 4")
        << words << false << json << tsv
        << QStringList {QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--top"),
                        QStringLiteral("4")};
    QTest::newRow("corpus, words") << words << true << tsv << json << QStringList();
    QTest::newRow("corpus, whitespace") << whitespace << true << tsv << tsv << QStringList();
}

// Counting two inputs apart and merging the results gives the bytes of counting them together.
void TestCliMerge::mergeEqualsCountingTogether()
{
    QFETCH(QString, mode);
    QFETCH(bool, corpus);
    QFETCH(QString, firstFormat);
    QFETCH(QString, secondFormat);
    QFETCH(QStringList, output);
    QString first = m_small;
    QString second = m_csv;
    if (corpus) {
        first = QDir(CorpusDir).filePath(QStringLiteral("quijote.txt"));
        second = QDir(CorpusDir).filePath(QStringLiteral("kjvbible.txt"));
        if (!QFileInfo::exists(first) || !QFileInfo::exists(second))
            QSKIP("the corpus (../shared/corpus) is not there");
    }
    const QStringList counting = {QStringLiteral("--quiet"), QStringLiteral("--mode"), mode};
    QStringList results;
    for (const auto &[input, format] :
         {std::pair(first, firstFormat), std::pair(second, secondFormat)}) {
        const CliRun run
            = runCli(counting + QStringList {QStringLiteral("--format"), format, input});
        QCOMPARE(run.exitCode, 0);
        results.append(
            m_dir.filePath(QStringLiteral("merge-%1.%2").arg(results.size()).arg(format)));
        QVERIFY(writeFile(results.constLast(), run.out));
    }
    const CliRun together = runCli(counting + output + QStringList {first, second});
    QCOMPARE(together.exitCode, 0);
    QVERIFY(!together.out.isEmpty());

    const CliRun merged = runCli(QStringList {QStringLiteral("--merge"), QStringLiteral("--quiet")}
                                 + output + results);
    QVERIFY(merged.finished);
    QCOMPARE(merged.exitCode, 0);
    QCOMPARE(merged.err, QByteArray());
    QVERIFY2(
        merged.out == together.out,
        qPrintable(QString::fromUtf8(merged.out.left(300) + "\n---\n" + together.out.left(300))));
}

void TestCliMerge::mergeBadFileExitsOne()
{
    const QString good = m_dir.filePath(QStringLiteral("good.tsv"));
    const QString bad = m_dir.filePath(QStringLiteral("bad.tsv"));
    const QString missing = m_dir.filePath(QStringLiteral("missing.tsv"));
    QVERIFY(writeFile(good, SmallWords));
    QVERIFY(writeFile(bad, "the\t100\nhat\tmany\n"));
    const CliRun run = runCli({QStringLiteral("--merge"), good, bad, missing});
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, SmallWords); // the good file, and nothing of the bad one
    const QString err = QString::fromLocal8Bit(run.err);
    QVERIFY2(err.contains(bad + QStringLiteral(": line 2: the count is not a whole number")),
             qPrintable(err));
    QVERIFY2(err.contains(missing + QStringLiteral(": no such file")), qPrintable(err));
    QVERIFY2(!err.contains(good), qPrintable(err));
}

void TestCliMerge::mergeDamagedFileExitsOne_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    // The real count was 2023: a copy stopped in the middle of the last line.
    QTest::newRow("TSV cut in its last line")
        << QStringLiteral("cut.tsv") << QByteArray("de\t1821\nque\t202")
        << QStringLiteral("line 2: the file ends in the middle of a line (it was cut short?)");
    QTest::newRow("JSON whose counts do not match its totals")
        << QStringLiteral("edited.json")
        << QByteArray("{\"mode\":\"words\",\"totalWords\":3844,\"distinctWords\":2,\"words\":[\n"
                      "{\"word\":\"que\",\"count\":202},\n{\"word\":\"de\",\"count\":1821}\n]}\n")
        << QStringLiteral("line 1: the counts add up to 2023 words but the file says 3844: it was "
                          "cut or edited");
}

// A damaged result is left out and named with its reason; the good ones are still merged.
void TestCliMerge::mergeDamagedFileExitsOne()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString good = m_dir.filePath(QStringLiteral("good.tsv"));
    const QString damaged = m_dir.filePath(name);
    QVERIFY(writeFile(good, SmallWords));
    QVERIFY(writeFile(damaged, content));
    const CliRun run
        = runCli({QStringLiteral("--merge"), QStringLiteral("--quiet"), good, damaged}, 120000,
                 {QStringLiteral("LANGUAGE=en"), QStringLiteral("LANG=C.UTF-8")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, SmallWords); // the good file, and nothing of the damaged one
    QCOMPARE(QString::fromUtf8(run.err),
             QStringLiteral("wordmill-cli: %1: %2\n").arg(damaged, reason));
}

// A --top N JSON holds part of a result and says so by its totals: it merges as the N rows it
// holds, as a --top N TSV does.
void TestCliMerge::mergeTopLimitedJson()
{
    const CliRun top
        = runCli({QStringLiteral("--quiet"), QStringLiteral("--format"), QStringLiteral("json"),
                  QStringLiteral("--top"), QStringLiteral("3"), m_small});
    QCOMPARE(top.exitCode, 0);
    const QString path = m_dir.filePath(QStringLiteral("top.json"));
    QVERIFY(writeFile(path, top.out));
    const CliRun merged = runCli({QStringLiteral("--merge"), QStringLiteral("--quiet"), path});
    QCOMPARE(merged.err, QByteArray());
    QCOMPARE(merged.exitCode, 0);
    QCOMPARE(merged.out, QByteArray("the\t3\ndon't\t2\nhat\t2\n"));
}

void TestCliMerge::mergeNothingReadableExitsOne()
{
    // A text file is not a result: its first line has no TAB.
    const CliRun run = runCli({QStringLiteral("--merge"), m_small});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    const QString err = QString::fromLocal8Bit(run.err);
    QVERIFY2(err.contains(m_small + QStringLiteral(": line 1: no TAB between word and count")),
             qPrintable(err));

    // An empty result is a result: it merges to nothing, successfully.
    const QString empty = m_dir.filePath(QStringLiteral("empty.tsv"));
    QVERIFY(writeFile(empty, QByteArray()));
    const CliRun emptyRun = runCli({QStringLiteral("--merge"), empty});
    QCOMPARE(emptyRun.exitCode, 0);
    QCOMPARE(emptyRun.out, QByteArray());
    QCOMPARE(emptyRun.err, QByteArray());
}

QTEST_GUILESS_MAIN(TestCliMerge)
#include "tst_cli_merge.moc"
