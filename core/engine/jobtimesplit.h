// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/jobtimeline.h"

/*!
    \brief Where a job's worker time went, from its timeline: reading, tokenizing and counting,
    merging (reduce calls run on the workers too), waiting for the reducer, idle; how busy the
    reducer was; what the extra workers gave; and the one change most likely to help.

    Worker time is the counting phase's working time (from the first map call to the last
    reduce, pauses left out) times the worker lanes. Reading is the wall time inside reads: on
    a slow disk or network file system it is time spent waiting. The speed-up compares the
    bytes per second of the whole phase with those one worker reaches while it maps (its bytes
    over its map time), so it is what a lone worker would do at the same pace per chunk. The
    threads' CPU time tells waiting on input (a read off the CPU) from reading that works (a
    copy from the page cache, generating sample text).
    Pure: compute() reads nothing else.
*/
struct JobTimeSplit
{
    enum Hint {
        NoHint, //!< nothing stands out, or too little to say
        ReducerBusy, //!< the serial merge is the bottleneck: larger chunks mean fewer merges
        WaitingForReducer, //!< workers wait for table slots: the same cure
        InputBound, //!< workers wait on reads: more workers will not help
        MachineBusy, //!< workers wait for a CPU: the machine is busy, or has fewer cores
        TooFewChunks, //!< workers idle for want of chunks: smaller chunks spread the work
        Idle, //!< workers idle for another reason (a busy machine, a slow start)
        CpuBound, //!< tokenizing takes the time: more cores (workers) would help
    };

    qint64 windowNs = 0; //!< the counting phase's working time so far
    int workerLanes = 0; //!< lanes that ran map calls
    int workers = 0; //!< the job's worker threads
    qint64 workerNs = 0; //!< windowNs x the worker threads
    qint64 readingNs = 0; //!< wall time inside reads (a page-cache copy or sample text too)
    //! The part of the reads the threads were off the CPU, beyond the share the rest of the map
    //! calls were (a busy machine takes the CPU from a read as from counting): waiting on a disk
    //! or the network.
    qint64 inputWaitNs = 0;
    //! The rest of the map calls' time off the CPU: waiting for a core that other programs (or
    //! more workers than cores) held.
    qint64 offCpuNs = 0;
    qint64 countingNs = 0; //!< map calls less their reads and pauses
    qint64 reducingNs = 0; //!< reduce calls, which the workers run
    qint64 slotWaitNs = 0; //!< waiting for a free table slot
    qint64 idleNs = 0; //!< the rest of the worker time
    qint64 queuedNs = 0; //!< the chunks' waits in the reduce queue, summed
    qint64 mapCpuNs = 0; //!< CPU time of the map calls
    qint64 mapNs = 0; //!< wall time of the map calls, pauses left out
    qint64 bytes = 0; //!< bytes mapped
    quint64 words = 0;
    qint64 chunks = 0; //!< map calls
    Hint hint = NoHint;

    //! Shares of workerNs (0 to 1); 0 when there is no worker time yet.
    double share(qint64 ns) const { return workerNs > 0 ? double(ns) / double(workerNs) : 0; }
    //! The share of the window the reducer was busy.
    double reducerBusy() const { return windowNs > 0 ? double(reducingNs) / double(windowNs) : 0; }
    //! Bytes per second of the counting phase, and of one worker while it maps.
    double bytesPerSecond() const { return windowNs > 0 ? bytes * 1e9 / double(windowNs) : 0; }
    double oneWorkerBytesPerSecond() const { return mapNs > 0 ? bytes * 1e9 / double(mapNs) : 0; }
    //! How many workers' worth of map work ran at once, on average: 1 for one worker.
    double speedUp() const { return windowNs > 0 ? double(mapNs) / double(windowNs) : 0; }
    //! The share of the map calls' wall time they were on a CPU.
    double mapCpuShare() const { return mapNs > 0 ? double(mapCpuNs) / double(mapNs) : 0; }

    //! Too little counted to judge: under MinWindowNs or no map call done.
    static constexpr qint64 MinWindowNs = 50'000'000;
    static JobTimeSplit compute(const JobTimeline &timeline);
};
