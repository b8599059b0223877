// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/outputorder.h"

#include "core/engine/hugepageallocator.h"
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
constexpr qsizetype MinThreadRun = 1 << 12; // entries per thread in a table too small for two runs
constexpr qsizetype MaxRuns = 64; // runs merged at the end, at most
constexpr qsizetype MergeStep = 1 << 16; // entries merged between two progress steps
constexpr qsizetype Buckets = 1 << 16; // the first two bytes of a word
constexpr qsizetype MinBucketed = Buckets; // words counted once sorted in buckets, at least
constexpr qsizetype PermuteStep = 1 << 16; // entries moved between two looks at a stop
constexpr qint64 PartitionUnits = 4; // an entry's part of the first two passes, in sort levels
constexpr qsizetype MinByteSorted = 64; // entries of a bucket's part sorted byte by byte, at least
constexpr int MaxByteSortDepth = 8; // bytes of a word that the byte-by-byte sort looks at

// The first two bytes of \a e's word, the second zero if it has one byte: an order between
// words of the same count that never contradicts theirs.
inline quint16 bucketOf(const WordTable &table, const WordTable::Entry &e)
{
    const auto *w = reinterpret_cast<const quint8 *>(table.wordData(e));
    return quint16((w[0] << 8) | (e.length() > 1 ? w[1] : 0));
}

// \a n rounded up to a multiple of \a threads, so that tasks of about equal work keep every
// thread busy to the end: 3 runs on 2 threads left one thread sorting the third alone.
qsizetype roundedToThreads(qsizetype n, int threads)
{
    return (n + threads - 1) / threads * threads;
}

// How byComparison() cuts \a n entries into runs for \a threads threads, and the work of each
// entry in Progress units: one comparison level of a run's sort, and one level of the merge's
// heap, take about as long.
struct RunPlan
{
    RunPlan(qsizetype n, int threads)
        : runs(runsFor(n, threads))
        , length((n + runs - 1) / runs)
        , sortLevels(std::max(1, log2Ceil(std::min(n, length))))
        , mergeLevels(log2Ceil(runs))
    { }

    static qsizetype runsFor(qsizetype n, int threads)
    {
        const qsizetype length = std::max(MinRun, (n + MaxRuns - 1) / MaxRuns);
        qsizetype runs = std::max<qsizetype>(1, (n + length - 1) / length);
        // Fewer entries than two runs still keep every thread sorting when there are enough
        // for each: a one-run sort of the Bible's 32,000 words took 3 ms alone on one thread.
        if (runs == 1 && n >= threads * MinThreadRun)
            runs = threads;
        return runs > 1 ? roundedToThreads(runs, threads) : 1;
    }

    qsizetype runs;
    qsizetype length;
    int sortLevels;
    int mergeLevels;
};

// Sorts the entries of a table into the output order, and writes their numbers in that order.
class EntrySorter
{
public:
    EntrySorter(WordTable &table, quint32 *out, QThreadPool *pool)
        : m_table(table)
        , m_entries(table.entriesToReorder())
        , m_order {&table}
        , m_out(out)
        , m_pool(pool)
    { }

    // Sorts the entries from \a first to \a last by comparisons: runs sorted on every thread,
    // then merged into their rows of the output in ranges, one range per task.
    void byComparison(WordTable::Entry *first, WordTable::Entry *last, Progress &progress);
    // The work of byComparison() on \a n entries, in Progress units.
    qint64 comparisonUnits(qsizetype n) const;

