// SPDX-License-Identifier: GPL-3.0-or-later
// Bounded memory: however far the reduce falls behind, the chunk tables waiting for it never
// exceed JobWorkspace::tableBound(). The bound rests on how QtConcurrent::mappedReduced runs a
// forward iterator (ChunkIterator): a mapped chunk is reduced at once, by the thread that mapped
// it or by the one reducing. A Qt that queued results instead would deadlock or break the bound;
// this test catches both.

#include "core/engine/private/chunkiterator.h"
#include "core/engine/private/jobworkspace.h"

#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

class TestReduceBound : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tablesWaitingStayBounded_data();
    void tablesWaitingStayBounded();
};

void TestReduceBound::tablesWaitingStayBounded_data()
{
    QTest::addColumn<int>("workers");
    QTest::newRow("1 worker") << 1;
    QTest::newRow("4 workers") << 4;
}

void TestReduceBound::tablesWaitingStayBounded()
{
    QFETCH(int, workers);
    JobSpec spec;
    spec.sampleBytes = qint64(8) << 20;
    spec.chunkSize = qint64(64) << 10; // 128 chunks, mapped much faster than they are reduced
    spec.workers = workers;
    auto workspace = std::make_shared<JobWorkspace>(spec, workers);
    workspace->plan({});
    QCOMPARE(workspace->chunkCount(), qint64(128));

    QThreadPool pool;
    pool.setMaxThreadCount(workers);
    struct Merged
    {
        int chunks = 0;
    };
    // A reduce 2 ms slower than it needs to be: the map side runs ahead as far as it may.
    auto future = QtConcurrent::mappedReduced<Merged>(
        &pool, ChunkIterator::begin(*workspace), ChunkIterator::end(*workspace),
        [workspace](const Chunk &chunk) { return workspace->mapChunk(chunk); },
        [workspace](Merged &merged, const ChunkResult &result) {
            QThread::msleep(2);
            workspace->reduceChunk(result);
            ++merged.chunks;
        },
        QtConcurrent::UnorderedReduce);
    QVERIFY(QTest::qWaitFor([&future] { return future.isFinished(); }, 120000));

    const JobCounters &counters = workspace->counters;
    QCOMPARE(future.result().chunks, 128);
    QCOMPARE(counters.chunksMerged(), qint64(128));
    qInfo("%d worker(s): at most %d tables waited for the reduce (bound %d)", workers,
          counters.peakTablesWaiting(), JobWorkspace::tableBound(workers));
    QVERIFY(counters.peakTablesWaiting() >= 1);
    QVERIFY(counters.peakTablesWaiting() <= JobWorkspace::tableBound(workers));
}

QTEST_GUILESS_MAIN(TestReduceBound)
#include "tst_reducebound.moc"
