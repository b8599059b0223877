// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mpi/mpicounttool.h"

#include "app/cli/commandlinetool.h"
#include "app/cli/console.h"
#include "app/common/stopsignalnotifier.h"
#include "app/mpi/wordexchange.h"
#include "core/format/progressformat.h"
#include "core/format/progressjson.h"
#include "core/results/atomicoutputfile.h"
#include "core/text/localpath.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <numeric>
#include <sys/resource.h>
#include <unistd.h>

namespace {

enum Tag { ProgressTag = 1, StopTag = 2 };
constexpr int PollMs = 20; // how soon a rank hears a stop, and rank 0 the end of the others
constexpr int SendEveryMs = 250;
constexpr int Int64Fields = 5; // RankProgress

// The inputs as every rank planned them: ranks that found different files (a folder that
// changed during the scan) would split different plans, and count some bytes twice.
QByteArray planFingerprint(const QList<FileReport> &files)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const FileReport &f : files) {
        hash.addData(f.nativePath);
        // Left out by the scan, not by a failed read (which may happen on one rank only).
        const bool scanSkipped
            = f.status == FileReport::Skipped && f.problem != FileProblem::ReadFailed;
        const qint64 fields[] = {f.size, f.isSample, scanSkipped};
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(fields), sizeof fields));
    }
    return hash.result();
}

} // namespace

MpiCountTool::MpiCountTool(MPI_Comm comm, QObject *parent)
    : QObject(parent)
    , m_comm(comm)
{
    MPI_Comm_rank(comm, &m_rank);
    MPI_Comm_size(comm, &m_ranks);
    m_poll.setInterval(PollMs);
    connect(&m_poll, &QTimer::timeout, this, &MpiCountTool::poll);
}

MpiCountTool::~MpiCountTool()
{
    // The output file (rank 0) is removed unless it was committed.
    if (m_sendRequest != MPI_REQUEST_NULL)
        MPI_Wait(&m_sendRequest, MPI_STATUS_IGNORE);
}

void MpiCountTool::print(const QString &text) const
{
    if (m_rank == 0)
        Console::printErr(text);
}

int MpiCountTool::start(const QStringList &arguments)
{
    // Every rank parses the same command line; only rank 0 says what is wrong with it.
    int savedErr = -1;
    if (m_rank != 0) {
        std::fflush(stderr);
        savedErr = ::dup(STDERR_FILENO);
        const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        ::dup2(null, STDERR_FILENO);
        ::close(null);
    }
    m_options.distributed = true;
    const int early = m_options.parse(arguments);
    if (savedErr >= 0) {
        std::fflush(stderr);
        ::dup2(savedErr, STDERR_FILENO);
        ::close(savedErr);
    }
    if (early >= 0)
        return early;
    if (m_options.spec.inputStream >= 0)
        return m_rank == 0 ? m_options.usage(tr("every rank reads the inputs, so they must be "
                                                "files or folders that every rank sees, not "
                                                "standard input"))
                           : CommandLineTool::UsageError;

    // Rank 0 writes the result: a name it cannot write is said before anyone counts.
    int outputOk = 1;
    if (m_rank == 0 && !m_options.outputPath.isEmpty()) {
        m_output = std::make_unique<AtomicOutputFile>(LocalPath::toNative(m_options.outputPath));
        if (!m_output->open()) {
            print(tr("wordmill-mpi: cannot write %1: %2\n")
                      .arg(LocalPath::quoted(m_options.outputPath), m_output->errorString()));
            outputOk = 0;
        }
    }
    MPI_Bcast(&outputOk, 1, MPI_INT, 0, m_comm);
    if (!outputOk)
        return CommandLineTool::OutputFailed;

    JobSpec spec = m_options.spec;
    spec.share = {m_rank, m_ranks};
    spec.sortResult = false;
    m_progressOnTerminal = ::isatty(STDERR_FILENO) && !m_options.jsonProgress;
    m_showProgress
        = m_rank == 0 && !m_options.quiet && (m_options.progress || m_progressOnTerminal);
    m_progressOf.resize(size_t(m_ranks));
    m_job = new CountJob(spec, this);
    connect(m_job, &CountJob::finished, this, &MpiCountTool::onJobFinished);
    m_poll.start();
    m_sinceProgress.start();
    m_job->start();
    return -1;
}

void MpiCountTool::stop(int signalNumber)
{
    const bool first = m_stopSignal == 0;
    if (first)
        m_stopSignal = signalNumber;
    if (m_job)
        m_job->cancel();
    // mpirun sends SIGTERM to every rank, but a signal sent to rank 0's process alone (kill PID)
    // reaches only it: it passes the stop on.
    if (first && m_rank == 0) {
        for (int r = 1; r < m_ranks; ++r)
            MPI_Send(&signalNumber, 1, MPI_INT, r, StopTag, m_comm);
    }
}

