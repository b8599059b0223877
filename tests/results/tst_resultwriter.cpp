// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/countresult.h"
#include "core/results/resultindex.h"
#include "core/results/resultwriter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

#include <utility>

namespace {

using Rows = QList<std::pair<QByteArray, quint64>>;

// A result whose output order is \a rows as given (the writer does not sort).
CountResult makeResult(const Rows &rows, CountingMode mode = CountingMode::Words)
{
    auto table = std::make_shared<WordTable>();
    CountResult result;
    result.mode = mode;
    for (const auto &[word, count] : rows) {
        table->add(word.constData(), word.size(), count);
        result.order.push_back(quint32(table->size() - 1));
    }
    result.table = table;
    result.totals.distinctWords = quint64(rows.size());
    return result;
}

QByteArray written(const CountResult &result, ResultFormat format, qsizetype limit = -1)
{
    QByteArray out;
    QBuffer buffer(&out);
    if (!buffer.open(QIODevice::WriteOnly))
        return "cannot open buffer";
    if (!ResultWriter::write(result, format, &buffer, limit))
        return "write failed";
    return out;
}

// Words a spreadsheet would run, quote-worthy words, and words with bytes beyond ASCII.
const Rows &trickyRows()
{
    static const Rows rows = {
        {"the", 3},  {"año", 2}, {"=1+1", 1}, {"+x", 1},          {"-y", 1},     {"@z", 1},
        {"\tq", 1},  {"\rr", 1}, {"a\"b", 1}, {"c,d", 1},         {"x\ny", 1},   {"\"q", 1},
        {"=a,b", 1}, {"1-2", 1}, {"'=x", 1},  {"back\\slash", 1}, {"a\xF1o", 1},
    };
    return rows;
}

} // namespace

class TestResultWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseFormat_data();
    void parseFormat();
    void csvCell_data();
    void csvCell();
    void jsonString_data();
    void jsonString();
    void tsv();
    void tsvRowOfEveryWordLength_data();
    void tsvRowOfEveryWordLength();
    void csv();
    void json();
    void jsonParses();
    void whitespaceModeJson();
    void emptyResult();
    void limit();
    void chosenEntries();
    void chosenEntriesMatchOrder();
    void tableCsv_data();
    void tableCsv();
    void tsvOfEntries();
    void writeError();
    void manyRowsStayInOrder_data();
    void manyRowsStayInOrder();
};

void TestResultWriter::parseFormat_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("format");
    QTest::newRow("tsv") << QStringLiteral("tsv") << true << int(ResultFormat::Tsv);
    QTest::newRow("csv") << QStringLiteral("csv") << true << int(ResultFormat::Csv);
    QTest::newRow("json") << QStringLiteral("json") << true << int(ResultFormat::Json);
    QTest::newRow("upper case") << QStringLiteral("TSV") << false << -1;
    QTest::newRow("unknown") << QStringLiteral("xml") << false << -1;
    QTest::newRow("empty") << QString() << false << -1;
}

void TestResultWriter::parseFormat()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(int, format);
    // Starts from another format, so that a valid name must set it; an invalid one leaves it.
    const ResultFormat before
        = format == int(ResultFormat::Tsv) ? ResultFormat::Csv : ResultFormat::Tsv;
    ResultFormat parsed = before;
    QCOMPARE(ResultWriter::parseFormat(name, &parsed), valid);
    QCOMPARE(int(parsed), valid ? format : int(before));
}

void TestResultWriter::csvCell_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("cell");
    QTest::newRow("plain") << QByteArray("word") << QByteArray("word");
    QTest::newRow("utf-8") << QByteArray("año") << QByteArray("año");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("formula =") << QByteArray("=1+1") << QByteArray("'=1+1");
    QTest::newRow("formula +") << QByteArray("+x") << QByteArray("'+x");
    QTest::newRow("formula -") << QByteArray("-y") << QByteArray("'-y");
    QTest::newRow("formula @") << QByteArray("@z") << QByteArray("'@z");
    QTest::newRow("leading tab") << QByteArray("\tq") << QByteArray("'\tq");
    QTest::newRow("leading cr") << QByteArray("\rr") << QByteArray("\"'\rr\"");
    QTest::newRow("inner formula characters") << QByteArray("1-2=3") << QByteArray("1-2=3");
    QTest::newRow("leading apostrophe") << QByteArray("'=x") << QByteArray("'=x");
    QTest::newRow("quote") << QByteArray("a\"b") << QByteArray("\"a\"\"b\"");
    QTest::newRow("leading quote") << QByteArray("\"q") << QByteArray("\"\"\"q\"");
    QTest::newRow("comma") << QByteArray("c,d") << QByteArray("\"c,d\"");
    QTest::newRow("line feed") << QByteArray("x\ny") << QByteArray("\"x\ny\"");
    QTest::newRow("formula with comma") << QByteArray("=a,b") << QByteArray("\"'=a,b\"");
    QTest::newRow("invalid utf-8 kept") << QByteArray("a\xF1o") << QByteArray("a\xF1o");
    QTest::newRow("semicolon, not quoted") << QByteArray("x;y") << QByteArray("x;y");
}