    /*
        Words counted once come last, in word order, and they are most of a large vocabulary
        (about half by Zipf's law; all of distinct-8M). So they are not sorted by comparisons
        like the rest: they are moved in place into buckets by their first two bytes (one pass,
        no copy of the entries), then each bucket is sorted alone, on every thread, and the
        rows are the entries as they then lie. Every level of the runs' merge is saved, and most
        of the sort's: a bucket of distinct-8M's is 12,000 entries, a run is 125,000.
    */
    // Where each bucket of \a first to \a last (all counted once) begins once they are moved,
    // from \a first, and past the last one: Buckets + 1 offsets.
    std::vector<qsizetype> bucketOffsets(const WordTable::Entry *first,
                                         const WordTable::Entry *last) const;
    // Moves the entries from \a first into their buckets, at \a offsets: by their first byte
    // on this thread, then by their second on every thread.
    void distribute(WordTable::Entry *first, const std::vector<qsizetype> &offsets,
                    Progress &progress) const;
    static constexpr int PassUnits = 1; // an entry's moves in one pass, against a level of a sort
    static constexpr int DistributeUnits = 2 * PassUnits;
    // Sorts each bucket, and writes their rows; a bucket too large for one task is sorted by
    // comparisons, on every thread.
    void sortBuckets(WordTable::Entry *first, const std::vector<qsizetype> &offsets,
                     Progress &progress);
    qint64 bucketUnits(const std::vector<qsizetype> &offsets) const;

private:
    static bool isLarge(qsizetype bucketSize) { return bucketSize > 4 * MinRun; }
    int threads() const { return m_pool ? std::max(1, m_pool->maxThreadCount()) : 1; }
    // Moves the entries from first + starts[0] to first + starts[keys] so that those whose
    // keyOf() is k lie from first + starts[k] to first + starts[k + 1]; reports its moves to
    // \a progress if not null.
    template<typename KeyOf>
    static void permute(WordTable::Entry *first, const qsizetype *starts, qsizetype keys,
                        const KeyOf &keyOf, Progress *progress);
    /*
        Sorts the entries from \a first to \a last, all counted once, whose words begin with the
        same \a depth bytes (in a bucket, depth 2, but for a one-byte word, which shares the
        bucket of those whose second byte is 0): moved in place by their byte at depth, the words
        that end before it first, then each part the same way one byte deeper; parts of fewer
        than MinByteSorted entries, or MaxByteSortDepth bytes deep, by comparisons. A bucket of
        distinct-8M holds 12,000 words: by comparisons, 14 levels of them; byte by byte, two
        passes cut it into parts of about 17.
    */
    void sortByBytes(WordTable::Entry *first, WordTable::Entry *last, int depth) const;
    // The work of sorting one small bucket of \a size entries, in Progress units.
    static qint64 smallBucketUnits(qsizetype size) { return qint64(size) * log2Ceil(size); }
    quint32 *rowOf(const WordTable::Entry *e) const { return m_out + (e - m_entries); }
    void writeRows(const WordTable::Entry *first, const WordTable::Entry *last) const
    {
        std::iota(rowOf(first), rowOf(last), quint32(first - m_entries));
    }

    WordTable &m_table;
    WordTable::Entry *const m_entries;
    const EntryOrder m_order;
    quint32 *const m_out;
    QThreadPool *const m_pool;
};

qint64 EntrySorter::comparisonUnits(qsizetype n) const
{
    if (n <= 1)
        return n;
    const RunPlan plan(n, threads());
    return qint64(n) * (plan.sortLevels + plan.mergeLevels);
}

void EntrySorter::byComparison(WordTable::Entry *first, WordTable::Entry *last, Progress &progress)
{
    const qsizetype n = last - first;
    if (n <= 1) {
        writeRows(first, last);
        progress.advance(n);
        return;
    }
    const RunPlan plan(n, threads());
    const qsizetype runs = plan.runs;
    const auto runBegin = [&](qsizetype r) { return first + std::min(n, r * plan.length); };
    ParallelTasks::run(m_pool, runs, [&](qsizetype r) {
        if (progress.stopped())
            return;
        std::sort(runBegin(r), runBegin(r + 1), m_order);
        progress.advance(qint64(runBegin(r + 1) - runBegin(r)) * plan.sortLevels);
    });
    if (progress.stopped())
        return;
    if (runs == 1) {
        writeRows(first, last);
        return;
    }

    // The merge, cut into ranges at splitters drawn from every run, so that each range of the
    // output is merged by one task from a part of each run.
    const qsizetype ranges
        = roundedToThreads(std::min<qsizetype>(n / MinRun + 1, 4 * threads()), threads());
    std::vector<WordTable::Entry> samples;
    for (qsizetype r = 0; r < runs; ++r) {
        const qsizetype length = runBegin(r + 1) - runBegin(r);
        for (qsizetype s = 1; s <= 8 * ranges; ++s)
            samples.push_back(runBegin(r)[length * s / (8 * ranges + 1)]);
    }
    std::sort(samples.begin(), samples.end(), m_order);
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
                                   cuts[size_t(ranges * runs + r)], splitter, m_order);
        }
    }
    std::vector<qsizetype> outputStart(size_t(ranges) + 1, 0);
    for (qsizetype j = 0; j < ranges; ++j) {
        qsizetype length = 0;
        for (qsizetype r = 0; r < runs; ++r)
            length += cuts[size_t((j + 1) * runs + r)] - cuts[size_t(j * runs + r)];
        outputStart[size_t(j) + 1] = outputStart[size_t(j)] + length;
    }
    ParallelTasks::run(m_pool, ranges, [&](qsizetype j) {
        std::vector<RunMerger::Range> parts;
        for (qsizetype r = 0; r < runs; ++r)
            parts.emplace_back(cuts[size_t(j * runs + r)], cuts[size_t((j + 1) * runs + r)]);
        RunMerger merger(std::move(parts), m_order, m_entries);
        quint32 *out = rowOf(first) + outputStart[size_t(j)];
        quint32 *const end = rowOf(first) + outputStart[size_t(j) + 1];
        while (out < end && !progress.stopped()) {
            const qsizetype written = merger.take(out, std::min(MergeStep, qsizetype(end - out)));
            out += written;
            progress.advance(qint64(written) * plan.mergeLevels);
        }
    });
}

