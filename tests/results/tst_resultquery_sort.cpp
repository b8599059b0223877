// SPDX-License-Identifier: GPL-3.0-or-later
// ResultIndex (ranks, cumulative counts, word order) and ResultQuery sorting by every column both
// ways, on a small table whose answers are written out by hand, then random queries on a
// generated vocabulary against a plain reference implementation.

#include "core/engine/countresult.h"
#include "core/results/resultindex.h"
#include "core/results/resultquery.h"
#include "tests/common/resulttesthelpers.h"
#include "tests/results/resultquerytesthelpers.h"

#include <QRandomGenerator>
#include <QSet>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>

using namespace ResultTest;
using namespace ResultQueryTest;

namespace {

qint32 entryOf(const WordTable &table, QByteArrayView word)
{
    for (qsizetype i = 0; i < table.size(); ++i) {
        if (table.word(i) == word)
            return qint32(i);
    }
    return -1;
}

} // namespace

class TestResultQuerySort : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void index_data();
    void index();
    void indexWordOrder();
    void dictionaryOrder_data();
    void dictionaryOrder();
    void emptyResult();
    void sort_data();
    void sort();
    void againstReference_data();
    void againstReference();
};

void TestResultQuerySort::index_data()
{
    QTest::addColumn<QByteArray>("word");
    QTest::addColumn<quint32>("rank");
    QTest::addColumn<quint64>("cumulative");

    QTest::newRow("the") << QByteArray("the") << 1u << quint64(6);
    QTest::newRow("de") << QByteArray("de") << 2u << quint64(10);
    QTest::newRow("and") << QByteArray("and") << 3u << quint64(13);
    QTest::newRow("árbol") << Arbol << 4u << quint64(16);
    QTest::newRow("cat") << QByteArray("cat") << 5u << quint64(18);
    QTest::newRow("theme") << QByteArray("theme") << 6u << quint64(20);
    QTest::newRow("zebra") << QByteArray("zebra") << 7u << quint64(22);
    QTest::newRow("apple") << QByteArray("apple") << 8u << quint64(23);
    QTest::newRow("dog") << QByteArray("dog") << 9u << quint64(24);
    QTest::newRow("ñu") << Nu << 10u << quint64(25);
}

void TestResultQuerySort::index()
{
    QFETCH(QByteArray, word);
    QFETCH(quint32, rank);
    QFETCH(quint64, cumulative);

    const auto result = makeResult(wordsFixture());
    const ResultIndex index(result);
    QCOMPARE(&index.result(), result.get());
    QCOMPARE(index.sharedResult(), result);
    const qint32 entry = entryOf(*result->table, word);
    QVERIFY(entry >= 0);
    QCOMPARE(index.rank(quint32(entry)), rank);
    QCOMPARE(index.cumulative(quint32(entry)), cumulative);
    QCOMPARE(result->word(qsizetype(rank) - 1), QByteArrayView(word));
}

void TestResultQuerySort::indexWordOrder()
{
    const auto result = makeResult(wordsFixture());
    const ResultIndex index(result);
    QCOMPARE(wordsOf(*result, index.byCount()), byRank());
    QVERIFY(index.byCount() == result->order);
    // Ascending by UTF-8 bytes: every non-ASCII word after the ASCII ones.
    // Dictionary order: "árbol" with the a's, "ñu" after every n.
    const QByteArrayList byWord
        = {"and", "apple", Arbol, "cat", "de", "dog", Nu, "the", "theme", "zebra"};
    QCOMPARE(wordsOf(*result, index.byWord()), byWord);
    QCOMPARE(index.cumulative(result->order.back()), result->totals.words);

    // Words that share their first 8 bytes, or are prefixes of each other, still sort by bytes.
    const auto longWords = makeResult({{"internationalization", 1},
                                       {"internationalism", 1},
                                       {"internat", 1},
                                       {"internationa", 1},
                                       {"interna", 1},
                                       {"internat\xC3\xA9", 1},
                                       {"internat\x01", 1}});
    const ResultIndex longIndex(longWords);
    const QByteArrayList expected
        = {"interna",      "internat",         "internat\x01",        "internat\xC3\xA9",
           "internationa", "internationalism", "internationalization"};
    QCOMPARE(wordsOf(*longWords, longIndex.byWord()), expected);
}

void TestResultQuerySort::emptyResult()
{
    const auto result = makeResult({});
    const ResultIndex index(result);
    QVERIFY(index.byCount().empty());
    QVERIFY(index.byWord().empty());
    for (const auto column : {ResultQuery::Rank, ResultQuery::Word, ResultQuery::Count,
                              ResultQuery::Share, ResultQuery::Cumulative}) {
        ResultQuery query;
        query.column = column;
        QVERIFY(query.run(index).empty());
        query.descending = true;
        query.text = QStringLiteral("a");
        query.minCount = 2;
        QVERIFY(query.run(index).empty());
    }
}

