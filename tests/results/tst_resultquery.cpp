// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer's queries without widgets: ResultIndex (ranks, cumulative counts, word order) and
// ResultQuery (sorting by every column both ways, substring and regular-expression filters, a
// minimum count, stop words and their combinations), on small tables whose answers are written
// out by hand, then on a generated vocabulary against a plain reference implementation.

#include "core/engine/countresult.h"
#include "core/engine/outputorder.h"
#include "core/results/resultindex.h"
#include "core/results/resultquery.h"
#include "tests/common/resulttesthelpers.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <limits>
#include <memory>
#include <numeric>
#include <string>

using namespace ResultTest;

namespace {

// Non-ASCII words, spelt out.
const QByteArray Arbol = "\xC3\xA1rbol"; // árbol
const QByteArray Nu = "\xC3\xB1u"; // ñu
const QByteArray ArbolUpper = "\xC3\x81rbol"; // Árbol
const QByteArray Nandu = "\xC3\x91"
                         "and\xC3\x9A"; // ÑandÚ

// Words mode: lowercase and NFC. Entered out of order, so entry numbers are not ranks. Total 25.
//   rank  word   count  cumulative
//   1     the    6      6
//   2     de     4      10
//   3     and    3      13
//   4     árbol  3      16   ("and" < "árbol": 'a' is 0x61, 'á' starts with 0xC3)
//   5     cat    2      18
//   6     theme  2      20
//   7     zebra  2      22
//   8     apple  1      23
//   9     dog    1      24
//   10    ñu     1      25
const Counts &wordsFixture()
{
    static const Counts counts = {
        {"zebra", 2}, {"apple", 1}, {"the", 6}, {Nu, 1},    {"cat", 2},
        {"de", 4},    {"dog", 1},   {Arbol, 3}, {"and", 3}, {"theme", 2},
    };
    return counts;
}

// Whitespace mode keeps bytes and lowercases only A-Z: "ÁRBOL" is kept as "Árbol", "ÑANDÚ" as
// "ÑandÚ", and a Latin-1 byte stays as it is. Output order:
//   the 5, Árbol 3, "the," 2, ÑandÚ 2, caf\xE9 1, x=1 1, árbol 1
const Counts &whitespaceFixture()
{
    static const Counts counts = {
        {"the", 5},     {ArbolUpper, 3}, {"the,", 2}, {Nandu, 2},
        {"caf\xE9", 1}, {"x=1", 1},      {Arbol, 1},
    };
    return counts;
}

// Every word of the words fixture, in output order (rank 1 first).
QByteArrayList byRank()
{
    return {"the", "de", "and", Arbol, "cat", "theme", "zebra", "apple", "dog", Nu};
}

QByteArrayList wordsOf(const CountResult &result, const std::vector<quint32> &entries)
{
    QByteArrayList words;
    for (const quint32 entry : entries)
        words.append(result.table->word(entry).toByteArray());
    return words;
}

std::shared_ptr<const WordTable> wordSet(const QByteArrayList &words)
{
    auto table = std::make_shared<WordTable>();
    for (const QByteArray &word : words)
        table->add(word.constData(), word.size());
    return table;
}

qint32 entryOf(const WordTable &table, QByteArrayView word)
{
    for (qsizetype i = 0; i < table.size(); ++i) {
        if (table.word(i) == word)
            return qint32(i);
    }
    return -1;
}

} // namespace

Q_DECLARE_METATYPE(ResultQuery::Column)
Q_DECLARE_METATYPE(CountingMode)

class TestResultQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void index_data();
    void index();
    void indexWordOrder();
    void emptyResult();

    void sort_data();
    void sort();
    void substring_data();
    void substring();
    void substringFoldsLikeCounting_data();
    void substringFoldsLikeCounting();
    void substringWhitespaceMode_data();
    void substringWhitespaceMode();
    void regex_data();
    void regex();
    void invalidRegex_data();
    void invalidRegex();
    void minCount_data();
    void minCount();
    void stopWords_data();
    void stopWords();
    void combinations_data();
    void combinations();
    void showsAll_data();
    void showsAll();
    void cancel();

    void againstReference_data();
    void againstReference();

private:
    // The columns every query table shares; runQueryRow() checks one row of them.
    static void addQueryColumns();
    static void runQueryRow(const Counts &fixture, CountingMode mode);
};

