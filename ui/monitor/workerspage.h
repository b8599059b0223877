// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/format/retranslator.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class CountJob;
class LanesWidget;
class QLabel;
class ThroughputChart;

/*!
    \brief The Workers tab: where the selected job's time goes. A verdict in plain words with
    the figures behind it (JobTimeSplit), the worker lanes (LanesWidget) and the speed over time
    (ThroughputChart). Live while the job runs, at most every RefreshMs and only while shown;
    kept once it ends, for as long as its card stays.
*/
class WorkersPage final : public QWidget
{
    Q_OBJECT

public:
    //! Live refreshes are at least this far apart (and never more often than the job reports).
    static constexpr int RefreshMs = 250;
    //! The lanes are shown whole up to this many text lines high, and scroll beyond.
    static constexpr int MaxLanesLines = 14;

    explicit WorkersPage(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(WorkersPage)

    //! Shows \a job's timeline (null: none), and follows it while it runs.
    void setJob(CountJob *job);
    CountJob *job() const { return m_job; }

    LanesWidget *lanes() const { return m_lanes; }
    ThroughputChart *throughput() const { return m_chart; }
    QLabel *verdictLabel() const { return m_verdict; }
    QLabel *figuresLabel() const { return m_figures; }

    //! Reads the job's timeline again and redraws.
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    //! Sizes the lanes' scroll area to the lanes (see MaxLanesLines).
    void fitLanes();

    QPointer<CountJob> m_job;
    QLabel *m_verdict = nullptr;
    QLabel *m_figures = nullptr;
    LanesWidget *m_lanes = nullptr;
    QWidget *m_lanesScroll = nullptr;
    ThroughputChart *m_chart = nullptr;
    QElapsedTimer m_sinceRefresh;
    bool m_stale = false; // a change came while hidden
    Retranslator m_texts;
};
