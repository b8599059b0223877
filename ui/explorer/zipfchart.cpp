// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/explorer/zipfchart.h"

#include "core/format/progressformat.h"

#include "ui/explorer/chartcontextmenu.h"
#include "ui/explorer/chartstyle.h"
#include "ui/explorer/countaxis.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

//! Room around the data on a log axis: a tenth of a decade each side.
constexpr double LogPadding = 1.26;

//! The powers of ten from \a min to \a max, placed at their logarithms: 1, 10, 100... or, when a
//! label needs more than a decade's room, every \a stride-th of them from 1.
QList<CountAxis::Tick> decades(double min, double max, int stride)
{
    constexpr double Slack = 1e-9; // log10(1000) may come out a hair below 3
    const int first = std::max(0, int(std::ceil(std::log10(min) - Slack)));
    const int last = std::min(19, int(std::floor(std::log10(max) + Slack))); // 10^19 < 2^64
    QList<CountAxis::Tick> ticks;
    quint64 power = 1;
    for (int exponent = 0; exponent <= last; ++exponent) {
        if (exponent >= first && exponent % stride == 0)
            ticks.append({qreal(exponent), power});
        if (exponent < last)
            power *= 10;
    }
    return ticks;
}

//! How many decades apart labels must be, at \a decadeLength pixels a decade, not to touch
//! when each takes \a labelLength pixels along the axis. 1 until the chart is laid out.
int decadeStride(double decadeLength, int labelLength)
{
    if (decadeLength <= 0)
        return 1;
    return std::max(1, int(std::ceil(labelLength / decadeLength)));
}

} // namespace

ZipfChart::ZipfChart(QWidget *parent)
    : QWidget(parent)
{
    m_exponentLabel = new QLabel(this);
    m_exponentLabel->setObjectName(QStringLiteral("exponentLabel"));
    m_exponentLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exponentLabel->setContentsMargins(4, 2, 4, 4);

    m_chart = new QChart;
    m_words = new QScatterSeries(m_chart);
    m_fitLine = new QLineSeries(m_chart);
    m_chart->addSeries(m_words);
    m_chart->addSeries(m_fitLine);

    m_rankAxis = new QLogValueAxis(m_chart);
    m_countAxis = new QLogValueAxis(m_chart);
    for (QLogValueAxis *axis : {m_rankAxis, m_countAxis}) {
        axis->setBase(10);
        axis->setMinorTickCount(-1); // 2..9 in every decade, as on log paper
        axis->setLabelsVisible(false);
    }
    m_chart->addAxis(m_rankAxis, Qt::AlignBottom);
    m_chart->addAxis(m_countAxis, Qt::AlignLeft);
    // Attached to no series, they keep the range they are given: the logarithms of the log axes'.
    // Added after the log axes, they lie outside them, their labels beside the log axes' ticks.
    m_rankLabels = CountAxis::create(m_chart);
    m_countLabels = CountAxis::create(m_chart);
    for (QCategoryAxis *axis : {m_rankLabels, m_countLabels}) {
        axis->setLineVisible(false); // and its ticks: the log axis draws both
        axis->setGridLineVisible(false);
    }
    m_chart->addAxis(m_rankLabels, Qt::AlignBottom);
    m_chart->addAxis(m_countLabels, Qt::AlignLeft);
    for (QXYSeries *series :
         {static_cast<QXYSeries *>(m_words), static_cast<QXYSeries *>(m_fitLine)}) {
        series->attachAxis(m_rankAxis);
        series->attachAxis(m_countAxis);
    }
    m_chart->legend()->setAlignment(Qt::AlignTop);
    // How many decades get a label depends on the plot's size, known once laid out. Queued: the
    // labels change the layout that signals.
    connect(m_chart, &QChart::plotAreaChanged, this, &ZipfChart::updateAxisLabels,
            Qt::QueuedConnection);

    m_view = ChartStyle::makeView(m_chart, this);
    m_view->setObjectName(QStringLiteral("zipfView"));
    new ChartContextMenu(m_view, QStringLiteral("zipf-plot"));
    m_view->setMinimumSize(260, 200);

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("chartPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // drawn in the palette's muted text colour

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_placeholder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_exponentLabel);
    layout->addWidget(m_stack, 1);

    applyStyle();
    setCounts({});
    m_texts.add([this] {
        m_exponentLabel->setToolTip(
            tr("Least-squares line through log frequency against log rank, over ranks spread "
               "evenly on the log scale (about 20 a decade) so that each decade weighs the "
               "same. Natural text gives an exponent near 1."));
        m_words->setName(tr("Words"));
        m_rankLabels->setTitleText(tr("Rank"));
        m_countLabels->setTitleText(tr("Frequency"));
        updatePlaceholder();
        updateFitTexts();
        updateAxisLabels(); // in the new locale
    });
}

ZipfChart::~ZipfChart() = default;

