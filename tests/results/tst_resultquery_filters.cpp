// SPDX-License-Identifier: GPL-3.0-or-later
// ResultQuery's other filters: a minimum count, stop words, their combinations with text and
// sorting, when a query shows every row, and cancelling a query.

#include "core/engine/countresult.h"
#include "core/results/resultindex.h"
#include "core/results/resultquery.h"
#include "tests/common/resulttesthelpers.h"
#include "tests/results/resultquerytesthelpers.h"

#include <QtTest>

#include <limits>

using namespace ResultTest;
using namespace ResultQueryTest;

class TestResultQueryFilters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minCount_data();
    void minCount();
    void stopWords_data();
    void stopWords();
    void combinations_data();
    void combinations();
    void showsAll_data();
    void showsAll();
    void cancel();
};

void TestResultQueryFilters::minCount_data()
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
    row("3 by word", ResultQuery::Word, false, 3, {"and", Arbol, "de", "the"});
    row("3 by word descending", ResultQuery::Word, true, 3, {"the", "de", Arbol, "and"});
    row("2 by count ascending", ResultQuery::Count, false, 2,
        {"zebra", "theme", "cat", Arbol, "and", "de", "the"});
    row("2 by cumulative descending", ResultQuery::Cumulative, true, 2,
        {"zebra", "theme", "cat", Arbol, "and", "de", "the"});
}

void TestResultQueryFilters::minCount()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQueryFilters::stopWords_data()
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
        {"apple", Arbol, "cat", "dog", Nu, "theme", "zebra"});
    row("by count ascending", ResultQuery::Count, false, {"the", "de", "and"},
        {Nu, "dog", "apple", "zebra", "theme", "cat", Arbol});
}

void TestResultQueryFilters::stopWords()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQueryFilters::combinations_data()
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

void TestResultQueryFilters::combinations()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQueryFilters::showsAll_data()
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

void TestResultQueryFilters::showsAll()
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

void TestResultQueryFilters::cancel()
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

QTEST_GUILESS_MAIN(TestResultQueryFilters)

#include "tst_resultquery_filters.moc"
