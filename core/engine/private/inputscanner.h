#pragma once

#include "core/engine/private/fileissue.h"
#include "core/engine/private/plannedfile.h"

#include <QList>
#include <QSet>
#include <QStringList>

#include <atomic>

class JobControl;

//! What the scan phase found.
struct ScanResult
{
    QList<PlannedFile> files; // in the order found; each file once
    QList<FileIssue> skipped; // inputs that cannot be counted, with the reason
    bool cancelled = false;
};

/*!
    \brief The scan phase: walks files and folders and decides what can be counted.

    Folders are walked recursively in name order; links are followed, each folder is entered
    once, so link loops end; names starting with '.' are skipped unless given directly. Every
    file gets its first 64 KiB read: a byte-order mark decides the encoding, a NUL byte marks a
    binary file. FIFOs, sockets and devices are never opened (opening a FIFO would block).
*/
class InputScanner final
{
public:
    static constexpr qint64 SniffBytes = 64 * 1024;

    InputScanner(JobControl *control, std::atomic<qint64> *filesFound,
                 std::atomic<qint64> *bytesFound);

    // Runs on a worker thread; reports files and bytes found through the atomics as it goes.
    ScanResult scan(const QStringList &paths);

    /*!
        Decides how to read \a path, or why it cannot be counted (returned; empty when the file
        can be counted). Also used on its own by tests.
    */
    static QString inspectFile(const QString &path, PlannedFile *file);

private:
    void addPath(const QString &path, ScanResult *result);
    void walkFolder(const QString &path, ScanResult *result);

    JobControl *m_control = nullptr;
    std::atomic<qint64> *m_filesFound = nullptr;
    std::atomic<qint64> *m_bytesFound = nullptr;
    QSet<QString> m_seenFiles; // canonical paths
    QSet<QString> m_seenFolders;
};
