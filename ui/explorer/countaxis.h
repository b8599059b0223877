// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

class QCategoryAxis;
class QObject;

/*!
    \brief Chart axes whose numbers are counts, written by ProgressFormat::count().

    QtCharts writes axis numbers with a printf format, which knows no digit grouping, or, with
    QChart::setLocalizeNumbers(), with QLocale, which in Qt 6.4 groups Spanish wrongly
    ("1225.101"). So the numbers are the labels of a QCategoryAxis, each drawn on its value.
    They are written in the default locale when set: a chart sets them again when the language
    or the locale changes.
*/
namespace CountAxis {

//! A number to write and where: \a position is in the axis' units (the value itself on a linear
//! axis; its logarithm on an axis that labels a log scale).
struct Tick
{
    qreal position = 0;
    quint64 value = 0;
};

//! A category axis that draws each label on its value and never shortens one: the caller spaces
//! the ticks so that the labels do not collide.
QCategoryAxis *create(QObject *parent);
//! Makes \a ticks, in increasing position, the labels of \a axis; does nothing if they already are.
void setTicks(QCategoryAxis *axis, const QList<Tick> &ticks);

} // namespace CountAxis
