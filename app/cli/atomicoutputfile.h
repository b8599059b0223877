// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

/*!
    \brief The file of `wordmill-cli -o FILE`: written whole or not at all.

    The bytes go to a temporary file beside FILE, which replaces FILE only on commit(): a run
    that is interrupted, fails or is stopped by a signal leaves FILE as it was (or absent) and
    no temporary file behind, never half a result. QSaveFile does the same for names it can
    encode; this one takes the name's bytes (see LocalPath), like every other path here.
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

    QByteArray m_path;
    QByteArray m_temporary; // while it exists
    QFile m_file;
    QString m_error;
};
