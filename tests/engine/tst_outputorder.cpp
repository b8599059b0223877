// SPDX-License-Identifier: GPL-3.0-or-later
// The output order, and the sort's progress: it must move as the sort's time goes (issue 11,
// bug 7: the Sort bar crawled to 19 % and then jumped to 87 %).

#include "core/engine/outputorder.h"
#include "core/engine/wordtable.h"

#include <QSemaphore>
#include <QThreadPool>
#include <QtTest>

#include <atomic>

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

// Words that tie on their first 8 or 15 bytes (shorter words, NUL bytes, longer words with the
// same start, in the entry or in the arena) and counts past 2^32.
WordTable tableOfTies()
{
    WordTable table;
    const QByteArray words[]
        = {"abcdefgh", QByteArray("abcdefgh\0", 9), "abcdefg", QByteArray("abcdefg\0", 8),
           "abcdefghij", "abcdefghi", QByteArray("\0", 1), "", "b", "abcdefgi", "abcdefghia",
           // Both sides of WordTable::InlineBytes (15): in the entry or not.
           "abcdefghijklmno", QByteArray("abcdefghijklmno\0", 16), "abcdefghijklmnop",
           "abcdefghijklmnn", "abcdefghijklmnnzzzzz"};
    const quint64 counts[] = {1, 0xffffffffULL, 0x100000000ULL, 0x100000005ULL, 5ULL << 32};
    int w = 0;
    for (const QByteArray &word : words) {
        for (int c = 0; c < 5; ++c) {
            const QByteArray distinct = word + QByteArray(c, 'z');
            table.add(distinct.constData(), distinct.size(), counts[(w + c) % 5]);
        }
        ++w;
    }
    return table;
}

// \a n distinct words in a scrambled order, nine in ten counted once: those are sorted in
// buckets by their first two bytes. Short words and long ones (in the arena), bytes past 0x7f;
// with \a sameStart, all begin with the same two bytes, a bucket too large for one task.
WordTable tableOfOnce(qsizetype n, bool sameStart)
{
    WordTable table;
    for (qsizetype i = 0; i < n; ++i) {
        const qsizetype k = i * 7919 % n;
        QByteArray word = sameStart ? QByteArray("id") : QByteArray(1, char(k % 251 + 1));
        word += QByteArray::number(k, 36);
        if (k % 7 == 0)
            word += QByteArray(12, char(0xc3));
        table.add(word.constData(), word.size(), k % 10 == 0 ? quint64(k % 3 + 2) : 1);
    }
    return table;
}

// \a n + 2 distinct words counted once, in 8 buckets of two bytes, that go on with the same
// bytes for longer than the byte-by-byte sort of a bucket looks (runs of 'Z' of 0 to 12 bytes),
// with words that begin others, NUL bytes, bytes past 0x7f and words in the arena.
WordTable tableOfSharedStarts(qsizetype n)
{
    WordTable table;
    for (qsizetype i = 0; i < n; ++i) {
        const qsizetype k = i * 7919 % n;
        const char second = k % 8 == 7 ? '\0' : char('a' + k % 8);
        QByteArray word = "z" + QByteArray(1, second) + QByteArray(k / 8 % 13, 'Z');
        word += QByteArray::number(k / 104, 36);
        if (k % 5 == 0)
            word += QByteArray(1, '\0');
        if (k % 11 == 0)
            word += QByteArray(k % 3 == 0 ? 3 : 20, char(0xe1));
        table.add(word.constData(), word.size(), 1);
    }
    // In the bucket of "z\0…": a word of one byte, and one that ends after the 0.
    table.add("z\0", 2, 1);
    table.add("z", 1, 1);
    return table;
}

using Contents = std::vector<std::pair<QByteArray, quint64>>;

// The words and counts of \a table, in an order of their own: the sort moves entries, never
// changes them.
Contents contentsOf(const WordTable &table)
{
    Contents contents;
    for (qsizetype i = 0; i < table.size(); ++i)
        contents.emplace_back(table.word(i).toByteArray(), table.entry(i).count);
    std::sort(contents.begin(), contents.end());
    return contents;
}