void MpiCountTool::poll()
{
    receiveMessages();
    if (m_rank != 0 && m_job && !m_job->isFinished() && m_sinceProgress.elapsed() >= SendEveryMs) {
        sendProgress();
        m_sinceProgress.start();
    }
    if (m_showProgress && m_sinceProgress.elapsed() >= (m_progressOnTerminal ? 200 : 1000)) {
        printProgress(false);
        m_sinceProgress.start();
    }
    if (m_allDone == MPI_REQUEST_NULL)
        return;
    int over = 0;
    MPI_Test(&m_allDone, &over, MPI_STATUS_IGNORE);
    if (!over)
        return;
    m_poll.stop();
    receiveMessages();
    Q_EMIT done(finish());
}

void MpiCountTool::sendProgress()
{
    if (m_sendRequest != MPI_REQUEST_NULL) {
        int sent = 0;
        MPI_Test(&m_sendRequest, &sent, MPI_STATUS_IGNORE);
        if (!sent)
            return; // rank 0 is behind: skip this report rather than queue them up
    }
    const JobProgress p = m_job->progress();
    m_sent = {p.map.done, p.map.total, p.reduce.done, p.reduce.total, qint64(m_job->state())};
    MPI_Isend(&m_sent, Int64Fields, MPI_INT64_T, 0, ProgressTag, m_comm, &m_sendRequest);
}

void MpiCountTool::receiveMessages()
{
    for (;;) {
        int waiting = 0;
        MPI_Status status;
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, m_comm, &waiting, &status);
        if (!waiting)
            return;
        if (status.MPI_TAG == ProgressTag) {
            RankProgress p;
            MPI_Recv(&p, Int64Fields, MPI_INT64_T, status.MPI_SOURCE, ProgressTag, m_comm,
                     MPI_STATUS_IGNORE);
            if (m_rank == 0)
                m_progressOf[size_t(status.MPI_SOURCE)] = p;
        } else {
            int signalNumber = SIGINT;
            MPI_Recv(&signalNumber, 1, MPI_INT, status.MPI_SOURCE, status.MPI_TAG, m_comm,
                     MPI_STATUS_IGNORE);
            if (status.MPI_TAG == StopTag)
                stop(signalNumber);
        }
    }
}

void MpiCountTool::onJobFinished()
{
    if (m_rank != 0) {
        if (m_sendRequest != MPI_REQUEST_NULL)
            MPI_Wait(&m_sendRequest, MPI_STATUS_IGNORE);
        sendProgress(); // the last report: all of this rank's bytes are done
    }
    m_cancelledHere = m_job->state() == CountJob::Done ? 0 : 1;
    MPI_Iallreduce(&m_cancelledHere, &m_cancelledAnywhere, 1, MPI_INT, MPI_MAX, m_comm, &m_allDone);
}

JobProgress MpiCountTool::wholeProgress() const
{
    // Every rank scans every input: rank 0's scan and plan are the job's; the amounts of the
    // map and reduce are the sums of every rank's.
    JobProgress whole = m_job->progress();
    bool allPlanned = whole.map.started;
    for (int r = 1; r < m_ranks; ++r) {
        const RankProgress &p = m_progressOf[size_t(r)];
        whole.map.done += p.bytesDone;
        whole.reduce.done += p.chunksDone;
        whole.reduce.total += p.chunksTotal;
        allPlanned = allPlanned && p.state >= CountJob::Counting;
    }
    whole.map.total = whole.bytesPlanned;
    if (!allPlanned)
        whole.reduce.total = 0; // not known until every rank has planned its share
    whole.map.done = std::min(whole.map.done, whole.map.total);
    whole.map.finished = whole.map.started && whole.map.done == whole.map.total;
    return whole;
}

QJsonArray MpiCountTool::rankFigures() const
{
    QJsonArray ranks;
    for (int r = 0; r < m_ranks; ++r) {
        RankProgress rp = m_progressOf[size_t(r)];
        if (r == 0) {
            const JobProgress own = m_job->progress();
            rp = {own.map.done, own.map.total, own.reduce.done, own.reduce.total,
                  qint64(m_job->state())};
        }
        QJsonObject o;
        o.insert(QStringLiteral("rank"), r);
        o.insert(QStringLiteral("state"),
                 QString::fromLatin1(ProgressJson::stateKey(CountJob::State(rp.state))));
        o.insert(QStringLiteral("bytesDone"), rp.bytesDone);
        o.insert(QStringLiteral("bytesTotal"), rp.bytesTotal);
        if (size_t(r) < m_peakRssOf.size())
            o.insert(QStringLiteral("peakRssBytes"), m_peakRssOf[size_t(r)]);
        ranks.append(o);
    }
    return ranks;
}

