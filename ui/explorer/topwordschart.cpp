// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/explorer/topwordschart.h"

#include "core/format/progressformat.h"

#include "ui/explorer/chartcontextmenu.h"
#include "ui/explorer/chartstyle.h"
#include "ui/explorer/countaxis.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

//! A round axis end past \a top with room for the longest bar's label, and its tick count:
//! at most \a intervals whole steps of 1, 2, 2.5 or 5 times a power of ten.
std::pair<qreal, int> countAxisRange(quint64 top, int intervals)
{
    const double target = std::max(1.0, double(top) * 1.15);
    const double raw = target / intervals;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (const double nice : {1.0, 2.0, 2.5, 5.0}) {
        if (nice * magnitude >= raw) {
            step = nice * magnitude;
            break;
        }
    }
    step = std::max(step, 1.0); // counts are whole
    const double steps = std::ceil(target / step);
    return {steps * step, int(steps) + 1};
}

//! \a word shortened to fit the axis; categories must be distinct, so a shortened word that
//! clashes with an earlier one gets invisible zero-width spaces.
QString categoryLabel(const QString &word, const QStringList &earlier)
{
    constexpr qsizetype MaxLength = 24;
    if (word.size() <= MaxLength)
        return word;
    // Elided in the middle: long words that share a beginning often differ at the end.
    const qsizetype head = (MaxLength - 1) / 2;
    QString label = word.left(head) + QChar(0x2026) + word.right(MaxLength - 1 - head);
    while (earlier.contains(label))
        label += QChar(0x200B);
    return label;
}

} // namespace

TopWordsChart::TopWordsChart(QWidget *parent)
    : QWidget(parent)
{
    auto *caption = new QLabel(this);
    m_spin = new QSpinBox(this);
    m_spin->setObjectName(QStringLiteral("topCountSpin"));
    m_spin->setRange(MinimumTopCount, MaximumTopCount);
    m_spin->setValue(DefaultTopCount);
    caption->setBuddy(m_spin);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 0, 4, 2);
    header->addWidget(caption);
    header->addWidget(m_spin);
    header->addStretch(1);

    m_chart = new QChart;
    m_chart->legend()->hide();
    m_series = new QHorizontalBarSeries(m_chart);
    m_series->setBarWidth(0.72);
    m_series->setLabelsVisible(false); // see m_valueLabels
    m_chart->addSeries(m_series);
    connect(m_chart, &QChart::plotAreaChanged, this, &TopWordsChart::placeValueLabels);

    m_wordAxis = new QBarCategoryAxis(m_chart);
    m_wordAxis->setGridLineVisible(false);
    m_wordAxis->setTruncateLabels(false);
    m_chart->addAxis(m_wordAxis, Qt::AlignLeft);
    m_series->attachAxis(m_wordAxis);
    m_countAxis = CountAxis::create(m_chart);
    m_chart->addAxis(m_countAxis, Qt::AlignBottom);
    m_series->attachAxis(m_countAxis);

    m_view = ChartStyle::makeView(m_chart, this);
    m_view->setObjectName(QStringLiteral("topWordsView"));
    new ChartContextMenu(m_view, QStringLiteral("top-words"));
    // Many bars get a taller chart to scroll through rather than squeezed labels.
    m_scroll = new QScrollArea(this);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(m_view);

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("chartPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // drawn in the palette's muted text colour

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_scroll);
    m_stack->addWidget(m_placeholder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    connect(m_spin, &QSpinBox::valueChanged, this, [this](int n) {
        rebuild();
        Q_EMIT topCountChanged(n);
    });

    applyStyle();
    m_texts.add([this, caption] {
        caption->setText(tr("Show the &top"));
        m_spin->setSuffix(tr(" words"));
        m_spin->setAccessibleName(tr("Number of words in the bar chart"));
        m_countAxis->setTitleText(tr("Count"));
        updatePlaceholder();
        rebuild();
    });
}

TopWordsChart::~TopWordsChart() = default;

void TopWordsChart::setWords(const QList<QPair<QString, quint64>> &words)
{
    // Only the head can ever show; the caller may pass millions.
    m_words = words.mid(0, MaximumTopCount);
    rebuild();
}

void TopWordsChart::setCounting(bool counting)
{
    m_counting = counting;
    updatePlaceholder();
}

void TopWordsChart::updatePlaceholder()
{
    m_placeholder->setText(m_counting ? tr("Counting… the top words appear here as the job reads")
                                      : tr("No words match the filter"));
}

