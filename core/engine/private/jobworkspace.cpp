// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/private/jobworkspace.h"

#include "core/engine/outputorder.h"
#include "core/engine/private/filesource.h"
#include "core/engine/private/mapcallrecord.h"
#include "core/engine/private/samplesource.h"
#include "core/engine/private/streamblocksource.h"
#include "core/text/localpath.h"

#include <QLocale>
#include <QScopeGuard>

#include <algorithm>
#include <numeric>

JobWorkspace::JobWorkspace(const JobSpec &spec, int workers)
    : events(workers)
    , m_spec(spec)
    , m_inFlight(tableBound(workers))
{
    if (spec.inputStream >= 0)
        m_stream = std::make_unique<StreamReader>(spec.inputStream, spec.mode, spec.chunkSize);
    if ((!spec.checkpointPath.isEmpty() || spec.resumeFrom) && spec.inputStream < 0
        && spec.share.parts <= 1)
        m_checkpointer = std::make_unique<JobCheckpointer>(*this, spec);
}

// Runs on the scan's worker thread.
void JobWorkspace::scanStream(ScanResult *scan)
{
    if (!m_stream)
        return;
    FileReport stream;
    stream.isStream = true;
    QByteArray head;
    const StreamReader::Result r = m_stream->readHead(control, InputScanner::SniffBytes, &head);
    if (r == StreamReader::Stopped)
        return; // cancelled: nothing is planned
    if (r == StreamReader::Failed) {
        stream.problem = FileProblem::ReadError;
        stream.details = m_stream->errorString();
    } else {
        stream.encoding = detectTextEncoding(head);
        const qsizetype nul = binaryMarkOffset(head, stream.encoding);
        if (nul >= 0) {
            stream.problem = FileProblem::Binary;
            stream.details = QString::number(nul);
        }
    }
    if (stream.problem != FileProblem::None) {
        stream.status = FileReport::Skipped;
        stream.size = head.size();
        scan->skipped.prepend(stream);
        return;
    }
    m_stream->setEncoding(stream.encoding);
    // The byte-order mark is in no block: found, and done once planned.
    counters.fileFound(m_stream->contentBegin());
    scan->files.prepend(stream);
    scan->identities.prepend({});
}

void JobWorkspace::plan(ScanResult scan)
{
    Q_ASSERT(scan.files.size() == scan.identities.size());
    m_reports = std::move(scan.files);
    m_identities = std::move(scan.identities);
    if (m_spec.sampleBytes > 0) {
        FileReport sample;
        sample.size = m_spec.sampleBytes;
        sample.isSample = true;
        m_reports.prepend(sample);
        m_identities.prepend({});
        counters.fileFound(sample.size);
    }
    m_plannedCount = qint32(m_reports.size());
    m_skippedByScan = scan.skipped.size();
    m_reports.append(scan.skipped);
    m_tracks = std::make_unique<FileTrack[]>(size_t(m_plannedCount));
    counters.planFiles(m_plannedCount);
    m_reasons.clear();
    planShare();
    if (m_checkpointer)
        m_checkpointer->resume();
}

int JobWorkspace::shareOf(qint64 byte, qint64 totalBytes) const
{
    const int parts = m_spec.share.parts;
    if (totalBytes <= 0)
        return 0;
    // 128 bits: a byte offset times a thousand parts does not fit in 64.
    return int(std::min<__int128>(parts - 1, __int128(byte) * parts / totalBytes));
}

