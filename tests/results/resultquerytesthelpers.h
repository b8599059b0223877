// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the tests of ResultIndex and ResultQuery (tst_resultquery_*): the words
// fixture and the query tables whose rows runQueryRow() checks.

#include "core/engine/countresult.h"
#include "core/results/resultindex.h"
#include "core/results/resultquery.h"
#include "tests/common/resulttesthelpers.h"

#include <QtTest>

#include <memory>
#include <vector>

Q_DECLARE_METATYPE(ResultQuery::Column)
Q_DECLARE_METATYPE(CountingMode)

namespace ResultQueryTest {

using ResultTest::Counts;
using ResultTest::makeResult;

// Non-ASCII words, spelt out.
inline const QByteArray Arbol = "\xC3\xA1rbol"; // árbol
inline const QByteArray Nu = "\xC3\xB1u"; // ñu

// Words mode: lowercase and NFC. Entered out of order, so entry numbers are not ranks. Total 25.
//   rank  word   count  cumulative
//   1     the    6      6
//   2     de     4      10
//   3     and    3      13
//   4     árbol  3      16   (ranks tie by bytes: "and" < "árbol"; by word it is a, á, n, ñ)
//   5     cat    2      18
//   6     theme  2      20
//   7     zebra  2      22
//   8     apple  1      23
//   9     dog    1      24
//   10    ñu     1      25
inline const Counts &wordsFixture()
{
    static const Counts counts = {
        {"zebra", 2}, {"apple", 1}, {"the", 6}, {Nu, 1},    {"cat", 2},
        {"de", 4},    {"dog", 1},   {Arbol, 3}, {"and", 3}, {"theme", 2},
    };
    return counts;
}

// Every word of the words fixture, in output order (rank 1 first).
inline QByteArrayList byRank()
{
    return {"the", "de", "and", Arbol, "cat", "theme", "zebra", "apple", "dog", Nu};
}

inline QByteArrayList wordsOf(const CountResult &result, const std::vector<quint32> &entries)
{
    QByteArrayList words;
    for (const quint32 entry : entries)
        words.append(result.table->word(entry).toByteArray());
    return words;
}

inline std::shared_ptr<const WordTable> wordSet(const QByteArrayList &words)
{
    auto table = std::make_shared<WordTable>();
    for (const QByteArray &word : words)
        table->add(word.constData(), word.size());
    return table;
}

// The columns every query table shares; runQueryRow() checks one row of them.
inline void addQueryColumns()
{
    QTest::addColumn<ResultQuery::Column>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<quint64>("minCount");
    QTest::addColumn<QByteArrayList>("stopWords"); // empty: no stop word set at all
    QTest::addColumn<QByteArrayList>("expected");
}

inline void runQueryRow(const Counts &fixture, CountingMode mode)
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

} // namespace ResultQueryTest
