// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/resultindex.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace {

// The first 8 bytes of a word as a big-endian number: most comparisons end on it.
struct WordKey
{
    quint64 prefix = 0;
    quint32 entry = 0;
};

quint64 prefixOf(QByteArrayView word)
{
    unsigned char bytes[8] = {};
    std::memcpy(bytes, word.data(), size_t(std::min<qsizetype>(8, word.size())));
    return qFromBigEndian<quint64>(bytes);
}

} // namespace

ResultIndex::ResultIndex(std::shared_ptr<const CountResult> result)
    : m_result(std::move(result))
{
    const WordTable &table = *m_result->table;
    const std::vector<quint32> &order = m_result->order;
    const size_t n = order.size();
    m_rank.resize(size_t(table.size()));
    m_cumulative.resize(n);
    quint64 sum = 0;
    for (size_t i = 0; i < n; ++i) {
        m_rank[order[i]] = quint32(i + 1);
        sum += table.entry(order[i]).count;
        m_cumulative[i] = sum;
    }

    std::vector<WordKey> keys(n);
    for (size_t i = 0; i < n; ++i)
        keys[i] = {prefixOf(table.word(order[i])), order[i]};
    std::sort(keys.begin(), keys.end(), [&table](const WordKey &a, const WordKey &b) {
        if (a.prefix != b.prefix)
            return a.prefix < b.prefix;
        const QByteArrayView x = table.word(a.entry);
        const QByteArrayView y = table.word(b.entry);
        const int c = std::memcmp(x.data(), y.data(), size_t(std::min(x.size(), y.size())));
        return c != 0 ? c < 0 : x.size() < y.size();
    });
    m_byWord.resize(n);
    for (size_t i = 0; i < n; ++i)
        m_byWord[i] = keys[i].entry;
}