void JobWorkspace::planShare()
{
    const int part = m_spec.share.part;
    const bool whole = m_spec.share.parts <= 1;
    Q_ASSERT(whole || m_spec.inputStream < 0); // a stream is read once, by one job
    qint64 totalBytes = 0;
    for (qint32 i = 0; i < m_plannedCount; ++i)
        totalBytes += m_reports.at(i).size;
    m_chunkCount = 0;
    m_shareBytes = 0;
    qint64 filesBefore = 0; // the planned bytes before file i
    for (qint32 i = 0; i < m_plannedCount; ++i) {
        const FileReport &f = m_reports.at(i);
        const qint64 start = filesBefore;
        filesBefore += f.size;
        if (f.isStream) {
            m_streamFile = i;
            counters.bytesDone(i, m_stream->contentBegin());
            counters.chunkBytesMerged(m_stream->contentBegin());
            continue;
        }
        const qint64 contentBegin = firstChunkByte(f);
        const qint64 step = chunkStep(f);
        const qint64 n = f.size > contentBegin ? (f.size - contentBegin + step - 1) / step : 0;
        FileTrack &track = m_tracks[size_t(i)];
        track.endChunk = n;
        if (!whole) {
            // The first chunk whose first byte is at or past part p's first byte.
            const auto firstOwnedBy = [&](int p) -> qint64 {
                if (p >= m_spec.share.parts)
                    return n;
                const __int128 partStart
                    = (__int128(p) * totalBytes + m_spec.share.parts - 1) / m_spec.share.parts;
                const __int128 from = partStart - start - contentBegin;
                return from <= 0 ? 0 : qint64(std::min<__int128>(n, (from + step - 1) / step));
            };
            track.firstChunk = firstOwnedBy(part);
            track.endChunk = std::max(track.firstChunk, firstOwnedBy(part + 1));
            track.held = n > 0 && track.firstChunk < track.endChunk
                && (track.firstChunk > 0 || track.endChunk < n);
        }
        const qint64 mine = track.endChunk - track.firstChunk;
        const bool ownsStart = whole || shareOf(start, totalBytes) == part;
        m_chunkCount += mine;
        track.chunksLeft = mine;
        if (mine > 0) {
            const qint64 from = contentBegin + track.firstChunk * step;
            m_shareBytes += std::min(f.size, contentBegin + track.endChunk * step) - from;
        }
        // A byte-order mark is in no chunk: its bytes are done as soon as they are planned.
        if (n > 0 ? (whole || track.firstChunk == 0) && mine > 0 : ownsStart) {
            const qint64 unchunked = n > 0 ? contentBegin : f.size;
            counters.bytesDone(i, unchunked);
            counters.chunkBytesMerged(unchunked);
            m_shareBytes += unchunked;
        }
        if (n == 0 && ownsStart) { // empty, or nothing but a byte-order mark: counted, no words
            track.status.store(FileReport::Counted);
            m_filesCounted.fetch_add(1, std::memory_order_relaxed);
            m_bytesOfCountedFiles += f.size;
        }
    }
}

qint64 JobWorkspace::firstChunkByte(const FileReport &file) const
{
    return m_spec.mode == CountingMode::Words ? byteOrderMarkLength(file.encoding) : 0;
}

qint64 JobWorkspace::chunkStep(const FileReport &file) const
{
    const qint64 chunkSize = qBound(JobSpec::MinChunkSize, m_spec.chunkSize, JobSpec::MaxChunkSize);
    // UTF-16 chunks start on code unit boundaries.
    const bool utf16 = m_spec.mode == CountingMode::Words
        && (file.encoding == TextEncoding::Utf16LE || file.encoding == TextEncoding::Utf16BE);
    return utf16 ? chunkSize & ~qint64(1) : chunkSize;
}

Chunk JobWorkspace::firstChunkFrom(qint32 file) const
{
    for (; file < m_plannedCount; ++file) {
        if (file == m_streamFile) {
            if (!m_stream->isExhausted())
                return {file, 0, 1};
            continue;
        }
        const FileTrack &track = m_tracks[size_t(file)];
        if (track.firstChunk < track.endChunk) {
            const FileReport &f = m_reports.at(file);
            const qint64 begin = firstChunkByte(f) + track.firstChunk * chunkStep(f);
            return {file, begin, std::min(f.size, begin + chunkStep(f))};
        }
    }
    return endChunk();
}

