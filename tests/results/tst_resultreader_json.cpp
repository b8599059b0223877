// SPDX-License-Identifier: GPL-3.0-or-later
// Reading JSON results back: parsing, errors naming the line, totals that catch a file cut or
// edited, and how a byte that is not UTF-8 comes back from JSON (and from TSV).

#include "core/results/resultreader.h"
#include "tests/results/resultreadertesthelpers.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ResultReaderTest;

class TestResultReaderJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void json_data();
    void json();
    void jsonErrors_data();
    void jsonErrors();
    void jsonNonUtf8Caveat();
    void longestNonUtf8WordReadsBack();
    void writtenTotalsCatchEdits_data();
    void writtenTotalsCatchEdits();
    void partialFilesReadBack_data();
    void partialFilesReadBack();

private:
    QTemporaryDir m_dir;
};

void TestResultReaderJson::json_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected"); // the table, sorted, as TSV
    QTest::addColumn<int>("mode"); // -1: none given
    QTest::newRow("as written") << QByteArray("{\"mode\":\"words\",\"words\":[\n"
                                              "{\"word\":\"the\",\"count\":3},\n"
                                              "{\"word\":\"año\",\"count\":2}\n"
                                              "]}\n")
                                << QByteArray("the\t3\naño\t2\n") << int(CountingMode::Words);
    QTest::newRow("whitespace mode")
        << QByteArray("{\"mode\":\"whitespace\",\"words\":[{\"word\":\"+x\",\"count\":1}]}")
        << QByteArray("+x\t1\n") << int(CountingMode::Whitespace);
    QTest::newRow("no words") << QByteArray("{\"mode\":\"words\",\"words\":[\n]}\n") << QByteArray()
                              << int(CountingMode::Words);
    QTest::newRow("pretty, with BOM, keys reordered, no mode")
        << QByteArray("\xEF\xBB\xBF\r\n  {\n\t\"words\" : [\n    { \"count\" : 4 , \"word\" : "
                      "\"a\" },\n    {\"word\": \"b\", \"count\": 1}\n  ]\n}\r\n")
        << QByteArray("a\t4\nb\t1\n") << -1;
    QTest::newRow("other members ignored")
        << QByteArray("{\"tool\":{\"name\":\"x\",\"v\":[1,2.5e-3,true,false,null,\"]\"]},"
                      "\"words\":[{\"word\":\"a\",\"count\":1,\"share\":0.5,\"tags\":[]}],"
                      "\"n\":-1}")
        << QByteArray("a\t1\n") << -1;
    QTest::newRow("escapes") << QByteArray("{\"words\":[{\"word\":\"a\\u00f1o\",\"count\":1},"
                                           "{\"word\":\"\\ud83d\\ude00\\/\\\"\\\\\",\"count\":1},"
                                           "{\"word\":\"tab\\tnl\\ncr\\rb\\bf\\f\",\"count\":1}]}")
                             << QByteArray("año\t1\ntab\tnl\ncr\rb\bf\f\t1\n😀/\"\\\t1\n") << -1;
    QTest::newRow("escaped key") << QByteArray("{\"w\\u006frds\":[{\"w\\u006frd\":\"a\","
                                               "\"count\":2}]}")
                                 << QByteArray("a\t2\n") << -1;
    QTest::newRow("repeated word adds up")
        << QByteArray("{\"words\":[{\"word\":\"a\",\"count\":2},{\"word\":\"a\",\"count\":3},"
                      "{\"word\":\"b\",\"count\":0}]}")
        << QByteArray("a\t5\n") << -1;
    QTest::newRow("exact 64-bit count")
        << QByteArray("{\"words\":[{\"word\":\"a\",\"count\":18446744073709551615}]}")
        << QByteArray("a\t18446744073709551615\n") << -1;
    // Totals that match what the entries hold; they may come before or after "words".
    QTest::newRow("totals") << QByteArray(
        "{\"mode\":\"words\",\"totalWords\":5,\"distinctWords\":2,\"words\":[\n"
        "{\"word\":\"que\",\"count\":3},\n{\"word\":\"de\",\"count\":2}\n]}\n")
                            << QByteArray("que\t3\nde\t2\n") << int(CountingMode::Words);
    QTest::newRow("totals after the words")
        << QByteArray("{\"words\":[{\"word\":\"a\",\"count\":4}],\"distinctWords\":1,"
                      "\"totalWords\":4}")
        << QByteArray("a\t4\n") << -1;
    QTest::newRow("totals of nothing")
        << QByteArray("{\"mode\":\"words\",\"totalWords\":0,\"distinctWords\":0,\"words\":[\n]}\n")
        << QByteArray() << int(CountingMode::Words);
    // Entries, not distinct words, are what the file lists: a hand-made file may repeat one.
    QTest::newRow("totals with a repeated word")
        << QByteArray("{\"totalWords\":5,\"distinctWords\":2,\"words\":[{\"word\":\"a\","
                      "\"count\":2},{\"word\":\"a\",\"count\":3}]}")
        << QByteArray("a\t5\n") << -1;
}

