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

class AtomicOutputFile;
struct CommandLineOptions;
class CountJob;
class StreamRole;
class QTimer;
struct CountResult;

/*!
    \brief wordmill-cli: parses the command line, runs one CountJob headless (or, with --merge,
    adds up result files on a worker thread) and prints the counts on stdout, problems and
    progress on stderr.

    With --map and --reduce it is a Hadoop Streaming mapper or reducer (StreamRole): standard input
    to standard output, word<TAB>count lines.

    Exit status: 0 all counted, 1 some input could not be counted or the output could not be
    written, 2 usage error or (--reduce) input that is not sorted word<TAB>count lines, 128 + the
   signal's number when stopped by SIGINT (130), SIGTERM (143) or SIGHUP (129): the job is cancelled
   through the same path as the desktop's Cancel, and the status is the one shells expect of a
   program a signal ended.
*/
class CommandLineTool final : public QObject
{
    Q_OBJECT

public:
    enum ExitCode {
        Success = 0,
        SomeSkipped = 1,
        OutputFailed = 1, // stdout could not take the output
        UsageError = 2,
        BadInput = 2, // --reduce: unsorted input, a malformed line, a sum beyond 2^64 - 1
        StoppedBySignal = 128,
    };

    explicit CommandLineTool(QObject *parent = nullptr);
    ~CommandLineTool() override;
    Q_DISABLE_COPY_MOVE(CommandLineTool)

    //! Starts the job; returns an exit code if there is nothing to wait for, else -1.
    int start(const QStringList &arguments);
    //! Ctrl-C, SIGTERM or SIGHUP: cancels the job; done(StoppedBySignal + signal) follows.
    void stop(int signalNumber);

Q_SIGNALS:
    void done(int exitCode);

private:
    void startMerge(const QStringList &paths);
    //! --resume: reads the checkpoint into \a options' spec, or says why it cannot be used (the
    //! count then starts over); false when there is then nothing to count.
    bool prepareResume(CommandLineOptions *options);
    void onStateChanged();
    void onStreamRoleFinished();
    void onFinished();
    void onMergeFinished();
    bool writeResult(const CountResult &result);
    void printProgress(bool last);

    QPointer<CountJob> m_job;
    ResultMergeTask m_mergeTask; // --merge: cancels and waits for its worker when the tool goes
    QFutureWatcher<ResultMergeTask::Outcome> m_merge;
    std::unique_ptr<StreamRole>
        m_streamRole; // --map, --reduce: cancels and waits when the tool goes
    QFutureWatcher<int> m_streamRoleDone;
    QTimer *m_progressTimer = nullptr;
    ResultFormat m_format = ResultFormat::Tsv;
    qsizetype m_top = -1;
    bool m_progress = false;
    bool m_progressOnTerminal = false;
    bool m_jsonProgress = false; // --progress=json
    void reportStopped();

    int m_stopSignal = 0; // the signal that asked to stop, or 0
    std::unique_ptr<AtomicOutputFile> m_output; // -o FILE
    QString m_outputName;
    QStringList m_listProblems; // --files0-from entries that name nothing: said, exit status 1
    QString m_checkpointPath; // --checkpoint
    QString m_resumePath; // --resume
    QElapsedTimer m_clock;
};
