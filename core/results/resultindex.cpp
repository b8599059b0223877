// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/resultindex.h"

#include "core/text/wordfolding.h"

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

    // Base letters of every entry, in table order; most words are ASCII and copy as they are.
    const qsizetype entries = table.size();
    m_baseOffsets.resize(size_t(entries) + 1);
    m_baseLetters.reserve(entries * 8);
    for (qsizetype entry = 0; entry < entries; ++entry) {
        m_baseOffsets[size_t(entry)] = m_baseLetters.size();
        WordFolding::appendBaseLetters(table.word(entry), &m_baseLetters);
    }
    m_baseOffsets[size_t(entries)] = m_baseLetters.size();

    const auto compareBytes = [](QByteArrayView x, QByteArrayView y) {
        const int c = std::memcmp(x.data(), y.data(), size_t(std::min(x.size(), y.size())));
        return c != 0 ? c : (x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0);
    };
    std::vector<WordKey> keys(n);
    for (size_t i = 0; i < n; ++i)
        keys[i] = {prefixOf(baseLetters(order[i])), order[i]};
    std::sort(keys.begin(), keys.end(), [&](const WordKey &a, const WordKey &b) {
        if (a.prefix != b.prefix)
            return a.prefix < b.prefix;
        const int base = compareBytes(baseLetters(a.entry), baseLetters(b.entry));
        if (base != 0)
            return base < 0;
        return compareBytes(table.word(a.entry), table.word(b.entry)) < 0;
    });
    m_byWord.resize(n);
    for (size_t i = 0; i < n; ++i)
        m_byWord[i] = keys[i].entry;
}
