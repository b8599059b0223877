// SPDX-License-Identifier: GPL-3.0-or-later
// Reading back the CSV that the explorer's Export and ResultWriter write: the header, RFC 4180
// quoting, the ' that guards formulas, the table CSV of rank, word, count and shares in both
// dialects, and the errors of a CSV that is not one of ours.

#include "core/results/resultindex.h"
#include "core/results/resultreader.h"
#include "tests/results/resultreadertesthelpers.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ResultReaderTest;

class TestResultReaderCsv final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void csv_data();
    void csv();
    void csvErrors_data();
    void csvErrors();
    void roundTrip_data();
    void roundTrip();
    void tableRoundTrip_data();
    void tableRoundTrip();

private:
    QTemporaryDir m_dir;
};

void TestResultReaderCsv::csv_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected"); // the table, sorted, as TSV
    QTest::addColumn<quint64>("rows");
    QTest::newRow("header only") << QByteArray("word,count\r\n") << QByteArray() << quint64(0);
    QTest::newRow("header present, CRLF") << QByteArray("word,count\r\nthe,3\r\na,1\r\n")
                                          << QByteArray("the\t3\na\t1\n") << quint64(2);
    QTest::newRow("LF line ends") << QByteArray("word,count\nthe,3\na,1\n")
                                  << QByteArray("the\t3\na\t1\n") << quint64(2);
    QTest::newRow("UTF-8 BOM skipped")
        << QByteArray("\xEF\xBB\xBFword,count\r\na,1\r\n") << QByteArray("a\t1\n") << quint64(1);
    QTest::newRow("quoted word with a comma")
        << QByteArray("word,count\r\n\"a,b\",2\r\n") << QByteArray("a,b\t2\n") << quint64(1);
    QTest::newRow("quoted word with quotes") << QByteArray("word,count\r\n\"say \"\"hi\"\"\",4\r\n")
                                             << QByteArray("say \"hi\"\t4\n") << quint64(1);
    QTest::newRow("quotes and commas") << QByteArray("word,count\r\n\"\"\"a\"\",\"\"b\"\"\",1\r\n")
                                       << QByteArray("\"a\",\"b\"\t1\n") << quint64(1);
    QTest::newRow("a quote inside an unquoted cell is kept")
        << QByteArray("word,count\r\nl'eau,2\r\n") << QByteArray("l'eau\t2\n") << quint64(1);
    QTest::newRow("formula guard removed")
        << QByteArray("word,count\r\n'=1+1,1\r\n'-x,2\r\n'@a,3\r\n'+b,4\r\n")
        << QByteArray("+b\t4\n@a\t3\n-x\t2\n=1+1\t1\n") << quint64(4);
    QTest::newRow("guarded and quoted")
        << QByteArray("word,count\r\n\"'=a,b\",1\r\n") << QByteArray("=a,b\t1\n") << quint64(1);
    QTest::newRow("repeated word adds up")
        << QByteArray("word,count\r\na,1\r\n\"a\",2\r\n") << QByteArray("a\t3\n") << quint64(2);
    QTest::newRow("non-ASCII") << QByteArray("word,count\r\naño,2\r\n") << QByteArray("año\t2\n")
                               << quint64(1);
    // The table CSV: ranks and shares are skipped, words and counts read.
    QTest::newRow("table, comma") << QByteArray(
        "rank,word,count,share %,cumulative %\r\n1,the,3,75.00,75.00\r\n"
        "2,\"a,b\",1,25.00,100.00\r\n")
                                  << QByteArray("the\t3\na,b\t1\n") << quint64(2);
    QTest::newRow("table, semicolon, BOM, decimal comma")
        << QByteArray("\xEF\xBB\xBFrank;word;count;share %;cumulative %\r\n1;the;3;75,00;75,00\r\n"
                      "2;a,b;1;25,00;100,00\r\n3;\"x;y\";0;0,000;100,00\r\n")
        << QByteArray("the\t3\na,b\t1\n") << quint64(3);
    QTest::newRow("table, formula guard, quoted")
        << QByteArray("rank;word;count;share %;cumulative %\n7;\"'=a;b\";2;1,000;9,000\n")
        << QByteArray("=a;b\t2\n") << quint64(1);
}

void TestResultReaderCsv::csv()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(quint64, rows);
    WordTable table;
    QString error;
    ResultReader::FileSummary summary;
    QVERIFY2(ResultReader::readData(input, QStringLiteral("r.csv"), &table, &error, &summary),
             qPrintable(error));
    QCOMPARE(sortedTsv(table), expected);
    QCOMPARE(summary.rows, rows);

    // From a file, read block by block, the same.
    const QString path = m_dir.filePath(QStringLiteral("r.csv"));
    QVERIFY(writeFile(path, input));
    WordTable fromFile;
    QVERIFY2(ResultReader::read(path, &fromFile, &error), qPrintable(error));
    QCOMPARE(sortedTsv(fromFile), expected);
}

