// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

/*!
    \brief A result file written whole or not at all: `wordmill-cli -o FILE` and the explorer's
    exports.

    The bytes go to a temporary file beside FILE, which replaces FILE only on commit(): a run
    that is interrupted, fails or is stopped by a signal leaves FILE as it was (or absent) and
    no temporary file behind, never half a result. QSaveFile does the same for names it can
    encode; this one takes the name's bytes (see LocalPath), like every other path here.

    A symbolic link is followed: the file it names is replaced and the link stays, as `> link`
    would leave it. A FILE that is no regular file (a device such as /dev/null, a FIFO, a
    dangling link) is written in place, as `>` would: it cannot be replaced, and renaming over
    it would replace the device or the FIFO itself (run as root, `-o /dev/null` did).
*/
class AtomicOutputFile final
{
public:
    explicit AtomicOutputFile(const QByteArray &nativePath);
    ~AtomicOutputFile(); // removes the temporary file unless committed
    Q_DISABLE_COPY_MOVE(AtomicOutputFile)

    //! Creates the temporary file: false, with errorString(), when FILE cannot be written there.
    bool open();
    QIODevice *device() { return &m_file; }
    //! Writes the temporary file to disk and renames it over FILE.
    bool commit();
    QString errorString() const { return m_error; }

private:
    bool fail(int error);

    //! Makes \a fd, open for writing, the device written; closes it on failure.
    bool writeTo(int fd);
    //! Opens FILE itself for writing, for a FILE that cannot be replaced.
    bool openInPlace();

    QByteArray m_path;
    QByteArray m_temporary; // while it exists
    bool m_inPlace = false; // FILE itself is written: see openInPlace()
    QFile m_file;
    QString m_error;
};
