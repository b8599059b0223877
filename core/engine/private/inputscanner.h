// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/fileissue.h"
#include "core/engine/private/plannedfile.h"

#include <QList>
#include <QSet>
#include <QStringList>

#include <utility>

struct stat;

class JobControl;
class JobCounters;

//! What the scan phase found.
struct ScanResult
{
    QList<PlannedFile> files; // in the order found; each file once
    QList<FileIssue> skipped; // inputs that cannot be counted, with the problem
};

/*!
    \brief The scan phase: walks files and folders and decides what can be counted.

    Folders are walked recursively in byte order of their names; links are followed, each
    folder is entered once, so link loops end; names starting with '.' are skipped unless given
    directly. Names are bytes (see LocalPath): the walk and every open use them as they are, so
    a name that is not UTF-8 is counted like any other. Every file gets its first 64 KiB read: a
    byte-order mark decides the encoding, a NUL byte marks a binary file. A file whose size
    reads as 0 but has bytes (the files of /proc) is read to its end to learn its size. FIFOs,
    sockets and devices are never opened (opening a FIFO would block).
*/
class InputScanner final
{
public:
    static constexpr qint64 SniffBytes = 64 * 1024;

    InputScanner(JobControl &control, JobCounters &counters);

    // Runs on a worker thread; reports the files and bytes it finds to the counters as it goes.
    ScanResult scan(const QStringList &paths);

    /*!
        Decides how to read \a path, or why it cannot be counted (returned, with \a details;
        FileProblem::None when the file can be counted).
    */
    static FileProblem inspectFile(const QString &path, PlannedFile *file, QString *details);

private:
    using FileKey = std::pair<quint64, quint64>; // device and inode: one per file, links and all

    void addPath(const QString &path, ScanResult *result);
    void walkFolder(const QString &path, const struct stat &folder, ScanResult *result);

    JobControl &m_control;
    JobCounters &m_counters;
    QSet<FileKey> m_seenFiles;
    QSet<FileKey> m_seenFolders;
};