void TestResultWriter::csvCell()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, cell);
    QCOMPARE(ResultWriter::csvCell(text), cell);
}

void TestResultWriter::jsonString_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("literal");
    QTest::newRow("plain") << QByteArray("word") << QByteArray("\"word\"");
    QTest::newRow("empty") << QByteArray() << QByteArray("\"\"");
    QTest::newRow("quote") << QByteArray("a\"b") << QByteArray("\"a\\\"b\"");
    QTest::newRow("backslash") << QByteArray("a\\b") << QByteArray("\"a\\\\b\"");
    QTest::newRow("controls") << QByteArray("\t\n\r\x01\x1F")
                              << QByteArray("\"\\u0009\\u000a\\u000d\\u0001\\u001f\"");
    QTest::newRow("slash and del") << QByteArray("a/b\x7F") << QByteArray("\"a/b\x7F\"");
    QTest::newRow("utf-8 2-byte") << QByteArray("año") << QByteArray("\"año\"");
    QTest::newRow("utf-8 3-byte") << QByteArray("l’eau") << QByteArray("\"l’eau\"");
    QTest::newRow("utf-8 4-byte") << QByteArray("𝒜") << QByteArray("\"𝒜\"");
    // Bytes that are not UTF-8 become the code point of the byte's value (Latin-1, so 0x92
    // is U+0092, not Windows-1252's U+2019).
    QTest::newRow("invalid byte") << QByteArray("a\xF1o") << QByteArray("\"año\"");
    QTest::newRow("invalid c1 byte") << QByteArray("don\x92t") << QByteArray("\"don\xC2\x92t\"");
    QTest::newRow("truncated sequence")
        << QByteArray("x\xE2\x82") << QByteArray("\"x\xC3\xA2\xC2\x82\"");
    QTest::newRow("encoded surrogate")
        << QByteArray("\xED\xA0\x80") << QByteArray("\"\xC3\xAD\xC2\xA0\xC2\x80\"");
    QTest::newRow("overlong encoding")
        << QByteArray("\xC0\xAF") << QByteArray("\"\xC3\x80\xC2\xAF\"");
    QTest::newRow("byte 0xFF") << QByteArray("\xFF") << QByteArray("\"\xC3\xBF\"");
}

void TestResultWriter::jsonString()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, literal);
    QCOMPARE(ResultWriter::jsonString(text), literal);
}

void TestResultWriter::tsv()
{
    const CountResult result = makeResult(
        {{"the", 3}, {"año", 2}, {"l’eau", 2}, {"=1+1", 1}, {"a\xF1o", 1}, {"x", 12345678901ULL}});
    QCOMPARE(written(result, ResultFormat::Tsv),
             QByteArray("the\t3\n"
                        "año\t2\n"
                        "l’eau\t2\n"
                        "=1+1\t1\n"
                        "a\xF1o\t1\n"
                        "x\t12345678901\n"));
}

void TestResultWriter::tsvRowOfEveryWordLength_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<quint64>("count");
    // Around the 15 bytes a table keeps in an entry (the writer copies a short word as 16),
    // the longest word (2,000 bytes) and the longest count (20 digits).
    for (const int length : {1, 2, 7, 8, 9, 14, 15, 16, 17, 31, 32, 33, 2000})
        for (const quint64 count : {quint64(1), quint64(10), ~quint64(0)})
            QTest::addRow("%d bytes, %llu", length, qulonglong(count)) << length << count;
}

void TestResultWriter::tsvRowOfEveryWordLength()
{
    QFETCH(int, length);
    QFETCH(quint64, count);
    QByteArray word(length, 'w');
    word.back() = 'z';
    // Rows on either side, so that a row that writes past its end or short of it shows.
    const CountResult result = makeResult({{"before", count}, {word, count}, {"after", 1}});
    const QByteArray number = QByteArray::number(count);
    QCOMPARE(written(result, ResultFormat::Tsv),
             "before\t" + number + "\n" + word + "\t" + number + "\nafter\t1\n");
}

