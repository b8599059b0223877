// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/atomicoutputfile.h"

#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

AtomicOutputFile::AtomicOutputFile(const QByteArray &nativePath)
    : m_path(nativePath)
{ }

AtomicOutputFile::~AtomicOutputFile()
{
    m_file.close();
    if (!m_temporary.isEmpty())
        ::unlink(m_temporary.constData());
}

bool AtomicOutputFile::fail(int error)
{
    m_error = qt_error_string(error);
    return false;
}

bool AtomicOutputFile::writeTo(int fd)
{
    if (!m_file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        m_error = m_file.errorString();
        return false;
    }
    return true;
}

bool AtomicOutputFile::openInPlace()
{
    m_inPlace = true;
    const int fd = ::open(m_path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return fail(errno);
    return writeTo(fd);
}

bool AtomicOutputFile::open()
{
    struct stat target;
    const bool exists = ::stat(m_path.constData(), &target) == 0;
    if (exists && S_ISDIR(target.st_mode))
        return fail(EISDIR);
    struct stat name;
    const bool isLink = ::lstat(m_path.constData(), &name) == 0 && S_ISLNK(name.st_mode);
    if ((exists && !S_ISREG(target.st_mode)) || (isLink && !exists))
        return openInPlace();
    if (isLink) {
        // The temporary file goes beside the file the link names, and replaces that one.
        char *resolved = ::realpath(m_path.constData(), nullptr);
        if (!resolved)
            return fail(errno);
        m_path = resolved;
        std::free(resolved);
    }
    // Beside FILE, so that the rename stays on one file system and is atomic. A new FILE's
    // temporary file is made with mode 0666, which the umask trims as it does any new file's;
    // reading the umask would mean setting it for every thread of the process (the explorer
    // exports on a worker thread). An existing FILE's is made private, then given FILE's mode.
    const qsizetype slash = m_path.lastIndexOf('/');
    const QByteArray stem = m_path.left(slash + 1) + '.' + m_path.mid(slash + 1) + '.';
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
        const QByteArray name
            = stem + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
        fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                    exists ? 0600 : 0666);
        if (fd >= 0)
            m_temporary = name;
        else if (errno != EEXIST)
            return fail(errno);
    }
    if (fd < 0)
        return fail(EEXIST);
    if (exists && ::fchmod(fd, target.st_mode & 07777) != 0) {
        const int error = errno;
        ::close(fd);
        return fail(error);
    }
    return writeTo(fd);
}

bool AtomicOutputFile::commit()
{
    if (!m_file.flush()) {
        m_error = m_file.errorString();
        return false;
    }
    if (m_inPlace) { // a device or a FIFO: nothing to sync (fsync() would fail) or rename
        m_file.close();
        return true;
    }
    if (::fsync(m_file.handle()) != 0)
        return fail(errno);
    m_file.close();
    if (::rename(m_temporary.constData(), m_path.constData()) != 0)
        return fail(errno);
    m_temporary.clear();
    return true;
}
