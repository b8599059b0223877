// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/outputorder.h"

#include "core/engine/paralleltasks.h"
#include "core/engine/wordtable.h"

#include <QMutex>
#include <QThreadPool>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <numeric>

namespace {

// The output order on entries, which the sort moves in place: a short word's key holds its bytes
// zero-padded with its length last, so two of them compare in two integer comparisons without
// reading the arena (with 8 M distinct words, a sort that read words elsewhere in memory
// spent most of its time waiting for them).
struct EntryOrder
{
    const WordTable *table;

    bool operator()(const WordTable::Entry &a, const WordTable::Entry &b) const
    {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.isInline() && b.isInline()) {
            // Big-endian, the keys compare as their bytes do: the first 8, then the next 7 and
            // the length, which puts a word before the longer ones it begins.
            const quint64 x = qFromBigEndian(a.key[0]);
            const quint64 y = qFromBigEndian(b.key[0]);
            if (x != y)
                return x < y;
            return qFromBigEndian(a.key[1]) < qFromBigEndian(b.key[1]);
        }
        return OutputOrder::lessWords(*table, a, b);
    }
};

// The sort's progress, shared by its tasks: one step() call at a time, done only growing.
class Progress
{
public:
    Progress(const std::function<bool(qint64, qint64)> &step, qint64 total)
        : m_step(step)
        , m_total(total)
    { }

    bool stopped() const { return m_stopped.load(std::memory_order_relaxed); }

    // Called by the sorting threads after each piece of work.
    bool advance(qint64 units)
    {
        if (stopped())
            return false;
        if (!m_step)
            return true;
        QMutexLocker lock(&m_mutex);
        m_done = std::min(m_total, m_done + units);
        if (!m_step(m_done, m_total))
            m_stopped.store(true, std::memory_order_relaxed);
        return !stopped();
    }

    // The last call: done is total, whatever the estimates of each piece added up to.
    bool finish() { return advance(m_total); }

private:
    const std::function<bool(qint64, qint64)> &m_step;
    const qint64 m_total;
    QMutex m_mutex;
    qint64 m_done = 0;
    std::atomic<bool> m_stopped = false;
};

int log2Ceil(qsizetype n)
{
    int bits = 0;
    while ((qsizetype(1) << bits) < n)
        ++bits;
    return bits;
}

// Merges the runs' ranges [cursors[r].first, cursors[r].second) into out, in order; a binary
// heap on the runs' heads, the smallest on top.
class RunMerger
{
public:
    using Range = std::pair<const WordTable::Entry *, const WordTable::Entry *>;

    RunMerger(std::vector<Range> ranges, EntryOrder order, const WordTable::Entry *first)
        : m_heap(std::move(ranges))
        , m_order(order)
        , m_first(first)
    {
        m_heap.erase(std::remove_if(m_heap.begin(), m_heap.end(),
                                    [](const Range &r) { return r.first == r.second; }),
                     m_heap.end());
        for (size_t i = m_heap.size() / 2; i-- > 0;)
            siftDown(i);
    }

    // Writes up to \a n entry numbers to \a out; returns how many.
    qsizetype take(quint32 *out, qsizetype n)
    {
        qsizetype written = 0;
        while (written < n && !m_heap.empty()) {
            Range &top = m_heap.front();
            out[written++] = quint32(top.first - m_first);
            if (++top.first == top.second) {
                top = m_heap.back();
                m_heap.pop_back();
            }
            if (!m_heap.empty())
                siftDown(0);
        }
        return written;
    }

private:
    void siftDown(size_t i)
    {
        const size_t n = m_heap.size();
        for (;;) {
            size_t least = i;
            for (size_t c = 2 * i + 1; c <= 2 * i + 2 && c < n; ++c)
                if (m_order(*m_heap[c].first, *m_heap[least].first))
                    least = c;
            if (least == i)
                return;
            std::swap(m_heap[i], m_heap[least]);
            i = least;
        }
    }

    std::vector<Range> m_heap;
    EntryOrder m_order;
    const WordTable::Entry *m_first; // entry 0: entry numbers are offsets from it
};

constexpr qsizetype MinRun = 1 << 16; // entries sorted per task, at least
constexpr qsizetype MaxRuns = 64; // runs merged at the end, at most
constexpr qsizetype MergeStep = 1 << 16; // entries merged between two progress steps

} // namespace

bool OutputOrder::lessWords(const WordTable &table, const WordTable::Entry &x,
                            const WordTable::Entry &y)
{
    const int c
        = std::memcmp(table.wordData(x), table.wordData(y), std::min(x.length(), y.length()));
    return c != 0 ? c < 0 : x.length() < y.length();
}

