// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countresult.h"

#include <QFuture>
#include <QStringList>

#include <memory>

/*!
    \brief Merges result files on a worker thread (ResultReader::merge()), for the desktop's
    Open Results and the command-line program's --merge: reading and sorting millions of rows
    takes seconds, which neither an event loop nor Ctrl-C should wait for.

    Cancelling is QFuture::cancel() on the future start() returns (or cancel() here): the worker
    sees it within a few thousand rows, and a cancelled future has no result. Destroying the
    task cancels the merge and waits for its worker, which returns promptly.
*/
class ResultMergeTask final
{
public:
    //! What the worker hands back.
    struct Outcome
    {
        std::shared_ptr<CountResult> result; // null when no file could be read
        QStringList errors; // "PATH: reason", one per file left out
    };

    ResultMergeTask() = default;
    ~ResultMergeTask();
    Q_DISABLE_COPY_MOVE(ResultMergeTask)

    //! Starts merging \a paths on QThreadPool::globalInstance(); watch the future it returns.
    QFuture<Outcome> start(const QStringList &paths);
    //! Cancels the running merge, if any.
    void cancel();

private:
    QFuture<Outcome> m_future;
};
