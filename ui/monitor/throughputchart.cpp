// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/throughputchart.h"

#include "core/engine/throughputseries.h"
#include "ui/explorer/chartstyle.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFontMetricsF>
#include <QLegendMarker>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

const QColor BytesColor(40, 110, 190);
const QColor WordsColor(200, 110, 30);
const QColor PauseColor(100, 110, 130, 60);
constexpr double MarkSpacing = 0.15; // of the time axis, between two named phase marks

// A round maximum for an axis whose values reach \a most: 1, 2 or 5 × 10^n.
double niceCeiling(double most)
{
    if (most <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(most)));
    for (double f : {1.0, 2.0, 5.0, 10.0}) {
        if (most <= f * magnitude)
            return f * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

ThroughputChart::ThroughputChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("throughputChart"));
    m_chart = new QChart;
    m_bytes = new QLineSeries(m_chart);
    m_words = new QLineSeries(m_chart);
    m_chart->addSeries(m_bytes);
    m_chart->addSeries(m_words);
    m_timeAxis = new QValueAxis(m_chart);
    m_bytesAxis = new QValueAxis(m_chart);
    m_wordsAxis = new QValueAxis(m_chart);
    m_phaseAxis = new QCategoryAxis(m_chart);
    m_phaseAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Numbers and phase names are short: never "…" for want of a few pixels.
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_bytesAxis),
          static_cast<QAbstractAxis *>(m_wordsAxis), static_cast<QAbstractAxis *>(m_phaseAxis)})
        axis->setTruncateLabels(false);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_phaseAxis, Qt::AlignTop);
    m_chart->addAxis(m_bytesAxis, Qt::AlignLeft);
    m_chart->addAxis(m_wordsAxis, Qt::AlignRight);
    m_bytes->attachAxis(m_timeAxis);
    m_bytes->attachAxis(m_bytesAxis);
    m_words->attachAxis(m_timeAxis);
    m_words->attachAxis(m_wordsAxis);
    m_bytes->attachAxis(m_phaseAxis); // the phase marks share the time scale
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_view = ChartStyle::makeView(m_chart, this);
    m_rightMargin = m_chart->margins().right();
    connect(m_chart, &QChart::plotAreaChanged, this, &ThroughputChart::fitPhaseNames,
            Qt::QueuedConnection); // not from inside the chart's own layout
    m_view->setObjectName(QStringLiteral("throughputView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyStyle();
    m_texts.add([this] {
        m_bytes->setName(tr("MiB/s"));
        m_words->setName(tr("Million words/s"));
        m_view->setAccessibleName(tr("Counting speed over time"));
        rebuild();
    });
}

void ThroughputChart::applyStyle()
{
    ChartStyle::apply(m_chart, this);
    ChartStyle::styleAxis(m_phaseAxis, this);
    m_bytes->setPen(QPen(BytesColor, 2));
    m_words->setPen(QPen(WordsColor, 2));
    m_phaseAxis->setGridLineVisible(true);
    m_phaseAxis->setGridLinePen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    for (QAreaSeries *area : std::as_const(m_pauseAreas)) {
        area->setBrush(PauseColor);
        area->setPen(Qt::NoPen);
    }
}

void ThroughputChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
}

void ThroughputChart::setTimeline(const JobTimeline &timeline)
{
    m_timeline = timeline;
    rebuild();
}

