// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/format/retranslator.h"
#include "ui/monitor/lanesmodel.h"

#include <QColor>
#include <QWidget>

#include <functional>

/*!
    \brief The Workers tab's lanes: one row per worker thread, time from left to right, a bar
    per map call coloured by file (a dark strip along its foot: the share spent reading), merge
    calls, waits for a table slot, pauses and idle time; a row for the scan and the sort and one
    for the chunks waiting in the reduce queue. A bar's tooltip says what it was.
*/
class LanesWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit LanesWidget(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(LanesWidget)

    void setTimeline(const JobTimeline &timeline);
    //! How a planned file is named in tooltips (by its number in the job).
    void setFileNamer(std::function<QString(qint32)> namer) { m_fileName = std::move(namer); }
    const LanesModel &model() const { return m_model; }
    //! The rectangle row \a row is drawn in.
    QRect rowRect(int row) const;
    //! Where the plot (the time axis) begins and how wide it is.
    QRect plotRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    //! A map bar's colour, by file.
    static QColor fileColor(qint32 file);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct LegendKey
    {
        QColor color;
        Qt::BrushStyle style = Qt::SolidPattern;
        QString text;
    };
    QList<LegendKey> legendKeys() const;
    QList<QPoint> legendPositions(const QList<LegendKey> &keys, int top) const;
    QString rowName(const LanesModel::Row &row) const;
    QString toolTipFor(const LanesModel::Row &row, const LanesModel::Bar &bar) const;
    int labelWidth() const;
    int rowHeight() const;
    int legendHeight() const;
    void relayout();

    LanesModel m_model;
    std::function<QString(qint32)> m_fileName;
    Retranslator m_texts;
};