void ZipfChart::setCounts(const std::vector<quint64> &countsDescending,
                          const std::vector<quint64> &ranks)
{
    const bool ranked = !ranks.empty();
    m_fit = ranked ? ZipfFit::fit(countsDescending, ranks) : ZipfFit::fit(countsDescending);
    const auto points = ranked ? ZipfFit::plotPoints(countsDescending, ranks)
                               : ZipfFit::plotPoints(countsDescending);

    QList<QPointF> words;
    words.reserve(qsizetype(points.size()));
    double minCount = 1, maxCount = 1;
    if (!points.empty()) {
        minCount = maxCount = points.front().second;
        for (const auto &[rank, count] : points) {
            words.append(QPointF(rank, count));
            minCount = std::min(minCount, count);
            maxCount = std::max(maxCount, count);
        }
    }
    m_ranks = points.empty() ? 0 : quint64(points.back().first);
    m_words->replace(words);

    QList<QPointF> line;
    if (m_fit.valid) {
        // Straight on log-log axes, so its two ends are enough.
        // From the first rank shown: a filtered list may not start at rank 1.
        const double first = points.front().first;
        line = {QPointF(first, m_fit.countAt(first)),
                QPointF(double(m_ranks), m_fit.countAt(double(m_ranks)))};
    }
    updateFitTexts();
    m_fitLine->replace(line);
    m_fitLine->setVisible(m_fit.valid);

    // The ranks always start at 1. Below the counts, at least one labelled power of ten, so a
    // narrow range still reads; the fitted line may reach past the counts at its ends.
    double lowest
        = std::min(minCount / LogPadding, std::pow(10.0, std::floor(std::log10(minCount))));
    double highest = std::max(10.0, maxCount) * LogPadding;
    for (const QPointF &p : std::as_const(line)) {
        if (p.y() > 0) {
            lowest = std::min(lowest, p.y() / LogPadding);
            highest = std::max(highest, p.y() * LogPadding);
        }
    }
    m_rankAxis->setRange(1 / LogPadding, std::max(10.0, double(m_ranks)) * LogPadding);
    m_countAxis->setRange(lowest, highest);
    for (auto [axis, labels] : {std::pair(m_rankAxis, m_rankLabels), {m_countAxis, m_countLabels}})
        labels->setRange(std::log10(axis->min()), std::log10(axis->max()));
    updateAxisLabels();

    m_stack->setCurrentWidget(points.empty() ? static_cast<QWidget *>(m_placeholder) : m_view);
}

void ZipfChart::setCounting(bool counting)
{
    m_counting = counting;
    if (counting)
        setCounts({});
    updatePlaceholder();
    updateFitTexts();
}

void ZipfChart::updatePlaceholder()
{
    m_placeholder->setText(m_counting ? tr("Counting… the Zipf plot fills in when the job is done")
                                      : tr("No words match the filter"));
}

void ZipfChart::updateFitTexts()
{
    if (m_counting) {
        m_fitLine->setName(tr("Fit"));
        m_exponentLabel->clear(); // "Too few words to fit" would be false
    } else if (m_fit.valid) {
        m_fitLine->setName(tr("Fit, s = %1").arg(QLocale().toString(m_fit.exponent, 'f', 2)));
        m_exponentLabel->setText(
            tr("Zipf exponent s = %1 (fitted over %2 ranks)")
                .arg(QLocale().toString(m_fit.exponent, 'f', 2), QLocale().toString(m_fit.points)));
    } else {
        m_fitLine->setName(tr("Fit"));
        m_exponentLabel->setText(tr("Too few words to fit"));
    }
}

void ZipfChart::updateAxisLabels()
{
    const QRectF plot = m_chart->plotArea();
    const QFontMetrics metrics(m_rankLabels->labelsFont());
    const auto decadeLength = [](const QCategoryAxis *axis, qreal length) {
        return length / (axis->max() - axis->min());
    };
    // Across: the widest label the axis could have, and a space. Up: a line and a half.
    const int widest = metrics.horizontalAdvance(ProgressFormat::count(quint64(m_rankAxis->max())))
        + metrics.height();
    const int rankStride = decadeStride(decadeLength(m_rankLabels, plot.width()), widest);
    const int countStride
        = decadeStride(decadeLength(m_countLabels, plot.height()), metrics.height() * 3 / 2);
    const QList<CountAxis::Tick> ranks = decades(m_rankAxis->min(), m_rankAxis->max(), rankStride);
    CountAxis::setTicks(m_rankLabels, ranks);
    CountAxis::setTicks(m_countLabels,
                        decades(m_countAxis->min(), m_countAxis->max(), countStride));
    // The last power of ten may lie a few pixels from the plot's right edge.
    if (!ranks.isEmpty())
        ChartStyle::makeRoomForLastLabel(m_chart, m_rankLabels,
                                         ProgressFormat::count(ranks.last().value));
}

void ZipfChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate(); // the numbers too, in the new locale
    if (event->type() == QEvent::LocaleChange)
        updateAxisLabels();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyStyle();
        updateAxisLabels(); // in the new font, and the margin apply() reset
    }
}

void ZipfChart::applyStyle()
{
    ChartStyle::apply(m_chart, this);
    // Words as small dots in the theme's first colour; the fit as a line that stands out.
    QColor dots = palette().color(QPalette::Highlight);
    m_words->setColor(dots);
    m_words->setBorderColor(Qt::transparent);
    m_words->setMarkerSize(6);
    QPen fitPen(palette().color(QPalette::Text));
    fitPen.setWidthF(1.5);
    fitPen.setStyle(Qt::DashLine);
    m_fitLine->setPen(fitPen);
}
