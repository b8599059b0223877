// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline a job records (EventRecorder, CountJob::timeline()): every map and reduce call of
// a real job, the phases, the pauses; snapshots taken while workers record; a memory bound that
// holds for any number of calls, with exact sums.

#include "core/engine/countjob.h"
#include "core/engine/private/eventrecorder.h"
#include "core/engine/private/mapcallrecord.h"
#include "core/engine/private/timedbytesource.h"
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

// Bytes that cost CPU to read, as a page-cache copy does.
class BusySource final : public ByteSource
{
public:
    qint64 readAt(qint64, char *buffer, qint64 length) override
    {
        spin(4000);
        std::fill_n(buffer, length, 'x');
        return length;
    }
    QString errorString() const override { return {}; }

    // Keeps the CPU busy for about \a ns of wall time.
    static void spin(qint64 ns)
    {
        const qint64 until = EventRecorder::clockNs() + ns;
        while (EventRecorder::clockNs() < until) { }
    }
};

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

    void smallChunksSampleTheCpuClock()
    {
        // 1 KiB chunks: one call in 64 reads the thread's CPU clock (a system call here), the
        // others' CPU time is estimated from them, and the sums stay near the truth.
        QCOMPARE(EventRecorder::cpuSampleIntervalFor(1024), 64);
        QCOMPARE(EventRecorder::cpuSampleIntervalFor(16 << 10), 4);
        QCOMPARE(EventRecorder::cpuSampleIntervalFor(64 << 10), 1);
        QCOMPARE(EventRecorder::cpuSampleIntervalFor(4 << 20), 1);
        EventRecorder recorder(1);
        recorder.setCpuSampleInterval(EventRecorder::cpuSampleIntervalFor(1024));
        recorder.start();
        BusySource source;
        char buffer[1024];
        constexpr int Calls = 640;
        const quint64 readsBefore = EventRecorder::threadCpuReads();
        const qint64 cpuBefore = EventRecorder::threadCpuNs();
        for (int i = 0; i < Calls; ++i) {
            MapCallRecord record(recorder, 0, i * 1024, (i + 1) * 1024);
            TimedByteSource timed(source, record);
            timed.readAt(i * 1024, buffer, sizeof buffer);
            BusySource::spin(12000); // tokenizing and counting
            record.finish(1024, 100);
        }
        const qint64 cpu = EventRecorder::threadCpuNs() - cpuBefore;
        const quint64 reads = EventRecorder::threadCpuReads() - readsBefore - 2;
        // 4 reads on each of the 10 calls that read the clock (it was 4 on every call).
        QVERIFY2(reads <= 4 * (Calls / 64 + 1), qPrintable(QString::number(reads)));
        const QList<JobEvent> maps = ofKind(recorder.snapshot(), JobEvent::Map);
        qint64 cpuNs = 0, readCpuNs = 0, readNs = 0, busyNs = 0;
        quint32 calls = 0;
        for (const JobEvent &e : maps) {
            cpuNs += e.cpuNs;
            readCpuNs += e.readCpuNs;
            readNs += e.readNs;
            busyNs += e.busyNs;
            calls += e.calls;
        }
        QCOMPARE(calls, quint32(Calls));
        // Estimates: busy loops are on the CPU all their wall time, unless the machine is busy.
        qInfo("busy %lld ns, CPU measured %lld, estimated %lld", busyNs, cpu, cpuNs);
        const double share = double(cpuNs) / double(cpu);
        QVERIFY2(
            share > 0.6 && share < 1.4,
            qPrintable(QStringLiteral("estimated %1 ns of CPU, measured %2").arg(cpuNs).arg(cpu)));
        QVERIFY2(readCpuNs > 0 && readCpuNs <= readNs,
                 qPrintable(QStringLiteral("%1 of %2").arg(readCpuNs).arg(readNs)));
        QVERIFY(double(cpuNs) <= 1.05 * double(busyNs));
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