int TopWordsChart::topCount() const
{
    return m_spin->value();
}

void TopWordsChart::setTopCount(int n)
{
    m_spin->setValue(n); // clamps, and emits only on a change
}

void TopWordsChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate(); // rebuilds, so the counts follow the new locale
    if (event->type() == QEvent::LocaleChange && m_top > 0)
        updateCountAxis();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyStyle();
        rebuild();
    }
}

void TopWordsChart::rebuild()
{
    const qsizetype shown = std::min<qsizetype>(m_words.size(), topCount());
    m_series->clear();
    m_wordAxis->clear();
    qDeleteAll(m_valueLabels);
    m_valueLabels.clear();
    m_values.clear();
    if (shown == 0) {
        m_top = 0;
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }

    QStringList words;
    QList<qreal> counts;
    words.reserve(shown);
    counts.reserve(shown);
    quint64 top = 0;
    // Category 0 is drawn at the bottom and bar category axes cannot be reversed, so the words
    // go in least frequent first: the most frequent ends up at the top.
    for (qsizetype i = shown - 1; i >= 0; --i) {
        words.append(categoryLabel(m_words[i].first, words));
        counts.append(qreal(m_words[i].second));
        top = std::max(top, m_words[i].second);
    }

    auto *set = new QBarSet(tr("Count"));
    set->append(counts);
    set->setColor(palette().color(QPalette::Highlight));
    set->setBorderColor(Qt::transparent);
    set->setLabelColor(palette().color(QPalette::Text));
    set->setLabelFont(font());
    connect(set, &QBarSet::hovered, this, &TopWordsChart::showToolTip);
    m_series->append(set);
    m_wordAxis->append(words);
    for (const qreal count : std::as_const(counts)) {
        auto *label = new QGraphicsSimpleTextItem(ProgressFormat::count(quint64(count)), m_chart);
        label->setBrush(palette().color(QPalette::Text));
        label->setFont(font());
        m_valueLabels.append(label);
    }
    m_values = counts;

    m_top = top;
    updateCountAxis();

    const int rowHeight = fontMetrics().height() + 4;
    m_view->setMinimumHeight(int(shown) * rowHeight + 4 * fontMetrics().height() + 24);
    m_stack->setCurrentWidget(m_scroll);
}

void TopWordsChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_top > 0)
        updateCountAxis();
}

void TopWordsChart::updateCountAxis()
{
    // Fewer ticks when long counts would crowd a narrow chart: the axis draws every label, however
    // close to the next.
    const int labelWidth = fontMetrics().horizontalAdvance(ProgressFormat::count(m_top * 2));
    const int plotWidth = std::max(100, width() - 150);
    const int intervals = std::clamp(2 * plotWidth / (3 * labelWidth), 2, 5);
    const auto [axisMax, ticks] = countAxisRange(m_top, intervals);
    m_countAxis->setRange(0, axisMax);
    QList<CountAxis::Tick> labels;
    const qreal step = axisMax / (ticks - 1);
    for (int i = 0; i < ticks; ++i)
        labels.append({i * step, quint64(std::llround(i * step))});
    CountAxis::setTicks(m_countAxis, labels);
    ChartStyle::makeRoomForLastLabel(m_chart, m_countAxis,
                                     ProgressFormat::count(labels.last().value));
    placeValueLabels();
}

void TopWordsChart::placeValueLabels()
{
    // Past the end of each bar, centred on it, as the series' own labels were.
    for (qsizetype i = 0; i < m_valueLabels.size(); ++i) {
        QGraphicsSimpleTextItem *label = m_valueLabels.at(i);
        const QPointF end = m_chart->mapToPosition(QPointF(m_values.at(i), qreal(i)), m_series);
        label->setPos(end + QPointF(4, -label->boundingRect().height() / 2)); // chart coordinates
    }
}

void TopWordsChart::applyStyle()
{
    ChartStyle::apply(m_chart, this);
}

void TopWordsChart::showToolTip(bool status, int index)
{
    const qsizetype word = m_wordAxis->count() - 1 - index; // bars run bottom to top
    if (!status || word < 0 || word >= m_words.size()) {
        QToolTip::hideText();
        return;
    }
    const auto &[text, count] = m_words[word];
    QToolTip::showText(QCursor::pos(),
                       tr("%1: %2").arg(text, ProgressFormat::count(quint64(count))), m_view);
}
