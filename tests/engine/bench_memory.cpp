// SPDX-License-Identifier: GPL-3.0-or-later
// Peak memory of wordmill-cli where the job's plan is large: the generated sample in 1 KiB chunks
// (about a million chunks a GiB) and a folder of 100,000 small files (issue 14, item 5). With
// --baseline-cli, an older wordmill-cli runs the same rows in the same run, so the report shows
// before, after and their ratio. Not a test: it prints a Markdown table for docs/benchmarks.md,
// says whether the targets are met, and exits 0 either way (2 if it cannot run at all).
// Progress goes to stderr, the report to stdout.

#include "core/engine/private/samplegenerator.h"
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
#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

namespace {

using namespace BenchReport;

constexpr qint64 SmallFileBytes = 100;
constexpr int FilesPerFolder = 1000;
constexpr quint64 SampleSeed = 1;
// Bumped when the files' content or layout changes, so that a kept --dir is written again.
constexpr int FilesVersion = 1;
// "4 GiB within about 10 % of 1 GiB": memory must not follow input size.
constexpr double SizeIndependentWithin = 0.10;
// Without a baseline: half of the 128 MB the issue measured for 100,000 files.
constexpr double FilesTargetMiB = 64;

using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------------------------------------
// The small files

QString stampText(int files)
{
    return QStringLiteral("%1 files of %2 bytes, %3 a folder, sample seed %4, version %5\n")
        .arg(files)
        .arg(SmallFileBytes)
        .arg(FilesPerFolder)
        .arg(SampleSeed)
        .arg(FilesVersion);
}

QString smallFilePath(const QString &root, int index)
{
    return QStringLiteral("%1/d%2/f%3.txt")
        .arg(root)
        .arg(index / FilesPerFolder, 3, 10, QLatin1Char('0'))
        .arg(index % FilesPerFolder, 3, 10, QLatin1Char('0'));
}

/*!
    Makes \a root hold \a files files of SmallFileBytes bytes of sample text, FilesPerFolder to a
    folder, unless a stamp next to it says an earlier run made exactly these. The stamp is
    written last, so a run stopped halfway leaves files that are made again.
*/
bool prepareFiles(const QString &root, int files)
{
    QFile stamp(root + QStringLiteral(".done"));
    if (stamp.open(QIODevice::ReadOnly) && QString::fromUtf8(stamp.readAll()) == stampText(files)
        && QFileInfo::exists(smallFilePath(root, files - 1))) {
        note(QStringLiteral("reusing %1").arg(root));
        return true;
    }
    stamp.close();
    stamp.remove();
    note(QStringLiteral("writing %1 files to %2").arg(files).arg(root));
    if (QFileInfo::exists(root) && !QDir(root).removeRecursively())
        return false;
    // One stretch of sample text, cut into files: generating a 64 KiB block for each 100-byte
    // file would take a hundred times longer. Words cut at the files' edges do not matter here.
    QByteArray text(qint64(files) * SmallFileBytes, Qt::Uninitialized);
    SampleGenerator(SampleSeed).generate(0, text.data(), text.size());
    for (int i = 0; i < files; ++i) {
        if (i % FilesPerFolder == 0 && !QDir().mkpath(QFileInfo(smallFilePath(root, i)).path()))
            return false;
        QFile out(smallFilePath(root, i));
        if (!out.open(QIODevice::WriteOnly)
            || out.write(text.constData() + qint64(i) * SmallFileBytes, SmallFileBytes)
                != SmallFileBytes)
            return false;
    }
    return stamp.open(QIODevice::WriteOnly) && stamp.write(stampText(files).toUtf8()) > 0;
}

// ---------------------------------------------------------------------------------------------
// The rows

//! One program's runs of one row. Peak RSS at 1 KiB chunks varies by several MiB from run to
//! run (which thread's malloc arena the growing tables land in), so a row can be run more
//! than once; the figures are medians.
struct Runs
{
    std::vector<ChildRun> runs;
    bool started = false; // at least one run was asked for
    double rssMiB = 0;
    double minRssMiB = 0;
    double maxRssMiB = 0;
    double seconds = 0;
    double cpuSeconds = 0;

