// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/filereport.h"
#include "core/engine/private/fileidentity.h"

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
    // In the order found, each file once, as the job will report them: the scan writes each
    // file's report once and the job keeps it (JobWorkspace), so that 100,000 files are not
    // held twice.
    QList<FileReport> files;
    QList<FileIdentity> identities; // of files, index for index
    QList<FileReport> skipped; // inputs that cannot be counted: Skipped, with the problem
};

/*!
    \brief The scan phase: walks files and folders and decides what can be counted.

    Folders are walked recursively in byte order of their names; names starting with '.' are
    skipped unless given directly. Links to files are followed. A link to a folder is followed
    only when the folder is inside the one given (`carpeta/bucle -> ..` would pull in the whole
    parent, the user's settings and all); otherwise it is reported as FolderLinkOutside. Each
    folder is entered once, so link loops end. Names are bytes (see LocalPath): the walk and every
   open use them as they are, so a name that is not UTF-8 is counted like any other. Every file gets
   its first 64 KiB read: a byte-order mark decides the encoding, a NUL byte marks a binary file. A
   file whose size reads as 0 but has bytes (the files of /proc) is read to its end to learn its
   size. FIFOs, sockets and devices are never opened (opening a FIFO would block).
*/
class InputScanner final
{
public:
    static constexpr qint64 SniffBytes = 64 * 1024;

    InputScanner(JobControl &control, JobCounters &counters);

    // Runs on a worker thread; reports the files and bytes it finds to the counters as it goes.
    ScanResult scan(const QStringList &paths);

    /*!
        Decides how to read \a path into \a file and \a identity, or why it cannot be counted
        (returned, with \a details; FileProblem::None when the file can be counted).
    */
    static FileProblem inspectFile(const QByteArray &path, FileReport *file, FileIdentity *identity,
                                   QString *details);

private:
    using FileKey = std::pair<quint64, quint64>; // device and inode: one per file, links and all

    void addPath(const QByteArray &path, ScanResult *result);
    void walkFolder(const QByteArray &path, const struct stat &folder, ScanResult *result);
    //! True when \a path is a link to a folder outside the walk; \a target: where it leads.
    bool isLinkOutOfWalk(const QByteArray &path, QByteArray *target) const;

    JobControl &m_control;
    JobCounters &m_counters;
    QSet<FileKey> m_seenFiles;
    QSet<FileKey> m_seenFolders;
    QByteArray m_walkRoot; // the folder argument being walked, links resolved; empty between
};
