// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/helpmenu.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace {

void collect(const QList<QAction *> &actions, QList<QPair<QString, QString>> *out)
{
    for (QAction *action : actions) {
        if (action->menu())
            collect(action->menu()->actions(), out);
        else if (!action->shortcut().isEmpty())
            out->append({action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                         action->shortcut().toString(QKeySequence::NativeText)});
    }
}

} // namespace

HelpMenu::HelpMenu(QMainWindow *window)
    : QMenu(window)
    , m_window(window)
{
    QAction *manual = addAction(QString());
    manual->setShortcut(QKeySequence::HelpContents);
    connect(manual, &QAction::triggered, this, [this] {
        const QString path = manualPath();
        if (path.isEmpty() || !QDesktopServices::openUrl(QUrl::fromLocalFile(path))) {
            QMessageBox::information(
                m_window, tr("WordMill Manual"),
                path.isEmpty() ? tr("The README was not found. Try 'man wordmill' in a terminal.")
                               : tr("No program could open %1. Try 'man wordmill' in a terminal.")
                                     .arg(QDir::toNativeSeparators(path)));
        }
    });
    QAction *keys = addAction(QString());
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(keys, &QAction::triggered, this, &HelpMenu::showShortcuts);
    addSeparator();
    QAction *about = addAction(QString());
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &HelpMenu::showAbout);
    QAction *aboutQt = addAction(QString());
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    m_texts.add([=] {
        setTitle(tr("&Help"));
        manual->setText(tr("WordMill &Manual"));
        manual->setStatusTip(tr("Open the README installed with WordMill"));
        keys->setText(tr("&Keyboard Shortcuts"));
        about->setText(tr("&About WordMill"));
        aboutQt->setText(tr("About &Qt"));
    });
}

void HelpMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate();
    QMenu::changeEvent(event);
}

QList<QPair<QString, QString>> HelpMenu::shortcuts(const QMainWindow *window)
{
    QList<QPair<QString, QString>> list;
    collect(window->menuBar()->actions(), &list);
    // Shortcuts that belong to a view rather than to a menu.
    list.append({tr("Copy the selected result rows"),
                 QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)});
    // The cards', the table's and the charts' menus (ContextMenuKey): the Menu key, or
    // Shift+F10 where the keyboard has none. No menu lists them, so they were nowhere to be found.
    list.append({tr("Open the context menu of a job card, the results table or a chart"),
                 QKeySequence(Qt::SHIFT | Qt::Key_F10).toString(QKeySequence::NativeText)
                     + QStringLiteral(", ")
                     + QKeySequence(Qt::Key_Menu).toString(QKeySequence::NativeText)});
    return list;
}

QString HelpMenu::manualPath()
{
    // The Spanish README when the program speaks Spanish.
    const QString name = QLocale().language() == QLocale::Spanish ? QStringLiteral("/README.es.md")
                                                                  : QStringLiteral("/README.md");
    const QString relative = QStringLiteral(WORDMILL_DOC_SUBDIR) + name;
    // Installed beside the program (any prefix), then in the system's data folders.
    const QString besideProgram = QDir(QCoreApplication::applicationDirPath())
                                      .absoluteFilePath(QStringLiteral("../") + relative);
    if (QFileInfo::exists(besideProgram))
        return QDir::cleanPath(besideProgram);
    const QString docRelative = relative.section(QLatin1Char('/'), 1); // without "share/"
    return QStandardPaths::locate(QStandardPaths::GenericDataLocation, docRelative);
}

QDialog *HelpMenu::showShortcuts()
{
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    const QList<QPair<QString, QString>> list = shortcuts(m_window);
    auto *table = new QTableWidget(int(list.size()), 2, dialog);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int row = 0; row < list.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(list.at(row).first));
        table->setItem(row, 1, new QTableWidgetItem(list.at(row).second));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(table->horizontalHeader()->length() + 60,
                   qMin(600, table->verticalHeader()->length() + 120));
    dialog->show();
    return dialog;
}

void HelpMenu::showAbout()
{
    QMessageBox::about(
        m_window, tr("About WordMill"),
        tr("<h3>WordMill %1</h3>"
           "<p>Counts the words of text files with a parallel map-reduce, and lets you watch, "
           "pause and cancel the work while it runs.</p>"
           "<p>Licence: GNU General Public License, version 3 or later.</p>"
           "<p>Built with Qt %2; running with Qt %3.</p>")
            .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())));
}