void checkIsOrder(const WordTable &table, const std::vector<quint32> &order, const Contents &before)
{
    QVERIFY(contentsOf(table) == before);
    QCOMPARE(qsizetype(order.size()), table.size());
    std::vector<bool> seen(order.size());
    for (const quint32 e : order) {
        QVERIFY(e < order.size() && !seen[e]);
        seen[e] = true;
    }
    // Not QVERIFY2, which formats its message for every row.
    for (size_t i = 1; i < order.size(); ++i) {
        if (!OutputOrder::less(table, order[i - 1], order[i]))
            QFAIL(qPrintable(QStringLiteral("rows %1 and %2 out of order").arg(i - 1).arg(i)));
    }
}

} // namespace

class TestOutputOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countThenBytes();
    void sortsEveryShape_data();
    void sortsEveryShape();
    void progressMovesInSmallSteps_data();
    void progressMovesInSmallSteps();
    void stopsWhenAsked_data();
    void stopsWhenAsked();
    void sortsOnItsOwnPoolsOnlyThread();
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

void TestOutputOrder::sortsEveryShape_data()
{
    // 0: tableOf(words), 1: tableOfTies(), 2: tableOfOnce(words), 3: the same, one start,
    // 4: tableOfSharedStarts(words)
    QTest::addColumn<int>("shape");
    QTest::addColumn<qsizetype>("words");
    QTest::addColumn<int>("threads"); // 0: no pool
    for (const int threads : {0, 1, 3}) {
        const QByteArray pool
            = threads == 0 ? QByteArray("no pool") : QByteArray::number(threads) + " threads";
        QTest::addRow("empty, %s", pool.constData()) << 0 << qsizetype(0) << threads;
        QTest::addRow("one word, %s", pool.constData()) << 0 << qsizetype(1) << threads;
        QTest::addRow("one run, %s", pool.constData()) << 0 << qsizetype(1000) << threads;
        // Fewer words than two runs of 64 Ki, enough for a run on each thread, then merged.
        QTest::addRow("a run per thread, %s", pool.constData()) << 0 << qsizetype(20011) << threads;
        // Runs of 64 Ki keys, the last one short: the merge's ranges are cut across all.
        QTest::addRow("5 runs and a bit, %s", pool.constData())
            << 0 << qsizetype((5 << 16) + 77) << threads;
        QTest::addRow("ties on 8 bytes, counts past 2^32, %s", pool.constData())
            << 1 << qsizetype(-1) << threads;
        QTest::addRow("most counted once, %s", pool.constData())
            << 2 << qsizetype(5 << 16) << threads;
        // Too few counted once for the buckets: sorted with the rest, by comparisons.
        QTest::addRow("a few counted once, %s", pool.constData())
            << 2 << qsizetype(30011) << threads;
        QTest::addRow("most counted once, one bucket too large for a task, %s", pool.constData())
            << 3 << qsizetype(300000) << threads;
        QTest::addRow("all counted once, buckets sorted byte by byte, %s", pool.constData())
            << 4 << qsizetype(200003) << threads;
    }
}

void TestOutputOrder::sortsEveryShape()
{
    QFETCH(int, shape);
    QFETCH(qsizetype, words);
    QFETCH(int, threads);
    WordTable table = shape == 0 ? tableOf(words)
        : shape == 1             ? tableOfTies()
        : shape == 4             ? tableOfSharedStarts(words)
                                 : tableOfOnce(words, shape == 3);
    const Contents before = contentsOf(table);
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, threads));
    std::vector<quint32> order;
    QVERIFY(OutputOrder::sort(table, &order, {}, threads == 0 ? nullptr : &pool));
    checkIsOrder(table, order, before);
}

