// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/jobworkspace.h"

#include <iterator>

/*!
    \brief A forward-only walk over the planned chunks, for QtConcurrent::mappedReduced.

    Given random-access iterators, QtConcurrent maps chunks in blocks that grow on a loaded
    machine (up to an eighth of the job per thread on two threads) and reduces a block only
    once all of it is mapped, so the chunk tables waiting in memory grow with the input. With a
    forward iterator it takes one chunk at a time and reduces it at once, which keeps memory at
    workers x chunk size plus the results table (JobWorkspace bounds the rest).

    Each chunk is worked out from the one before (JobWorkspace::nextChunk()) rather than read
    from a list: 4 GiB in 1 KiB chunks would otherwise hold four million chunks at once.
    QtConcurrent advances the iterator under its own lock, one thread at a time, and reads the
    chunk from a copy, so operator*() returns the chunk by value.
*/
class ChunkIterator
{
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Chunk;
    using difference_type = std::ptrdiff_t;
    using pointer = const Chunk *;
    using reference = Chunk;

    ChunkIterator() = default;
    ChunkIterator(const JobWorkspace *workspace, const Chunk &chunk)
        : m_workspace(workspace)
        , m_chunk(chunk)
    { }

    static ChunkIterator begin(const JobWorkspace &workspace)
    {
        return ChunkIterator(&workspace, workspace.firstChunkFrom(0));
    }
    static ChunkIterator end(const JobWorkspace &workspace)
    {
        return ChunkIterator(&workspace, workspace.endChunk());
    }

    reference operator*() const { return m_chunk; }
    pointer operator->() const { return &m_chunk; }
    ChunkIterator &operator++()
    {
        m_chunk = m_workspace->nextChunk(m_chunk);
        return *this;
    }
    ChunkIterator operator++(int)
    {
        ChunkIterator before = *this;
        ++*this;
        return before;
    }
    friend bool operator==(const ChunkIterator &a, const ChunkIterator &b)
    {
        return a.m_chunk.file == b.m_chunk.file && a.m_chunk.begin == b.m_chunk.begin;
    }
    friend bool operator!=(const ChunkIterator &a, const ChunkIterator &b) { return !(a == b); }

private:
    const JobWorkspace *m_workspace = nullptr;
    Chunk m_chunk;
};
