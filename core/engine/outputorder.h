// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <functional>
#include <vector>

#include "core/engine/wordtable.h"

class QThreadPool;

//! The order results are shown and written in: count descending, then word ascending by bytes.
namespace OutputOrder {

//! True if entry \a a of \a table comes before entry \a b.
bool less(const WordTable &table, quint32 a, quint32 b);
//! True if \a x's word comes before \a y's, by bytes (the shorter first when one begins the
//! other); their counts are not looked at.
bool lessWords(const WordTable &table, const WordTable::Entry &x, const WordTable::Entry &y);

/*!
    Fills \a order with the entry numbers of \a table in output order.

    Sorts the table's entries in place. Words counted more than once are sorted in blocks (a
    short word's entry holds its bytes, so most comparisons read nothing else), then the blocks
    are merged into \a order in ranges cut at common splitters, one range per task. Words
    counted once, which come last, are moved into buckets by their first two bytes, and each
    bucket is sorted alone; its rows are its entries as they then lie. No copy of the entries or
    of keys is made: with 8 M distinct words, the keys alone took 128 MB at the job's peak. So
    the entries' numbers change, and the table's index is released (WordTable::releaseIndex()).
    With a \a pool, the tasks run on its threads and on the calling thread (which may be one of
    the pool's); without, on the calling thread only. Rows read in \a order walk each block
    forwards (the words counted once, all of them): far fewer cache misses than entries in
    insertion order.

    Calls \a step (work done, of total, in units that take about the same time) between tasks,
    one call at a time, with done increasing. Returns false, leaving \a order unspecified and
    the entries in some order, once \a step has returned false; the tasks under way finish their
    current block first.
*/
bool sort(WordTable &table, std::vector<quint32> *order,
          const std::function<bool(qint64 done, qint64 total)> &step = {},
          QThreadPool *pool = nullptr);

} // namespace OutputOrder
