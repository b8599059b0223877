// SPDX-License-Identifier: GPL-3.0-or-later
// The golden files of every export format, written byte for byte and read back, and export → read
// round trips that give the same bytes when written again.

#include "core/results/resultreader.h"
#include "tests/results/resultreadertesthelpers.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace ResultReaderTest;

namespace {

const QString DataDir = QStringLiteral(WORDMILL_TEST_DATA_DIR);

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

class TestResultReaderGolden final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void golden_data();
    void golden();
    void readGolden_data();
    void readGolden();
    void roundTrip_data();
    void roundTrip();

private:
    QTemporaryDir m_dir;
};

void TestResultReaderGolden::golden_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("file");
    QTest::newRow("tsv") << int(ResultFormat::Tsv) << QStringLiteral("golden.tsv");
    QTest::newRow("csv") << int(ResultFormat::Csv) << QStringLiteral("golden.csv");
    QTest::newRow("json") << int(ResultFormat::Json) << QStringLiteral("golden.json");
}

// Each export format, byte for byte, for non-ASCII words and formula-like cells.
void TestResultReaderGolden::golden()
{
    QFETCH(int, format);
    QFETCH(QString, file);
    const auto f = ResultFormat(format);
    const CountResult result = makeResult(f == ResultFormat::Csv ? csvGoldenRows() : goldenRows(),
                                          CountingMode::Whitespace);
    QCOMPARE(written(result, f), readFile(QDir(DataDir).filePath(file)));
}

void TestResultReaderGolden::readGolden_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("tsv") << QStringLiteral("golden.tsv");
    QTest::newRow("json") << QStringLiteral("golden.json");
}

void TestResultReaderGolden::readGolden()
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

void TestResultReaderGolden::roundTrip_data()
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
void TestResultReaderGolden::roundTrip()
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

QTEST_GUILESS_MAIN(TestResultReaderGolden)
#include "tst_resultreader_golden.moc"
