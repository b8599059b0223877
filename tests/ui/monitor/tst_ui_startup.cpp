// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop program as a terminal and a file manager start it: --help and --version without a
// display, a clear error for a wrong option, --quit-when-done, quitting cleanly on SIGTERM,
// SIGHUP and SIGINT, result files given or dropped opening in the explorer, and the Help menu's
// shortcut list.

#include "core/engine/countjob.h"
#include "core/text/localpath.h"
#include "tests/common/isolatedhome.h"
#include "tests/common/processprobe.h"
#include "ui/explorer/resultsmodel.h"
#include "ui/monitor/helpmenu.h"
#include "ui/monitor/jobqueue.h"
#include "ui/monitor/mainwindow.h"
#include "ui/monitor/startupoptions.h"

#include <QAction>
#include <QDialog>
#include <QElapsedTimer>
#include <QFile>
#include <QMenuBar>
#include <QMimeData>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

namespace {

constexpr int WorkTimeoutMs = 120000;

void isolateHome()
{
    static IsolatedHome home;
}
Q_CONSTRUCTOR_FUNCTION(isolateHome)

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

struct Run
{
    int status = -1;
    QByteArray out;
    QByteArray err;
};

// The real desktop program, with no display to talk to: X11 is forced and DISPLAY removed, so
// anything that needs a window fails.
Run runDesktop(const QStringList &arguments, bool display = false)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"),
               display ? QStringLiteral("offscreen") : QStringLiteral("xcb"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(WORDMILL_DESKTOP_PATH), arguments);
    Run run;
    if (!process.waitForFinished(WorkTimeoutMs) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.status = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestUiStartup : public QObject
{
    Q_OBJECT

    // The programs this test starts inherit these: their settings and job history stay out of
    // the user's (the history, new, went to the real data folder).
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
    }

    void parse_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<qint64>("sample");
        QTest::addColumn<bool>("quit");
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<bool>("error");

        const QString p = QStringLiteral("wordmill");
        QTest::newRow("nothing") << QStringList {p} << qint64(0) << false << QStringList {}
                                 << false;
        QTest::newRow("sample") << QStringList {p, QStringLiteral("--sample"), QStringLiteral("2M")}
                                << qint64(2 << 20) << false << QStringList {} << false;
        QTest::newRow("paths and quit")
            << QStringList {p, QStringLiteral("a.txt"), QStringLiteral("--quit-when-done"),
                            QStringLiteral("b")}
            << qint64(0) << true << QStringList {QStringLiteral("a.txt"), QStringLiteral("b")}
            << false;
        QTest::newRow("bad size") << QStringList {p, QStringLiteral("--sample"),
                                                  QStringLiteral("lots")}
                                  << qint64(0) << false << QStringList {} << true;
        QTest::newRow("unknown option") << QStringList {p, QStringLiteral("--frobnicate")}
                                        << qint64(0) << false << QStringList {} << true;
    }

    void parse()
    {
        QFETCH(QStringList, arguments);
        QFETCH(qint64, sample);
        QFETCH(bool, quit);
        QFETCH(QStringList, paths);
        QFETCH(bool, error);
        const StartupOptions options = StartupOptions::parse(arguments);
        QCOMPARE(options.error.isEmpty(), !error);
        if (error)
            return;
        QCOMPARE(options.sampleBytes, sample);
        QCOMPARE(options.quitWhenDone, quit);
        QCOMPARE(options.paths, paths);
    }

    // Before: --help opened a message box "Unknown option 'help'" (and needed a display).
    void helpAndVersionNeedNoDisplay()
    {
        const Run version = runDesktop({QStringLiteral("--version")});
        QCOMPARE(version.status, 0);
        QCOMPARE(version.out, QByteArray("wordmill " WORDMILL_VERSION "\n"));

        const Run help = runDesktop({QStringLiteral("--help")});
        QCOMPARE(help.status, 0);
        QVERIFY2(help.out.contains("--sample <SIZE>"), help.out.constData());
        QVERIFY(help.out.contains("--quit-when-done"));
        QVERIFY(help.out.startsWith("Usage: "));
    }

    void wrongOptionIsAnErrorOnTheTerminal()
    {
        const Run run = runDesktop({QStringLiteral("--frobnicate")}, true);
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains("frobnicate") && run.err.contains("wordmill --help"),
                 run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void quitWhenDoneGivesTheJobsOutcome()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString text = writeFile(dir, QStringLiteral("t.txt"), "one two two\n");
        const Run done = runDesktop({QStringLiteral("--quit-when-done"), text}, true);
        QCOMPARE(done.status, 0);

        const Run nothing = runDesktop({QStringLiteral("--quit-when-done")}, true);
        QCOMPARE(nothing.status, 0);

        const QString binary = writeFile(dir, QStringLiteral("b.bin"), QByteArray("x\0y", 3));
        const Run skipped = runDesktop({QStringLiteral("--quit-when-done"), binary}, true);
        QCOMPARE(skipped.status, 1);
    }

