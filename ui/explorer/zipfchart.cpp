// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/explorer/zipfchart.h"

#include "ui/explorer/chartstyle.h"

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
        axis->setLabelFormat(
            QStringLiteral("%.0f")); // 1000000, not 1e+06: ranks and counts are whole
        axis->setMinorTickCount(-1); // 2..9 in every decade, as on log paper
    }
    m_chart->addAxis(m_rankAxis, Qt::AlignBottom);
    m_chart->addAxis(m_countAxis, Qt::AlignLeft);
    for (QXYSeries *series :
         {static_cast<QXYSeries *>(m_words), static_cast<QXYSeries *>(m_fitLine)}) {
        series->attachAxis(m_rankAxis);
        series->attachAxis(m_countAxis);
    }
    m_chart->legend()->setAlignment(Qt::AlignTop);

    m_view = ChartStyle::makeView(m_chart, this);
    m_view->setObjectName(QStringLiteral("zipfView"));
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
        m_rankAxis->setTitleText(tr("Rank"));
        m_countAxis->setTitleText(tr("Frequency"));
        m_placeholder->setText(tr("No words match the filter"));
        updateFitTexts();
    });
}

ZipfChart::~ZipfChart() = default;

void ZipfChart::setCounts(const std::vector<quint64> &countsDescending)
{
    m_fit = ZipfFit::fit(countsDescending);
    const auto points = ZipfFit::plotPoints(countsDescending);

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
        line = {QPointF(1, m_fit.countAt(1)),
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

    m_stack->setCurrentWidget(points.empty() ? static_cast<QWidget *>(m_placeholder) : m_view);
}

void ZipfChart::updateFitTexts()
{
    if (m_fit.valid) {
        m_fitLine->setName(tr("Fit, s = %1").arg(QLocale().toString(m_fit.exponent, 'f', 2)));
        m_exponentLabel->setText(
            tr("Zipf exponent s = %1 (fitted over %2 ranks)")
                .arg(QLocale().toString(m_fit.exponent, 'f', 2), QLocale().toString(m_fit.points)));
    } else {
        m_fitLine->setName(tr("Fit"));
        m_exponentLabel->setText(tr("Too few words to fit"));
    }
}

void ZipfChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyStyle();
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
