// SPDX-License-Identifier: GPL-3.0-or-later
// Reading TSV results back: parsing, errors naming the line, files cut short, files that cannot be
// read, a bad file that adds nothing, and lines cut across the reader's blocks.

#include "core/results/resultreader.h"
#include "tests/results/resultreadertesthelpers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace ResultReaderTest;

class TestResultReaderTsv final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void tsv_data();
    void tsv();
    void tsvErrors_data();
    void tsvErrors();
    void fileErrors();
    void errorLeavesTableAlone();
    void errorLineInLaterBlock();

private:
    QTemporaryDir m_dir;
};

void TestResultReaderTsv::tsv_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected"); // the table, sorted, as TSV
    QTest::addColumn<quint64>("rows");
    QTest::addColumn<quint64>("words");
    QTest::newRow("empty file") << QByteArray() << QByteArray() << quint64(0) << quint64(0);
    QTest::newRow("one row") << QByteArray("the\t3\n") << QByteArray("the\t3\n") << quint64(1)
                             << quint64(3);
    QTest::newRow("CRLF line ends")
        << QByteArray("a\t1\r\nb\t2\r\n") << QByteArray("b\t2\na\t1\n") << quint64(2) << quint64(3);
    QTest::newRow("UTF-8 BOM skipped") << QByteArray("\xEF\xBB\xBF"
                                                     "a\t1\n")
                                       << QByteArray("a\t1\n") << quint64(1) << quint64(1);
    QTest::newRow("repeated word adds up")
        << QByteArray("a\t1\nb\t1\na\t5\n") << QByteArray("a\t6\nb\t1\n") << quint64(3)
        << quint64(7);
    QTest::newRow("count 0 adds nothing")
        << QByteArray("a\t0\nb\t2\n") << QByteArray("b\t2\n") << quint64(2) << quint64(2);
    QTest::newRow("leading zeros")
        << QByteArray("a\t007\n") << QByteArray("a\t7\n") << quint64(1) << quint64(7);
    QTest::newRow("largest count")
        << QByteArray("a\t18446744073709551615\n") << QByteArray("a\t18446744073709551615\n")
        << quint64(1) << quint64(18446744073709551615ULL);
    QTest::newRow("non-ASCII") << QByteArray("año\t2\nl’eau\t1\nǅemal\t1\n")
                               << QByteArray("año\t2\nl’eau\t1\nǅemal\t1\n") << quint64(3)
                               << quint64(4);
    // Whitespace mode keeps every byte: any byte but TAB and LF belongs to the word.
    QTest::newRow("raw bytes") << QByteArray("a\xF1o\t1\nx\ry\t1\n=1+1\t1\n")
                               << QByteArray("=1+1\t1\na\xF1o\t1\nx\ry\t1\n") << quint64(3)
                               << quint64(3);
    QTest::newRow("first word starts with a brace")
        << QByteArray("{\t9\n}\t9\n") << QByteArray("{\t9\n}\t9\n") << quint64(2) << quint64(18);
    QTest::newRow("first word is a JSON-like token")
        << QByteArray("{\"a\":\t4\n") << QByteArray("{\"a\":\t4\n") << quint64(1) << quint64(4);
    const QByteArray longest(1000, 'w');
    QTest::newRow("word of 1000 bytes") << longest + "\t1\n"
                                        << longest + "\t1\n"
                                        << quint64(1) << quint64(1);
}

void TestResultReaderTsv::tsv()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(quint64, rows);
    QFETCH(quint64, words);
    WordTable table;
    QString error;
    ResultReader::FileSummary summary;
    QVERIFY2(ResultReader::readData(input, QStringLiteral("r.tsv"), &table, &error, &summary),
             qPrintable(error));
    QCOMPARE(sortedTsv(table), expected);
    QCOMPARE(summary.json, false);
    QVERIFY(!summary.mode);
    QCOMPARE(summary.rows, rows);
    QCOMPARE(summary.words, words);

    // From a file, read block by block, the same.
    const QString path = m_dir.filePath(QStringLiteral("tsv.tsv"));
    QVERIFY(writeFile(path, input));
    WordTable fromFile;
    QVERIFY2(ResultReader::read(path, &fromFile, &error), qPrintable(error));
    QCOMPARE(sortedTsv(fromFile), expected);
}

