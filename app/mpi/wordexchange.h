// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countresult.h"
#include "core/engine/wordtable.h"

#include <QSet>

#include <mpi.h>

#include <memory>

/*!
    \brief The reduce of wordmill-mpi across ranks: every rank's counts are partitioned by word
    hash and sent to the rank that owns each word (MPI_Alltoallv), each rank adds up and sorts
    its words, and rank 0 merges the sorted runs into the result in output order.

    Collective: every rank of the communicator calls each function, in the same order.
*/
namespace WordExchange {

//! What exchange() took, for --progress=json and the benchmark.
struct Figures
{
    double allToAllSeconds = 0;
    double gatherSeconds = 0;
    qint64 bytesSent = 0; // by this rank in the all-to-all
};

/*!
    Sends the counts of \a result (its table, and the held parts of files not in \a leftOut) to
    their owning ranks, adds up what this rank owns and sorts it; on rank 0 returns a table of
    every rank's words in output order (entry i is rank i), on the others an empty table.
    \a seed picks the partition (the same on every rank).
*/
std::shared_ptr<WordTable> exchange(MPI_Comm comm, const CountResult &result,
                                    const QSet<qint32> &leftOut, quint64 seed, Figures *figures);

/*!
    Gathers \a bytes from every rank on rank 0 (in rank order), in rounds of at most 1 GiB a
    rank, since MPI counts are ints; the other ranks get an empty list.
*/
QList<QByteArray> gather(MPI_Comm comm, const QByteArray &bytes);
//! The same, to every rank.
QList<QByteArray> allGather(MPI_Comm comm, const QByteArray &bytes);

} // namespace WordExchange
