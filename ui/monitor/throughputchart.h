// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/jobtimeline.h"
#include "core/format/retranslator.h"

#include <QWidget>

class QAreaSeries;
class QCategoryAxis;
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

/*!
    \brief The Workers tab's speed chart: MiB/s and words/s against time for the whole job,
    pauses shaded, the phases' starts marked along the top (ThroughputSeries).
*/
class ThroughputChart final : public QWidget
{
    Q_OBJECT

public:
    //! Time bins across the chart: fine enough to show the phases, coarse enough to be smooth.
    static constexpr int Bins = 120;

    explicit ThroughputChart(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ThroughputChart)

    void setTimeline(const JobTimeline &timeline);
    QChart *chart() const { return m_chart; }
    QLineSeries *bytesSeries() const { return m_bytes; }
    QLineSeries *wordsSeries() const { return m_words; }
    //! The pauses drawn, one shaded area each.
    int pausesShown() const { return int(m_pauseAreas.size()); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();
    void rebuild();
    //! Widens the right margin so that a phase's name centred on a mark near the end is not
    //! cut off at the chart's edge, and narrows it back when none is.
    void fitPhaseNames();

    JobTimeline m_timeline;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QLineSeries *m_bytes = nullptr;
    QLineSeries *m_words = nullptr;
    QValueAxis *m_timeAxis = nullptr;
    QValueAxis *m_bytesAxis = nullptr;
    QValueAxis *m_wordsAxis = nullptr;
    QCategoryAxis *m_phaseAxis = nullptr;
    QList<QAreaSeries *> m_pauseAreas;
    int m_rightMargin = 0; // the chart's own, before fitPhaseNames() widened it
    Retranslator m_texts;
};
