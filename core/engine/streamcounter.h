// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countingmode.h"

#include <QString>

#include <functional>
#include <memory>

class WordTable;

/*!
    \brief Counts the words of a stream (the standard input of a Hadoop Streaming mapper) in
    bounded memory, with the counting kernel CountJob uses for files.

    The stream is read by the StreamReader that counts standard input in a CountJob, and each
    one MiB block it cuts is counted by the engine's own chunk counter, with the bytes around it
    as context, exactly as a file's chunks are: the words are those
    CountJob finds in a file holding the same bytes (same tokenizer, decoding, folding, --mode).
    The encoding is decided from the first 64 KiB, as for files; a NUL byte there makes the
    stream binary, and nothing is counted.

    Memory: whenever the table of counts holds more than the memory limit (checked after each
    chunk, so it may pass the limit by what one MiB of text adds) it is handed to the flush
    function and cleared, as a combiner would. A word may therefore come out several times, each
    time with a partial count; summing them gives the count of the whole stream.

    \code
    StreamCounter counter(CountingMode::Words, 64 << 20);
    const StreamCounter::Outcome outcome = counter.count(STDIN_FILENO, [&](const WordTable &t) {
        return writeRows(t); // false: the output failed, stop
    });
    \endcode
*/
class StreamCounter final
{
public:
    static constexpr qint64 DefaultMemoryLimit = qint64(64) << 20;
    static constexpr qint64 ChunkBytes = qint64(1) << 20;

    //! Code decides on the status; people read errorString.
    struct Outcome
    {
        enum Status {
            Counted,
            Binary, //!< a NUL byte in the first 64 KiB; errorString: its offset
            ReadFailed, //!< errorString: the system's reason
            FlushFailed, //!< the flush function returned false
            Cancelled,
        };
        Status status = Counted;
        quint64 words = 0;
        quint64 overlongWords = 0; // longer than CountResult::MaxWordBytes: not counted
        quint64 flushes = 0; // times the flush function was called
        qint64 bytes = 0; // read from the stream
        QString errorString;
    };

    //! Receives the counts since the last call; returns false to stop. Runs on count()'s thread.
    using Flush = std::function<bool(const WordTable &table)>;

    StreamCounter(CountingMode mode, qint64 memoryLimit = DefaultMemoryLimit);
    ~StreamCounter();
    Q_DISABLE_COPY_MOVE(StreamCounter)

    /*!
        Reads descriptor \a fd to its end and counts it, calling \a flush whenever the table
        passes the memory limit, and once at the end if any word was counted. Waits on reads:
        call it on a worker thread when the caller must stay responsive (signals, Ctrl-C).
    */
    Outcome count(int fd, const Flush &flush);

    //! Makes count() return Cancelled within 100 ms, even while it waits for input. Thread
    //! safe: call it from any thread.
    void cancel();

private:
    struct Private;
    std::unique_ptr<Private> const d;
};
