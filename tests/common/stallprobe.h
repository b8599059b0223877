// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Measures how long the event loop was busy, for the GUI benchmarks (bench_ui_*).

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

/*!
    A 5 ms timer: any gap between two ticks beyond 5 ms is time the event loop was busy.
    \a now is the clock, in ms, that the stalls' end times (longest(from, to)) are given in.
*/
class StallProbe
{
public:
    explicit StallProbe(QObject *context, std::function<double()> now)
        : m_now(std::move(now))
    {
        m_timer.setInterval(IntervalMs);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, context, [this] {
            const double t = m_now();
            if (m_last >= 0)
                m_gaps.push_back({t, t - m_last - IntervalMs});
            m_last = t;
        });
    }
    void start()
    {
        m_gaps.clear();
        m_last = -1;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    //! The longest stall that ended in [from, to].
    double longest(double from = 0, double to = 1e300) const
    {
        double worst = 0;
        for (const auto &[end, gap] : m_gaps) {
            if (end >= from && end <= to)
                worst = std::max(worst, gap);
        }
        return worst;
    }
    //! The stall that a fraction \a p (0 to 1) of the ticks did not exceed.
    double percentile(double p) const
    {
        if (m_gaps.empty())
            return 0;
        std::vector<double> g;
        g.reserve(m_gaps.size());
        for (const auto &gap : m_gaps)
            g.push_back(gap.second);
        std::sort(g.begin(), g.end());
        return g[size_t(p * double(g.size() - 1))];
    }
    size_t ticks() const { return m_gaps.size(); }

private:
    static constexpr int IntervalMs = 5;

    std::function<double()> m_now;
    QTimer m_timer;
    double m_last = -1;
    std::vector<std::pair<double, double>> m_gaps; // (end, stall ms)
};