void TestResultQuery::index_data()
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

void TestResultQuery::index()
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

void TestResultQuery::indexWordOrder()
{
    const auto result = makeResult(wordsFixture());
    const ResultIndex index(result);
    QCOMPARE(wordsOf(*result, index.byCount()), byRank());
    QVERIFY(index.byCount() == result->order);
    // Ascending by UTF-8 bytes: every non-ASCII word after the ASCII ones.
    const QByteArrayList byWord
        = {"and", "apple", "cat", "de", "dog", "the", "theme", "zebra", Arbol, Nu};
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
    const QByteArrayList expected = {"interna",         "internat",         "internat\x01",
                                     "internationa",    "internationalism", "internationalization",
                                     "internat\xC3\xA9"};
    QCOMPARE(wordsOf(*longWords, longIndex.byWord()), expected);
}

void TestResultQuery::emptyResult()
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

void TestResultQuery::addQueryColumns()
{
    QTest::addColumn<ResultQuery::Column>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<quint64>("minCount");
    QTest::addColumn<QByteArrayList>("stopWords"); // empty: no stop word set at all
    QTest::addColumn<QByteArrayList>("expected");
}

void TestResultQuery::runQueryRow(const Counts &fixture, CountingMode mode)
{
    QFETCH(ResultQuery::Column, column);
    QFETCH(bool, descending);
    QFETCH(QString, text);
    QFETCH(bool, regex);
    QFETCH(quint64, minCount);
    QFETCH(QByteArrayList, stopWords);
    QFETCH(QByteArrayList, expected);

    const auto result = makeResult(fixture, mode);
    const ResultIndex index(result);
    ResultQuery query;
    query.column = column;
    query.descending = descending;
    query.text = text;
    query.regex = regex;
    query.minCount = minCount;
    if (!stopWords.isEmpty())
        query.stopWords = wordSet(stopWords);
    QVERIFY2(query.errorString().isEmpty(), qPrintable(query.errorString()));
    const std::vector<quint32> rows = query.run(index);
    QCOMPARE(wordsOf(*result, rows), expected);

    // A filter never changes ranks or cumulative counts: they stay those of the whole result.
    for (const quint32 entry : rows) {
        const quint32 rank = index.rank(entry);
        QCOMPARE(result->order[rank - 1], entry);
        quint64 sum = 0;
        for (quint32 r = 0; r < rank; ++r)
            sum += result->count(r);
        QCOMPARE(index.cumulative(entry), sum);
    }
}

void TestResultQuery::sort_data()
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
        << QByteArrayList {"and", "apple", "cat", "de", "dog", "the", "theme", "zebra", Arbol, Nu};
    QTest::newRow("word descending")
        << ResultQuery::Word << true << QString() << false << quint64(0) << none
        << QByteArrayList {Nu, Arbol, "zebra", "theme", "the", "dog", "de", "cat", "apple", "and"};
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

void TestResultQuery::sort()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQuery::substring_data()
{
    addQueryColumns();
    const QByteArrayList none;
    const auto row = [&](const char *name, const QString &text, const QByteArrayList &expected) {
        QTest::newRow(name) << ResultQuery::Rank << false << text << false << quint64(0) << none
                            << expected;
    };
    row("empty shows all", QString(), byRank());
    row("the", QStringLiteral("the"), {"the", "theme"});
    row("THE", QStringLiteral("THE"), {"the", "theme"});
    row("tHe", QStringLiteral("tHe"), {"the", "theme"});
    row("middle", QStringLiteral("eb"), {"zebra"});
    row("end", QStringLiteral("OG"), {"dog"});
    row("e anywhere", QStringLiteral("e"), {"the", "de", "theme", "zebra", "apple"});
    row("whole word", QStringLiteral("apple"), {"apple"});
    row("longer than any word", QStringLiteral("applesauce"), {});
    row("no match", QStringLiteral("xyz"), {});
    row("ár", QString::fromUtf8("ár"), {Arbol});
    row("ÁR", QString::fromUtf8("ÁR"), {Arbol});
    row("ÁRBOL", QString::fromUtf8("ÁRBOL"), {Arbol});
    row("Ñ", QString::fromUtf8("Ñ"), {Nu});
    row("ÑU", QString::fromUtf8("ÑU"), {Nu});
    // Plain "a" is not "á": no accent folding.
    row("a", QStringLiteral("a"), {"and", "cat", "zebra", "apple"});
    row("space", QStringLiteral(" "), {});
}