void TestResultWriter::csv()
{
    QCOMPARE(written(makeResult(trickyRows()), ResultFormat::Csv),
             QByteArray("word,count\r\n"
                        "the,3\r\n"
                        "año,2\r\n"
                        "'=1+1,1\r\n"
                        "'+x,1\r\n"
                        "'-y,1\r\n"
                        "'@z,1\r\n"
                        "'\tq,1\r\n"
                        "\"'\rr\",1\r\n"
                        "\"a\"\"b\",1\r\n"
                        "\"c,d\",1\r\n"
                        "\"x\ny\",1\r\n"
                        "\"\"\"q\",1\r\n"
                        "\"'=a,b\",1\r\n"
                        "1-2,1\r\n"
                        "'=x,1\r\n"
                        "back\\slash,1\r\n"
                        "a\xF1o,1\r\n"));
}

void TestResultWriter::json()
{
    QCOMPARE(written(makeResult(trickyRows()), ResultFormat::Json),
             QByteArray("{\"mode\":\"words\",\"totalWords\":20,\"distinctWords\":17,\"words\":[\n"
                        "{\"word\":\"the\",\"count\":3},\n"
                        "{\"word\":\"año\",\"count\":2},\n"
                        "{\"word\":\"=1+1\",\"count\":1},\n"
                        "{\"word\":\"+x\",\"count\":1},\n"
                        "{\"word\":\"-y\",\"count\":1},\n"
                        "{\"word\":\"@z\",\"count\":1},\n"
                        "{\"word\":\"\\u0009q\",\"count\":1},\n"
                        "{\"word\":\"\\u000dr\",\"count\":1},\n"
                        "{\"word\":\"a\\\"b\",\"count\":1},\n"
                        "{\"word\":\"c,d\",\"count\":1},\n"
                        "{\"word\":\"x\\u000ay\",\"count\":1},\n"
                        "{\"word\":\"\\\"q\",\"count\":1},\n"
                        "{\"word\":\"=a,b\",\"count\":1},\n"
                        "{\"word\":\"1-2\",\"count\":1},\n"
                        "{\"word\":\"'=x\",\"count\":1},\n"
                        "{\"word\":\"back\\\\slash\",\"count\":1},\n"
                        "{\"word\":\"año\",\"count\":1}\n"
                        "]}\n"));
}

// Whatever the bytes, the output is valid JSON that gives the words back.
void TestResultWriter::jsonParses()
{
    const CountResult result = makeResult(trickyRows());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(written(result, ResultFormat::Json), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value(QLatin1String("mode")).toString(), QStringLiteral("words"));
    const QJsonArray words = doc.object().value(QLatin1String("words")).toArray();
    QCOMPARE(words.size(), trickyRows().size());
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QJsonObject row = words.at(i).toObject();
        const QByteArray word = trickyRows().at(i).first;
        const QString expected = word == "a\xF1o" ? QStringLiteral("año") : QString::fromUtf8(word);
        QCOMPARE(row.value(QLatin1String("word")).toString(), expected);
        QCOMPARE(row.value(QLatin1String("count")).toInteger(), qint64(trickyRows().at(i).second));
    }
}

void TestResultWriter::whitespaceModeJson()
{
    const CountResult result
        = makeResult({{"hello,", 2}, {"don\x92t", 1}}, CountingMode::Whitespace);
    QCOMPARE(
        written(result, ResultFormat::Json),
        QByteArray("{\"mode\":\"whitespace\",\"totalWords\":3,\"distinctWords\":2,\"words\":[\n"
                   "{\"word\":\"hello,\",\"count\":2},\n"
                   "{\"word\":\"don\xC2\x92t\",\"count\":1}\n"
                   "]}\n"));
}

void TestResultWriter::emptyResult()
{
    const CountResult result = makeResult({});
    QCOMPARE(written(result, ResultFormat::Tsv), QByteArray());
    QCOMPARE(written(result, ResultFormat::Csv), QByteArray("word,count\r\n"));
    QCOMPARE(
        written(result, ResultFormat::Json),
        QByteArray("{\"mode\":\"words\",\"totalWords\":0,\"distinctWords\":0,\"words\":[\n]}\n"));
}

