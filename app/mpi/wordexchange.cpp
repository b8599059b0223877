// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mpi/wordexchange.h"

#include "core/engine/outputorder.h"

#include <algorithm>
#include <cstring>
#include <queue>

namespace {

int rankOf(MPI_Comm comm)
{
    int rank = 0;
    MPI_Comm_rank(comm, &rank);
    return rank;
}
int sizeOf(MPI_Comm comm)
{
    int size = 1;
    MPI_Comm_size(comm, &size);
    return size;
}

// Counts and displacements of MPI are ints: a round moves at most this much a rank, so that a
// round's whole buffer stays under 1 GiB too.
qint64 roundBytes(int ranks)
{
    return std::max<qint64>(1, (qint64(1) << 30) / ranks);
}

// The serialised form of one word and its count: length, bytes, count, in this machine's byte
// order (the ranks of one job run the same program on the same kind of machine).
void appendWord(QByteArray *out, QByteArrayView word, quint64 count)
{
    const quint32 length = quint32(word.size());
    out->append(reinterpret_cast<const char *>(&length), sizeof length);
    out->append(word.data(), word.size());
    out->append(reinterpret_cast<const char *>(&count), sizeof count);
}

// Which rank owns a word: it must be the same on every rank. qHashBits with the same seed was
// not (seen here: words landed in two ranks' partitions), so a hash of our own: FNV-1a from the
// job's seed, then a final mix so that the low bits the modulo keeps depend on every byte.
quint64 ownerHash(QByteArrayView word, quint64 seed)
{
    quint64 h = 14695981039346656037ull ^ seed;
    for (const char c : word) {
        h ^= quint8(c);
        h *= 1099511628211ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

// Reads the word at \a *at of \a bytes and moves past it; false at the end.
bool readWord(const QByteArray &bytes, qsizetype *at, QByteArrayView *word, quint64 *count)
{
    if (*at + qsizetype(sizeof(quint32)) > bytes.size())
        return false;
    quint32 length = 0;
    std::memcpy(&length, bytes.constData() + *at, sizeof length);
    *at += sizeof length;
    *word = QByteArrayView(bytes.constData() + *at, qsizetype(length));
    *at += length;
    std::memcpy(count, bytes.constData() + *at, sizeof *count);
    *at += sizeof *count;
    return true;
}

// Every rank sends out[i] to rank i and receives in[i] from rank i, in rounds.
std::vector<QByteArray> allToAll(MPI_Comm comm, const std::vector<QByteArray> &out)
{
    const int ranks = sizeOf(comm);
    std::vector<qint64> sendTotal(static_cast<size_t>(ranks)),
        recvTotal(static_cast<size_t>(ranks));
    for (int i = 0; i < ranks; ++i)
        sendTotal[size_t(i)] = out[size_t(i)].size();
    MPI_Alltoall(sendTotal.data(), 1, MPI_INT64_T, recvTotal.data(), 1, MPI_INT64_T, comm);
    qint64 largest = *std::max_element(sendTotal.cbegin(), sendTotal.cend());
    MPI_Allreduce(MPI_IN_PLACE, &largest, 1, MPI_INT64_T, MPI_MAX, comm);
    const qint64 step = roundBytes(ranks);
    std::vector<QByteArray> in(static_cast<size_t>(ranks));
    std::vector<int> sendCounts(static_cast<size_t>(ranks)), sendDispls(static_cast<size_t>(ranks));
    std::vector<int> recvCounts(static_cast<size_t>(ranks)), recvDispls(static_cast<size_t>(ranks));
    for (qint64 from = 0; from < std::max<qint64>(largest, 1); from += step) {
        QByteArray sendBuffer;
        int recvSize = 0;
        for (int i = 0; i < ranks; ++i) {
            const auto slice
                = [&](qint64 total) { return int(std::clamp<qint64>(total - from, 0, step)); };
            sendCounts[size_t(i)] = slice(sendTotal[size_t(i)]);
            sendDispls[size_t(i)] = int(sendBuffer.size());
            if (sendCounts[size_t(i)] > 0)
                sendBuffer.append(out[size_t(i)].constData() + from, sendCounts[size_t(i)]);
            recvCounts[size_t(i)] = slice(recvTotal[size_t(i)]);
            recvDispls[size_t(i)] = recvSize;
            recvSize += recvCounts[size_t(i)];
        }
        QByteArray recvBuffer(recvSize, Qt::Uninitialized);
        MPI_Alltoallv(sendBuffer.constData(), sendCounts.data(), sendDispls.data(), MPI_BYTE,
                      recvBuffer.data(), recvCounts.data(), recvDispls.data(), MPI_BYTE, comm);
        for (int i = 0; i < ranks; ++i)
            in[size_t(i)].append(recvBuffer.constData() + recvDispls[size_t(i)],
                                 recvCounts[size_t(i)]);
    }
    return in;
}

// gather() and allGather(): \a toAll picks MPI_Allgatherv over MPI_Gatherv to rank 0.
QList<QByteArray> collect(MPI_Comm comm, const QByteArray &bytes, bool toAll)
{
    const int ranks = sizeOf(comm);
    const bool receives = toAll || rankOf(comm) == 0;
    qint64 size = bytes.size();
    std::vector<qint64> sizes(static_cast<size_t>(ranks));
    MPI_Allgather(&size, 1, MPI_INT64_T, sizes.data(), 1, MPI_INT64_T, comm);
    const qint64 largest = *std::max_element(sizes.cbegin(), sizes.cend());
    const qint64 step = roundBytes(ranks);
    QList<QByteArray> all(receives ? ranks : 0);
    std::vector<int> counts(static_cast<size_t>(ranks)), displs(static_cast<size_t>(ranks));
    for (qint64 from = 0; from < std::max<qint64>(largest, 1); from += step) {
        int total = 0;
        for (int i = 0; i < ranks; ++i) {
            counts[size_t(i)] = int(std::clamp<qint64>(sizes[size_t(i)] - from, 0, step));
            displs[size_t(i)] = total;
            total += counts[size_t(i)];
        }
        const int mine = int(std::clamp<qint64>(size - from, 0, step));
        const char *send = mine > 0 ? bytes.constData() + from : bytes.constData();
        QByteArray buffer(receives ? total : 0, Qt::Uninitialized);
        if (toAll)
            MPI_Allgatherv(send, mine, MPI_BYTE, buffer.data(), counts.data(), displs.data(),
                           MPI_BYTE, comm);
        else
            MPI_Gatherv(send, mine, MPI_BYTE, buffer.data(), counts.data(), displs.data(), MPI_BYTE,
                        0, comm);
        for (int i = 0; receives && i < ranks; ++i)
            all[i].append(buffer.constData() + displs[size_t(i)], counts[size_t(i)]);
    }
    return all;
}

} // namespace

QList<QByteArray> WordExchange::gather(MPI_Comm comm, const QByteArray &bytes)
{
    return collect(comm, bytes, false);
}

QList<QByteArray> WordExchange::allGather(MPI_Comm comm, const QByteArray &bytes)
{
    return collect(comm, bytes, true);
}

std::shared_ptr<WordTable> WordExchange::exchange(MPI_Comm comm, const CountResult &result,
                                                  const QSet<qint32> &leftOut, quint64 seed,
                                                  Figures *figures)
{
    const int ranks = sizeOf(comm);
    std::vector<QByteArray> out(static_cast<size_t>(ranks));
    const auto partition = [&](const WordTable &table) {
        for (qsizetype i = 0; i < table.size(); ++i) {
            const QByteArrayView word = table.word(i);
            const quint64 owner = ownerHash(word, seed) % quint64(ranks);
            appendWord(&out[owner], word, table.entry(i).count);
        }
    };
    partition(*result.table);
    for (const CountResult::HeldPart &held : result.heldParts) {
        if (!leftOut.contains(held.file))
            partition(*held.table);
    }
    for (const QByteArray &bytes : out)
        figures->bytesSent += bytes.size();

    const double exchangeStart = MPI_Wtime();
    std::vector<QByteArray> in = allToAll(comm, out);
    figures->allToAllSeconds = MPI_Wtime() - exchangeStart;
    out.clear();

    // This rank's words: each arrives once from every rank that counted it.
    WordTable mine;
    for (QByteArray &bytes : in) {
        qsizetype at = 0;
        QByteArrayView word;
        quint64 count = 0;
        while (readWord(bytes, &at, &word, &count))
            mine.add(word.data(), word.size(), count);
        bytes = QByteArray();
    }
    std::vector<quint32> order;
    OutputOrder::sort(mine, &order);
    QByteArray run;
    for (const quint32 entry : order)
        appendWord(&run, mine.word(entry), mine.entry(entry).count);
    mine = WordTable();

    const double gatherStart = MPI_Wtime();
    const QList<QByteArray> runs = gather(comm, run);
    figures->gatherSeconds = MPI_Wtime() - gatherStart;
    auto merged = std::make_shared<WordTable>();
    if (runs.isEmpty())
        return merged;

    // A k-way merge of the sorted runs: no word is in two of them.
    struct Head
    {
        QByteArrayView word;
        quint64 count = 0;
        int run = 0;
        qsizetype next = 0;
    };
    const auto after = [](const Head &a, const Head &b) { // the priority queue's "less"
        return a.count != b.count ? a.count < b.count : a.word.compare(b.word) > 0;
    };
    std::priority_queue<Head, std::vector<Head>, decltype(after)> heads(after);
    for (int r = 0; r < runs.size(); ++r) {
        Head h;
        h.run = r;
        if (readWord(runs.at(r), &h.next, &h.word, &h.count))
            heads.push(h);
    }
    while (!heads.empty()) {
        Head h = heads.top();
        heads.pop();
        merged->add(h.word.data(), h.word.size(), h.count);
        if (readWord(runs.at(h.run), &h.next, &h.word, &h.count))
            heads.push(h);
    }
    return merged;
}
