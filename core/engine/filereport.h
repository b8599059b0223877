// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/fileproblem.h"
#include "core/engine/textencoding.h"
#include "core/text/localpath.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

/*!
    \brief One input of a job as the user sees it: where its counting stands and what was found.

    A job may hold 100,000 of these, so a report keeps what it cannot work out and no more: the
    path as the system's bytes (half the size of a QString, and shared with the job's plan), no
    ready-made display name (ProgressFormat::fileName() makes it, in the current language), and
    one-byte enums.
*/
struct FileReport
{
    enum Status : quint8 { Waiting, Counting, Counted, Skipped };

    //! The path as text, for people and for Qt's file APIs; see LocalPath.
    QString path() const { return LocalPath::fromNative(nativePath); }

    QByteArray nativePath; // the path as the system names it; empty for the generated sample
    QString details; // what problem's text needs (ProgressFormat::problemText())
    qint64 size = 0; // bytes
    qint64 bytesCounted = 0;
    quint64 words = 0;
    quint64 windows1252Bytes = 0; // bytes that were not valid UTF-8, read as Windows-1252
    Status status = Waiting;
    TextEncoding encoding = TextEncoding::Utf8;
    FileProblem problem = FileProblem::None; // why it was skipped
    bool isSample = false; // the generated sample: ProgressFormat::fileName() names it by size
    bool isStream = false; // JobSpec::inputStream (standard input); its size grows as it is read
    // An input as it was given, not found by the scan (not scanned yet, or left out by it): its
    // whole path names it, not the last part only.
    bool namedByWholePath = false;
};
// Its members are relocatable, so QList grows a list of them with realloc(), in place where it
// can, instead of holding the old and the new array at once while a scan finds 100,000 files.
Q_DECLARE_TYPEINFO(FileReport, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(FileReport)
