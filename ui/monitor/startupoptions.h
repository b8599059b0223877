#pragma once

#include <QStringList>

class MainWindow;

/*!
    \brief The desktop program's command line: `wordmill [--sample SIZE] [PATH...]`.
    Paths become the next job's inputs and start at once; --sample starts a sample job.
*/
struct StartupOptions
{
    qint64 sampleBytes = 0;
    QStringList paths;
    QString error; // set when the command line is wrong

    static StartupOptions parse(const QStringList &arguments);
    //! Starts what the command line asked for in \a window.
    void apply(MainWindow &window) const;
};
