// SPDX-License-Identifier: GPL-3.0-or-later
// Takes the README's screenshots of the real window: mid-job, when done, the Workers tab.
// Run through .ci/screenshots, which uses Xvfb (or set QT_QPA_PLATFORM=offscreen).
// Usage: wordmill-screenshots OUTPUT_DIR [SUFFIX]
#include "core/engine/countjob.h"
#include "core/format/translations.h"
#include "ui/explorer/resultsexplorer.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/mainwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>

#include <cstdio>

namespace {

void settle(int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

bool save(QWidget &window, const QString &path)
{
    settle(150);
    const bool ok = window.grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    // Settings and the job history of this run only: cards restored from earlier runs would
    // crowd the pictures (they did, once the history came).
    QTemporaryDir config;
    QTemporaryDir data;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    qputenv("XDG_DATA_HOME", data.path().toLocal8Bit());
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: wordmill-screenshots OUTPUT_DIR [SUFFIX [LANGUAGE]]\n");
        return 2;
    }
    // English unless a language is named ("es" for the Spanish README's pictures).
    Translations::install(argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("en"));
    const QDir out(QString::fromLocal8Bit(argv[1]));
    const QString suffix = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    const QString corpus = QStringLiteral(WORDMILL_CORPUS_DIR);

    MainWindow window;
    window.resize(1100, 720);
    window.show();
    settle(200);

    CountJob *sample = window.startSample(qint64(3) << 30);
    window.addInputs({corpus + QStringLiteral("/quijote.txt"),
                      corpus + QStringLiteral("/kjvbible.txt"),
                      corpus + QStringLiteral("/missing-chapter.txt")});
    CountJob *files = window.startJob();
    window.selectCard(window.cardFor(sample));
    QElapsedTimer clock;
    clock.start();
    const auto fortyPercent = [sample] {
        const JobProgress p = sample->progress();
        return p.map.total > 0 && p.map.done >= p.map.total * 2 / 5;
    };
    while (!fortyPercent() && clock.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    window.detailTabs()->setCurrentIndex(1); // the live top words
    bool ok = save(window, out.filePath(QStringLiteral("monitor-running%1.png").arg(suffix)));

    while ((!sample->isFinished() || !files->isFinished()) && clock.elapsed() < 180000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    window.selectCard(window.cardFor(files));
    window.detailTabs()->setCurrentIndex(0);
    ok = save(window, out.filePath(QStringLiteral("monitor-files%1.png").arg(suffix))) && ok;

    // The details want the room now: the job cards are over.
    if (auto *split = window.findChild<QSplitter *>(QStringLiteral("rightSplitter")))
        split->setSizes({150, 570});
    window.selectCard(window.cardFor(sample));
    window.detailTabs()->setCurrentIndex(2); // the Workers tab: lanes, time split, speed
    settle(400); // it redraws at most every 250 ms
    ok = save(window, out.filePath(QStringLiteral("monitor-workers%1.png").arg(suffix))) && ok;

    window.detailTabs()->setCurrentIndex(1);
    ResultsExplorer *explorer = window.explorer();
    const auto settled = [explorer] {
        QElapsedTimer wait;
        wait.start();
        while (explorer->isBusy() && wait.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    };
    settled();
    ok = save(window, out.filePath(QStringLiteral("monitor-done%1.png").arg(suffix))) && ok;
    explorer->stopWordsCheck()->setChecked(true);
    explorer->filterEdit()->setText(QStringLiteral("ción"));
    settled();
    ok = save(window, out.filePath(QStringLiteral("explorer-filter%1.png").arg(suffix))) && ok;
    explorer->filterEdit()->clear();
    settled();
    explorer->views()->setCurrentIndex(1);
    ok = save(window, out.filePath(QStringLiteral("chart-top-words%1.png").arg(suffix))) && ok;
    explorer->views()->setCurrentIndex(2);
    ok = save(window, out.filePath(QStringLiteral("chart-zipf%1.png").arg(suffix))) && ok;
    return ok ? 0 : 1;
}
