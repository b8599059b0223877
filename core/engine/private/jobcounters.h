// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <memory>

/*!
    \brief The progress counters a job's workers add to and its own thread reads: files and
    bytes found, bytes counted (for the job and for each file), chunks merged, entries sorted,
    map calls under way.

    Every operation is thread safe. Amounts only grow while a phase runs; readers see each
    counter on its own (relaxed), which is all that progress reports need.
*/
class JobCounters final
{
public:
    JobCounters() = default;
    Q_DISABLE_COPY_MOVE(JobCounters)

    //! Makes room for the per-file byte counts; call once, before any worker counts a file.
    void planFiles(qsizetype files)
    {
        m_fileBytesCounted = std::make_unique<std::atomic<qint64>[]>(size_t(files));
    }

    // Called by the scan's worker thread (and the plan, for the sample).
    void fileFound(qint64 bytes)
    {
        m_filesFound.fetch_add(1, std::memory_order_relaxed);
        m_bytesFound.fetch_add(bytes, std::memory_order_relaxed);
    }

    // Called by the map call that cuts a block of a stream: more bytes to count, one more chunk.
    void streamBlockFound(qint64 bytes)
    {
        m_bytesFound.fetch_add(bytes, std::memory_order_relaxed);
        m_streamChunks.fetch_add(1, std::memory_order_relaxed);
    }

    //! \a bytes of \a file are done (counted, or given up); \a file -1 counts for the job only.
    //! Called concurrently by worker threads.
    void bytesDone(qint32 file, qint64 bytes)
    {
        m_bytesCounted.fetch_add(bytes, std::memory_order_relaxed);
        if (file >= 0 && m_fileBytesCounted)
            m_fileBytesCounted[size_t(file)].fetch_add(bytes, std::memory_order_relaxed);
    }

    // Called by the reduce function, one call at a time.
    void chunkMerged() { m_chunksMerged.fetch_add(1, std::memory_order_relaxed); }
    // Called by the reduce function (and the plan, for bytes in no chunk): \a bytes merged.
    void chunkBytesMerged(qint64 bytes)
    {
        m_bytesMerged.fetch_add(bytes, std::memory_order_relaxed);
    }
    // Called by the reduce function: the distinct words its tables hold now.
    void setDistinctSoFar(qint64 words) { m_distinctSoFar.store(words, std::memory_order_relaxed); }

    // Called by the finalize task.
    void sorted(qint64 done, qint64 total)
    {
        m_entriesToSort.store(total, std::memory_order_relaxed);
        m_entriesSorted.store(done, std::memory_order_relaxed);
    }

    // A chunk table starts its wait for the reduce (called concurrently by worker threads)...
    void tableWaiting()
    {
        const int now = m_tablesWaiting.fetch_add(1, std::memory_order_relaxed) + 1;
        int peak = m_peakTablesWaiting.load(std::memory_order_relaxed);
        while (now > peak && !m_peakTablesWaiting.compare_exchange_weak(peak, now))
            ;
    }
    // ...and ends it, merged or dropped (called by the reduce function).
    void tableReduced() { m_tablesWaiting.fetch_sub(1, std::memory_order_relaxed); }

    // Called concurrently by worker threads around each map call, parked ones included.
    void mapStarted() { m_mapsRunning.fetch_add(1, std::memory_order_acq_rel); }
    void mapEnded() { m_mapsRunning.fetch_sub(1, std::memory_order_acq_rel); }

    qint64 filesFound() const { return m_filesFound.load(std::memory_order_relaxed); }
    qint64 bytesFound() const { return m_bytesFound.load(std::memory_order_relaxed); }
    qint64 bytesCounted() const { return m_bytesCounted.load(std::memory_order_relaxed); }
    qint64 fileBytesCounted(qint32 file) const
    {
        return m_fileBytesCounted ? m_fileBytesCounted[size_t(file)].load(std::memory_order_relaxed)
                                  : 0;
    }
    qint64 streamChunks() const { return m_streamChunks.load(std::memory_order_relaxed); }
    qint64 chunksMerged() const { return m_chunksMerged.load(std::memory_order_relaxed); }
    qint64 bytesMerged() const { return m_bytesMerged.load(std::memory_order_relaxed); }
    qint64 distinctSoFar() const { return m_distinctSoFar.load(std::memory_order_relaxed); }
    qint64 entriesSorted() const { return m_entriesSorted.load(std::memory_order_relaxed); }
    qint64 entriesToSort() const { return m_entriesToSort.load(std::memory_order_relaxed); }
    int mapsRunning() const { return m_mapsRunning.load(std::memory_order_acquire); }
    //! The most chunk tables that waited for the reduce at once (see JobWorkspace::TableBound).
    int peakTablesWaiting() const { return m_peakTablesWaiting.load(std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_filesFound = 0;
    std::atomic<qint64> m_bytesFound = 0;
    std::atomic<qint64> m_bytesCounted = 0;
    std::unique_ptr<std::atomic<qint64>[]> m_fileBytesCounted;
    std::atomic<qint64> m_streamChunks = 0;
    std::atomic<qint64> m_chunksMerged = 0;
    std::atomic<qint64> m_bytesMerged = 0;
    std::atomic<qint64> m_distinctSoFar = 0;
    std::atomic<qint64> m_entriesSorted = 0;
    std::atomic<qint64> m_entriesToSort = 0;
    std::atomic<int> m_mapsRunning = 0;
    std::atomic<int> m_tablesWaiting = 0;
    std::atomic<int> m_peakTablesWaiting = 0;
};
