// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countingmode.h"
#include "core/engine/wordtable.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

struct JobSpec;

/*!
    \brief What a running job has merged so far, as a file it can resume from after a crash,
    a kill or a quit (JobSpec::checkpointPath, JobSpec::resumeFrom).

    It holds the job (paths, mode, chunk size, sample), its plan (every planned file with its
    size and modification time, so that a resume refuses inputs that changed), the merged
    counts of the files counted completely, and for each file counted in part the chunks
    merged and their counts. Chunks are named by their first byte, which the chunk size and
    the file decide, so a resume with the same spec plans the same chunks.

    On disk: a magic, a format version, the payload's length and its SHA-256, then the
    payload; read() tells a file cut short or damaged from one that is no checkpoint at all.
    write() replaces the file crash-safely: a temporary file beside it, fsync(), rename(), so
    a kill at any moment leaves the old checkpoint or the new one, never a mix.
*/
class JobCheckpoint final
{
    Q_DECLARE_TR_FUNCTIONS(JobCheckpoint)

public:
    enum Error { NoError, NotFound, CannotRead, NotACheckpoint, NewerFormat, Truncated, Damaged };

    static constexpr quint32 FormatVersion = 1;

    //! One planned file of the job.
    struct File
    {
        enum State : quint8 { NotStarted, Complete, Partial };

        QByteArray nativePath; // empty for the generated sample
        qint64 size = 0;
        qint64 modifiedNs = 0;
        bool isSample = false;
        State state = NotStarted;
        quint64 words = 0; // Complete and Partial: of the chunks merged
        quint64 overlongWords = 0; // Partial only (a Complete file's are in overlongWords)
        quint64 windows1252Bytes = 0;
        std::vector<qint64> chunksMerged; // Partial: the first byte of each chunk merged
        std::shared_ptr<const WordTable> table; // Partial: the counts of those chunks
    };

    // The job.
    QStringList paths;
    qint64 sampleBytes = 0;
    quint64 sampleSeed = 1;
    CountingMode mode = CountingMode::Words;
    qint64 chunkSize = 0; // as planned (clamped)
    // The plan, and where its counting stands.
    QList<File> files;
    std::shared_ptr<const WordTable> total = std::make_shared<WordTable>(); // Complete files
    quint64 words = 0; // of the Complete files
    quint64 overlongWords = 0; // of the Complete files

    //! True when \a spec is the job this checkpoint was written for (paths, mode, chunk size,
    //! sample); the plan is compared after the scan (JobWorkspace).
    bool isOf(const JobSpec &spec) const;

    //! The checkpoint as its file holds it.
    QByteArray toBytes() const;
    /*!
        Reads a checkpoint from \a bytes; on failure returns null and sets \a error and
        \a reason (for people: what is wrong, without the file's name).
    */
    static std::shared_ptr<JobCheckpoint> fromBytes(const QByteArray &bytes, Error *error,
                                                    QString *reason);
    /*!
        Reads the checkpoint at \a path. On failure returns null and sets \a error and
        \a errorText, which names the file and the reason ("/tmp/job.ckpt: the checkpoint is
        cut short (10 of 4,096 bytes)").
    */
    static std::shared_ptr<JobCheckpoint> read(const QString &path, Error *error,
                                               QString *errorText);
    /*!
        Writes \a bytes (toBytes()) to \a path crash-safely: \a path + ".tmp", fsync(), rename(),
        fsync() of the folder. False, with \a errorText naming the file and the reason, on
        failure; the old checkpoint is then left as it was. Thread safe for distinct paths.
    */
    static bool writeFile(const QString &path, const QByteArray &bytes, QString *errorText);
    //! Removes the checkpoint at \a path and its temporary file, if any.
    static void remove(const QString &path);
};
