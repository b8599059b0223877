// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/resultmergetask.h"

#include "core/results/resultreader.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

ResultMergeTask::~ResultMergeTask()
{
    cancel();
    m_future.waitForFinished();
}

QFuture<ResultMergeTask::Outcome> ResultMergeTask::start(const QStringList &paths)
{
    // Runs on a worker thread.
    m_future = QtConcurrent::run([paths](QPromise<Outcome> &promise) {
        Outcome outcome;
        outcome.result = ResultReader::merge(paths, &outcome.errors,
                                             [&promise] { return promise.isCanceled(); });
        promise.addResult(std::move(outcome)); // dropped if the future was cancelled
    });
    return m_future;
}

void ResultMergeTask::cancel()
{
    m_future.cancel();
}