Chunk JobWorkspace::nextChunk(const Chunk &chunk) const
{
    // Map calls for a stream go on until one of them finds it exhausted; the few that may
    // start meanwhile find nothing to cut.
    if (chunk.file == m_streamFile && !m_stream->isExhausted())
        return {chunk.file, chunk.begin + 1, chunk.begin + 2};
    if (chunk.file == m_streamFile)
        return firstChunkFrom(chunk.file + 1);
    const FileReport &f = m_reports.at(chunk.file);
    const qint64 step = chunkStep(f);
    const qint64 next = (chunk.end - firstChunkByte(f)) / step; // the next chunk's number
    if (chunk.end < f.size && next < m_tracks[size_t(chunk.file)].endChunk)
        return {chunk.file, chunk.end, std::min(f.size, chunk.end + step)};
    return firstChunkFrom(chunk.file + 1);
}

void JobWorkspace::skipChunk(const Chunk &chunk)
{
    counters.bytesDone(chunk.file, chunk.end - chunk.begin);
}

// Called concurrently by worker threads; must be thread safe.
ChunkResult JobWorkspace::mapChunk(const Chunk &chunk)
{
    counters.mapStarted();
    const auto done = qScopeGuard([this] { counters.mapEnded(); });
    // A chunk owns a non-empty byte range inside its planned file.
    Q_ASSERT(chunk.file >= 0 && chunk.file < m_plannedCount);
    Q_ASSERT(chunk.begin < chunk.end
             && (chunk.file == m_streamFile || chunk.end <= m_reports.at(chunk.file).size));
    ChunkResult result;
    result.file = chunk.file;
    if (chunk.file != m_streamFile) // a stream's map call learns its bytes once it cuts a block
        result.bytes = chunk.end - chunk.begin;
    result.begin = chunk.begin;
    if (m_checkpointer && m_checkpointer->isMerged(chunk)) {
        skipChunk(chunk);
        result.resumed = true;
        return result;
    }
    FileTrack &track = m_tracks[size_t(chunk.file)];
    // Waits while enough tables await their merge. No deadlock: QtConcurrent reduces each chunk
    // right after mapping it (ChunkIterator), and a result waiting in its queue always has a
    // thread reducing it, which frees the slot.
    while (!m_inFlight.tryAcquire(1, 20)) {
        if (control.isStopRequested()) {
            result.tally.status = ChunkTally::Cancelled;
            return result;
        }
    }
    result.holdsSlot = true;
    MapCallRecord::slotTaken();
    counters.tableWaiting();
    if (control.isStopRequested()) {
        result.tally.status = ChunkTally::Cancelled;
        return result;
    }
    if (track.failed.load(std::memory_order_relaxed)) { // another chunk of it failed already
        result.tally.status = ChunkTally::Failed;
        if (chunk.file == m_streamFile)
            result.streamOver = true; // a stream fails only when reading it fails: it is over
        else
            skipChunk(chunk);
        return result;
    }
    int waiting = FileReport::Waiting;
    if (track.status.compare_exchange_strong(waiting, FileReport::Counting))
        m_currentFile.store(chunk.file, std::memory_order_relaxed);

    const FileReport &file = m_reports.at(chunk.file);
    ChunkTask task;
    task.begin = chunk.begin;
    task.end = chunk.end;
    task.contentBegin = m_spec.mode == CountingMode::Words ? byteOrderMarkLength(file.encoding) : 0;
    task.contentEnd = file.size;
    task.encoding = file.encoding;
    task.mode = m_spec.mode;
    task.file = chunk.file;
    if (chunk.file == m_streamFile)
        return mapStreamBlock(std::move(result), task);
    std::shared_ptr<WordTable> table = takeTable();
    // Sized for the words the chunks before found in as many bytes: a table that grows from
    // nothing to 466,000 words (a 4 MiB chunk of distinct words) rebuilds its index ten times.
    const qint64 chunkBytes = chunk.end - chunk.begin;
    table->reserve(qsizetype(
        std::min(m_distinctPerMiB.load(std::memory_order_relaxed) * chunkBytes / (1 << 20),
                 chunkBytes / 2)));
    ChunkCounter counter(control, counters);
    if (file.isSample) {
        SampleSource source(m_spec.sampleSeed, file.size);
        result.tally = counter.count(source, task, *table);
    } else {
        FileSource source(file, m_identities.at(chunk.file));
        if (!source.open()) {
            skipChunk(chunk);
            result.tally.status = ChunkTally::Failed;
            result.tally.error = source.errorString();
        } else {
            result.tally = counter.count(source, task, *table);
            if (result.tally.status == ChunkTally::Counted && !source.isUnchanged()) {
                result.tally.status = ChunkTally::Failed;
                result.tally.error = source.errorString();
            }
        }
    }
    if (result.tally.status == ChunkTally::Failed)
        track.failed.store(true, std::memory_order_relaxed);
    else if (result.tally.status == ChunkTally::Counted) {
        if (chunkBytes >= MinBytesForDensity)
            m_distinctPerMiB.store(table->size() * (qint64(1) << 20) / chunkBytes,
                                   std::memory_order_relaxed);
        result.table = std::move(table);
    }
    return result;
}