    // Before: "wordmill caf\xE9.txt" (a Latin-1 name) failed: "no such file or folder", exit 1.
    void latin1NameOnTheCommandLineIsCounted()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray native = QFile::encodeName(dir.path()) + "/caf\xe9.txt";
        const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        QVERIFY(fd >= 0);
        QCOMPARE(::write(fd, "leche\n", 6), ssize_t(6));
        QCOMPARE(::close(fd), 0);
        const auto removeFile = qScopeGuard([&native] { ::unlink(native.constData()); });
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        // QProcess encodes arguments as UTF-8; the shell's printf passes the byte as it is.
        process.start(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             QStringLiteral("exec \"$0\" --quit-when-done \"$(printf '%1/caf\\351.txt')\"")
                 .arg(dir.path()),
             QStringLiteral(WORDMILL_DESKTOP_PATH)});
        QVERIFY(process.waitForFinished(WorkTimeoutMs));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void stopSignalQuitsCleanly_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGHUP") << SIGHUP;
        QTest::newRow("SIGINT") << SIGINT;
    }

    // Before: SIGTERM and SIGHUP killed the window on the spot; the job's workers and the
    // settings (window geometry, options, recent files) were lost.
    void stopSignalQuitsCleanly()
    {
        QFETCH(int, signalNumber);
        const QString settings = QString::fromLocal8Bit(qgetenv("XDG_CONFIG_HOME"))
            + QStringLiteral("/WordMill/WordMill.conf");
        QFile::remove(settings);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(WORDMILL_DESKTOP_PATH),
                      {QStringLiteral("--sample"), QStringLiteral("50G")});
        QVERIFY(process.waitForStarted(30000));
        const qint64 pid = process.processId();
        const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
        // Counting: the handlers are in place and the workers have spent 0.3 s of CPU time.
        QTRY_VERIFY_WITH_TIMEOUT(ProcessProbe::catchesStopSignals(pid)
                                     && ProcessProbe::cpuTicks(pid) >= ticksPerSecond * 3 / 10,
                                 30000);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(::kill(pid_t(pid), signalNumber), 0);
        const bool finished = process.waitForFinished(30000);
        const qint64 latency = clock.elapsed();
        if (!finished) {
            process.kill();
            process.waitForFinished();
            QFAIL("the window did not quit after the signal");
        }
        qInfo("wordmill quit %lld ms after the signal", latency);
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QFile written(settings);
        QVERIFY2(written.open(QIODevice::ReadOnly), qPrintable(settings));
        QVERIFY(written.readAll().contains("geometry"));
        // The issue asks for 1 s; sanitizers and a loaded machine get some room.
        QVERIFY2(latency < 3000, qPrintable(QStringLiteral("%1 ms").arg(latency)));
    }

    // Before: a result file given to wordmill was counted as text ("9" and "tab" as words).
    void resultFilesOpenInTheExplorerTextsAreCounted()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString result = writeFile(dir, QStringLiteral("r.tsv"), "alpha\t7\nbeta\t2\n");
        const QString text = writeFile(dir, QStringLiteral("t.txt"), "gamma gamma\n");
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::resultsOpened);
        QSignalSpy added(window.queue(), &JobQueue::jobAdded);
        StartupOptions options = StartupOptions::parse({QStringLiteral("wordmill"), result, text});
        options.apply(window);

        QVERIFY(opened.wait(WorkTimeoutMs));
        QCOMPARE(opened.first().at(0).toBool(), true);
        QCOMPARE(window.resultsModel()->result()->size(), 2);
        QCOMPARE(window.resultsModel()->result()->word(0), QByteArrayView("alpha"));
        QCOMPARE(added.size(), 1);
        CountJob *job = added.first().at(0).value<CountJob *>();
        QCOMPARE(job->spec().paths, QStringList {text});
    }

    void droppedResultFileOpensInTheExplorer()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString result = writeFile(dir, QStringLiteral("r.json"),
                                         "{\"mode\":\"words\",\"words\":[\n"
                                         "{\"word\":\"delta\",\"count\":3}\n]}\n");
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::resultsOpened);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(result)});
        // As a file manager drops: drag enter, then drop.
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(opened.wait(WorkTimeoutMs));
        QCOMPARE(window.resultsModel()->result()->word(0), QByteArrayView("delta"));
        QVERIFY(window.queue()->jobs().isEmpty());
    }

    void shortcutListNamesEveryMenuShortcut()
    {
        MainWindow window;
        const QList<QPair<QString, QString>> list = HelpMenu::shortcuts(&window);
        int withShortcut = 0;
        const QList<QAction *> menus = window.menuBar()->actions();
        for (QAction *menu : menus) {
            for (QAction *action : menu->menu()->actions()) {
                if (action->shortcut().isEmpty())
                    continue;
                ++withShortcut;
                const QString keys = action->shortcut().toString(QKeySequence::NativeText);
                const bool listed = std::any_of(list.cbegin(), list.cend(), [&](const auto &row) {
                    return row.second == keys;
                });
                QVERIFY2(listed, qPrintable(keys));
            }
        }
        QVERIFY(withShortcut >= 10);
        const QString esc = QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText);
        QVERIFY(std::any_of(list.cbegin(), list.cend(), [&](const auto &row) {
            return row.first == QStringLiteral("Cancel Selected") && row.second == esc;
        }));
        // Issue 11: the context menus' keys are in no menu, and were not listed.
        QVERIFY(std::any_of(list.cbegin(), list.cend(), [](const auto &row) {
            return row.first.contains(QStringLiteral("context menu"))
                && row.second.contains(QStringLiteral("Shift+F10"))
                && row.second.contains(QStringLiteral("Menu"));
        }));

        // The menu entry opens the dialog with one row per shortcut.
        auto *help = window.findChild<HelpMenu *>();
        QVERIFY(help);
        QDialog *dialog = help->showShortcuts();
        auto *table = dialog->findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), list.size());
        dialog->close();
    }
};

QTEST_MAIN(TestUiStartup)
#include "tst_ui_startup.moc"
