// SPDX-License-Identifier: GPL-3.0-or-later
// Reading result files back: TSV and JSON parsing, errors naming the line, golden files of every
// export format, export → read round trips, merging several files, and reading 2M rows.

#include "core/engine/countresult.h"
#include "core/engine/outputorder.h"
#include "core/format/progressformat.h"
#include "core/results/resultreader.h"
#include "core/results/resultwriter.h"
#include "tests/common/testfiles.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

using TestFiles::writeFile;

using Rows = QList<std::pair<QByteArray, quint64>>;

const QString DataDir = QStringLiteral(WORDMILL_TEST_DATA_DIR);

// \a rows in output order, as a job would have made them.
CountResult makeResult(const Rows &rows, CountingMode mode)
{
    auto table = std::make_shared<WordTable>();
    for (const auto &[word, count] : rows)
        table->add(word.constData(), word.size(), count);
    CountResult result;
    result.mode = mode;
    OutputOrder::sort(*table, &result.order);
    for (const auto &[word, count] : rows)
        result.totals.words += count;
    result.totals.distinctWords = quint64(table->size());
    result.table = table;
    return result;
}

QByteArray written(const CountResult &result, ResultFormat format)
{
    QByteArray out;
    QBuffer buffer(&out);
    if (!buffer.open(QIODevice::WriteOnly) || !ResultWriter::write(result, format, &buffer))
        return "write failed";
    return out;
}

// A table's contents as TSV in output order: readable when a comparison fails.
QByteArray sortedTsv(const WordTable &table)
{
    CountResult result;
    result.table = std::make_shared<WordTable>(table);
    OutputOrder::sort(table, &result.order);
    return written(result, ResultFormat::Tsv);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("cannot read ") + path.toUtf8();
}

// Whitespace-mode tokens: non-ASCII, a titlecase letter whitespace mode keeps, formula-like
// starts, and bytes that JSON and CSV escape or quote. Output order.
const Rows &goldenRows()
{
    static const Rows rows = {
        {"many", 9007199254740993ULL}, // 2^53 + 1: no double could hold it
        {"the", 5},
        {"año", 3},
        {"l’eau", 3},
        {"=1+1", 2},
        {"ǅemal", 2},
        {"+x", 1},
        {"-y", 1},
        {"@z", 1},
        {"a,b", 1},
        {"back\\slash", 1},
        {"say\"hi\"", 1},
    };
    return rows;
}

// CSV can also hold words TSV cannot: a leading tab or CR must be guarded there.
Rows csvGoldenRows()
{
    Rows rows = goldenRows();
    rows.insert(6, {"\rr", 1});
    rows.insert(6, {"\tq", 1});
    return rows;
}

} // namespace

class TestResultReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void tsv_data();
    void tsv();
    void tsvErrors_data();
    void tsvErrors();
    void json_data();
    void json();
    void jsonErrors_data();
    void jsonErrors();
    void fileErrors();
    void errorLeavesTableAlone();
    void errorLineInLaterBlock();
    void golden_data();
    void golden();
    void readGolden_data();
    void readGolden();
    void roundTrip_data();
    void roundTrip();
    void jsonNonUtf8Caveat();
    void mergeAddsAndReorders();
    void mergeBadFileAmongGood();
    void mergeNothingReadable();
    void mergeMode_data();
    void mergeMode();
    void mergeCancelled();
    void twoMillionRows();

private:
    QTemporaryDir m_dir;
};

void TestResultReader::tsv_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected"); // the table, sorted, as TSV
    QTest::addColumn<quint64>("rows");
    QTest::addColumn<quint64>("words");
    QTest::newRow("empty file") << QByteArray() << QByteArray() << quint64(0) << quint64(0);
    QTest::newRow("one row") << QByteArray("the\t3\n") << QByteArray("the\t3\n") << quint64(1)
                             << quint64(3);
    QTest::newRow("no final line end")
        << QByteArray("a\t1\nb\t2") << QByteArray("b\t2\na\t1\n") << quint64(2) << quint64(3);
    QTest::newRow("CRLF line ends")
        << QByteArray("a\t1\r\nb\t2\r\n") << QByteArray("b\t2\na\t1\n") << quint64(2) << quint64(3);
    QTest::newRow("CRLF without the last LF")
        << QByteArray("a\t1\r\nb\t2\r") << QByteArray("b\t2\na\t1\n") << quint64(2) << quint64(3);
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

