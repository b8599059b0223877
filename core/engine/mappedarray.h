// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/hugepageallocator.h"

#include <QtGlobal>

#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

#include <sys/mman.h>

/*!
    \brief A growable array of trivially copyable values that grows without copying once large.

    std::vector copies its elements to a new block when it grows, so for a moment it holds both:
    the entries of a table of 8 million words took 100 MB twice at that moment, the job's peak.
    From MappedBytes up this array lives in a mapping of its own (HugePageAllocator's: on a 2 MiB
    boundary, marked MADV_HUGEPAGE), which mremap() enlarges by moving its pages, not their
    bytes, to another such boundary, so that its huge pages, which spare random reads a TLB miss
    each, survive the move.
*/
template<typename T> class MappedArray
{
    static_assert(std::is_trivially_copyable_v<T>, "its bytes are moved, not its objects");

public:
    MappedArray() = default;
    MappedArray(const MappedArray &other)
    {
        reserve(other.m_size);
        if (other.m_size > 0)
            std::memcpy(m_data, other.m_data, other.m_size * sizeof(T));
        m_size = other.m_size;
    }
    MappedArray(MappedArray &&other) noexcept { swap(other); }
    MappedArray &operator=(MappedArray other) noexcept
    {
        swap(other);
        return *this;
    }
    ~MappedArray() { release(); }

    size_t size() const { return m_size; }
    size_t capacity() const { return m_capacity; }
    bool empty() const { return m_size == 0; }
    T *data() { return m_data; }
    const T *data() const { return m_data; }
    T &operator[](size_t i) { return m_data[i]; }
    const T &operator[](size_t i) const { return m_data[i]; }

    //! Keeps the memory, for values to come.
    void clear() { m_size = 0; }

    void push_back(const T &value)
    {
        if (m_size == m_capacity)
            reserve(m_capacity < 16 ? 16 : 2 * m_capacity);
        m_data[m_size++] = value;
    }

    void reserve(size_t count)
    {
        if (count <= m_capacity)
            return;
        const size_t bytes = count * sizeof(T);
        void *grown = nullptr;
        if (bytes < MappedBytes) {
            grown = std::realloc(m_data, bytes);
        } else if (!m_mapped) {
            grown = map(roundedUp(bytes));
            if (grown && m_size > 0)
                std::memcpy(grown, m_data, m_size * sizeof(T));
            if (grown)
                std::free(m_data);
        } else {
            grown = remap(m_data, mappedBytes(), roundedUp(bytes));
        }
        if (!grown)
            throw std::bad_alloc();
        m_data = static_cast<T *>(grown);
        m_mapped = bytes >= MappedBytes;
        m_capacity = m_mapped ? roundedUp(bytes) / sizeof(T) : count;
    }

    /*!
        Makes the array \a count zero values, in new memory: the old values are dropped, not
        kept. Fresh pages from the kernel are zero already, so a large array is not written
        here (an index made anew each time a table grows was zeroed twice: by the kernel, then
        by std::vector).
    */
    void assignZeroed(size_t count)
    {
        MappedArray fresh;
        const size_t bytes = count * sizeof(T);
        void *block = bytes < MappedBytes ? std::calloc(count, sizeof(T)) : map(roundedUp(bytes));
        if (!block && count > 0)
            throw std::bad_alloc();
        fresh.m_data = static_cast<T *>(block);
        fresh.m_mapped = bytes >= MappedBytes;
        fresh.m_capacity = fresh.m_mapped ? roundedUp(bytes) / sizeof(T) : count;
        fresh.m_size = count;
        swap(fresh);
    }

    void swap(MappedArray &other) noexcept
    {
        std::swap(m_data, other.m_data);
        std::swap(m_size, other.m_size);
        std::swap(m_capacity, other.m_capacity);
        std::swap(m_mapped, other.m_mapped);
    }

    //! From this size up, the values live in a mapping of their own.
    static constexpr size_t MappedBytes = HugePageAllocator<char>::OwnMappingBytes;

private:
    static constexpr size_t PageBytes = size_t(2) << 20;

    static size_t roundedUp(size_t bytes)
    {
        return (bytes + PageBytes - 1) / PageBytes * PageBytes;
    }

    // A mapping of \a bytes (whole 2 MiB pages) on a 2 MiB boundary, marked MADV_HUGEPAGE:
    // HugePageAllocator's, which maps every block from MappedBytes up (remap() moves it with
    // mremap(), which a block from malloc() would not survive).
    static void *map(size_t bytes) { return HugePageAllocator<char>().allocate(bytes); }

    static void *remap(void *old, size_t oldBytes, size_t bytes)
    {
        // The target is reserved first so that it starts on a 2 MiB boundary too; the mapping
        // moved there replaces it, and keeps the old one's MADV_HUGEPAGE.
        char *target = HugePageAllocator<char>().allocate(bytes);
        void *moved = ::mremap(old, oldBytes, bytes, MREMAP_MAYMOVE | MREMAP_FIXED, target);
        if (moved != MAP_FAILED)
            return moved;
        HugePageAllocator<char>().deallocate(target, bytes);
        return nullptr;
    }

    // The mapping's length: the capacity was rounded down to whole values of it.
    size_t mappedBytes() const { return roundedUp(m_capacity * sizeof(T)); }

    void release()
    {
        if (m_mapped)
            HugePageAllocator<char>().deallocate(reinterpret_cast<char *>(m_data), mappedBytes());
        else
            std::free(m_data);
    }

    T *m_data = nullptr;
    size_t m_size = 0;
    size_t m_capacity = 0;
    bool m_mapped = false; // from mmap(), else from malloc()
};
