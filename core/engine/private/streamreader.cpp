// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/private/streamreader.h"

#include "core/engine/jobspec.h"
#include "core/engine/private/jobcontrol.h"
#include "core/engine/private/posixfile.h"
#include "core/text/textdecoding.h"

#include <algorithm>
#include <cerrno>
#include <poll.h>
#include <unistd.h>

namespace {

constexpr qint64 ReadPiece = 1 << 20;
// How long a read waits for the writer before it looks at the stop flag again.
constexpr int PollMs = 100;

} // namespace

StreamReader::StreamReader(int fd, CountingMode mode, qint64 chunkSize)
    : m_fd(fd)
    , m_mode(mode)
    , m_step(qBound(JobSpec::MinChunkSize, chunkSize, JobSpec::MaxChunkSize))
{ }

QString StreamReader::errorString() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

StreamReader::Result StreamReader::fill(JobControl &control, qint64 until)
{
    while (!m_ended && bufferEnd() < until) {
        if (control.isStopRequested())
            return Stopped;
        pollfd ready {m_fd, POLLIN, 0};
        const int polled = ::poll(&ready, 1, PollMs);
        if (polled == 0 || (polled < 0 && errno == EINTR))
            continue;
        // A descriptor poll() cannot watch (some files) is simply read.
        const qsizetype had = m_buffer.size();
        m_buffer.resize(had + ReadPiece);
        const ssize_t n = ::read(m_fd, m_buffer.data() + had, size_t(ReadPiece));
        const int error = errno;
        m_buffer.resize(had + std::max<qsizetype>(0, n));
        if (n < 0) {
            if (error == EINTR || error == EAGAIN)
                continue;
            m_error = PosixFile::errorText(error);
            return Failed;
        }
        if (n == 0)
            m_ended = true;
    }
    return Read;
}

// Runs on the scan's worker thread.
StreamReader::Result StreamReader::readHead(JobControl &control, qint64 bytes, QByteArray *head)
{
    QMutexLocker lock(&m_mutex);
    const Result r = fill(control, bytes);
    if (r != Read) {
        m_exhausted.store(true, std::memory_order_release);
        return r;
    }
    *head = m_buffer.left(bytes);
    return Read;
}

void StreamReader::setEncoding(TextEncoding encoding)
{
    QMutexLocker lock(&m_mutex);
    const bool words = m_mode == CountingMode::Words;
    m_utf16 = words && (encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE);
    m_littleEndian = encoding == TextEncoding::Utf16LE;
    m_contentBegin = words ? byteOrderMarkLength(encoding) : 0;
    if (m_utf16)
        m_step &= ~qint64(1);
    m_cutEnd.store(m_contentBegin, std::memory_order_relaxed);
    m_buffer.reserve(m_step + MaxTailBytes + 2 * ReadPiece);
}

qint64 StreamReader::wordBoundaryFrom(qint64 from) const
{
    const auto *const data = reinterpret_cast<const quint8 *>(m_buffer.constData());
    if (m_utf16) {
        // Code units start an even number of bytes after the byte-order mark.
        qint64 at = from + ((from - m_contentBegin) & 1);
        for (; at + 2 <= bufferEnd(); at += 2) {
            const quint8 *p = data + (at - m_bufferBase);
            const quint8 low = m_littleEndian ? p[0] : p[1];
            const quint8 high = m_littleEndian ? p[1] : p[0];
            if (high == 0 && TextDecoding::isAsciiWhitespace(low))
                return at + 2;
        }
        return -1;
    }
    for (qint64 at = from; at < bufferEnd(); ++at) {
        if (TextDecoding::isAsciiWhitespace(data[at - m_bufferBase]))
            return at + 1;
    }
    return -1;
}

// Called by map calls on worker threads, one at a time.
StreamReader::Result StreamReader::next(JobControl &control, StreamBlock *block)
{
    QMutexLocker lock(&m_mutex);
    if (m_exhausted.load(std::memory_order_relaxed))
        return End;
    const qint64 begin = m_cutEnd.load(std::memory_order_relaxed);
    Result r = fill(control, begin + m_step);
    if (r == Stopped)
        return r;
    if (r == Failed) {
        m_exhausted.store(true, std::memory_order_release);
        return r;
    }
    if (bufferEnd() <= begin) {
        m_exhausted.store(true, std::memory_order_release);
        return End;
    }
    const qint64 end = std::min(begin + m_step, bufferEnd());
    // The tail: up to the first whitespace after the block, which ends its last word.
    qint64 tailEnd = -1;
    qint64 searched = end;
    while (tailEnd < 0) {
        tailEnd = wordBoundaryFrom(searched);
        if (tailEnd >= 0)
            break;
        searched = std::max(end, bufferEnd() - 1); // the last UTF-16 unit may be cut
        if (m_ended || bufferEnd() - end >= MaxTailBytes) {
            tailEnd = std::min(bufferEnd(), end + MaxTailBytes);
            break;
        }
        r = fill(control, bufferEnd() + 1);
        if (r == Stopped)
            return r;
        if (r == Failed) {
            m_exhausted.store(true, std::memory_order_release);
            return r;
        }
    }
    const qint64 contextBegin = std::max(m_contentBegin, begin - ContextBytes);
    block->base = contextBegin;
    block->begin = begin;
    block->end = end;
    block->textEnd = m_ended && tailEnd == bufferEnd() ? bufferEnd() : tailEnd;
    block->bytes = m_buffer.mid(contextBegin - m_bufferBase, tailEnd - contextBegin);

    // Keep only what the next block needs before it.
    const qint64 keepFrom = std::max(m_contentBegin, end - ContextBytes);
    if (keepFrom > m_bufferBase) {
        m_buffer.remove(0, keepFrom - m_bufferBase);
        m_bufferBase = keepFrom;
    }
    m_cutEnd.store(end, std::memory_order_relaxed);
    m_blocksCut.fetch_add(1, std::memory_order_release);
    if (m_ended && end == bufferEnd())
        m_exhausted.store(true, std::memory_order_release);
    return Read;
}
