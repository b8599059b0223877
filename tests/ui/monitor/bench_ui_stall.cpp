// SPDX-License-Identifier: GPL-3.0-or-later
// Measures how responsive the desktop monitor stays: the longest event-loop stall while a
// 1 GB job runs in the real MainWindow, and how long Cancel takes to end a job.
// Run: QT_QPA_PLATFORM=offscreen build/release/tests/bench_ui_stall [bytes]
#include "core/engine/countjob.h"
#include "core/format/progressformat.h"
#include "core/format/translations.h"
#include "tests/common/stallprobe.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

void waitFor(CountJob *job)
{
    QEventLoop loop;
    QObject::connect(job, &CountJob::finished, &loop, &QEventLoop::quit);
    if (!job->isFinished())
        loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QApplication app(argc, argv);
    Translations::install(
        QStringLiteral("en")); // as the program does in English: "2 files", not "2 file(s)"
    const qint64 bytes = argc > 1 ? ProgressFormat::parseBytes(QString::fromLocal8Bit(argv[1]))
                                  : qint64(1000) * 1000 * 1000;
    MainWindow window;
    window.resize(1100, 720);
    window.show();
    QElapsedTimer probeClock;
    probeClock.start();
    StallProbe probe(&window, [&probeClock] { return double(probeClock.nsecsElapsed()) / 1e6; });

    std::printf("WordMill GUI responsiveness (platform %s, %d cores)\n",
                qPrintable(QGuiApplication::platformName()), QThread::idealThreadCount());
    for (int round = 0; round < 2; ++round) {
        probe.start();
        QElapsedTimer clock;
        clock.start();
        CountJob *job = window.startSample(bytes);
        waitFor(job);
        // Let the results table and the status bar settle, as a person would see them.
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 300)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        probe.stop();
        std::printf("job of %s, words mode: %.1f s; event loop: %zu probes, longest stall %.1f ms, "
                    "99th percentile %.1f ms\n",
                    qPrintable(ProgressFormat::bytes(bytes)), double(clock.elapsed()) / 1000.0,
                    probe.ticks(), probe.longest(), probe.percentile(0.99));
    }

    std::vector<double> latencies;
    for (int i = 0; i < 5; ++i) {
        CountJob *job = window.startSample(qint64(50) * 1000 * 1000 * 1000);
        JobCard *card = window.cardFor(job);
        QElapsedTimer wait;
        wait.start();
        while (job->progress().map.done < (qint64(64) << 20) && wait.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QElapsedTimer clock;
        clock.start();
        card->cancelButton()->click();
        waitFor(job);
        latencies.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(latencies.begin(), latencies.end());
    std::printf("cancel latency (click to Cancelled, 50 GB sample job, 5 runs): median %.1f ms, "
                "max %.1f ms\n",
                latencies[latencies.size() / 2], latencies.back());
    return 0;
}