std::vector<qsizetype> EntrySorter::bucketOffsets(const WordTable::Entry *first,
                                                  const WordTable::Entry *last) const
{
    std::vector<qsizetype> offsets(Buckets + 1, 0);
    for (const WordTable::Entry *e = first; e < last; ++e)
        ++offsets[size_t(bucketOf(m_table, *e)) + 1];
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    return offsets;
}

template<typename KeyOf>
void EntrySorter::permute(WordTable::Entry *first, const qsizetype *starts, qsizetype keys,
                          const KeyOf &keyOf, Progress *progress)
{
    // American flag sort: each entry is swapped straight into the next free place of its
    // bucket, which sends the one there on to its own.
    std::vector<WordTable::Entry *> next(static_cast<size_t>(keys));
    for (qsizetype k = 0; k < keys; ++k)
        next[size_t(k)] = first + starts[k];
    qsizetype placed = 0;
    for (qsizetype k = 0; k < keys; ++k) {
        WordTable::Entry *const end = first + starts[k + 1];
        while (next[size_t(k)] < end) {
            WordTable::Entry held = *next[size_t(k)];
            for (qsizetype to = keyOf(held); to != k; to = keyOf(held)) {
                std::swap(held, *next[size_t(to)]++);
                // The place 8 entries on in that bucket, asked for before it is needed: each swap
                // goes to one of up to 257 places in a table of hundreds of MB, and waited for
                // its line (distinct-8M's pass by first byte: 147 -> 104 ms). An address, not a
                // pointer past the bucket's end; a prefetch never faults.
                __builtin_prefetch(
                    reinterpret_cast<const void *>(quintptr(next[size_t(to)]) + 8 * sizeof held),
                    1);
                ++placed;
            }
            *next[size_t(k)]++ = held;
            if (++placed >= PermuteStep && progress) {
                if (!progress->advance(qint64(placed) * PassUnits))
                    return;
                placed = 0;
            }
        }
    }
    if (progress)
        progress->advance(qint64(placed) * PassUnits);
}

void EntrySorter::sortByBytes(WordTable::Entry *first, WordTable::Entry *last, int depth) const
{
    if (last - first < MinByteSorted || depth >= MaxByteSortDepth) {
        std::sort(first, last, m_order);
        return;
    }
    // Key 0: the word has no byte at depth, so it comes before the others; else the byte + 1.
    constexpr qsizetype Keys = 257;
    const auto keyOf = [this, depth](const WordTable::Entry &e) {
        return qsizetype(e.length()) > depth
            ? qsizetype(reinterpret_cast<const quint8 *>(m_table.wordData(e))[depth]) + 1
            : qsizetype(0);
    };
    qsizetype starts[Keys + 1] = {};
    for (const WordTable::Entry *e = first; e < last; ++e)
        ++starts[keyOf(*e) + 1];
    std::partial_sum(std::begin(starts), std::end(starts), std::begin(starts));
    permute(first, starts, Keys, keyOf, nullptr);
    // The words that end before depth differ only in bytes before it: a one-byte word and a
    // two-byte one whose second byte is 0 share a bucket.
    std::sort(first, first + starts[1], m_order);
    for (qsizetype k = 1; k < Keys; ++k)
        sortByBytes(first + starts[k], first + starts[k + 1], depth + 1);
}

