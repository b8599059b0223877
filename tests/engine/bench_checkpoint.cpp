// SPDX-License-Identifier: GPL-3.0-or-later
// What checkpoints cost (issue 12, item 4): wordmill-cli on 1 GB with --checkpoint every 5 s
// (and every 1 s, to see a checkpoint's cost where 5 s gives few) against none. The runs
// alternate, so that load from other processes falls on all of them alike, and the least CPU
// time of each kind is compared: on a shared machine the minimum is the run least disturbed.
// Not a test: it prints a Markdown table for docs/benchmarks.md and exits 1 if a checkpointed
// run costs more than 3 % CPU time over the run without, or prints other counts.
//
//   bench_checkpoint [--rounds N] [--sample BYTES] [--threads N] [--dir FOLDER]
// FOLDER holds the checkpoints and outputs (default: a temporary folder beside the program, on
// the disk, where fsync() does real work; /tmp may be memory).

#include "tests/engine/benchlauncher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <limits>

namespace {

struct Variant
{
    QString name;
    QStringList extraArguments;
    double bestCpu = std::numeric_limits<double>::max();
    double bestWall = std::numeric_limits<double>::max();
    double checkpointsPerRun = 0; // wall / interval, of the best run: an estimate
    double intervalSeconds = 0;
    QByteArray output;
    bool same = true;
};

} // namespace

int main(int argc, char *argv[])
{
    BenchLauncher launcher;
    if (!launcher.start()) {
        std::fprintf(stderr, "cannot start the launcher\n");
        return 2;
    }
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds."),
                                          QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption sampleOption(QStringLiteral("sample"), QStringLiteral("Bytes."),
                                          QStringLiteral("BYTES"), QStringLiteral("1G"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("Workers."),
                                           QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Work folder."),
                                       QStringLiteral("FOLDER"));
    parser.addOptions({roundsOption, sampleOption, threadsOption, dirOption});
    parser.addHelpOption();
    parser.process(app);
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    QTemporaryDir temporary(QCoreApplication::applicationDirPath()
                            + QStringLiteral("/bench_checkpoint-XXXXXX"));
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    QDir().mkpath(dir);
    const QString checkpoint = dir + QStringLiteral("/bench.ckpt");
    const QStringList job
        = {QStringLiteral("--quiet"), QStringLiteral("--threads"), parser.value(threadsOption),
           QStringLiteral("--sample"), parser.value(sampleOption)};

    std::vector<Variant> variants(3);
    variants[0].name = QStringLiteral("no checkpoint");
    variants[1].name = QStringLiteral("--checkpoint every 5 s");
    variants[1].intervalSeconds = 5;
    variants[2].name = QStringLiteral("--checkpoint every 1 s");
    variants[2].intervalSeconds = 1;
    for (Variant &v : variants) {
        if (v.intervalSeconds > 0)
            v.extraArguments
                = {QStringLiteral("--checkpoint"), checkpoint,
                   QStringLiteral("--checkpoint-interval"), QString::number(v.intervalSeconds)};
    }
    const double busyBefore = BenchLauncher::machineBusySeconds();
    double ownCpu = 0;
    for (int round = 0; round < rounds; ++round) {
        for (Variant &v : variants) {
            const QString out = dir + QStringLiteral("/out.tsv");
            const ChildRun run
                = launcher.run(QStringLiteral(WORDMILL_CLI_PATH), v.extraArguments + job, out,
                               dir + QStringLiteral("/err.txt"));
            if (!run.succeeded()) {
                std::fprintf(stderr, "%s: %s\n%s", qPrintable(v.name), qPrintable(run.status()),
                             run.stderrText.constData());
                return 1;
            }
            ownCpu += run.cpuSeconds;
            QFile f(out);
            f.open(QIODevice::ReadOnly);
            const QByteArray output = f.readAll();
            if (v.output.isEmpty())
                v.output = output;
            v.same = v.same && output == variants[0].output && !output.isEmpty();
            if (run.cpuSeconds < v.bestCpu) {
                v.bestCpu = run.cpuSeconds;
                v.checkpointsPerRun
                    = v.intervalSeconds > 0 ? std::floor(run.seconds / v.intervalSeconds) : 0;
            }
            v.bestWall = std::min(v.bestWall, run.seconds);
            std::fprintf(stderr, "round %d %-24s %.3f s CPU, %.3f s wall\n", round + 1,
                         qPrintable(v.name), run.cpuSeconds, run.seconds);
        }
    }
    const double others = BenchLauncher::machineBusySeconds() - busyBefore - ownCpu;

    std::printf("wordmill-cli %s, least of %d runs each (alternating); other processes used "
                "%.0f CPU s meanwhile\n\n",
                qPrintable(job.join(QLatin1Char(' '))), rounds, std::max(0.0, others));
    std::printf("| run | least CPU s | CPU vs none | least wall s | wall vs none | checkpoints "
                "in the run (about) | same counts |\n|---|--:|--:|--:|--:|--:|---|\n");
    bool ok = true;
    for (const Variant &v : variants) {
        const double cpuRatio = v.bestCpu / variants[0].bestCpu;
        const double wallRatio = v.bestWall / variants[0].bestWall;
        std::printf("| %s | %.3f | %.3f | %.3f | %.3f | %.0f | %s |\n", qPrintable(v.name),
                    v.bestCpu, cpuRatio, v.bestWall, wallRatio, v.checkpointsPerRun,
                    v.same ? "yes" : "NO");
        ok = ok && v.same;
        if (v.intervalSeconds == 5)
            ok = ok && cpuRatio <= 1.03;
    }
    return ok ? 0 : 1;
}