void TestOutputOrder::progressMovesInSmallSteps_data()
{
    QTest::addColumn<qsizetype>("words");
    QTest::addColumn<bool>("mostOnce"); // tableOfOnce(), not tableOf()
    QTest::addColumn<double>("largestStep"); // share of the bar one step may add, at most
    // The Sort bar crawled to 19 % and then jumped to 87 % (issue 11, bug 7): with several runs,
    // no step may add more than one run's sort.
    QTest::newRow("one small run") << qsizetype(1000) << false << 1.0;
    QTest::newRow("a run per thread") << qsizetype(20000) << false << 0.5;
    QTest::newRow("2 runs") << qsizetype(2 << 16) << false << 0.5;
    QTest::newRow("16 runs") << qsizetype(16 << 16) << false << 0.06;
    // The buckets are moved in steps, then sorted in tasks of 64 Ki entries or more; the tenth
    // counted more than once is two runs.
    QTest::newRow("most counted once") << qsizetype(16 << 16) << true << 0.12;
}

void TestOutputOrder::progressMovesInSmallSteps()
{
    QFETCH(qsizetype, words);
    QFETCH(bool, mostOnce);
    QFETCH(double, largestStep);
    WordTable table = mostOnce ? tableOfOnce(words, false) : tableOf(words);
    const Contents before = contentsOf(table);
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    QList<QPair<qint64, qint64>> steps;
    std::vector<quint32> order;
    QVERIFY(OutputOrder::sort(
        table, &order,
        [&steps](qint64 done, qint64 total) {
            steps.append({done, total}); // one call at a time, as the sort promises
            return true;
        },
        &pool));
    QVERIFY(steps.size() >= 3);
    const qint64 total = steps.constFirst().second;
    // The first step is the two passes before the sort (partition, buckets' sizes): done, not 0,
    // or the first estimate of the time left counts their time against nothing.
    QVERIFY(steps.constFirst().first > 0 && steps.constFirst().first < total);
    double largest = 0;
    for (qsizetype i = 1; i < steps.size(); ++i) {
        QCOMPARE(steps.at(i).second, total);
        QVERIFY(steps.at(i).first >= steps.at(i - 1).first);
        largest = std::max(largest, double(steps.at(i).first - steps.at(i - 1).first) / total);
    }
    QCOMPARE(steps.constLast().first, total);
    QVERIFY2(largest <= largestStep + 1e-9,
             qPrintable(QStringLiteral("a step of %1 of the bar").arg(largest)));
    checkIsOrder(table, order, before);
}

void TestOutputOrder::stopsWhenAsked_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<bool>("mostOnce"); // stopped while the buckets are filled
    QTest::newRow("no pool") << 0 << false;
    QTest::newRow("2 threads") << 2 << false;
    QTest::newRow("most counted once, no pool") << 0 << true;
    QTest::newRow("most counted once, 2 threads") << 2 << true;
}

void TestOutputOrder::stopsWhenAsked()
{
    QFETCH(int, threads);
    QFETCH(bool, mostOnce);
    WordTable table = mostOnce ? tableOfOnce(4 << 16, false) : tableOf(4 << 16);
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, threads));
    std::vector<quint32> order;
    std::atomic<int> calls = 0;
    QVERIFY(!OutputOrder::sort(
        table, &order, [&calls](qint64, qint64) { return ++calls < 3; },
        threads == 0 ? nullptr : &pool));
    QCOMPARE(calls.load(), 3); // no step after the one that said stop
}

// A job sorts on a thread of its own pool and hands the pool to the sort. With one worker there
// is no other thread: the sort waited for tasks queued behind itself (QtConcurrent::blockingMap)
// and never ended.
void TestOutputOrder::sortsOnItsOwnPoolsOnlyThread()
{
    WordTable table = tableOf(3 << 16);
    const Contents before = contentsOf(table);
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    std::vector<quint32> order;
    QSemaphore done;
    QVERIFY(pool.tryStart([&] {
        OutputOrder::sort(table, &order, {}, &pool);
        done.release();
    }));
    QVERIFY2(done.tryAcquire(1, 20000), "the sort did not end within 20 s");
    checkIsOrder(table, order, before);
}

QTEST_GUILESS_MAIN(TestOutputOrder)
#include "tst_outputorder.moc"
