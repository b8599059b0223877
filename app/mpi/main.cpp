// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/stopsignalnotifier.h"
#include "app/mpi/mpicounttool.h"
#include "core/format/translations.h"
#include "core/text/localpath.h"

#include <QCoreApplication>

#include <mpi.h>

int main(int argc, char *argv[])
{
    int threading = 0;
    // Only the main thread calls MPI; the counting threads never do.
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &threading);
    int code = 0;
    {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("wordmill-mpi"));
        QCoreApplication::setApplicationVersion(QStringLiteral(WORDMILL_VERSION));
        Translations::install();

        MpiCountTool tool(MPI_COMM_WORLD);
        StopSignalNotifier stopSignals;
        QObject::connect(&stopSignals, &StopSignalNotifier::stopRequested, &tool,
                         &MpiCountTool::stop);
        QObject::connect(&tool, &MpiCountTool::done, &app,
                         [](int exitCode) { QCoreApplication::exit(exitCode); });
        QStringList arguments;
        for (int i = 0; i < argc; ++i)
            arguments << LocalPath::fromNative(argv[i]);
        const int early = tool.start(arguments);
        code = early >= 0 ? early : app.exec();
    }
    MPI_Finalize();
    return code;
}