// Called concurrently by worker threads: cuts the stream's next block and counts it.
ChunkResult JobWorkspace::mapStreamBlock(ChunkResult result, const ChunkTask &task)
{
    StreamBlock block;
    switch (m_stream->next(control, &block)) {
    case StreamReader::Stopped:
        result.tally.status = ChunkTally::Cancelled;
        return result;
    case StreamReader::End:
        result.streamOver = true;
        return result;
    case StreamReader::Failed:
        result.tally.status = ChunkTally::Failed;
        result.tally.error = m_stream->errorString();
        m_tracks[size_t(task.file)].failed.store(true, std::memory_order_relaxed);
        result.streamOver = true;
        return result;
    case StreamReader::Read:
        break;
    }
    counters.streamBlockFound(block.end - block.begin);
    result.bytes = block.end - block.begin;
    ChunkTask blockTask = task;
    blockTask.begin = block.begin;
    blockTask.end = block.end;
    blockTask.contentBegin = m_stream->contentBegin();
    blockTask.contentEnd = block.textEnd;
    auto table = std::make_shared<WordTable>();
    StreamBlockSource source(block);
    result.tally = ChunkCounter(control, counters).count(source, blockTask, *table);
    if (result.tally.status == ChunkTally::Counted)
        result.table = std::move(table);
    return result;
}

// Called by one worker thread at a time.
void JobWorkspace::reduceStreamBlock(const ChunkResult &result, PendingFile &pending)
{
    if (result.tally.status == ChunkTally::Cancelled)
        return;
    if (result.tally.status == ChunkTally::Failed && !result.tally.error.isEmpty()) {
        setProblem(result.file, result.tally.error);
        pending.table.reset();
    }
    if (!result.streamOver) {
        if (result.tally.status == ChunkTally::Counted
            && !m_tracks[size_t(result.file)].failed.load(std::memory_order_relaxed))
            pending.add(result, 0); // a stream's blocks to come are not known
        ++m_streamBlocksReduced;
        counters.chunkMerged();
        counters.chunkBytesMerged(result.bytes);
    }
    // The map call that cut the last block, or found none left, marked the stream exhausted
    // before its result came here, so one of these calls sees every block in.
    if (!m_streamComplete && m_stream->isExhausted()
        && m_streamBlocksReduced == m_stream->blocksCut()) {
        m_streamComplete = true;
        completeFile(result.file, pending);
        m_pending.erase(result.file);
    }
}