    void add(const ChildRun &run)
    {
        runs.push_back(run);
        started = true;
        std::vector<double> rss, wall, cpu;
        for (const ChildRun &r : runs) {
            rss.push_back(r.rssMiB);
            wall.push_back(r.seconds);
            cpu.push_back(r.cpuSeconds);
        }
        rssMiB = median(rss);
        minRssMiB = *std::min_element(rss.begin(), rss.end());
        maxRssMiB = *std::max_element(rss.begin(), rss.end());
        seconds = median(wall);
        cpuSeconds = median(cpu);
    }
    bool succeeded() const
    {
        return started && std::all_of(runs.begin(), runs.end(), [](const ChildRun &r) {
                   return r.succeeded();
               });
    }
    QString status() const
    {
        for (const ChildRun &r : runs) {
            if (!r.succeeded())
                return r.status();
        }
        return runs.empty() ? QStringLiteral("not started") : runs.front().status();
    }
};

struct Row
{
    Row(const QString &name, const QStringList &arguments, bool keepOutput = false)
        : name(name)
        , arguments(arguments)
        , keepOutput(keepOutput)
    { }

    QString name;
    QStringList arguments;
    bool keepOutput = false; // compare the two programs' outputs (small outputs only)
    Runs baseline; // not started when there is no baseline
    Runs current;
    std::optional<bool> sameOutput;
};

// The median peak RSS, with the lowest and highest if there were several runs and \a range.
QString runText(const Runs &runs, int decimals, bool range = true)
{
    if (!runs.started)
        return QStringLiteral("–");
    if (!runs.succeeded())
        return runs.status();
    if (runs.runs.size() == 1 || !range)
        return fixed(runs.rssMiB, decimals);
    return QStringLiteral("%1 (%2–%3)")
        .arg(fixed(runs.rssMiB, decimals), fixed(runs.minRssMiB, decimals),
             fixed(runs.maxRssMiB, decimals));
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
        QStringLiteral("Measures wordmill-cli's peak RSS on the generated sample in 1 KiB chunks "
                       "and on many small files, against an older wordmill-cli if given. Prints "
                       "Markdown on stdout."));
    parser.addHelpOption();
    const QCommandLineOption cliOption(QStringLiteral("cli"),
                                       QStringLiteral("wordmill-cli to measure."),
                                       QStringLiteral("PATH"), QStringLiteral(WORDMILL_CLI_PATH));
    const QCommandLineOption baselineOption(
        QStringLiteral("baseline-cli"),
        QStringLiteral("An older wordmill-cli to run the same rows with (new/old ratios)."),
        QStringLiteral("PATH"));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"),
        QStringLiteral("Keep the small files in DIR and reuse them (default: a temporary dir)."),
        QStringLiteral("DIR"));
    const QCommandLineOption filesOption(QStringLiteral("files"),
                                         QStringLiteral("Number of small files (default 100000)."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption filesOnlyOption(
        QStringLiteral("files-only"),
        QStringLiteral("Only the small-file rows: the sample rows take minutes."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        QStringLiteral("Kill a run after SECONDS (default 3600: 4 GiB in 1 KiB chunks is slow)."),
        QStringLiteral("SECONDS"), QStringLiteral("3600"));
    const QCommandLineOption repsOption(
        QStringLiteral("repetitions"),
        QStringLiteral("Runs of each program per row, alternated (default 1); the table shows "
                       "medians."),
        QStringLiteral("N"), QStringLiteral("1"));
    parser.addOptions({cliOption, baselineOption, dirOption, filesOption, filesOnlyOption,
                       timeoutOption, repsOption});
    parser.process(app);
    const QString cli = parser.value(cliOption);
    const QString baselineCli = parser.value(baselineOption);
    const int files = std::max(1, parser.value(filesOption).toInt());
    const double timeout = std::max(1.0, parser.value(timeoutOption).toDouble());
    const int reps = std::max(1, parser.value(repsOption).toInt());
    for (const QString &program : {cli, baselineCli}) {
        if (!program.isEmpty() && !QFileInfo(program).isExecutable()) {
            note(QStringLiteral("%1 is not an executable file").arg(program));
            return 2;
        }
    }

    QTemporaryDir tempDir(QDir::tempPath() + QStringLiteral("/wordmill-bench-XXXXXX"));
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : tempDir.path();
    if (!tempDir.isValid() || !QDir().mkpath(dir)) {
        note(QStringLiteral("cannot create %1").arg(dir));
        return 2;
    }
    const QString scratch = tempDir.path(); // outputs and stderr of the runs
    const QString filesRoot = QDir(dir).absoluteFilePath(QStringLiteral("files-%1").arg(files));
    if (!prepareFiles(filesRoot, files)) {
        note(QStringLiteral("cannot write the small files to %1").arg(filesRoot));
        return 2;
    }
    const QString loadBefore = loadAverage();
    const Clock::time_point benchStart = Clock::now();

    const QStringList common {QStringLiteral("--threads"), QStringLiteral("2"),
                              QStringLiteral("--quiet")};
    const auto sampleRow = [&common](const QString &size, const QString &chunk) {
        return Row(QStringLiteral("sample %1, %2 chunks, whitespace").arg(size, chunk),
                   QStringList {QStringLiteral("--sample"), size, QStringLiteral("--chunk-size"),
                                chunk, QStringLiteral("--mode"), QStringLiteral("whitespace")}
                       + common);
    };
    std::vector<Row> rows;
    if (!parser.isSet(filesOnlyOption)) {
        rows.push_back(sampleRow(QStringLiteral("1G"), QStringLiteral("1K")));
        rows.push_back(sampleRow(QStringLiteral("4G"), QStringLiteral("1K")));
        rows.push_back(sampleRow(QStringLiteral("1G"), QStringLiteral("4M")));
        rows.push_back(sampleRow(QStringLiteral("4G"), QStringLiteral("4M")));
    }
    // One file of the same kind: what a job costs before any per-file memory.
    rows.emplace_back(QStringLiteral("1 small file"),
                      common + QStringList {smallFilePath(filesRoot, 0)}, true);
    rows.emplace_back(QStringLiteral("%1 small files (one folder argument)").arg(files),
                      common + QStringList {filesRoot}, true);
    const qsizetype oneFileRow = qsizetype(rows.size()) - 2;
    const qsizetype filesRow = qsizetype(rows.size()) - 1;

    const QString errPath = scratch + QStringLiteral("/stderr.txt");
    for (Row &row : rows) {
        QByteArray outputs[2]; // of the first runs
        for (int r = 0; r < reps; ++r) {
            for (const bool isBaseline : {true, false}) {
                const QString &program = isBaseline ? baselineCli : cli;
                if (program.isEmpty())
                    continue;
                note(
                    QStringLiteral("%1: %2 run %3/%4")
                        .arg(row.name,
                             isBaseline ? QLatin1String("baseline") : QLatin1String("wordmill-cli"))
                        .arg(r + 1)
                        .arg(reps));
                const QString outPath
                    = row.keepOutput && r == 0 ? scratch + QStringLiteral("/out.tsv") : QString();
                const ChildRun run
                    = launcher.run(program, row.arguments, outPath, errPath, -1, timeout);
                if (!run.succeeded())
                    note(QStringLiteral("%1: %2: %3")
                             .arg(row.name, run.status(), QString::fromLocal8Bit(run.stderrText)));
                if (!outPath.isEmpty())
                    outputs[isBaseline ? 0 : 1] = readAll(outPath);
                (isBaseline ? row.baseline : row.current).add(run);
            }
        }
        if (row.keepOutput && row.baseline.succeeded() && row.current.succeeded())
            row.sameOutput = outputs[0] == outputs[1] && !outputs[1].isEmpty();
    }

    // ------------------------------------------------------------------------------------------
    const bool haveBaseline = !baselineCli.isEmpty();
    std::printf("Machine: %d CPUs, %s; Qt %s; %s\n", QThread::idealThreadCount(),
                qPrintable(firstLine(QStringLiteral("/proc/cpuinfo"), "model name")), qVersion(),
                qPrintable(QSysInfo::prettyProductName()));
    std::printf("wordmill-cli: `%s`; baseline: %s\n", qPrintable(cli),
                haveBaseline ? qPrintable(QStringLiteral("`%1`").arg(baselineCli)) : "none");
    std::printf("Load average (1, 5, 15 min) at the start: %s; at the end: %s. Benchmark time: "
                "%.0f s.\n\n",
                qPrintable(loadBefore), qPrintable(loadAverage()),
                std::chrono::duration<double>(Clock::now() - benchStart).count());
    std::printf("Peak RSS (MiB, from wait4), median of %d run(s) of each program, alternated "
                "(lowest–highest in brackets when more than one); `--threads 2 --quiet`, stdout "
                "to /dev/null for the sample rows. new/old is the ratio of the medians. Seconds "
                "are the median wall and CPU (user + system) times, for information: they depend "
                "on the machine's load.\n\n",
                reps);
    std::printf("| row | baseline RSS MiB | RSS MiB | new/old | s | CPU s | baseline s |\n");
    std::printf("|---|--:|--:|--:|--:|--:|--:|\n");
    for (const Row &row : rows) {
        const bool both = row.baseline.succeeded() && row.current.succeeded();
        std::printf("| %s | %s | %s | %s | %.1f | %.1f | %s |\n", qPrintable(row.name),
                    qPrintable(runText(row.baseline, 1)), qPrintable(runText(row.current, 1)),
                    both ? qPrintable(fixed(row.current.rssMiB / row.baseline.rssMiB, 2)
                                      + QStringLiteral("×"))
                         : "–",
                    row.current.seconds, row.current.cpuSeconds,
                    row.baseline.started ? qPrintable(fixed(row.baseline.seconds, 1)) : "–");
    }

    // Per file: what the folder costs beyond one file of it, both measured here.
    const auto perFileBytes = [&rows, oneFileRow, filesRow, files](bool baseline) -> double {
        const Runs &one = baseline ? rows[oneFileRow].baseline : rows[oneFileRow].current;
        const Runs &all = baseline ? rows[filesRow].baseline : rows[filesRow].current;
        if (!one.succeeded() || !all.succeeded())
            return -1;
        return (all.rssMiB - one.rssMiB) * 1024 * 1024 / files;
    };
    const double perFile = perFileBytes(false);
    const double perFileBefore = haveBaseline ? perFileBytes(true) : -1;
    std::printf("\nPer file: (RSS(%d files) − RSS(1 file)) / %d = ", files, files);
    if (perFileBefore >= 0)
        std::printf("%.0f bytes before, ", perFileBefore);
    std::printf("%.0f bytes", perFile);
    if (perFileBefore > 0 && perFile >= 0)
        std::printf(" (new/old %.2f×)", perFile / perFileBefore);
    std::printf(".\n");
    for (const qsizetype i : {oneFileRow, filesRow}) {
        if (rows[i].sameOutput)
            std::printf("Output of \"%s\", baseline vs wordmill-cli: %s.\n",
                        qPrintable(rows[i].name), *rows[i].sameOutput ? "identical" : "DIFFERENT");
    }

    // The targets.
    std::printf("\n### Targets (issue 14, item 5)\n\n");
    const auto verdict = [](bool met) { return met ? "met" : "**missed**"; };
    if (!parser.isSet(filesOnlyOption)) {
        const Runs &small = rows[0].current;
        const Runs &large = rows[1].current;
        const bool measured = small.succeeded() && large.succeeded();
        const double growth = measured ? large.rssMiB / small.rssMiB - 1 : 0;
        std::printf("- Memory independent of input size: 4 GiB in 1 KiB chunks within %.0f %% of "
                    "1 GiB in 1 KiB chunks: %s (%s MiB vs %s MiB, %+.1f %%).",
                    SizeIndependentWithin * 100,
                    measured ? verdict(std::abs(growth) <= SizeIndependentWithin) : "not measured",
                    qPrintable(runText(large, 1, false)), qPrintable(runText(small, 1, false)),
                    growth * 100);
        const Runs &small4M = rows[2].current;
        const Runs &large4M = rows[3].current;
        if (small4M.succeeded() && large4M.succeeded())
            std::printf(" The same sizes in 4 MiB chunks, where the plan is small: %+.1f %%.",
                        (large4M.rssMiB / small4M.rssMiB - 1) * 100);
        std::printf("\n");
        // The sample's distinct words, and so the results table, grow with its size whatever
        // the chunks: what 1 KiB chunks add to the growth beyond 4 MiB chunks is the plan's.
        const auto planGrowth = [&rows](bool baseline) -> std::optional<double> {
            double rss[4] = {};
            for (int i = 0; i < 4; ++i) {
                const Runs &run = baseline ? rows[size_t(i)].baseline : rows[size_t(i)].current;
                if (!run.succeeded())
                    return std::nullopt;
                rss[i] = run.rssMiB;
            }
            return (rss[1] - rss[0]) - (rss[3] - rss[2]);
        };
        const std::optional<double> plan = planGrowth(false);
        const std::optional<double> planBefore = planGrowth(true);
        if (plan) {
            std::printf("- Growth from 1 to 4 GiB in 1 KiB chunks beyond the growth in 4 MiB "
                        "chunks (the plan's share; not a target): %+.1f MiB",
                        *plan);
            if (planBefore)
                std::printf(" (baseline %+.1f MiB)", *planBefore);
            std::printf(".\n");
        }
    }
    const Runs &many = rows[filesRow].current;
    const Runs &manyBefore = rows[filesRow].baseline;
    if (haveBaseline) {
        const bool measured = many.succeeded() && manyBefore.succeeded();
        std::printf(
            "- %d files at most half the baseline's peak RSS: %s (%s MiB vs %s MiB, "
            "%s).\n",
            files, measured ? verdict(many.rssMiB <= manyBefore.rssMiB / 2) : "not measured",
            qPrintable(runText(many, 1, false)), qPrintable(runText(manyBefore, 1, false)),
            measured ? qPrintable(fixed(many.rssMiB / manyBefore.rssMiB, 2) + QStringLiteral("×"))
                     : "–");
    } else {
        std::printf("- %d files at most %.0f MiB (no baseline given): %s (%s MiB).\n", files,
                    FilesTargetMiB,
                    many.succeeded() ? verdict(many.rssMiB <= FilesTargetMiB) : "not measured",
                    qPrintable(runText(many, 1, false)));
    }
    return 0;
}
