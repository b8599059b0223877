// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

//! Which file the scan saw: reading checks it still has the same one (see FileSource).
struct FileIdentity
{
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = 0; // as stat() reported it: 0 for the files of /proc, whatever they hold
    qint64 modifiedNs = 0; // since the epoch

    friend bool operator==(const FileIdentity &a, const FileIdentity &b)
    {
        return a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modifiedNs == b.modifiedNs;
    }
};
