// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/explorer/chartstyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QLegend>
#include <QPalette>
#include <QPen>
#include <QWidget>

#include <algorithm>

namespace {

const QMargins Margins(6, 6, 16, 6); // room on the right for the last label of a bottom axis

} // namespace

namespace ChartStyle {

QChartView *makeView(QChart *chart, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setContentsMargins(0, 0, 0, 0);
    return view;
}

void apply(QChart *chart, const QWidget *widget)
{
    const QPalette &palette = widget->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    // setTheme() resets fonts, colours and backgrounds, so everything else follows it.
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(QString());
    chart->setBackgroundRoundness(0);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setMargins(Margins);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setAnimationOptions(QChart::NoAnimation); // counts change per keystroke of the filter

    QFont legendFont = widget->font();
    chart->legend()->setFont(legendFont);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes)
        styleAxis(axis, widget);
}

void styleAxis(QAbstractAxis *axis, const QWidget *widget)
{
    const QPalette &palette = widget->palette();
    QFont labels = widget->font();
    axis->setLabelsFont(labels);
    axis->setLabelsColor(palette.color(QPalette::Text));
    QFont title = widget->font();
    title.setBold(true);
    axis->setTitleFont(title);
    axis->setTitleBrush(palette.color(QPalette::Text));
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(40);
    axis->setGridLineColor(grid);
    // Themes draw minor grid lines dashed, which on log axes (eight a decade) looks noisy.
    grid.setAlpha(16);
    QPen minor(grid);
    minor.setWidth(1);
    axis->setMinorGridLinePen(minor);
    QColor line = palette.color(QPalette::Text);
    line.setAlpha(110);
    axis->setLinePenColor(line);
}

void makeRoomForLastLabel(QChart *chart, const QAbstractAxis *axis, const QString &label)
{
    QMargins margins = chart->margins();
    const int half = QFontMetrics(axis->labelsFont()).horizontalAdvance(label) / 2;
    margins.setRight(std::max(Margins.right(), half + Margins.left()));
    if (margins != chart->margins())
        chart->setMargins(margins);
}

} // namespace ChartStyle
