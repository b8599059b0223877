// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/format/englishplurals.h"
#include "ui/monitor/mainwindow.h"
#include "ui/monitor/startupoptions.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (const std::optional<int> status = StartupOptions::answerWithoutGui(argc, argv))
        return *status;

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("WordMill"));
    QApplication::setApplicationName(QStringLiteral("WordMill"));
    QApplication::setApplicationVersion(QStringLiteral(WORDMILL_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(WORDMILL_APP_ID));
    QApplication::setWindowIcon(MainWindow::applicationIcon());
    EnglishPlurals::install();

    const StartupOptions options = StartupOptions::parse(app.arguments());
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "wordmill: %s\nTry 'wordmill --help' for more information.\n",
                     qPrintable(options.error));
        return 2;
    }
    MainWindow window;
    window.show();
    options.apply(window);
    return app.exec();
}
