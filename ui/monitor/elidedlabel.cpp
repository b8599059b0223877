// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/elidedlabel.h"

#include <QPainter>

namespace {

// Wide enough for a short name whole; longer ones are elided rather than widening the window.
constexpr int PreferredChars = 40;
constexpr int MinimumChars = 8;

} // namespace

ElidedLabel::ElidedLabel(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

ElidedLabel::ElidedLabel(const QString &text, QWidget *parent)
    : ElidedLabel(parent)
{
    setText(text);
}

void ElidedLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    updateGeometry();
    update();
}

QStringList ElidedLabel::shownLines() const
{
    QStringList lines = m_text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = fontMetrics().elidedText(line, Qt::ElideMiddle, width());
    return lines;
}

QSize ElidedLabel::sizeHint() const
{
    const QStringList lines = m_text.split(QLatin1Char('\n'));
    int widest = 0;
    for (const QString &line : lines)
        widest = qMax(widest, fontMetrics().horizontalAdvance(line));
    const int cap = fontMetrics().averageCharWidth() * PreferredChars;
    return {qMin(widest, cap), fontMetrics().lineSpacing() * int(lines.size())};
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * MinimumChars, sizeHint().height()};
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::WindowText));
    const QStringList lines = shownLines();
    int y = 0;
    for (const QString &line : lines) {
        painter.drawText(QRect(0, y, width(), fontMetrics().lineSpacing()),
                         Qt::AlignLeft | Qt::AlignVCenter, line);
        y += fontMetrics().lineSpacing();
    }
}
