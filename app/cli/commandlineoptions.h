// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/jobspec.h"
#include "core/results/resultwriter.h"

#include <QCoreApplication>
#include <QStringList>

/*!
    \brief The command line of wordmill-cli, and of wordmill-mpi, which takes the same options:
    what to do, the job to run and how to show its result.

    parse() only reads: it prints usage errors, help and the version, reads a --files0-from
    list, and touches no other file, so that each program decides what to run.
*/
struct CommandLineOptions
{
    Q_DECLARE_TR_FUNCTIONS(CommandLineTool) // the translations were made for that context

public:
    enum Action { Count, Merge, Map, Reduce };

    /*!
        Parses \a arguments (the program's name first). Returns -1 when there is work to do;
        otherwise the exit status to end with (help and version printed: 0; a usage error
        printed on stderr: 2; standard output or the --files0-from list failed: 1).
    */
    int parse(const QStringList &arguments);

    //! Set before parse() by wordmill-mpi: its own description, and no --merge, --map, --reduce
    //! or --map-memory (unknown options there).
    bool distributed = false;

    Action action = Count;
    JobSpec spec; // with Map: only its mode applies
    ResultFormat format = ResultFormat::Tsv;
    qint64 top = -1; // -1: every word
    qint64 mapMemory = 0; // --map's limit in bytes
    QString outputPath; // -o FILE, or empty for standard output
    bool quiet = false;
    bool progress = false; // --progress given
    bool jsonProgress = false; // --progress=json
    bool filesFromList = false; // --files0-from
    // --files0-from entries that name nothing: to print, and to end with exit status 1.
    QStringList listProblems;
    // --checkpoint FILE, --checkpoint-interval SECONDS (spec.checkpointPath and
    // spec.checkpointIntervalMs), --resume FILE: read by CommandLineTool, which starts over
    // when it cannot be used.
    QString resumePath;
    bool jobFromCheckpoint = false; // --resume without PATH or --sample: the checkpoint's job

    //! Prints \a message as a usage error of the program and returns the usage exit status.
    int usage(const QString &message) const;

private:
    QString m_program = QStringLiteral("wordmill-cli");
};
