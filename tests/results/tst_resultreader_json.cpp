// SPDX-License-Identifier: GPL-3.0-or-later
// Reading JSON results back: parsing, errors naming the line, and how a byte that is not UTF-8
// comes back from JSON (and from TSV).

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
    row("word of 1001 bytes", head + "{\"word\":\"" + QByteArray(1001, 'w') + "\",\"count\":1}]}",
        "r.json: line 3: a word longer than 1000 bytes");
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

QTEST_GUILESS_MAIN(TestResultReaderJson)
#include "tst_resultreader_json.moc"
