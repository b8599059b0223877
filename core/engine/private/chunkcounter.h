#pragma once

#include "core/engine/countingmode.h"
#include "core/engine/textencoding.h"

#include <QString>

#include <atomic>

class ByteSource;
class JobControl;
class WordTable;

/*!
    \brief One byte range of one input, the unit of work of the map phase.

    A chunk owns the words whose first code point starts in [begin, end): it skips the end of a
    word that started before \a begin and reads past \a end to finish its own last word, so the
    counts never depend on where the chunks were cut.
*/
struct ChunkTask
{
    qint64 begin = 0;
    qint64 end = 0;
    qint64 contentBegin = 0; // after the byte-order mark
    qint64 contentEnd = 0; // the planned file size
    TextEncoding encoding = TextEncoding::Utf8;
    CountingMode mode = CountingMode::Words;
};

//! What counting one chunk found, besides the words themselves.
struct ChunkTally
{
    enum Status { Counted, Cancelled, Failed };
    Status status = Counted;
    quint64 words = 0;
    quint64 overlongWords = 0;
    quint64 windows1252Bytes = 0;
    QString error;
};

/*!
    \brief Counts the words of one chunk into a WordTable, reading at most one MiB at a time.

    Between reads it passes the job's checkpoint, so a pause or a cancel takes effect within one
    MiB of work, and it adds the bytes it owns to \a bytesCounted as it goes (exactly
    end - begin in all, even when it fails, so that progress reaches its total; when cancelled,
    only the bytes it read, so that a cancelled job's progress stops short of its total).
*/
class ChunkCounter final
{
public:
    static constexpr int MaxWordBytes = 1000;

    //! \a fileBytesCounted, if given, receives the same amounts for the file's own progress.
    ChunkCounter(JobControl *control, std::atomic<qint64> *bytesCounted,
                 std::atomic<qint64> *fileBytesCounted = nullptr);

    // Called concurrently by worker threads, each with its own source and table.
    ChunkTally count(ByteSource &source, const ChunkTask &task, WordTable &table);

private:
    JobControl *m_control = nullptr;
    std::atomic<qint64> *m_bytesCounted = nullptr;
    std::atomic<qint64> *m_fileBytesCounted = nullptr;
};
