// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/jobtimesplit.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace {

// Thresholds of the hints, as shares. Chosen so that a hint is said only when it is plain.
constexpr double ReducerBusyShare = 0.8;
constexpr double SlotWaitShare = 0.3;
constexpr double InputShare = 0.5;
constexpr double OffCpuShare = 0.3;
constexpr double IdleShare = 0.4;
constexpr double CountingShare = 0.6;

} // namespace

JobTimeSplit JobTimeSplit::compute(const JobTimeline &timeline)
{
    JobTimeSplit s;
    s.workers = timeline.workers;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    std::vector<bool> mapLane(size_t(std::max(0, timeline.lanes)), false);
    qint64 parkedNs = 0;
    qint64 readCpuNs = 0;
    for (const JobEvent &e : timeline.events) {
        switch (e.kind) {
        case JobEvent::Map:
            s.mapNs += e.busyNs;
            s.readingNs += e.readNs;
            readCpuNs += e.readCpuNs;
            s.mapCpuNs += e.cpuNs;
            s.bytes += e.bytes;
            s.words += e.words;
            s.chunks += e.calls;
            if (e.lane >= 0 && size_t(e.lane) < mapLane.size())
                mapLane[size_t(e.lane)] = true;
            break;
        case JobEvent::Reduce:
            s.reducingNs += e.busyNs;
            s.queuedNs += e.queuedNs;
            break;
        case JobEvent::SlotWait:
            s.slotWaitNs += e.busyNs;
            break;
        case JobEvent::Parked:
            parkedNs += e.busyNs;
            break;
        case JobEvent::Scan:
        case JobEvent::Sort:
            continue; // not the counting phase
        }
        first = std::min(first, e.startNs);
        last = std::max(last, e.endNs);
    }
    Q_UNUSED(parkedNs) // already left out of the map calls' busy time
    s.workerLanes = int(std::count(mapLane.begin(), mapLane.end(), true));
    if (first >= last)
        return s;
    // While the job runs, the phase goes on to now: the calls under way are not recorded yet.
    if (!timeline.finished)
        last = std::max(last, timeline.nowNs);
    s.windowNs = (last - first) - timeline.pausedWithin(first, last);
    s.workerNs = s.windowNs * std::max(1, s.workers);
    s.countingNs = std::max<qint64>(0, s.mapNs - s.readingNs);
    // Off the CPU in a read is waiting on input, but only beyond what the rest of the map calls
    // show: on a busy machine every part of a call waits for a core alike.
    const qint64 otherNs = s.mapNs - s.readingNs;
    const double othersOff = otherNs > 0
        ? std::clamp(double(otherNs - (s.mapCpuNs - readCpuNs)) / double(otherNs), 0.0, 1.0)
        : 0.0;
    const qint64 readOff = std::max<qint64>(0, s.readingNs - readCpuNs);
    s.inputWaitNs = std::max<qint64>(0, readOff - qint64(othersOff * double(s.readingNs)));
    s.offCpuNs = std::max<qint64>(0, s.mapNs - s.mapCpuNs - s.inputWaitNs);
    s.idleNs = std::max<qint64>(
        0, s.workerNs - s.readingNs - s.countingNs - s.reducingNs - s.slotWaitNs);

    if (s.windowNs < MinWindowNs || s.chunks == 0)
        return s;
    if (s.reducerBusy() >= ReducerBusyShare)
        s.hint = ReducerBusy;
    else if (s.share(s.inputWaitNs) >= InputShare)
        s.hint = InputBound;
    else if (s.share(s.offCpuNs) >= OffCpuShare)
        s.hint = MachineBusy;
    else if (s.share(s.slotWaitNs) >= SlotWaitShare)
        s.hint = WaitingForReducer;
    else if (s.share(s.idleNs) >= IdleShare)
        s.hint = s.chunks < 2 * qint64(std::max(1, s.workers)) ? TooFewChunks : Idle;
    else if (s.share(s.countingNs) >= CountingShare)
        s.hint = CpuBound;
    return s;
}
