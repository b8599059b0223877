// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/format/timesplitformat.h"

#include "core/format/progressformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

#include <cmath>

namespace {

// One name for the translation context, seen alike by lupdate and at run time.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TimeSplitFormat)
};

} // namespace

namespace TimeSplitFormat {

QString percent(double share)
{
    // A no-break space: a line that breaks there leaves a lone "%" at the start of the next.
    return QLocale().toString(int(std::lround(std::clamp(share, 0.0, 1.0) * 100)))
        + QStringLiteral("\u00A0%");
}

QString verdict(const JobTimeSplit &s)
{
    if (s.windowNs < JobTimeSplit::MinWindowNs || s.chunks == 0)
        return Text::tr("Too little counted yet to say where the time goes.");
    switch (s.hint) {
    case JobTimeSplit::ReducerBusy:
        return Text::tr("The reducer was busy %1 of the time: a larger chunk size reduces merge "
                        "work.")
            .arg(percent(s.reducerBusy()));
    case JobTimeSplit::WaitingForReducer:
        return Text::tr("Workers waited for the reducer %1 of the time: a larger chunk size "
                        "reduces merge work.")
            .arg(percent(s.share(s.slotWaitNs)));
    case JobTimeSplit::InputBound:
        return Text::tr("Workers waited on the input %1 of the time: more workers will not help.")
            .arg(percent(s.share(s.inputWaitNs)));
    case JobTimeSplit::MachineBusy:
        return Text::tr("Workers waited for a CPU %1 of the time: the machine is busy with other "
                        "work, or has fewer cores than workers.")
            .arg(percent(s.share(s.offCpuNs)));
    case JobTimeSplit::TooFewChunks:
        return Text::tr("Workers were idle %1 of the time: too few chunks to share out; a smaller "
                        "chunk size spreads the work.")
            .arg(percent(s.share(s.idleNs)));
    case JobTimeSplit::Idle:
        return Text::tr("Workers were idle %1 of the time with chunks left: the machine may be "
                        "busy with other work.")
            .arg(percent(s.share(s.idleNs)));
    case JobTimeSplit::CpuBound:
        return Text::tr("Tokenizing and counting took %1 of the workers' time: the job is "
                        "CPU-bound; more cores would help.")
            .arg(percent(s.share(s.countingNs)));
    case JobTimeSplit::NoHint:
        break;
    }
    return Text::tr("No single cause stands out: the time is shared between reading, counting "
                    "and merging.");
}

QString figures(const JobTimeSplit &s)
{
    const QLocale locale;
    return Text::tr("Workers' time: reading %1 (waiting on input %10) · tokenizing and "
                    "counting %2 · merging %3 · waiting for the reducer %4 · idle %5; waiting for "
                    "a CPU %11. Reducer busy %6. Speed-up %7× over one worker (%8 against %9).")
        .arg(percent(s.share(s.readingNs)), percent(s.share(s.countingNs)),
             percent(s.share(s.reducingNs)), percent(s.share(s.slotWaitNs)),
             percent(s.share(s.idleNs)), percent(s.reducerBusy()),
             locale.toString(s.speedUp(), 'f', 1), ProgressFormat::speed(s.bytesPerSecond()),
             ProgressFormat::speed(s.oneWorkerBytesPerSecond()))
        .arg(percent(s.share(s.inputWaitNs)), percent(s.share(s.offCpuNs)));
}

} // namespace TimeSplitFormat
