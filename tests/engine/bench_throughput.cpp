// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput, peak memory and cancel latency of wordmill-cli, against two single-threaded
// baselines that run in the benchmark's own process (baselinecounter.h, plain; optimizedbaseline.h,
// the techniques of the fastest published counters, whitespace mode only) and, on 8 M distinct
// words, against GNU tr | sort | uniq -c | sort. Not a test: it prints Markdown tables for
// docs/benchmarks.md and exits 1 if a target of issue 2 (section 5) or issue 13, or a check, is
// missed. .ci/benchmark builds it in Release and records a run. Progress goes to stderr, the
// report to stdout.

#include "core/engine/private/samplegenerator.h"
#include "tests/engine/baselinecounter.h"
#include "tests/engine/benchlauncher.h"
#include "tests/engine/benchreport.h"
#include "tests/engine/distinctwords.h"
#include "tests/engine/optimizedbaseline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#include <sys/resource.h>

namespace {

using namespace BenchReport;

constexpr qint64 MB = 1000 * 1000; // throughput is in decimal megabytes
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;
constexpr qint64 SampleBytes = 200 * MB;
constexpr quint64 SampleSeed = 1;
constexpr int BibleCopies = 40; // 173 MB, the input of issue 13's figures
constexpr int QuijoteCopies = 50; // 107 MB
// A wordmill-cli or pipeline run on distinct-8M takes several seconds: at most this many
// repetitions there keep the whole benchmark near ten minutes.
constexpr int SlowInputRepetitions = 3;

const QString Whitespace = QStringLiteral("whitespace");
const QString Words = QStringLiteral("words");
const QString WordMill = QStringLiteral("wordmill-cli");
const QString NaiveBaseline = QStringLiteral("naive baseline");
const QString OptimizedBaselineName = QStringLiteral("optimized baseline");
const QString GnuPipeline = QStringLiteral("GNU pipeline");
const QString Distinct8M = QStringLiteral("distinct-8M");

// Issue 13's reference for a large vocabulary, run by /bin/sh with the input as $1.
const char *const PipelineScript
    = R"(LC_ALL=C tr -s ' \t\n\r\f\v' '\n' < "$1" | LC_ALL=C sort | LC_ALL=C uniq -c )"
      R"(| LC_ALL=C sort -nr > /dev/null)";

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double ownCpuSeconds()
{
    rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// ---------------------------------------------------------------------------------------------
// Inputs

// Writes \a size bytes produced by \a fill (called with offset, buffer, length) to \a path.
template<typename Fill> bool writeFile(const QString &path, qint64 size, Fill fill)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    std::vector<char> buffer(size_t(4 * MiB));
    for (qint64 offset = 0; offset < size;) {
        const qint64 n = std::min<qint64>(qint64(buffer.size()), size - offset);
        fill(offset, buffer.data(), n);
        if (out.write(buffer.data(), n) != n)
            return false;
        offset += n;
    }
    return out.flush();
}

// Whether \a path, kept from an earlier run, has the size and the first and last 64 KiB that
// \a fill produces (the sample generator may have changed since).
template<typename Fill> bool isCurrent(const QString &path, qint64 size, Fill fill)
{
    QFile in(path);
    if (in.size() != size || !in.open(QIODevice::ReadOnly))
        return false;
    std::vector<char> expected(64 * 1024);
    for (const qint64 offset : {qint64(0), std::max<qint64>(0, size - qint64(expected.size()))}) {
        const qint64 n = std::min<qint64>(qint64(expected.size()), size - offset);
        fill(offset, expected.data(), n);
        if (!in.seek(offset) || in.read(n) != QByteArray::fromRawData(expected.data(), n))
            return false;
    }
    return true;
}

template<typename Fill> bool prepare(const QString &path, qint64 size, Fill fill)
{
    if (isCurrent(path, size, fill))
        return true;
    note(QStringLiteral("writing %1").arg(path));
    if (writeFile(path, size, fill))
        return true;
    note(QStringLiteral("cannot write %1").arg(path));
    return false;
}

// Writes \a copies of the corpus file \a name to \a path.
bool prepareRepeated(const QString &corpusDir, const QString &name, int copies, const QString &path)
{
    QFile file(corpusDir + QLatin1Char('/') + name);
    const QByteArray text = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    if (text.isEmpty()) {
        note(QStringLiteral("cannot read %1").arg(file.fileName()));
        return false;
    }
    const qint64 size = text.size();
    return prepare(path, copies * size, [&text, size](qint64 offset, char *buffer, qint64 length) {
        for (qint64 done = 0; done < length;) {
            const qint64 at = (offset + done) % size;
            const qint64 n = std::min(length - done, size - at);
            std::memcpy(buffer + done, text.constData() + at, size_t(n));
            done += n;
        }
    });
}

struct Inputs
{
    QString bible; // the King James Bible × 40 (173 MB), ASCII
    QString quijote; // Don Quijote × 50 (107 MB): Spanish, UTF-8, CRLF line ends
    QString sample; // the first 200 MB of the generated sample (seed 1)
    QString distinct; // DistinctWords: 8,000,000 distinct words, one per line (72 MB)
    QString sampleGiB; // 1 GiB of the same sample
    QString letters; // 1 GiB of 'a': one word, no whitespace
};

bool prepareInputs(const QString &dir, const QString &corpusDir, Inputs *inputs)
{
    const SampleGenerator generator(SampleSeed);
    const auto sample = [&generator](qint64 offset, char *buffer, qint64 length) {
        generator.generate(offset, buffer, length);
    };
    inputs->bible = dir + QStringLiteral("/bible-x%1.txt").arg(BibleCopies);
    inputs->quijote = dir + QStringLiteral("/quijote-x%1.txt").arg(QuijoteCopies);
    inputs->sample = dir + QStringLiteral("/sample-200MB.txt");
    inputs->distinct = dir + QStringLiteral("/distinct-8M.txt");
    inputs->sampleGiB = dir + QStringLiteral("/sample-1GiB.txt");
    inputs->letters = dir + QStringLiteral("/letters-1GiB.txt");
    return prepareRepeated(corpusDir, QStringLiteral("kjvbible.txt"), BibleCopies, inputs->bible)
        && prepareRepeated(corpusDir, QStringLiteral("quijote.txt"), QuijoteCopies, inputs->quijote)
        && prepare(inputs->sample, SampleBytes, sample)
        && prepare(inputs->distinct, DistinctWords::Bytes, DistinctWords::fill)
        && prepare(inputs->sampleGiB, GiB, sample)
        && prepare(inputs->letters, GiB, [](qint64, char *buffer, qint64 length) {
               std::fill(buffer, buffer + length, 'a');
           });
}

// ---------------------------------------------------------------------------------------------
// The report

struct Series
{
    Series(const QString &input, qint64 bytes, const QString &mode, const QString &program,
           int threads)
        : input(input)
        , bytes(bytes)
        , mode(mode)
        , program(program)
        , threads(threads)
    { }