void TestResultWriter::limit()
{
    const CountResult result = makeResult({{"a", 3}, {"b", 2}, {"c", 1}});
    QCOMPARE(written(result, ResultFormat::Tsv, 2), QByteArray("a\t3\nb\t2\n"));
    QCOMPARE(written(result, ResultFormat::Tsv, 0), QByteArray());
    QCOMPARE(written(result, ResultFormat::Tsv, 10), QByteArray("a\t3\nb\t2\nc\t1\n"));
    QCOMPARE(written(result, ResultFormat::Csv, 1), QByteArray("word,count\r\na,3\r\n"));
    // The totals are those of the rows written, which a reader checks them against.
    QCOMPARE(written(result, ResultFormat::Json, 1),
             QByteArray("{\"mode\":\"words\",\"totalWords\":3,\"distinctWords\":1,\"words\":[\n"
                        "{\"word\":\"a\",\"count\":3}\n]}\n"));
}

// The explorer exports its filtered, re-sorted view: any entries, in any order.
void TestResultWriter::chosenEntries()
{
    // Entry numbers follow insertion: 0 "the", 1 "año", 2 "=1+1", 3 "x".
    const CountResult result = makeResult({{"the", 3}, {"año", 2}, {"=1+1", 1}, {"x", 1}});
    const std::vector<quint32> entries = {3, 1, 2};
    const auto write = [&](ResultFormat format, const std::vector<quint32> &rows) {
        QByteArray out;
        QBuffer buffer(&out);
        if (!buffer.open(QIODevice::WriteOnly)
            || !ResultWriter::write(result, rows, format, &buffer))
            return QByteArray("write failed");
        return out;
    };
    QCOMPARE(write(ResultFormat::Tsv, entries), QByteArray("x\t1\naño\t2\n=1+1\t1\n"));
    QCOMPARE(write(ResultFormat::Csv, entries),
             QByteArray("word,count\r\nx,1\r\naño,2\r\n'=1+1,1\r\n"));
    QCOMPARE(write(ResultFormat::Json, entries),
             QByteArray("{\"mode\":\"words\",\"totalWords\":4,\"distinctWords\":3,\"words\":[\n"
                        "{\"word\":\"x\",\"count\":1},\n"
                        "{\"word\":\"año\",\"count\":2},\n"
                        "{\"word\":\"=1+1\",\"count\":1}\n"
                        "]}\n"));
    QCOMPARE(write(ResultFormat::Tsv, {}), QByteArray());
    QCOMPARE(write(ResultFormat::Csv, {}), QByteArray("word,count\r\n"));
    QCOMPARE(
        write(ResultFormat::Json, {}),
        QByteArray("{\"mode\":\"words\",\"totalWords\":0,\"distinctWords\":0,\"words\":[\n]}\n"));
}

void TestResultWriter::tableCsv_data()
{
    QTest::addColumn<bool>("semicolon");
    QTest::addColumn<QByteArray>("csv");
    // Ranks in output order, whatever the rows' order; shares in percent of all 20 words, with
    // the table's third decimal below 10 %.
    QTest::newRow("comma") << false
                           << QByteArray("rank,word,count,share %,cumulative %\r\n"
                                         "4,x;y,1,5.000,45.00\r\n"
                                         "2,\"a,b\",2,10.00,35.00\r\n"
                                         "1,the,5,25.00,25.00\r\n"
                                         "3,'=1+1,1,5.000,40.00\r\n");
    // What Excel and LibreOffice in Spanish open as columns of numbers: see CsvDialect.
    QTest::newRow("semicolon") << true
                               << QByteArray("\xEF\xBB\xBFrank;word;count;share %;cumulative %\r\n"
                                             "4;\"x;y\";1;5,000;45,00\r\n"
                                             "2;a,b;2;10,00;35,00\r\n"
                                             "1;the;5;25,00;25,00\r\n"
                                             "3;'=1+1;1;5,000;40,00\r\n");
}

