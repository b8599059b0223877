// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/private/jobcheckpointer.h"

#include "core/engine/jobspec.h"
#include "core/engine/private/jobworkspace.h"
#include "core/text/localpath.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

JobCheckpointer::JobCheckpointer(JobWorkspace &workspace, const JobSpec &spec)
    : m_workspace(workspace)
    , m_path(spec.checkpointPath)
    , m_intervalMs(std::max(1, spec.checkpointIntervalMs))
    , m_resumeFrom(spec.resumeFrom)
{
    m_writer.setMaxThreadCount(1);
    m_sinceWrite.start();
}

JobCheckpointer::~JobCheckpointer()
{
    m_writer.waitForDone();
}

void JobCheckpointer::resume()
{
    JobWorkspace &ws = m_workspace;
    m_merged.assign(size_t(ws.m_plannedCount), {});
    m_sinceWrite.start();
    if (!m_resumeFrom)
        return;
    const JobCheckpoint &cp = *m_resumeFrom;
    m_resumeFrom.reset(); // its tables are copied below; the rest is not needed again
    // A job kept before it started (the desktop's queued jobs): its job, no plan, nothing merged.
    if (cp.files.isEmpty() && cp.total->isEmpty() && cp.isOf(ws.m_spec))
        return;
    if (!cp.isOf(ws.m_spec)) {
        m_notice = tr("the checkpoint is of another job (other inputs, mode or chunk size)");
        return;
    }
    // Each planned file's part of the checkpoint, found by path: a chunk is named by its first
    // byte, which the file's size and the chunk size decide, so an unchanged file plans the
    // same chunks. A changed file that was not counted completely is counted again from its
    // start; a changed complete file is in the merged total with the others and cannot be
    // taken out of it, so the job starts over.
    QHash<QByteArray, qsizetype> before;
    for (qsizetype j = 0; j < cp.files.size(); ++j)
        before.insert(cp.files.at(j).nativePath, j);
    std::vector<const JobCheckpoint::File *> kept(size_t(ws.m_plannedCount), nullptr);
    QSet<qsizetype> found;
    QStringList countedAgain; // changed, not complete: counted from their start, or left out
    QStringList lost; // changed, complete: the checkpoint cannot be used
    for (qint32 i = 0; i < ws.m_plannedCount; ++i) {
        const FileReport &report = ws.m_reports.at(i);
        const auto at = before.constFind(report.nativePath);
        if (at == before.constEnd()) {
            countedAgain.append(tr("%1 is new").arg(LocalPath::quoted(report.path())));
            continue;
        }
        found.insert(*at);
        const JobCheckpoint::File &f = cp.files.at(*at);
        const QString name = f.isSample ? tr("the sample") : LocalPath::quoted(report.path());
        QString change;
        if (report.size != f.size)
            change = tr("%1 changed size (%2 bytes, now %3)")
                         .arg(name, QLocale().toString(f.size), QLocale().toString(report.size));
        else if (ws.m_identities.at(i).modifiedNs != f.modifiedNs)
            change = tr("%1 was modified").arg(name);
        if (change.isEmpty())
            kept[size_t(i)] = &f;
        else
            (f.state == JobCheckpoint::File::Complete ? lost : countedAgain).append(change);
    }
    for (qsizetype j = 0; j < cp.files.size(); ++j) {
        if (found.contains(j))
            continue;
        const JobCheckpoint::File &f = cp.files.at(j);
        const QString gone = tr("%1 is gone or cannot be counted now")
                                 .arg(LocalPath::quoted(LocalPath::fromNative(f.nativePath)));
        (f.state == JobCheckpoint::File::Complete ? lost : countedAgain).append(gone);
    }
    if (!lost.isEmpty()) {
        m_notice = tr("inputs counted completely before the checkpoint changed since, and their "
                      "counts cannot be taken out of the merged total: %1")
                       .arg(lost.join(QStringLiteral("; ")));
        return;
    }
    if (!countedAgain.isEmpty())
        m_notice = tr("inputs changed since the checkpoint are counted from their start: %1")
                       .arg(countedAgain.join(QStringLiteral("; ")));

    if (!cp.total->isEmpty())
        ws.m_total.merge(*cp.total);
    ws.m_words = cp.words;
    ws.m_overlongWords = cp.overlongWords;
    for (qint32 i = 0; i < ws.m_plannedCount; ++i) {
        if (!kept[size_t(i)])
            continue; // new or changed: counted from its start
        const JobCheckpoint::File &f = *kept[size_t(i)];
        JobWorkspace::FileTrack &track = ws.m_tracks[size_t(i)];
        if (f.state == JobCheckpoint::File::Complete) {
            if (track.status.load() == FileReport::Counted)
                continue; // empty: the plan counted it already
            // Counted whole before: no chunk of it is handed out again.
            ws.m_chunkCount -= track.endChunk - track.firstChunk;
            track.firstChunk = track.endChunk;
            track.chunksLeft = 0;
            track.words.store(f.words, std::memory_order_relaxed);
            track.windows1252Bytes.store(f.windows1252Bytes, std::memory_order_relaxed);
            track.status.store(FileReport::Counted);
            ws.m_filesCounted.fetch_add(1, std::memory_order_relaxed);
            ws.m_bytesOfCountedFiles += f.size;
            // The plan marked its byte-order mark done; the rest is done now.
            const qint64 rest = f.size - ws.firstChunkByte(ws.m_reports.at(i));
            ws.counters.bytesDone(i, rest);
            ws.counters.chunkBytesMerged(rest);
        } else if (f.state == JobCheckpoint::File::Partial) {
            // Its merged chunks go through the map and reduce as "resumed": the reduce
            // completes the file when its last chunk comes, as if counted in this run.
            JobWorkspace::PendingFile &pending = ws.m_pending[i];
            if (f.table && !f.table->isEmpty()) {
                pending.table = std::make_shared<WordTable>();
                pending.table->merge(*f.table);
            }
            pending.words = f.words;
            pending.overlongWords = f.overlongWords;
            pending.windows1252Bytes = f.windows1252Bytes;
            pending.chunks = f.chunksMerged;
            m_merged[size_t(i)] = f.chunksMerged;
            std::sort(m_merged[size_t(i)].begin(), m_merged[size_t(i)].end());
        }
    }
    m_resumed = true;
}

