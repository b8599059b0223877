// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSemaphore>
#include <QThreadPool>

#include <atomic>

namespace ParallelTasks {

/*!
    Runs task(0) … task(count - 1) on the calling thread and on the idle threads of \a pool (none
    if it is null), which take the next task number as they come free; returns when all are
    done. Not QtConcurrent::blockingMap: that queues the tasks on the pool and waits for them,
    and when the caller is itself one of the pool's threads (a job's sort runs on its job's pool,
    an export on the global one) with no other free, it waits for itself forever.
*/
template<typename Task> void run(QThreadPool *pool, qsizetype count, const Task &task)
{
    std::atomic<qsizetype> next = 0;
    const auto work = [&] {
        for (qsizetype i = next.fetch_add(1); i < count; i = next.fetch_add(1))
            task(i);
    };
    QSemaphore helpersDone;
    int helpers = 0;
    while (pool && helpers < count - 1 && pool->tryStart([&] {
        work();
        helpersDone.release();
    }))
        ++helpers;
    work();
    helpersDone.acquire(helpers);
}

} // namespace ParallelTasks
