// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/streamrole.h"

#include "app/cli/commandlinetool.h"
#include "core/engine/filereport.h"
#include "core/format/progressformat.h"
#include "core/results/resultwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

#include <climits>
#include <cstdio>
#include <unistd.h>

namespace {

// The texts are the command-line program's: one translation context for all it says.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandLineTool)
};

// Called on the worker thread; stdio's locking keeps lines whole.
void printErr(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

// Called on the worker thread.
void printInputProblem(FileProblem problem, const QString &details)
{
    FileReport report;
    report.problem = problem;
    report.details = details;
    printErr(
        Text::tr("wordmill-cli: standard input: %1\n").arg(ProgressFormat::problemText(report)));
}

// Standard input and output as unbuffered devices: both roles read and write a MiB at a time.
// Called on the worker thread.
bool openStandardStreams(QFile *in, QFile *out)
{
    if (!in->open(STDIN_FILENO, QIODevice::ReadOnly | QIODevice::Unbuffered,
                  QFileDevice::DontCloseHandle)) {
        printInputProblem(FileProblem::CannotOpen, in->errorString());
        return false;
    }
    if (!out->open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered,
                   QFileDevice::DontCloseHandle)) {
        printErr(Text::tr("wordmill-cli: cannot write the results: %1\n").arg(out->errorString()));
        return false;
    }
    return true;
}

} // namespace

StreamRole::StreamRole(Role role, CountingMode mode, qint64 mapMemory)
    : m_role(role)
    , m_counter(mode, mapMemory)
{ }

StreamRole::~StreamRole()
{
    cancel();
    m_future.waitForFinished();
}

QFuture<int> StreamRole::start()
{
    m_future = QtConcurrent::run([this](QPromise<int> &promise) {
        promise.addResult(m_role == Map ? map()
                                        : reduce([&promise] { return promise.isCanceled(); }));
    });
    return m_future;
}

void StreamRole::cancel()
{
    m_future.cancel(); // the reducer polls it
    m_counter.cancel(); // the mapper is the engine's: it has its own stop flag
}

// Runs on the worker thread.
int StreamRole::map()
{
    QFile in;
    QFile out;
    if (!openStandardStreams(&in, &out))
        return CommandLineTool::OutputFailed;
    const StreamCounter::Outcome outcome
        = m_counter.count(STDIN_FILENO, [&out](const WordTable &table) {
              return ResultWriter::writeTsv(table, &out);
          });
    switch (outcome.status) {
    case StreamCounter::Outcome::Counted:
        break;
    case StreamCounter::Outcome::Cancelled:
        return -1;
    case StreamCounter::Outcome::Binary:
        printInputProblem(FileProblem::Binary, outcome.errorString);
        return CommandLineTool::SomeSkipped;
    case StreamCounter::Outcome::ReadFailed:
        printInputProblem(FileProblem::ReadError, outcome.errorString);
        return CommandLineTool::SomeSkipped;
    case StreamCounter::Outcome::FlushFailed:
        printErr(Text::tr("wordmill-cli: cannot write the results: %1\n").arg(out.errorString()));
        return CommandLineTool::OutputFailed;
    }
    if (outcome.overlongWords > 0) {
        const int overlong = int(std::min(outcome.overlongWords, quint64(INT_MAX)));
        printErr(ProgressFormat::withCount(
            Text::tr("wordmill-cli: %n word(s) longer than 1000 bytes were not counted\n", nullptr,
                     overlong),
            overlong));
    }
    return CommandLineTool::Success;
}

// Runs on the worker thread.
int StreamRole::reduce(const StopRequest &stop)
{
    QFile in;
    QFile out;
    if (!openStandardStreams(&in, &out))
        return CommandLineTool::OutputFailed;
    const SortedCountReducer::Outcome outcome = SortedCountReducer::reduce(&in, &out, stop);
    switch (outcome.status) {
    case SortedCountReducer::Outcome::Reduced:
        return CommandLineTool::Success;
    case SortedCountReducer::Outcome::Cancelled:
        return -1;
    case SortedCountReducer::Outcome::Unsorted:
    case SortedCountReducer::Outcome::BadLine:
    case SortedCountReducer::Outcome::Overflow:
        printErr(Text::tr("wordmill-cli: standard input: %1\n").arg(outcome.errorString));
        return CommandLineTool::BadInput;
    case SortedCountReducer::Outcome::ReadFailed:
        printInputProblem(FileProblem::ReadError, outcome.errorString);
        return CommandLineTool::SomeSkipped;
    case SortedCountReducer::Outcome::WriteFailed:
        printErr(Text::tr("wordmill-cli: cannot write the results: %1\n").arg(outcome.errorString));
        return CommandLineTool::OutputFailed;
    }
    return CommandLineTool::OutputFailed;
}
