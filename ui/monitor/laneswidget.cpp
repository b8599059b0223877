// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/laneswidget.h"

#include "core/format/progressformat.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace {

constexpr int Gap = 2; // between rows
constexpr int AxisHeightLines = 1;

QColor kindColor(JobEvent::Kind kind)
{
    switch (kind) {
    case JobEvent::Map:
        return QColor(90, 140, 200);
    case JobEvent::Reduce:
        return QColor(128, 80, 168);
    case JobEvent::SlotWait:
        return QColor(228, 120, 40);
    case JobEvent::Parked:
        return QColor(110, 110, 110, 150);
    case JobEvent::Scan:
        return QColor(40, 150, 140);
    case JobEvent::Sort:
        return QColor(60, 130, 60);
    }
    return Qt::gray;
}

const QColor ReadingColor(30, 30, 30, 150);
const QColor QueueColor(128, 80, 168, 120);
const QColor PauseColor(100, 110, 130, 70);

QString ms(qint64 ns)
{
    return ProgressFormat::count(quint64((ns + 500000) / 1000000));
}

} // namespace

LanesWidget::LanesWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("workerLanes"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_texts.add([this] {
        setAccessibleName(tr("Worker lanes"));
        update();
    });
}

QColor LanesWidget::fileColor(qint32 file)
{
    if (file < 0)
        return kindColor(JobEvent::Map);
    // The golden ratio spreads neighbouring files' hues far apart.
    const double hue = std::fmod(0.58 + file * 0.618033988749895, 1.0);
    return QColor::fromHsvF(float(hue), 0.45f, 0.88f);
}

int LanesWidget::rowHeight() const
{
    return fontMetrics().height() + 4;
}

int LanesWidget::labelWidth() const
{
    int widest = 0;
    for (const LanesModel::Row &row : m_model.rows())
        widest = std::max(widest, fontMetrics().horizontalAdvance(rowName(row)));
    return widest + 12;
}

QRect LanesWidget::plotRect() const
{
    const int left = labelWidth();
    const int rows = int(m_model.rows().size());
    return QRect(left, 0, std::max(1, width() - left - 8), rows * (rowHeight() + Gap));
}

QRect LanesWidget::rowRect(int row) const
{
    const QRect plot = plotRect();
    return QRect(plot.left(), row * (rowHeight() + Gap), plot.width(), rowHeight());
}

QSize LanesWidget::sizeHint() const
{
    const int rows = std::max<int>(3, int(m_model.rows().size()));
    return QSize(600,
                 rows * (rowHeight() + Gap) + fontMetrics().height() * AxisHeightLines + 8
                     + legendHeight());
}

QSize LanesWidget::minimumSizeHint() const
{
    return QSize(200, sizeHint().height());
}

void LanesWidget::setTimeline(const JobTimeline &timeline)
{
    const qsizetype rowsBefore = m_model.rows().size();
    m_model.setTimeline(timeline);
    relayout();
    if (m_model.rows().size() != rowsBefore)
        updateGeometry();
    update();
}

void LanesWidget::relayout()
{
    m_model.layout(plotRect().width());
}

void LanesWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
    // The legend wraps to the width: the height follows.
    if (sizeHint().height() != height())
        updateGeometry();
}

void LanesWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate();
    if (event->type() == QEvent::FontChange)
        relayout();
    QWidget::changeEvent(event);
}

QString LanesWidget::rowName(const LanesModel::Row &row) const
{
    switch (row.type) {
    case LanesModel::JobRow:
        return tr("Scan, sort");
    case LanesModel::QueueRow:
        return tr("Reduce queue");
    case LanesModel::WorkerRow:
        break;
    }
    // Worker rows are numbered as they appear, 1 and up.
    int n = 0;
    for (const LanesModel::Row &r : m_model.rows()) {
        if (r.type == LanesModel::WorkerRow)
            ++n;
        if (&r == &row)
            break;
    }
    return tr("Worker %1").arg(n);
}

void LanesWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const QRect plot = plotRect();
    const QList<LanesModel::Row> &rows = m_model.rows();
    const LanesModel::Span counting = m_model.countingSpan();
    for (int r = 0; r < rows.size(); ++r) {
        const LanesModel::Row &row = rows.at(r);
        const QRect rect = rowRect(r);
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(4, rect.top(), plot.left() - 8, rect.height()),
                   Qt::AlignVCenter | Qt::AlignLeft, rowName(row));
        p.fillRect(rect, pal.color(QPalette::Base));
        if (row.type == LanesModel::WorkerRow && counting.x1 > counting.x0) {
            // Idle: the counting phase's background, where no bar covers it.
            const QRectF idle(rect.left() + counting.x0, rect.top() + rect.height() * 0.35,
                              counting.x1 - counting.x0, rect.height() * 0.3);
            p.fillRect(idle, QBrush(pal.color(QPalette::Mid), Qt::Dense6Pattern));
        }
        if (row.type == LanesModel::QueueRow) {
            const QList<double> &depth = m_model.queueDepth();
            const double most = std::max(1.0, m_model.maxQueueDepth());
            for (int x = 0; x < depth.size(); ++x) {
                if (depth.at(x) <= 0)
                    continue;
                const double h = rect.height() * std::min(1.0, depth.at(x) / most);
                p.fillRect(QRectF(rect.left() + x, rect.bottom() + 1 - h, 1, h), QueueColor);
            }
            continue;
        }
        for (const LanesModel::Bar &bar : row.bars) {
            const QRectF box(rect.left() + bar.x0, rect.top(), bar.x1 - bar.x0, rect.height());
            const JobEvent &e = bar.event;
            if (e.kind == JobEvent::Parked) {
                p.fillRect(box, QBrush(kindColor(JobEvent::Parked), Qt::BDiagPattern));
                continue;
            }
            QColor color = e.kind == JobEvent::Map ? fileColor(e.file) : kindColor(e.kind);
            if (e.kind == JobEvent::SlotWait)
                p.fillRect(box.adjusted(0, rect.height() * 0.3, 0, -rect.height() * 0.3), color);
            else
                p.fillRect(box, color);
            if (e.kind == JobEvent::Map && bar.readShare > 0) {
                const double strip = std::max(2.0, rect.height() * 0.25);
                p.fillRect(
                    QRectF(box.left(), box.bottom() - strip, box.width() * bar.readShare, strip),
                    ReadingColor);
            }
            // Edges between calls of the same colour, where there is room for them.
            if (box.width() >= 4) {
                p.setPen(color.darker(130));
                p.drawLine(QPointF(box.left(), box.top()), QPointF(box.left(), box.bottom()));
            }
        }
    }
    // Pauses shade every row.
    for (const LanesModel::Span &pause : m_model.pauses())
        p.fillRect(
            QRectF(plot.left() + pause.x0, 0, std::max(1.0, pause.x1 - pause.x0), plot.height()),
            PauseColor);

    // The time axis: a tick every 1, 2 or 5 × 10^n seconds, 80 pixels or more apart.
    const int axisTop = plot.bottom() + 2;
    p.setPen(pal.color(QPalette::WindowText));
    p.drawLine(plot.left(), axisTop, plot.right(), axisTop);
    const double seconds = double(m_model.spanNs()) / 1e9;
    const double minStep = seconds * 80 / std::max(1, plot.width());
    double step = std::pow(10.0, std::floor(std::log10(std::max(minStep, 1e-3))));
    for (double f : {1.0, 2.0, 5.0, 10.0}) {
        if (step * f >= minStep) {
            step *= f;
            break;
        }
    }
    const QFontMetrics fm = fontMetrics();
    for (double s = 0; s <= seconds + 1e-9; s += step) {
        const double x = plot.left() + s / seconds * plot.width();
        p.drawLine(QPointF(x, axisTop), QPointF(x, axisTop + 3));
        const QString label = step < 1 ? QLocale().toString(s, 'f', step < 0.1 ? 2 : 1)
                                       : ProgressFormat::duration(qint64(s * 1000));
        const int w = fm.horizontalAdvance(label);
        const double left = std::clamp(x - w / 2.0, double(plot.left()), double(plot.right() - w));
        p.drawText(QPointF(left, axisTop + 3 + fm.ascent()), label);
    }

    // The legend.
    const QFontMetrics lfm = fontMetrics();
    const int box = lfm.ascent() - 2;
    const QList<LegendKey> keys = legendKeys();
    const QList<QPoint> at = legendPositions(keys, axisTop + lfm.height() + 6);
    for (int i = 0; i < keys.size(); ++i) {
        const QPoint pos = at.at(i);
        p.fillRect(QRect(pos.x(), pos.y() + (lfm.height() - box) / 2, box, box),
                   QBrush(keys.at(i).color, keys.at(i).style));
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QPoint(pos.x() + box + 4, pos.y() + lfm.ascent()), keys.at(i).text);
    }
}

