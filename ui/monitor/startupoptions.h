// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <optional>

class MainWindow;

/*!
    \brief The desktop program's command line:
    `wordmill [--sample SIZE] [--quit-when-done] [PATH...]`.

    Paths that are WordMill result files (told by their content) open in the results explorer;
    the other paths become the next job's inputs and start at once; --sample starts a sample
    job. --help and --version print to the terminal like any other program's.
*/
struct StartupOptions
{
    qint64 sampleBytes = 0;
    QStringList paths;
    bool quitWhenDone = false;
    QString error; // set when the command line is wrong

    /*!
        Answers --help and --version on standard output before any window or display is
        needed; returns the exit status then, or nothing when the program should start.
        Call it before QApplication exists: it makes a QCoreApplication of its own.
    */
    static std::optional<int> answerWithoutGui(int argc, char *argv[]);
    static StartupOptions parse(const QStringList &arguments);
    /*!
        Starts what the command line asked for in \a window. With quitWhenDone, the
        application quits once every job has ended: status 0 when all were done, 1 otherwise.
    */
    void apply(MainWindow &window) const;
};
