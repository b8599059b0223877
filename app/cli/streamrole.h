// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countingmode.h"
#include "core/engine/streamcounter.h"
#include "core/results/sortedcountreducer.h"

#include <QFuture>

/*!
    \brief wordmill-cli's Hadoop Streaming roles, --map (StreamCounter) and --reduce
    (SortedCountReducer), run on a worker thread from standard input to standard output.

    A worker, so that the event loop stays free for the stop signals. cancel() stops the mapper
    within 0.1 s, even while it waits for input (StreamReader), and the reducer at its next MiB
    of input: while the reducer waits in a read, it sees the cancel only when that read returns.
   Problems go to stderr from the worker; the future's result is the exit status
   (CommandLineTool::ExitCode); a cancelled future may have none. Destroying the role cancels it and
   waits for its worker.
*/
class StreamRole final
{
public:
    enum Role { Map, Reduce };

    StreamRole(Role role, CountingMode mode, qint64 mapMemory);
    ~StreamRole();
    Q_DISABLE_COPY_MOVE(StreamRole)

    QFuture<int> start();
    void cancel();

private:
    // Run on the worker thread.
    int map();
    int reduce(const StopRequest &stop);

    Role m_role = Map;
    StreamCounter m_counter;
    QFuture<int> m_future;
};
