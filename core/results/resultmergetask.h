// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countresult.h"

#include <QFuture>
#include <QStringList>

#include <atomic>
#include <memory>

/*!
    \brief Merges result files on a worker thread (ResultReader::merge()), for the desktop's
    Open Results and the command-line program's --merge: reading and sorting millions of rows
    takes seconds, which neither an event loop nor Ctrl-C should wait for.

    Lives on the thread that starts it; destroying it cancels the merge and waits for its worker,
    which returns promptly.
*/
class ResultMergeTask final
{
public:
    //! What the worker hands back.
    struct Outcome
    {
        std::shared_ptr<CountResult> result; // null when no file could be read, or cancelled
        QStringList errors; // "PATH: reason", one per file left out
    };

    ResultMergeTask() = default;
    ~ResultMergeTask();
    Q_DISABLE_COPY_MOVE(ResultMergeTask)

    //! Starts merging \a paths on QThreadPool::globalInstance(); watch the future it returns.
    QFuture<Outcome> start(const QStringList &paths);
    //! Asks the worker to stop: its outcome then has a null result.
    void cancel();

private:
    // Shared with the worker, which may outlive a cancel by a few milliseconds.
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    QFuture<Outcome> m_future;
};
