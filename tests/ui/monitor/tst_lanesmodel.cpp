// SPDX-License-Identifier: GPL-3.0-or-later
// The Workers tab's lanes without widgets: a timeline's events become rows of bars in pixels,
// calls under a pixel gathered so that 100,000 chunks stay a few bars a column, sums kept.

#include "ui/monitor/lanesmodel.h"

#include <QTest>

namespace {

constexpr qint64 Ms = 1'000'000;

JobEvent call(JobEvent::Kind kind, int lane, qint64 startNs, qint64 endNs, qint64 bytes = 0)
{
    JobEvent e;
    e.kind = kind;
    e.lane = lane;
    e.file = 0;
    e.startNs = startNs;
    e.endNs = endNs;
    e.busyNs = endNs - startNs;
    e.bytes = bytes;
    e.words = quint64(bytes / 8);
    return e;
}

JobTimeline timeline(const QList<JobEvent> &events, int lanes, qint64 nowNs)
{
    JobTimeline t;
    t.events = events;
    t.lanes = lanes;
    t.workers = lanes - 1;
    t.nowNs = nowNs;
    t.finished = true;
    return t;
}

qint64 barBytes(const LanesModel &model, JobEvent::Kind kind)
{
    qint64 bytes = 0;
    for (const LanesModel::Row &row : model.rows()) {
        for (const LanesModel::Bar &bar : row.bars) {
            if (bar.event.kind == kind || (kind == JobEvent::Map && bar.event.bytes > 0))
                bytes += bar.event.bytes;
        }
    }
    return bytes;
}

} // namespace

class TestLanesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAndBars()
    {
        // Scan 0-10 ms, two workers map 10-60 ms in 10 ms calls, then a merge; sort 60-80 ms.
        QList<JobEvent> events {call(JobEvent::Scan, 0, 0, 10 * Ms),
                                call(JobEvent::Sort, 0, 60 * Ms, 80 * Ms)};
        for (int lane = 1; lane <= 2; ++lane) {
            for (qint64 t = 10; t < 60; t += 10)
                events.append(call(JobEvent::Map, lane, t * Ms, (t + 9) * Ms, 1000));
        }
        events.append(call(JobEvent::Reduce, 2, 59 * Ms, 60 * Ms));
        events.last().queuedNs = 5 * Ms;
        LanesModel model;
        model.setTimeline(timeline(events, 3, 80 * Ms));
        model.layout(800);
        QCOMPARE(model.rows().size(), 4);
        QCOMPARE(model.rows().at(0).type, LanesModel::JobRow);
        QCOMPARE(model.rows().at(1).type, LanesModel::QueueRow);
        QCOMPARE(model.workerRows(), 2);
        QCOMPARE(model.rows().at(0).bars.size(), 2);
        QCOMPARE(model.rows().at(2).bars.size(), 5);
        QCOMPARE(model.rows().at(3).bars.size(), 6);
        // 10 px a ms: the first map call from x 100 to 190.
        const LanesModel::Bar &first = model.rows().at(2).bars.first();
        QCOMPARE(first.x0, 100.0);
        QCOMPARE(first.x1, 190.0);
        QCOMPARE(first.event.calls, 1u);
        QCOMPARE(barBytes(model, JobEvent::Map), 10 * 1000);
        QCOMPARE(model.countingSpan().x0, 100.0);
        QCOMPARE(model.countingSpan().x1, 600.0);
        // The merge waited 5 ms in the queue: one chunk from x 540 to 590.
        QCOMPARE(model.maxQueueDepth(), 1.0);
        QCOMPARE(model.queueDepth().at(560), 1.0);
        QCOMPARE(model.queueDepth().at(530), 0.0);
        // Tooltips find the bar under the mouse, not the one beside it.
        QCOMPARE(model.barAt(2, 150)->event.startNs, 10 * Ms);
        QCOMPARE(model.barAt(2, 205)->event.startNs, 20 * Ms);
        QVERIFY(!model.barAt(2, 195));
    }

    void narrowCallsAreGathered()
    {
        // 100,000 chunks on two workers over 10 s: 0.2 ms each, 0.02 px at 1000 px.
        constexpr int Chunks = 100000;
        QList<JobEvent> events;
        events.reserve(Chunks * 2);
        for (int i = 0; i < Chunks; ++i) {
            const int lane = 1 + i % 2;
            const qint64 t = qint64(i / 2) * 200'000;
            events.append(call(JobEvent::Map, lane, t, t + 150'000, 4096));
            events.append(call(JobEvent::Reduce, lane, t + 150'000, t + 190'000));
        }
        LanesModel model;
        model.setTimeline(timeline(events, 3, qint64(Chunks / 2) * 200'000));
        // Drawing stays smooth because a lane holds about one bar a pixel, whatever the job:
        // asserted below on the bars, not on a time, which a busy machine stretches.
        model.layout(1000);
        qint64 calls = 0;
        for (int r = 2; r < model.rows().size(); ++r) {
            const QList<LanesModel::Bar> &bars = model.rows().at(r).bars;
            QVERIFY2(bars.size() <= 1100, qPrintable(QString::number(bars.size())));
            for (const LanesModel::Bar &bar : bars) {
                QVERIFY(bar.x1 - bar.x0 >= 1);
                QVERIFY(bar.x1 - bar.x0 <= 2.01);
                calls += bar.event.calls;
                // Map calls took most of each gathered bar's time.
                QCOMPARE(bar.event.kind, JobEvent::Map);
            }
        }
        QCOMPARE(calls, 2 * Chunks);
        QCOMPARE(barBytes(model, JobEvent::Map), qint64(Chunks) * 4096);
    }

    void wideBarsStayApart()
    {
        // Wide calls are never gathered, even next to narrow ones.
        const QList<JobEvent> events {call(JobEvent::Map, 1, 0, 500 * Ms, 10),
                                      call(JobEvent::Map, 1, 500 * Ms, 500 * Ms + 1000, 20),
                                      call(JobEvent::Map, 1, 501 * Ms, 1000 * Ms, 30)};
        LanesModel model;
        model.setTimeline(timeline(events, 2, 1000 * Ms));
        model.layout(100);
        const QList<LanesModel::Bar> &bars = model.rows().at(2).bars;
        QCOMPARE(bars.size(), 3);
        QCOMPARE(bars.at(0).event.bytes, 10);
        QCOMPARE(bars.at(1).event.bytes, 20);
        QCOMPARE(bars.at(1).x1 - bars.at(1).x0, 1.0); // drawn a pixel wide
        QCOMPARE(bars.at(2).event.bytes, 30);
    }

    void pausesAndParkedMarks()
    {
        QList<JobEvent> events {call(JobEvent::Map, 1, 0, 100 * Ms, 10),
                                call(JobEvent::Parked, 1, 40 * Ms, 60 * Ms)};
        JobTimeline t = timeline(events, 2, 100 * Ms);
        t.pauses = {{40 * Ms, 60 * Ms}};
        LanesModel model;
        model.setTimeline(t);
        model.layout(100);
        QCOMPARE(model.pauses().size(), 1);
        QCOMPARE(model.pauses().first().x0, 40.0);
        QCOMPARE(model.pauses().first().x1, 60.0);
        // The parked mark lies over the map call; under the mouse, it wins.
        QCOMPARE(model.barAt(2, 50)->event.kind, JobEvent::Parked);
        QCOMPARE(model.barAt(2, 20)->event.kind, JobEvent::Map);
    }
};

QTEST_GUILESS_MAIN(TestLanesModel)
#include "tst_lanesmodel.moc"
