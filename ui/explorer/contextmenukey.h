// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeyEvent>

namespace ContextMenuKey {

//! True for the keys that open a context menu: the Menu key, and Shift+F10, which Qt does not
//! turn into a context menu event by itself but people use as much (and laptops lack a Menu key).
inline bool opensMenu(const QKeyEvent *event)
{
    return event->key() == Qt::Key_Menu
        || (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier);
}

} // namespace ContextMenuKey
