// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/format/retranslator.h"

#include <QMenu>

class QDialog;
class QMainWindow;

/*!
    \brief The Help menu: the manual (the README installed with WordMill), a list of every
    keyboard shortcut, About WordMill and About Qt.
*/
class HelpMenu final : public QMenu
{
    Q_OBJECT

public:
    //! \a window's menus are read each time the shortcut list is shown, so it is never stale.
    explicit HelpMenu(QMainWindow *window);
    Q_DISABLE_COPY_MOVE(HelpMenu)

    //! Every shortcut of \a window's menus plus those of the views, as "action" → "keys".
    static QList<QPair<QString, QString>> shortcuts(const QMainWindow *window);
    //! The README shipped with WordMill, or an empty string when none can be found.
    static QString manualPath();

    QDialog *showShortcuts();
    void showAbout();

protected:
    void changeEvent(QEvent *event) override;

private:
    QMainWindow *m_window = nullptr;
    Retranslator m_texts;
};
