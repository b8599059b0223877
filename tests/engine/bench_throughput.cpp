// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput, peak memory and cancel latency of wordmill-cli, against the plain single-threaded
// baseline of baselinecounter.h. Not a test: it prints Markdown tables for docs/benchmarks.md and
// exits 1 if a target of issue 2 (section 5) or a check is missed. .ci/benchmark builds it in
// Release and records a run. Progress goes to stderr, the report to stdout.

#include "core/engine/private/samplegenerator.h"
#include "tests/engine/baselinecounter.h"
#include "tests/engine/benchlauncher.h"
#include "tests/engine/benchreport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include <sys/resource.h>

namespace {

using namespace BenchReport;

constexpr qint64 MB = 1000 * 1000; // throughput is in decimal megabytes
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;
constexpr qint64 ThroughputBytes = 200 * MB;
constexpr quint64 SampleSeed = 1;

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

struct Inputs
{
    QString bible; // the King James Bible, concatenated to about 200 MB
    QString sample; // the first 200 MB of the generated sample (seed 1)
    QString sampleGiB; // 1 GiB of the same sample
    QString letters; // 1 GiB of 'a': one word, no whitespace
};

bool prepareInputs(const QString &dir, const QString &corpusDir, Inputs *inputs)
{
    QFile bible(corpusDir + QStringLiteral("/kjvbible.txt"));
    if (!bible.open(QIODevice::ReadOnly)) {
        note(QStringLiteral("cannot read %1").arg(bible.fileName()));
        return false;
    }
    const QByteArray text = bible.readAll();
    if (text.isEmpty())
        return false;
    const qint64 copies = (ThroughputBytes + text.size() - 1) / text.size();
    const SampleGenerator generator(SampleSeed);
    const auto sample = [&generator](qint64 offset, char *buffer, qint64 length) {
        generator.generate(offset, buffer, length);
    };
    inputs->bible = dir + QStringLiteral("/bible-200MB.txt");
    inputs->sample = dir + QStringLiteral("/sample-200MB.txt");
    inputs->sampleGiB = dir + QStringLiteral("/sample-1GiB.txt");
    inputs->letters = dir + QStringLiteral("/letters-1GiB.txt");
    return prepare(inputs->bible, copies * text.size(),
                   [&text](qint64 offset, char *buffer, qint64 length) {
                       for (qint64 i = 0; i < length; ++i)
                           buffer[i] = text[(offset + i) % text.size()];
                   })
        && prepare(inputs->sample, ThroughputBytes, sample)
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
    QString program; // "wordmill-cli" or "baseline"
    int threads = 1;
    std::vector<double> seconds;
    std::vector<double> cpuSeconds;
    std::vector<double> othersLoad; // share of the machine other processes used, 0 to 1
    double rssMiB = -1; // not measured for the in-process baseline
    bool ok = true;

    double mbps() const { return double(bytes) / MB / median(seconds); }
    double bestMbps() const
    {
        return double(bytes) / MB / *std::min_element(seconds.begin(), seconds.end());
    }
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
        QStringLiteral("Measures wordmill-cli's throughput, peak RSS and cancel latency against a "
                       "single-threaded baseline. Prints Markdown on stdout."));
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Keep the inputs (about 2.5 GB) in DIR and "
                                                      "reuse them (default: a temporary dir)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption repsOption(QStringLiteral("repetitions"),
                                        QStringLiteral("Timed runs per measurement (default 5)."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption cliOption(QStringLiteral("cli"),
                                       QStringLiteral("wordmill-cli to measure."),
                                       QStringLiteral("PATH"), QStringLiteral(WORDMILL_CLI_PATH));
    const QCommandLineOption corpusOption(
        QStringLiteral("corpus"), QStringLiteral("Folder holding kjvbible.txt."),
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

    // Throughput: each input and mode, 1 and 2 workers alternating, and the baseline.
    const struct
    {
        QString name;
        QString path;
    } throughputInputs[] = {{QStringLiteral("bible-200MB"), inputs.bible},
                            {QStringLiteral("sample-200MB"), inputs.sample}};
    for (const auto &input : throughputInputs) {
        const qint64 bytes = QFileInfo(input.path).size();
        for (const QString &mode : {QStringLiteral("whitespace"), QStringLiteral("words")}) {
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

            Series base {input.name, bytes, mode, QStringLiteral("baseline"), 1};
            QByteArray baselineTsv;
            for (int r = 0; r < reps; ++r) {
                note(QStringLiteral("%1: baseline run %2/%3").arg(what).arg(r + 1).arg(reps));
                const double busyBefore = BenchLauncher::machineBusySeconds();
                const double ownBefore = ownCpuSeconds();
                const Clock::time_point start = Clock::now();
                const BaselineCounter::Counts counts = mode == QLatin1String("words")
                    ? BaselineCounter::countWords(input.path)
                    : BaselineCounter::countWhitespace(input.path);
                const BaselineCounter::Order order = BaselineCounter::sorted(counts);
                base.seconds.push_back(secondsSince(start));
                base.cpuSeconds.push_back(ownCpuSeconds() - ownBefore);
                base.othersLoad.push_back(std::max(0.0,
                                                   BenchLauncher::machineBusySeconds() - busyBefore
                                                       - base.cpuSeconds.back())
                                          / (base.seconds.back() * QThread::idealThreadCount()));
                if (r == 0)
                    baselineTsv = BaselineCounter::toTsv(order);
            }
            result = compareOutputs(outputs[1], baselineTsv, &same);
            checks.push_back(
                {QStringLiteral("%1: wordmill-cli output vs baseline").arg(what), result, same});

            Series one {input.name, bytes, mode, QStringLiteral("wordmill-cli"), 1};
            Series two {input.name, bytes, mode, QStringLiteral("wordmill-cli"), 2};
            for (int r = 0; r < reps; ++r) {
                note(QStringLiteral("%1: timed run %2/%3").arg(what).arg(r + 1).arg(reps));
                for (Series *s : {&one, &two}) {
                    const ChildRun run
                        = launcher.run(cli, cliArgs(mode, s->threads, input.path), {}, errPath);
                    if (!run.succeeded()) {
                        problem(what, run);
                        s->ok = false;
                    }
                    s->seconds.push_back(run.seconds);
                    s->cpuSeconds.push_back(run.cpuSeconds);
                    s->othersLoad.push_back(run.othersCpuSeconds
                                            / (run.seconds * QThread::idealThreadCount()));
                    s->rssMiB = std::max(s->rssMiB, run.rssMiB);
                }
            }
            table.push_back(one);
            table.push_back(two);
            table.push_back(base);
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
        for (const QString &mode : {QStringLiteral("whitespace"), QStringLiteral("words")})
            memoryRun(name, path, mode, 2);
    }
    const int manyWorkers = 2 * QThread::idealThreadCount();
    memoryRun(QStringLiteral("sample-1GiB"), inputs.sampleGiB, QStringLiteral("whitespace"),
              manyWorkers);

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
                               int threads) -> const Series & {
        for (const Series &s : table)
            if (s.input == input && s.mode == mode && s.program == program && s.threads == threads)
                return s;
        Q_UNREACHABLE();
    };
    std::printf("Machine: %d CPUs, %s; Qt %s; %s\n", QThread::idealThreadCount(),
                qPrintable(firstLine(QStringLiteral("/proc/cpuinfo"), "model name")), qVersion(),
                qPrintable(QSysInfo::prettyProductName()));
    std::printf(
        "Load average (1, 5, 15 min) at the start: %s; at the end: %s. Benchmark time: %.0f s.\n\n",
        qPrintable(loadBefore), qPrintable(loadAverage()), secondsSince(benchStart));

    std::printf("### Throughput\n\n"
                "Wall time of the whole wordmill-cli process (start, read, count, merge, sort, "
                "write the results to /dev/null, exit), median of %d run(s); MB/s in decimal "
                "megabytes (10^6 bytes) from the median, and from the best run. CPU s is user + "
                "system time of the run; others is the share of all CPUs that other processes "
                "used meanwhile (from /proc/stat; should be near 0%%). The baseline runs in the "
                "benchmark's own process (read, count, sort; its RSS is not measured).\n\n",
                reps);
    std::printf(
        "| input | mode | program | threads | median s | CPU s | others | MB/s | best MB/s | "
        "2 vs 1 | vs baseline | peak RSS MiB |\n");
    std::printf("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    double worstOthers = 0;
    for (const Series &s : table) {
        const bool cliRow = s.program == QLatin1String("wordmill-cli");
        const QString speedup = cliRow && s.threads == 2
            ? fixed(s.mbps() / find(s.input, s.mode, s.program, 1).mbps(), 2) + QStringLiteral("×")
            : QString();
        const QString vsBaseline = cliRow
            ? fixed(s.mbps() / find(s.input, s.mode, QStringLiteral("baseline"), 1).mbps(), 2)
                + QStringLiteral("×")
            : QString();
        const double others = median(s.othersLoad);
        worstOthers = std::max(worstOthers, others);
        std::printf("| %s (%.1f MB) | %s | %s%s | %d | %.3f | %.2f | %.0f%% | %.1f | %.1f | %s | "
                    "%s | %s |\n",
                    qPrintable(s.input), double(s.bytes) / MB, qPrintable(s.mode),
                    qPrintable(s.program), s.ok ? "" : " (failed)", s.threads, median(s.seconds),
                    median(s.cpuSeconds), others * 100, s.mbps(), s.bestMbps(), qPrintable(speedup),
                    qPrintable(vsBaseline), s.rssMiB < 0 ? "" : qPrintable(fixed(s.rssMiB, 1)));
    }
    if (worstOthers > 0.1)
        std::printf("\n**The machine was busy:** other processes used up to %.0f%% of its CPUs "
                    "during these runs (median of a row, column \"others\"), so the wall times, "
                    "MB/s and speed-ups above understate wordmill-cli. Re-run on a quiet "
                    "machine.\n",
                    worstOthers * 100);

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
    std::printf("\n### Cancel latency\n\n"
                "`wordmill-cli --sample 50G --quiet`, SIGINT after 1 s, time from the signal to "
                "the process reaped: median %.1f ms, max %.1f ms over %d runs: %s.\n",
                cancelMedian, cancelMax, int(cancels.size()),
                qPrintable(cancelRows.join(QStringLiteral(", "))));

    // Targets of issue 2, section 5 (and the exit rules of section 3).
    const Series &wsBible = find(QStringLiteral("bible-200MB"), QStringLiteral("whitespace"),
                                 QStringLiteral("wordmill-cli"), 2);
    const Series &wordsSample = find(QStringLiteral("sample-200MB"), QStringLiteral("words"),
                                     QStringLiteral("wordmill-cli"), 2);
    checks.push_back({QStringLiteral("whitespace, 2 workers, bible-200MB: at least 250 MB/s"),
                      QStringLiteral("%1 MB/s (best run: %2)")
                          .arg(fixed(wsBible.mbps(), 1), fixed(wsBible.bestMbps(), 1)),
                      wsBible.ok && wsBible.mbps() >= 250});
    checks.push_back({QStringLiteral("words, 2 workers, sample-200MB: at least 150 MB/s"),
                      QStringLiteral("%1 MB/s (best run: %2)")
                          .arg(fixed(wordsSample.mbps(), 1), fixed(wordsSample.bestMbps(), 1)),
                      wordsSample.ok && wordsSample.mbps() >= 150});
    for (const Series &s : table) {
        if (s.program != QLatin1String("wordmill-cli") || s.threads != 2)
            continue;
        const Series &one = find(s.input, s.mode, s.program, 1);
        const double speedup = s.mbps() / one.mbps();
        checks.push_back({QStringLiteral("%1 %2: 2 workers at least 1.7× one").arg(s.input, s.mode),
                          QStringLiteral("%1× (best runs: %2×)")
                              .arg(fixed(speedup, 2), fixed(s.bestMbps() / one.bestMbps(), 2)),
                          s.ok && speedup >= 1.7});
    }
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
