// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPersistentModelIndex>

#include <functional>

class QAction;
class QMenu;
class QPoint;
class QTableView;

/*!
    \brief The results table's context menu: Copy Rows, Copy Word, Select All and Export Shown
    Rows…. Opens on a right click (on the row clicked), the Menu key and Shift+F10 (on the
    current row).

    Owned by the view. The menu is kept and popped up, not exec()'d, so that tests can find its
    actions.
*/
class ResultsTableMenu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsTableMenu)

public:
    /*!
        Gives \a view its menu. \a copyRows copies the selected rows (the Ctrl+C of the table);
        \a exportShown is the Export menu's own action, offered here too.
    */
    ResultsTableMenu(QTableView *view, std::function<void()> copyRows, QAction *exportShown);

    QMenu *menu() const { return m_menu; }
    //! The word the menu's Copy Word copies: the row it was opened on.
    QString word() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void popup(const QModelIndex &index, const QPoint &globalPos);
    void retranslate();

    QTableView *m_view = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_copyRows = nullptr;
    QAction *m_copyWord = nullptr;
    QAction *m_selectAll = nullptr;
    QPersistentModelIndex m_index; // the row the menu was opened on
};
