// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commandlinetool.h"

#include "app/cli/commandlineoptions.h"
#include "app/cli/console.h"
#include "app/cli/streamrole.h"
#include "app/common/stopsignalnotifier.h"
#include "core/engine/countjob.h"
#include "core/engine/jobcheckpoint.h"
#include "core/format/progressformat.h"
#include "core/format/progressjson.h"
#include "core/results/atomicoutputfile.h"
#include "core/text/localpath.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using Console::printErr;

CommandLineTool::CommandLineTool(QObject *parent)
    : QObject(parent)
{ }

CommandLineTool::~CommandLineTool()
{
    // m_mergeTask cancels its worker and waits for it.
}

int CommandLineTool::start(const QStringList &arguments)
{
    CommandLineOptions options;
    const int early = options.parse(arguments);
    if (early >= 0)
        return early;
    if (options.action == CommandLineOptions::Map || options.action == CommandLineOptions::Reduce) {
        m_streamRole = std::make_unique<StreamRole>(
            options.action == CommandLineOptions::Map ? StreamRole::Map : StreamRole::Reduce,
            options.spec.mode, options.mapMemory);
        connect(&m_streamRoleDone, &QFutureWatcher<int>::finished, this,
                &CommandLineTool::onStreamRoleFinished);
        m_streamRoleDone.setFuture(m_streamRole->start());
        return -1;
    }
    m_format = options.format;
    m_top = options.top;
    m_jsonProgress = options.jsonProgress;
    m_listProblems = options.listProblems;
    if (!options.outputPath.isEmpty()) {
        m_output = std::make_unique<AtomicOutputFile>(LocalPath::toNative(options.outputPath));
        // Before the work, so that a wrong name is said at once and not after an hour of counting.
        if (!m_output->open()) {
            printErr(tr("wordmill-cli: cannot write %1: %2\n")
                         .arg(LocalPath::quoted(options.outputPath), m_output->errorString()));
            return OutputFailed;
        }
        m_outputName = options.outputPath;
    }

    m_checkpointPath = options.spec.checkpointPath;
    if (!m_checkpointPath.isEmpty()) {
        // As for -o: a checkpoint that cannot be written is said before the work, not after it.
        QFile probe(m_checkpointPath + QStringLiteral(".tmp"));
        if (!probe.open(QIODevice::WriteOnly)) {
            printErr(tr("wordmill-cli: cannot write the checkpoint %1: %2\n")
                         .arg(LocalPath::quoted(m_checkpointPath), probe.errorString()));
            return OutputFailed;
        }
        probe.remove();
    }
    if (!options.resumePath.isEmpty() && !prepareResume(&options))
        return UsageError;

    m_progressOnTerminal = ::isatty(STDERR_FILENO) && !m_jsonProgress;
    m_progress = !options.quiet && (options.progress || m_progressOnTerminal);
    if (options.action == CommandLineOptions::Merge) {
        startMerge(options.spec.paths);
        return -1;
    }

    m_job = new CountJob(options.spec, this);
    connect(m_job, &CountJob::finished, this, &CommandLineTool::onFinished);
    if (!m_resumePath.isEmpty())
        connect(m_job, &CountJob::stateChanged, this, &CommandLineTool::onStateChanged);
    if (m_progress) {
        m_progressTimer = new QTimer(this);
        m_progressTimer->setInterval(m_progressOnTerminal ? 200 : 1000);
        connect(m_progressTimer, &QTimer::timeout, this, [this] { printProgress(false); });
        m_progressTimer->start();
    }
    m_clock.start();
    m_job->start();
    return -1;
}

bool CommandLineTool::prepareResume(CommandLineOptions *options)
{
    JobCheckpoint::Error error = JobCheckpoint::NoError;
    QString errorText;
    std::shared_ptr<JobCheckpoint> checkpoint
        = JobCheckpoint::read(options->resumePath, &error, &errorText);
    if (!checkpoint) {
        if (options->jobFromCheckpoint) {
            printErr(QStringLiteral("wordmill-cli: %1\n").arg(errorText)
                     + tr("wordmill-cli: give the inputs to count them from the start\n"));
            return false;
        }
        if (error == JobCheckpoint::NotFound)
            printErr(tr("wordmill-cli: %1: no checkpoint to resume from; counting from the start\n")
                         .arg(LocalPath::quoted(options->resumePath)));
        else
            printErr(tr("wordmill-cli: %1; counting from the start\n").arg(errorText));
        return true;
    }
    JobSpec &spec = options->spec;
    if (options->jobFromCheckpoint) {
        spec.paths = checkpoint->paths;
        spec.sampleBytes = checkpoint->sampleBytes;
        spec.sampleSeed = checkpoint->sampleSeed;
        spec.mode = checkpoint->mode;
        spec.chunkSize = checkpoint->chunkSize;
    }
    spec.resumeFrom = std::move(checkpoint);
    m_resumePath = options->resumePath;
    return true;
}

