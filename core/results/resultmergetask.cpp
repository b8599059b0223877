// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/resultmergetask.h"

#include "core/results/resultreader.h"

#include <QtConcurrent/QtConcurrentRun>

ResultMergeTask::~ResultMergeTask()
{
    cancel();
    m_future.waitForFinished();
}

QFuture<ResultMergeTask::Outcome> ResultMergeTask::start(const QStringList &paths)
{
    m_cancel->store(false);
    // Runs on a worker thread.
    m_future = QtConcurrent::run([paths, cancel = m_cancel] {
        Outcome outcome;
        outcome.result = ResultReader::merge(paths, &outcome.errors, cancel.get());
        return outcome;
    });
    return m_future;
}

void ResultMergeTask::cancel()
{
    m_cancel->store(true);
}