void TestResultQuery::substring()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQuery::substringFoldsLikeCounting_data()
{
    addQueryColumns();
    const QByteArrayList none;
    const auto row = [&](const char *name, const QString &text, const QByteArrayList &expected) {
        QTest::newRow(name) << ResultQuery::Rank << false << text << false << quint64(0) << none
                            << expected;
    };
    // Counting folds a word to NFC, then maps each code point to its simple lowercase: "İ"
    // (U+0130) becomes "i", where QString::toLower() gives "i" and a combining dot above.
    row("İ", QString::fromUtf8("İST"), {"istanbul"});
    row("I", QStringLiteral("ISTANBUL"), {"istanbul"});
    row("CAFÉ", QString::fromUtf8("CAFÉ"), {"caf\xC3\xA9"});
    row("decomposed é", QString::fromUtf8("cafe\xCC\x81"), {"caf\xC3\xA9"});
    row("decomposed É", QString::fromUtf8("E\xCC\x81"), {"caf\xC3\xA9"});
    row("ß", QString::fromUtf8("straß"),
        {"stra\xC3\x9F"
         "e"});
    // No full case folding: "SS" is not "ß".
    row("SS", QStringLiteral("STRASSE"), {});
}

void TestResultQuery::substringFoldsLikeCounting()
{
    runQueryRow({{"istanbul", 2},
                 {"stra\xC3\x9F"
                  "e",
                  1},
                 {"caf\xC3\xA9", 1}},
                CountingMode::Words);
}

void TestResultQuery::substringWhitespaceMode_data()
{
    addQueryColumns();
    const QByteArrayList none;
    const auto row = [&](const char *name, const QString &text, const QByteArrayList &expected) {
        QTest::newRow(name) << ResultQuery::Rank << false << text << false << quint64(0) << none
                            << expected;
    };
    row("empty shows all", QString(), {"the", ArbolUpper, "the,", Nandu, "caf\xE9", "x=1", Arbol});
    row("THE", QStringLiteral("THE"), {"the", "the,"});
    row("punctuation", QStringLiteral(","), {"the,"});
    row("formula-like", QStringLiteral("=1"), {"x=1"});
    // The uppercase non-ASCII letters a whitespace-mode word keeps match either case.
    row("ár", QString::fromUtf8("ár"), {ArbolUpper, Arbol});
    row("ÁR", QString::fromUtf8("ÁR"), {ArbolUpper, Arbol});
    row("Árbol", QString::fromUtf8("Árbol"), {ArbolUpper, Arbol});
    row("ñandú", QString::fromUtf8("ñandú"), {Nandu});
    row("DÚ", QString::fromUtf8("DÚ"), {Nandu});
    row("ndú", QString::fromUtf8("ndú"), {Nandu});
    // A word that is not UTF-8 still matches on its ASCII part.
    row("not UTF-8", QStringLiteral("CAF"), {"caf\xE9"});
    row("no match", QString::fromUtf8("é"), {});
}

void TestResultQuery::substringWhitespaceMode()
{
    runQueryRow(whitespaceFixture(), CountingMode::Whitespace);
}

void TestResultQuery::regex_data()
{
    addQueryColumns();
    const QByteArrayList none;
    const auto row = [&](const char *name, const QString &pattern, const QByteArrayList &expected) {
        QTest::newRow(name) << ResultQuery::Rank << false << pattern << true << quint64(0) << none
                            << expected;
    };
    row("anchored", QStringLiteral("^the$"), {"the"});
    row("prefix", QStringLiteral("^th"), {"the", "theme"});
    row("case-insensitive", QStringLiteral("^TH"), {"the", "theme"});
    row("suffix", QStringLiteral("e$"), {"the", "de", "theme", "apple"});
    row("class", QStringLiteral("^[a-d]"), {"de", "and", "cat", "apple", "dog"});
    row("alternation", QStringLiteral("^(cat|dog)$"), {"cat", "dog"});
    row("repeat", QStringLiteral("p{2}"), {"apple"});
    // \w takes Unicode letters: the two-letter words are "de" and "ñu".
    row("unicode word class", QStringLiteral("^\\w{2}$"), {"de", Nu});
    row("five letters", QStringLiteral("^\\w{5}$"), {Arbol, "theme", "zebra", "apple"});
    row("non-ASCII", QString::fromUtf8("^Á"), {Arbol});
    row("dot matches a whole character", QStringLiteral("^.u$"), {Nu});
    row("matches nothing", QStringLiteral("^q"), {});
    row("dot star", QStringLiteral(".*"), byRank());
}

