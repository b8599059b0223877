// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/commandlineoptions.h"
#include "core/engine/countjob.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <mpi.h>

#include <memory>
#include <vector>

class AtomicOutputFile;
class WordTable;

/*!
    \brief wordmill-mpi on one rank: wordmill-cli's counting, spread over the ranks of an MPI
    job.

    Every rank scans the same inputs and counts its share of the chunk plan (JobSpec::share) with
    its own worker threads. Then the ranks agree on the files that failed anywhere (left out
    whole everywhere), exchange their counts by word hash (WordExchange), and rank 0 prints what
    wordmill-cli would print: the same result, problems and exit status.

    Only the main thread calls MPI (MPI_THREAD_FUNNELED). While the ranks count, the main
    threads stay in Qt's event loop: progress goes to rank 0 and a stop from rank 0 to the
    others as small point-to-point messages, and the ranks wait for each other with a
    non-blocking all-reduce, so that rank 0 keeps showing progress and every rank keeps hearing
    its signals until all of them are done.
*/
class MpiCountTool final : public QObject
{
    Q_OBJECT

public:
    explicit MpiCountTool(MPI_Comm comm, QObject *parent = nullptr);
    ~MpiCountTool() override;
    Q_DISABLE_COPY_MOVE(MpiCountTool)

    //! Starts this rank's part; returns an exit code if there is nothing to wait for, else -1.
    int start(const QStringList &arguments);
    //! SIGINT, SIGTERM or SIGHUP on this rank: cancels its part, and on rank 0 every rank's.
    void stop(int signalNumber);

Q_SIGNALS:
    void done(int exitCode);

private:
    // What a rank tells rank 0 of its progress: its map and reduce amounts and its state.
    struct RankProgress
    {
        qint64 bytesDone = 0;
        qint64 bytesTotal = 0;
        qint64 chunksDone = 0;
        qint64 chunksTotal = 0;
        qint64 state = CountJob::Queued;
    };

    void onJobFinished();
    void poll();
    void sendProgress();
    void receiveMessages();
    JobProgress wholeProgress() const;
    //! Every rank's latest figures, as --progress=json's "ranks" array.
    QJsonArray rankFigures() const;
    void printProgress(bool last);
    int finish();
    //! Rank 0: prints what wordmill-cli would, from the exchanged counts; the exit status.
    int printResult(const CountResult &own, const std::shared_ptr<WordTable> &merged,
                    const QSet<qint32> &leftOut, const QHash<qint32, QString> &reasons,
                    const quint64 (&words)[2], double allToAllSeconds);
    void print(const QString &text) const; // stderr, rank 0 only

    const MPI_Comm m_comm;
    int m_rank = 0;
    int m_ranks = 1;
    CommandLineOptions m_options;
    QPointer<CountJob> m_job;
    std::unique_ptr<AtomicOutputFile> m_output; // rank 0, with -o FILE
    QTimer m_poll;
    QElapsedTimer m_sinceProgress;
    std::vector<RankProgress> m_progressOf; // rank 0: the latest report of every rank
    std::vector<qint64> m_peakRssOf; // rank 0, at the end: every rank's peak RSS in bytes
    RankProgress m_sent; // what the last progress message carried; its buffer while in flight
    MPI_Request m_sendRequest = MPI_REQUEST_NULL;
    MPI_Request m_allDone = MPI_REQUEST_NULL;
    int m_cancelledHere = 0; // the all-reduce's operand: 1 when this rank's job was cancelled
    int m_cancelledAnywhere = 0;
    int m_stopSignal = 0;
    bool m_showProgress = false;
    bool m_progressOnTerminal = false;
};
