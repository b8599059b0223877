// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/format/retranslator.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QCategoryAxis;
class QChart;
class QChartView;
class QGraphicsSimpleTextItem;
class QHorizontalBarSeries;
class QLabel;
class QScrollArea;
class QSpinBox;
class QStackedWidget;

/*!
    \brief A horizontal bar chart of the most frequent words, the most frequent at the top,
    with a spin box to choose how many (5 to 100). Shows a placeholder when there are none.
*/
class TopWordsChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopWordsChart)

public:
    static constexpr int MinimumTopCount = 5;
    static constexpr int MaximumTopCount = 100;
    static constexpr int DefaultTopCount = 20;

    explicit TopWordsChart(QWidget *parent = nullptr);
    ~TopWordsChart() override;

    //! Words with their counts, most frequent first; the chart keeps the first topCount().
    void setWords(const QList<QPair<QString, quint64>> &words);
    int topCount() const;
    //! Clamped to 5..100; emits topCountChanged() if it changes.
    void setTopCount(int n);
    //! While a job counts there are no rows to filter: the placeholder says the words are
    //! coming rather than that none match.
    void setCounting(bool counting);

    QChart *chart() const { return m_chart; }

Q_SIGNALS:
    void topCountChanged(int n);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void updatePlaceholder();
    void updateCountAxis();
    void applyStyle();
    void showToolTip(bool status, int index);
    void placeValueLabels();

    QList<QPair<QString, quint64>> m_words; // at most MaximumTopCount
    quint64 m_top = 0; // the largest count shown; 0 when none
    bool m_counting = false;
    QSpinBox *m_spin = nullptr;
    QStackedWidget *m_stack = nullptr;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_placeholder = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QHorizontalBarSeries *m_series = nullptr;
    QBarCategoryAxis *m_wordAxis = nullptr;
    QCategoryAxis *m_countAxis = nullptr; // labelled by CountAxis
    // Each bar's count, bottom bar first. QtCharts writes bar values with a printf format or,
    // localized, with QLocale, whose Spanish grouping Qt 6.4 gets wrong ("1225.101"): these
    // items, written by ProgressFormat::count(), take the place of the series' own labels.
    QList<QGraphicsSimpleTextItem *> m_valueLabels;
    QList<qreal> m_values;
    Retranslator m_texts;
};
