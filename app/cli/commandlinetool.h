// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/results/resultmergetask.h"
#include "core/results/resultwriter.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class CountJob;
class QTimer;
struct CountResult;

/*!
    \brief wordmill-cli: parses the command line, runs one CountJob headless (or, with --merge,
    adds up result files on a worker thread) and prints the counts on stdout, problems and
    progress on stderr.

    Exit status: 0 all counted, 1 some input could not be counted, 2 usage error,
    130 interrupted (the job is cancelled through the same path as the desktop's Cancel).
*/
class CommandLineTool final : public QObject
{
    Q_OBJECT

public:
    enum ExitCode { Success = 0, SomeSkipped = 1, UsageError = 2, Interrupted = 130 };

    explicit CommandLineTool(QObject *parent = nullptr);
    ~CommandLineTool() override;
    Q_DISABLE_COPY_MOVE(CommandLineTool)

    //! Starts the job; returns an exit code if there is nothing to wait for, else -1.
    int start(const QStringList &arguments);
    //! Ctrl-C: cancels the job; done(Interrupted) follows.
    void interrupt();

Q_SIGNALS:
    void done(int exitCode);

private:
    void startMerge(const QStringList &paths);
    void onFinished();
    void onMergeFinished();
    bool writeResult(const CountResult &result);
    void printProgress(bool last);

    QPointer<CountJob> m_job;
    ResultMergeTask m_mergeTask; // --merge: cancels and waits for its worker when the tool goes
    QFutureWatcher<ResultMergeTask::Outcome> m_merge;
    QTimer *m_progressTimer = nullptr;
    ResultFormat m_format = ResultFormat::Tsv;
    qsizetype m_top = -1;
    bool m_progress = false;
    bool m_progressOnTerminal = false;
    bool m_interrupted = false;
    QElapsedTimer m_clock;
};