void TestResultReaderCsv::csvErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");
    const auto row = [](const char *name, const QByteArray &input, const char *error) {
        QTest::newRow(name) << input << QString::fromUtf8(error);
    };
    row("no comma", "word,count\r\nthe 3\r\n", "r.csv: line 2: no comma between word and count");
    row("unclosed quote", "word,count\r\n\"a,1\r\n", "r.csv: line 2: a quote is not closed");
    row("text after the closing quote", "word,count\r\n\"a\"b,1\r\n",
        "r.csv: line 2: no comma after the quoted word");
    row("count not a number", "word,count\r\na,x\r\n",
        "r.csv: line 2: the count is not a whole number of 0 or more");
    row("empty word", "word,count\r\n,1\r\n", "r.csv: line 2: an empty word");
    row("cut short", "word,count\r\na,12",
        "r.csv: line 2: the file ends in the middle of a line (it was cut short?)");
    row("table, no rank", "rank;word;count;share %;cumulative %\r\nthe;3;75,0;75,0\r\n",
        "r.csv: line 2: no rank before the word");
    row("table, no semicolon", "rank;word;count;share %;cumulative %\r\n1;the 3\r\n",
        "r.csv: line 2: no semicolon between word and count");
    row("table, no shares", "rank,word,count,share %,cumulative %\r\n1,the,3\r\n",
        "r.csv: line 2: no share after the count");
    row("table, commas for a semicolon header",
        "rank;word;count;share %;cumulative %\r\n1,the,3,75.0,75.0\r\n",
        "r.csv: line 2: no rank before the word");
}

void TestResultReaderCsv::csvErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    WordTable table;
    QString message;
    QVERIFY(!ResultReader::readData(input, QStringLiteral("r.csv"), &table, &message));
    QCOMPARE(message, error);
    QVERIFY(table.isEmpty());
}

void TestResultReaderCsv::roundTrip_data()
{
    QTest::addColumn<Rows>("rows");
    QTest::newRow("plain") << Rows {{"the", 5}, {"a", 2}};
    QTest::newRow("commas and quotes") << Rows {{"a,b", 3}, {"\"q\"", 2}, {"x\"y,z", 1}};
    QTest::newRow("formula starts") << Rows {{"=sum", 4}, {"-1", 3}, {"+x", 2}, {"@me", 1}};
    QTest::newRow("an apostrophe first") << Rows {{"'tis", 2}};
    // Whitespace mode keeps a NUL byte met after a file's first 64 KiB. Before: read back
    // without its ', since strchr() finds the string's own terminator.
    QTest::newRow("an apostrophe, then NUL") << Rows {{QByteArray("'\0x", 3), 2}};
}

// What ResultWriter writes as CSV (the explorer's Export) reads back as the same counts.
void TestResultReaderCsv::roundTrip()
{
    QFETCH(Rows, rows);
    const CountResult result = makeResult(rows, CountingMode::Whitespace);
    const QByteArray csv = written(result, ResultFormat::Csv);
    QVERIFY(csv.startsWith("word,count\r\n"));
    WordTable table;
    QString error;
    QVERIFY2(ResultReader::readData(csv, QStringLiteral("r.csv"), &table, &error),
             qPrintable(error));
    QCOMPARE(sortedTsv(table), written(result, ResultFormat::Tsv));
}

void TestResultReaderCsv::tableRoundTrip_data()
{
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<bool>("semicolon");
    const Rows mixed {{"the", 5}, {"a,b", 3},        {"x;y", 3},  {"\"q\"", 2}, {"=sum", 2},
                      {"-1", 1},  {"a\xC3\xB1o", 1}, {"'tis", 1}, {"1,5", 1},   {"2.5", 1}};
    QTest::newRow("comma") << mixed << false;
    QTest::newRow("semicolon") << mixed << true;
}

// What the explorer exports for spreadsheets, in either dialect, reads back as the same counts.
void TestResultReaderCsv::tableRoundTrip()
{
    QFETCH(Rows, rows);
    QFETCH(bool, semicolon);
    const auto result
        = std::make_shared<const CountResult>(makeResult(rows, CountingMode::Whitespace));
    const ResultIndex index(result);
    QByteArray csv;
    QBuffer buffer(&csv);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(ResultWriter::writeTableCsv(
        index, result->order, semicolon ? CsvDialect::Semicolon : CsvDialect::Comma, &buffer));
    WordTable table;
    QString error;
    ResultReader::FileSummary summary;
    QVERIFY2(ResultReader::readData(csv, QStringLiteral("r.csv"), &table, &error, &summary),
             qPrintable(error));
    QCOMPARE(summary.rows, quint64(rows.size()));
    QCOMPARE(sortedTsv(table), written(*result, ResultFormat::Tsv));
}

QTEST_APPLESS_MAIN(TestResultReaderCsv)
#include "tst_resultreader_csv.moc"
