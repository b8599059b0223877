// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/private/inputscanner.h"

#include "core/engine/private/jobcontrol.h"
#include "core/engine/private/jobcounters.h"
#include "core/engine/private/posixfile.h"
#include "core/text/localpath.h"

#include <QByteArray>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Why a path that is not a regular file or folder cannot be read, without opening it.
FileProblem specialFileProblem(mode_t mode)
{
    if (S_ISFIFO(mode))
        return FileProblem::Fifo;
    if (S_ISSOCK(mode))
        return FileProblem::Socket;
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return FileProblem::Device;
    return FileProblem::NotRegularFile;
}

QString linkTarget(const QByteArray &link)
{
    QByteArray target(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(link.constData(), target.data(), size_t(target.size()));
    return n < 0 ? QString() : LocalPath::fromNative(QByteArrayView(target.constData(), n));
}

struct FolderEntry
{
    QByteArray name;
    bool maybeLink = false; // the file system says it is a link, or does not say
};

// The names in a folder, hidden ones left out, in byte order; false (errno set) if unreadable.
bool listFolder(const QByteArray &folder, std::vector<FolderEntry> *entries)
{
    DIR *dir = ::opendir(folder.constData());
    if (!dir)
        return false;
    errno = 0;
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] != '.') // also "." and ".."
            entries->push_back(
                {entry->d_name, entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN});
    }
    const int error = errno;
    ::closedir(dir);
    errno = error;
    std::sort(entries->begin(), entries->end(),
              [](const FolderEntry &a, const FolderEntry &b) { return a.name < b.name; });
    return error == 0;
}

// The path \a path resolves to, links and all; empty if it cannot be resolved.
QByteArray realPath(const QByteArray &path)
{
    char *resolved = ::realpath(path.constData(), nullptr);
    if (!resolved)
        return {};
    QByteArray real(resolved);
    ::free(resolved);
    return real;
}

bool isInside(const QByteArray &path, const QByteArray &folder)
{
    return path == folder || folder == "/"
        || (path.startsWith(folder) && path.at(folder.size()) == '/');
}

void skip(ScanResult *result, const QByteArray &path, FileProblem problem, const QString &details,
          qint64 size = 0)
{
    FileReport report;
    report.nativePath = path;
    report.size = size; // known once the file opened: a binary file's, say
    report.namedByWholePath = true;
    report.status = FileReport::Skipped;
    report.problem = problem;
    report.details = details;
    result->skipped.append(report);
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
        addPath(LocalPath::toNative(path), &result);
    }
    return result;
}

void InputScanner::addPath(const QByteArray &path, ScanResult *result)
{
    struct stat st;
    if (::stat(path.constData(), &st) != 0) {
        const int error = errno;
        struct stat link;
        if (::lstat(path.constData(), &link) == 0 && S_ISLNK(link.st_mode)) {
            if (error == ELOOP)
                skip(result, path, FileProblem::LinkLoop, {});
            else if (error == ENOENT || error == ENOTDIR)
                skip(result, path, FileProblem::DanglingLink, linkTarget(path));
            else
                skip(result, path, FileProblem::CannotOpen, PosixFile::errorText(error));
            return;
        }
        if (error == ENOENT || error == ENOTDIR)
            skip(result, path, FileProblem::NotFound, {});
        else
            skip(result, path, FileProblem::CannotOpen, PosixFile::errorText(error));
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        const bool walkStarts = m_walkRoot.isEmpty();
        if (walkStarts)
            m_walkRoot = realPath(path);
        walkFolder(path, st, result);
        if (walkStarts)
            m_walkRoot.clear();
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        skip(result, path, specialFileProblem(st.st_mode), {});
        return;
    }
    const FileKey key {quint64(st.st_dev), quint64(st.st_ino)};
    if (m_seenFiles.contains(key))
        return; // given twice, or reached again through a link: count it once
    m_seenFiles.insert(key);
    FileReport file;
    FileIdentity identity;
    QString details;
    const FileProblem problem = inspectFile(path, &file, &identity, &details);
    if (problem != FileProblem::None) {
        skip(result, path, problem, details, file.size);
        return;
    }
    result->files.append(file);
    result->identities.append(identity);
    m_counters.fileFound(file.size);
}

void InputScanner::walkFolder(const QByteArray &path, const struct stat &folder, ScanResult *result)
{
    const FileKey key {quint64(folder.st_dev), quint64(folder.st_ino)};
    if (m_seenFolders.contains(key))
        return; // a link loop, or a folder given twice
    m_seenFolders.insert(key);
    std::vector<FolderEntry> entries;
    if (!listFolder(path, &entries)) {
        skip(result, path, FileProblem::FolderUnreadable, {});
        return;
    }
    const QByteArray prefix = path.endsWith('/') ? path : path + '/';
    for (const FolderEntry &entry : entries) {
        if (!m_control.checkpoint())
            return;
        // Each file's path lasts as long as the job, so it gets no room to grow: prefix + name
        // appends to a copy of prefix, which leaves about 20 % unused.
        QByteArray child;
        child.reserve(prefix.size() + entry.name.size());
        child.append(prefix).append(entry.name);
        QByteArray outside;
        if (entry.maybeLink && isLinkOutOfWalk(child, &outside)) {
            skip(result, child, FileProblem::FolderLinkOutside, LocalPath::fromNative(outside));
            continue;
        }
        addPath(child, result);
    }
}

bool InputScanner::isLinkOutOfWalk(const QByteArray &path, QByteArray *target) const
{
    struct stat st;
    if (::lstat(path.constData(), &st) != 0 || !S_ISLNK(st.st_mode))
        return false;
    if (::stat(path.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return false; // a link to a file is followed; a dangling one addPath() reports
    *target = realPath(path);
    return !target->isEmpty() && !m_walkRoot.isEmpty() && !isInside(*target, m_walkRoot);
}

FileProblem InputScanner::inspectFile(const QByteArray &path, FileReport *file,
                                      FileIdentity *identity, QString *details)
{
    PosixFile f;
    if (!f.open(path)) {
        *details = f.errorString();
        return FileProblem::CannotOpen;
    }
    QByteArray head(SniffBytes, Qt::Uninitialized);
    const qint64 n = f.readAt(0, head.data(), SniffBytes);
    if (n < 0) {
        *details = f.errorString();
        return FileProblem::ReadError;
    }
    head.truncate(n);
    file->nativePath = path;
    *identity = f.identity();
    file->size = identity->size;
    if (file->size == 0 && n > 0) {
        // The files of /proc and /sys say 0 bytes and hold more: their size is what reading
        // them to the end gives.
        qint64 total = n;
        QByteArray rest(SniffBytes, Qt::Uninitialized);
        qint64 more = 0;
        while ((more = f.readAt(total, rest.data(), SniffBytes)) > 0)
            total += more;
        if (more < 0) {
            *details = f.errorString();
            return FileProblem::ReadError;
        }
        file->size = total;
    }
    file->encoding = detectTextEncoding(head);
    const qsizetype nul = binaryMarkOffset(head, file->encoding);
    if (nul >= 0) {
        *details = QString::number(nul);
        return FileProblem::Binary;
    }
    return FileProblem::None;
}
