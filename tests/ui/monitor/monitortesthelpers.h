// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the monitor's widget tests (tst_ui_monitor_*): settings and a job history of
// the test's own, a shown window, waiting for a job to count, and what the results table shows.

#include "core/engine/countjob.h"
#include "core/format/translations.h"
#include "tests/common/testfiles.h"
#include "ui/explorer/resultsmodel.h"
#include "ui/monitor/jobhistory.h"
#include "ui/monitor/mainwindow.h"
#include "ui/monitor/optionspanel.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QList>
#include <QPair>
#include <QSettings>
#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace MonitorTest {

using TestFiles::writeFile;

// Generous bounds for work (a loaded 2-core machine, sometimes under AddressSanitizer); the
// behaviour bounds the spec sets (Cancelled within 1 s, closed within 1 s) stay strict.
inline constexpr int WorkTimeoutMs = 120000;
inline constexpr int PromptMs = 1000;
// Never finishes within a test: it must be stopped.
inline constexpr qint64 BigSample = 20'000'000'000;
inline constexpr qint64 PauseSample = qint64(64) << 20;

using Counts = QList<QPair<QString, quint64>>;

// What the results table shows, read through the model as the view reads it.
inline Counts tableCounts(const ResultsModel *model)
{
    Counts counts;
    for (int row = 0; row < model->rowCount(); ++row) {
        counts.append(
            {model->index(row, ResultsModel::WordColumn).data().toString(),
             model->index(row, ResultsModel::CountColumn).data(Qt::EditRole).toULongLong()});
    }
    return counts;
}

// Runs the event loop until \a job is counting and its map phase has moved.
inline bool waitUntilCounting(CountJob *job, int timeoutMs = WorkTimeoutMs)
{
    QSignalSpy progress(job, &CountJob::progressChanged);
    const QDeadlineTimer deadline(timeoutMs);
    while (!(job->state() == CountJob::Counting && job->progress().map.done > 0)) {
        if (job->isFinished() || deadline.hasExpired())
            return false;
        progress.wait(int(qBound(qint64(1), deadline.remainingTime(), qint64(100))));
    }
    return true;
}

// The data folder of the test executable (the job history goes there), out of the user's.
inline const QTemporaryDir &dataHome()
{
    static const QTemporaryDir dir;
    return dir;
}

// What every monitor test case sets up first: the window's settings kept in \a config and its
// job history in dataHome(), out of the user's.
inline void initMonitorTestCase(const QTemporaryDir &config)
{
    QVERIFY(config.isValid());
    QVERIFY(dataHome().isValid());
    // Keep the window's settings out of the user's: no QSettings exists yet, so the path holds.
    // Not QStandardPaths::setTestModeEnabled(): it puts both under ~/.qttest of the real home.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    qputenv("XDG_DATA_HOME", QFile::encodeName(dataHome().path()));
    QCoreApplication::setOrganizationName(QStringLiteral("WordMillTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_monitor"));
    QVERIFY(QSettings().fileName().startsWith(config.path()));
    QVERIFY(JobHistory::defaultPath().startsWith(dataHome().path()));
    Translations::install(
        QStringLiteral("en")); // as the program does in English: "2 files", not "2 file(s)"
}

// Whether makeWindow() starts from an empty job history, as a first run does, or shows the jobs
// the windows before it kept (a restart).
enum class History { Cleared, Kept };

// A shown, exposed window with options fixed for repeatable runs.
inline std::unique_ptr<MainWindow> makeWindow(History history = History::Cleared)
{
    if (history == History::Cleared)
        QFile::remove(JobHistory::defaultPath());
    auto window = std::make_unique<MainWindow>();
    window->options()->setWorkers(2);
    window->options()->setMode(CountingMode::Words);
    window->options()->setChunkSize(JobSpec::DefaultChunkSize);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

// Starts the next job of \a window on its inputs; the job once finished (in any state), null if
// it could not start or timed out.
inline CountJob *runNextJob(MainWindow *window)
{
    CountJob *job = window->startJob();
    if (!job)
        return nullptr;
    QSignalSpy finished(job, &CountJob::finished);
    if (!job->isFinished() && !finished.wait(WorkTimeoutMs))
        return nullptr;
    return job;
}

// Counts \a text, written to \a name in \a dir, as the next job of \a window; the job once
// Done, null if it could not start, failed or timed out.
inline CountJob *countText(MainWindow *window, const QTemporaryDir &dir, const QString &name,
                           const QByteArray &text)
{
    const QString path = dir.filePath(name);
    if (!TestFiles::writeFile(path, text))
        return nullptr;
    window->addInputs({path});
    CountJob *job = runNextJob(window);
    return job && job->state() == CountJob::Done ? job : nullptr;
}

} // namespace MonitorTest
