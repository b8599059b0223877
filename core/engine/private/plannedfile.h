// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/textencoding.h"

#include <QString>

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

//! One input that passed the scan: what was found, and how it will be read.
struct PlannedFile
{
    // Empty for the generated sample; as LocalPath keeps names, bytes and all. The name shown
    // comes from it (or, for the sample, from JobWorkspace::fileReports()): a job may plan
    // 100,000 files, so nothing here is kept that can be worked out.
    QString path;
    qint64 size = 0; // bytes to count, as found by the scan
    FileIdentity identity;
    TextEncoding encoding = TextEncoding::Utf8;
    bool isSample = false;
};
