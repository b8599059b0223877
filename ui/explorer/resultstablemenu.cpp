// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/explorer/resultstablemenu.h"

#include "ui/explorer/contextmenukey.h"
#include "ui/explorer/resultsmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTableView>

ResultsTableMenu::ResultsTableMenu(QTableView *view, std::function<void()> copyRows,
                                   QAction *exportShown)
    : QObject(view)
    , m_view(view)
    , m_menu(new QMenu(view))
{
    m_menu->setObjectName(QStringLiteral("tableMenu"));
    m_copyRows = m_menu->addAction(QString(), this, std::move(copyRows));
    // Shown beside the action; the table's own QShortcut does the work outside the menu.
    m_copyRows->setShortcut(QKeySequence::Copy);
    m_copyRows->setShortcutContext(Qt::WidgetShortcut);
    m_copyWord = m_menu->addAction(QString(), this, [this] {
        const QString text = word();
        if (!text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    });
    m_menu->addSeparator();
    m_selectAll = m_menu->addAction(QString(), m_view, &QAbstractItemView::selectAll);
    m_selectAll->setShortcut(QKeySequence::SelectAll);
    m_selectAll->setShortcutContext(Qt::WidgetShortcut);
    m_menu->addSeparator();
    m_menu->addAction(exportShown);
    retranslate();
    // Texts are set when the menu opens: a QObject gets no LanguageChange of its own.
    connect(m_menu, &QMenu::aboutToShow, this, &ResultsTableMenu::retranslate);

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        // A right click outside the selection selects the row under it, as file managers do:
        // Copy Rows then copies what the user pointed at.
        if (index.isValid() && !m_view->selectionModel()->isRowSelected(index.row(), {})) {
            m_view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        popup(index, m_view->viewport()->mapToGlobal(pos));
    });
    m_view->installEventFilter(this);
}

void ResultsTableMenu::retranslate()
{
    m_copyRows->setText(tr("&Copy Rows"));
    m_copyWord->setText(tr("Copy &Word"));
    m_selectAll->setText(tr("Select &All"));
}

bool ResultsTableMenu::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress
        && ContextMenuKey::opensMenu(static_cast<QKeyEvent *>(event))) {
        // At the current row, where the keyboard user is; its top left corner if it is shown.
        const QModelIndex index = m_view->currentIndex();
        const QRect cell = m_view->visualRect(index);
        const QPoint at = cell.isValid() ? cell.bottomLeft() : QPoint(0, 0);
        popup(index, m_view->viewport()->mapToGlobal(at));
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void ResultsTableMenu::popup(const QModelIndex &index, const QPoint &globalPos)
{
    m_index = index;
    const bool rows = m_view->model() && m_view->model()->rowCount() > 0;
    m_copyRows->setEnabled(m_view->selectionModel() && m_view->selectionModel()->hasSelection());
    m_copyWord->setEnabled(!word().isEmpty());
    m_selectAll->setEnabled(rows);
    m_menu->popup(globalPos);
}

QString ResultsTableMenu::word() const
{
    if (!m_index.isValid())
        return {};
    return m_index.sibling(m_index.row(), ResultsModel::WordColumn).data().toString();
}
