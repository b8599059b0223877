// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countingmode.h"
#include "core/engine/filereport.h"
#include "core/engine/wordtable.h"

#include <QByteArrayView>
#include <QList>

#include <memory>
#include <vector>

//! The totals of a finished job.
struct CountTotals
{
    quint64 words = 0;
    quint64 distinctWords = 0;
    quint64 overlongWords = 0; // longer than CountResult::MaxWordBytes: not counted
    qint64 bytes = 0; // of the files counted
    qint64 filesCounted = 0;
    qint64 filesSkipped = 0;
    // Phase and total times are working time: the time spent paused is left out, so that a
    // speed worked out from them is the speed of the work.
    qint64 scanMs = 0;
    qint64 countMs = 0; // map and reduce, which overlap
    qint64 finalizeMs = 0;
    qint64 totalMs = 0;
    qint64 wallMs = 0; // totalMs plus the time spent paused
};

/*!
    \brief The counts of a finished job, in output order: count descending, then word
    ascending by UTF-8 bytes. Immutable once made; cheap to share between threads.
*/
struct CountResult
{
    //! Longer words are not counted (CountTotals::overlongWords).
    static constexpr int MaxWordBytes = 1000;
    /*!
        The longest word a result file may hold: JSON writes each byte of a counted word that is
        not UTF-8 as the code point of its value, two bytes in UTF-8, and such a word read back
        and written again keeps them. (Before: 501 such bytes made a JSON result that could not
        be read back.)
    */
    static constexpr int MaxWrittenWordBytes = 2 * MaxWordBytes;

    CountingMode mode = CountingMode::Words;
    std::shared_ptr<const WordTable> table = std::make_shared<WordTable>();
    std::vector<quint32> order; // entry numbers of table, in output order
    CountTotals totals;
    QList<FileReport> files; // every input, counted or skipped

    //! A JobSpec::share job's counts of one file that other parts count too: not in table,
    //! words or the other totals.
    struct HeldPart
    {
        qint32 file = -1; // index in files
        std::shared_ptr<const WordTable> table;
        quint64 words = 0;
        quint64 overlongWords = 0;
    };
    std::vector<HeldPart> heldParts;

    // Stop and keep (CountJob::stopAndKeep()): the counts of the files counted completely, and
    // of no other; totals.filesCounted and totals.bytes say how much of the plan that is.
    bool partial = false;
    qint64 filesPlanned = 0; // with partial: the files the job had to count
    qint64 bytesPlanned = 0; // with partial: their bytes

    qsizetype size() const { return qsizetype(order.size()); }
    //! The word at \a rank (0-based), UTF-8 (raw bytes in whitespace mode).
    QByteArrayView word(qsizetype rank) const { return table->word(order[size_t(rank)]); }
    quint64 count(qsizetype rank) const { return table->entry(order[size_t(rank)]).count; }
};
