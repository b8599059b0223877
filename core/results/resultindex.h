// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countresult.h"

#include <memory>
#include <vector>

/*!
    \brief What the results explorer needs beyond the output order, computed once per result:
    each entry's rank and cumulative count, and the order of the words themselves.

    Building it sorts every word (about a quarter of a second for 2 million on one core): do it
    on a worker thread. Immutable afterwards, so any thread may read it.
*/
class ResultIndex final
{
public:
    // Runs on the calling thread (a worker thread, for big results).
    explicit ResultIndex(std::shared_ptr<const CountResult> result);

    const CountResult &result() const { return *m_result; }
    std::shared_ptr<const CountResult> sharedResult() const { return m_result; }

    //! 1-based rank of table entry \a entry in output order.
    quint32 rank(quint32 entry) const { return m_rank[entry]; }
    //! Sum of the counts of every entry ranked up to \a entry, itself included.
    quint64 cumulative(quint32 entry) const { return m_cumulative[m_rank[entry] - 1]; }
    //! Entries in output order (count descending, then word).
    const std::vector<quint32> &byCount() const { return m_result->order; }
    /*!
        Entries by word, in dictionary order for Latin scripts: by base letters first (accents
        ignored, "ñ" after "n"; see WordFolding::appendBaseLetters()), then by UTF-8 bytes, so
        "anima", "ánima" and "animal" follow one another.
    */
    const std::vector<quint32> &byWord() const { return m_byWord; }
    //! Table entry \a entry's word without accents, lowercased: what "ignore accents" compares.
    QByteArrayView baseLetters(quint32 entry) const
    {
        return QByteArrayView(m_baseLetters)
            .sliced(m_baseOffsets[entry], m_baseOffsets[entry + 1] - m_baseOffsets[entry]);
    }

private:
    std::shared_ptr<const CountResult> m_result;
    std::vector<quint32> m_rank; // by entry
    std::vector<quint64> m_cumulative; // by rank - 1
    std::vector<quint32> m_byWord;
    QByteArray m_baseLetters; // every entry's base letters, one after another
    std::vector<qsizetype> m_baseOffsets; // by entry, plus the end
};