void MpiCountTool::printProgress(bool last)
{
    const JobProgress p = wholeProgress();
    CountJob::State state = m_job->state();
    if (!m_job->isFinished() || state == CountJob::Done)
        state = p.map.finished ? CountJob::Merging : std::min(state, CountJob::Counting);
    // Each rank's share of its own bytes: the slowest sets the pace.
    const QJsonArray ranks = rankFigures();
    int slowest = -1;
    double slowestShare = 2;
    for (const QJsonValue rank : ranks) {
        const QJsonObject r = rank.toObject();
        const double total = r.value(QStringLiteral("bytesTotal")).toDouble();
        const QString rankState = r.value(QStringLiteral("state")).toString();
        const bool counted = rankState == QLatin1String("merging")
            || rankState == QLatin1String("sorting") || rankState == QLatin1String("done");
        const double share = total > 0 ? r.value(QStringLiteral("bytesDone")).toDouble() / total
                                       : (counted ? 1.0 : 0.0);
        if (share < slowestShare) {
            slowestShare = share;
            slowest = r.value(QStringLiteral("rank")).toInt();
        }
    }
    if (m_options.jsonProgress) {
        QJsonObject o = ProgressJson::object(state, p);
        o.insert(QStringLiteral("ranks"), ranks);
        Console::printErr(
            QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n'));
        return;
    }
    QString line = ProgressFormat::statusLine(state, p);
    if (m_ranks > 1 && slowest >= 0 && slowestShare < 1)
        line += tr(" · slowest: rank %1 (%2 %)").arg(slowest).arg(int(slowestShare * 100));
    if (m_progressOnTerminal)
        Console::printErr(QStringLiteral("\r\x1b[K") + line
                          + (last ? QStringLiteral("\n") : QString()));
    else
        Console::printErr(line + QLatin1Char('\n'));
}

int MpiCountTool::finish()
{
    if (m_cancelledAnywhere) {
        const int signalNumber = m_stopSignal != 0 ? m_stopSignal : SIGINT;
        if (m_progressOnTerminal && m_showProgress)
            print(QStringLiteral("\r\x1b[K"));
        if (signalNumber == SIGINT)
            print(tr("wordmill-mpi: interrupted; nothing was printed\n"));
        else
            print(tr("wordmill-mpi: stopped by %1; nothing was printed\n")
                      .arg(StopSignalNotifier::signalName(signalNumber)));
        return CommandLineTool::StoppedBySignal + signalNumber;
    }
    if (m_showProgress)
        printProgress(true);
    const std::shared_ptr<const CountResult> result = m_job->result();

    // The same plan on every rank, or no result: a byte counted twice or never is a wrong count.
    QByteArray fingerprint = planFingerprint(result->files);
    const QList<QByteArray> fingerprints = WordExchange::allGather(m_comm, fingerprint);
    if (fingerprints.count(fingerprint) != m_ranks) {
        print(tr("wordmill-mpi: the ranks found different inputs (did files change during the "
                 "scan, or do the ranks see different folders?); nothing was printed\n"));
        return CommandLineTool::SomeSkipped;
    }

    // Files that failed on any rank are left out whole on every rank.
    QJsonArray failedHere;
    for (qint32 i = 0; i < qint32(result->files.size()); ++i) {
        const FileReport &f = result->files.at(i);
        if (f.status == FileReport::Skipped && f.problem == FileProblem::ReadFailed)
            failedHere.append(QJsonArray {i, f.details});
    }
    QSet<qint32> leftOut;
    QHash<qint32, QString> reasons;
    const QList<QByteArray> failures
        = WordExchange::allGather(m_comm, QJsonDocument(failedHere).toJson(QJsonDocument::Compact));
    for (const QByteArray &rankFailures : failures) {
        for (const QJsonValue v : QJsonDocument::fromJson(rankFailures).array()) {
            const qint32 file = v.toArray().at(0).toInt();
            leftOut.insert(file);
            if (!reasons.contains(file))
                reasons.insert(file, v.toArray().at(1).toString());
        }
    }

    quint64 seed = QRandomGenerator::system()->generate64();
    MPI_Bcast(&seed, 1, MPI_UINT64_T, 0, m_comm);
    WordExchange::Figures figures;
    const std::shared_ptr<WordTable> merged
        = WordExchange::exchange(m_comm, *result, leftOut, seed, &figures);
    quint64 words[2] = {result->totals.words, result->totals.overlongWords};
    for (const CountResult::HeldPart &held : result->heldParts) {
        if (!leftOut.contains(held.file)) {
            words[0] += held.words;
            words[1] += held.overlongWords;
        }
    }
    MPI_Allreduce(MPI_IN_PLACE, words, 2, MPI_UINT64_T, MPI_SUM, m_comm);
    double allToAll = figures.allToAllSeconds;
    MPI_Allreduce(MPI_IN_PLACE, &allToAll, 1, MPI_DOUBLE, MPI_MAX, m_comm);
    // Each rank's peak memory so far (counting and exchange), for --progress=json.
    rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    const qint64 peakRss = qint64(usage.ru_maxrss) * 1024;
    m_peakRssOf.resize(size_t(m_ranks));
    MPI_Gather(&peakRss, 1, MPI_INT64_T, m_peakRssOf.data(), 1, MPI_INT64_T, 0, m_comm);

    int code = CommandLineTool::Success;
    if (m_rank == 0)
        code = printResult(*result, merged, leftOut, reasons, words, allToAll);
    MPI_Bcast(&code, 1, MPI_INT, 0, m_comm);
    return code;
}

int MpiCountTool::printResult(const CountResult &own, const std::shared_ptr<WordTable> &merged,
                              const QSet<qint32> &leftOut, const QHash<qint32, QString> &reasons,
                              const quint64 (&words)[2], double allToAllSeconds)
{
    auto whole = std::make_shared<CountResult>();
    whole->mode = own.mode;
    whole->files = own.files;
    CountTotals &t = whole->totals;
    t = own.totals; // this rank's times
    t.filesCounted = t.filesSkipped = t.bytes = 0;
    bool skipped = false;
    for (qint32 i = 0; i < qint32(whole->files.size()); ++i) {
        FileReport &f = whole->files[i];
        if (leftOut.contains(i)) {
            f.status = FileReport::Skipped;
            f.problem = FileProblem::ReadFailed;
            f.details = reasons.value(i);
        } else if (f.status != FileReport::Skipped) {
            f.status = FileReport::Counted; // by this rank or another
        }
        if (f.status == FileReport::Skipped) {
            ++t.filesSkipped;
            // Whole paths, as given: a base name could be any of several files.
            const QString name
                = f.isSample ? ProgressFormat::fileName(f) : LocalPath::quoted(f.path());
            print(
                QStringLiteral("wordmill-mpi: %1: %2\n").arg(name, ProgressFormat::problemText(f)));
            skipped = true;
        } else {
            ++t.filesCounted;
            t.bytes += f.size;
        }
    }
    if (t.filesCounted == 0 && t.filesSkipped > 0) {
        print(QStringLiteral("wordmill-mpi: %1\n")
                  .arg(CountJob::tr("None of the inputs could be counted.")));
        return CommandLineTool::SomeSkipped;
    }
    t.words = words[0];
    t.overlongWords = words[1];
    t.distinctWords = quint64(merged->size());
    whole->table = merged;
    whole->order.resize(size_t(merged->size()));
    std::iota(whole->order.begin(), whole->order.end(), 0u); // merged in output order

    bool written = false;
    QString error;
    if (m_output) {
        written = ResultWriter::write(*whole, m_options.format, m_output->device(), m_options.top)
            && m_output->commit();
        error = m_output->errorString();
    } else {
        QFile out;
        written = out.open(stdout, QIODevice::WriteOnly)
            && ResultWriter::write(*whole, m_options.format, &out, m_options.top) && out.flush();
        error = out.errorString();
    }
    if (!written) {
        print(tr("wordmill-mpi: cannot write the results: %1\n").arg(error));
        return CommandLineTool::OutputFailed;
    }
    if (m_showProgress && m_options.jsonProgress) {
        QJsonObject o = ProgressJson::object(CountJob::Done, wholeProgress(), &whole->totals);
        o.insert(QStringLiteral("ranks"), rankFigures());
        o.insert(QStringLiteral("allToAllSeconds"), allToAllSeconds);
        Console::printErr(
            QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n'));
    } else if (m_showProgress) {
        print(ProgressFormat::summaryLine(*whole) + QLatin1Char('\n'));
        print(tr("wordmill-mpi: %1 ranks; the all-to-all exchange of counts took %2 s\n")
                  .arg(m_ranks)
                  .arg(allToAllSeconds, 0, 'f', 3));
    }
    if (t.overlongWords > 0) {
        const int overlong = int(std::min(t.overlongWords, quint64(INT_MAX)));
        print(ProgressFormat::withCount(
            CommandLineTool::tr(
                "wordmill-cli: %n word(s) longer than 1000 bytes were not counted\n", nullptr,
                overlong)
                .replace(QStringLiteral("wordmill-cli"), QStringLiteral("wordmill-mpi")),
            overlong));
    }
    return skipped || !m_options.listProblems.isEmpty() ? CommandLineTool::SomeSkipped
                                                        : CommandLineTool::Success;
}
