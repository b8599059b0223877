// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QAbstractAxis;
class QChart;
class QString;
class QChartView;
class QWidget;

/*!
    \brief The look shared by the explorer's charts: no title, tight margins, the widget's
    font, and a light or dark theme chosen from the widget's palette.
*/
namespace ChartStyle {

//! An antialiased view of \a chart, owned by \a parent.
QChartView *makeView(QChart *chart, QWidget *parent);
//! Applies theme, background and fonts from \a widget; call again on palette or font changes.
//! Resets series colours to the theme's: restyle your own series afterwards.
void apply(QChart *chart, const QWidget *widget);
//! Fonts and grid colours from \a widget for one axis (apply() does this for attached axes).
void styleAxis(QAbstractAxis *axis, const QWidget *widget);
//! Widens the right margin apply() gives \a chart to hold \a label of \a axis, centred on or near
//! the plot's right edge: value axes keep room past the plot for their last label, category axes
//! do not. Call again when the label changes, and after apply().
void makeRoomForLastLabel(QChart *chart, const QAbstractAxis *axis, const QString &label);

} // namespace ChartStyle
