// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/private/filesource.h"

#include <QCoreApplication>

FileSource::FileSource(const QString &path, qint64 plannedSize, const QDateTime &plannedModified)
    : m_file(path)
    , m_plannedSize(plannedSize)
    , m_plannedModified(plannedModified)
{ }

bool FileSource::open()
{
    if (m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return true;
    m_error
        = QCoreApplication::translate("FileSource", "cannot open: %1").arg(m_file.errorString());
    return false;
}

qint64 FileSource::readAt(qint64 offset, char *buffer, qint64 length)
{
    if (!m_file.seek(offset)) {
        m_error = QCoreApplication::translate("FileSource", "cannot seek to byte %1: %2")
                      .arg(offset)
                      .arg(m_file.errorString());
        return -1;
    }
    qint64 total = 0;
    while (total < length) {
        const qint64 n = m_file.read(buffer + total, length - total);
        if (n < 0) {
            m_error = QCoreApplication::translate("FileSource", "read error at byte %1: %2")
                          .arg(offset + total)
                          .arg(m_file.errorString());
            return -1;
        }
        if (n == 0)
            break;
        total += n;
    }
    if (total < length && offset + length <= m_plannedSize) {
        m_error = QCoreApplication::translate("FileSource",
                                              "the file shrank while it was read (%1 bytes "
                                              "expected, it ends at byte %2)")
                      .arg(m_plannedSize)
                      .arg(offset + total);
        return -1;
    }
    return total;
}

bool FileSource::isUnchanged()
{
    const qint64 size = m_file.size();
    if (size < m_plannedSize) {
        m_error = QCoreApplication::translate("FileSource",
                                              "the file shrank while it was read (%1 bytes "
                                              "expected, %2 now)")
                      .arg(m_plannedSize)
                      .arg(size);
        return false;
    }
    if (size != m_plannedSize
        || m_file.fileTime(QFileDevice::FileModificationTime) != m_plannedModified) {
        m_error = QCoreApplication::translate("FileSource", "the file changed while it was read");
        return false;
    }
    return true;
}
