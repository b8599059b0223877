// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/lanesmodel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

namespace {

// Adds \a e into the aggregate \a sum, which stands for the calls gathered so far.
void gather(JobEvent &sum, const JobEvent &e)
{
    sum.startNs = std::min(sum.startNs, e.startNs);
    sum.endNs = std::max(sum.endNs, e.endNs);
    sum.calls += e.calls;
    sum.busyNs += e.busyNs;
    sum.bytes += e.bytes;
    sum.words += e.words;
    sum.readNs += e.readNs;
    sum.cpuNs += e.cpuNs;
    sum.queuedNs += e.queuedNs;
    sum.end = e.end;
    if (sum.file != e.file)
        sum.file = -1; // several files
}

} // namespace

void LanesModel::setTimeline(const JobTimeline &timeline)
{
    m_timeline = timeline;
    layout(m_width);
}

double LanesModel::toX(qint64 ns) const
{
    return double(ns) * m_width / double(m_spanNs);
}

qint64 LanesModel::toNs(double x) const
{
    return m_width > 0 ? qint64(x * double(m_spanNs) / m_width) : 0;
}

int LanesModel::workerRows() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &r) { return r.type == WorkerRow; }));
}

void LanesModel::layout(double width)
{
    m_width = std::max(0.0, width);
    m_rows.clear();
    m_pauses.clear();
    m_queueDepth.clear();
    m_maxQueueDepth = 0;
    m_counting = {};
    const JobTimeline &t = m_timeline;
    m_spanNs = std::max<qint64>(1, t.nowNs);
    for (const JobEvent &e : t.events)
        m_spanNs = std::max(m_spanNs, e.endNs);

    // Rows: the job's, the queue's, then every lane that worked.
    m_rows.append({JobRow, 0, {}});
    m_rows.append({QueueRow, 0, {}});
    std::vector<int> rowOfLane(size_t(std::max(1, t.lanes)), -1);
    rowOfLane[0] = 0;
    for (const JobEvent &e : t.events) {
        if (e.lane > 0 && size_t(e.lane) < rowOfLane.size() && rowOfLane[size_t(e.lane)] < 0) {
            rowOfLane[size_t(e.lane)] = int(m_rows.size());
            m_rows.append({WorkerRow, e.lane, {}});
        }
    }

    // Per row, the calls in time order; those under a pixel gathered with their neighbours.
    // A pending aggregate per row, and per kind the time it holds, for its colour.
    struct Pending
    {
        bool open = false;
        JobEvent sum;
        std::array<qint64, JobEvent::KindCount> byKind {};
    };
    std::vector<Pending> pending(size_t(m_rows.size()));
    const auto flush = [this, &pending](int row) {
        Pending &p = pending[size_t(row)];
        if (!p.open)
            return;
        p.open = false;
        JobEvent::Kind kind = JobEvent::Map;
        qint64 most = -1;
        for (int k = 0; k < JobEvent::KindCount; ++k) {
            if (p.byKind[size_t(k)] > most) {
                most = p.byKind[size_t(k)];
                kind = JobEvent::Kind(k);
            }
        }
        p.sum.kind = kind;
        Bar bar;
        bar.x0 = toX(p.sum.startNs);
        bar.x1 = std::max(bar.x0 + 1, toX(p.sum.endNs));
        bar.event = p.sum;
        m_rows[row].bars.append(bar);
    };
    QList<JobEvent> events = t.events;
    std::stable_sort(events.begin(), events.end(), [](const JobEvent &a, const JobEvent &b) {
        return a.lane != b.lane ? a.lane < b.lane : a.startNs < b.startNs;
    });
    qint64 countFrom = std::numeric_limits<qint64>::max(), countTo = -1;
    std::map<qint64, int> queueSteps; // time -> change in chunks waiting
    for (const JobEvent &e : std::as_const(events)) {
        if (e.lane < 0 || size_t(e.lane) >= rowOfLane.size() || rowOfLane[size_t(e.lane)] < 0)
            continue;
        const int row = rowOfLane[size_t(e.lane)];
        if (e.kind == JobEvent::Map || e.kind == JobEvent::Reduce || e.kind == JobEvent::SlotWait) {
            countFrom = std::min(countFrom, e.startNs);
            countTo = std::max(countTo, e.endNs);
        }
        if (e.kind == JobEvent::Reduce && e.queuedNs > 0 && e.calls == 1) {
            ++queueSteps[e.startNs - e.queuedNs];
            --queueSteps[e.startNs];
        }
        Pending &p = pending[size_t(row)];
        const double x0 = toX(e.startNs), x1 = toX(e.endNs);
        // A parked mark lies inside its map call: drawn over it, never gathered.
        if (e.kind == JobEvent::Parked || x1 - x0 >= 1) {
            if (e.kind != JobEvent::Parked)
                flush(row);
            Bar bar;
            bar.x0 = x0;
            bar.x1 = std::max(x0 + 1, x1);
            bar.event = e;
            bar.readShare = e.busyNs > 0 ? double(e.readNs) / double(e.busyNs) : 0;
            m_rows[row].bars.append(bar);
            continue;
        }
        if (p.open && x1 <= toX(p.sum.startNs) + 1) {
            gather(p.sum, e);
        } else {
            flush(row);
            p.open = true;
            p.sum = e;
            p.byKind.fill(0);
        }
        p.byKind[e.kind] += e.busyNs;
    }
    for (int row = 0; row < m_rows.size(); ++row)
        flush(row);
    for (Row &row : m_rows) {
        for (Bar &bar : row.bars) {
            if (bar.event.kind == JobEvent::Map && bar.event.busyNs > 0)
                bar.readShare
                    = std::clamp(double(bar.event.readNs) / double(bar.event.busyNs), 0.0, 1.0);
        }
    }
    if (countTo >= 0) {
        if (!t.finished)
            countTo = std::max(countTo, t.nowNs);
        m_counting = {toX(countFrom), toX(countTo)};
    }
    for (const JobTimeline::Pause &p : t.pauses)
        m_pauses.append({toX(p.startNs), toX(p.endNs < 0 ? t.nowNs : p.endNs)});

    // The reduce queue's depth, averaged over each pixel column.
    const int columns = int(std::ceil(m_width));
    m_queueDepth.fill(0.0, columns);
    if (columns > 0 && !queueSteps.empty()) {
        const double nsPerColumn = double(m_spanNs) / m_width;
        int depth = 0;
        qint64 at = queueSteps.begin()->first;
        const auto spread = [&](qint64 from, qint64 to, int d) {
            // Adds d chunks waiting over [from, to) to the columns it covers, by the share of
            // each column's time.
            for (double a = double(from); d > 0 && a < double(to);) {
                const int column = std::clamp(int(a / nsPerColumn), 0, columns - 1);
                double b = std::min(double(to), double(column + 1) * nsPerColumn);
                if (b <= a) // past the last column's end
                    b = std::min(double(to), a + nsPerColumn);
                m_queueDepth[column] += double(d) * (b - a) / nsPerColumn;
                a = b;
            }
        };
        for (const auto &[time, change] : queueSteps) {
            spread(at, time, depth);
            depth += change;
            at = time;
        }
        for (double d : std::as_const(m_queueDepth))
            m_maxQueueDepth = std::max(m_maxQueueDepth, d);
    }
}

const LanesModel::Bar *LanesModel::barAt(int row, double x, double slack) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    const Bar *best = nullptr;
    double bestDistance = slack;
    for (const Bar &bar : m_rows.at(row).bars) {
        const double distance = x < bar.x0 ? bar.x0 - x : (x > bar.x1 ? x - bar.x1 : 0);
        // A parked mark lies over its map call: it wins where both are under x.
        if (distance < bestDistance
            || (distance == 0 && best && bar.event.kind == JobEvent::Parked)) {
            best = &bar;
            bestDistance = distance;
        }
    }
    return best;
}