// Called concurrently by worker threads; m_merged does not change once the map phase runs.
bool JobCheckpointer::isMerged(const Chunk &chunk) const
{
    if (size_t(chunk.file) >= m_merged.size())
        return false;
    const std::vector<qint64> &merged = m_merged[size_t(chunk.file)];
    return std::binary_search(merged.begin(), merged.end(), chunk.begin);
}

// Called by the reduce function, one call at a time.
void JobCheckpointer::reduced()
{
    if (m_path.isEmpty() || m_sinceWrite.elapsed() < m_intervalMs
        || m_workspace.control.isStopRequested() || m_writing.load(std::memory_order_acquire))
        return;
    m_sinceWrite.start();
    m_writing.store(true, std::memory_order_release);
    QByteArray bytes = snapshot(m_workspace.m_total);
    m_writer.start([this, bytes = std::move(bytes)] {
        QString error;
        const bool written = JobCheckpoint::writeFile(m_path, bytes, &error);
        {
            QMutexLocker lock(&m_errorMutex);
            if (!written)
                m_error = error;
        }
        m_writing.store(false, std::memory_order_release);
    });
}

bool JobCheckpointer::writeNow()
{
    return writeSnapshot(m_workspace.m_total);
}

bool JobCheckpointer::writeAllMerged(const WordTable &total)
{
    return writeSnapshot(total);
}

bool JobCheckpointer::writeSnapshot(const WordTable &total)
{
    m_writer.waitForDone();
    if (m_path.isEmpty() || m_merged.empty()) // not planned: nothing of this run to keep
        return false;
    QString error;
    const bool written = JobCheckpoint::writeFile(m_path, snapshot(total), &error);
    QMutexLocker lock(&m_errorMutex);
    if (!written)
        m_error = error;
    return written;
}

void JobCheckpointer::discard()
{
    m_writer.waitForDone();
    if (!m_path.isEmpty())
        JobCheckpoint::remove(m_path);
}

QString JobCheckpointer::errorString() const
{
    QMutexLocker lock(&m_errorMutex);
    return m_error;
}

QByteArray JobCheckpointer::snapshot(const WordTable &total) const
{
    const JobWorkspace &ws = m_workspace;
    JobCheckpoint cp;
    cp.paths = ws.m_spec.paths;
    cp.sampleBytes = ws.m_spec.sampleBytes;
    cp.sampleSeed = ws.m_spec.sampleSeed;
    cp.mode = ws.m_spec.mode;
    cp.chunkSize = qBound(JobSpec::MinChunkSize, ws.m_spec.chunkSize, JobSpec::MaxChunkSize);
    cp.files.reserve(ws.m_plannedCount);
    for (qint32 i = 0; i < ws.m_plannedCount; ++i) {
        const FileReport &report = ws.m_reports.at(i);
        const JobWorkspace::FileTrack &track = ws.m_tracks[size_t(i)];
        JobCheckpoint::File f;
        f.nativePath = report.nativePath;
        f.size = report.size;
        f.modifiedNs = ws.m_identities.at(i).modifiedNs;
        f.isSample = report.isSample;
        const auto pending = ws.m_pending.find(i);
        if (track.status.load() == FileReport::Counted) {
            f.state = JobCheckpoint::File::Complete;
            f.words = track.words.load(std::memory_order_relaxed);
            f.windows1252Bytes = track.windows1252Bytes.load(std::memory_order_relaxed);
        } else if (!track.failed.load(std::memory_order_relaxed) && pending != ws.m_pending.end()
                   && !pending->second.chunks.empty()) {
            const JobWorkspace::PendingFile &p = pending->second;
            f.state = JobCheckpoint::File::Partial;
            f.words = p.words;
            f.overlongWords = p.overlongWords;
            f.windows1252Bytes = p.windows1252Bytes;
            f.chunksMerged = p.chunks;
            f.table = p.table; // written below, before the reduce may change it
        }
        cp.files.append(std::move(f));
    }
    // Not owned: the total outlives this call, and the reduce side is still while it runs.
    cp.total = std::shared_ptr<const WordTable>(std::shared_ptr<void>(), &total);
    cp.words = ws.m_words;
    cp.overlongWords = ws.m_overlongWords;
    return cp.toBytes();
}
