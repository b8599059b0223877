// SPDX-License-Identifier: GPL-3.0-or-later
// The output order, and the sort's progress: it must move as the sort's time goes (issue 11,
// bug 7: the Sort bar crawled to 19 % and then jumped to 87 %).

#include "core/engine/outputorder.h"
#include "core/engine/wordtable.h"

#include <QtTest>

namespace {

// \a n distinct words with counts 1..n in a scrambled order.
WordTable tableOf(qsizetype n)
{
    WordTable table;
    for (qsizetype i = 0; i < n; ++i) {
        const QByteArray word = "w" + QByteArray::number(i * 7919 % n);
        table.add(word.constData(), word.size(), quint64(i % 97 + 1));
    }
    return table;
}

} // namespace

class TestOutputOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countThenBytes();
    void progressFollowsTheWork_data();
    void progressFollowsTheWork();
    void stopsWhenAsked();
};

void TestOutputOrder::countThenBytes()
{
    WordTable table;
    for (const char *w : {"b", "a", "ab", "b", "c", "a", "b"})
        table.add(w, qsizetype(qstrlen(w)));
    std::vector<quint32> order;
    QVERIFY(OutputOrder::sort(table, &order));
    QStringList words;
    for (const quint32 e : order)
        words << QString::fromUtf8(table.word(e).toByteArray());
    QCOMPARE(words, QStringList({"b", "a", "ab", "c"}));
}

void TestOutputOrder::progressFollowsTheWork_data()
{
    QTest::addColumn<qsizetype>("words");
    QTest::addColumn<int>("blocks"); // of 64 Ki entries
    QTest::addColumn<double>("afterBlocks"); // share of the bar once the blocks are sorted
    // Sorting the blocks takes about as long as three merge levels (OutputOrder::sort): with
    // 8 blocks (3 merge levels) the block pass is half of the bar. Counted in entries, it was a
    // quarter, and the bar crawled, then jumped.
    QTest::newRow("8 blocks") << qsizetype(8 << 16) << 8 << 3.0 / 6.0;
    QTest::newRow("2 blocks") << qsizetype(2 << 16) << 2 << 3.0 / 4.0;
    QTest::newRow("one small block") << qsizetype(1000) << 1 << 1.0;
}

void TestOutputOrder::progressFollowsTheWork()
{
    QFETCH(qsizetype, words);
    QFETCH(int, blocks);
    QFETCH(double, afterBlocks);
    const WordTable table = tableOf(words);
    QList<QPair<qint64, qint64>> steps;
    std::vector<quint32> order;
    QVERIFY(OutputOrder::sort(table, &order, [&steps](qint64 done, qint64 total) {
        steps.append({done, total});
        return true;
    }));
    QVERIFY(steps.size() > blocks);
    const qint64 total = steps.constFirst().second;
    for (qsizetype i = 1; i < steps.size(); ++i) {
        QCOMPARE(steps.at(i).second, total);
        QVERIFY(steps.at(i).first >= steps.at(i - 1).first);
    }
    QCOMPARE(steps.constLast().first, total);
    // The step before the first merge (or the last one) reports the block pass done.
    const double share = double(steps.at(blocks).first) / double(total);
    QVERIFY2(qAbs(share - afterBlocks) < 0.01,
             qPrintable(QStringLiteral("%1 of the bar, expected %2").arg(share).arg(afterBlocks)));
    for (qsizetype i = 1; i < qsizetype(order.size()); ++i)
        QVERIFY(!OutputOrder::less(table, order[size_t(i)], order[size_t(i - 1)]));
}

void TestOutputOrder::stopsWhenAsked()
{
    const WordTable table = tableOf(4 << 16);
    std::vector<quint32> order;
    int calls = 0;
    QVERIFY(!OutputOrder::sort(table, &order, [&calls](qint64, qint64) { return ++calls < 3; }));
    QCOMPARE(calls, 3);
}

QTEST_GUILESS_MAIN(TestOutputOrder)
#include "tst_outputorder.moc"
