// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/results/stoprequest.h"

#include <QString>

#include <memory>

class QIODevice;

/*!
    \brief Sums word<TAB>count lines sorted by word into one line per word, in constant memory:
    the reducer of Hadoop Streaming (wordmill-cli --reduce).

    The input is what a shuffle delivers: the TSV rows of mappers (ResultReader's TSV rules, read
    by ResultReader::parseTsvRow()) sorted so that the lines of a word are together. Two orders
    do that and both are accepted: by the word's bytes (Hadoop's shuffle sorts the key, the part
    before the TAB) and by the whole line's bytes (LC_ALL=C sort). They differ only where a word
    is followed by a longer word it starts and whose next byte is below TAB (whitespace mode keeps
    bytes 0x01-0x08 in words); the first such pair decides which order the input is in, and every
    later pair must keep it. Only the word being summed and its sum are held.

    The output is TSV as ResultWriter writes it (ResultWriter::appendTsvRow()), in the input's
    order, one row per word whose sum is not 0; `wordmill-cli --merge` reads it.

    Input that is not sorted (a word that comes before the one above it), a line that is not a
    TSV row, a sum beyond 2^64 - 1 or a last line without its line end stop the reduce with an
    error naming the line: summing on would write wrong counts. Rows written before the error
    stay written; the caller must fail the task.
*/
class SortedCountReducer final
{
public:
    //! Code decides on the status; people read errorString.
    struct Outcome
    {
        enum Status {
            Reduced,
            Unsorted, //!< errorString names the line and both words
            BadLine, //!< errorString names the line and what is wrong with it
            Overflow, //!< a word's sum does not fit in 64 bits
            ReadFailed,
            WriteFailed,
            Cancelled,
        };
        Status status = Reduced;
        quint64 lines = 0; // read, the line of the error included
        quint64 words = 0; // rows written
        QString errorString;
    };

    /*!
        Reads \a input to its end and writes the sums to \a output; returns Cancelled at the
        next MiB of input once \a stop asks. Blocks on reads: call it on a worker thread when
        the caller must stay responsive (signals, Ctrl-C).
    */
    static Outcome reduce(QIODevice *input, QIODevice *output, const StopRequest &stop = {});
};
