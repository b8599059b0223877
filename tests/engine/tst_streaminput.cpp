// SPDX-License-Identifier: GPL-3.0-or-later
// Counting a stream (JobSpec::inputStream, standard input for wordmill-cli): the same counts as
// the same bytes in a file, whatever the chunk size, mode and encoding; bounded by the stream,
// not by a size known up front; stopped at once while the writer is silent.

#include "core/engine/countjob.h"
#include "tests/engine/jobtesthelpers.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace JobTest;

namespace {

// A pipe whose write end a thread feeds; the read end is what the job counts.
class FedPipe
{
public:
    FedPipe()
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) == 0) {
            readEnd = fds[0];
            m_writeEnd = fds[1];
        }
    }
    ~FedPipe()
    {
        closeWriteEnd();
        if (m_writer.joinable())
            m_writer.join();
        if (readEnd >= 0)
            ::close(readEnd);
    }

    //! Writes \a bytes in pieces of \a piece bytes, then closes the write end (end of stream)
    //! unless \a keepOpen.
    void feed(const QByteArray &bytes, qsizetype piece = 65536, bool keepOpen = false)
    {
        if (m_writer.joinable())
            m_writer.join();
        m_writer = std::thread([this, bytes, piece, keepOpen] {
            for (qsizetype at = 0; at < bytes.size();) {
                const ssize_t n = ::write(m_writeEnd, bytes.constData() + at,
                                          size_t(std::min(piece, bytes.size() - at)));
                if (n <= 0)
                    break;
                at += n;
            }
            if (!keepOpen)
                closeWriteEnd();
        });
    }
    void closeWriteEnd()
    {
        const int fd = m_writeEnd.exchange(-1);
        if (fd >= 0)
            ::close(fd);
    }

    int readEnd = -1;

private:
    std::atomic<int> m_writeEnd = -1;
    std::thread m_writer;
};

QByteArray utf16(const QString &text, bool littleEndian)
{
    QByteArray bytes(littleEndian ? "\xFF\xFE" : "\xFE\xFF");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        bytes.append(char(littleEndian ? u & 0xFF : u >> 8));
        bytes.append(char(littleEndian ? u >> 8 : u & 0xFF));
    }
    return bytes;
}

// Words of many scripts and lengths: apostrophes, combining marks, characters a word drops
// (U+200B), words far longer than the longest counted one and lines of every ending.
QString mixedText(int words)
{
    QRandomGenerator random(20261130);
    const QStringList pieces = {QStringLiteral("hola"),
                                QStringLiteral("Árbol"),
                                QStringLiteral("ñandú"),
                                QStringLiteral("l'homme"),
                                QStringLiteral("don't"),
                                QStringLiteral("ΑΒΓ"),
                                QStringLiteral("日本語テキスト"),
                                QStringLiteral("🙂x"),
                                QStringLiteral("e\u0301te\u0301"),
                                QStringLiteral("İstanbul"),
                                QStringLiteral("a.b,c;d"),
                                QStringLiteral("\t")};
    const QStringList separators = {QStringLiteral(" "), QStringLiteral("\n"),
                                    QStringLiteral("\r\n"), QStringLiteral("  \t")};
    QString text;
    for (int i = 0; i < words; ++i) {
        const quint32 r = random.bounded(1000);
        if (r < 4)
            text += QString(int(random.bounded(900, 5000)), QLatin1Char('x'));
        else if (r < 8)
            text += QStringLiteral("a\u200B").repeated(int(random.bounded(10, 2000)));
        else
            text += pieces.at(int(random.bounded(qsizetype(pieces.size()))));
        text += separators.at(int(random.bounded(qsizetype(separators.size()))));
    }
    return text;
}

struct Outcome
{
    CountJob::State state = CountJob::Queued;
    Counts counts;
    CountTotals totals;
    QList<FileReport> files;
};

Outcome outcomeOf(CountJob &job)
{
    Outcome o;
    o.state = job.state();
    if (job.result()) {
        o.counts = countsOf(*job.result());
        o.totals = job.result()->totals;
    }
    o.files = job.fileReports();
    return o;
}

} // namespace

class TestStreamInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameCountsAsAFile_data();
    void sameCountsAsAFile();
    void streamWithFiles();
    void emptyStream();
    void binaryStreamIsSkipped();
    void unreadableStreamIsNamed();
    void progressHasNoTotalWhileReading();
    void cancelWhileTheWriterIsSilent();
};

void TestStreamInput::sameCountsAsAFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<CountingMode>("mode");
    QTest::addColumn<qint64>("chunkSize");
    QTest::addColumn<int>("workers");

    const QString mixed = mixedText(6000);
    QByteArray latin1 = mixed.toUtf8();
    for (int i = 0; i < latin1.size(); i += 97)
        latin1[i] = char(0xE9); // bytes that are not UTF-8: read as Windows-1252
    // A run with no whitespace, longer than a block's tail can reach (StreamReader).
    const QByteArray longRun = "before " + QByteArray(300 << 10, 'y') + " after\n";
    const struct
    {
        const char *name;
        QByteArray bytes;
    } texts[] = {
        {"utf-8", mixed.toUtf8()},        {"utf-8 bom", "\xEF\xBB\xBF" + mixed.toUtf8()},
        {"utf-16le", utf16(mixed, true)}, {"utf-16be", utf16(mixed, false)},
        {"windows-1252 bytes", latin1},   {"long run", longRun},
    };
    for (const auto &text : texts) {
        for (const CountingMode mode : {CountingMode::Words, CountingMode::Whitespace}) {
            const std::pair<qint64, int> splits[] = {{1024, 3}, {4099, 1}, {qint64(1) << 20, 2}};
            for (const auto &[chunkSize, workers] : splits) {
                QTest::addRow("%s, %s, chunk %lld, %d workers", text.name,
                              mode == CountingMode::Words ? "words" : "whitespace",
                              qlonglong(chunkSize), workers)
                    << text.bytes << mode << chunkSize << workers;
            }
        }
    }
}

void TestStreamInput::sameCountsAsAFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(CountingMode, mode);
    QFETCH(qint64, chunkSize);
    QFETCH(int, workers);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("text"));
    QVERIFY(writeFile(path, bytes));

    JobSpec spec;
    spec.mode = mode;
    spec.chunkSize = chunkSize;
    spec.workers = workers;
    spec.paths = {path};
    CountJob fileJob(spec);
    QVERIFY(runToEnd(fileJob));
    const Outcome file = outcomeOf(fileJob);

    FedPipe pipe;
    spec.paths.clear();
    spec.inputStream = pipe.readEnd;
    pipe.feed(bytes, 7919); // pieces that end anywhere, as a pipe delivers them
    CountJob streamJob(spec);
    QVERIFY(runToEnd(streamJob));
    const Outcome stream = outcomeOf(streamJob);

    QCOMPARE(stream.state, CountJob::Done);
    QCOMPARE(stream.counts.size(), file.counts.size());
    QCOMPARE(stream.counts, file.counts);
    QCOMPARE(stream.totals.words, file.totals.words);
    QCOMPARE(stream.totals.overlongWords, file.totals.overlongWords);
    QCOMPARE(stream.totals.bytes, qint64(bytes.size()));
    QCOMPARE(stream.files.size(), 1);
    QVERIFY(stream.files.at(0).isStream);
    QCOMPARE(stream.files.at(0).status, FileReport::Counted);
    QCOMPARE(stream.files.at(0).size, qint64(bytes.size()));
    QCOMPARE(stream.files.at(0).words, file.files.at(0).words);
    QCOMPARE(stream.files.at(0).encoding, file.files.at(0).encoding);
    QCOMPARE(stream.files.at(0).windows1252Bytes, file.files.at(0).windows1252Bytes);
    QCOMPARE(streamJob.progress().map.done, qint64(bytes.size()));
}

void TestStreamInput::streamWithFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.txt"));
    QVERIFY(writeFile(path, "uno dos dos\n"));
    FedPipe pipe;
    pipe.feed("dos tres tres tres\n");
    JobSpec spec;
    spec.paths = {path};
    spec.inputStream = pipe.readEnd;
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done);
    const Counts expected = {{"dos", 3}, {"tres", 3}, {"uno", 1}};
    QCOMPARE(countsOf(*job.result()), expected);
    QCOMPARE(job.result()->totals.filesCounted, 2);
    QCOMPARE(job.result()->totals.bytes, qint64(12 + 19));
}

