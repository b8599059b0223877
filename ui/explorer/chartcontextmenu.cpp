// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/explorer/chartcontextmenu.h"

#include "ui/explorer/contextmenukey.h"

#include <QApplication>
#include <QChartView>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>

ChartContextMenu::ChartContextMenu(QChartView *view, const QString &baseName)
    : QObject(view)
    , m_view(view)
    , m_baseName(baseName)
    , m_menu(new QMenu(view))
{
    m_menu->setObjectName(QStringLiteral("chartMenu"));
    m_savePng = m_menu->addAction(QString(), this, [this] { saveAs(false); });
    m_saveSvg = m_menu->addAction(QString(), this, [this] { saveAs(true); });
    m_menu->addSeparator();
    m_copy = m_menu->addAction(QString(), this, &ChartContextMenu::copy);
    m_copy->setShortcut(QKeySequence::Copy);
    // The shortcut works without the menu too, while the chart has focus.
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_copy);
    retranslate();
    // Texts are set when the menu opens: a QObject gets no LanguageChange of its own.
    connect(m_menu, &QMenu::aboutToShow, this, &ChartContextMenu::retranslate);

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { popup(m_view->viewport()->mapToGlobal(pos)); });
    m_view->installEventFilter(this);
}

void ChartContextMenu::retranslate()
{
    m_savePng->setText(tr("Save as &PNG…"));
    m_saveSvg->setText(tr("Save as &SVG…"));
    m_copy->setText(tr("&Copy"));
    m_copy->setToolTip(tr("Copy the chart to the clipboard as an image"));
}

bool ChartContextMenu::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress
        && ContextMenuKey::opensMenu(static_cast<QKeyEvent *>(event))) {
        popup(m_view->mapToGlobal(m_view->rect().center()));
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void ChartContextMenu::popup(const QPoint &globalPos)
{
    // popup(), not exec(): the menu may outlive a chart being rebuilt under it no longer than
    // the view, its parent.
    m_menu->popup(globalPos);
}

QImage ChartContextMenu::image() const
{
    // grab() draws the whole view, also where a scroll area hides part of it.
    return m_view->grab().toImage();
}

bool ChartContextMenu::savePng(const QString &path, QString *error) const
{
    const QImage picture = image();
    if (picture.isNull() || !picture.save(path, "PNG")) {
        *error = tr("Could not write %1").arg(path);
        return false;
    }
    return true;
}

bool ChartContextMenu::saveSvg(const QString &path, QString *error) const
{
    QSvgGenerator svg;
    svg.setFileName(path);
    const QSize size = m_view->size();
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(), size));
    svg.setTitle(m_view->chart()->title());
    QPainter painter;
    if (!painter.begin(&svg)) {
        *error = tr("Could not write %1").arg(path);
        return false;
    }
    m_view->render(&painter);
    painter.end();
    // QSvgGenerator reports no write error of its own: check that the file came to be.
    if (!QFileInfo::exists(path)) {
        *error = tr("Could not write %1").arg(path);
        return false;
    }
    return true;
}

void ChartContextMenu::copy() const
{
    QGuiApplication::clipboard()->setImage(image());
}

void ChartContextMenu::saveAs(bool svg)
{
    const QString suffix = svg ? QStringLiteral("svg") : QStringLiteral("png");
    QFileDialog dialog(m_view, svg ? tr("Save Chart as SVG") : tr("Save Chart as PNG"));
    dialog.setObjectName(QStringLiteral("chartSaveDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(svg ? tr("SVG image (*.svg)") : tr("PNG image (*.png)"));
    dialog.setDefaultSuffix(suffix);
    dialog.selectFile(m_baseName + QLatin1Char('.') + suffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    QString error;
    if (!(svg ? saveSvg(path, &error) : savePng(path, &error)))
        QMessageBox::warning(m_view, tr("Save Chart"), error);
}