bool OutputOrder::less(const WordTable &table, quint32 a, quint32 b)
{
    const WordTable::Entry &x = table.entry(a);
    const WordTable::Entry &y = table.entry(b);
    if (x.count != y.count)
        return x.count > y.count;
    return lessWords(table, x, y);
}

bool OutputOrder::sort(WordTable &table, std::vector<quint32> *order,
                       const std::function<bool(qint64, qint64)> &step, QThreadPool *pool)
{
    // Nothing is looked up while the entries move, and the index would be wrong after.
    table.releaseIndex();
    const qsizetype n = table.size();
    order->resize(size_t(n));
    WordTable::Entry *const entries = table.entriesToReorder();
    const EntryOrder entryOrder {&table};
    const qsizetype runLength = std::max(MinRun, (n + MaxRuns - 1) / MaxRuns);
    const qsizetype runs = std::max<qsizetype>(1, (n + runLength - 1) / runLength);
    // Units of about equal time: one comparison level of a run's sort, and one level of the
    // merge's heap, each per entry.
    const int sortLevels = std::max(1, log2Ceil(std::min(n, runLength)));
    const int mergeLevels = runs > 1 ? log2Ceil(runs) : 0;
    Progress progress(step, qint64(n) * (sortLevels + mergeLevels));
    if (!progress.advance(0))
        return false;

    const auto runBegin = [&](qsizetype r) { return entries + std::min(n, r * runLength); };
    ParallelTasks::run(pool, runs, [&](qsizetype r) {
        if (progress.stopped())
            return;
        std::sort(runBegin(r), runBegin(r + 1), entryOrder);
        progress.advance(qint64(runBegin(r + 1) - runBegin(r)) * sortLevels);
    });
    if (progress.stopped())
        return false;
    if (runs == 1) {
        std::iota(order->begin(), order->end(), 0u);
        return progress.finish();
    }

    // The merge, cut into ranges at splitters drawn from every run, so that each range of the
    // output is merged by one task from a part of each run.
    const int threads = pool ? std::max(1, pool->maxThreadCount()) : 1;
    const qsizetype ranges = std::min<qsizetype>(n / MinRun + 1, 4 * threads);
    std::vector<WordTable::Entry> samples;
    for (qsizetype r = 0; r < runs; ++r) {
        const qsizetype length = runBegin(r + 1) - runBegin(r);
        for (qsizetype s = 1; s <= 8 * ranges; ++s)
            samples.push_back(runBegin(r)[length * s / (8 * ranges + 1)]);
    }
    std::sort(samples.begin(), samples.end(), entryOrder);
    // cuts[j * runs + r]: where range j starts in run r.
    std::vector<const WordTable::Entry *> cuts(size_t((ranges + 1) * runs));
    for (qsizetype r = 0; r < runs; ++r) {
        cuts[size_t(r)] = runBegin(r);
        cuts[size_t(ranges * runs + r)] = runBegin(r + 1);
        for (qsizetype j = 1; j < ranges; ++j) {
            const WordTable::Entry &splitter
                = samples[size_t(j * qsizetype(samples.size()) / ranges)];
            cuts[size_t(j * runs + r)]
                = std::lower_bound(cuts[size_t((j - 1) * runs + r)],
                                   cuts[size_t(ranges * runs + r)], splitter, entryOrder);
        }
    }
    std::vector<qsizetype> outputStart(size_t(ranges) + 1, 0);
    for (qsizetype j = 0; j < ranges; ++j) {
        qsizetype length = 0;
        for (qsizetype r = 0; r < runs; ++r)
            length += cuts[size_t((j + 1) * runs + r)] - cuts[size_t(j * runs + r)];
        outputStart[size_t(j) + 1] = outputStart[size_t(j)] + length;
    }
    ParallelTasks::run(pool, ranges, [&](qsizetype j) {
        std::vector<RunMerger::Range> parts;
        for (qsizetype r = 0; r < runs; ++r)
            parts.emplace_back(cuts[size_t(j * runs + r)], cuts[size_t((j + 1) * runs + r)]);
        RunMerger merger(std::move(parts), entryOrder, entries);
        quint32 *out = order->data() + outputStart[size_t(j)];
        quint32 *const end = order->data() + outputStart[size_t(j) + 1];
        while (out < end && !progress.stopped()) {
            const qsizetype written = merger.take(out, std::min(MergeStep, qsizetype(end - out)));
            out += written;
            progress.advance(qint64(written) * mergeLevels);
        }
    });
    return progress.finish();
}