void TestStreamInput::emptyStream()
{
    FedPipe pipe;
    pipe.feed({});
    JobSpec spec;
    spec.inputStream = pipe.readEnd;
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done);
    QCOMPARE(job.result()->size(), 0);
    QCOMPARE(job.result()->totals.filesCounted, 1);
    QCOMPARE(job.fileReports().at(0).status, FileReport::Counted);
    QCOMPARE(job.fileReports().at(0).size, 0);
}

void TestStreamInput::binaryStreamIsSkipped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.txt"));
    QVERIFY(writeFile(path, "uno\n"));
    FedPipe pipe;
    pipe.feed(QByteArray("text, then\0a NUL", 16));
    JobSpec spec;
    spec.paths = {path};
    spec.inputStream = pipe.readEnd;
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done); // the file is still counted
    QCOMPARE(job.result()->totals.filesSkipped, 1);
    const QList<FileReport> reports = job.fileReports();
    const auto stream = std::find_if(reports.cbegin(), reports.cend(),
                                     [](const FileReport &r) { return r.isStream; });
    QVERIFY(stream != reports.cend());
    QCOMPARE(stream->status, FileReport::Skipped);
    QCOMPARE(stream->problem, FileProblem::Binary);
    QCOMPARE(stream->details, QStringLiteral("10"));
}

void TestStreamInput::unreadableStreamIsNamed()
{
    // read() on a folder fails (EISDIR) though poll() says it is ready.
    const int folder = ::open(".", O_RDONLY | O_CLOEXEC);
    QVERIFY(folder >= 0);
    JobSpec spec;
    spec.inputStream = folder;
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    ::close(folder);
    QCOMPARE(job.state(), CountJob::Failed);
    const FileReport stream = job.fileReports().at(0);
    QVERIFY(stream.isStream);
    QCOMPARE(stream.status, FileReport::Skipped);
    QCOMPARE(stream.problem, FileProblem::ReadError);
    QVERIFY2(!stream.details.isEmpty(), "the system's reason is kept");
}

void TestStreamInput::progressHasNoTotalWhileReading()
{
    FedPipe pipe;
    JobSpec spec;
    spec.inputStream = pipe.readEnd;
    spec.chunkSize = 4096;
    spec.workers = 2;
    CountJob job(spec);
    job.start();
    // A first part, then silence: the job counts what came, and knows no total yet. The part
    // is more than the 64 KiB that decide the encoding.
    const QByteArray part = QByteArray("palabra ").repeated(16384);
    pipe.feed(part, 65536, true);
    QTRY_VERIFY_WITH_TIMEOUT(job.progress().map.done >= part.size() / 2, RunTimeoutMs);
    const JobProgress reading = job.progress();
    QVERIFY(reading.readingStream);
    QVERIFY(!reading.map.finished);
    QCOMPARE(job.state(), CountJob::Counting);

    pipe.feed(part);
    QTRY_VERIFY_WITH_TIMEOUT(job.isFinished(), RunTimeoutMs);
    QCOMPARE(job.state(), CountJob::Done);
    QCOMPARE(job.result()->totals.words, quint64(2 * 16384));
    const JobProgress end = job.progress();
    QVERIFY(!end.readingStream);
    QCOMPARE(end.map.total, qint64(2 * part.size()));
    QCOMPARE(end.map.done, end.map.total);
    QCOMPARE(end.bytesMerged, end.map.total); // the merge in bytes, every block of it
    QVERIFY(end.map.finished);
    QCOMPARE(end.reduce.done, end.reduce.total);
}

void TestStreamInput::cancelWhileTheWriterIsSilent()
{
    FedPipe pipe; // nothing is written, and the write end stays open
    JobSpec spec;
    spec.inputStream = pipe.readEnd;
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    QVERIFY(waitForState(job, CountJob::Scanning));
    QTest::qWait(200); // the scan is now waiting in poll() for the stream's first bytes
    QElapsedTimer clock;
    clock.start();
    job.cancel();
    QVERIFY(finished.count() > 0 || finished.wait(PromptMs));
    QVERIFY2(clock.elapsed() < PromptMs, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(job.state(), CountJob::Cancelled);
}

QTEST_GUILESS_MAIN(TestStreamInput)
#include "tst_streaminput.moc"