// Called by one worker thread at a time.
void JobWorkspace::reduceChunk(const ChunkResult &result)
{
#ifndef QT_NO_DEBUG
    const bool wasReducing = m_reducing.exchange(true);
    Q_ASSERT_X(!wasReducing, "JobWorkspace::reduceChunk", "two reduce calls at once");
    const auto reduced = qScopeGuard([this] { m_reducing.store(false); });
#endif
    // The chunk's table once merged into its file's (not when it became the file's table):
    // nothing refers to it any more, and a map call may fill it again.
    std::shared_ptr<WordTable> spare;
    const auto freeSlot = qScopeGuard([this, &result, &spare] {
        if (result.holdsSlot) {
            counters.tableReduced();
            if (spare)
                keepSpareTable(std::move(spare));
            m_inFlight.release();
        }
    });
    FileTrack &track = m_tracks[size_t(result.file)];
    PendingFile &pending = m_pending[result.file];
    if (result.file == m_streamFile) {
        reduceStreamBlock(result, pending);
        updateLiveTopNowAndThen();
        return;
    }
    switch (result.tally.status) {
    case ChunkTally::Cancelled:
        break;
    case ChunkTally::Failed:
        if (!result.tally.error.isEmpty())
            setProblem(result.file, result.tally.error);
        pending.table.reset();
        break;
    case ChunkTally::Counted:
        if (!track.failed.load(std::memory_order_relaxed) && !result.resumed
            && !pending.add(result, track.chunksLeft - 1))
            spare = result.table;
        break;
    }
    Q_ASSERT_X(track.chunksLeft > 0, "JobWorkspace::reduceChunk", "a chunk reduced twice");
    // After a stop, the chunks given up drain through here too: a file's merged chunks stay
    // pending (completeFile() takes nothing in then), for the checkpoint kept for later.
    if (--track.chunksLeft == 0 && !control.isStopRequested()) {
        completeFile(result.file, pending);
        m_pending.erase(result.file);
    }
    // A chunk given up after a cancel was never counted, so it is not merged either: the Merge
    // bar must stay where the merge was, not jump to full while the cancel drains the queue.
    if (result.tally.status != ChunkTally::Cancelled) {
        counters.chunkMerged();
        counters.chunkBytesMerged(result.bytes);
    }
    updateLiveTopNowAndThen();
    if (m_checkpointer)
        m_checkpointer->reduced();
}

void JobWorkspace::updateLiveTopNowAndThen()
{
    // The distinct words so far, for the estimate of the sort to come: a few tables' sizes.
    qint64 distinct = m_total.size();
    for (const auto &[file, pending] : m_pending) {
        if (pending.table && !m_tracks[size_t(file)].failed.load(std::memory_order_relaxed))
            distinct += pending.table->size();
    }
    counters.setDistinctSoFar(distinct);
    // A look at millions of words takes tens of milliseconds, on the reducer that every map
    // call waits for: at most a tenth of its time goes to it, however large the tables grow.
    const qint64 interval = std::max<qint64>(LiveTopIntervalMs, 10 * m_liveTopCostMs);
    if (!m_sinceLiveTop.isValid() || m_sinceLiveTop.elapsed() >= interval) {
        m_sinceLiveTop.start();
        updateLiveTop();
        m_liveTopCostMs = m_sinceLiveTop.elapsed();
        m_sinceLiveTop.start();
    }
}

namespace {

// The \a keep entries of \a table that come first in the output order, in no order. One pass
// with a heap of them, the last of them on top: most entries cost a comparison and no memory,
// where sorting the numbers of every entry took an array of 32 MB for 8 M words, each time.
std::vector<quint32> leadingEntries(const WordTable &table, size_t keep)
{
    const auto before = [&table](quint32 a, quint32 b) { return OutputOrder::less(table, a, b); };
    std::vector<quint32> heap;
    heap.reserve(keep);
    const auto n = quint32(table.size());
    for (quint32 i = 0; i < n; ++i) {
        if (heap.size() < keep) {
            heap.push_back(i);
            std::push_heap(heap.begin(), heap.end(), before);
        } else if (before(i, heap.front())) {
            std::pop_heap(heap.begin(), heap.end(), before);
            heap.back() = i;
            std::push_heap(heap.begin(), heap.end(), before);
        }
    }
    return heap;
}

} // namespace

