// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/fileidentity.h"

#include <QByteArray>
#include <QString>

/*!
    \brief A file opened read-only by its bytes' name, read with pread().

    QFile takes names as text and cannot open a name that is not UTF-8 (see LocalPath); this
    opens exactly the bytes given, retries reads that a signal interrupted, and tells which file
    it has open (FileIdentity). One instance is used by one thread at a time.
*/
class PosixFile final
{
public:
    PosixFile() = default;
    ~PosixFile();
    Q_DISABLE_COPY_MOVE(PosixFile)

    //! Opens \a nativePath; on failure errorString() says why.
    bool open(const QByteArray &nativePath);

    //! Reads up to \a length bytes at \a offset, fewer only at the end; -1 on error.
    qint64 readAt(qint64 offset, char *buffer, qint64 length);

    //! What fstat() says of the open file now; all zero if it fails.
    FileIdentity identity() const;

    QString errorString() const { return m_error; }

    //! The system's text for \a error (an errno value), in the user's language when it has one.
    static QString errorText(int error);

private:
    int m_fd = -1;
    QString m_error;
};
