// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/filereport.h"
#include "core/engine/private/bytesource.h"
#include "core/engine/private/fileidentity.h"
#include "core/engine/private/posixfile.h"

/*!
    \brief Reads a planned file with ordinary reads (never mmap: a file truncated while mapped
    would kill the process with SIGBUS), and notices when it is no longer the file the scan saw:
    replaced (another file now has its name), shrunk or modified.

    Each chunk opens the file anew, so each open checks the device and inode the scan found: a
    `mv` over the file between two chunks would otherwise mix the counts of two files.
*/
class FileSource final : public ByteSource
{
public:
    //! \a file: the scan's report of it; \a identity: what the scan saw. Both must outlive this.
    FileSource(const FileReport &file, const FileIdentity &identity);

    //! Opens the file; on failure, or when it is not the planned file, errorString() says why.
    bool open();

    qint64 readAt(qint64 offset, char *buffer, qint64 length) override;
    QString errorString() const override { return m_error; }

    //! After reading: false, with errorString() set, if the file shrank or was modified.
    bool isUnchanged();

private:
    bool matchesPlan(const FileIdentity &now);

    PosixFile m_file;
    const FileReport &m_plan;
    const FileIdentity &m_identity;
    QString m_error;
};