void TestResultQuery::regex()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQuery::invalidRegex_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::newRow("open group") << QStringLiteral("(");
    QTest::newRow("open class") << QStringLiteral("[a-");
    QTest::newRow("bad repeat") << QStringLiteral("a{2,1}");
    QTest::newRow("nothing to repeat") << QStringLiteral("*");
    QTest::newRow("trailing backslash") << QStringLiteral("the\\");
}

void TestResultQuery::invalidRegex()
{
    QFETCH(QString, pattern);
    const auto result = makeResult(wordsFixture());
    const ResultIndex index(result);
    ResultQuery query;
    query.text = pattern;
    query.regex = true;
    QVERIFY(!query.errorString().isEmpty());
    QVERIFY(query.run(index).empty());
    query.column = ResultQuery::Word;
    query.descending = true;
    query.minCount = 2;
    QVERIFY(query.run(index).empty());

    // As plain text the same pattern is fine: it is looked for as it is, and no word has it.
    query.regex = false;
    QVERIFY(query.errorString().isEmpty());
    QVERIFY(query.run(index).empty());
}

void TestResultQuery::minCount_data()
{
    addQueryColumns();
    const QByteArrayList none;
    const auto row = [&](const char *name, ResultQuery::Column column, bool descending,
                         quint64 minCount, const QByteArrayList &expected) {
        QTest::newRow(name) << column << descending << QString() << false << minCount << none
                            << expected;
    };
    row("0 shows all", ResultQuery::Rank, false, 0, byRank());
    row("1 shows all", ResultQuery::Rank, false, 1, byRank());
    row("2", ResultQuery::Rank, false, 2, {"the", "de", "and", Arbol, "cat", "theme", "zebra"});
    row("3", ResultQuery::Rank, false, 3, {"the", "de", "and", Arbol});
    row("4", ResultQuery::Rank, false, 4, {"the", "de"});
    row("6", ResultQuery::Rank, false, 6, {"the"});
    row("7 hides all", ResultQuery::Rank, false, 7, {});
    row("huge", ResultQuery::Rank, false, std::numeric_limits<quint64>::max(), {});
    row("3 by word", ResultQuery::Word, false, 3, {"and", "de", "the", Arbol});
    row("3 by word descending", ResultQuery::Word, true, 3, {Arbol, "the", "de", "and"});
    row("2 by count ascending", ResultQuery::Count, false, 2,
        {"zebra", "theme", "cat", Arbol, "and", "de", "the"});
    row("2 by cumulative descending", ResultQuery::Cumulative, true, 2,
        {"zebra", "theme", "cat", Arbol, "and", "de", "the"});
}

void TestResultQuery::minCount()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQuery::stopWords_data()
{
    addQueryColumns();
    const auto row = [&](const char *name, ResultQuery::Column column, bool descending,
                         const QByteArrayList &stop, const QByteArrayList &expected) {
        QTest::newRow(name) << column << descending << QString() << false << quint64(0) << stop
                            << expected;
    };
    row("the de and", ResultQuery::Rank, false, {"the", "de", "and"},
        {Arbol, "cat", "theme", "zebra", "apple", "dog", Nu});
    // Whole words only: "the" hides "the", not "theme".
    row("whole words", ResultQuery::Rank, false, {"the"},
        {"de", "and", Arbol, "cat", "theme", "zebra", "apple", "dog", Nu});
    row("non-ASCII", ResultQuery::Rank, false, {Nu, Arbol},
        {"the", "de", "and", "cat", "theme", "zebra", "apple", "dog"});
    row("words not in the result", ResultQuery::Rank, false, {"xyz", "dog", "a"},
        {"the", "de", "and", Arbol, "cat", "theme", "zebra", "apple", Nu});
    row("every word", ResultQuery::Rank, false, byRank(), {});
    row("by word", ResultQuery::Word, false, {"the", "de", "and"},
        {"apple", "cat", "dog", "theme", "zebra", Arbol, Nu});
    row("by count ascending", ResultQuery::Count, false, {"the", "de", "and"},
        {Nu, "dog", "apple", "zebra", "theme", "cat", Arbol});
}

