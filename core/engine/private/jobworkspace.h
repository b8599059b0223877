// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countresult.h"
#include "core/engine/filereport.h"
#include "core/engine/jobspec.h"
#include "core/engine/private/chunkcounter.h"
#include "core/engine/private/eventrecorder.h"
#include "core/engine/private/fileidentity.h"
#include "core/engine/private/inputscanner.h"
#include "core/engine/private/jobcheckpointer.h"
#include "core/engine/private/jobcontrol.h"
#include "core/engine/private/jobcounters.h"
#include "core/engine/private/streamreader.h"
#include "core/engine/wordcount.h"
#include "core/engine/wordtable.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QPromise>
#include <QSemaphore>

class QThreadPool;

#include <algorithm>
#include <atomic>
#include <memory>
#include <unordered_map>
#include <vector>

//! A byte range of one planned file: the item type of the map phase. For a stream, whose
//! blocks are cut only as it is read, begin is the number of the map call that cuts one.
struct Chunk
{
    qint32 file = -1;
    qint64 begin = 0;
    qint64 end = 0;
};

//! What the map function hands to the reduce function.
struct ChunkResult
{
    qint32 file = -1;
    std::shared_ptr<WordTable> table;
    ChunkTally tally;
    qint64 bytes = 0; // the chunk's planned bytes (a stream block's), for the merge's progress
    bool holdsSlot = false; // took one of the job's in-flight slots: reduce gives it back
    bool streamOver = false; // a map call for a stream found nothing left to cut
    qint64 mappedAtNs = 0; // when its map call ended (EventRecorder time), for the queue's wait
    qint64 begin = 0; // the chunk's first byte: names it in a checkpoint
    bool resumed = false; // merged before a resume (JobCheckpointer): nothing to add
};

/*!
    \brief The state a job shares with its worker threads: control flags, progress counters,
    the planned files and the reduce-side accumulator.

    Held by shared_ptr from the job and from every task, so a worker that outlives the job's
    interest in it still has valid memory. The counters are read by the job's thread; the
    accumulator is touched only by the reduce function, which QtConcurrent runs one at a time.
*/
class JobWorkspace final
{
public:
    //! \a workers: the job's thread count, which bounds how many chunk tables exist at once.
    JobWorkspace(const JobSpec &spec, int workers);
    Q_DISABLE_COPY_MOVE(JobWorkspace)

    /*!
        Takes the scan's files (and the sample, if any) and plans their chunks. Chunks are not
        stored: firstChunkFrom() and nextChunk() work them out as the map phase goes, so memory
        depends on the number of files, not on their size over the chunk size. The scan's
        reports become the job's: pass them unshared (moved), or they are copied.
    */
    void plan(ScanResult scan);

    // Runs on the scan's worker thread, after the scan: reads the head of JobSpec::inputStream
    // and adds it to \a scan, as a file to count or as skipped (binary, unreadable).
    void scanStream(ScanResult *scan);
    //! A stream is planned and not read to its end yet: the job's size is not known.
    bool isReadingStream() const { return m_streamFile >= 0 && !m_stream->isExhausted(); }

    //! The first chunk of the first file from \a file on that has bytes to count; endChunk() if
    //! none.
    Chunk firstChunkFrom(qint32 file) const;
    //! The chunk after \a chunk: the next of its file, or the first of the next file.
    Chunk nextChunk(const Chunk &chunk) const;
    //! Past the last chunk.
    Chunk endChunk() const { return {m_plannedCount, 0, 0}; }

    // Called concurrently by worker threads: counts one chunk into a table of its own.
    ChunkResult mapChunk(const Chunk &chunk);
    // Called by one worker thread at a time (mappedReduced serialises reduce calls).
    void reduceChunk(const ChunkResult &result);
    // Runs on a worker thread of \a pool once reduce is over: sorts the counts into a result,
    // with the pool's other threads.
    std::shared_ptr<CountResult> finalize(QPromise<std::shared_ptr<CountResult>> &promise,
                                          QThreadPool *pool);

    //! Every input with its counting so far; once finalize() is done, the final list itself.
    QList<FileReport> fileReports() const;
    //! fileReports().at(\a index), copied alone; an empty report out of range.
    FileReport fileReport(qsizetype index) const;
    //! The input whose counting began last; an empty report before any did.
    FileReport currentFile() const;
    //! The most frequent words so far and the words counted so far; provisional.
    QList<WordCount> liveTopWords(quint64 *wordsSoFar) const;
    //! Grows each time liveTopWords() has something new.
    int liveTopVersion() const { return m_liveVersion.load(std::memory_order_relaxed); }

