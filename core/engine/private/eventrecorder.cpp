// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/private/eventrecorder.h"

#include <QThread>

#include <ctime>
#include <limits>

namespace {

// The fields of a record, each a relaxed atomic so that a merge may change a published record
// while a snapshot reads it.
enum Field {
    Meta,
    Calls,
    Start,
    End,
    Busy,
    Begin,
    EndByte,
    Bytes,
    Words,
    Read,
    Cpu,
    ReadCpu,
    Queued,
    FieldCount
};

struct Slot
{
    std::atomic<qint64> f[FieldCount];
};

constexpr qint32 BlockSlots = 256; // 26 KiB a block
constexpr qint32 MinLaneCapacity = 4 * BlockSlots;

std::atomic<quint64> nextSerial = 1;

qint64 meta(JobEvent::Kind kind, qint32 file)
{
    return qint64(kind) | (qint64(quint32(file)) << 8);
}

} // namespace

struct EventRecorder::Lane
{
    explicit Lane(qint32 capacity)
        : capacity(capacity)
        , blocks(std::make_unique<std::atomic<Slot *>[]>(size_t(capacity / BlockSlots)))
    {
        for (qint32 i = 0; i < capacity / BlockSlots; ++i)
            blocks[size_t(i)].store(nullptr, std::memory_order_relaxed);
        std::fill(std::begin(lastOfKind), std::end(lastOfKind), -1);
    }
    ~Lane()
    {
        for (qint32 i = 0; i < capacity / BlockSlots; ++i)
            delete[] blocks[size_t(i)].load(std::memory_order_relaxed);
    }
    Slot &slot(qint32 i) const
    {
        return blocks[size_t(i / BlockSlots)].load(std::memory_order_relaxed)[i % BlockSlots];
    }

    const qint32 capacity;
    std::unique_ptr<std::atomic<Slot *>[]> blocks;
    std::atomic<qint32> count = 0; // published records
    Qt::HANDLE owner = nullptr;
    qint32 lastOfKind[JobEvent::KindCount]; // the writer's own
};

EventRecorder::EventRecorder(int workers)
    : m_workers(std::max(1, workers))
    , m_maxLanes(m_workers + 4) // the job's lane, the workers, and threads that replace some
    , m_laneCapacity(std::max<qint32>(
          MinLaneCapacity,
          qint32(MemoryBudget / qint64(sizeof(Slot)) / m_maxLanes / BlockSlots * BlockSlots)))
    , m_serial(nextSerial.fetch_add(1))
    , m_lanes(std::make_unique<std::atomic<Lane *>[]>(size_t(m_maxLanes)))
{
    for (int i = 0; i < m_maxLanes; ++i)
        m_lanes[size_t(i)].store(nullptr, std::memory_order_relaxed);
    m_lanes[0].store(new Lane(MinLaneCapacity), std::memory_order_release);
    m_origin = clockNs();
}

EventRecorder::~EventRecorder()
{
    for (int i = 0; i < m_maxLanes; ++i)
        delete m_lanes[size_t(i)].load(std::memory_order_relaxed);
}