// Called by the reduce function, which runs one at a time: reads the tables as they stand.
void JobWorkspace::updateLiveTop()
{
    std::vector<const WordTable *> tables;
    quint64 words = m_words;
    if (!m_total.isEmpty())
        tables.push_back(&m_total);
    for (const auto &[file, pending] : m_pending) {
        if (pending.table && !m_tracks[size_t(file)].failed.load(std::memory_order_relaxed)) {
            tables.push_back(pending.table.get());
            words += pending.words;
        }
    }
    // Candidates: each table's own leaders; their exact counts: the sum over every table.
    constexpr size_t PerTable = 2 * LiveTopCount;
    std::vector<QByteArrayView> candidates;
    for (const WordTable *table : tables) {
        for (const quint32 entry : leadingEntries(*table, PerTable))
            candidates.push_back(table->word(entry));
    }
    QList<WordCount> top;
    for (const QByteArrayView word : candidates) {
        if (std::any_of(top.cbegin(), top.cend(),
                        [word](const WordCount &w) { return w.word == word; }))
            continue;
        WordCount w;
        w.word = word.toByteArray();
        for (const WordTable *table : tables)
            w.count += table->count(word);
        top.append(w);
    }
    std::sort(top.begin(), top.end(), [](const WordCount &a, const WordCount &b) {
        return a.count != b.count ? a.count > b.count : a.word < b.word;
    });
    if (top.size() > LiveTopCount)
        top.resize(LiveTopCount);
    QMutexLocker lock(&m_liveMutex);
    m_liveTop = top;
    m_liveWords = words;
    m_liveVersion.fetch_add(1, std::memory_order_relaxed);
}

QList<WordCount> JobWorkspace::liveTopWords(quint64 *wordsSoFar) const
{
    QMutexLocker lock(&m_liveMutex);
    if (wordsSoFar)
        *wordsSoFar = m_liveWords;
    return m_liveTop;
}

