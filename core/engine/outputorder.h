// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <functional>
#include <vector>

class WordTable;

//! The order results are shown and written in: count descending, then word ascending by bytes.
namespace OutputOrder {

//! True if entry \a a of \a table comes before entry \a b.
bool less(const WordTable &table, quint32 a, quint32 b);

/*!
    Fills \a order with the entry numbers of \a table in output order. Sorts in blocks, then
    merges them pairwise, calling \a step (work done, of total, in units that take about the
    same time) between blocks; returns false,
    leaving \a order unspecified, as soon as \a step does. Runs on the calling thread.
*/
bool sort(const WordTable &table, std::vector<quint32> *order,
          const std::function<bool(qint64 done, qint64 total)> &step = {});

} // namespace OutputOrder
