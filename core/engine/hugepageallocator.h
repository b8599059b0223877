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
    prefetch of the next rows' entries stalled on it). Blocks from OwnMappingBytes up get a
    mapping of their own, aligned to 2 MiB and marked MADV_HUGEPAGE, which the kernel honours
    when transparent huge pages are "madvise" (as on the machines measured here) or "always";
    smaller ones come from std::allocator.

    Huge pages also make memory cheaper to take: each 4 KiB page is a fault of its own when
    first written (12-15 µs on the virtual machines measured), a 2 MiB page one fault. The
    chunk tables of a vocabulary like the sample's, 1-3 MiB each, were filled in 4 KiB pages
    while the threshold was 4 MiB: with 1 MiB, sample-200MB took 3,098 page faults instead of
    6,007 with 2 workers, and 0.362 s instead of 0.407 s.
*/
template<typename T> class HugePageAllocator
{
public:
    //! Blocks of this many bytes or more get a mapping of their own.
    static constexpr std::size_t OwnMappingBytes = std::size_t(1) << 20;

    using value_type = T;

    HugePageAllocator() noexcept = default;
    template<typename U> HugePageAllocator(const HugePageAllocator<U> &) noexcept { }

    T *allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < OwnMappingBytes)
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
        adviseHugePages(reinterpret_cast<void *>(aligned), rounded);
        return reinterpret_cast<T *>(aligned);
    }

    /*!
        Asks for 2 MiB pages under the whole 2 MiB pages of [\a data, \a data + \a bytes), a
        block from any allocator, before it is first written: for a large std::vector whose
        type cannot change. Each 4 KiB page is a fault of its own when first written, and a
        fault cost 12 µs on the virtual machines measured: 8,000 of them for 32 MB.
    */
    static void adviseHugePages([[maybe_unused]] void *data, [[maybe_unused]] std::size_t bytes)
    {
#ifdef MADV_HUGEPAGE
        const auto start = reinterpret_cast<std::uintptr_t>(data);
        const std::uintptr_t first = (start + PageBytes - 1) & ~std::uintptr_t(PageBytes - 1);
        const std::uintptr_t last = (start + bytes) & ~std::uintptr_t(PageBytes - 1);
        // A hint: without it, the pages are only smaller.
        if (last > first)
            ::madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
#endif
    }

    void deallocate(T *p, std::size_t n) noexcept
    {
        if (n * sizeof(T) < OwnMappingBytes)
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
};
