// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QtGlobal>

//! Progress of one phase in 64-bit amounts (bytes, files, tables or entries).
struct PhaseProgress
{
    qint64 done = 0;
    qint64 total = 0; // 0 while unknown
    qint64 elapsedMs = 0; // working time in the phase so far (paused time left out), or in all
    bool started = false;
    bool finished = false;

    friend bool operator==(const PhaseProgress &a, const PhaseProgress &b)
    {
        return a.done == b.done && a.total == b.total && a.started == b.started
            && a.finished == b.finished;
    }
};

/*!
    \brief Where a job is, phase by phase.

    scan: files found (done) of files found once it is over (total), bytesPlanned alongside;
    map: bytes counted of bytes planned (of bytes read so far, while a stream is read);
    reduce: chunk tables merged of chunks planned (bytesMerged: the same merge in bytes);
    finalize: entries sorted of distinct words. Amounts never go down, and a phase reaches its
    total only when it is really over.
*/
struct JobProgress
{
    PhaseProgress scan;
    PhaseProgress map;
    PhaseProgress reduce;
    PhaseProgress finalize;
    qint64 bytesPlanned = 0;
    qint64 filesSkipped = 0;
    qint64 elapsedMs = 0; // wall time since start, paused time included
    qint64 workingMs = 0; // elapsedMs less the time spent paused: what speeds are worked out from
    // A stream (standard input) is still being read: bytesPlanned and map.total grow with it,
    // and no time left can be worked out.
    bool readingStream = false;
    // The bytes of the chunks whose tables were merged (a byte-order mark's once planned), of
    // map.total: the merge in the unit the map counts in, since chunks differ in size (a
    // folder's small files are a chunk each).
    qint64 bytesMerged = 0;
    // Distinct words in the tables merged so far; those of files still in the merge overlap
    // the total's, so it may run a little high. What the sort to come will have to order.
    qint64 distinctSoFar = 0;

    friend bool operator==(const JobProgress &a, const JobProgress &b)
    {
        return a.scan == b.scan && a.map == b.map && a.reduce == b.reduce
            && a.finalize == b.finalize && a.bytesPlanned == b.bytesPlanned
            && a.filesSkipped == b.filesSkipped && a.readingStream == b.readingStream
            && a.bytesMerged == b.bytesMerged && a.distinctSoFar == b.distinctSoFar;
    }
    friend bool operator!=(const JobProgress &a, const JobProgress &b) { return !(a == b); }
};
Q_DECLARE_METATYPE(JobProgress)
