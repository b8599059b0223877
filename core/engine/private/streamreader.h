// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countingmode.h"
#include "core/engine/textencoding.h"

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <atomic>

class JobControl;

/*!
    \brief One block of a stream, ready for a chunk counter: the bytes it owns, a little of
    what came before them (so the counter can tell whether it starts inside a word) and what
    comes after them up to the end of their last word (so it can finish that word).
*/
struct StreamBlock
{
    QByteArray bytes; // stream bytes [base, base + bytes.size())
    qint64 base = 0;
    qint64 begin = 0; // the owned bytes: [begin, end)
    qint64 end = 0;
    qint64 textEnd = 0; // where the counter must take the text to end
};

/*!
    \brief Reads a stream that cannot seek (standard input, a pipe) to its end and cuts it into
    blocks of the chunk size, one block per call, for the map phase.

    A stream is read once, so it has one reader: the map calls take blocks from it in turn
    (next() is serialised) and count them in parallel. Memory stays at about the chunk size
    per block in flight: a block keeps ContextBytes before its first owned byte and, after its
    last, the bytes up to the first ASCII whitespace (which ends any word in both modes), at
    most MaxTailBytes. A word longer than that is overlong in whitespace mode; in words mode it
    is too, unless nearly all of its characters are ones a word drops (such as U+200B): only
    then could a count differ from that of the same bytes in a file.

    Reads wait with poll() in short steps, so a cancel takes effect while the writer is silent.
*/
class StreamReader final
{
public:
    static constexpr qint64 ContextBytes = 32; // the chunk counter looks back 24 bytes at most
    // Words mode knows a word is overlong after 1,000 bytes of it, which take 4,000 bytes of
    // input at most, unless the word is mostly characters it drops.
    static constexpr qint64 MaxTailBytes = 64 * 1024;

    //! \a fd: an open descriptor, read from where it stands; not closed.
    StreamReader(int fd, CountingMode mode, qint64 chunkSize);
    Q_DISABLE_COPY_MOVE(StreamReader)

    enum Result { Read, End, Stopped, Failed };

    // Runs on the scan's worker thread, before any block: reads the first \a bytes (fewer if
    // the stream ends first) into \a head, which decides the encoding.
    Result readHead(JobControl &control, qint64 bytes, QByteArray *head);
    //! Call once, after readHead() and before next(): the text starts after its byte-order mark.
    void setEncoding(TextEncoding encoding);

    // Called by map calls on worker threads, one at a time (it locks): cuts the next block.
    Result next(JobControl &control, StreamBlock *block);

    //! Where counting starts: after the byte-order mark in words mode.
    qint64 contentBegin() const { return m_contentBegin; }
    //! True once no block is left: the stream ended and was all handed out, or failed.
    bool isExhausted() const { return m_exhausted.load(std::memory_order_acquire); }
    qint64 blocksCut() const { return m_blocksCut.load(std::memory_order_acquire); }
    //! The stream's bytes up to the end of the last block cut: its size, once exhausted.
    qint64 size() const { return m_cutEnd.load(std::memory_order_relaxed); }
    QString errorString() const;

private:
    qint64 bufferEnd() const { return m_bufferBase + m_buffer.size(); }
    //! Reads until the buffer reaches stream offset \a until or the stream ends.
    Result fill(JobControl &control, qint64 until);
    //! Stream offset just past the first whitespace at or after \a from, or -1 if none buffered.
    qint64 wordBoundaryFrom(qint64 from) const;

    const int m_fd;
    const CountingMode m_mode;
    qint64 m_step;
    bool m_utf16 = false;
    bool m_littleEndian = false;
    qint64 m_contentBegin = 0;

    mutable QMutex m_mutex;
    QByteArray m_buffer; // stream bytes from m_bufferBase, read but not handed out for good
    qint64 m_bufferBase = 0;
    bool m_ended = false; // read() said end of stream
    QString m_error;
    std::atomic<qint64> m_cutEnd = 0;
    std::atomic<qint64> m_blocksCut = 0;
    std::atomic<bool> m_exhausted = false;
};
