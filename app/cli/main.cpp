// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commandlinetool.h"
#include "app/common/stopsignalnotifier.h"
#include "core/format/translations.h"
#include "core/text/localpath.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wordmill-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WORDMILL_VERSION));
    Translations::install(); // the system's language, as LANGUAGE, LC_MESSAGES and LANG say

    CommandLineTool tool;
    StopSignalNotifier stopSignals;
    QObject::connect(&stopSignals, &StopSignalNotifier::stopRequested, &tool,
                     &CommandLineTool::stop);
    QObject::connect(&tool, &CommandLineTool::done, &app,
                     [](int code) { QCoreApplication::exit(code); });
    // Not app.arguments(): it decodes as UTF-8 and loses the bytes of names that are not.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << LocalPath::fromNative(argv[i]);
    const int early = tool.start(arguments);
    return early >= 0 ? early : app.exec();
}
