// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/zipffit.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr int PointsPerDecade = 20;

//! Ranks 1..n at most \a budget of them, strictly increasing, log-spaced, with 1 and n.
//! Each step spreads the points still allowed evenly over the log span still left, so ranks too
//! close to round apart are taken one by one and the rest are shared out over the tail.
std::vector<quint64> logRanks(quint64 n, int budget)
{
    std::vector<quint64> ranks;
    if (n == 0)
        return ranks;
    budget = std::max(budget, 2);
    ranks.reserve(size_t(std::min<quint64>(n, quint64(budget))));
    quint64 rank = 1;
    ranks.push_back(rank);
    while (rank < n) {
        const int left = budget - int(ranks.size()); // points still allowed, n included
        quint64 next = n;
        if (left > 1) {
            const double step = std::pow(double(n) / double(rank), 1.0 / left);
            next = std::max(rank + 1, quint64(std::llround(double(rank) * step)));
            next = std::min(next, n);
        }
        ranks.push_back(next);
        rank = next;
    }
    return ranks;
}

//! Number of leading ranks that have a count: the list is sorted, so zeros trail.
quint64 countedRanks(const std::vector<quint64> &counts)
{
    quint64 n = counts.size();
    while (n > 0 && counts[n - 1] == 0)
        --n;
    return n;
}

//! Positions (0-based) of the first \a n counts to read, at most \a budget and strictly
//! increasing. Without \a ranks, rank = position + 1: logRanks() minus one. With them, for each
//! log-spaced rank up to the last, the first count ranked there or later.
std::vector<size_t> samplePositions(const std::vector<quint64> *ranks, quint64 n, int budget)
{
    std::vector<size_t> positions;
    if (!ranks) {
        for (const quint64 rank : logRanks(n, budget))
            positions.push_back(size_t(rank - 1));
        return positions;
    }
    if (n == 0)
        return positions;
    const auto end = ranks->begin() + qsizetype(n);
    for (const quint64 target : logRanks((*ranks)[size_t(n - 1)], budget)) {
        const size_t at = size_t(std::lower_bound(ranks->begin(), end, target) - ranks->begin());
        if (positions.empty() || at != positions.back())
            positions.push_back(at);
    }
    return positions;
}

//! The fit, with ranks as in samplePositions().
ZipfFit fitAt(const std::vector<quint64> &counts, const std::vector<quint64> *ranks)
{
    ZipfFit result;
    quint64 n = countedRanks(counts);
    if (ranks)
        n = std::min<quint64>(n, ranks->size());
    if (n < 2)
        return result;
    const auto rankAt = [ranks](size_t at) { return ranks ? (*ranks)[at] : quint64(at + 1); };

    const double decades = std::log10(double(rankAt(size_t(n - 1))));
    const int budget = int(std::ceil(decades * PointsPerDecade)) + 1;
    // Sums of centred values would be steadier, but with at most a few hundred points in
    // [0, 7] the plain sums lose nothing that matters.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int count = 0;
    for (const size_t at : samplePositions(ranks, n, budget)) {
        const quint64 c = counts[at];
        if (c == 0)
            continue;
        const double x = std::log10(double(rankAt(at)));
        const double y = std::log10(double(c));
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        ++count;
    }
    const double denominator = count * sxx - sx * sx;
    if (count < 2 || denominator <= 0)
        return result;

    const double slope = (count * sxy - sx * sy) / denominator;
    result.exponent = -slope;
    result.intercept = (sy - slope * sx) / count;
    result.points = count;
    result.valid = true;
    return result;
}

//! The points to draw, with ranks as in samplePositions().
std::vector<std::pair<double, double>>
plotPointsAt(const std::vector<quint64> &counts, const std::vector<quint64> *ranks, int maxPoints)
{
    std::vector<std::pair<double, double>> points;
    quint64 n = countedRanks(counts);
    if (ranks)
        n = std::min<quint64>(n, ranks->size());
    const std::vector<size_t> positions = samplePositions(ranks, n, maxPoints);
    points.reserve(positions.size());
    for (const size_t at : positions) {
        const quint64 c = counts[at];
        if (c > 0)
            points.emplace_back(double(ranks ? (*ranks)[at] : at + 1), double(c));
    }
    return points;
}

} // namespace

double ZipfFit::countAt(double rank) const
{
    if (!valid || rank <= 0)
        return 0;
    return std::pow(10.0, intercept - exponent * std::log10(rank));
}

ZipfFit ZipfFit::fit(const std::vector<quint64> &countsDescending)
{
    return fitAt(countsDescending, nullptr);
}

ZipfFit ZipfFit::fit(const std::vector<quint64> &countsDescending,
                     const std::vector<quint64> &ranks)
{
    return fitAt(countsDescending, &ranks);
}

std::vector<std::pair<double, double>>
ZipfFit::plotPoints(const std::vector<quint64> &countsDescending, int maxPoints)
{
    return plotPointsAt(countsDescending, nullptr, maxPoints);
}

std::vector<std::pair<double, double>>
ZipfFit::plotPoints(const std::vector<quint64> &countsDescending, const std::vector<quint64> &ranks,
                    int maxPoints)
{
    return plotPointsAt(countsDescending, &ranks, maxPoints);
}
