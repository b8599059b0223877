// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/jobtimeline.h"

#include <QList>

/*!
    \brief The Workers tab's lanes, laid out for a width in pixels: a job's timeline turned into
    bars, one row per worker thread plus a row for the scan and the sort and one for the reduce
    queue. No widgets: LanesWidget paints what this computes, and tests read it directly.

    Time runs from the job's start (x = 0) to its end, or to now while it runs. Calls that would
    be narrower than a pixel are gathered with their neighbours into one aggregate bar of the
    kind that took most of its time, so that 100,000 chunks draw as at most a few bars a pixel
    column; sums (bytes, words, calls) are kept, so the bars of a lane still add up to its work.
*/
class LanesModel final
{
public:
    struct Bar
    {
        double x0 = 0; //!< pixels from the plot's left edge
        double x1 = 0; //!< at least x0 + 1
        JobEvent event; //!< the call, or the sums of the calls gathered (event.calls of them)
        double readShare = 0; //!< of a map bar's busy time, spent reading
    };
    enum RowType { JobRow, QueueRow, WorkerRow };
    struct Row
    {
        RowType type = WorkerRow;
        int worker = 0; //!< 1 and up for worker rows, in the order the threads first worked
        QList<Bar> bars;
    };
    //! A pause, in pixels.
    struct Span
    {
        double x0 = 0;
        double x1 = 0;
    };

    void setTimeline(const JobTimeline &timeline);
    const JobTimeline &timeline() const { return m_timeline; }
    //! Lays the bars out for a plot \a width pixels wide.
    void layout(double width);

    double width() const { return m_width; }
    qint64 spanNs() const { return m_spanNs; }
    double toX(qint64 ns) const;
    qint64 toNs(double x) const;

    const QList<Row> &rows() const { return m_rows; }
    int workerRows() const;
    const QList<Span> &pauses() const { return m_pauses; }
    //! The counting phase, where a worker without a bar is idle: [first map call, last merge].
    Span countingSpan() const { return m_counting; }
    //! Chunks waiting for the reducer, averaged over each pixel column; and the most at once.
    const QList<double> &queueDepth() const { return m_queueDepth; }
    double maxQueueDepth() const { return m_maxQueueDepth; }
    //! The bar of row \a row under \a x (within \a slack pixels); null if none.
    const Bar *barAt(int row, double x, double slack = 1.5) const;

private:
    JobTimeline m_timeline;
    double m_width = 0;
    qint64 m_spanNs = 1;
    QList<Row> m_rows;
    QList<Span> m_pauses;
    Span m_counting;
    QList<double> m_queueDepth;
    double m_maxQueueDepth = 0;
};