    //! The most chunk tables that wait for the reduce at once, for \a workers threads.
    static constexpr int tableBound(int workers) { return 2 * std::max(1, workers); }

    static constexpr int LiveTopCount = 20;
    static constexpr int LiveTopIntervalMs = 500;
    qint64 chunkCount() const { return m_chunkCount + counters.streamChunks(); }
    //! The bytes this job counts: all planned bytes, or its part of them with JobSpec::share.
    qint64 bytesToCount() const
    {
        return m_spec.share.parts > 1 ? m_shareBytes : counters.bytesFound();
    }
    qint64 filesCounted() const { return m_filesCounted.load(std::memory_order_relaxed); }
    qint64 filesSkipped() const;
    qint32 plannedFiles() const { return m_plannedCount; }
    //! JobSpec::checkpointPath's writer and JobSpec::resumeFrom's reader; null without either.
    JobCheckpointer *checkpointer() const { return m_checkpointer.get(); }

    JobControl control;
    JobCounters counters;
    EventRecorder events; // the timeline: what each thread did and when

private:
    friend class JobCheckpointer; // snapshots and restores the reduce side

    // Per planned file; atomics because the job's thread reads them for fileReports().
    struct FileTrack
    {
        std::atomic<int> status = FileReport::Waiting;
        std::atomic<bool> failed = false;
        std::atomic<quint64> words = 0;
        std::atomic<quint64> windows1252Bytes = 0;
        qint64 chunksLeft = 0; // reduce side only
        // The file's chunks this job counts, by number (all of them but with JobSpec::share).
        qint64 firstChunk = 0;
        qint64 endChunk = 0;
        bool held = false; // other parts of a share count chunks of it too: see heldParts
    };
    // A file whose chunks are not all merged yet: its counts wait here, so that a file that
    // fails halfway leaves nothing in the totals.
    struct PendingFile
    {
        std::shared_ptr<WordTable> table;
        quint64 words = 0;
        quint64 overlongWords = 0;
        quint64 windows1252Bytes = 0;
        std::vector<qint64> chunks; // the first byte of each chunk merged, for checkpoints

        // Called by the reduce function: takes in a counted chunk's table and tally, with
        // \a chunksAfter of the file's chunks still to come. True if the table became the
        // file's, false if it was merged into it.
        bool add(const ChunkResult &result, qint64 chunksAfter)
        {
            chunks.push_back(result.begin);
            const bool taken = !table;
            if (taken) {
                table = result.table;
            } else {
                const qsizetype before = table->size();
                table->merge(*result.table);
                reserveForChunks(table->size() - before, result.table->size(), chunksAfter);
            }
            words += result.tally.words;
            overlongWords += result.tally.overlongWords;
            windows1252Bytes += result.tally.windows1252Bytes;
            return taken;
        }

        /*
            A chunk whose words were nearly all new to the file (a vocabulary of identifiers or
            distinct keys) foretells the chunks after it: room for as many new words from each
            is made now, in one step. Grown by doubling, the table of 8 M words rehashed 8 M
            entries on its way, as many as it holds at the end. With fewer new words the growth
            slows, as in text, and doubling stays the safer bet for memory. An eighth is left
            out: the last chunk is mostly shorter, and a guess just past a power of two would
            double the index for nothing (64 MB more with 8 M words); a guess short of it costs
            one doubling at the end.
        */
        void reserveForChunks(qsizetype added, qsizetype chunkWords, qint64 chunksAfter)
        {
            if (chunksAfter <= 0 || added < chunkWords - chunkWords / 10)
                return;
            const qsizetype expected = table->size() + added * qsizetype(chunksAfter);
            table->reserve(expected - expected / 8);
        }
    };

