// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QTemporaryDir>

// Settings and the user's data (stop word lists) go to folders of the test's own. Create it
// before the application object, whose QSettings and QStandardPaths read these variables.
struct IsolatedHome
{
    QTemporaryDir config;
    QTemporaryDir data;

    IsolatedHome()
    {
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
        qputenv("XDG_DATA_HOME", QFile::encodeName(data.path()));
    }
};