void TestResultWriter::tableCsv()
{
    QFETCH(bool, semicolon);
    QFETCH(QByteArray, csv);
    // Entry numbers follow insertion: 0 "the", 1 "a,b", 2 "=1+1", 3 "x;y", 4 "z", 5 "w". The
    // writer takes the output order as given, unsorted.
    CountResult made
        = makeResult({{"the", 5}, {"a,b", 2}, {"=1+1", 1}, {"x;y", 1}, {"z", 1}, {"w", 10}});
    made.totals.words = 20;
    const auto result = std::make_shared<const CountResult>(made);
    const ResultIndex index(result);
    QByteArray out;
    QBuffer buffer(&out);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(ResultWriter::writeTableCsv(
        index, {3, 1, 0, 2}, semicolon ? CsvDialect::Semicolon : CsvDialect::Comma, &buffer));
    QCOMPARE(out, csv);
    out.clear();
    buffer.seek(0);
    QVERIFY(ResultWriter::writeTableCsv(index, {5}, CsvDialect::Comma, &buffer));
    QCOMPARE(out, QByteArray("rank,word,count,share %,cumulative %\r\n6,w,10,50.00,100.00\r\n"));
}

// All rows in output order give what the plain write() gives.
void TestResultWriter::chosenEntriesMatchOrder()
{
    const CountResult result = makeResult(trickyRows(), CountingMode::Whitespace);
    for (const ResultFormat format : {ResultFormat::Tsv, ResultFormat::Csv, ResultFormat::Json}) {
        QByteArray out;
        QBuffer buffer(&out);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(ResultWriter::write(result, result.order, format, &buffer));
        QCOMPARE(out, written(result, format));
    }
}

void TestResultWriter::tsvOfEntries()
{
    const CountResult result = makeResult({{"the", 3}, {"año", 2}, {"a\xF1o", 1}});
    QCOMPARE(ResultWriter::tsv(result, {2, 0}), QByteArray("a\xF1o\t1\nthe\t3\n"));
    QCOMPARE(ResultWriter::tsv(result, {}), QByteArray());
}

void TestResultWriter::writeError()
{
    const CountResult result = makeResult({{"a", 1}});
    QBuffer closed; // never opened: every write fails
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not open")));
    QVERIFY(!ResultWriter::write(result, ResultFormat::Tsv, &closed));
}

// Hundreds of thousands of rows are formatted in ranges on several threads, a window of ranges
// at a time: every row must come out once, in order, across the ranges' and windows' edges.
// Fewer rows than a window of whole ranges are cut into a range for each place of the window,
// of 4 Ki rows at least.
void TestResultWriter::manyRowsStayInOrder_data()
{
    QTest::addColumn<ResultFormat>("format");
    QTest::addColumn<int>("rows");
    for (const int rows : {1, 4097, 20003, (1 << 15) - 1, 1 << 15, (1 << 15) + 1, 300001}) {
        QTest::addRow("tsv, %d rows", rows) << ResultFormat::Tsv << rows;
        QTest::addRow("csv, %d rows", rows) << ResultFormat::Csv << rows;
        QTest::addRow("json, %d rows", rows) << ResultFormat::Json << rows;
    }
}

void TestResultWriter::manyRowsStayInOrder()
{
    QFETCH(ResultFormat, format);
    QFETCH(int, rows);
    Rows list;
    quint64 words = 0;
    QByteArray body;
    for (int i = 0; i < rows; ++i) {
        const QByteArray word = "w" + QByteArray::number(i);
        const quint64 count = quint64(rows - i);
        list.append({word, count});
        words += count;
        const QByteArray number = QByteArray::number(count);
        if (format == ResultFormat::Tsv)
            body += word + '\t' + number + '\n';
        else if (format == ResultFormat::Csv)
            body += word + ',' + number + "\r\n";
        else
            body += (i == 0 ? "\n" : ",\n")
                + ("{\"word\":\"" + word + "\",\"count\":" + number + '}');
    }
    QByteArray expected = body;
    if (format == ResultFormat::Csv)
        expected.prepend("word,count\r\n");
    if (format == ResultFormat::Json)
        expected = "{\"mode\":\"words\",\"totalWords\":" + QByteArray::number(words)
            + ",\"distinctWords\":" + QByteArray::number(rows) + ",\"words\":[" + body + "\n]}\n";
    const QByteArray out = written(makeResult(list), format);
    if (out != expected) {
        qsizetype at = 0;
        while (at < out.size() && at < expected.size() && out.at(at) == expected.at(at))
            ++at;
        QFAIL(qPrintable(
            QStringLiteral("differs from byte %1: \"%2\" instead of \"%3\"")
                .arg(at)
                .arg(QString::fromUtf8(out.mid(at, 30)), QString::fromUtf8(expected.mid(at, 30)))));
    }
}

QTEST_APPLESS_MAIN(TestResultWriter)
#include "tst_resultwriter.moc"