void EntrySorter::distribute(WordTable::Entry *first, const std::vector<qsizetype> &offsets,
                             Progress &progress) const
{
    // Two passes of 256 buckets, not one of 65,536: the places being filled, a cache line
    // each, then stay in the cache, and the second pass, a first byte's entries each, runs on
    // every thread. One pass took a seventh of distinct-8M's time, alone on one thread.
    constexpr qsizetype Keys = 256;
    std::vector<qsizetype> byFirstByte(Keys + 1);
    for (qsizetype k = 0; k <= Keys; ++k)
        byFirstByte[size_t(k)] = offsets[size_t(k * Keys)];
    permute(
        first, byFirstByte.data(), Keys,
        [this](const WordTable::Entry &e) { return bucketOf(m_table, e) >> 8; }, &progress);
    ParallelTasks::run(m_pool, Keys, [&](qsizetype k) {
        if (progress.stopped() || byFirstByte[size_t(k) + 1] == byFirstByte[size_t(k)])
            return;
        permute(
            first, offsets.data() + k * Keys, Keys,
            [this](const WordTable::Entry &e) { return bucketOf(m_table, e) & 0xff; }, &progress);
    });
}

qint64 EntrySorter::bucketUnits(const std::vector<qsizetype> &offsets) const
{
    qint64 units = 0;
    for (qsizetype b = 0; b < Buckets; ++b) {
        const qsizetype size = offsets[size_t(b) + 1] - offsets[size_t(b)];
        units += isLarge(size) ? comparisonUnits(size) : smallBucketUnits(size);
    }
    return units;
}

void EntrySorter::sortBuckets(WordTable::Entry *first, const std::vector<qsizetype> &offsets,
                              Progress &progress)
{
    const auto bucket = [&](qsizetype b) { return first + offsets[size_t(b)]; };
    // A task sorts neighbouring small buckets of MinRun entries or more in all, [from, to).
    std::vector<std::pair<qsizetype, qsizetype>> groups;
    std::vector<qsizetype> large;
    bool extend = false;
    for (qsizetype b = 0; b < Buckets; ++b) {
        const qsizetype size = bucket(b + 1) - bucket(b);
        if (size == 0)
            continue;
        if (isLarge(size)) {
            large.push_back(b);
            extend = false;
            continue;
        }
        if (extend && bucket(b) - bucket(groups.back().first) < MinRun)
            groups.back().second = b + 1;
        else
            groups.emplace_back(b, b + 1);
        extend = true;
    }
    ParallelTasks::run(m_pool, qsizetype(groups.size()), [&](qsizetype g) {
        if (progress.stopped())
            return;
        const auto [from, to] = groups[size_t(g)];
        qint64 units = 0;
        for (qsizetype b = from; b < to; ++b) {
            sortByBytes(bucket(b), bucket(b + 1), 2);
            units += smallBucketUnits(bucket(b + 1) - bucket(b));
        }
        writeRows(bucket(from), bucket(to));
        progress.advance(units);
    });
    for (const qsizetype b : large) {
        if (progress.stopped())
            return;
        byComparison(bucket(b), bucket(b + 1), progress);
    }
}

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
    order->clear();
    order->reserve(size_t(n));
    HugePageAllocator<quint32>::adviseHugePages(order->data(), size_t(n) * sizeof(quint32));
    order->resize(size_t(n));
    EntrySorter sorter(table, order->data(), pool);
    WordTable::Entry *const first = table.entriesToReorder();
    WordTable::Entry *const last = first + n;
    WordTable::Entry *const countedOnce
        = std::partition(first, last, [](const WordTable::Entry &e) { return e.count > 1; });
    // A few words counted once are sorted with the rest, by comparisons: the buckets' offsets
    // alone, 512 KiB of fresh memory, took longer than that (2 ms for none, on the Bible).
    const bool bucketed = last - countedOnce >= MinBucketed;
    WordTable::Entry *const once = bucketed ? countedOnce : last;
    const std::vector<qsizetype> offsets
        = bucketed ? sorter.bucketOffsets(once, last) : std::vector<qsizetype>();
    // The partition and the buckets' sizes, a pass each, are the first step: reported as done
    // at 0, they made the first estimate of the time left (work left times time per unit done)
    // 30 times too long on distinct-8M.
    Progress progress(step,
                      n * PartitionUnits + sorter.comparisonUnits(once - first)
                          + qint64(last - once) * EntrySorter::DistributeUnits
                          + (bucketed ? sorter.bucketUnits(offsets) : 0));
    if (!progress.advance(n * PartitionUnits))
        return false;
    sorter.byComparison(first, once, progress);
    if (bucketed && !progress.stopped())
        sorter.distribute(once, offsets, progress);
    if (bucketed && !progress.stopped())
        sorter.sortBuckets(once, offsets, progress);
    return !progress.stopped() && progress.finish();
}
