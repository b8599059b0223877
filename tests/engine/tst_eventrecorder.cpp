// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline a job records (EventRecorder, CountJob::timeline()): every map and reduce call of
// a real job, the phases, the pauses; snapshots taken while workers record; a memory bound that
// holds for any number of calls, with exact sums.

#include "core/engine/countjob.h"
#include "core/engine/private/eventrecorder.h"
#include "tests/engine/jobtesthelpers.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace JobTest;

namespace {

QList<JobEvent> ofKind(const JobTimeline &t, JobEvent::Kind kind)
{
    QList<JobEvent> events;
    for (const JobEvent &e : t.events) {
        if (e.kind == kind)
            events.append(e);
    }
    return events;
}

JobEvent mapCall(qint64 i)
{
    JobEvent e;
    e.kind = JobEvent::Map;
    e.file = 0;
    e.startNs = i * 1000;
    e.endNs = i * 1000 + 900;
    e.busyNs = 900;
    e.begin = i * 1024;
    e.end = e.begin + 1024;
    e.bytes = 1024;
    e.words = 100;
    e.readNs = 100;
    return e;
}

} // namespace

class TestEventRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsARealJob()
    {
        JobSpec spec;
        spec.sampleBytes = 8 * MiB;
        spec.chunkSize = 256 << 10;
        spec.workers = 2;
        CountJob job(spec);
        QVERIFY(runToEnd(job));
        QCOMPARE(job.state(), CountJob::Done);
        const JobTimeline t = job.timeline();
        QVERIFY(t.finished);
        QCOMPARE(t.workers, 2);
        QCOMPARE(ofKind(t, JobEvent::Scan).size(), 1);
        QCOMPARE(ofKind(t, JobEvent::Sort).size(), 1);
        for (const JobEvent &e : t.events) {
            const bool phase = e.kind == JobEvent::Scan || e.kind == JobEvent::Sort;
            QCOMPARE(e.lane == 0, phase);
            QVERIFY(e.startNs <= e.endNs && e.endNs <= t.nowNs);
        }
        // Every chunk is one map call and one reduce call; the map calls cover the job's bytes.
        const QList<JobEvent> maps = ofKind(t, JobEvent::Map);
        const QList<JobEvent> reduces = ofKind(t, JobEvent::Reduce);
        QCOMPARE(maps.size(), 32);
        QCOMPARE(reduces.size(), 32);
        qint64 bytes = 0;
        quint64 words = 0;
        for (const JobEvent &e : maps) {
            bytes += e.bytes;
            words += e.words;
            QVERIFY(e.readNs >= 0 && e.readNs <= e.busyNs);
            QVERIFY(e.lane >= 1 && e.lane < t.lanes);
        }
        QCOMPARE(bytes, job.result()->totals.bytes);
        QCOMPARE(words, job.result()->totals.words);
        // The sort comes after the last merge, the scan before the first map.
        const qint64 firstMap = std::min_element(maps.begin(), maps.end(), [](auto &a, auto &b) {
                                    return a.startNs < b.startNs;
                                })->startNs;
        QVERIFY(ofKind(t, JobEvent::Scan).first().endNs <= firstMap);
        for (const JobEvent &e : reduces) {
            QVERIFY(e.endNs <= ofKind(t, JobEvent::Sort).first().startNs);
            QVERIFY(e.queuedNs >= 0);
        }
        // On a lane, calls follow one another.
        for (int lane = 1; lane < t.lanes; ++lane) {
            qint64 end = 0;
            for (const JobEvent &e : t.events) {
                if (e.lane == lane && e.kind != JobEvent::Parked) {
                    QVERIFY(e.startNs >= end);
                    end = e.endNs;
                }
            }
        }
    }

    void offRecordsNothing()
    {
        JobSpec spec;
        spec.sampleBytes = 2 * MiB;
        spec.chunkSize = 256 << 10;
        CountJob job(spec);
        job.setRecordsTimeline(false);
        QVERIFY(runToEnd(job));
        QVERIFY(job.timeline().events.isEmpty());
    }

    void pausesAreRecorded()
    {
        JobSpec spec;
        spec.sampleBytes = 2 * GiB; // cancelled long before its end
        spec.workers = 2;
        // Long map calls: a pause finds at least one of them under way, to be held in it.
        spec.chunkSize = 64 * MiB;
        CountJob job(spec);
        QSignalSpy finished(&job, &CountJob::finished);
        job.start();
        QVERIFY(waitForState(job, CountJob::Counting));
        QVERIFY(spinUntil([&] { return job.progress().map.done > 0; }));
        job.setPaused(true);
        QVERIFY(spinUntil([&] { return job.isPauseSettled(); }));
        QThread::msleep(100);
        job.setPaused(false);
        job.cancel();
        QVERIFY(finished.count() || finished.wait(RunTimeoutMs));
        const JobTimeline t = job.timeline();
        QCOMPARE(t.pauses.size(), 1);
        QVERIFY(t.pauses.first().endNs - t.pauses.first().startNs >= 100'000'000);
        // The workers held inside their map calls say so, within the pause.
        const QList<JobEvent> parked = ofKind(t, JobEvent::Parked);
        QVERIFY(!parked.isEmpty());
        for (const JobEvent &e : parked) {
            QVERIFY(e.startNs >= t.pauses.first().startNs - 1'000'000);
            QVERIFY(e.endNs <= t.pauses.first().endNs + 50'000'000);
        }
    }

    void memoryIsBoundedAndSumsExact()
    {
        // 300,000 calls on one lane (100,000 chunks' worth): the records merge, the sums stay.
        EventRecorder recorder(2);
        constexpr qint64 Calls = 300000;
        for (qint64 i = 0; i < Calls; ++i)
            recorder.record(mapCall(i));
        const JobTimeline t = recorder.snapshot();
        QVERIFY2(t.memoryBytes <= 5 << 20, qPrintable(QString::number(t.memoryBytes)));
        QVERIFY(t.events.size() < Calls / 10);
        QCOMPARE(t.droppedEvents, quint64(0));
        qint64 calls = 0, bytes = 0, busy = 0;
        for (const JobEvent &e : t.events) {
            calls += e.calls;
            bytes += e.bytes;
            busy += e.busyNs;
        }
        QCOMPARE(calls, Calls);
        QCOMPARE(bytes, Calls * 1024);
        QCOMPARE(busy, Calls * 900);
        // The early calls keep their detail.
        QCOMPARE(t.events.first().calls, 1u);
        QCOMPARE(t.events.last().endNs, (Calls - 1) * 1000 + 900);
    }

    void snapshotsWhileRecording()
    {
        EventRecorder recorder(2);
        constexpr qint64 Calls = 100000;
        std::atomic<bool> go = false;
        const auto writer = [&] {
            while (!go.load())
                ;
            for (qint64 i = 0; i < Calls; ++i)
                recorder.record(mapCall(i));
        };
        std::unique_ptr<QThread> a(QThread::create(writer));
        std::unique_ptr<QThread> b(QThread::create(writer));
        a->start();
        b->start();
        go.store(true);
        int snapshots = 0;
        while (!a->isFinished() || !b->isFinished() || snapshots == 0) {
            const JobTimeline t = recorder.snapshot();
            ++snapshots;
            for (int lane = 1; lane < t.lanes; ++lane) {
                qint64 start = -1;
                for (const JobEvent &e : t.events) {
                    if (e.lane != lane)
                        continue;
                    QVERIFY(e.startNs > start); // published records are whole, in order
                    QCOMPARE(e.kind, JobEvent::Map);
                    start = e.startNs;
                }
            }
        }
        a->wait();
        b->wait();
        const JobTimeline t = recorder.snapshot();
        QCOMPARE(t.lanes, 3);
        qint64 calls = 0;
        for (const JobEvent &e : t.events)
            calls += e.calls;
        QCOMPARE(calls, 2 * Calls);
    }
};

QTEST_GUILESS_MAIN(TestEventRecorder)
#include "tst_eventrecorder.moc"
