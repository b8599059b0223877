// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the chart tests (tst_ui_charts, tst_ui_explorer_*).

#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>

//! The chart's one bar set, or null unless it has exactly one horizontal bar series of one set.
inline QBarSet *onlyBarSet(const QChart *chart)
{
    const auto series = chart->series();
    if (series.size() != 1)
        return nullptr;
    auto *bars = qobject_cast<QHorizontalBarSeries *>(series.first());
    if (!bars || bars->count() != 1)
        return nullptr;
    return bars->barSets().first();
}
