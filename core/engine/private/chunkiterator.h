// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/jobworkspace.h"

#include <iterator>
#include <vector>

/*!
    \brief A forward-only view of the planned chunks, for QtConcurrent::mappedReduced.

    Given random-access iterators, QtConcurrent maps chunks in blocks that grow on a loaded
    machine (up to an eighth of the job per thread on two threads) and reduces a block only
    once all of it is mapped, so the chunk tables waiting in memory grow with the input. With a
    forward iterator it takes one chunk at a time and reduces it at once, which keeps memory at
    workers x chunk size plus the results table (JobWorkspace bounds the rest).
*/
class ChunkIterator
{
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Chunk;
    using difference_type = std::ptrdiff_t;
    using pointer = const Chunk *;
    using reference = const Chunk &;

    ChunkIterator() = default;
    explicit ChunkIterator(std::vector<Chunk>::const_iterator it)
        : m_it(it)
    { }

    reference operator*() const { return *m_it; }
    pointer operator->() const { return &*m_it; }
    ChunkIterator &operator++()
    {
        ++m_it;
        return *this;
    }
    ChunkIterator operator++(int)
    {
        ChunkIterator before = *this;
        ++m_it;
        return before;
    }
    friend bool operator==(const ChunkIterator &a, const ChunkIterator &b)
    {
        return a.m_it == b.m_it;
    }
    friend bool operator!=(const ChunkIterator &a, const ChunkIterator &b)
    {
        return a.m_it != b.m_it;
    }

private:
    std::vector<Chunk>::const_iterator m_it;
};