void TestResultReaderJson::json()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(int, mode);
    WordTable table;
    QString error;
    ResultReader::FileSummary summary;
    QVERIFY2(ResultReader::readData(input, QStringLiteral("r.json"), &table, &error, &summary),
             qPrintable(error));
    QCOMPARE(sortedTsv(table), expected);
    QCOMPARE(summary.json, true);
    QCOMPARE(summary.mode ? int(*summary.mode) : -1, mode);

    const QString path = m_dir.filePath(QStringLiteral("json.json"));
    QVERIFY(writeFile(path, input));
    WordTable fromFile;
    QVERIFY2(ResultReader::read(path, &fromFile, &error), qPrintable(error));
    QCOMPARE(sortedTsv(fromFile), expected);
}

void TestResultReaderJson::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");
    const auto row = [](const char *name, const QByteArray &input, const char *error) {
        QTest::newRow(name) << input << QString::fromUtf8(error);
    };
    const QByteArray head = "{\"mode\":\"words\",\"words\":[\n{\"word\":\"a\",\"count\":1},\n";
    row("no words array", "{\"mode\":\"words\"}",
        "r.json: line 1: no \"words\" array: not a WordMill result");
    row("empty object", "{}", "r.json: line 1: no \"words\" array: not a WordMill result");
    row("words not an array", "{\"words\":{}}", "r.json: line 1: \"words\" must be an array");
    row("entry not an object", head + "[\"b\",2]\n]}",
        "r.json: line 3: an entry of \"words\" must be an object {\"word\": \"...\", \"count\": "
        "N}");
    row("entry without word", head + "{\"count\":2}\n]}",
        "r.json: line 3: an entry without a \"word\"");
    row("entry without count", head + "{\"word\":\"b\"}\n]}",
        "r.json: line 3: an entry without a \"count\"");
    row("word not a string", head + "{\"word\":7,\"count\":2}\n]}",
        "r.json: line 3: \"word\" must be a string");
    row("count a string", head + "{\"word\":\"b\",\"count\":\"2\"}\n]}",
        "r.json: line 3: \"count\" must be a whole number of 0 or more");
    row("negative count", head + "{\"word\":\"b\",\"count\":-2}\n]}",
        "r.json: line 3: \"count\" must be a whole number of 0 or more");
    row("fractional count", head + "{\"word\":\"b\",\"count\":2.0}\n]}",
        "r.json: line 3: \"count\" must be a whole number of 0 or more");
    row("exponent count", head + "{\"word\":\"b\",\"count\":2e3}\n]}",
        "r.json: line 3: \"count\" must be a whole number of 0 or more");
    row("count of 2^64", head + "{\"word\":\"b\",\"count\":18446744073709551616}\n]}",
        "r.json: line 3: a count that does not fit in 64 bits");
    row("counts add past 2^64", head + "{\"word\":\"b\",\"count\":18446744073709551615}\n]}",
        "r.json: line 3: the counts add up to more than 2^64 - 1");
    row("empty word", head + "{\"word\":\"\",\"count\":2}\n]}", "r.json: line 3: an empty word");
    row("word of 2001 bytes", head + "{\"word\":\"" + QByteArray(2001, 'w') + "\",\"count\":1}]}",
        "r.json: line 3: a word longer than 2000 bytes");
    row("unknown mode", "{\"mode\":\"letters\",\"words\":[]}",
        "r.json: line 1: unknown mode \"letters\" (expected \"words\" or \"whitespace\")");
    row("mode not a string", "{\"mode\":1,\"words\":[]}",
        "r.json: line 1: \"mode\" must be a string");
    row("cut after a comma", head,
        "r.json: line 3: the JSON ends too early (expected an entry of \"words\")");
    row("cut after an entry", "{\"words\":[{\"word\":\"a\",\"count\":1}",
        "r.json: line 1: the JSON ends too early (expected ',' or ']')");
    row("cut after a key",
        "{\"words\":[{\"word\":", "r.json: line 1: the JSON ends too early (expected a value)");
    row("cut in a string", head + "{\"word\":\"b", "r.json: line 3: a string that does not end");
    row("missing comma", head + "{\"word\":\"b\" \"count\":1}]}",
        "r.json: line 3: not valid JSON (expected ',' or '}')");
    row("missing colon", "{\"words\" []}", "r.json: line 1: not valid JSON (expected ':')");
    row("unquoted key", "{words:[]}",
        "r.json: line 1: not valid JSON (expected a member name in quotes)");
    row("bad literal", "{\"x\":nope,\"words\":[]}",
        "r.json: line 1: not valid JSON (expected a value)");
    row("text after the object", "{\"words\":[]}\n{}",
        "r.json: line 2: more text after the end of the JSON object");
    row("raw control character", head + "{\"word\":\"b\tc\",\"count\":1}]}",
        "r.json: line 3: a control character in a string (JSON needs it escaped)");
    row("unknown escape", head + "{\"word\":\"b\\qc\",\"count\":1}]}",
        "r.json: line 3: an unknown escape in a string");
    row("short \\u escape", "{\"words\":[{\"word\":\"\\u12\",\"count\":1}]}",
        "r.json: line 1: a \\u escape without four hex digits");
    row("lone surrogate", "{\"words\":[{\"word\":\"\\ud83d\",\"count\":1}]}",
        "r.json: line 1: a \\u escape of a lone surrogate");
    row("lone low surrogate", "{\"words\":[{\"word\":\"\\ude00x\",\"count\":1}]}",
        "r.json: line 1: a \\u escape of a lone surrogate");
    row("an array", "  [1,2]",
        "r.json: line 1: a WordMill JSON result is an object {\"words\": [...]}");

    // Declared totals that the entries do not match: the file was cut and closed again, or
    // edited. The error names the line of the total that does not match.
    const QByteArray totals = "{\"mode\":\"words\",\"totalWords\":2100,\"distinctWords\":2,";
    row("a count cut short",
        totals
            + "\"words\":[\n{\"word\":\"que\",\"count\":202},\n{\"word\":\"de\",\"count\":77}\n]}"
              "\n",
        "r.json: line 1: the counts add up to 279 words but the file says 2100: it was cut or "
        "edited");
    row("an entry removed", totals + "\"words\":[\n{\"word\":\"que\",\"count\":2023}\n]}\n",
        "r.json: line 1: the counts add up to 2023 words but the file says 2100: it was cut or "
        "edited");
    row("an entry added, counts moved",
        totals
            + "\"words\":[\n{\"word\":\"que\",\"count\":2000},\n{\"word\":\"de\",\"count\":"
              "77},\n{\"word\":\"y\",\"count\":23}\n]}\n",
        "r.json: line 1: \"words\" has 3 entries but the file says 2 distinct words: it was cut or "
        "edited");
    row("totals after the words",
        "{\"words\":[\n{\"word\":\"a\",\"count\":4}\n],\n\"totalWords\":5}",
        "r.json: line 4: the counts add up to 4 words but the file says 5: it was cut or edited");
    row("total words not a number", "{\"totalWords\":\"5\",\"words\":[]}",
        "r.json: line 1: \"totalWords\" must be a whole number of 0 or more");
    row("distinct words negative", "{\"distinctWords\":-1,\"words\":[]}",
        "r.json: line 1: \"distinctWords\" must be a whole number of 0 or more");
}

