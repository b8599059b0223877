// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commandlinetool.h"
#include "app/cli/interruptnotifier.h"
#include "core/format/translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wordmill-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WORDMILL_VERSION));
    Translations::install(); // the system's language, as LANGUAGE, LC_MESSAGES and LANG say

    CommandLineTool tool;
    InterruptNotifier interrupt;
    QObject::connect(&interrupt, &InterruptNotifier::interrupted, &tool,
                     &CommandLineTool::interrupt);
    QObject::connect(&tool, &CommandLineTool::done, &app,
                     [](int code) { QCoreApplication::exit(code); });
    const int early = tool.start(app.arguments());
    return early >= 0 ? early : app.exec();
}
