// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/stopsignalnotifier.h"
#include "core/format/translations.h"
#include "core/text/localpath.h"
#include "ui/monitor/mainwindow.h"
#include "ui/monitor/memoryrelease.h"
#include "ui/monitor/resumecontroller.h"
#include "ui/monitor/startupoptions.h"

#include <QApplication>
#include <QIcon>
#include <QSettings>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    MemoryRelease::returnLargeBlocksWhenFreed(); // removed jobs give their memory back
    if (const std::optional<int> status = StartupOptions::answerWithoutGui(argc, argv))
        return *status;

    QApplication app(argc, argv);
    StopSignalNotifier stopSignals;
    QApplication::setOrganizationName(QStringLiteral("WordMill"));
    QApplication::setApplicationName(QStringLiteral("WordMill"));
    QApplication::setApplicationVersion(QStringLiteral(WORDMILL_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(WORDMILL_APP_ID));
    QApplication::setWindowIcon(MainWindow::applicationIcon());
    // View ▸ Language; empty (the default) follows the system's language.
    Translations::install(QSettings().value(QStringLiteral("language")).toString());

    // Not app.arguments(): it decodes as UTF-8 and loses the bytes of names that are not. The
    // QApplication constructor has taken its own options (-platform …) out of argv.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << LocalPath::fromNative(argv[i]);
    const StartupOptions options = StartupOptions::parse(arguments);
    if (!options.error.isEmpty()) {
        const QString message = QCoreApplication::translate(
            "StartupOptions", "wordmill: %1\nTry 'wordmill --help' for more information.\n");
        std::fputs(qPrintable(message.arg(options.error)), stderr);
        return 2;
    }
    MainWindow window;
    QObject::connect(&stopSignals, &StopSignalNotifier::stopRequested, &window,
                     &MainWindow::stopJobsAndQuit);
    window.show();
    options.apply(window);
    // Jobs a crash, a kill or "Keep for Later" left unfinished; not in a script's run.
    if (!options.quitWhenDone)
        QTimer::singleShot(0, window.resumeController(), &ResumeController::offerToResume);
    return app.exec();
}