void TestResultQuerySort::sort_data()
{
    addQueryColumns();
    const QByteArrayList none;
    // Descending is ascending reversed, exactly: so where counts tie, ascending by count (or
    // share) lists the tied words Z to A, and descending by count lists them A to Z.
    QTest::newRow("rank ascending")
        << ResultQuery::Rank << false << QString() << false << quint64(0) << none << byRank();
    QTest::newRow("rank descending")
        << ResultQuery::Rank << true << QString() << false << quint64(0) << none
        << QByteArrayList {Nu, "dog", "apple", "zebra", "theme", "cat", Arbol, "and", "de", "the"};
    QTest::newRow("word ascending")
        << ResultQuery::Word << false << QString() << false << quint64(0) << none
        << QByteArrayList {"and", "apple", Arbol, "cat", "de", "dog", Nu, "the", "theme", "zebra"};
    QTest::newRow("word descending")
        << ResultQuery::Word << true << QString() << false << quint64(0) << none
        << QByteArrayList {"zebra", "theme", "the", Nu, "dog", "de", "cat", Arbol, "apple", "and"};
    QTest::newRow("count ascending")
        << ResultQuery::Count << false << QString() << false << quint64(0) << none
        << QByteArrayList {Nu, "dog", "apple", "zebra", "theme", "cat", Arbol, "and", "de", "the"};
    QTest::newRow("count descending")
        << ResultQuery::Count << true << QString() << false << quint64(0) << none
        << QByteArrayList {"the", "de", "and", Arbol, "cat", "theme", "zebra", "apple", "dog", Nu};
    QTest::newRow("share ascending")
        << ResultQuery::Share << false << QString() << false << quint64(0) << none
        << QByteArrayList {Nu, "dog", "apple", "zebra", "theme", "cat", Arbol, "and", "de", "the"};
    QTest::newRow("share descending")
        << ResultQuery::Share << true << QString() << false << quint64(0) << none
        << QByteArrayList {"the", "de", "and", Arbol, "cat", "theme", "zebra", "apple", "dog", Nu};
    QTest::newRow("cumulative ascending")
        << ResultQuery::Cumulative << false << QString() << false << quint64(0) << none
        << QByteArrayList {"the", "de", "and", Arbol, "cat", "theme", "zebra", "apple", "dog", Nu};
    QTest::newRow("cumulative descending")
        << ResultQuery::Cumulative << true << QString() << false << quint64(0) << none
        << QByteArrayList {Nu, "dog", "apple", "zebra", "theme", "cat", Arbol, "and", "de", "the"};
}

void TestResultQuerySort::sort()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQuerySort::againstReference_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 6; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