void TestResultReaderJson::jsonErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    WordTable table;
    QString message;
    QVERIFY(!ResultReader::readData(input, QStringLiteral("r.json"), &table, &message));
    QCOMPARE(message, error);
    QVERIFY(table.isEmpty());
}

// JSON writes a byte that is not UTF-8 as the code point of its value; it reads back as that
// code point's UTF-8, and so can meet the word it now spells (documented in resultreader.h).
void TestResultReaderJson::jsonNonUtf8Caveat()
{
    const CountResult result
        = makeResult({{"año", 2}, {"a\xF1o", 1}, {"x\x92", 1}}, CountingMode::Whitespace);
    const QByteArray json = written(result, ResultFormat::Json);
    WordTable table;
    QString error;
    QVERIFY2(ResultReader::readData(json, QStringLiteral("r.json"), &table, &error),
             qPrintable(error));
    QCOMPARE(sortedTsv(table), QByteArray("año\t3\nx\xC2\x92\t1\n"));

    // TSV keeps them apart, byte for byte.
    WordTable fromTsv;
    QVERIFY2(ResultReader::readData(written(result, ResultFormat::Tsv), QStringLiteral("r.tsv"),
                                    &fromTsv, &error),
             qPrintable(error));
    QCOMPARE(sortedTsv(fromTsv), QByteArray("año\t2\na\xF1o\t1\nx\x92\t1\n"));
}