void TestResultReader::tsv()
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

void TestResultReader::tsvErrors_data()
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
    row("word of 1001 bytes", QByteArray(1001, 'w') + "\t1\n",
        "r.tsv: line 1: a word longer than 1000 bytes");
    row("line too long", QByteArray(10, 'w') + '\t' + QByteArray(5000, '1') + '\n',
        "r.tsv: line 1: a line longer than 4096 bytes: not a WordMill result");
    row("CSV export", "word,count\r\nthe,3\r\n",
        "r.tsv: line 1: a CSV file: WordMill reads back TSV and JSON results only");
}

void TestResultReader::tsvErrors()
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

void TestResultReader::json_data()
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

void TestResultReader::json()
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

void TestResultReader::jsonErrors_data()
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

void TestResultReader::jsonErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    WordTable table;
    QString message;
    QVERIFY(!ResultReader::readData(input, QStringLiteral("r.json"), &table, &message));
    QCOMPARE(message, error);
    QVERIFY(table.isEmpty());
}

void TestResultReader::fileErrors()
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
void TestResultReader::errorLeavesTableAlone()
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
void TestResultReader::errorLineInLaterBlock()
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
}

void TestResultReader::golden_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("file");
    QTest::newRow("tsv") << int(ResultFormat::Tsv) << QStringLiteral("golden.tsv");
    QTest::newRow("csv") << int(ResultFormat::Csv) << QStringLiteral("golden.csv");
    QTest::newRow("json") << int(ResultFormat::Json) << QStringLiteral("golden.json");
}

// Each export format, byte for byte, for non-ASCII words and formula-like cells.
void TestResultReader::golden()
{
    QFETCH(int, format);
    QFETCH(QString, file);
    const auto f = ResultFormat(format);
    const CountResult result = makeResult(f == ResultFormat::Csv ? csvGoldenRows() : goldenRows(),
                                          CountingMode::Whitespace);
    QCOMPARE(written(result, f), readFile(QDir(DataDir).filePath(file)));
}

void TestResultReader::readGolden_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("tsv") << QStringLiteral("golden.tsv");
    QTest::newRow("json") << QStringLiteral("golden.json");
}

void TestResultReader::readGolden()
{
    QFETCH(QString, file);
    QStringList errors;
    const auto merged = ResultReader::merge({QDir(DataDir).filePath(file)}, &errors);
    QVERIFY2(merged, qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(errors, QStringList());
    const Rows &expected = goldenRows();
    QCOMPARE(merged->size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(merged->word(i).toByteArray(), expected.at(i).first);
        QCOMPARE(merged->count(i), expected.at(i).second);
    }
    // TSV does not say its mode; the golden JSON says whitespace.
    QCOMPARE(merged->mode,
             file.endsWith(QLatin1String(".json")) ? CountingMode::Whitespace
                                                   : CountingMode::Words);
}

void TestResultReader::roundTrip_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("anyBytes"); // words with bytes that are not UTF-8
    QTest::newRow("tsv words") << int(ResultFormat::Tsv) << int(CountingMode::Words) << false;
    QTest::newRow("tsv whitespace, any bytes")
        << int(ResultFormat::Tsv) << int(CountingMode::Whitespace) << true;
    QTest::newRow("json words") << int(ResultFormat::Json) << int(CountingMode::Words) << false;
    QTest::newRow("json whitespace, UTF-8")
        << int(ResultFormat::Json) << int(CountingMode::Whitespace) << false;
}

