// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/explorer/countaxis.h"

#include "core/format/progressformat.h"

#include <QCategoryAxis>

namespace CountAxis {

QCategoryAxis *create(QObject *parent)
{
    auto *axis = new QCategoryAxis(parent);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setTruncateLabels(false); // "1.2…" would be no number at all
    return axis;
}

void setTicks(QCategoryAxis *axis, const QList<Tick> &ticks)
{
    QStringList labels;
    labels.reserve(ticks.size());
    for (const Tick &tick : ticks)
        labels << ProgressFormat::count(tick.value);
    // Every change lays the chart out again, even to the same labels.
    bool same = axis->categoriesLabels() == labels
        && (ticks.isEmpty() || axis->startValue() == ticks.first().position);
    for (qsizetype i = 0; same && i < ticks.size(); ++i)
        same = axis->endValue(labels[i]) == ticks[i].position;
    if (same)
        return;

    const QStringList old = axis->categoriesLabels();
    for (const QString &label : old)
        axis->remove(label);
    if (ticks.isEmpty())
        return;
    // Each label names the category that ends at its tick. The first category starts where it
    // ends, so that the first tick has a label too.
    axis->setStartValue(ticks.first().position);
    for (qsizetype i = 0; i < ticks.size(); ++i)
        axis->append(labels[i], ticks[i].position);
}

} // namespace CountAxis
