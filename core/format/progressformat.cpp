// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/format/progressformat.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProgressFormat", text);
}

} // namespace

namespace ProgressFormat {

QString bytes(qint64 bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 5) {
        value /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2")
        .arg(value, 0, 'f', value < 10 ? 1 : 0)
        .arg(QLatin1String(units[unit]));
}

qint64 parseBytes(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return -1;
    double value = m.captured(1).toDouble();
    const QString unit = m.captured(2).toLower();
    const int power = unit.isEmpty() ? 0 : int(QStringLiteral("kmgt").indexOf(unit)) + 1;
    for (int i = 0; i < power; ++i)
        value *= 1024;
    if (value > 9.0e18)
        return -1;
    return qint64(value);
}

QString duration(qint64 ms)
{
    const qint64 s = (ms + 500) / 1000;
    const QChar zero(u'0');
    if (s < 3600)
        return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, zero);
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, zero)
        .arg(s % 60, 2, 10, zero);
}

QString speed(double bytesPerSecond)
{
    const double mb = bytesPerSecond / 1e6;
    return QStringLiteral("%1 MB/s").arg(mb, 0, 'f', mb < 10 ? 1 : 0);
}

double mapSpeed(const JobProgress &progress)
{
    if (progress.map.elapsedMs <= 0 || progress.map.done <= 0)
        return 0;
    return double(progress.map.done) * 1000.0 / double(progress.map.elapsedMs);
}

qint64 mapTimeLeftMs(const JobProgress &progress)
{
    const double rate = mapSpeed(progress);
    if (rate <= 0 || progress.map.total <= 0)
        return -1;
    return qint64(double(progress.map.total - progress.map.done) * 1000.0 / rate);
}

QString sampleName(qint64 sampleBytes)
{
    return tr("Generated sample (%1)").arg(bytes(sampleBytes));
}

QString fileName(const FileReport &report)
{
    return report.isSample ? sampleName(report.size) : report.displayName;
}

QString problemText(FileProblem problem, const QString &details)
{
    switch (problem) {
    case FileProblem::None:
        return {};
    case FileProblem::NotFound:
        return tr("no such file or folder");
    case FileProblem::DanglingLink:
        return tr("a dangling symbolic link (its target %1 does not exist)").arg(details);
    case FileProblem::FolderUnreadable:
        return tr("folder cannot be read (permission denied)");
    case FileProblem::Fifo:
        return tr("a FIFO (named pipe), not a regular file: not opened");
    case FileProblem::Socket:
        return tr("a socket, not a regular file: not opened");
    case FileProblem::Device:
        return tr("a device, not a regular file: not opened");
    case FileProblem::NotRegularFile:
        return tr("not a regular file: not opened");
    case FileProblem::CannotOpen:
        return tr("cannot be opened: %1").arg(details);
    case FileProblem::ReadError:
        return tr("read error: %1").arg(details);
    case FileProblem::Binary:
        return tr("binary file (a NUL byte at offset %1)").arg(details);
    case FileProblem::ReadFailed:
    case FileProblem::BadResultFile:
        return details;
    }
    return details;
}

QString problemText(const FileReport &report)
{
    return problemText(report.problem, report.details);
}

QString stateName(CountJob::State state)
{
    switch (state) {
    case CountJob::Queued:
        return tr("Queued");
    case CountJob::Scanning:
        return tr("Scanning");
    case CountJob::Counting:
        return tr("Counting");
    case CountJob::Merging:
        return tr("Merging");
    case CountJob::Sorting:
        return tr("Sorting");
    case CountJob::Done:
        return tr("Done");
    case CountJob::Cancelled:
        return tr("Cancelled");
    case CountJob::Failed:
        return tr("Failed");
    }
    return {};
}

QString statusLine(CountJob::State state, const JobProgress &p, const StatusLineOptions &options)
{
    QStringList parts;
    if (options.withStateName)
        parts << stateName(state);
    if (p.map.started) {
        parts << tr("%1 of %2").arg(bytes(p.map.done), bytes(p.map.total));
        const double rate = options.bytesPerSecond >= 0 ? options.bytesPerSecond : mapSpeed(p);
        // Bytes are read only while counting: a MB/s falling through merge and sort would mislead.
        const bool reading = state == CountJob::Counting;
        if (reading && rate > 0 && !options.paused)
            parts << speed(rate);
        if (state == CountJob::Counting && rate > 0 && !options.paused)
            parts << tr("about %1 left")
                         .arg(duration(qint64(double(p.map.total - p.map.done) * 1000.0 / rate)));
        if (state == CountJob::Sorting && p.finalize.total > 0)
            parts << tr("sorted %1 %").arg(p.finalize.done * 100 / p.finalize.total);
    } else if (p.scan.started) {
        parts << QCoreApplication::translate("ProgressFormat", "%n file(s), %1 found", nullptr,
                                             int(p.scan.done))
                     .arg(bytes(p.bytesPlanned));
    }
    if (options.paused)
        parts << tr("paused");
    if (p.scan.started)
        parts << tr("%1 elapsed").arg(duration(p.elapsedMs));
    if (options.stalled && !options.paused)
        parts << tr("stalled");
    return parts.join(QStringLiteral(" · "));
}

QString summaryLine(const CountResult &result)
{
    const CountTotals &t = result.totals;
    const QLocale locale;
    const double seconds = double(std::max<qint64>(1, t.totalMs)) / 1000.0;
    return QCoreApplication::translate(
               "ProgressFormat", "Counted %1 words (%2 distinct) in %n file(s), %3 in %4 (%5)",
               nullptr, int(t.filesCounted))
        .arg(locale.toString(qulonglong(t.words)), locale.toString(qulonglong(t.distinctWords)),
             bytes(t.bytes), duration(t.totalMs), speed(double(t.bytes) / seconds));
}

} // namespace ProgressFormat
