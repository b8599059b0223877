// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/jobtimeline.h"

#include <QList>

/*!
    \brief A job's speed over time, from its timeline: bytes and words counted per second in
    equal time bins from the start to the end (or now), and the times its phases changed.

    A map call's bytes and words are spread evenly over its time, less the time a pause held
    it, so a paused stretch reads as zero. Pure.
*/
struct ThroughputSeries
{
    enum Phase { Scanning, Counting, Merging, Sorting, Ended };
    struct Mark
    {
        Phase phase = Scanning; //!< the phase that begins here
        qint64 ns = 0;
    };

    qint64 binNs = 0;
    QList<double> bytesPerSecond; //!< per bin, bin i covering [i, i + 1) x binNs
    QList<double> wordsPerSecond;
    QList<Mark> marks; //!< in time order

    static ThroughputSeries compute(const JobTimeline &timeline, int bins);
};
