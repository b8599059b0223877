// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/atomicoutputfile.h"

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
    // Beside FILE, so that the rename stays on one file system and is atomic.
    const qsizetype slash = m_path.lastIndexOf('/');
    QByteArray pattern = m_path.left(slash + 1) + '.' + m_path.mid(slash + 1) + ".XXXXXX";
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0)
        return fail(errno);
    m_temporary = pattern;
    // mkostemp makes it private (0600); FILE gets the mode it has, or a new file's mode.
    mode_t mode = 0;
    if (exists) {
        mode = target.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    if (::fchmod(fd, mode) != 0) {
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