void CommandLineTool::onStateChanged()
{
    if (!m_job || m_job->state() != CountJob::Counting)
        return;
    const QString name = LocalPath::quoted(m_resumePath);
    const QString notice = m_job->resumeNotice();
    if (m_job->isResumed() && !notice.isEmpty())
        printErr(tr("wordmill-cli: resuming from %1; %2\n").arg(name, notice));
    else if (m_job->isResumed())
        printErr(tr("wordmill-cli: resuming from %1\n").arg(name));
    else if (!notice.isEmpty())
        printErr(tr("wordmill-cli: cannot resume from %1: %2; counting from the start\n")
                     .arg(name, notice));
}

void CommandLineTool::startMerge(const QStringList &paths)
{
    connect(&m_merge, &QFutureWatcher<ResultMergeTask::Outcome>::finished, this,
            &CommandLineTool::onMergeFinished);
    m_clock.start();
    // Runs on a worker thread, so that Ctrl-C still reaches the event loop and cancels it.
    m_merge.setFuture(m_mergeTask.start(paths));
}

void CommandLineTool::stop(int signalNumber)
{
    if (m_stopSignal == 0)
        m_stopSignal = signalNumber;
    m_mergeTask.cancel();
    if (m_streamRole)
        m_streamRole->cancel();
    if (m_job && !m_checkpointPath.isEmpty())
        m_job->keepForLater(); // a stopped script resumes where it was
    else if (m_job)
        m_job->cancel();
}

void CommandLineTool::printProgress(bool last)
{
    if (!m_job)
        return;
    if (m_jsonProgress) {
        const std::shared_ptr<const CountResult> result = last ? m_job->result() : nullptr;
        printErr(QString::fromUtf8(ProgressJson::line(m_job->state(), m_job->progress(),
                                                      result ? &result->totals : nullptr)
                                   + '\n'));
        return;
    }
    const QString line = ProgressFormat::statusLine(m_job->state(), m_job->progress());
    if (m_progressOnTerminal)
        printErr(QStringLiteral("\r\x1b[K") + line + (last ? QStringLiteral("\n") : QString()));
    else
        printErr(line + QLatin1Char('\n'));
}

void CommandLineTool::onFinished()
{
    if (m_progressTimer)
        m_progressTimer->stop();
    if (m_stopSignal != 0 || m_job->state() == CountJob::Cancelled) {
        if (m_progress && m_progressOnTerminal)
            printErr(QStringLiteral("\r\x1b[K"));
        if (m_progress && m_jsonProgress)
            printProgress(true); // a script learns how it ended

        reportStopped();
        return;
    }
    if (m_progress)
        printProgress(true);
    bool skipped = false;
    // Const: a range-for over the returned list would detach it from the job's result and copy
    // it, 128 bytes an input (13 MB for 100,000 files).
    const QList<FileReport> reports = m_job->fileReports();
    for (const FileReport &file : reports) {
        if (file.status == FileReport::Skipped) {
            // Whole paths, as given: a base name could be any of several files.
            const QString name
                = file.isStream ? ProgressFormat::fileName(file) : LocalPath::quoted(file.path());
            printErr(QStringLiteral("wordmill-cli: %1: %2\n")
                         .arg(name, ProgressFormat::problemText(file)));
            skipped = true;
        }
    }
    if (!m_job->checkpointError().isEmpty())
        printErr(QStringLiteral("wordmill-cli: %1\n").arg(m_job->checkpointError()));
    const std::shared_ptr<const CountResult> result = m_job->result();
    if (result) {
        if (!writeResult(*result)) {
            Q_EMIT done(SomeSkipped);
            return;
        }
        if (m_progress && !m_jsonProgress) // the last JSON line carries the totals
            printErr(ProgressFormat::summaryLine(*result) + QLatin1Char('\n'));
        if (result->totals.overlongWords > 0) {
            const int overlong = int(std::min(result->totals.overlongWords, quint64(INT_MAX)));
            printErr(ProgressFormat::withCount(
                tr("wordmill-cli: %n word(s) longer than 1000 bytes were not counted\n", nullptr,
                   overlong),
                overlong));
        }
    } else if (!m_job->errorString().isEmpty()) {
        printErr(QStringLiteral("wordmill-cli: %1\n").arg(m_job->errorString()));
    }
    Q_EMIT done(skipped || !result || !m_listProblems.isEmpty() ? SomeSkipped : Success);
}