void ThroughputChart::rebuild()
{
    const ThroughputSeries s = ThroughputSeries::compute(m_timeline, Bins);
    QList<QPointF> bytes, words;
    double mostBytes = 0, mostWords = 0;
    const double binSeconds = double(s.binNs) / 1e9;
    for (qsizetype i = 0; i < s.bytesPerSecond.size(); ++i) {
        const double x = (double(i) + 0.5) * binSeconds;
        const double mib = s.bytesPerSecond.at(i) / double(1 << 20);
        const double mwords = s.wordsPerSecond.at(i) / 1e6;
        bytes.append({x, mib});
        words.append({x, mwords});
        mostBytes = std::max(mostBytes, mib);
        mostWords = std::max(mostWords, mwords);
    }
    m_bytes->replace(bytes);
    m_words->replace(words);
    const double seconds = std::max(1e-3, binSeconds * double(s.bytesPerSecond.size()));
    m_timeAxis->setRange(0, seconds);
    m_timeAxis->setLabelFormat(seconds < 10 ? QStringLiteral("%.1f s") : QStringLiteral("%.0f s"));
    m_bytesAxis->setRange(0, niceCeiling(mostBytes * 1.05));
    m_wordsAxis->setRange(0, niceCeiling(mostWords * 1.05));

    // The phases' starts, on the top axis.
    for (const QString &label : m_phaseAxis->categoriesLabels())
        m_phaseAxis->remove(label);
    m_phaseAxis->setRange(0, m_timeAxis->max()); // the same scale as the time axis
    m_phaseAxis->setStartValue(0);
    int n = 0;
    double lastLabelled = -1;
    for (const ThroughputSeries::Mark &mark : s.marks) {
        QString name;
        switch (mark.phase) {
        case ThroughputSeries::Scanning:
            continue; // at 0: the axis' start says it
        case ThroughputSeries::Counting:
            name = tr("Counting");
            break;
        case ThroughputSeries::Merging:
            name = tr("Last merges");
            break;
        case ThroughputSeries::Sorting:
            name = tr("Sorting");
            break;
        case ThroughputSeries::Ended:
            name = tr("Done");
            break;
        }
        // A mark too close to the one named before it keeps its line but not its name, which
        // would overlap; category labels must be unique: invisible padding tells them apart.
        const double at = double(mark.ns) / 1e9;
        if (lastLabelled >= 0 && at - lastLabelled < seconds * MarkSpacing)
            name.clear();
        else
            lastLabelled = at;
        m_phaseAxis->append(name + QString(n++, QChar(0x200B)), at);
    }
    fitPhaseNames();

    // Pauses: a shaded area each, from the bottom to the top of the chart.
    const QList<JobTimeline::Pause> &pauses = m_timeline.pauses;
    while (m_pauseAreas.size() > pauses.size()) {
        QAreaSeries *area = m_pauseAreas.takeLast();
        m_chart->removeSeries(area);
        delete area;
    }
    while (m_pauseAreas.size() < pauses.size()) {
        auto *upper = new QLineSeries(m_chart);
        auto *area = new QAreaSeries(upper);
        m_chart->addSeries(area);
        area->attachAxis(m_timeAxis);
        area->attachAxis(m_bytesAxis);
        area->setBrush(PauseColor);
        area->setPen(Qt::NoPen);
        m_pauseAreas.append(area);
        for (QLegendMarker *marker : m_chart->legend()->markers(area))
            marker->setVisible(false);
    }
    const double top = m_bytesAxis->max();
    for (qsizetype i = 0; i < pauses.size(); ++i) {
        const double x0 = double(pauses.at(i).startNs) / 1e9;
        const double x1
            = double(pauses.at(i).endNs < 0 ? m_timeline.nowNs : pauses.at(i).endNs) / 1e9;
        m_pauseAreas.at(i)->upperSeries()->replace({{x0, top}, {x1, top}});
        m_pauseAreas.at(i)->setName(tr("Paused"));
    }
}

void ThroughputChart::fitPhaseNames()
{
    // Qt Charts centres a category's name on its value and lays the chart out without it: at the
    // end of the axis, half of "Últimas combinaciones" fell beyond the widget's edge.
    const QRectF plot = m_chart->plotArea();
    const double span = m_phaseAxis->max() - m_phaseAxis->min();
    if (plot.width() <= 0 || span <= 0)
        return;
    const QMargins margins = m_chart->margins();
    const int extra = margins.right() - m_rightMargin;
    // The plot and the room right of it as they would be without the extra margin.
    const double width = plot.width() + extra;
    const double room = m_chart->size().width() - plot.right() - extra;
    const QFontMetricsF metrics(m_phaseAxis->labelsFont());
    double need = 0;
    for (const QString &label : m_phaseAxis->categoriesLabels()) {
        const double at
            = std::clamp((m_phaseAxis->endValue(label) - m_phaseAxis->min()) / span, 0.05, 1.0);
        const double half = metrics.horizontalAdvance(label) / 2 + 2;
        // The extra margin moves the mark left by only its share of it, hence / at.
        need = std::max(need, (half - (1 - at) * width - room) / at);
    }
    const int right = m_rightMargin + int(std::ceil(std::max(0.0, need)));
    if (right != margins.right())
        m_chart->setMargins(QMargins(margins.left(), margins.top(), right, margins.bottom()));
}