void TestResultReaderTsv::tsvErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");
    const auto row = [](const char *name, const QByteArray &input, const char *error) {
        QTest::newRow(name) << input << QString::fromUtf8(error);
    };
    row("no TAB", "a\t1\nplain text\n", "r.tsv: line 2: no TAB between word and count");
    row("a text file", "En un lugar de la Mancha\n",
        "r.tsv: line 1: no TAB between word and count");
    row("empty line", "a\t1\n\nb\t1\n", "r.tsv: line 2: an empty line");
    row("empty last line", "a\t1\n\n", "r.tsv: line 2: an empty line");
    row("CRLF empty line", "a\t1\r\n\r\n", "r.tsv: line 2: an empty line");
    row("two TABs", "a\tb\t1\n", "r.tsv: line 1: more than one TAB");
    row("TAB after count", "a\t1\t\n", "r.tsv: line 1: more than one TAB");
    row("empty word", "\t1\n", "r.tsv: line 1: an empty word");
    row("no count", "a\t\n", "r.tsv: line 1: no count after the TAB");
    row("negative", "a\t1\nb\t-1\n", "r.tsv: line 2: the count is not a whole number of 0 or more");
    row("plus sign", "a\t+1\n", "r.tsv: line 1: the count is not a whole number of 0 or more");
    row("fraction", "a\t1.5\n", "r.tsv: line 1: the count is not a whole number of 0 or more");
    row("exponent", "a\t1e3\n", "r.tsv: line 1: the count is not a whole number of 0 or more");
    row("space after count", "a\t1 \n",
        "r.tsv: line 1: the count is not a whole number of 0 or more");
    row("CR inside count", "a\t1\r2\n",
        "r.tsv: line 1: the count is not a whole number of 0 or more");
    row("count of 2^64", "a\t18446744073709551616\n",
        "r.tsv: line 1: the count does not fit in 64 bits");
    row("counts add past 2^64", "a\t18446744073709551615\nb\t1\n",
        "r.tsv: line 2: the counts add up to more than 2^64 - 1");
    row("word of 2001 bytes", QByteArray(2001, 'w') + "\t1\n",
        "r.tsv: line 1: a word longer than 2000 bytes");
    row("line too long", QByteArray(10, 'w') + '\t' + QByteArray(5000, '1') + '\n',
        "r.tsv: line 1: a line longer than 4096 bytes: not a WordMill result");
    // CSV with its header reads as CSV (tst_resultreader_csv); without it, a comma is no TAB.
    row("CSV without its header", "the,3\r\n", "r.tsv: line 1: no TAB between word and count");
    // The writer ends every line, so a last line without its end is a file cut short: "que\t202"
    // may have been "que\t2023". Reported as such before its content, which was cut too.
    row("cut in the count", "de\t17741\nque\t202",
        "r.tsv: line 2: the file ends in the middle of a line (it was cut short?)");
    row("cut after the TAB", "de\t17741\nque\t",
        "r.tsv: line 2: the file ends in the middle of a line (it was cut short?)");
    row("cut in the word", "de\t17741\nqu",
        "r.tsv: line 2: the file ends in the middle of a line (it was cut short?)");
    row("cut between CR and LF", "de\t17741\r\nque\t2023\r",
        "r.tsv: line 2: the file ends in the middle of a line (it was cut short?)");
    row("one line, cut", "que\t2023",
        "r.tsv: line 1: the file ends in the middle of a line (it was cut short?)");
}

void TestResultReaderTsv::tsvErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    WordTable table;
    QString message;
    QVERIFY(!ResultReader::readData(input, QStringLiteral("r.tsv"), &table, &message));
    QCOMPARE(message, error);
    QVERIFY(table.isEmpty());

    // Read from a file, block by block: the same message, with the file's path.
    const QString path = m_dir.filePath(QStringLiteral("r.tsv"));
    QVERIFY(writeFile(path, input));
    QVERIFY(!ResultReader::read(path, &table, &message));
    QCOMPARE(message, m_dir.path() + QLatin1Char('/') + error);
}

