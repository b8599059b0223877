// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <functional>
#include <vector>

class QThreadPool;
class WordTable;

//! The order results are shown and written in: count descending, then word ascending by bytes.
namespace OutputOrder {

//! True if entry \a a of \a table comes before entry \a b.
bool less(const WordTable &table, quint32 a, quint32 b);

/*!
    Fills \a order with the entry numbers of \a table in output order.

    Sorts compact keys (the count and the word's first 8 bytes, so that most comparisons read
    no word) in blocks, then merges the blocks in ranges cut at common splitters, one range per
    task. With a \a pool, the tasks run on its threads and on the calling thread (which may be
    one of the pool's); without, on the calling thread only.

    Calls \a step (work done, of total, in units that take about the same time) between tasks,
    one call at a time, with done increasing. Returns false, leaving \a order unspecified, once
    \a step has returned false; the tasks under way finish their current block first.
*/
bool sort(const WordTable &table, std::vector<quint32> *order,
          const std::function<bool(qint64 done, qint64 total)> &step = {},
          QThreadPool *pool = nullptr);

} // namespace OutputOrder