// A generated vocabulary (shared long prefixes, non-ASCII, many tied counts) under random
// queries, against a plain implementation: std::sort for the orders, QString for the filters.
void TestResultQuerySort::againstReference()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const QByteArrayList stems = {"a",
                                  "inter",
                                  "internationaliz",
                                  "\xC3\xA1rbol",
                                  "\xC3\xB1u",
                                  "z",
                                  "stra\xC3\x9F"
                                  "e",
                                  "the",
                                  "x"};
    Counts counts;
    QSet<QByteArray> seen;
    while (counts.size() < 3000) {
        QByteArray word = stems.at(random.bounded(int(stems.size())));
        const int extra = random.bounded(6);
        for (int i = 0; i < extra; ++i)
            word.append(char('a' + random.bounded(26)));
        if (random.bounded(8) == 0)
            word.append("\xC3\xA9");
        if (seen.contains(word))
            continue;
        seen.insert(word);
        // Mostly small counts, so many tie.
        const quint64 count
            = random.bounded(4) == 0 ? 1 + random.bounded(1000) : 1 + random.bounded(5);
        counts.append({word, count});
    }
    const auto result = makeResult(counts);
    const ResultIndex index(result);
    const WordTable &table = *result->table;

    std::vector<quint32> outputOrder(size_t(table.size()));
    std::iota(outputOrder.begin(), outputOrder.end(), 0u);
    std::sort(outputOrder.begin(), outputOrder.end(), [&table](quint32 a, quint32 b) {
        const quint64 ca = table.entry(a).count, cb = table.entry(b).count;
        if (ca != cb)
            return ca > cb;
        const QByteArrayView wa = table.word(a), wb = table.word(b);
        return std::string(wa.data(), size_t(wa.size()))
            < std::string(wb.data(), size_t(wb.size()));
    });
    QVERIFY(outputOrder == result->order);
    std::vector<quint32> wordOrder = outputOrder;
    // Dictionary order, computed with QString: accents off (decomposed, marks dropped) and
    // lowercased, "ñ" as "n" then 0x7F; ties by bytes.
    const auto base = [](QByteArrayView word) {
        const QString decomposed = QString::fromUtf8(word).normalized(QString::NormalizationForm_D);
        QByteArray out;
        for (qsizetype i = 0; i < decomposed.size(); ++i) {
            const QChar c = decomposed.at(i);
            if (c == QChar(0x0303) && i > 0 && decomposed.at(i - 1).toLower() == u'n')
                out += '\x7f';
            else if (c.category() != QChar::Mark_NonSpacing)
                out += QString(c).toLower().toUtf8();
        }
        return std::string(out.constData(), size_t(out.size()));
    };
    std::sort(wordOrder.begin(), wordOrder.end(), [&](quint32 a, quint32 b) {
        const QByteArrayView wa = table.word(a), wb = table.word(b);
        const std::string ba = base(wa), bb = base(wb);
        if (ba != bb)
            return ba < bb;
        return std::string(wa.data(), size_t(wa.size()))
            < std::string(wb.data(), size_t(wb.size()));
    });
    QVERIFY(wordOrder == index.byWord());

    const QStringList texts = {QString(),
                               QStringLiteral("a"),
                               QStringLiteral("INTER"),
                               QStringLiteral("nationaliz"),
                               QString::fromUtf8("ÁRB"),
                               QString::fromUtf8("É"),
                               QString::fromUtf8("ß"),
                               QStringLiteral("q")};
    const std::shared_ptr<const WordTable> stop = wordSet({"a", "the", "x", "z"});
    for (int round = 0; round < 40; ++round) {
        ResultQuery query;
        query.column = ResultQuery::Column(random.bounded(5));
        query.descending = random.bounded(2) == 1;
        query.text = texts.at(random.bounded(int(texts.size())));
        query.minCount = random.bounded(3) == 0 ? random.bounded(8) : 0;
        if (random.bounded(3) == 0)
            query.stopWords = stop;

        // Ascending: rank and cumulative follow output order, count and share run against it.
        std::vector<quint32> expected = query.column == ResultQuery::Word ? wordOrder : outputOrder;
        if (query.column == ResultQuery::Count || query.column == ResultQuery::Share)
            std::reverse(expected.begin(), expected.end());
        if (query.descending)
            std::reverse(expected.begin(), expected.end());
        expected.erase(std::remove_if(expected.begin(), expected.end(),
                                      [&](quint32 entry) {
                                          const QByteArrayView word = table.word(entry);
                                          if (table.entry(entry).count < query.minCount)
                                              return true;
                                          if (query.stopWords && query.stopWords->count(word) > 0)
                                              return true;
                                          return !QString::fromUtf8(word).contains(
                                              query.text, Qt::CaseInsensitive);
                                      }),
                       expected.end());
        const std::vector<quint32> rows = query.run(index);
        QVERIFY2(rows == expected,
                 qPrintable(QStringLiteral("round %1: column %2%3, text \"%4\", min %5%6: %7 rows, "
                                           "expected %8")
                                .arg(round)
                                .arg(int(query.column))
                                .arg(query.descending ? QStringLiteral(" descending") : QString())
                                .arg(query.text)
                                .arg(query.minCount)
                                .arg(query.stopWords ? QStringLiteral(", stop words") : QString())
                                .arg(rows.size())
                                .arg(expected.size())));
    }
}

void TestResultQuerySort::dictionaryOrder_data()
{
    QTest::addColumn<QByteArrayList>("words"); // in the order expected
    QTest::newRow("Spanish") << QByteArrayList {"anima",
                                                "\xC3\xA1nima",
                                                "animal",
                                                "nudo",
                                                "nudos",
                                                "\xC3\xB1"
                                                "and\xC3\xBA",
                                                "\xC3\xB1udos",
                                                "obrastes"};
    QTest::newRow("French") << QByteArrayList {"cote",
                                               "cot\xC3\xA9",
                                               "c\xC3\xB4te",
                                               "c\xC3\xB4t\xC3\xA9",
                                               "coter",
                                               "\xC3\xA9"
                                               "cole",
                                               "ecoles"};
    QTest::newRow("German") << QByteArrayList {"musse",
                                               "m\xC3\xBC"
                                               "sse",
                                               "mut",
                                               "\xC3\xB6"
                                               "l",
                                               "oler",
                                               "zoo"};
}

// Word order reads like a dictionary: accented letters beside their base letter, ties by
// bytes (so "cote" < "coté" < "côte" < "côté", as Unicode's default order has them), "ñ"
// after every "n". Before, "ánima", "ñudos" and
// "école" sorted after "z".
void TestResultQuerySort::dictionaryOrder()
{
    QFETCH(QByteArrayList, words);
    Counts counts;
    for (qsizetype i = words.size() - 1; i >= 0; --i) // entered backwards, all with one count
        counts.append({words.at(i), 1});
    const auto result = makeResult(counts);
    const ResultIndex index(result);
    QCOMPARE(wordsOf(*result, index.byWord()), words);
}

QTEST_GUILESS_MAIN(TestResultQuerySort)

#include "tst_resultquery_sort.moc"
