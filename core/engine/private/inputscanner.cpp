// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/private/inputscanner.h"

#include "core/engine/private/jobcontrol.h"
#include "core/engine/private/jobcounters.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace {

// Why a path that is not a regular file or folder cannot be read, without opening it.
FileProblem specialFileProblem(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0) {
        if (S_ISFIFO(st.st_mode))
            return FileProblem::Fifo;
        if (S_ISSOCK(st.st_mode))
            return FileProblem::Socket;
        if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
            return FileProblem::Device;
    }
#else
    Q_UNUSED(path)
#endif
    return FileProblem::NotRegularFile;
}

} // namespace

InputScanner::InputScanner(JobControl &control, JobCounters &counters)
    : m_control(control)
    , m_counters(counters)
{ }

// Runs on a worker thread.
ScanResult InputScanner::scan(const QStringList &paths)
{
    ScanResult result;
    for (const QString &path : paths) {
        if (!m_control.checkpoint())
            break; // the job drops what was found
        addPath(path, &result);
    }
    return result;
}

void InputScanner::addPath(const QString &path, ScanResult *result)
{
    const QFileInfo info(path);
    if (info.isSymLink() && !info.exists()) {
        result->skipped.append({path, FileProblem::DanglingLink, info.symLinkTarget()});
        return;
    }
    if (!info.exists()) {
        result->skipped.append({path, FileProblem::NotFound, {}});
        return;
    }
    if (info.isDir()) {
        walkFolder(path, result);
        return;
    }
    if (!info.isFile()) {
        result->skipped.append({path, specialFileProblem(path), {}});
        return;
    }
    const QString canonical = info.canonicalFilePath();
    if (m_seenFiles.contains(canonical))
        return; // given twice, or reached again through a link: count it once
    m_seenFiles.insert(canonical);
    PlannedFile file;
    QString details;
    const FileProblem problem = inspectFile(path, &file, &details);
    if (problem != FileProblem::None) {
        result->skipped.append({path, problem, details});
        return;
    }
    result->files.append(file);
    m_counters.fileFound(file.size);
}

void InputScanner::walkFolder(const QString &path, ScanResult *result)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (m_seenFolders.contains(canonical))
        return; // a link loop, or a folder given twice
    m_seenFolders.insert(canonical);
    const QDir dir(path);
    if (!dir.isReadable()) {
        result->skipped.append({path, FileProblem::FolderUnreadable, {}});
        return;
    }
    // No QDir::Hidden: names starting with '.' are skipped. QDir::System lists FIFOs, sockets,
    // devices and dangling links, so that they are reported rather than silently dropped.
    const QFileInfoList entries
        = dir.entryInfoList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (!m_control.checkpoint())
            return;
        addPath(entry.filePath(), result);
    }
}

FileProblem InputScanner::inspectFile(const QString &path, PlannedFile *file, QString *details)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *details = f.errorString();
        return FileProblem::CannotOpen;
    }
    const QByteArray head = f.read(SniffBytes);
    if (head.isNull() && f.error() != QFileDevice::NoError) {
        *details = f.errorString();
        return FileProblem::ReadError;
    }
    file->path = path;
    file->displayName = QFileInfo(path).fileName();
    file->size = f.size();
    file->modified = f.fileTime(QFileDevice::FileModificationTime);
    file->encoding = TextEncoding::Utf8;
    if (head.startsWith("\xEF\xBB\xBF"))
        file->encoding = TextEncoding::Utf8Bom;
    else if (head.startsWith("\xFF\xFE"))
        file->encoding = TextEncoding::Utf16LE;
    else if (head.startsWith("\xFE\xFF"))
        file->encoding = TextEncoding::Utf16BE;
    const bool utf16
        = file->encoding == TextEncoding::Utf16LE || file->encoding == TextEncoding::Utf16BE;
    const qsizetype nul = head.indexOf('\0');
    if (!utf16 && nul >= 0) {
        *details = QString::number(nul);
        return FileProblem::Binary;
    }
    return FileProblem::None;
}
