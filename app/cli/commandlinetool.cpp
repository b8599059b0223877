// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commandlinetool.h"

#include "app/cli/atomicoutputfile.h"
#include "app/cli/streamrole.h"
#include "app/common/stopsignalnotifier.h"
#include "core/engine/countjob.h"
#include "core/format/progressformat.h"
#include "core/format/progressjson.h"
#include "core/results/resultreader.h"
#include "core/text/localpath.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QThread>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace {

void printErr(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

// False, with the reason on stderr, when stdout cannot take \a bytes (a full disk, a closed pipe):
// a help text or a result that silently went nowhere must not exit 0.
bool printOut(const QByteArray &bytes)
{
    errno = 0;
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return true;
    printErr(CommandLineTool::tr("wordmill-cli: cannot write the output: %1\n")
                 .arg(qt_error_string(errno)));
    return false;
}

const QString &StandardInput = ResultReader::StandardInput;

// The whole of \a path ("-": standard input), read by its bytes; false, with \a error, if not.
bool readAllOf(const QString &path, QByteArray *bytes, QString *error)
{
    QFile file;
    int fd = STDIN_FILENO;
    if (path != StandardInput) {
        fd = ::open(LocalPath::toNative(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            *error = qt_error_string(errno);
            return false;
        }
    }
    const auto owner
        = path == StandardInput ? QFileDevice::DontCloseHandle : QFileDevice::AutoCloseHandle;
    if (!file.open(fd, QIODevice::ReadOnly, owner)) {
        *error = file.errorString();
        return false;
    }
    *bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

CommandLineTool::CommandLineTool(QObject *parent)
    : QObject(parent)
{ }

CommandLineTool::~CommandLineTool()
{
    // m_mergeTask cancels its worker and waits for it.
}

int CommandLineTool::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Counts the words of text files with a parallel map-reduce and prints "
           "word<TAB>count lines, most frequent first.\n"
           "With --merge, adds up the counts of result files written before instead."));
    parser.addPositionalArgument(tr("PATH"),
                                 tr("Files and folders to count (folders recursively); '-', or "
                                    "no PATH while standard input is not a terminal, counts "
                                    "standard input; with --merge, result files (TSV or JSON)."),
                                 tr("PATH..."));
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  tr("Counting rules: 'words' (Unicode words, lowercased, the "
                                     "default) or 'whitespace' (split at ASCII whitespace)."),
                                  tr("words|whitespace"), QStringLiteral("words"));
    const QCommandLineOption threads(
        QStringLiteral("threads"),
        tr("Worker threads (default: %1, the cores found).").arg(QThread::idealThreadCount()),
        tr("N"));
    const QCommandLineOption chunk(QStringLiteral("chunk-size"),
                                   tr("Bytes per chunk of work, at least 1024; K, M and G "
                                      "suffixes allowed (default 4M)."),
                                   tr("BYTES"));
    const QCommandLineOption top(QStringLiteral("top"), tr("Print only the N most frequent words."),
                                 tr("N"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("Output format: tsv (default), csv or json."),
                                    tr("tsv|csv|json"), QStringLiteral("tsv"));
    const QCommandLineOption sample(QStringLiteral("sample"),
                                    tr("Count BYTES of generated sample text (K, M, G suffixes "
                                       "allowed) instead of, or besides, files."),
                                    tr("BYTES"));
    const QCommandLineOption progress(
        QStringLiteral("progress"),
        tr("Show progress on stderr (the default when stderr is a terminal); --progress=json "
           "writes one JSON object per line instead, for scripts."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), tr("Show no progress."));
    const QCommandLineOption merge(
        QStringLiteral("merge"),
        tr("Read the PATHs as WordMill results (TSV or JSON, as --format writes them; '-' "
           "reads one from standard input), add up their counts and print the merged result. "
           "--mode, --sample, --threads and --chunk-size do not apply."));
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        tr("Write the result to FILE instead of standard output. FILE is replaced only once the "
           "whole result is written: a run that fails or is stopped leaves it as it was."),
        tr("FILE"));
    const QCommandLineOption files0(
        QStringLiteral("files0-from"),
        tr("Read the PATHs from FILE, each ended by a NUL byte, as 'find -print0' writes them "
           "('-': standard input), instead of from the command line."),
        tr("FILE"));
    const QCommandLineOption map(
        QStringLiteral("map"),
        tr("Hadoop Streaming mapper: count the text on standard input (decoded as files are, with "
           "the --mode rules) and print partial counts, word<TAB>count lines in no order; a word "
           "may appear on several lines. Memory stays near --map-memory."));
    const QCommandLineOption reduce(
        QStringLiteral("reduce"),
        tr("Hadoop Streaming reducer: read word<TAB>count lines sorted by word (as the shuffle or "
           "LC_ALL=C sort delivers them) on standard input and print each word once with the sum "
           "of its counts, in constant memory. Unsorted or malformed input is an error (exit "
           "status 2)."));
    const QCommandLineOption mapMemory(
        QStringLiteral("map-memory"),
        tr("With --map: print and forget the counts before they take more than BYTES of memory "
           "(K, M, G suffixes allowed; default 64M)."),
        tr("BYTES"));
    parser.addOptions({mode, threads, chunk, top, format, sample, progress, quiet, merge, output,
                       files0, map, reduce, mapMemory});
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    const auto usage = [](const QString &message) {
        printErr(QStringLiteral("wordmill-cli: %1\n").arg(message)
                 + tr("Try 'wordmill-cli --help' for more information.\n"));
        return int(UsageError);
    };
    // QCommandLineParser knows no optional values: "--progress=json" is "--progress" with a
    // format, as GNU tools spell such options.
    QStringList options = arguments;
    QString progressFormat = QStringLiteral("text");
    for (qsizetype i = 1; i < options.size() && options.at(i) != QLatin1String("--"); ++i) {
        if (options.at(i).startsWith(QLatin1String("--progress="))) {
            progressFormat = options.at(i).mid(int(qstrlen("--progress=")));
            options[i] = QStringLiteral("--progress");
        }
    }
    if (!parser.parse(options))
        return usage(parser.errorText());
    if (progressFormat != QLatin1String("text") && progressFormat != QLatin1String("json"))
        return usage(tr("unknown progress format '%1': use text or json").arg(progressFormat));
    m_jsonProgress = progressFormat == QLatin1String("json");
    if (parser.isSet(help))
        return printOut(parser.helpText().toLocal8Bit()) ? Success : OutputFailed;
    if (parser.isSet(version))
        return printOut("wordmill-cli " WORDMILL_VERSION "\n") ? Success : OutputFailed;

    if (parser.isSet(merge)) {
        // Counts already made have their mode; the counting options would silently do nothing.
        for (const QCommandLineOption *option : {&mode, &sample, &threads, &chunk}) {
            if (parser.isSet(*option))
                return usage(tr("--merge adds up result files: --%1 does not apply")
                                 .arg(option->names().constFirst()));
        }
    }

    const QCommandLineOption *role = parser.isSet(map) ? &map
        : parser.isSet(reduce)                         ? &reduce
                                                       : nullptr;
    if (role) {
        const QString name = QStringLiteral("--") + role->names().constFirst();
        for (const QCommandLineOption *other : {&map, &reduce, &merge}) {
            if (other != role && parser.isSet(*other))
                return usage(tr("%1 and %2 cannot be used together")
                                 .arg(name, QStringLiteral("--") + other->names().constFirst()));
        }
        if (!parser.positionalArguments().isEmpty())
            return usage(tr("%1 reads standard input: give no PATH").arg(name));
        // What the streaming roles cannot honour is refused rather than silently ignored.
        for (const QCommandLineOption *option :
             {&sample, &threads, &chunk, &top, &format, &output, &files0}) {
            if (parser.isSet(*option))
                return usage(tr("%1 streams word<TAB>count lines: --%2 does not apply")
                                 .arg(name, option->names().constLast()));
        }
        if (role == &reduce && parser.isSet(mode))
            return usage(tr("%1 streams word<TAB>count lines: --%2 does not apply")
                             .arg(name, mode.names().constFirst()));
    }
    if (parser.isSet(mapMemory) && role != &map)
        return usage(tr("--map-memory applies to --map only"));

    JobSpec spec;
    spec.paths = parser.positionalArguments();
    if (parser.isSet(files0)) {
        if (!spec.paths.isEmpty())
            return usage(tr("--files0-from gives the inputs: give no PATH as well"));
        const QString listPath = parser.value(files0);
        QByteArray list;
        QString error;
        if (!readAllOf(listPath, &list, &error)) {
            printErr(tr("wordmill-cli: cannot read the list of inputs %1: %2\n")
                         .arg(LocalPath::quoted(listPath), error));
            return SomeSkipped;
        }
        const QList<QByteArray> names = list.split('\0');
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (!names.at(i).isEmpty())
                spec.paths.append(LocalPath::fromNative(names.at(i)));
            else if (i + 1 < names.size()) // the last NUL ends the list, it starts no name
                m_listProblems.append(tr("wordmill-cli: %1: entry %2 is an empty name\n")
                                          .arg(LocalPath::quoted(listPath))
                                          .arg(i + 1));
        }
        if (listPath == StandardInput && spec.paths.contains(StandardInput))
            return usage(tr("the list of inputs comes from standard input: it cannot name '-'"));
    }
    if (!parseCountingMode(parser.value(mode), &spec.mode))
        return usage(tr("unknown mode '%1': use words or whitespace").arg(parser.value(mode)));
    if (role) {
        qint64 memory = StreamCounter::DefaultMemoryLimit;
        if (parser.isSet(mapMemory)) {
            memory = ProgressFormat::parseBytes(parser.value(mapMemory));
            if (memory < 1)
                return usage(tr("--map-memory needs a size in bytes, such as 64M"));
        }
        m_streamRole = std::make_unique<StreamRole>(
            role == &map ? StreamRole::Map : StreamRole::Reduce, spec.mode, memory);
        connect(&m_streamRoleDone, &QFutureWatcher<int>::finished, this,
                &CommandLineTool::onStreamRoleFinished);
        m_streamRoleDone.setFuture(m_streamRole->start());
        return -1;
    }
    if (!ResultWriter::parseFormat(parser.value(format), &m_format))
        return usage(tr("unknown format '%1': use tsv, csv or json").arg(parser.value(format)));
    if (parser.isSet(threads)) {
        bool ok = false;
        spec.workers = parser.value(threads).toInt(&ok);
        if (!ok || spec.workers < 1 || spec.workers > 1024)
            return usage(tr("--threads needs a whole number from 1 to 1024"));
    }
    if (parser.isSet(chunk)) {
        spec.chunkSize = ProgressFormat::parseBytes(parser.value(chunk));
        if (spec.chunkSize < JobSpec::MinChunkSize || spec.chunkSize > JobSpec::MaxChunkSize)
            return usage(tr("--chunk-size needs a size from 1K to 1G"));
    }
    if (parser.isSet(top)) {
        bool ok = false;
        m_top = parser.value(top).toLongLong(&ok);
        if (!ok || m_top < 1)
            return usage(tr("--top needs a whole number of at least 1"));
    }
    if (parser.isSet(sample)) {
        spec.sampleBytes = ProgressFormat::parseBytes(parser.value(sample));
        if (spec.sampleBytes < 1)
            return usage(tr("--sample needs a size in bytes, such as 100M"));
    }
    if (spec.paths.count(StandardInput) > 1)
        return usage(tr("'-' (standard input) can be given once"));
    if (!parser.isSet(merge)) {
        // As wc and sort do: '-' is standard input, and so is no input at all while standard
        // input is not a terminal (a pipe, a redirected file).
        if (spec.paths.removeOne(StandardInput)
            || (spec.paths.isEmpty() && !parser.isSet(files0) && spec.sampleBytes == 0
                && !::isatty(STDIN_FILENO)))
            spec.inputStream = STDIN_FILENO;
    }
    if (parser.isSet(output)) {
        m_output = std::make_unique<AtomicOutputFile>(LocalPath::toNative(parser.value(output)));
        // Before the work, so that a wrong name is said at once and not after an hour of counting.
        if (!m_output->open()) {
            printErr(tr("wordmill-cli: cannot write %1: %2\n")
                         .arg(LocalPath::quoted(parser.value(output)), m_output->errorString()));
            return OutputFailed;
        }
        m_outputName = parser.value(output);
    }
    for (const QString &problem : std::as_const(m_listProblems))
        printErr(problem);
    if (parser.isSet(merge) && spec.paths.isEmpty())
        return usage(tr("no input: --merge needs result files (TSV or JSON)"));
    if (spec.paths.isEmpty() && spec.sampleBytes == 0 && spec.inputStream < 0)
        return usage(tr("no input: give files or folders, '-' for standard input, or --sample "
                        "BYTES"));

    m_progressOnTerminal = ::isatty(STDERR_FILENO) && !m_jsonProgress;
    m_progress = !parser.isSet(quiet) && (parser.isSet(progress) || m_progressOnTerminal);
    if (parser.isSet(merge)) {
        startMerge(spec.paths);
        return -1;
    }

    m_job = new CountJob(spec, this);
    connect(m_job, &CountJob::finished, this, &CommandLineTool::onFinished);
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
    if (m_job)
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