// Export, read back: the same words, counts and order, and so the same bytes once written again.
void TestResultReader::roundTrip()
{
    QFETCH(int, format);
    QFETCH(int, mode);
    QFETCH(bool, anyBytes);
    QRandomGenerator random(42);
    Rows rows = goldenRows();
    static const QList<QByteArray> pieces
        = {"a", "ñ", "’", "ǅ", "𝒜", "=", "\"", "\\", "{", "}", "0", "_", "'", ",", "\x7F", "\x01"};
    for (int i = 0; i < 20000; ++i) {
        QByteArray word;
        const int length = 1 + int(random.bounded(12));
        for (int k = 0; k < length; ++k) {
            if (anyBytes && random.bounded(4) == 0) {
                char b;
                do
                    b = char(random.bounded(256));
                while (b == '\t' || b == '\n' || b == '\r'); // never in a word
                word.append(b);
            } else {
                word.append(pieces.at(random.bounded(pieces.size())));
            }
        }
        rows.append({word, 1 + random.bounded(quint64(1) << 40)});
    }
    rows.append({QByteArray(1000, 'z'), 3});
    const CountResult original = makeResult(rows, CountingMode(mode));
    const QByteArray bytes = written(original, ResultFormat(format));
    const QString path = m_dir.filePath(QStringLiteral("roundtrip"));
    QVERIFY(writeFile(path, bytes));

    QStringList errors;
    const auto back = ResultReader::merge({path}, &errors);
    QVERIFY2(back, qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(back->size(), original.size());
    for (qsizetype i = 0; i < original.size(); ++i) {
        if (back->word(i) != original.word(i) || back->count(i) != original.count(i))
            QFAIL(qPrintable(QStringLiteral("row %1 differs").arg(i)));
    }
    QCOMPARE(back->totals.words, original.totals.words);
    QCOMPARE(back->totals.distinctWords, original.totals.distinctWords);
    if (ResultFormat(format) == ResultFormat::Json)
        QCOMPARE(back->mode, CountingMode(mode));
    QVERIFY(written(*back, ResultFormat(format)) == bytes);
}

// JSON writes a byte that is not UTF-8 as the code point of its value; it reads back as that
// code point's UTF-8, and so can meet the word it now spells (documented in resultreader.h).
void TestResultReader::jsonNonUtf8Caveat()
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

void TestResultReader::mergeAddsAndReorders()
{
    const QString a = m_dir.filePath(QStringLiteral("a.tsv"));
    const QString b = m_dir.filePath(QStringLiteral("b.json"));
    QVERIFY(writeFile(a, "the\t5\ncat\t3\ndog\t1\n"));
    QVERIFY(writeFile(b,
                      written(makeResult({{"dog", 4}, {"año", 2}, {"cat", 2}}, CountingMode::Words),
                              ResultFormat::Json)));
    QStringList errors;
    const auto merged = ResultReader::merge({a, b}, &errors);
    QVERIFY(merged);
    QCOMPARE(errors, QStringList());
    // dog (1 + 4) now leads cat (3 + 2) by word order; the ranks are made again.
    QCOMPARE(written(*merged, ResultFormat::Tsv), QByteArray("cat\t5\ndog\t5\nthe\t5\naño\t2\n"));
    QCOMPARE(merged->mode, CountingMode::Words);
    QCOMPARE(merged->totals.words, quint64(17));
    QCOMPARE(merged->totals.distinctWords, quint64(4));
    QCOMPARE(merged->totals.filesCounted, qint64(2));
    QCOMPARE(merged->totals.filesSkipped, qint64(0));
    QCOMPARE(merged->files.size(), 2);
    QCOMPARE(merged->files.at(0).path, a);
    QCOMPARE(merged->files.at(0).status, FileReport::Counted);
    QCOMPARE(merged->files.at(0).words, quint64(9));
    QCOMPARE(merged->files.at(1).words, quint64(8));

    // The same file twice doubles every count; the order of the files does not matter.
    const auto twice = ResultReader::merge({b, a, a}, &errors);
    QVERIFY(twice);
    QCOMPARE(written(*twice, ResultFormat::Tsv), QByteArray("the\t10\ncat\t8\ndog\t6\naño\t2\n"));
}

void TestResultReader::mergeBadFileAmongGood()
{
    const QString good1 = m_dir.filePath(QStringLiteral("good1.tsv"));
    const QString bad = m_dir.filePath(QStringLiteral("bad.tsv"));
    const QString good2 = m_dir.filePath(QStringLiteral("good2.tsv"));
    const QString missing = m_dir.filePath(QStringLiteral("nothere.tsv"));
    QVERIFY(writeFile(good1, "a\t2\nb\t1\n"));
    QVERIFY(writeFile(bad, "a\t100\nb\t100\nc\tlots\n")); // good rows first: none may count
    QVERIFY(writeFile(good2, "b\t3\n"));
    QStringList errors;
    const auto merged = ResultReader::merge({good1, bad, missing, good2}, &errors);
    QVERIFY(merged);
    QCOMPARE(written(*merged, ResultFormat::Tsv), QByteArray("b\t4\na\t2\n"));
    QCOMPARE(errors,
             QStringList({bad
                              + QStringLiteral(": line 3: the count is not a whole number of 0 "
                                               "or more"),
                          missing + QStringLiteral(": no such file")}));
    QCOMPARE(merged->totals.filesCounted, qint64(2));
    QCOMPARE(merged->totals.filesSkipped, qint64(2));
    QCOMPARE(merged->files.size(), 4);
    QCOMPARE(merged->files.at(1).status, FileReport::Skipped);
    QCOMPARE(ProgressFormat::problemText(merged->files.at(1)),
             QStringLiteral("line 3: the count is not a whole number of 0 or more"));
    QCOMPARE(merged->files.at(3).status, FileReport::Counted);

    // Counts that fit in each file but not added together: the later file is left out.
    const QString huge = m_dir.filePath(QStringLiteral("huge.tsv"));
    QVERIFY(writeFile(huge, "z\t18446744073709551615\n"));
    const auto overflow = ResultReader::merge({huge, good2}, &errors);
    QVERIFY(overflow);
    QCOMPARE(written(*overflow, ResultFormat::Tsv), QByteArray("z\t18446744073709551615\n"));
    QCOMPARE(errors.constLast(),
             good2 + QStringLiteral(": its counts, added to those before, exceed 2^64 - 1"));
}

void TestResultReader::mergeNothingReadable()
{
    const QString bad = m_dir.filePath(QStringLiteral("bad2.tsv"));
    QVERIFY(writeFile(bad, "no tab here\n"));
    QStringList errors;
    QVERIFY(!ResultReader::merge({bad, m_dir.filePath(QStringLiteral("nothere"))}, &errors));
    QCOMPARE(errors.size(), 2);
    errors.clear();
    QVERIFY(!ResultReader::merge({}, &errors));
    QCOMPARE(errors, QStringList());

    // An empty result file is a result with no words, not an error.
    const QString empty = m_dir.filePath(QStringLiteral("empty.tsv"));
    QVERIFY(writeFile(empty, QByteArray()));
    const auto merged = ResultReader::merge({empty}, &errors);
    QVERIFY(merged);
    QCOMPARE(merged->size(), 0);
    QCOMPARE(errors, QStringList());
}

void TestResultReader::mergeMode_data()
{
    QTest::addColumn<QByteArrayList>("files");
    QTest::addColumn<int>("mode");
    const QByteArray ws = "{\"mode\":\"whitespace\",\"words\":[{\"word\":\"x\",\"count\":1}]}";
    const QByteArray words = "{\"mode\":\"words\",\"words\":[{\"word\":\"x\",\"count\":1}]}";
    const QByteArray none = "{\"words\":[{\"word\":\"x\",\"count\":1}]}";
    const QByteArray tsv = "x\t1\n";
    QTest::newRow("all whitespace") << QByteArrayList {ws, ws} << int(CountingMode::Whitespace);
    QTest::newRow("whitespace and words") << QByteArrayList {ws, words} << int(CountingMode::Words);
    QTest::newRow("whitespace and TSV") << QByteArrayList {ws, tsv} << int(CountingMode::Words);
    QTest::newRow("whitespace and no mode")
        << QByteArrayList {ws, none} << int(CountingMode::Words);
    QTest::newRow("TSV") << QByteArrayList {tsv} << int(CountingMode::Words);
    QTest::newRow("whitespace and a bad file")
        << QByteArrayList {ws, "bad"} << int(CountingMode::Whitespace);
}

void TestResultReader::mergeMode()
{
    QFETCH(QByteArrayList, files);
    QFETCH(int, mode);
    QStringList paths;
    for (qsizetype i = 0; i < files.size(); ++i) {
        paths.append(m_dir.filePath(QStringLiteral("mode%1").arg(i)));
        QVERIFY(writeFile(paths.constLast(), files.at(i)));
    }
    QStringList errors;
    const auto merged = ResultReader::merge(paths, &errors);
    QVERIFY(merged);
    QCOMPARE(merged->mode, CountingMode(mode));
}

void TestResultReader::mergeCancelled()
{
    const QString a = m_dir.filePath(QStringLiteral("c.tsv"));
    QVERIFY(writeFile(a, "a\t1\n"));
    QStringList errors;
    QVERIFY(!ResultReader::merge({a}, &errors, [] { return true; }));
    QCOMPARE(errors, QStringList());
}

// 2,000,000 distinct words, as TSV (about 30 MB) and JSON: how long reading and merging take.
void TestResultReader::twoMillionRows()
{
    const int n = 2000000;
    auto table = std::make_shared<WordTable>();
    QRandomGenerator random(7);
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
    for (int i = 0; i < n; ++i) {
        char word[16];
        int length = 0;
        for (int v = i; length == 0 || v > 0; v /= 26)
            word[length++] = letters[v % 26];
        word[length++] = letters[random.bounded(26)];
        table->add(word, length, 1 + random.bounded(100000));
    }
    QCOMPARE(table->size(), qsizetype(n));
    CountResult original;
    original.table = table;
    OutputOrder::sort(*table, &original.order);

    for (const ResultFormat format : {ResultFormat::Tsv, ResultFormat::Json}) {
        const QString name = format == ResultFormat::Tsv ? QStringLiteral("two-million.tsv")
                                                         : QStringLiteral("two-million.json");
        const QString path = m_dir.filePath(name);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(ResultWriter::write(original, format, &f));
        }
        const qint64 size = QFileInfo(path).size();

        QElapsedTimer clock;
        clock.start();
        WordTable back;
        QString error;
        QVERIFY2(ResultReader::read(path, &back, &error), qPrintable(error));
        const qint64 readMs = clock.elapsed();
        QCOMPARE(back.size(), qsizetype(n));

        clock.restart();
        QStringList errors;
        const auto merged = ResultReader::merge({path}, &errors);
        const qint64 mergeMs = clock.elapsed();
        QVERIFY(merged);
        QCOMPARE(merged->size(), original.size());
        for (qsizetype i = 0; i < original.size(); i += 997) {
            QCOMPARE(merged->word(i).toByteArray(), original.word(i).toByteArray());
            QCOMPARE(merged->count(i), original.count(i));
        }
        qInfo("%s: %.1f MB, read into a table in %lld ms, merge() with sorting in %lld ms "
              "(reading %lld ms, sorting %lld ms)",
              qPrintable(name), double(size) / 1e6, readMs, mergeMs, merged->totals.countMs,
              merged->totals.finalizeMs);
        QFile::remove(path);
    }
}

QTEST_GUILESS_MAIN(TestResultReader)
#include "tst_resultreader.moc"