qint64 EventRecorder::clockNs()
{
    timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

namespace {
thread_local quint64 t_threadCpuReads = 0;
}

quint64 EventRecorder::threadCpuReads()
{
    return t_threadCpuReads;
}

qint64 EventRecorder::threadCpuNs()
{
    ++t_threadCpuReads;
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

void EventRecorder::start()
{
    m_origin = clockNs();
    // Paused while queued: the pause starts with the job; pauses that ended before are none.
    QMutexLocker lock(&m_mutex);
    const bool paused = !m_pauses.isEmpty() && m_pauses.last().endNs < 0;
    m_pauses.clear();
    if (paused)
        m_pauses.append({0, -1});
}

// Called by worker threads; takes the mutex only the first time a thread records for this job.
EventRecorder::Lane *EventRecorder::laneOfThisThread()
{
    struct Cache
    {
        quint64 serial = 0;
        Lane *lane = nullptr;
    };
    static thread_local Cache cache;
    if (cache.serial == m_serial)
        return cache.lane;
    const Qt::HANDLE self = QThread::currentThreadId();
    QMutexLocker lock(&m_mutex);
    const int lanes = m_laneCount.load(std::memory_order_relaxed);
    Lane *lane = nullptr;
    for (int i = 1; i < lanes && !lane; ++i) {
        Lane *l = m_lanes[size_t(i)].load(std::memory_order_relaxed);
        if (l->owner == self)
            lane = l;
    }
    if (!lane) {
        if (lanes == m_maxLanes)
            return nullptr;
        lane = new Lane(m_laneCapacity);
        lane->owner = self;
        m_lanes[size_t(lanes)].store(lane, std::memory_order_release);
        m_laneCount.store(lanes + 1, std::memory_order_release);
    }
    cache = {m_serial, lane};
    return lane;
}

// Called by the lane's one writer.
void EventRecorder::append(Lane &lane, const JobEvent &e, bool mayMerge)
{
    const qint32 n = lane.count.load(std::memory_order_relaxed);
    const qint32 last = lane.lastOfKind[e.kind];
    if (mayMerge && last >= 0 && n >= lane.capacity / 2) {
        // The quantum: a span such that, should the job go on as long again, each kind would
        // use about an eighth of the room left.
        const qint32 left = lane.capacity - n;
        const qint64 quantum = left > 0 ? std::max<qint64>(e.startNs, 0) * 8 / left
                                        : std::numeric_limits<qint64>::max();
        Slot &s = lane.slot(last);
        const auto load = [&s](Field f) { return s.f[f].load(std::memory_order_relaxed); };
        const auto add = [&s](Field f, qint64 v) {
            s.f[f].store(s.f[f].load(std::memory_order_relaxed) + v, std::memory_order_relaxed);
        };
        if (e.endNs - load(Start) <= quantum) {
            s.f[End].store(std::max(load(End), e.endNs), std::memory_order_relaxed);
            s.f[EndByte].store(e.end, std::memory_order_relaxed);
            add(Calls, e.calls);
            add(Busy, e.busyNs);
            add(Bytes, e.bytes);
            add(Words, qint64(e.words));
            add(Read, e.readNs);
            add(Cpu, e.cpuNs);
            add(ReadCpu, e.readCpuNs);
            add(Queued, e.queuedNs);
            return;
        }
    }
    if (n == lane.capacity) {
        m_dropped.fetch_add(e.calls, std::memory_order_relaxed);
        return;
    }
    std::atomic<Slot *> &block = lane.blocks[size_t(n / BlockSlots)];
    if (n % BlockSlots == 0 && !block.load(std::memory_order_relaxed))
        block.store(new Slot[BlockSlots], std::memory_order_relaxed);
    Slot &s = lane.slot(n);
    const qint64 values[FieldCount] = {
        meta(e.kind, e.file), e.calls,  e.startNs, e.endNs,     e.busyNs,  e.begin, e.end, e.bytes,
        qint64(e.words),      e.readNs, e.cpuNs,   e.readCpuNs, e.queuedNs};
    for (int f = 0; f < FieldCount; ++f)
        s.f[f].store(values[f], std::memory_order_relaxed);
    lane.lastOfKind[e.kind] = n;
    lane.count.store(n + 1, std::memory_order_release); // publishes the record (and its block)
}

// Called concurrently by worker threads, each on its own lane.
void EventRecorder::record(const JobEvent &event)
{
    if (!m_enabled)
        return;
    if (Lane *lane = laneOfThisThread())
        append(*lane, event, true);
    else
        m_dropped.fetch_add(event.calls, std::memory_order_relaxed);
}

// Called by the thread that runs a phase; phases never overlap.
void EventRecorder::recordPhase(JobEvent::Kind kind, qint64 startNs, qint64 endNs)
{
    if (!m_enabled)
        return;
    JobEvent e;
    e.kind = kind;
    e.startNs = startNs;
    e.endNs = endNs;
    e.busyNs = endNs - startNs;
    append(*m_lanes[0].load(std::memory_order_relaxed), e, false);
}

void EventRecorder::setPaused(bool paused)
{
    const qint64 t = now();
    QMutexLocker lock(&m_mutex);
    if (paused)
        m_pauses.append({t, -1});
    else if (!m_pauses.isEmpty() && m_pauses.last().endNs < 0)
        m_pauses.last().endNs = t;
}

void EventRecorder::finish()
{
    const qint64 t = now();
    {
        QMutexLocker lock(&m_mutex);
        if (!m_pauses.isEmpty() && m_pauses.last().endNs < 0)
            m_pauses.last().endNs = t;
    }
    m_finishedAt.store(t, std::memory_order_release);
}

JobTimeline EventRecorder::snapshot() const
{
    JobTimeline t;
    t.workers = m_workers;
    const qint64 finishedAt = m_finishedAt.load(std::memory_order_acquire);
    t.finished = finishedAt >= 0;
    t.nowNs = t.finished ? finishedAt : now();
    {
        QMutexLocker lock(&m_mutex);
        t.pauses = m_pauses;
    }
    t.lanes = m_laneCount.load(std::memory_order_acquire);
    t.memoryBytes = qint64(sizeof(*this)) + m_maxLanes * qint64(sizeof(void *));
    qsizetype total = 0;
    std::vector<qint32> counts(size_t(t.lanes));
    for (int i = 0; i < t.lanes; ++i) {
        counts[size_t(i)] = m_lanes[size_t(i)]
                                .load(std::memory_order_acquire)
                                ->count.load(std::memory_order_acquire);
        total += counts[size_t(i)];
    }
    t.events.reserve(total);
    for (int i = 0; i < t.lanes; ++i) {
        const Lane &lane = *m_lanes[size_t(i)].load(std::memory_order_acquire);
        const qint32 n = counts[size_t(i)];
        t.memoryBytes += qint64(sizeof(Lane)) + lane.capacity / BlockSlots * qint64(sizeof(void *))
            + (n + BlockSlots - 1) / BlockSlots * BlockSlots * qint64(sizeof(Slot));
        for (qint32 j = 0; j < n; ++j) {
            const Slot &s = lane.slot(j);
            const auto load = [&s](Field f) { return s.f[f].load(std::memory_order_relaxed); };
            JobEvent e;
            const qint64 m = load(Meta);
            e.kind = JobEvent::Kind(m & 0xff);
            e.file = qint32(quint32(quint64(m) >> 8));
            e.lane = i;
            e.calls = quint32(load(Calls));
            e.startNs = load(Start);
            e.endNs = load(End);
            e.busyNs = load(Busy);
            e.begin = load(Begin);
            e.end = load(EndByte);
            e.bytes = load(Bytes);
            e.words = quint64(load(Words));
            e.readNs = load(Read);
            e.cpuNs = load(Cpu);
            e.readCpuNs = load(ReadCpu);
            e.queuedNs = load(Queued);
            t.events.append(e);
        }
    }
    t.droppedEvents = m_dropped.load(std::memory_order_relaxed);
    return t;
}