void TestResultReaderTsv::fileErrors()
{
    WordTable table;
    QString error;
    const QString missing = m_dir.filePath(QStringLiteral("missing.tsv"));
    QVERIFY(!ResultReader::read(missing, &table, &error));
    QCOMPARE(error, missing + QStringLiteral(": no such file"));

    QVERIFY(!ResultReader::read(m_dir.path(), &table, &error));
    QCOMPARE(error, m_dir.path() + QStringLiteral(": a folder, not a result file"));

    // A FIFO is never opened: opening it would block until a writer came.
    const QString fifo = m_dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(!ResultReader::read(fifo, &table, &error));
    QCOMPARE(error, fifo + QStringLiteral(": not a regular file: not opened"));

    const QString dangling = m_dir.filePath(QStringLiteral("dangling.tsv"));
    QVERIFY(QFile::link(missing, dangling));
    QVERIFY(!ResultReader::read(dangling, &table, &error));
    QCOMPARE(error, dangling + QStringLiteral(": a dangling symbolic link"));

    if (::geteuid() != 0) { // root reads anything
        const QString locked = m_dir.filePath(QStringLiteral("locked.tsv"));
        QVERIFY(writeFile(locked, "a\t1\n"));
        QVERIFY(QFile::setPermissions(locked, QFileDevice::WriteOwner));
        QVERIFY(!ResultReader::read(locked, &table, &error));
        QVERIFY2(error.startsWith(locked + QStringLiteral(": cannot be opened: ")),
                 qPrintable(error));
    }
    QVERIFY(table.isEmpty());
}

// A bad file adds nothing, not even the good rows before its bad line.
void TestResultReaderTsv::errorLeavesTableAlone()
{
    WordTable table;
    table.add("keep", 4, 1);
    QString error;
    QVERIFY(!ResultReader::readData("keep\t5\nnew\t1\nbad line\n", QStringLiteral("r"), &table,
                                    &error));
    QVERIFY(
        !ResultReader::readData("{\"words\":[{\"word\":\"keep\",\"count\":5},{\"word\":\"new\"}]}",
                                QStringLiteral("r"), &table, &error));
    QCOMPARE(sortedTsv(table), QByteArray("keep\t1\n"));

    QVERIFY2(ResultReader::readData("keep\t5\nnew\t1\n", QStringLiteral("r"), &table, &error),
             qPrintable(error));
    QCOMPARE(sortedTsv(table), QByteArray("keep\t6\nnew\t1\n"));
}

// The file is read in blocks of 4 MiB: lines cut by a block's end, and the numbering, carry on.
void TestResultReaderTsv::errorLineInLaterBlock()
{
    QByteArray data;
    const int rows = 600000; // about 8 MiB
    for (int i = 0; i < rows; ++i)
        data.append("word").append(QByteArray::number(i)).append('\t').append("1234\n");
    QVERIFY(data.size() > 2 * (4 << 20));
    const QString path = m_dir.filePath(QStringLiteral("blocks.tsv"));
    QVERIFY(writeFile(path, data));
    WordTable table;
    QString error;
    ResultReader::FileSummary summary;
    QVERIFY2(ResultReader::read(path, &table, &error, &summary), qPrintable(error));
    QCOMPARE(summary.rows, quint64(rows));
    QCOMPARE(summary.words, quint64(rows) * 1234);
    QCOMPARE(table.size(), qsizetype(rows));
    QCOMPARE(table.count("word0"), quint64(1234));
    QCOMPARE(table.count("word599999"), quint64(1234));

    QVERIFY(writeFile(path, data + "oops\n"));
    WordTable other;
    QVERIFY(!ResultReader::read(path, &other, &error));
    QCOMPARE(error, path + QStringLiteral(": line 600001: no TAB between word and count"));

    // Cut short after a block or more: the last line, whichever block holds it.
    QVERIFY(writeFile(path, data + "que\t202"));
    QVERIFY(!ResultReader::read(path, &other, &error));
    QCOMPARE(error,
             path
                 + QStringLiteral(
                     ": line 600001: the file ends in the middle of a line (it was cut short?)"));
    QVERIFY(other.isEmpty());
}

QTEST_GUILESS_MAIN(TestResultReaderTsv)
#include "tst_resultreader_tsv.moc"
