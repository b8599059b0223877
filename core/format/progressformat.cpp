// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/format/progressformat.h"

#include "core/text/localpath.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace {

// One name for the translation context, seen alike by lupdate and at run time.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProgressFormat)
};

} // namespace

namespace ProgressFormat {

QString count(quint64 n)
{
    const QLocale locale;
    const QString digits = QString::number(n);
    QString out;
    out.reserve(digits.size() * 2);
    const bool asciiDigits = locale.zeroDigit() == QLatin1String("0");
    // Qt 6.4 groups Spanish wrongly ("1225.101"): it applies Spanish's minimum grouping of two
    // digits to the leading group. Grouping by hand, with the locale's separator and its own
    // choice for four-digit numbers (Spanish writes 9999, English 9,999), is right everywhere.
    const QString separator = locale.groupSeparator();
    const bool grouped = !(locale.numberOptions() & QLocale::OmitGroupSeparator)
        && (digits.size() > 4 || (digits.size() == 4 && locale.toString(1000).contains(separator)));
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (grouped && i > 0 && (digits.size() - i) % 3 == 0)
            out += separator;
        if (asciiDigits)
            out += digits.at(i);
        else
            out += locale.toString(digits.at(i).digitValue());
    }
    return out;
}

QString withCount(const QString &translated, qint64 n)
{
    if (n < 0)
        return translated;
    const QString digits = QString::number(n);
    const auto isDigit = [&translated](qsizetype i) {
        return i >= 0 && i < translated.size() && translated.at(i).isDigit();
    };
    const auto isPlaceholder = [&translated](qsizetype at) {
        return at > 0 && translated.at(at - 1) == u'%'; // the 1 of "%1", not yet replaced
    };
    for (qsizetype at = translated.indexOf(digits); at >= 0;
         at = translated.indexOf(digits, at + 1)) {
        // Whole numbers only: the 12 of "12 files" is not the 2 in it.
        if (!isDigit(at - 1) && !isDigit(at + digits.size()) && !isPlaceholder(at))
            return QString(translated).replace(at, digits.size(), count(quint64(n)));
    }
    return translated;
}

