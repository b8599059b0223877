// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commandlineoptions.h"

#include "app/cli/console.h"
#include "core/engine/streamcounter.h"
#include "core/format/progressformat.h"
#include "core/results/resultreader.h"
#include "core/text/localpath.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using Console::printErr;
using Console::printOut;

namespace {

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

int CommandLineOptions::usage(const QString &message) const
{
    printErr(QStringLiteral("%1: %2\n").arg(m_program, message)
             + tr("Try '%1 --help' for more information.\n").arg(m_program));
    return 2;
}

int CommandLineOptions::parse(const QStringList &arguments)
{
    if (!arguments.isEmpty())
        m_program = QFileInfo(arguments.constFirst()).fileName();
    QCommandLineParser parser;
    if (distributed) {
        parser.setApplicationDescription(
            tr("Counts the words of text files with a parallel map-reduce spread over the ranks "
               "of an MPI job (mpirun, srun) and prints what wordmill-cli prints: "
               "word<TAB>count lines, most frequent first."));
        parser.addPositionalArgument(tr("PATH"),
                                     tr("Files and folders to count (folders recursively), on "
                                        "a file system that every rank sees."),
                                     tr("PATH..."));
    } else {
        parser.setApplicationDescription(
            tr("Counts the words of text files with a parallel map-reduce and prints "
               "word<TAB>count lines, most frequent first.\n"
               "With --merge, adds up the counts of result files written before instead."));
        parser.addPositionalArgument(
            tr("PATH"),
            tr("Files and folders to count (folders recursively); '-', or "
               "no PATH while standard input is not a terminal, counts "
               "standard input; with --merge, result files (TSV or JSON)."),
            tr("PATH..."));
    }
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
    const QCommandLineOption topOption(QStringLiteral("top"),
                                       tr("Print only the N most frequent words."), tr("N"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          tr("Output format: tsv (default), csv or json."),
                                          tr("tsv|csv|json"), QStringLiteral("tsv"));
    const QCommandLineOption sample(QStringLiteral("sample"),
                                    tr("Count BYTES of generated sample text (K, M, G suffixes "
                                       "allowed) instead of, or besides, files."),
                                    tr("BYTES"));
    const QCommandLineOption progressOption(
        QStringLiteral("progress"),
        tr("Show progress on stderr (the default when stderr is a terminal); --progress=json "
           "writes one JSON object per line instead, for scripts."));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), tr("Show no progress."));
    const QCommandLineOption merge(
        QStringLiteral("merge"),
        tr("Read the PATHs as WordMill results (TSV or JSON, as --format writes them; '-' "
           "reads one from standard input), add up their counts and print the merged result. "
           "--mode, --sample, --threads and --chunk-size do not apply."));
    const QCommandLineOption outputOption(
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
    const QCommandLineOption mapMemoryOption(
        QStringLiteral("map-memory"),
        tr("With --map: print and forget the counts before they take more than BYTES of memory "
           "(K, M, G suffixes allowed; default 64M)."),
        tr("BYTES"));
    const QCommandLineOption checkpoint(
        QStringLiteral("checkpoint"),
        tr("While counting, save the work done to FILE every few seconds (crash-safely), and "
           "when stopped by a signal, so that --resume can continue it. FILE is removed once "
           "the job is done."),
        tr("FILE"));
    const QCommandLineOption checkpointInterval(
        QStringLiteral("checkpoint-interval"),
        tr("With --checkpoint: seconds between checkpoints (default 5; fractions allowed)."),
        tr("SECONDS"));
    const QCommandLineOption resume(
        QStringLiteral("resume"),
        tr("Continue the job saved in FILE by --checkpoint, counting only what it had not "
           "merged; without PATH, its inputs and options are the job's. An input changed "
           "since and not counted completely is counted again alone. A checkpoint that cannot "
           "be read, is of another job or one of whose complete inputs changed is said, and the "
           "count starts over. The job goes on saving to FILE (to --checkpoint's FILE if given), "
           "which is removed once the job is done."),
        tr("FILE"));
    parser.addOptions({mode, threads, chunk, topOption, formatOption, sample, progressOption,
                       quietOption, outputOption, files0});
    // wordmill-mpi counts files: merging results and the streaming roles are wordmill-cli's.
    if (!distributed)
        parser.addOptions(
            {merge, map, reduce, mapMemoryOption, checkpoint, checkpointInterval, resume});
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

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
    // Options the parser was not given are not set (isSet() would warn about them).
    const bool mergeSet = !distributed && parser.isSet(merge);
    const bool mapSet = !distributed && parser.isSet(map);
    const bool reduceSet = !distributed && parser.isSet(reduce);
    const bool mapMemorySet = !distributed && parser.isSet(mapMemoryOption);
    const bool checkpointSet = !distributed && parser.isSet(checkpoint);
    const bool resumeSet = !distributed && parser.isSet(resume);
    if (progressFormat != QLatin1String("text") && progressFormat != QLatin1String("json"))
        return usage(tr("unknown progress format '%1': use text or json").arg(progressFormat));
    jsonProgress = progressFormat == QLatin1String("json");
    if (parser.isSet(help))
        return printOut(parser.helpText().toLocal8Bit()) ? 0 : 1;
    if (parser.isSet(version))
        return printOut(QStringLiteral("%1 %2\n")
                            .arg(m_program, QStringLiteral(WORDMILL_VERSION))
                            .toLocal8Bit())
            ? 0
            : 1;

    if (mergeSet) {
        // Counts already made have their mode; the counting options would silently do nothing.
        for (const QCommandLineOption *option :
             {&mode, &sample, &threads, &chunk, &checkpoint, &checkpointInterval, &resume}) {
            if (parser.isSet(*option))
                return usage(tr("--merge adds up result files: --%1 does not apply")
                                 .arg(option->names().constFirst()));
        }
    }

    const QCommandLineOption *role = mapSet ? &map : reduceSet ? &reduce : nullptr;
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
             {&sample, &threads, &chunk, &topOption, &formatOption, &outputOption, &files0,
              &checkpoint, &checkpointInterval, &resume}) {
            if (parser.isSet(*option))
                return usage(tr("%1 streams word<TAB>count lines: --%2 does not apply")
                                 .arg(name, option->names().constLast()));
        }
        if (role == &reduce && parser.isSet(mode))
            return usage(tr("%1 streams word<TAB>count lines: --%2 does not apply")
                             .arg(name, mode.names().constFirst()));
    }
    if (mapMemorySet && role != &map)
        return usage(tr("--map-memory applies to --map only"));

    spec.paths = parser.positionalArguments();
    filesFromList = parser.isSet(files0);
    if (filesFromList) {
        if (!spec.paths.isEmpty())
            return usage(tr("--files0-from gives the inputs: give no PATH as well"));
        const QString listPath = parser.value(files0);
        QByteArray list;
        QString error;
        if (!readAllOf(listPath, &list, &error)) {
            printErr(m_program + QStringLiteral(": ")
                     + tr("cannot read the list of inputs %1: %2\n")
                           .arg(LocalPath::quoted(listPath), error));
            return 1;
        }
        const QList<QByteArray> names = list.split('\0');
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (!names.at(i).isEmpty())
                spec.paths.append(LocalPath::fromNative(names.at(i)));
            else if (i + 1 < names.size()) // the last NUL ends the list, it starts no name
                listProblems.append(m_program + QStringLiteral(": ")
                                    + tr("%1: entry %2 is an empty name\n")
                                          .arg(LocalPath::quoted(listPath))
                                          .arg(i + 1));
        }
        if (listPath == StandardInput && spec.paths.contains(StandardInput))
            return usage(tr("the list of inputs comes from standard input: it cannot name '-'"));
    }
    if (!parseCountingMode(parser.value(mode), &spec.mode))
        return usage(tr("unknown mode '%1': use words or whitespace").arg(parser.value(mode)));
    if (role) {
        action = role == &map ? Map : Reduce;
        mapMemory = StreamCounter::DefaultMemoryLimit;
        if (mapMemorySet) {
            mapMemory = ProgressFormat::parseBytes(parser.value(mapMemoryOption));
            if (mapMemory < 1)
                return usage(tr("--map-memory needs a size in bytes, such as 64M"));
        }
        return -1;
    }
    if (!ResultWriter::parseFormat(parser.value(formatOption), &format))
        return usage(
            tr("unknown format '%1': use tsv, csv or json").arg(parser.value(formatOption)));
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
    if (parser.isSet(topOption)) {
        bool ok = false;
        top = parser.value(topOption).toLongLong(&ok);
        if (!ok || top < 1)
            return usage(tr("--top needs a whole number of at least 1"));
    }
    if (parser.isSet(sample)) {
        spec.sampleBytes = ProgressFormat::parseBytes(parser.value(sample));
        if (spec.sampleBytes < 1)
            return usage(tr("--sample needs a size in bytes, such as 100M"));
    }
    if (!distributed && parser.isSet(checkpointInterval)) {
        if (!checkpointSet && !resumeSet)
            return usage(tr("--checkpoint-interval applies to --checkpoint and --resume only"));
        bool ok = false;
        const double seconds = parser.value(checkpointInterval).toDouble(&ok);
        if (!ok || !(seconds >= 0.001 && seconds <= 86400))
            return usage(tr("--checkpoint-interval needs a number of seconds, such as 5 or 0.5"));
        spec.checkpointIntervalMs = int(seconds * 1000);
    }
    if (checkpointSet)
        spec.checkpointPath = parser.value(checkpoint);
    if (resumeSet) {
        resumePath = parser.value(resume);
        // The checkpoint holds the job: its inputs, mode and chunk size.
        jobFromCheckpoint = spec.paths.isEmpty() && !filesFromList && spec.sampleBytes == 0;
        // A resumed job goes on saving its work where it was kept, so that a second kill loses
        // no more than the first, and the file goes once the job is done.
        if (!checkpointSet)
            spec.checkpointPath = resumePath;
    }
    if (spec.paths.count(StandardInput) > 1)
        return usage(tr("'-' (standard input) can be given once"));
    if (!mergeSet) {
        // As wc and sort do: '-' is standard input, and so is no input at all while standard
        // input is not a terminal (a pipe, a redirected file).
        if (spec.paths.removeOne(StandardInput)
            || (spec.paths.isEmpty() && !parser.isSet(files0) && spec.sampleBytes == 0
                && !jobFromCheckpoint && !::isatty(STDIN_FILENO)))
            spec.inputStream = STDIN_FILENO;
    }
    if ((checkpointSet || resumeSet) && spec.inputStream >= 0)
        return usage(tr("--checkpoint and --resume need files or --sample: standard input "
                        "cannot be read again"));
    outputPath = parser.value(outputOption);
    for (const QString &problem : std::as_const(listProblems))
        printErr(problem);
    if (mergeSet && spec.paths.isEmpty())
        return usage(tr("no input: --merge needs result files (TSV or JSON)"));
    if (spec.paths.isEmpty() && spec.sampleBytes == 0 && spec.inputStream < 0 && !jobFromCheckpoint)
        return usage(tr("no input: give files or folders, '-' for standard input, or --sample "
                        "BYTES"));

    quiet = parser.isSet(quietOption);
    progress = parser.isSet(progressOption);
    action = mergeSet ? Merge : Count;
    return -1;
}
