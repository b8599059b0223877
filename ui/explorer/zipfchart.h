// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/format/retranslator.h"
#include "core/results/zipffit.h"

#include <QWidget>

#include <vector>

class QCategoryAxis;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QStackedWidget;

/*!
    \brief A Zipf plot: word frequency against rank on log-log axes, with the fitted power law
    and its exponent in a label above the chart.
*/
class ZipfChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ZipfChart)

public:
    explicit ZipfChart(QWidget *parent = nullptr);
    ~ZipfChart() override;

    //! Counts sorted most frequent first. Reads a few hundred of them, so millions are fine.
    //! \a ranks, if given, are their ranks among all the words (a filtered list keeps the
    //! table's ranks); otherwise the ranks are 1, 2, 3...
    void setCounts(const std::vector<quint64> &countsDescending,
                   const std::vector<quint64> &ranks = {});
    ZipfFit fit() const { return m_fit; }
    //! While a job counts, only its provisional top words are known: too few, and not the
    //! final ones, for a fit. The plot stays empty and its placeholder says so.
    void setCounting(bool counting);

    QChart *chart() const { return m_chart; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateFitTexts();
    void updatePlaceholder();
    void updateAxisLabels();
    void applyStyle();

    ZipfFit m_fit;
    bool m_counting = false;
    quint64 m_ranks = 0; // ranks with a count, for the fitted line's extent
    QLabel *m_exponentLabel = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QScatterSeries *m_words = nullptr;
    QLineSeries *m_fitLine = nullptr;
    // The log axes place the points and draw the grid; the category axes beside them, on the
    // logarithms, draw the numbers (see CountAxis) and the titles.
    QLogValueAxis *m_rankAxis = nullptr;
    QLogValueAxis *m_countAxis = nullptr;
    QCategoryAxis *m_rankLabels = nullptr;
    QCategoryAxis *m_countLabels = nullptr;
    Retranslator m_texts;
};
