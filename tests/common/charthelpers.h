// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the chart tests (tst_ui_charts, tst_ui_explorer_*).

#include <QAbstractAxis>
#include <QBarSet>
#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHorizontalBarSeries>
#include <QList>
#include <QPair>
#include <QStringList>

#include <algorithm>

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

/*!
    The texts drawn beside the plot along its bottom (Qt::Horizontal) or left (Qt::Vertical)
    axis, smallest value first, titles left out: what a person reads there, whichever axis
    objects draw it. Read from the scene, so call it once the chart is laid out (QTRY_COMPARE).
*/
inline QStringList axisLabelTexts(const QChart *chart, Qt::Orientation orientation)
{
    if (!chart->scene())
        return {};
    QStringList titles;
    for (const QAbstractAxis *axis : chart->axes(orientation))
        titles << axis->titleText();
    const QRectF plot = chart->mapRectToScene(chart->plotArea());
    QList<QPair<qreal, QString>> labels; // the label's place along the axis, its text
    const auto items = chart->scene()->items();
    for (const QGraphicsItem *item : items) {
        const auto *text = dynamic_cast<const QGraphicsTextItem *>(item);
        if (!text || !text->isVisible())
            continue;
        const QString label = text->toPlainText();
        if (label.isEmpty() || titles.contains(label))
            continue;
        const QRectF r = text->sceneBoundingRect();
        if (orientation == Qt::Horizontal && r.top() >= plot.bottom() - 1
            && r.center().x() >= plot.left() - r.width()
            && r.center().x() <= plot.right() + r.width())
            labels.append({r.center().x(), label});
        else if (orientation == Qt::Vertical && r.right() <= plot.left() + 1
                 && r.center().y() >= plot.top() - r.height()
                 && r.center().y() <= plot.bottom() + r.height())
            labels.append({-r.center().y(), label}); // values grow upwards
    }
    std::sort(labels.begin(), labels.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList texts;
    for (const auto &label : std::as_const(labels))
        texts << label.second;
    return texts;
}
