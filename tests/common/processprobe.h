// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a test can read of a child process from /proc: its signal handlers and CPU time.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <csignal>

namespace ProcessProbe {

inline QByteArray readProc(qint64 pid, const char *name)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// True once the process has handlers for SIGINT, SIGTERM and SIGHUP (its SigCgt mask has the
// bits): before that, a signal would end it with the default action, which is not ours to test.
inline bool catchesStopSignals(qint64 pid)
{
    for (const QByteArray &line : readProc(pid, "status").split('\n')) {
        if (line.startsWith("SigCgt:")) {
            bool ok = false;
            const quint64 mask = line.mid(7).trimmed().toULongLong(&ok, 16);
            const quint64 wanted = (quint64(1) << (SIGINT - 1)) | (quint64(1) << (SIGTERM - 1))
                | (quint64(1) << (SIGHUP - 1));
            return ok && (mask & wanted) == wanted;
        }
    }
    return false;
}

// User plus system CPU time of the process, in clock ticks.
inline qint64 cpuTicks(qint64 pid)
{
    const QByteArray stat = readProc(pid, "stat");
    const qsizetype paren = stat.lastIndexOf(')');
    if (paren < 0)
        return 0;
    // After "pid (comm)": state is field 3; utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = stat.mid(paren + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return fields.at(11).toLongLong() + fields.at(12).toLongLong();
}

} // namespace ProcessProbe
