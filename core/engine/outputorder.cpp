// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/outputorder.h"

#include "core/engine/wordtable.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace {
constexpr qsizetype SortBlock = 1 << 16;
}

bool OutputOrder::less(const WordTable &table, quint32 a, quint32 b)
{
    const WordTable::Entry &x = table.entry(a);
    const WordTable::Entry &y = table.entry(b);
    if (x.count != y.count)
        return x.count > y.count;
    const int c = std::memcmp(table.wordData(x), table.wordData(y), std::min(x.length, y.length));
    return c != 0 ? c < 0 : x.length < y.length;
}

bool OutputOrder::sort(const WordTable &table, std::vector<quint32> *order,
                       const std::function<bool(qint64, qint64)> &step)
{
    const qsizetype n = table.size();
    order->resize(size_t(n));
    std::iota(order->begin(), order->end(), 0u);
    int levels = 0;
    for (qsizetype width = SortBlock; width < n; width *= 2)
        ++levels;
    // Progress in units of time, so that the bar moves as the time goes. Sorting the blocks
    // (each fits in the cache) takes about as long as three merge levels (whose reads of the
    // entries miss it): 3 s and 1-3 s a level for 8 M distinct words here. Counted in entries,
    // the block pass took an eighth of the bar and a third of the time.
    constexpr int BlockWeight = 3;
    const qint64 total = qint64(n) * (BlockWeight + levels);
    qint64 done = 0;
    const auto before = [&](quint32 a, quint32 b) { return less(table, a, b); };
    for (qsizetype b = 0; b < n; b += SortBlock) {
        if (step && !step(done, total))
            return false;
        const auto first = order->begin() + b;
        const qsizetype length = std::min(SortBlock, n - b);
        std::sort(first, first + length, before);
        done += length * BlockWeight;
    }
    for (qsizetype width = SortBlock; width < n; width *= 2) {
        for (qsizetype b = 0; b < n; b += 2 * width) {
            if (step && !step(done, total))
                return false;
            const qsizetype mid = std::min(b + width, n);
            const qsizetype last = std::min(b + 2 * width, n);
            std::inplace_merge(order->begin() + b, order->begin() + mid, order->begin() + last,
                               before);
            done += last - b;
        }
    }
    return !step || step(total, total);
}
