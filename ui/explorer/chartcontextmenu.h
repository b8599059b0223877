// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QAction;
class QChartView;
class QImage;
class QMenu;

/*!
    \brief A chart's context menu: Save as PNG…, Save as SVG… and Copy (the image, to the
    clipboard). Opens on a right click, the Menu key and Shift+F10.

    Owned by the view. Saving and copying are public so that tests can reach them without a file
    dialog; the menu is kept (and popped up, not exec()'d) so that tests can find its actions.
*/
class ChartContextMenu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartContextMenu)

public:
    //! Gives \a view its menu; \a baseName names the saved files ("zipf-plot" → "zipf-plot.png").
    ChartContextMenu(QChartView *view, const QString &baseName);

    QMenu *menu() const { return m_menu; }
    //! The chart as the view shows it, at the screen's pixel ratio.
    QImage image() const;
    //! Writes image() as PNG to \a path; false with \a error on failure.
    bool savePng(const QString &path, QString *error) const;
    //! Draws the chart as SVG (vector shapes and text) to \a path; false with \a error on failure.
    bool saveSvg(const QString &path, QString *error) const;
    //! Puts image() on the clipboard.
    void copy() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void popup(const QPoint &globalPos);
    void saveAs(bool svg);
    void retranslate();

    QChartView *m_view = nullptr;
    QString m_baseName;
    QMenu *m_menu = nullptr;
    QAction *m_savePng = nullptr;
    QAction *m_saveSvg = nullptr;
    QAction *m_copy = nullptr;
};
