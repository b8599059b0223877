// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/*!
    \brief Gives the heap's free pages back to the system after large results are freed.

    glibc keeps freed memory in its arenas for later allocations: after two big jobs are removed
    the process would still hold their 1.5 GB. A result table is freed on the GUI thread, but
    the workers built it in arenas of their own, so every arena is trimmed.
*/
class MemoryRelease final
{
public:
    MemoryRelease() = delete;

    /*!
        Call first thing in main(), before any thread starts. glibc raises its mmap threshold
        (up to 32 MB) each time a large block is freed, and its trim threshold with it, so a
        second job's tables land in the worker threads' arenas, whose free tops (up to 64 MB
        each) neither free() nor malloc_trim() give back: 160 MB stayed after two removed
        jobs. Fixed thresholds keep blocks of 4 MiB and more (the tables) in mappings of their
        own, returned the moment they are freed. Nothing where the C library is not glibc.
    */
    static void returnLargeBlocksWhenFreed();

    //! Returns free heap pages to the system where the C library allows it (glibc); else nothing.
    //! Called on the GUI thread; costs a few milliseconds per GB of heap.
    static void giveBackFreedMemory();
};
