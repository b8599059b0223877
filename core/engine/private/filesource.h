// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/bytesource.h"

#include <QDateTime>
#include <QFile>

/*!
    \brief Reads a planned file with ordinary reads (never mmap: a file truncated while mapped
    would kill the process with SIGBUS), and notices when it changed since it was planned.
*/
class FileSource final : public ByteSource
{
public:
    FileSource(const QString &path, qint64 plannedSize, const QDateTime &plannedModified);

    //! Opens the file; on failure errorString() says why.
    bool open();

    qint64 readAt(qint64 offset, char *buffer, qint64 length) override;
    QString errorString() const override { return m_error; }

    //! After reading: false, with errorString() set, if the file shrank or was modified.
    bool isUnchanged();

private:
    QFile m_file;
    qint64 m_plannedSize = 0;
    QDateTime m_plannedModified;
    QString m_error;
};
