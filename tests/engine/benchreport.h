// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the wordmill-cli benchmarks share to describe the machine and print their reports.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace BenchReport {

//! Progress for the person waiting: on stderr, so that stdout stays the report.
inline void note(const QString &text)
{
    std::fprintf(stderr, "bench: %s\n", qPrintable(text));
}

inline double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

inline QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

//! What follows the ':' on the first line of \a path that starts with \a prefix ("?" if none).
inline QString firstLine(const QString &path, const QByteArray &prefix)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray &line : f.readAll().split('\n')) { // /proc files have no size: readAll
        if (line.startsWith(prefix))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return QStringLiteral("?");
}

//! The 1, 5 and 15 minute load averages: a report is only as good as the machine was quiet.
inline QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace BenchReport
