// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <new>

#include <sys/mman.h>

/*!
    \brief An allocator that asks Linux to back large blocks with 2 MiB pages.

    The word tables of a job with millions of distinct words are hundreds of MiB read in random
    order: with 4 KiB pages nearly every read also missed the TLB and waited for a page walk (a
    prefetch of the next rows' entries stalled on it). Blocks from 4 MiB up get a mapping of
    their own, aligned to 2 MiB and marked MADV_HUGEPAGE, which the kernel honours when
    transparent huge pages are "madvise" (as on the machines measured here) or "always";
    smaller ones come from std::allocator.
*/
template<typename T> class HugePageAllocator
{
public:
    using value_type = T;

    HugePageAllocator() noexcept = default;
    template<typename U> HugePageAllocator(const HugePageAllocator<U> &) noexcept { }

    T *allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < Threshold)
            return std::allocator<T>().allocate(n);
        // A mapping of its own, not malloc's: freed, it goes back to the system at once (glibc
        // keeps freed blocks under its growing mmap threshold, which raised the peak RSS).
        const std::size_t rounded = roundedUp(bytes);
        void *raw = ::mmap(nullptr, rounded + PageBytes, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED)
            throw std::bad_alloc();
        const auto start = reinterpret_cast<std::uintptr_t>(raw);
        const std::uintptr_t aligned = (start + PageBytes - 1) & ~std::uintptr_t(PageBytes - 1);
        if (aligned > start)
            ::munmap(raw, aligned - start);
        const std::uintptr_t end = start + rounded + PageBytes;
        if (end > aligned + rounded)
            ::munmap(reinterpret_cast<void *>(aligned + rounded), end - (aligned + rounded));
#ifdef MADV_HUGEPAGE
        // A hint: without it, the pages are only smaller.
        ::madvise(reinterpret_cast<void *>(aligned), rounded, MADV_HUGEPAGE);
#endif
        return reinterpret_cast<T *>(aligned);
    }

    void deallocate(T *p, std::size_t n) noexcept
    {
        if (n * sizeof(T) < Threshold)
            std::allocator<T>().deallocate(p, n);
        else
            ::munmap(p, roundedUp(n * sizeof(T)));
    }

    friend bool operator==(const HugePageAllocator &, const HugePageAllocator &)
    {
        return true;
    }
    friend bool operator!=(const HugePageAllocator &, const HugePageAllocator &)
    {
        return false;
    }

private:
    static std::size_t roundedUp(std::size_t bytes)
    {
        return (bytes + PageBytes - 1) / PageBytes * PageBytes;
    }

    static constexpr std::size_t PageBytes = std::size_t(2) << 20;
    static constexpr std::size_t Threshold = std::size_t(4) << 20;
};