QList<LanesWidget::LegendKey> LanesWidget::legendKeys() const
{
    return {
        {fileColor(0), Qt::SolidPattern, tr("Counting (colour: file)")},
        {ReadingColor, Qt::SolidPattern, tr("Reading")},
        {kindColor(JobEvent::Reduce), Qt::SolidPattern, tr("Merging")},
        {kindColor(JobEvent::SlotWait), Qt::SolidPattern, tr("Waiting for a table slot")},
        {QueueColor, Qt::SolidPattern, tr("In the reduce queue")},
        {palette().color(QPalette::Mid), Qt::Dense6Pattern, tr("Idle")},
        {PauseColor.darker(150), Qt::SolidPattern, tr("Paused")},
        {kindColor(JobEvent::Scan), Qt::SolidPattern, tr("Scan")},
        {kindColor(JobEvent::Sort), Qt::SolidPattern, tr("Sort")},
    };
}

QList<QPoint> LanesWidget::legendPositions(const QList<LegendKey> &keys, int top) const
{
    const QFontMetrics fm = fontMetrics();
    const int box = fm.ascent() - 2;
    const int left = 4;
    QList<QPoint> positions;
    int x = left;
    int y = top;
    for (const LegendKey &key : keys) {
        const int w = box + 4 + fm.horizontalAdvance(key.text) + 12;
        if (x + w > width() && x > left) {
            x = left;
            y += fm.height() + 2;
        }
        positions.append(QPoint(x, y));
        x += w;
    }
    return positions;
}

int LanesWidget::legendHeight() const
{
    const QList<QPoint> at = legendPositions(legendKeys(), 0);
    return (at.isEmpty() ? 0 : at.last().y()) + fontMetrics().height() + 4;
}

bool LanesWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QList<LanesModel::Row> &rows = m_model.rows();
        for (int r = 0; r < rows.size(); ++r) {
            const QRect rect = rowRect(r);
            if (help->pos().y() < rect.top() || help->pos().y() > rect.bottom())
                continue;
            const double x = help->pos().x() - rect.left();
            QString text;
            if (rows.at(r).type == LanesModel::QueueRow) {
                const QList<double> &depth = m_model.queueDepth();
                const int column = int(x);
                if (column >= 0 && column < depth.size())
                    text = tr("%1 chunks waiting for the reducer")
                               .arg(QLocale().toString(depth.at(column), 'f', 1));
            } else if (const LanesModel::Bar *bar = m_model.barAt(r, x)) {
                text = toolTipFor(rows.at(r), *bar);
            }
            if (!text.isEmpty()) {
                QToolTip::showText(help->globalPos(), text, this, rect);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

QString LanesWidget::toolTipFor(const LanesModel::Row &, const LanesModel::Bar &bar) const
{
    const JobEvent &e = bar.event;
    const QString when = tr("%1–%2 s").arg(QLocale().toString(e.startNs / 1e9, 'f', 3),
                                           QLocale().toString(e.endNs / 1e9, 'f', 3));
    const QString file = e.file >= 0 && m_fileName ? m_fileName(e.file) : QString();
    switch (e.kind) {
    case JobEvent::Map:
        if (e.calls > 1)
            return tr("%1 chunks counted, %2, %3 words\n%4 ms busy, %5 ms reading\n%6")
                .arg(ProgressFormat::count(e.calls), ProgressFormat::bytes(quint64(e.bytes)),
                     ProgressFormat::count(e.words), ms(e.busyNs), ms(e.readNs), when);
        return tr("%1\nbytes %2 to %3 (%4), %5 words\n%6 ms: %7 ms reading, %8 ms on a CPU\n%9")
            .arg(file, ProgressFormat::count(quint64(e.begin)),
                 ProgressFormat::count(quint64(e.end)), ProgressFormat::bytes(quint64(e.bytes)),
                 ProgressFormat::count(e.words), ms(e.busyNs), ms(e.readNs), ms(e.cpuNs), when);
    case JobEvent::Reduce:
        if (e.calls > 1)
            return tr("%1 chunk tables merged, %2 ms\n%3")
                .arg(ProgressFormat::count(e.calls), ms(e.busyNs), when);
        return tr("Merging a chunk table of %1 (%2 ms; it waited %3 ms in the queue)\n%4\n%5")
            .arg(ProgressFormat::bytes(quint64(e.bytes)), ms(e.busyNs), ms(e.queuedNs), file, when);
    case JobEvent::SlotWait:
        return tr("Waiting for a table slot: %1 ms (the tables counted wait for the reducer)\n%2")
            .arg(ms(e.busyNs), when);
    case JobEvent::Parked:
        return tr("Paused: %1 ms\n%2").arg(ms(e.busyNs), when);
    case JobEvent::Scan:
        return tr("Scan: %1 ms\n%2").arg(ms(e.busyNs), when);
    case JobEvent::Sort:
        return tr("Sort: %1 ms\n%2").arg(ms(e.busyNs), when);
    }
    return {};
}