void TestResultQuery::stopWords()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQuery::combinations_data()
{
    addQueryColumns();
    const QByteArrayList none;
    QTest::newRow("text, minimum, stop words, by word descending")
        << ResultQuery::Word << true << QStringLiteral("E") << false << quint64(2)
        << QByteArrayList {"the"} << QByteArrayList {"zebra", "theme", "de"};
    QTest::newRow("regex by count ascending")
        << ResultQuery::Count << false << QStringLiteral("^[a-d]") << true << quint64(0) << none
        << QByteArrayList {"dog", "apple", "cat", "and", "de"};
    QTest::newRow("regex and minimum by share descending")
        << ResultQuery::Share << true << QStringLiteral("^[a-d]") << true << quint64(2) << none
        << QByteArrayList {"de", "and", "cat"};
    QTest::newRow("non-ASCII text and minimum by rank descending")
        << ResultQuery::Rank << true << QString::fromUtf8("Á") << false << quint64(3) << none
        << QByteArrayList {Arbol};
    QTest::newRow("non-ASCII text under the minimum")
        << ResultQuery::Rank << false << QString::fromUtf8("Ñ") << false << quint64(2) << none
        << QByteArrayList {};
    QTest::newRow("text and stop words by cumulative descending")
        << ResultQuery::Cumulative << true << QStringLiteral("A") << false << quint64(0)
        << QByteArrayList {"and", "cat"} << QByteArrayList {"apple", "zebra"};
    QTest::newRow("regex and stop words by word")
        << ResultQuery::Word << false << QStringLiteral("^\\w{2,3}$") << true << quint64(0)
        << QByteArrayList {"the", "de"} << QByteArrayList {"and", "cat", "dog", Nu};
    QTest::newRow("everything hidden")
        << ResultQuery::Rank << false << QStringLiteral("the") << false << quint64(3)
        << QByteArrayList {"the"} << QByteArrayList {};
}

void TestResultQuery::combinations()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQuery::showsAll_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint64>("minCount");
    QTest::addColumn<bool>("stopWords");
    QTest::addColumn<bool>("expected");
    QTest::newRow("nothing") << QString() << quint64(0) << false << true;
    QTest::newRow("minimum 1") << QString() << quint64(1) << false << true;
    QTest::newRow("minimum 2") << QString() << quint64(2) << false << false;
    QTest::newRow("text") << QStringLiteral("a") << quint64(0) << false << false;
    QTest::newRow("stop words") << QString() << quint64(0) << true << false;
}

void TestResultQuery::showsAll()
{
    QFETCH(QString, text);
    QFETCH(quint64, minCount);
    QFETCH(bool, stopWords);
    QFETCH(bool, expected);
    ResultQuery query;
    query.text = text;
    query.minCount = minCount;
    if (stopWords)
        query.stopWords = wordSet({});
    QCOMPARE(query.showsAll(), expected);
    // Sorting never filters.
    query.column = ResultQuery::Word;
    query.descending = true;
    QCOMPARE(query.showsAll(), expected);
}

void TestResultQuery::cancel()
{
    const auto result = makeResult(wordsFixture());
    const ResultIndex index(result);
    const StopRequest cancelled = [] { return true; };
    const StopRequest running = [] { return false; };
    ResultQuery query;
    query.text = QStringLiteral("e");
    // Cancelled before the first row: nothing yet.
    QVERIFY(query.run(index, cancelled).empty());
    QCOMPARE(wordsOf(*result, query.run(index, running)),
             (QByteArrayList {"the", "de", "theme", "zebra", "apple"}));
    // With nothing to filter there is nothing to cancel: the rows come back whole.
    query.text.clear();
    QCOMPARE(wordsOf(*result, query.run(index, cancelled)), byRank());
}

void TestResultQuery::againstReference_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 6; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

// A generated vocabulary (shared long prefixes, non-ASCII, many tied counts) under random
// queries, against a plain implementation: std::sort for the orders, QString for the filters.
void TestResultQuery::againstReference()
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
    std::sort(wordOrder.begin(), wordOrder.end(), [&table](quint32 a, quint32 b) {
        const QByteArrayView wa = table.word(a), wb = table.word(b);
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

QTEST_GUILESS_MAIN(TestResultQuery)

#include "tst_resultquery.moc"