    void skipChunk(const Chunk &chunk);
    //! An empty table for a map call: a spare one if any (see keepSpareTable()), else new.
    std::shared_ptr<WordTable> takeTable();
    void keepSpareTable(std::shared_ptr<WordTable> table);
    ChunkResult mapStreamBlock(ChunkResult result, const ChunkTask &task);
    //! Merges a stream block's result; the stream's file is complete once its last block is in.
    void reduceStreamBlock(const ChunkResult &result, PendingFile &pending);
    //! A planned file's size; a stream's grows as it is read.
    qint64 plannedSize(qint32 file) const;
    //! Where \a file's first chunk begins (after its byte-order mark, in words mode).
    qint64 firstChunkByte(const FileReport &file) const;
    //! The bytes of each of \a file's chunks but its last.
    qint64 chunkStep(const FileReport &file) const;
    //! Which of JobSpec::share's parts counts the chunk that starts at byte \a byte of the
    //! planned bytes laid end to end (\a totalBytes of them).
    int shareOf(qint64 byte, qint64 totalBytes) const;
    //! Sets each planned file's chunk range, for the whole plan or for this job's share of it.
    void planShare();
    //! Copies planned file \a file's counting so far into \a report; m_reportMutex held.
    void fillReport(qint32 file, FileReport *report) const;
    void updateLiveTop();
    //! updateLiveTop() at most every LiveTopIntervalMs.
    void updateLiveTopNowAndThen();
    void completeFile(qint32 file, PendingFile &pending);
    //! \a file failed while counting (FileProblem::ReadFailed); \a reason: the source's text.
    void setProblem(qint32 file, const QString &reason);

    const JobSpec m_spec;
    // Chunks counted but not merged yet. mappedReduced would queue up to 30 tables a thread
    // when the reduce falls behind (a loaded machine); this keeps memory at about
    // 2 x workers x chunk size plus the results table, whatever happens. It relies on
    // QtConcurrent reducing each chunk as soon as it is mapped (see ChunkIterator).
    QSemaphore m_inFlight;
    // The planned files (the first m_plannedCount, the sample first if any), then those the
    // scan left out. Their fixed part only until finalize() writes each file's counting into
    // them, in place: a second list would be 88 bytes a file more at the job's peak.
    QList<FileReport> m_reports;
    QList<FileIdentity> m_identities; // of the planned files
    std::unique_ptr<StreamReader> m_stream; // JobSpec::inputStream, if any
    qint32 m_streamFile = -1; // the stream's planned file, once planned
    qint32 m_plannedCount = 0;
    qint64 m_skippedByScan = 0;
    bool m_reportsFinal = false; // guarded by m_reportMutex
    std::unique_ptr<FileTrack[]> m_tracks;
    qint64 m_chunkCount = 0;
    // Distinct words per MiB in the last chunk counted (of at least MinBytesForDensity): how
    // large the next chunk's table is made at first.
    std::atomic<qint64> m_distinctPerMiB = 0;
    // Chunk tables merged and emptied, for the next map calls: fresh memory must be zeroed by
    // the kernel, a tenth of the CPU time with 8 M distinct words on the machines measured.
    QMutex m_spareMutex;
    std::vector<std::shared_ptr<WordTable>> m_spareTables; // guarded by m_spareMutex
    static constexpr qint64 MinBytesForDensity = 256 << 10;
    qint64 m_shareBytes = 0; // with JobSpec::share: the bytes of this part's chunks
    std::atomic<qint64> m_filesCounted = 0;
    std::atomic<qint32> m_currentFile = -1; // see currentFile()
    std::atomic<qint64> m_filesFailed = 0;

    // Guards m_reasons, and m_reports from when finalize() starts writing into it.
    mutable QMutex m_reportMutex;
    // Why files failed, by file. Only failed files have an entry: a slot for every file would
    // cost 24 bytes each in a job of 100,000 files.
    std::unordered_map<qint32, QString> m_reasons;

    // Reduce side.
    WordTable m_total;
    std::unordered_map<qint32, PendingFile> m_pending;
    quint64 m_words = 0;
    quint64 m_overlongWords = 0;
    std::vector<CountResult::HeldPart> m_held; // see FileTrack::held
    qint64 m_streamBlocksReduced = 0;
    bool m_streamComplete = false;
    qint64 m_bytesOfCountedFiles = 0;
    QElapsedTimer m_sinceLiveTop;
    qint64 m_liveTopCostMs = 0; // how long the last updateLiveTop() took

    mutable QMutex m_liveMutex;
    QList<WordCount> m_liveTop; // guarded by m_liveMutex
    quint64 m_liveWords = 0; // guarded by m_liveMutex
    std::atomic<int> m_liveVersion = 0;
    std::unique_ptr<JobCheckpointer> m_checkpointer; // last: it waits for its writer first
#ifndef QT_NO_DEBUG
    std::atomic<bool> m_reducing = false; // asserts that QtConcurrent reduces one at a time
#endif
};