    QString input;
    qint64 bytes = 0;
    QString mode;
    QString program; // WordMill, NaiveBaseline, OptimizedBaselineName or GnuPipeline
    int threads = 1; // 0: not ours to choose (the pipeline)
    std::vector<double> seconds;
    std::vector<double> cpuSeconds;
    std::vector<double> othersLoad; // share of the machine other processes used, 0 to 1
    double rssMiB = -1; // not measured for the in-process baselines
    bool ok = true;

    double medianSeconds() const { return median(seconds); }
    double bestSeconds() const { return *std::min_element(seconds.begin(), seconds.end()); }
    double mbps() const { return double(bytes) / MB / medianSeconds(); }
    double bestMbps() const { return double(bytes) / MB / bestSeconds(); }

    //! Records one run of a child process (wordmill-cli or the pipeline).
    void add(const ChildRun &run)
    {
        ok = ok && run.succeeded();
        seconds.push_back(run.seconds);
        cpuSeconds.push_back(run.cpuSeconds);
        othersLoad.push_back(run.othersCpuSeconds / (run.seconds * QThread::idealThreadCount()));
        rssMiB = std::max(rssMiB, run.rssMiB);
    }
};

/*!
    Runs \a count once in the benchmark's own process, as run \a rep of \a reps, and records it
    in \a series: wall time, the process's CPU time (runs of other programs are children of the
    launcher, not of this process, so it is the baseline's alone) and the share of the machine
    that others used meanwhile. The first run's result goes through \a toTsv into \a tsv,
    wordmill-cli's output format, outside the clock; a result is freed after its run is timed.
*/
template<typename Count, typename ToTsv>
void timeInProcess(Series *series, int rep, int reps, const QString &what, Count count, ToTsv toTsv,
                   QByteArray *tsv)
{
    note(QStringLiteral("%1: %2 run %3/%4").arg(what, series->program).arg(rep + 1).arg(reps));
    const double busyBefore = BenchLauncher::machineBusySeconds();
    const double ownBefore = ownCpuSeconds();
    const Clock::time_point start = Clock::now();
    const auto result = count();
    const double seconds = secondsSince(start);
    const double cpuSeconds = ownCpuSeconds() - ownBefore;
    const double othersSeconds
        = std::max(0.0, BenchLauncher::machineBusySeconds() - busyBefore - cpuSeconds);
    series->seconds.push_back(seconds);
    series->cpuSeconds.push_back(cpuSeconds);
    series->othersLoad.push_back(othersSeconds / (seconds * QThread::idealThreadCount()));
    if (rep == 0)
        *tsv = toTsv(result);
}

// The naive baseline's counts and their order, which points into them.
struct NaiveResult
{
    BaselineCounter::Counts counts;
    BaselineCounter::Order order;
};

struct Check
{
    QString what;
    QString measured;
    bool pass = false;
};

QString passFail(bool pass)
{
    return pass ? QStringLiteral("PASS") : QStringLiteral("**FAIL**");
}

// "identical (N lines)" or where the two outputs first differ.
QString compareOutputs(const QByteArray &a, const QByteArray &b, bool *same)
{
    *same = a == b;
    if (*same)
        return QStringLiteral("identical (%1 lines)").arg(a.count('\n'));
    const QList<QByteArray> la = a.split('\n');
    const QList<QByteArray> lb = b.split('\n');
    qsizetype i = 0;
    while (i < la.size() && i < lb.size() && la.at(i) == lb.at(i))
        ++i;
    const auto at = [i](const QList<QByteArray> &l) {
        return i < l.size()
            ? QString::fromUtf8(l.at(i).left(60)).replace(QLatin1Char('\t'), QLatin1Char(' '))
            : QStringLiteral("(end)");
    };
    return QStringLiteral("differ from line %1 (`%2` vs `%3`; %4 vs %5 lines)")
        .arg(i + 1)
        .arg(at(la), at(lb))
        .arg(a.count('\n'))
        .arg(b.count('\n'));
}

QString asRatio(double ratio)
{
    return fixed(ratio, 2) + QStringLiteral("×");
}

/*!
    How many times \a slowTimes (seconds of \a slow's runs) is \a fastTimes (of \a fast's):
    the median of the rounds' ratios when both were timed in the same rounds (same input and
    mode, one run of each a round), so that a slow spell of a shared machine, which lasts longer
    than a round, weighs on both sides of each ratio; else the ratio of the medians.
*/
double ratioOf(const Series &fast, const std::vector<double> &fastTimes, const Series &slow,
               const std::vector<double> &slowTimes)
{
    if (fast.input != slow.input || fast.mode != slow.mode
        || fastTimes.size() != slowTimes.size()) {
        return median(slowTimes) / median(fastTimes);
    }
    std::vector<double> ratios;
    for (size_t r = 0; r < fastTimes.size(); ++r)
        ratios.push_back(slowTimes[r] / fastTimes[r]);
    return median(ratios);
}

double wallRatio(const Series &fast, const Series &slow)
{
    return ratioOf(fast, fast.seconds, slow, slow.seconds);
}

double cpuRatio(const Series &fast, const Series &slow)
{
    return ratioOf(fast, fast.cpuSeconds, slow, slow.cpuSeconds);
}

// The target "\a fast is at least \a atLeast times as fast as \a slow", on wall times.
Check speedCheck(const QString &what, const Series &fast, const Series &slow, double atLeast)
{
    const double ratio = wallRatio(fast, slow);
    return {what,
            QStringLiteral("%1 (of the medians: %2; of the best runs: %3)")
                .arg(asRatio(ratio), asRatio(slow.medianSeconds() / fast.medianSeconds()),
                     asRatio(slow.bestSeconds() / fast.bestSeconds())),
            fast.ok && slow.ok && ratio >= atLeast};
}

} // namespace

