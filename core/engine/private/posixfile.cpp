// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/private/posixfile.h"

#include <QtGlobal>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

PosixFile::~PosixFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool PosixFile::open(const QByteArray &nativePath)
{
    do {
        m_fd = ::open(nativePath.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    } while (m_fd < 0 && errno == EINTR);
    if (m_fd >= 0)
        return true;
    m_error = errorText(errno);
    return false;
}

qint64 PosixFile::readAt(qint64 offset, char *buffer, qint64 length)
{
    qint64 total = 0;
    while (total < length) {
        const ssize_t n
            = ::pread(m_fd, buffer + total, size_t(length - total), off_t(offset + total));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_error = errorText(errno);
            return -1;
        }
        if (n == 0)
            break;
        total += n;
    }
    return total;
}

FileIdentity PosixFile::identity() const
{
    struct stat st;
    if (m_fd < 0 || ::fstat(m_fd, &st) != 0)
        return {};
    return {quint64(st.st_dev), quint64(st.st_ino), qint64(st.st_size),
            qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

QString PosixFile::errorText(int error)
{
    return qt_error_string(error);
}
