// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/workerspage.h"

#include "core/engine/countjob.h"
#include "core/engine/jobtimesplit.h"
#include "core/format/progressformat.h"
#include "core/format/timesplitformat.h"
#include "ui/monitor/laneswidget.h"
#include "ui/monitor/throughputchart.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

WorkersPage::WorkersPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("workersPage"));
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("workersVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_figures = new QLabel(this);
    m_figures->setObjectName(QStringLiteral("workersFigures"));
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_lanes = new LanesWidget(this);
    m_lanes->installEventFilter(this); // its legend's height follows its width: fitLanes()
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_lanes);
    m_chart = new ThroughputChart(this);

    // The lanes take the height they need (a scroll bar beyond it, with many workers); the
    // chart takes the rest.
    m_lanesScroll = scroll;
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("workersSplitter"));
    split->addWidget(scroll);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    // Small enough to leave the lanes and their legend whole in an 860 x 600 window.
    m_chart->setMinimumHeight(fontMetrics().height() * 6);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_verdict);
    layout->addWidget(m_figures);
    layout->addWidget(split, 1);
    m_texts.add([this] { refresh(); });
}

void WorkersPage::setJob(CountJob *job)
{
    if (m_job == job)
        return;
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    if (job) {
        connect(job, &CountJob::progressChanged, this, [this] {
            // The job reports at most every 40 ms; a timeline and its layout cost more than a
            // progress line, so the page takes at most one in RefreshMs, and none while hidden.
            if (!isVisible()) {
                m_stale = true;
                return;
            }
            if (!m_sinceRefresh.isValid() || m_sinceRefresh.elapsed() >= RefreshMs)
                refresh();
        });
        connect(job, &CountJob::finished, this, &WorkersPage::refresh);
        const QPointer<CountJob> named = job;
        m_lanes->setFileNamer([named](qint32 file) {
            if (!named)
                return QString();
            // One report, not the list: a tooltip asks on every hover.
            const FileReport report = named->fileReport(file);
            return report.nativePath.isEmpty() && !report.isSample && !report.isStream
                ? QString()
                : ProgressFormat::fileName(report);
        });
    }
    refresh();
}

void WorkersPage::refresh()
{
    m_sinceRefresh.start();
    m_stale = false;
    const JobTimeline timeline = m_job ? m_job->timeline() : JobTimeline();
    if (!m_job) {
        m_verdict->setText(tr("Select a job to see what its workers did."));
        m_figures->clear();
    } else if (timeline.events.isEmpty()) {
        m_verdict->setText(tr("Nothing recorded yet."));
        m_figures->clear();
    } else {
        const JobTimeSplit split = JobTimeSplit::compute(timeline);
        m_verdict->setText(TimeSplitFormat::verdict(split));
        m_figures->setText(split.chunks > 0 ? TimeSplitFormat::figures(split) : QString());
    }
    m_lanes->setTimeline(timeline);
    fitLanes();
    m_chart->setTimeline(timeline);
}

void WorkersPage::fitLanes()
{
    // A few workers' lanes and the legend are never scrolled (at 860 x 600 the splitter gave
    // them less and hid half the legend); many workers' scroll beyond MaxLanesLines. The
    // legend wraps to the width, so the height is the one for the lanes' width now.
    const int lanesHeight = m_lanes->sizeHint().height() + 2;
    m_lanesScroll->setMaximumHeight(lanesHeight);
    m_lanesScroll->setMinimumHeight(std::min(lanesHeight, fontMetrics().height() * MaxLanesLines));
}

bool WorkersPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_lanes && event->type() == QEvent::Resize)
        fitLanes();
    return QWidget::eventFilter(watched, event);
}

void WorkersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void WorkersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate();
    QWidget::changeEvent(event);
}