void JobWorkspace::completeFile(qint32 file, PendingFile &pending)
{
    FileTrack &track = m_tracks[size_t(file)];
    if (control.isStopRequested())
        return;
    if (track.failed.load(std::memory_order_relaxed)) {
        track.status.store(FileReport::Skipped);
        m_filesFailed.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    if (track.held) {
        m_held.push_back({file, pending.table ? pending.table : std::make_shared<WordTable>(),
                          pending.words, pending.overlongWords});
    } else if (pending.table) {
        // The file's table is the job's first: take it over instead of copying.
        if (m_total.isEmpty())
            m_total.swap(*pending.table);
        else
            m_total.merge(*pending.table);
    }
    if (!track.held) {
        m_words += pending.words;
        m_overlongWords += pending.overlongWords;
    }
    m_bytesOfCountedFiles += plannedSize(file);
    track.words.store(pending.words, std::memory_order_relaxed);
    track.windows1252Bytes.store(pending.windows1252Bytes, std::memory_order_relaxed);
    track.status.store(FileReport::Counted);
    m_filesCounted.fetch_add(1, std::memory_order_relaxed);
}

void JobWorkspace::setProblem(qint32 file, const QString &reason)
{
    QMutexLocker lock(&m_reportMutex);
    QString &kept = m_reasons[file];
    if (kept.isEmpty())
        kept = reason;
}

qint64 JobWorkspace::filesSkipped() const
{
    return m_skippedByScan + m_filesFailed.load(std::memory_order_relaxed);
}

qint64 JobWorkspace::plannedSize(qint32 file) const
{
    return file == m_streamFile ? m_stream->size() : m_reports.at(file).size;
}

void JobWorkspace::fillReport(qint32 file, FileReport *report) const
{
    const FileTrack &t = m_tracks[size_t(file)];
    report->size = plannedSize(file);
    report->bytesCounted = counters.fileBytesCounted(file);
    report->status = FileReport::Status(t.status.load());
    report->words = t.words.load(std::memory_order_relaxed);
    report->windows1252Bytes = t.windows1252Bytes.load(std::memory_order_relaxed);
    const auto reason = m_reasons.find(file);
    if (reason != m_reasons.end() && !reason->second.isEmpty()) {
        report->problem = FileProblem::ReadFailed;
        report->details = reason->second;
    }
}

FileReport JobWorkspace::currentFile() const
{
    const qint32 file = m_currentFile.load(std::memory_order_relaxed);
    if (file < 0)
        return {};
    QMutexLocker lock(&m_reportMutex);
    FileReport report = m_reports.at(file);
    if (!m_reportsFinal)
        fillReport(file, &report);
    return report;
}

FileReport JobWorkspace::fileReport(qsizetype index) const
{
    if (!m_tracks) { // not planned yet: the inputs as given
        FileReport r;
        if (index >= 0 && index < m_spec.paths.size()) {
            r.nativePath = LocalPath::toNative(m_spec.paths.at(index));
            r.namedByWholePath = true;
        }
        return r;
    }
    QMutexLocker lock(&m_reportMutex);
    if (index < 0 || index >= m_reports.size())
        return {};
    FileReport report = m_reports.at(index);
    if (!m_reportsFinal && index < m_plannedCount)
        fillReport(qint32(index), &report);
    return report;
}

QList<FileReport> JobWorkspace::fileReports() const
{
    if (!m_tracks) { // not planned yet: the inputs as given
        QList<FileReport> reports;
        for (const QString &path : m_spec.paths) {
            FileReport r;
            r.nativePath = LocalPath::toNative(path);
            r.namedByWholePath = true;
            reports.append(r);
        }
        return reports;
    }
    QMutexLocker lock(&m_reportMutex);
    if (m_reportsFinal)
        return m_reports;
    QList<FileReport> reports;
    reports.reserve(m_reports.size());
    for (qint32 i = 0; i < qint32(m_reports.size()); ++i) {
        reports.append(m_reports.at(i));
        if (i < m_plannedCount)
            fillReport(i, &reports.last());
    }
    return reports;
}

// Called concurrently by worker threads, each holding a table slot.
std::shared_ptr<WordTable> JobWorkspace::takeTable()
{
    std::shared_ptr<WordTable> table;
    {
        QMutexLocker lock(&m_spareMutex);
        if (!m_spareTables.empty()) {
            table = std::move(m_spareTables.back());
            m_spareTables.pop_back();
        }
    }
    if (!table)
        return std::make_shared<WordTable>();
    table->clear(); // here, on a mapping thread, not on the reducer's
    return table;
}

// Called by the reduce function, before it frees the table's slot. A spare stands for that slot
// or another free one: with the tables in flight, at most tableBound() tables exist, spare or
// not.
void JobWorkspace::keepSpareTable(std::shared_ptr<WordTable> table)
{
    QMutexLocker lock(&m_spareMutex);
    if (qsizetype(m_spareTables.size()) <= m_inFlight.available())
        m_spareTables.push_back(std::move(table));
}

// Runs on a worker thread after the last reduce call; the sort uses the other workers too.
std::shared_ptr<CountResult> JobWorkspace::finalize(QPromise<std::shared_ptr<CountResult>> &promise,
                                                    QThreadPool *pool)
{
    {
        QMutexLocker lock(&m_spareMutex);
        m_spareTables.clear(); // no more maps: their memory goes back before the sort's peak
    }
    auto table = std::make_shared<WordTable>();
    table->swap(m_total);
    // No word is looked up from here on (the sort does the same; so does a result left
    // unsorted): 64 MB back with 8 M distinct words.
    table->releaseIndex();
    auto result = std::make_shared<CountResult>();
    result->mode = m_spec.mode;
    const qsizetype n = table->size();
    std::vector<quint32> order;
    promise.setProgressRange(0, 1000);
    if (!m_spec.sortResult) {
        order.resize(size_t(n));
        std::iota(order.begin(), order.end(), 0u);
    }
    const auto step = [&](qint64 done, qint64 total) {
        counters.sorted(done, total);
        promise.setProgressValue(total > 0 ? int(done * 1000 / total) : 1000);
        return control.checkpoint() && !promise.isCanceled();
    };
    const bool sorted = !m_spec.sortResult || OutputOrder::sort(*table, &order, step, pool);
    if (!sorted)
        return {};

    result->table = table;
    result->order = std::move(order);
    CountTotals &totals = result->totals;
    totals.words = m_words;
    totals.distinctWords = quint64(n);
    totals.overlongWords = m_overlongWords;
    totals.bytes = m_bytesOfCountedFiles;
    totals.filesCounted = filesCounted();
    totals.filesSkipped = filesSkipped();
    {
        QMutexLocker lock(&m_reportMutex);
        for (qint32 i = 0; i < m_plannedCount; ++i)
            fillReport(i, &m_reports[i]);
        m_reportsFinal = true;
    }
    result->files = m_reports;
    result->heldParts = std::move(m_held);
    return result;
}