QString bytes(quint64 bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(count(bytes));
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 6) {
        value /= 1024;
        ++unit;
    }
    // Rounding may reach the next unit: 1023.96 KiB reads "1.0 MiB", not "1024 KiB".
    if (value >= 1023.5 && unit < 6) {
        value /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(QLocale().toString(value, 'f', value < 10 ? 1 : 0),
                                       QLatin1String(units[unit]));
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

bool showsTimeInAll(qint64 workingMs, qint64 wallMs)
{
    return wallMs - workingMs >= 1000 && duration(wallMs) != duration(workingMs);
}

QString speed(double bytesPerSecond)
{
    // The same units as sizes, so that "1.2 GiB of 4.0 GiB · 300 MiB/s" adds up.
    // The largest double below 2^64: converting 2^64 itself to a quint64 is undefined.
    constexpr double Largest = 0x1.fffffffffffffp+63;
    return bytes(quint64(std::clamp(bytesPerSecond, 0.0, Largest))) + QStringLiteral("/s");
}

double mapSpeed(const JobProgress &progress)
{
    if (progress.map.elapsedMs <= 0 || progress.map.done <= 0)
        return 0;
    return double(progress.map.done) * 1000.0 / double(progress.map.elapsedMs);
}

double sortSteps(qint64 distinct)
{
    return distinct > 1 ? double(distinct) * std::log2(double(distinct)) : 0.0;
}

double vocabularyGrowth(qint64 bytes1, qint64 distinct1, qint64 bytes2, qint64 distinct2)
{
    if (bytes1 <= 0 || distinct1 <= 0 || distinct2 <= 0 || bytes2 < 2 * bytes1)
        return -1;
    const double b = std::log(double(distinct2) / double(distinct1))
        / std::log(double(bytes2) / double(bytes1));
    return std::clamp(b, 0.0, 1.0);
}

qint64 expectedDistinctWords(const JobProgress &p, double growth)
{
    if (p.distinctSoFar <= 0 || p.map.done <= 0 || p.map.done >= p.map.total)
        return p.distinctSoFar;
    const double b = growth >= 0 ? growth : DefaultVocabularyGrowth;
    return qint64(double(p.distinctSoFar) * std::pow(double(p.map.total) / double(p.map.done), b));
}

qint64 timeLeftMs(CountJob::State state, const JobProgress &p, const Pace &pace)
{
    const double sortNs = pace.sortNsPerStep >= 0 ? pace.sortNsPerStep : DefaultSortNsPerStep;
    const auto sortMs = [&](qint64 distinct) { return sortSteps(distinct) * sortNs / 1e6; };
    if (state == CountJob::Counting) {
        const double rate = pace.bytesPerSecond >= 0 ? pace.bytesPerSecond : mapSpeed(p);
        if (rate <= 0 || p.map.total <= 0 || p.readingStream || estimatingTimeLeft(state, p))
            return -1;
        // The reading was all the estimate covered: then "about 0:00 left" and 12 s of sort.
        return qint64(double(p.map.total - p.map.done) * 1000.0 / rate
                      + sortMs(expectedDistinctWords(p, pace.vocabularyGrowth)));
    }
    if (state == CountJob::Merging) {
        const double rate = mapSpeed(p); // the merge kept pace with it
        if (rate <= 0 || p.map.total <= 0)
            return -1;
        return qint64(double(std::max<qint64>(0, p.map.total - p.bytesMerged)) * 1000.0 / rate
                      + sortMs(p.distinctSoFar));
    }
    if (state == CountJob::Sorting) {
        if (p.finalize.done <= 0 || p.finalize.elapsedMs <= 0 || p.finalize.total <= 0)
            return -1;
        return qint64(double(p.finalize.total - p.finalize.done) * double(p.finalize.elapsedMs)
                      / double(p.finalize.done));
    }
    return -1;
}

qint64 timeLeftMs(CountJob::State state, const JobProgress &p, double bytesPerSecond)
{
    Pace pace;
    pace.bytesPerSecond = bytesPerSecond;
    return timeLeftMs(state, p, pace);
}

bool estimatingTimeLeft(CountJob::State state, const JobProgress &p)
{
    constexpr qint64 SteadyAfterMs = 3000;
    constexpr double SteadyAfterShare = 0.02;
    // 2 % of a terabyte is 40 s at 500 MB/s: by then any speed is a fair guide.
    constexpr qint64 GuessAfterMs = 10000;
    if (state != CountJob::Counting || p.readingStream || p.map.total <= 0)
        return false; // no estimate is coming: nothing to wait for
    return p.map.elapsedMs < SteadyAfterMs
        || (double(p.map.done) < SteadyAfterShare * double(p.map.total)
            && p.map.elapsedMs < GuessAfterMs);
}

QString sampleName(qint64 sampleBytes)
{
    return Text::tr("Generated sample (%1)").arg(bytes(sampleBytes));
}

QString fileName(const FileReport &report)
{
    if (report.isSample)
        return sampleName(report.size);
    if (report.isStream)
        return Text::tr("standard input");
    const QString path = report.path();
    return LocalPath::quoted(report.namedByWholePath ? QStringView(path)
                                                     : LocalPath::fileName(path));
}

QString problemText(FileProblem problem, const QString &details)
{
    switch (problem) {
    case FileProblem::None:
        return {};
    case FileProblem::NotFound:
        return Text::tr("no such file or folder");
    case FileProblem::DanglingLink:
        return Text::tr("a dangling symbolic link (its target %1 does not exist)")
            .arg(LocalPath::quoted(details));
    case FileProblem::LinkLoop:
        return Text::tr("a symbolic link loop (the link leads back to itself)");
    case FileProblem::FolderLinkOutside:
        return Text::tr("a link to a folder outside the one counted (%1): not followed")
            .arg(LocalPath::quoted(details));
    case FileProblem::FolderUnreadable:
        return Text::tr("folder cannot be read (permission denied)");
    case FileProblem::Fifo:
        return Text::tr("a FIFO (named pipe), not a regular file: not opened");
    case FileProblem::Socket:
        return Text::tr("a socket, not a regular file: not opened");
    case FileProblem::Device:
        return Text::tr("a device, not a regular file: not opened");
    case FileProblem::NotRegularFile:
        return Text::tr("not a regular file: not opened");
    case FileProblem::CannotOpen:
        return Text::tr("cannot be opened: %1").arg(details);
    case FileProblem::ReadError:
        return Text::tr("read error: %1").arg(details);
    case FileProblem::Binary:
        return Text::tr("binary file (a NUL byte at offset %1)").arg(details);
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
        return Text::tr("Queued");
    case CountJob::Scanning:
        return Text::tr("Scanning");
    case CountJob::Counting:
        return Text::tr("Counting");
    case CountJob::Merging:
        return Text::tr("Merging");
    case CountJob::Sorting:
        return Text::tr("Sorting");
    case CountJob::Done:
        return Text::tr("Done");
    case CountJob::Cancelled:
        return Text::tr("Cancelled");
    case CountJob::Failed:
        return Text::tr("Failed");
    }
    return {};
}

QString statusLine(CountJob::State state, const JobProgress &p, const StatusLineOptions &options)
{
    QStringList parts;
    if (options.withStateName)
        parts << stateName(state);
    if (p.map.started) {
        // A stream's size is known only at its end: what is read so far is not a total.
        if (p.readingStream)
            parts << Text::tr("%1 read").arg(bytes(p.map.done));
        else
            parts << Text::tr("%1 of %2").arg(bytes(p.map.done), bytes(p.map.total));
        const double rate = options.bytesPerSecond >= 0 ? options.bytesPerSecond : mapSpeed(p);
        // Bytes are read only while counting: a MB/s falling through merge and sort would mislead.
        const bool reading = state == CountJob::Counting;
        if (reading && rate > 0 && !options.paused)
            parts << speed(rate);
        if (state == CountJob::Sorting && p.finalize.total > 0)
            parts << Text::tr("sorted %1 %").arg(p.finalize.done * 100 / p.finalize.total);
        Pace pace;
        pace.bytesPerSecond = rate;
        pace.sortNsPerStep = options.sortNsPerStep;
        pace.vocabularyGrowth = options.vocabularyGrowth;
        const qint64 left = timeLeftMs(state, p, pace);
        if (!options.paused) {
            // The first seconds' rate is no guide: say so rather than show a far-off time.
            if (left >= 0)
                parts << Text::tr("about %1 left").arg(duration(left));
            else if (estimatingTimeLeft(state, p))
                parts << Text::tr("estimating…");
        }
    } else if (p.scan.started) {
        parts << withCount(Text::tr("%n file(s), %1 found", nullptr, int(p.scan.done)), p.scan.done)
                     .arg(bytes(p.bytesPlanned));
    }
    if (options.paused)
        parts << Text::tr("paused");
    if (p.scan.started) {
        // Time spent paused is not working time: the speed comes from the working time, and a
        // line that showed the wall time alone would make the job look slower than it is.
        const QString working = duration(p.workingMs);
        const QString wall = duration(p.elapsedMs);
        if (showsTimeInAll(p.workingMs, p.elapsedMs))
            parts << Text::tr("%1 working · %2 in all").arg(working, wall);
        else
            parts << Text::tr("%1 elapsed").arg(wall);
    }
    if (options.stalled && !options.paused)
        parts << Text::tr("stalled");
    return parts.join(QStringLiteral(" · "));
}

QString summaryLine(const CountResult &result)
{
    const CountTotals &t = result.totals;
    const double seconds = double(std::max<qint64>(1, t.totalMs)) / 1000.0;
    const QString line
        = withCount(Text::tr("Counted %1 words (%2 distinct) in %n file(s), %3 in %4 (%5)", nullptr,
                             int(t.filesCounted)),
                    t.filesCounted)
              .arg(count(t.words), count(t.distinctWords), bytes(t.bytes), duration(t.totalMs),
                   speed(double(t.bytes) / seconds));
    // The time above is working time, as the speed is; time spent paused is said apart, as
    // the status line said it while the job ran.
    if (showsTimeInAll(t.totalMs, t.wallMs))
        return Text::tr("%1 · %2 in all").arg(line, duration(t.wallMs));
    return line;
}

} // namespace ProgressFormat
