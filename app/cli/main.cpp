// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commandlinetool.h"
#include "app/common/stopsignalnotifier.h"
#include "core/format/translations.h"
#include "core/text/localpath.h"

#include <QCoreApplication>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace {

// Opens /dev/null on each of descriptors 0-2 that is closed (`wordmill-cli <&-`), as GNU tools
// do: otherwise the next descriptor opened (the stop signals' pipe) would take its number, and
// "standard input" would be that pipe.
void occupyClosedStandardDescriptors()
{
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
        if (::fcntl(fd, F_GETFD) < 0 && errno == EBADF)
            ::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY); // the lowest free: fd
    }
}

} // namespace

int main(int argc, char *argv[])
{
    occupyClosedStandardDescriptors();
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
