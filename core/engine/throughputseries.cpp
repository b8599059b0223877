// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/throughputseries.h"

#include <algorithm>
#include <cmath>
#include <limits>

ThroughputSeries ThroughputSeries::compute(const JobTimeline &timeline, int bins)
{
    ThroughputSeries s;
    bins = std::max(1, bins);
    qint64 span = std::max<qint64>(1, timeline.nowNs);
    for (const JobEvent &e : timeline.events)
        span = std::max(span, e.endNs);
    s.binNs = std::max<qint64>(1, (span + bins - 1) / bins);
    s.bytesPerSecond.fill(0.0, bins);
    s.wordsPerSecond.fill(0.0, bins);
    const double seconds = double(s.binNs) / 1e9;
    qint64 firstMap = std::numeric_limits<qint64>::max(), lastMap = -1;
    qint64 scanStart = -1, sortStart = -1, sortEnd = -1;
    for (const JobEvent &e : timeline.events) {
        if (e.kind == JobEvent::Scan && scanStart < 0)
            scanStart = e.startNs;
        if (e.kind == JobEvent::Sort) {
            sortStart = e.startNs;
            sortEnd = e.endNs;
        }
        if (e.kind != JobEvent::Map || e.endNs <= e.startNs)
            continue;
        firstMap = std::min(firstMap, e.startNs);
        lastMap = std::max(lastMap, e.endNs);
        // Spread over the call's time outside pauses: a pause held it, it read nothing then.
        const qint64 working = (e.endNs - e.startNs) - timeline.pausedWithin(e.startNs, e.endNs);
        if (working <= 0)
            continue;
        const double bytesPerNs = double(e.bytes) / double(working);
        const double wordsPerNs = double(e.words) / double(working);
        for (qint64 b = e.startNs / s.binNs; b < bins && b * s.binNs < e.endNs; ++b) {
            const qint64 from = std::max(e.startNs, b * s.binNs);
            const qint64 to = std::min(e.endNs, (b + 1) * s.binNs);
            const qint64 ns = (to - from) - timeline.pausedWithin(from, to);
            if (ns <= 0)
                continue;
            s.bytesPerSecond[b] += bytesPerNs * double(ns) / seconds;
            s.wordsPerSecond[b] += wordsPerNs * double(ns) / seconds;
        }
    }
    if (scanStart >= 0)
        s.marks.append({Scanning, scanStart});
    if (lastMap >= 0) {
        s.marks.append({Counting, firstMap});
        // The last map call is known only once the sort began (or the job ended): until then
        // the latest recorded one is not the last.
        if (sortStart >= 0 || timeline.finished)
            s.marks.append({Merging, lastMap});
    }
    if (sortStart >= 0) {
        s.marks.append({Sorting, sortStart});
        s.marks.append({Ended, sortEnd});
    }
    std::stable_sort(s.marks.begin(), s.marks.end(),
                     [](const Mark &a, const Mark &b) { return a.ns < b.ns; });
    return s;
}
