// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countingmode.h"
#include "core/engine/streamcounter.h"
#include "core/results/sortedcountreducer.h"

#include <QFuture>

/*!
    \brief wordmill-cli's Hadoop Streaming roles, --map (StreamCounter) and --reduce
    (SortedCountReducer), run on a worker thread from standard input to standard output.

    A worker, so that the event loop stays free for the stop signals: cancel() makes the role stop
    at its next MiB of input. A role blocked in a read of standard input sees the cancel only when
    that read returns (with data or at the end of the input). Problems go to stderr from the
    worker; the future's result is the exit status (CommandLineTool::ExitCode), or -1 when
    cancelled. Destroying the role cancels it and waits for its worker.
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
    int reduce();

    Role m_role = Map;
    StreamCounter m_counter;
    SortedCountReducer m_reducer;
    QFuture<int> m_future;
};