int main(int argc, char *argv[])
{
    BenchLauncher launcher;
    if (!launcher.start()) {
        note(QStringLiteral("cannot fork the launcher process"));
        return 2;
    }
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures wordmill-cli's throughput, peak RSS and cancel latency against "
                       "two single-threaded baselines and, on 8 M distinct words, a GNU "
                       "tr | sort | uniq -c | sort pipeline. Prints Markdown on stdout."));
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Keep the inputs (about 2.7 GB) in DIR and "
                                                      "reuse them (default: a temporary dir)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption repsOption(
        QStringLiteral("repetitions"),
        QStringLiteral("Timed runs per measurement (default 5; at most 3 on distinct-8M)."),
        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption cliOption(QStringLiteral("cli"),
                                       QStringLiteral("wordmill-cli to measure."),
                                       QStringLiteral("PATH"), QStringLiteral(WORDMILL_CLI_PATH));
    const QCommandLineOption corpusOption(
        QStringLiteral("corpus"), QStringLiteral("Folder holding kjvbible.txt and quijote.txt."),
        QStringLiteral("DIR"), QStringLiteral(WORDMILL_CORPUS_DIR));
    parser.addOptions({dirOption, repsOption, cliOption, corpusOption});
    parser.process(app);
    const int reps = std::max(1, parser.value(repsOption).toInt());
    const QString cli = parser.value(cliOption);

    QTemporaryDir tempDir(QDir::tempPath() + QStringLiteral("/wordmill-bench-XXXXXX"));
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : tempDir.path();
    if (!QDir().mkpath(dir) || !tempDir.isValid()) {
        note(QStringLiteral("cannot create %1").arg(dir));
        return 2;
    }
    const QString scratch = tempDir.path(); // outputs and stderr of the runs
    const QString loadBefore = loadAverage();
    const Clock::time_point benchStart = Clock::now();

    Inputs inputs;
    if (!prepareInputs(dir, parser.value(corpusOption), &inputs))
        return 2;

    std::vector<Series> table;
    std::vector<Check> checks;
    std::vector<QString> problems; // runs that did not exit 0, with their stderr
    const QString errPath = scratch + QStringLiteral("/stderr.txt");
    const auto cliArgs = [](const QString &mode, int threads, const QString &path) {
        return QStringList {QStringLiteral("--quiet"),   QStringLiteral("--mode"), mode,
                            QStringLiteral("--threads"), QString::number(threads), path};
    };
    const auto problem = [&problems](const QString &what, const ChildRun &run) {
        problems.push_back(
            QStringLiteral("%1: %2: %3")
                .arg(what, run.status(), QString::fromLocal8Bit(run.stderrText.trimmed())));
    };
    // A timed run with its output to /dev/null, added to \a series; one that fails is a problem.
    const auto timeRun = [&](Series *series, const QString &what, const QString &program,
                             const QStringList &arguments) {
        const ChildRun run = launcher.run(program, arguments, {}, errPath);
        if (!run.succeeded())
            problem(what, run);
        series->add(run);
    };

    // Throughput, for each input and mode: the in-process baselines, wordmill-cli with 1 and 2
    // workers (and the GNU pipeline on distinct-8M) in rounds, one run of each per round, so
    // that a change in the machine's load weighs on all of them alike.
    const QString bible = QStringLiteral("bible-x%1").arg(BibleCopies);
    const QString quijote = QStringLiteral("quijote-x%1").arg(QuijoteCopies);
    const QString sample = QStringLiteral("sample-200MB");
    const int slowReps = std::min(reps, SlowInputRepetitions);
    const struct
    {
        QString name;
        QString path;
        QStringList modes;
        bool naive; // not on distinct-8M: slow there, and the optimized baseline covers it
        bool pipeline;
        int reps;
    } throughputInputs[] = {
        {bible, inputs.bible, {Whitespace, Words}, true, false, reps},
        {quijote, inputs.quijote, {Whitespace, Words}, true, false, reps},
        {sample, inputs.sample, {Whitespace, Words}, true, false, reps},
        {Distinct8M, inputs.distinct, {Whitespace}, false, true, slowReps},
    };
    for (const auto &input : throughputInputs) {
        const qint64 bytes = QFileInfo(input.path).size();
        for (const QString &mode : input.modes) {
            const QString what = input.name + QLatin1Char(' ') + mode;
            note(QStringLiteral("%1: checking outputs").arg(what));
            // Untimed runs that keep the output; they also bring the input into the page cache.
            QByteArray outputs[2];
            for (int threads : {1, 2}) {
                const QString outPath = scratch + QStringLiteral("/out-%1.tsv").arg(threads);
                const ChildRun run
                    = launcher.run(cli, cliArgs(mode, threads, input.path), outPath, errPath);
                if (!run.succeeded())
                    problem(what, run);
                outputs[threads - 1] = readAll(outPath);
            }
            bool same = false;
            QString result = compareOutputs(outputs[0], outputs[1], &same);
            checks.push_back({QStringLiteral("%1: wordmill-cli output, 1 vs 2 workers").arg(what),
                              result, same && !outputs[0].isEmpty()});

            std::vector<Series> rows; // wordmill-cli first, then the references, as printed
            rows.reserve(5); // no reallocation: the pointers below refer into it
            rows.emplace_back(input.name, bytes, mode, WordMill, 1);
            rows.emplace_back(input.name, bytes, mode, WordMill, 2);
            Series *const naive = input.naive
                ? &rows.emplace_back(input.name, bytes, mode, NaiveBaseline, 1)
                : nullptr;
            Series *const optimized = mode == Whitespace
                ? &rows.emplace_back(input.name, bytes, mode, OptimizedBaselineName, 1)
                : nullptr;
            if (input.pipeline)
                rows.emplace_back(input.name, bytes, mode, GnuPipeline, 0);

            struct Timed
            {
                Series *series;
                QString program;
                QStringList arguments;
            };
            std::vector<Timed> timed;
            for (Series &row : rows) {
                if (row.program == WordMill)
                    timed.push_back({&row, cli, cliArgs(mode, row.threads, input.path)});
                else if (row.program == GnuPipeline)
                    timed.push_back({&row,
                                     QStringLiteral("/bin/sh"),
                                     {QStringLiteral("-c"), QString::fromLatin1(PipelineScript),
                                      QStringLiteral("sh"), input.path}});
            }
            // Every run of the baselines, in this process, between two rounds of the others:
            // a ratio to a baseline timed in a block of its own before them swung with the
            // neighbours' load on a shared machine (the optimized baseline 0.64 s in one
            // benchmark, 1.05 s in the next).
            QByteArray naiveTsv;
            QByteArray optimizedTsv;
            for (int r = 0; r < input.reps; ++r) {
                if (naive) {
                    timeInProcess(
                        naive, r, input.reps, what,
                        [&] {
                            NaiveResult n {mode == Words
                                               ? BaselineCounter::countWords(input.path)
                                               : BaselineCounter::countWhitespace(input.path),
                                           {}};
                            n.order = BaselineCounter::sorted(n.counts);
                            return n;
                        },
                        [](const NaiveResult &n) { return BaselineCounter::toTsv(n.order); },
                        &naiveTsv);
                }
                if (optimized) {
                    timeInProcess(
                        optimized, r, input.reps, what,
                        [&] {
                            OptimizedBaseline::Result o = OptimizedBaseline::count(input.path);
                            optimized->ok = optimized->ok && o.ok;
                            return o;
                        },
                        OptimizedBaseline::toTsv, &optimizedTsv);
                }
                note(QStringLiteral("%1: timed run %2/%3").arg(what).arg(r + 1).arg(input.reps));
                // Every other round in the other order, so that no row always runs right
                // after the same one.
                for (size_t k = 0; k < timed.size(); ++k) {
                    const Timed &t = timed[r % 2 == 0 ? k : timed.size() - 1 - k];
                    timeRun(t.series, what + QStringLiteral(", ") + t.series->program, t.program,
                            t.arguments);
                }
            }
            if (naive) {
                result = compareOutputs(outputs[1], naiveTsv, &same);
                checks.push_back(
                    {QStringLiteral("%1: wordmill-cli output vs the naive baseline").arg(what),
                     result, same});
            }
            if (optimized) {
                result = compareOutputs(outputs[1], optimizedTsv, &same);
                checks.push_back(
                    {QStringLiteral("%1: wordmill-cli output vs the optimized baseline").arg(what),
                     result, same});
                if (input.name == Distinct8M) {
                    // The generator's words are distinct by construction; this shows it held:
                    // as many lines as words, and the first (highest) count is 1.
                    const QByteArray first = optimizedTsv.left(optimizedTsv.indexOf('\n'));
                    const qsizetype lines = optimizedTsv.count('\n');
                    checks.push_back(
                        {QStringLiteral("%1: %2 distinct words, each once (optimized baseline)")
                             .arg(Distinct8M)
                             .arg(DistinctWords::Count),
                         QStringLiteral("%1 lines, the first `%2`")
                             .arg(lines)
                             .arg(QString::fromLatin1(first).replace(QLatin1Char('\t'),
                                                                     QLatin1Char(' '))),
                         lines == DistinctWords::Count && first.endsWith("\t1")});
                }
            }
            table.insert(table.end(), rows.begin(), rows.end());
        }
    }

    // Memory on 1 GiB inputs: the sample, and one run of letters that never ends a word; then
    // more workers than CPUs, where chunk tables wait longer for the reduce (not a target).
    struct MemoryRun
    {
        QString input;
        QString mode;
        int threads = 2;
        ChildRun run;
        qint64 outputBytes = 0;
    };
    std::vector<MemoryRun> memory;
    const auto memoryRun = [&](const QString &name, const QString &path, const QString &mode,
                               int threads) {
        note(QStringLiteral("%1 %2, %3 workers: memory run").arg(name, mode).arg(threads));
        const QString outPath = scratch + QStringLiteral("/out-memory.tsv");
        const ChildRun run = launcher.run(cli, cliArgs(mode, threads, path), outPath, errPath);
        if (!run.succeeded())
            problem(name + QLatin1Char(' ') + mode, run);
        memory.push_back({name, mode, threads, run, QFileInfo(outPath).size()});
    };
    for (const auto &[name, path] : {std::pair {QStringLiteral("sample-1GiB"), inputs.sampleGiB},
                                     std::pair {QStringLiteral("letters-1GiB"), inputs.letters}}) {
        for (const QString &mode : {Whitespace, Words})
            memoryRun(name, path, mode, 2);
    }
    const int manyWorkers = 2 * QThread::idealThreadCount();
    memoryRun(QStringLiteral("sample-1GiB"), inputs.sampleGiB, Whitespace, manyWorkers);

    // What two busy CPUs cost each other here: two independent 1-worker runs at once (through
    // sh, which ends when both have) against one alone, in rounds. On a machine whose cores
    // share caches and memory, work that shares nothing still slows down when both run it.
    note(QStringLiteral("%1 whitespace: one 1-worker run alone and two at once").arg(sample));
    Series alone(sample, QFileInfo(inputs.sample).size(), Whitespace, WordMill, 1);
    Series together(sample, alone.bytes, Whitespace, QStringLiteral("two at once"), 1);
    const QStringList oneWorker = cliArgs(Whitespace, 1, inputs.sample);
    // A bare `wait` exits 0 whatever its children did: each is waited for by its number.
    const QString both
        = QStringLiteral("\"$0\" \"$@\" & a=$!; \"$0\" \"$@\" & b=$!; wait $a && wait $b");
    const QString pairWhat = sample + QStringLiteral(" whitespace, 1 worker");
    // In the same rounds, the 1-worker run pinned to each CPU in turn (taskset), and a 2-worker
    // run: on a virtual machine one CPU can run the same job slower than the other (its host
    // core shared with another guest), and then no second worker can double the speed of a
    // first that ran on the faster one.
    const QString taskset = QStandardPaths::findExecutable(QStringLiteral("taskset"));
    const int cpus = taskset.isEmpty() ? 0 : QThread::idealThreadCount();
    std::vector<Series> pinned;
    for (int cpu = 0; cpu < cpus; ++cpu)
        pinned.emplace_back(sample, alone.bytes, Whitespace, QStringLiteral("CPU %1").arg(cpu), 1);
    Series allWorkers(sample, alone.bytes, Whitespace, WordMill, cpus);
    for (int r = 0; r < reps; ++r) {
        timeRun(&alone, pairWhat + QStringLiteral(" alone"), cli, oneWorker);
        timeRun(&together, pairWhat + QStringLiteral(", two at once"), QStringLiteral("/bin/sh"),
                QStringList {QStringLiteral("-c"), both, cli} + oneWorker);
        for (int cpu = 0; cpu < cpus; ++cpu)
            timeRun(&pinned[size_t(cpu)], pairWhat + QStringLiteral(" on CPU %1").arg(cpu), taskset,
                    QStringList {QStringLiteral("-c"), QString::number(cpu), cli} + oneWorker);
        if (cpus > 0)
            timeRun(&allWorkers, sample + QStringLiteral(" whitespace, %1 workers").arg(cpus), cli,
                    cliArgs(Whitespace, cpus, inputs.sample));
    }
    const double slowdown = wallRatio(alone, together);
    // Per round: the CPUs' speeds at the 1-worker job added up (jobs a second), as a multiple of
    // the unpinned 1-worker run's speed, and the share of it the run with every worker reached.
    std::vector<double> ceilings; // how many times faster than the 1-worker run, at most
    std::vector<double> reached; // of that bound, what the run with every worker reached
    for (int r = 0; r < reps && cpus > 0; ++r) {
        double speed = 0;
        for (const Series &p : pinned)
            speed += 1 / p.seconds[size_t(r)];
        ceilings.push_back(alone.seconds[size_t(r)] * speed);
        reached.push_back(1 / (speed * allWorkers.seconds[size_t(r)]));
    }
    const double ceiling = ceilings.empty() ? 0 : median(ceilings);

    // Cancel latency: SIGINT one second into a 50 GiB sample job.
    note(QStringLiteral("cancel latency"));
    std::vector<ChildRun> cancels;
    for (int r = 0; r < std::max(reps, 5); ++r) {
        cancels.push_back(launcher.run(
            cli, {QStringLiteral("--sample"), QStringLiteral("50G"), QStringLiteral("--quiet")},
            scratch + QStringLiteral("/out-cancel.tsv"), errPath, 1.0));
        if (QFileInfo(scratch + QStringLiteral("/out-cancel.tsv")).size() != 0)
            problems.push_back(QStringLiteral("cancel run %1 printed on stdout").arg(r + 1));
    }

    // ------------------------------------------------------------------------------------------
    const auto find = [&table](const QString &input, const QString &mode, const QString &program,
                               int threads) -> const Series * {
        for (const Series &s : table)
            if (s.input == input && s.mode == mode && s.program == program && s.threads == threads)
                return &s;
        return nullptr;
    };
    std::printf("Machine: %d CPUs, %s; Qt %s; %s\n", QThread::idealThreadCount(),
                qPrintable(firstLine(QStringLiteral("/proc/cpuinfo"), "model name")), qVersion(),
                qPrintable(QSysInfo::prettyProductName()));
    std::printf(
        "Load average (1, 5, 15 min) at the start: %s; at the end: %s. Benchmark time: %.0f s.\n\n",
        qPrintable(loadBefore), qPrintable(loadAverage()), secondsSince(benchStart));

    std::printf(
        "### Throughput\n\n"
        "Wall time of the whole wordmill-cli process (start, read, count, merge, sort, write the "
        "results to /dev/null, exit), median of %d run(s), %d on %s (its runs take seconds each, "
        "so it gets at most %d); MB/s in decimal megabytes (10^6 bytes) from the median, and from "
        "the best run. CPU s is user + system time of the run; others is the share of all CPUs "
        "that other processes used meanwhile (from /proc/stat; should be near 0%%). In each "
        "round, wordmill-cli runs with 1 worker then 2, or 2 then 1 every other round.\n\n"
        "Two single-threaded baselines run in the benchmark's own process (read, count, sort; "
        "their RSS is not measured), once in each round of wordmill-cli's runs, so that a ratio "
        "compares runs made side by side, and their output is compared with wordmill-cli's line "
        "for "
        "line: the naive baseline (`tests/engine/baselinecounter.h`, `std::unordered_map`; "
        "QString in words mode) in both modes, except on %s; the optimized baseline "
        "(`tests/engine/optimizedbaseline.h`: the techniques of the \"countwords\" optimized C "
        "program) in whitespace mode only. On %s the GNU pipeline `%s` runs through /bin/sh, with "
        "the input as $1, in the same rounds as wordmill-cli; its CPU s and peak RSS are those "
        "wait4() reports for "
        "sh, which include its reaped children (the RSS is the largest single process's, not a "
        "sum).\n\n"
        "\"2 vs 1\", \"vs naive\" and \"vs optimized\" divide that reference's wall time by the "
        "row's (above 1: the row is faster), and \"CPU vs optimized\" the optimized baseline's "
        "CPU s by the row's (above 1: the row spends less CPU time on the same input): the "
        "median of the rounds' ratios, each of two runs made side by side, where both rows ran "
        "in the same rounds; else (†) the ratio of the medians. † marks words-mode rows set "
        "against the whitespace-mode optimized baseline, as issue 13 does for Quijote (the "
        "baseline does the simpler work). The targets below use the same ratios, and show the "
        "ratio of the medians and of the best runs beside them.\n\n",
        reps, slowReps, qPrintable(Distinct8M), SlowInputRepetitions, qPrintable(Distinct8M),
        qPrintable(Distinct8M), PipelineScript);
    std::printf(
        "| input | mode | program | threads | median s | CPU s | others | MB/s | best MB/s | "
        "2 vs 1 | vs naive | vs optimized | CPU vs optimized | peak RSS MiB |\n");
    std::printf("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    double worstOthers = 0;
    for (const Series &s : table) {
        const Series *one = s.program == WordMill && s.threads == 2
            ? find(s.input, s.mode, WordMill, 1)
            : nullptr;
        const Series *naive = find(s.input, s.mode, NaiveBaseline, 1);
        const Series *optimized = find(s.input, Whitespace, OptimizedBaselineName, 1);
        const auto wallVs = [&s](const Series *reference) {
            return reference && reference != &s ? asRatio(wallRatio(s, *reference)) : QString();
        };
        const QString otherMode
            = optimized && s.mode != optimized->mode ? QStringLiteral(" †") : QString();
        const QString vsOptimized = wallVs(optimized) + otherMode;
        const QString cpuVsOptimized = optimized && optimized != &s
            ? asRatio(cpuRatio(s, *optimized)) + otherMode
            : QString();
        const double others = median(s.othersLoad);
        worstOthers = std::max(worstOthers, others);
        std::printf(
            "| %s (%.1f MB) | %s | %s%s | %s | %.3f | %.2f | %.0f%% | %.1f | %.1f | %s | %s | %s | "
            "%s | %s |\n",
            qPrintable(s.input), double(s.bytes) / MB, qPrintable(s.mode), qPrintable(s.program),
            s.ok ? "" : " (failed)", s.threads > 0 ? qPrintable(QString::number(s.threads)) : "—",
            s.medianSeconds(), median(s.cpuSeconds), others * 100, s.mbps(), s.bestMbps(),
            qPrintable(wallVs(one)), qPrintable(wallVs(naive)), qPrintable(vsOptimized),
            qPrintable(cpuVsOptimized), s.rssMiB < 0 ? "" : qPrintable(fixed(s.rssMiB, 1)));
    }
    if (worstOthers > 0.1)
        std::printf("\n**The machine was busy:** other processes used up to %.0f%% of its CPUs "
                    "during these runs (median of a row, column \"others\"), so the wall times, "
                    "MB/s and speed-ups above understate wordmill-cli. Re-run on a quiet "
                    "machine.\n",
                    worstOthers * 100);
    for (const Series &pipeline : table) {
        if (pipeline.program != GnuPipeline)
            continue;
        QStringList ratios;
        for (const int threads : {1, 2}) {
            if (const Series *s = find(pipeline.input, pipeline.mode, WordMill, threads))
                ratios << QStringLiteral("%1 with %2 worker(s)")
                              .arg(asRatio(pipeline.medianSeconds() / s->medianSeconds()))
                              .arg(threads);
        }
        std::printf("\n%s: wordmill-cli ran %s as fast as the GNU pipeline (median wall times).\n",
                    qPrintable(pipeline.input), qPrintable(ratios.join(QStringLiteral(", "))));
    }

    std::printf("\n### Memory on 1 GiB inputs (one run each)\n\n"
                "letters-1GiB is 1 GiB of `a`: one word, no whitespace. It must print nothing "
                "and exit 0 (the word is reported as over-long on stderr). The last row, with "
                "more workers than CPUs, is not a target: it shows how peak RSS grows when chunk "
                "tables wait for the reduce.\n\n");
    std::printf(
        "| input | mode | threads | s | CPU s | MB/s | peak RSS MiB | status | stdout bytes |\n");
    std::printf("|---|---|--:|--:|--:|--:|--:|---|--:|\n");
    for (const MemoryRun &m : memory)
        std::printf("| %s | %s | %d | %.2f | %.2f | %.1f | %.1f | %s | %lld |\n",
                    qPrintable(m.input), qPrintable(m.mode), m.threads, m.run.seconds,
                    m.run.cpuSeconds, double(GiB) / MB / m.run.seconds, m.run.rssMiB,
                    qPrintable(m.run.status()), m.outputBytes);

    std::vector<double> latencies;
    QStringList cancelRows;
    bool all130 = true;
    for (const ChildRun &c : cancels) {
        latencies.push_back(c.interruptToExitMs);
        cancelRows << QStringLiteral("%1 ms (%2)").arg(fixed(c.interruptToExitMs, 1), c.status());
        all130 = all130 && c.started && !c.timedOut && c.exitCode == 130;
    }
    const double cancelMedian = median(latencies);
    const double cancelMax = *std::max_element(latencies.begin(), latencies.end());
    std::printf("\n### Two runs at once\n\n"
                "`wordmill-cli --threads 1 --mode whitespace` on %s, alone and two at once "
                "(through /bin/sh, until both end), in %d rounds: alone %.3f s, two at once "
                "%.3f s (medians). Two at once take %.2f× as long as one alone (median of the "
                "rounds' ratios): what the machine's CPUs cost each other on work that shares "
                "nothing. Not a bound on \"2 vs 1\": a 2-worker job is not two 1-worker jobs (its "
                "threads share one file table and one reduce), and has run more than twice as "
                "fast as one worker at a moment when two 1-worker runs slowed each other "
                "down.\n",
                qPrintable(sample), reps, alone.medianSeconds(), together.medianSeconds(),
                slowdown);
    std::printf("\n### Each CPU alone\n\n");
    if (cpus == 0) {
        std::printf("Not measured: taskset (util-linux) was not found.\n");
    } else {
        QStringList perCpu;
        for (int cpu = 0; cpu < cpus; ++cpu)
            perCpu << QStringLiteral("CPU %1 %2 s")
                          .arg(cpu)
                          .arg(fixed(pinned[size_t(cpu)].medianSeconds(), 3));
        std::printf(
            "In the same rounds, the same 1-worker run pinned to each CPU (`taskset -c K`; its "
            "main thread then shares that CPU too): %s (medians); %d workers, unpinned: %.3f s. "
            "The CPUs' speeds at that job added up would make a job that kept them all busy "
            "%.2f× as fast as the unpinned 1-worker run (median of the rounds' bounds): the most "
            "\"%d vs 1\" can show then, less than %d× when a CPU is slower than the one the "
            "1-worker run had. The %d-worker run went at %.0f %% of the CPUs' added speeds (its "
            "start-up, exit and the serial parts of its sort and output are the same work as "
            "the 1-worker run's, on one CPU).\n",
            qPrintable(perCpu.join(QStringLiteral(", "))), cpus, allWorkers.medianSeconds(),
            ceiling, cpus, cpus, cpus, 100 * median(reached));
    }
    std::printf("\n### Cancel latency\n\n"
                "`wordmill-cli --sample 50G --quiet`, SIGINT after 1 s, time from the signal to "
                "the process reaped: median %.1f ms, max %.1f ms over %d runs: %s.\n",
                cancelMedian, cancelMax, int(cancels.size()),
                qPrintable(cancelRows.join(QStringLiteral(", "))));

    // Targets of issue 2, section 5 (and the exit rules of section 3). Its inputs were the Bible
    // (now × 40) and the sample; issue 13 sets its own targets for the inputs it added.
    const Series &wsBible = *find(bible, Whitespace, WordMill, 2);
    const Series &wordsSample = *find(sample, Words, WordMill, 2);
    checks.push_back({QStringLiteral("whitespace, 2 workers, %1: at least 250 MB/s").arg(bible),
                      QStringLiteral("%1 MB/s (best run: %2)")
                          .arg(fixed(wsBible.mbps(), 1), fixed(wsBible.bestMbps(), 1)),
                      wsBible.ok && wsBible.mbps() >= 250});
    checks.push_back({QStringLiteral("words, 2 workers, %1: at least 150 MB/s").arg(sample),
                      QStringLiteral("%1 MB/s (best run: %2)")
                          .arg(fixed(wordsSample.mbps(), 1), fixed(wordsSample.bestMbps(), 1)),
                      wordsSample.ok && wordsSample.mbps() >= 150});
    for (const QString &input : {bible, sample}) {
        for (const QString &mode : {Whitespace, Words})
            checks.push_back(
                speedCheck(QStringLiteral("%1 %2: 2 workers at least 1.7× one").arg(input, mode),
                           *find(input, mode, WordMill, 2), *find(input, mode, WordMill, 1), 1.7));
    }

    // Targets of issue 13: ratios to the optimized baseline and to the GNU pipeline.
    const Series &optimizedBible = *find(bible, Whitespace, OptimizedBaselineName, 1);
    checks.push_back(speedCheck(
        QStringLiteral("%1 whitespace: 2 workers at least 3× the optimized baseline (wall time; "
                       "issue 13)")
            .arg(bible),
        wsBible, optimizedBible, 3));
    const Series &wsBibleOne = *find(bible, Whitespace, WordMill, 1);
    const double bibleCpuRatio = cpuRatio(wsBibleOne, optimizedBible);
    checks.push_back({QStringLiteral("%1 whitespace: 1 worker at least 1.5× the optimized baseline "
                                     "in CPU time (its CPU s / wordmill-cli's; issue 13)")
                          .arg(bible),
                      QStringLiteral("%1 (medians: %2 s / %3 s)")
                          .arg(asRatio(bibleCpuRatio), fixed(median(optimizedBible.cpuSeconds), 2),
                               fixed(median(wsBibleOne.cpuSeconds), 2)),
                      wsBibleOne.ok && optimizedBible.ok && bibleCpuRatio >= 1.5});
    checks.push_back(speedCheck(
        QStringLiteral("%1 words: 2 workers at least 2× the optimized baseline, which counts in "
                       "whitespace mode (wall time; issue 13 compares the two modes)")
            .arg(quijote),
        *find(quijote, Words, WordMill, 2), *find(quijote, Whitespace, OptimizedBaselineName, 1),
        2));
    const Series &distinctTwo = *find(Distinct8M, Whitespace, WordMill, 2);
    checks.push_back(speedCheck(
        QStringLiteral("%1 whitespace: 2 workers, whole run at least 5× faster than the GNU "
                       "pipeline (issue 13)")
            .arg(Distinct8M),
        distinctTwo, *find(Distinct8M, Whitespace, GnuPipeline, 0), 5));
    constexpr qint64 DistinctRssLimit = 400 * MB;
    checks.push_back(
        {QStringLiteral("%1 whitespace: 2 workers, peak RSS at most 400 MB (4 × 10^8 bytes, "
                        "%2 MiB; issue 13)")
             .arg(Distinct8M, fixed(double(DistinctRssLimit) / MiB, 1)),
         QStringLiteral("%1 MiB (%2 MB)")
             .arg(fixed(distinctTwo.rssMiB, 1), fixed(distinctTwo.rssMiB * MiB / MB, 1)),
         distinctTwo.ok && distinctTwo.rssMiB * MiB <= double(DistinctRssLimit)});
    checks.push_back(speedCheck(
        QStringLiteral("%1 whitespace: 2 workers at least 1.85× one (issue 13; two 1-worker "
                       "runs at once each took %2× as long as one alone, see \"Two runs at "
                       "once\"%3)")
            .arg(sample, fixed(slowdown, 2),
                 cpus > 0 ? QStringLiteral("; the CPUs' speeds added up came to %1 the 1-worker "
                                           "run's, see \"Each CPU alone\"")
                                .arg(asRatio(ceiling))
                          : QString()),
        *find(sample, Whitespace, WordMill, 2), *find(sample, Whitespace, WordMill, 1), 1.85));

    for (const MemoryRun &m : memory) {
        if (m.threads != 2)
            continue;
        checks.push_back({QStringLiteral("%1 %2: peak RSS under 128 MiB").arg(m.input, m.mode),
                          QStringLiteral("%1 MiB").arg(fixed(m.run.rssMiB, 1)),
                          m.run.started && !m.run.timedOut && m.run.rssMiB < 128});
        if (m.input.startsWith(QLatin1String("letters")))
            checks.push_back(
                {QStringLiteral("%1 %2: empty output, exit 0").arg(m.input, m.mode),
                 QStringLiteral("%1 stdout bytes, %2").arg(m.outputBytes).arg(m.run.status()),
                 m.run.succeeded() && m.outputBytes == 0});
    }
    checks.push_back({QStringLiteral("SIGINT: exit status 130 every time, nothing on stdout"),
                      all130 ? QStringLiteral("yes") : QStringLiteral("no"), all130});
    checks.push_back({QStringLiteral("SIGINT: process ends within 500 ms (median and max)"),
                      QStringLiteral("%1 / %2 ms").arg(fixed(cancelMedian, 1), fixed(cancelMax, 1)),
                      all130 && cancelMax <= 500});

    bool allPass = problems.empty();
    std::printf(
        "\n### Targets and checks\n\n| target or check (judged on medians) | measured | result |\n"
        "|---|---|---|\n");
    for (const Check &c : checks) {
        std::printf("| %s | %s | %s |\n", qPrintable(c.what), qPrintable(c.measured),
                    qPrintable(passFail(c.pass)));
        allPass = allPass && c.pass;
    }
    if (!problems.empty()) {
        std::printf("\nRuns that did not succeed:\n\n");
        for (const QString &p : problems)
            std::printf("- %s\n", qPrintable(p));
    }
    std::printf("\nOverall: %s\n", allPass ? "all targets met" : "some targets or checks FAILED");
    return allPass ? 0 : 1;
}