// Found by fuzz_resultreaders: 501 bytes of Latin-1 "é" (counted, in whitespace mode) were
// written as 1,002 bytes of UTF-8, and the JSON result could not be read back.
void TestResultReaderJson::longestNonUtf8WordReadsBack()
{
    const QByteArray latin1(CountResult::MaxWordBytes, '\xE9');
    const CountResult result = makeResult({{latin1, 3}, {"short", 1}}, CountingMode::Whitespace);
    WordTable table;
    QString error;
    QVERIFY2(ResultReader::readData(written(result, ResultFormat::Json), QStringLiteral("r.json"),
                                    &table, &error),
             qPrintable(error));
    const QByteArray utf8 = QByteArray("\xC3\xA9").repeated(CountResult::MaxWordBytes);
    QCOMPARE(table.count(utf8), quint64(3));

    // Written again as TSV, the grown word still reads.
    WordTable fromTsv;
    QVERIFY2(ResultReader::readData(
                 written(makeResult({{utf8, 3}}, CountingMode::Whitespace), ResultFormat::Tsv),
                 QStringLiteral("r.tsv"), &fromTsv, &error),
             qPrintable(error));
    QCOMPARE(fromTsv.count(utf8), quint64(3));
}

void TestResultReaderJson::writtenTotalsCatchEdits_data()
{
    QTest::addColumn<QByteArray>("from"); // replaced in the written file
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("error");
    QTest::newRow("as written") << QByteArray() << QByteArray() << QString();
    QTest::newRow("a count cut short")
        << QByteArray("\"count\":2023}") << QByteArray("\"count\":202}")
        << QStringLiteral(
               "r.json: line 1: the counts add up to 302 words but the file says 2123: it was cut "
               "or edited");
    QTest::newRow("the last entry cut off")
        << QByteArray(",\n{\"word\":\"y\",\"count\":23}") << QByteArray()
        << QStringLiteral(
               "r.json: line 1: the counts add up to 2100 words but the file says 2123: it was cut "
               "or edited");
    QTest::newRow("an entry split in two")
        << QByteArray("{\"word\":\"y\",\"count\":23}")
        << QByteArray("{\"word\":\"y\",\"count\":20},{\"word\":\"y\",\"count\":3}")
        << QStringLiteral("r.json: line 1: \"words\" has 4 entries but the file says 3 distinct "
                          "words: it was cut or edited");
}

// What the writer declares is what the reader checks: any change to the entries is caught.
void TestResultReaderJson::writtenTotalsCatchEdits()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, error);
    const CountResult result
        = makeResult({{"que", 2023}, {"de", 77}, {"y", 23}}, CountingMode::Words);
    QByteArray json = written(result, ResultFormat::Json);
    if (!from.isEmpty()) {
        QVERIFY2(json.contains(from), json.constData());
        json.replace(from, to);
    }
    WordTable table;
    QString message;
    QCOMPARE(ResultReader::readData(json, QStringLiteral("r.json"), &table, &message),
             error.isEmpty());
    QCOMPARE(message, error);
}

void TestResultReaderJson::partialFilesReadBack_data()
{
    QTest::addColumn<qsizetype>("limit"); // --top N; -1: the explorer's chosen rows
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("--top 2") << qsizetype(2) << QByteArray("que\t2023\nde\t77\n");
    QTest::newRow("--top 0") << qsizetype(0) << QByteArray();
    QTest::newRow("--top beyond the end")
        << qsizetype(10) << QByteArray("que\t2023\nde\t77\ny\t23\n");
    QTest::newRow("filtered, re-sorted export") << qsizetype(-1) << QByteArray("de\t77\ny\t23\n");
}

// A file that holds part of a result (--top N, or the explorer's shown rows) declares the totals
// of what it holds, so it reads back, and merges, as the rows it has.
void TestResultReaderJson::partialFilesReadBack()
{
    QFETCH(qsizetype, limit);
    QFETCH(QByteArray, expected);
    const CountResult result
        = makeResult({{"que", 2023}, {"de", 77}, {"y", 23}}, CountingMode::Words);
    QByteArray json;
    QBuffer buffer(&json);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    if (limit >= 0) {
        QVERIFY(ResultWriter::write(result, ResultFormat::Json, &buffer, limit));
    } else {
        // Entry numbers follow insertion: 0 "que", 1 "de", 2 "y".
        QVERIFY(
            ResultWriter::write(result, std::vector<quint32> {2, 1}, ResultFormat::Json, &buffer));
    }
    WordTable table;
    QString error;
    QVERIFY2(ResultReader::readData(json, QStringLiteral("r.json"), &table, &error),
             qPrintable(error + QLatin1Char('\n') + QString::fromUtf8(json)));
    QCOMPARE(sortedTsv(table), expected);
}

QTEST_GUILESS_MAIN(TestResultReaderJson)
#include "tst_resultreader_json.moc"
