// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/private/filesource.h"

#include <QCoreApplication>

FileSource::FileSource(const FileReport &file, const FileIdentity &identity)
    : m_plan(file)
    , m_identity(identity)
{ }

bool FileSource::open()
{
    if (!m_file.open(m_plan.nativePath)) {
        m_error = QCoreApplication::translate("FileSource", "cannot open: %1")
                      .arg(m_file.errorString());
        return false;
    }
    return matchesPlan(m_file.identity());
}

qint64 FileSource::readAt(qint64 offset, char *buffer, qint64 length)
{
    const qint64 total = m_file.readAt(offset, buffer, length);
    if (total < 0) {
        m_error = QCoreApplication::translate("FileSource", "read error at byte %1: %2")
                      .arg(offset)
                      .arg(m_file.errorString());
        return -1;
    }
    if (total < length && offset + length <= m_plan.size) {
        m_error = QCoreApplication::translate("FileSource",
                                              "the file shrank while it was read (%1 bytes "
                                              "expected, it ends at byte %2)")
                      .arg(m_plan.size)
                      .arg(offset + total);
        return -1;
    }
    return total;
}

bool FileSource::isUnchanged()
{
    return matchesPlan(m_file.identity());
}

bool FileSource::matchesPlan(const FileIdentity &now)
{
    const FileIdentity &planned = m_identity;
    if (now.device != planned.device || now.inode != planned.inode) {
        m_error
            = QCoreApplication::translate("FileSource", "the file was replaced while it was read");
        return false;
    }
    if (now.size < planned.size) {
        m_error = QCoreApplication::translate("FileSource",
                                              "the file shrank while it was read (%1 bytes "
                                              "expected, %2 now)")
                      .arg(planned.size)
                      .arg(now.size);
        return false;
    }
    if (now == planned)
        return true;
    m_error = QCoreApplication::translate("FileSource", "the file changed while it was read");
    return false;
}