void CommandLineTool::onMergeFinished()
{
    if (m_stopSignal != 0 || m_merge.isCanceled()) {
        reportStopped();
        return;
    }
    const ResultMergeTask::Outcome outcome = m_merge.result();
    for (const QString &error : outcome.errors)
        printErr(QStringLiteral("wordmill-cli: %1\n").arg(error));
    if (!outcome.result) {
        printErr(tr("wordmill-cli: none of the result files could be read; nothing was printed\n"));
        Q_EMIT done(SomeSkipped);
        return;
    }
    if (!writeResult(*outcome.result)) {
        Q_EMIT done(SomeSkipped);
        return;
    }
    if (m_progress) {
        const CountTotals &t = outcome.result->totals;
        printErr(ProgressFormat::withCount(
                     QCoreApplication::translate("CommandLineTool",
                                                 "Merged %1 words (%2 distinct) from %n result "
                                                 "file(s) in %3\n",
                                                 nullptr, int(t.filesCounted)),
                     t.filesCounted)
                     .arg(ProgressFormat::count(quint64(t.words)),
                          ProgressFormat::count(quint64(t.distinctWords)),
                          ProgressFormat::duration(m_clock.elapsed())));
    }
    Q_EMIT done(outcome.errors.isEmpty() && m_listProblems.isEmpty() ? Success : SomeSkipped);
}

void CommandLineTool::onStreamRoleFinished()
{
    // A cancelled role's future holds no result.
    const int code = m_streamRoleDone.isCanceled() ? -1 : m_streamRoleDone.result();
    if (code >= 0 && m_stopSignal == 0) {
        Q_EMIT done(code);
        return;
    }
    // Rows went out as they were made: what the role printed before the stop is not the whole.
    const int signalNumber = m_stopSignal != 0 ? m_stopSignal : SIGINT;
    if (signalNumber == SIGINT)
        printErr(tr("wordmill-cli: interrupted; the output is incomplete\n"));
    else
        printErr(tr("wordmill-cli: stopped by %1; the output is incomplete\n")
                     .arg(StopSignalNotifier::signalName(signalNumber)));
    Q_EMIT done(StoppedBySignal + signalNumber);
}

void CommandLineTool::reportStopped()
{
    if (m_job && !m_job->checkpointError().isEmpty())
        printErr(QStringLiteral("wordmill-cli: %1\n").arg(m_job->checkpointError()));
    else if (m_job && m_job->isKeptForLater()
             && QFile::exists(m_checkpointPath)) // nothing is written before counting begins
        printErr(tr("wordmill-cli: the work so far is kept in %1: continue it with --resume\n")
                     .arg(LocalPath::quoted(m_checkpointPath)));
    const int signalNumber = m_stopSignal != 0 ? m_stopSignal : SIGINT;
    if (signalNumber == SIGINT)
        printErr(tr("wordmill-cli: interrupted; nothing was printed\n"));
    else
        printErr(tr("wordmill-cli: stopped by %1; nothing was printed\n")
                     .arg(StopSignalNotifier::signalName(signalNumber)));
    Q_EMIT done(StoppedBySignal + signalNumber);
}

bool CommandLineTool::writeResult(const CountResult &result)
{
    if (m_output) {
        if (!ResultWriter::write(result, m_format, m_output->device(), m_top)
            || !m_output->commit()) {
            printErr(tr("wordmill-cli: cannot write %1: %2\n")
                         .arg(LocalPath::quoted(m_outputName), m_output->errorString()));
            return false;
        }
        return true;
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)
        || !ResultWriter::write(result, m_format, &out, m_top) || !out.flush()) {
        printErr(tr("wordmill-cli: cannot write the results: %1\n").arg(out.errorString()));
        return false;
    }
    return true;
}
