// SPDX-License-Identifier: GPL-3.0-or-later
// The speed over time (ThroughputSeries): a map call's bytes and words spread over its unpaused
// time, pauses reading as zero, the phases' starts marked.

#include "core/engine/throughputseries.h"

#include <QTest>

namespace {

constexpr qint64 Ms = 1'000'000;

JobEvent call(JobEvent::Kind kind, int lane, qint64 startMs, qint64 endMs, qint64 bytes = 0)
{
    JobEvent e;
    e.kind = kind;
    e.lane = lane;
    e.startNs = startMs * Ms;
    e.endNs = endMs * Ms;
    e.busyNs = e.endNs - e.startNs;
    e.bytes = bytes;
    e.words = quint64(bytes / 10);
    return e;
}

} // namespace

class TestThroughputSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spreadOverUnpausedTime()
    {
        // Scan 0-100 ms; two workers map 100-1100 ms, 80 MB each, paused 500-700 ms; sort
        // 1100-1200 ms.
        JobTimeline t;
        t.lanes = 3;
        t.workers = 2;
        t.nowNs = 1200 * Ms;
        t.finished = true;
        t.events
            = {call(JobEvent::Scan, 0, 0, 100), call(JobEvent::Map, 1, 100, 1100, 80'000'000),
               call(JobEvent::Map, 2, 100, 1100, 80'000'000), call(JobEvent::Sort, 0, 1100, 1200)};
        t.pauses = {{500 * Ms, 700 * Ms}};
        const ThroughputSeries s = ThroughputSeries::compute(t, 12);
        QCOMPARE(s.binNs, 100 * Ms);
        QCOMPARE(s.bytesPerSecond.size(), 12);
        // 160 MB over 800 ms of work: 200 MB/s while working, nothing in the pause.
        QCOMPARE(s.bytesPerSecond.at(0), 0.0);
        for (int bin : {1, 2, 3, 4, 7, 8, 9, 10})
            QCOMPARE(qRound64(s.bytesPerSecond.at(bin)), qint64(200'000'000));
        QCOMPARE(s.bytesPerSecond.at(5), 0.0);
        QCOMPARE(s.bytesPerSecond.at(6), 0.0);
        QCOMPARE(s.bytesPerSecond.at(11), 0.0);
        QCOMPARE(qRound64(s.wordsPerSecond.at(2)), qint64(20'000'000));
        double bytes = 0;
        for (double v : s.bytesPerSecond)
            bytes += v * 0.1;
        QCOMPARE(qRound64(bytes), qint64(160'000'000));
        const QList<ThroughputSeries::Phase> phases {
            ThroughputSeries::Scanning, ThroughputSeries::Counting, ThroughputSeries::Merging,
            ThroughputSeries::Sorting, ThroughputSeries::Ended};
        QCOMPARE(s.marks.size(), phases.size());
        for (int i = 0; i < phases.size(); ++i)
            QCOMPARE(s.marks.at(i).phase, phases.at(i));
        QCOMPARE(s.marks.at(1).ns, 100 * Ms);
        QCOMPARE(s.marks.at(2).ns, 1100 * Ms);
    }

    void noMergeMarkWhileCounting()
    {
        // Live: the latest map call recorded is not the last one.
        JobTimeline t;
        t.lanes = 2;
        t.workers = 1;
        t.nowNs = 600 * Ms;
        t.events = {call(JobEvent::Scan, 0, 0, 100), call(JobEvent::Map, 1, 100, 500, 1000)};
        const ThroughputSeries s = ThroughputSeries::compute(t, 6);
        QCOMPARE(s.marks.size(), 2);
        QCOMPARE(s.marks.last().phase, ThroughputSeries::Counting);
    }
};

QTEST_APPLESS_MAIN(TestThroughputSeries)
#include "tst_throughputseries.moc"
