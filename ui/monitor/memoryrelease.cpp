// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/memoryrelease.h"

#include <cstdlib> // defines __GLIBC__ where it applies

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {
constexpr int LargeBlockBytes = 4 << 20;
}

void MemoryRelease::returnLargeBlocksWhenFreed()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, LargeBlockBytes);
    mallopt(M_TRIM_THRESHOLD, LargeBlockBytes);
#endif
}

void MemoryRelease::giveBackFreedMemory()
{
#if defined(__GLIBC__)
    // 0: keep no pad at the top of the heap; glibc 2.8 and later trim every arena's free pages.
    malloc_trim(0);
#endif
}
