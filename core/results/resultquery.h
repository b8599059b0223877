// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/results/stoprequest.h"

#include <QString>

#include <memory>
#include <vector>

class ResultIndex;
class WordTable;

/*!
    \brief Which rows of a result the explorer shows, and in what order: a sort column and
    direction, a case-insensitive substring or regular expression, a minimum count and a set of
    stop words to hide. A value type; run() does the work.
*/
struct ResultQuery
{
    enum Column { Rank, Word, Count, Share, Cumulative };

    Column column = Rank;
    bool descending = false;
    QString text;
    bool regex = false;
    //! The substring ignores accents: "corazon" finds "corazón" ("ñ" is not an "n", though).
    bool ignoreAccents = false;
    quint64 minCount = 0;
    std::shared_ptr<const WordTable> stopWords; // null: hide none

    //! True if nothing is filtered out: every row shows.
    bool showsAll() const { return text.isEmpty() && minCount <= 1 && !stopWords; }
    //! Empty if the query can run, else why not (an invalid regular expression).
    QString errorString() const;

    /*!
        The table entries that pass, in the query's order. Runs on the calling thread (a worker
        thread: up to a few hundred milliseconds for millions of words); returns early, with
        what it had, once \a stop answers true.
    */
    std::vector<quint32> run(const ResultIndex &index, const StopRequest &stop = {}) const;
};
