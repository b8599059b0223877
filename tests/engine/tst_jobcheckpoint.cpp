// SPDX-License-Identifier: GPL-3.0-or-later
// JobCheckpoint's file format, a job resumed from one (what it merged is not counted again),
// a resume refused when the job or its inputs changed, Stop and keep, and Keep for later.

#include "core/engine/jobcheckpoint.h"
#include "tests/engine/jobtesthelpers.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <utime.h>

using namespace JobTest;

namespace {

// \a count files f0.txt ... in \a dir, file i holding "<letter>i common " \a repeats times: their
// paths, or none if one could not be written.
QStringList writeNumberedFiles(const QTemporaryDir &dir, int count, char letter, int repeats)
{
    QStringList paths;
    for (int i = 0; i < count; ++i) {
        const QString path = dir.filePath(QStringLiteral("f%1.txt").arg(i));
        const QByteArray word = QByteArray(1, letter) + QByteArray::number(i);
        if (!writeFile(path, QByteArray(word + " common ").repeated(repeats)))
            return {};
        paths.append(path);
    }
    return paths;
}

qint64 modifiedNs(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

std::shared_ptr<WordTable> tableOf(const QList<QPair<QByteArray, quint64>> &counts)
{
    auto table = std::make_shared<WordTable>();
    for (const auto &[word, count] : counts)
        table->add(word.constData(), word.size(), count);
    return table;
}

quint64 countOf(const CountResult &result, QByteArrayView word)
{
    return result.table->count(word);
}

} // namespace

class TestJobCheckpoint final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void fromBytes_data();
    void fromBytes();
    void resumeSkipsWhatWasMerged();
    void resumeRefused_data();
    void resumeRefused();
    void changedUnfinishedFileIsRecountedAlone_data();
    void changedUnfinishedFileIsRecountedAlone();
    void stopAndKeepKeepsCompleteFilesOnly();
    void keepForLaterWritesACheckpoint();
    void keepForLaterWhileSortingKeepsEverythingMerged();
    void cancelAndDoneRemoveTheCheckpoint();

private:
    //! The three files of resumeSkipsWhatWasMerged(), and a checkpoint of them: a complete,
    //! b's first chunk merged, c not started. Its counts are words no file holds.
    JobCheckpoint craftedCheckpoint(const JobSpec &spec) const;
    JobSpec threeFiles() const;
    Counts freshCounts(const JobSpec &spec) const;

    QTemporaryDir m_dir;
    QString m_a, m_b, m_c;
};

void TestJobCheckpoint::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_a = m_dir.filePath(QStringLiteral("a.txt"));
    m_b = m_dir.filePath(QStringLiteral("b.txt"));
    m_c = m_dir.filePath(QStringLiteral("c.txt"));
    QVERIFY(writeFile(m_a, QByteArray("alpha ").repeated(100)));
    // b's first 1024-byte chunk holds "bravo" only, the three after it "delta" only.
    QVERIFY(writeFile(
        m_b, QByteArray("bravo ").repeated(170) + "    " + QByteArray("delta ").repeated(400)));
    QVERIFY(writeFile(m_c, QByteArray("echo ").repeated(10)));
}

JobSpec TestJobCheckpoint::threeFiles() const
{
    JobSpec spec;
    spec.paths = {m_a, m_b, m_c};
    spec.chunkSize = JobSpec::MinChunkSize;
    spec.workers = 2;
    return spec;
}

JobCheckpoint TestJobCheckpoint::craftedCheckpoint(const JobSpec &spec) const
{
    JobCheckpoint cp;
    cp.paths = spec.paths;
    cp.mode = spec.mode;
    cp.chunkSize = spec.chunkSize;
    for (const QString &path : {m_a, m_b, m_c}) {
        JobCheckpoint::File f;
        f.nativePath = QFile::encodeName(path);
        f.size = QFileInfo(path).size();
        f.modifiedNs = modifiedNs(path);
        cp.files.append(f);
    }
    cp.files[0].state = JobCheckpoint::File::Complete;
    cp.files[0].words = 5;
    cp.files[1].state = JobCheckpoint::File::Partial;
    cp.files[1].chunksMerged = {0};
    cp.files[1].words = 2;
    cp.files[1].table = tableOf({{"zzpartial", 2}});
    cp.total = tableOf({{"zzcomplete", 5}});
    cp.words = 5;
    return cp;
}

Counts TestJobCheckpoint::freshCounts(const JobSpec &spec) const
{
    JobSpec fresh = spec;
    fresh.resumeFrom.reset();
    fresh.checkpointPath.clear();
    CountJob job(fresh);
    if (!runToEnd(job) || !job.result())
        return {};
    return countsOf(*job.result());
}

void TestJobCheckpoint::roundTrip()
{
    JobCheckpoint cp;
    cp.paths = {QStringLiteral("/books"), LocalPath::fromNative("/caf\xE9.txt")};
    cp.sampleBytes = 1000;
    cp.sampleSeed = 7;
    cp.mode = CountingMode::Whitespace;
    cp.chunkSize = 4096;
    JobCheckpoint::File sample;
    sample.isSample = true;
    sample.size = 1000;
    sample.state = JobCheckpoint::File::Complete;
    sample.words = 3;
    JobCheckpoint::File partial;
    partial.nativePath = "/caf\xE9.txt";
    partial.size = 123456;
    partial.modifiedNs = 1700000000123456789;
    partial.state = JobCheckpoint::File::Partial;
    partial.words = 4;
    partial.overlongWords = 1;
    partial.windows1252Bytes = 9;
    partial.chunksMerged = {8192, 0};
    partial.table = tableOf({{"caf\xE9", 3}, {QByteArray("x").repeated(40), 1}});
    cp.files = {sample, partial, JobCheckpoint::File()};
    cp.total = tableOf({{"the", 2}, {"a", 1}});
    cp.words = 3;
    cp.overlongWords = 2;

    JobCheckpoint::Error error = JobCheckpoint::NotFound;
    QString reason;
    const std::shared_ptr<JobCheckpoint> back
        = JobCheckpoint::fromBytes(cp.toBytes(), &error, &reason);
    QVERIFY2(back, qPrintable(reason));
    QCOMPARE(error, JobCheckpoint::NoError);
    QCOMPARE(back->paths, cp.paths);
    QCOMPARE(back->sampleBytes, 1000);
    QCOMPARE(back->sampleSeed, quint64(7));
    QCOMPARE(back->mode, CountingMode::Whitespace);
    QCOMPARE(back->chunkSize, 4096);
    QCOMPARE(back->files.size(), 3);
    QVERIFY(back->files.at(0).isSample);
    QCOMPARE(back->files.at(0).state, JobCheckpoint::File::Complete);
    QCOMPARE(back->files.at(0).words, quint64(3));
    const JobCheckpoint::File &p = back->files.at(1);
    QCOMPARE(p.nativePath, partial.nativePath);
    QCOMPARE(p.modifiedNs, partial.modifiedNs);
    QCOMPARE(p.state, JobCheckpoint::File::Partial);
    QCOMPARE(p.overlongWords, quint64(1));
    QCOMPARE(p.windows1252Bytes, quint64(9));
    QCOMPARE(p.chunksMerged, partial.chunksMerged);
    QCOMPARE(p.table->size(), 2);
    QCOMPARE(p.table->count("caf\xE9"), quint64(3));
    QCOMPARE(p.table->count(QByteArray("x").repeated(40)), quint64(1));
    QCOMPARE(back->files.at(2).state, JobCheckpoint::File::NotStarted);
    QCOMPARE(back->total->size(), 2);
    QCOMPARE(back->total->count("the"), quint64(2));
    QCOMPARE(back->words, quint64(3));
    QCOMPARE(back->overlongWords, quint64(2));
}

void TestJobCheckpoint::fromBytes_data()
{
    QTest::addColumn<int>("keep"); // bytes kept; -1: all
    QTest::addColumn<int>("flip"); // the byte changed; -1: none
    QTest::addColumn<QByteArray>("append");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("reason");

    QTest::newRow("whole") << -1 << -1 << QByteArray() << int(JobCheckpoint::NoError) << "";
    QTest::newRow("empty") << 0 << -1 << QByteArray() << int(JobCheckpoint::Truncated)
                           << "cut short (0 bytes)";
    QTest::newRow("cut in the magic")
        << 5 << -1 << QByteArray() << int(JobCheckpoint::Truncated) << "cut short (5 bytes)";
    QTest::newRow("cut in the checksum")
        << 30 << -1 << QByteArray() << int(JobCheckpoint::Truncated) << "cut short (30 bytes)";
    QTest::newRow("cut in the payload")
        << 100 << -1 << QByteArray() << int(JobCheckpoint::Truncated) << "cut short (100 of";
    QTest::newRow("bytes after the end")
        << -1 << -1 << QByteArray("x") << int(JobCheckpoint::Damaged) << "checksum";
    QTest::newRow("payload changed")
        << -1 << 60 << QByteArray() << int(JobCheckpoint::Damaged) << "checksum does not match";
    QTest::newRow("checksum changed")
        << -1 << 25 << QByteArray() << int(JobCheckpoint::Damaged) << "checksum does not match";
    QTest::newRow("other magic") << -1 << 0 << QByteArray() << int(JobCheckpoint::NotACheckpoint)
                                 << "not a WordMill";
    QTest::newRow("newer format") << -1 << 8 << QByteArray() << int(JobCheckpoint::NewerFormat)
                                  << "format 33";
}

void TestJobCheckpoint::fromBytes()
{
    QFETCH(int, keep);
    QFETCH(int, flip);
    QFETCH(QByteArray, append);
    QFETCH(int, error);
    QFETCH(QString, reason);
    JobCheckpoint cp = craftedCheckpoint(threeFiles());
    QByteArray bytes = cp.toBytes();
    QVERIFY(bytes.size() > 150);
    if (keep >= 0)
        bytes.truncate(keep);
    if (flip >= 0)
        bytes[flip] = char(bytes.at(flip) ^ 0x20);
    bytes += append;
    JobCheckpoint::Error found = JobCheckpoint::NoError;
    QString why;
    const std::shared_ptr<JobCheckpoint> back = JobCheckpoint::fromBytes(bytes, &found, &why);
    QCOMPARE(int(found), error);
    QCOMPARE(bool(back), error == JobCheckpoint::NoError);
    QVERIFY2(why.contains(reason), qPrintable(why));

    // read() names the file.
    const QString path = m_dir.filePath(QStringLiteral("bad.ckpt"));
    QVERIFY(writeFile(path, bytes));
    QString text;
    const std::shared_ptr<JobCheckpoint> read = JobCheckpoint::read(path, &found, &text);
    QCOMPARE(int(found), error);
    if (error != JobCheckpoint::NoError)
        QVERIFY2(text.startsWith(path) && text.contains(reason), qPrintable(text));
}

void TestJobCheckpoint::resumeSkipsWhatWasMerged()
{
    JobSpec spec = threeFiles();
    spec.resumeFrom = std::make_shared<JobCheckpoint>(craftedCheckpoint(spec));
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.isResumed());
    QVERIFY(job.resumeNotice().isEmpty());
    const CountResult &r = *job.result();
    // The checkpoint's counts stand for what it merged, which is not read again: a's "alpha"
    // and the "bravo" of b's first chunk; the rest is counted.
    QCOMPARE(countOf(r, "zzcomplete"), quint64(5));
    QCOMPARE(countOf(r, "zzpartial"), quint64(2));
    QCOMPARE(countOf(r, "alpha"), quint64(0));
    QCOMPARE(countOf(r, "bravo"), quint64(0));
    QCOMPARE(countOf(r, "delta"), quint64(400));
    QCOMPARE(countOf(r, "echo"), quint64(10));
    QCOMPARE(r.totals.words, quint64(5 + 2 + 400 + 10));
    QCOMPARE(r.totals.filesCounted, 3);
    QCOMPARE(r.totals.bytes, QFileInfo(m_a).size() + QFileInfo(m_b).size() + QFileInfo(m_c).size());
    QCOMPARE(reportFor(r.files, m_a).words, quint64(5));
    QCOMPARE(reportFor(r.files, m_b).words, quint64(2 + 400));
    const JobProgress p = job.progress();
    QCOMPARE(p.map.done, p.map.total);
    QCOMPARE(p.reduce.done, p.reduce.total);
}

void TestJobCheckpoint::resumeRefused_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("notice");
    QTest::newRow("a grew") << "grow"
                            << "a.txt changed size (600 bytes, now 606)";
    QTest::newRow("a modified") << "touch"
                                << "a.txt was modified";
    QTest::newRow("a gone") << "remove"
                            << "a.txt is gone";
    QTest::newRow("other chunk size") << "chunk"
                                      << "of another job";
    QTest::newRow("other mode") << "mode"
                                << "of another job";
    QTest::newRow("other paths") << "paths"
                                 << "of another job";
}

void TestJobCheckpoint::resumeRefused()
{
    QFETCH(QString, change);
    QFETCH(QString, notice);
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.txt"));
    const QString b = dir.filePath(QStringLiteral("b.txt"));
    QVERIFY(writeFile(a, QByteArray("alpha ").repeated(100)));
    QVERIFY(writeFile(b, QByteArray("bravo ").repeated(100)));
    JobSpec spec;
    spec.paths = {dir.path()}; // a folder: a new file in it is found
    spec.chunkSize = JobSpec::MinChunkSize;
    JobCheckpoint cp;
    cp.paths = spec.paths;
    cp.chunkSize = spec.chunkSize;
    for (const QString &path : {a, b}) {
        JobCheckpoint::File f;
        f.nativePath = QFile::encodeName(path);
        f.size = QFileInfo(path).size();
        f.modifiedNs = modifiedNs(path);
        f.state = JobCheckpoint::File::Complete;
        f.words = 1;
        cp.files.append(f);
    }
    cp.total = tableOf({{"zzstale", 2}});
    cp.words = 2;

    if (change == QLatin1String("grow")) {
        QFile f(a);
        QVERIFY(f.open(QIODevice::Append));
        f.write("zulu\n ");
    } else if (change == QLatin1String("touch")) {
        struct utimbuf times = {0, 1000000000};
        QCOMPARE(::utime(QFile::encodeName(a).constData(), &times), 0);
    } else if (change == QLatin1String("remove")) {
        QVERIFY(QFile::remove(a));
    } else if (change == QLatin1String("chunk")) {
        spec.chunkSize = 2 * JobSpec::MinChunkSize;
    } else if (change == QLatin1String("mode")) {
        spec.mode = CountingMode::Whitespace;
    } else {
        spec.paths = {a, b};
    }
    spec.resumeFrom = std::make_shared<JobCheckpoint>(cp);
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QVERIFY(!job.isResumed());
    QVERIFY2(job.resumeNotice().contains(notice), qPrintable(job.resumeNotice()));
    // A complete file's counts are merged with the others' and cannot be taken out: said so.
    if (!notice.contains(QLatin1String("another job")))
        QVERIFY2(job.resumeNotice().contains(QLatin1String("counted completely")),
                 qPrintable(job.resumeNotice()));
    // Counted from the start: nothing of the checkpoint, everything of the inputs now.
    QVERIFY(job.result());
    QCOMPARE(countOf(*job.result(), "zzstale"), quint64(0));
    QCOMPARE(countsOf(*job.result()), freshCounts(spec));
}

void TestJobCheckpoint::changedUnfinishedFileIsRecountedAlone_data()
{
    // The file changed; what the resumed job must count of each file (true: count it now,
    // false: take the checkpoint's counts); what the notice says.
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("recountB");
    QTest::addColumn<QString>("notice");
    QTest::newRow("partial b modified") << "touch"
                                        << "b.txt" << true << "b.txt was modified";
    QTest::newRow("partial b grew") << "grow"
                                    << "b.txt" << true << "b.txt changed size";
    QTest::newRow("not started c modified") << "touch"
                                            << "c.txt" << false << "c.txt was modified";
    QTest::newRow("not started c gone") << "remove"
                                        << "c.txt" << false << "c.txt is gone";
    QTest::newRow("new d") << "new"
                           << "d.txt" << false << "d.txt is new";
}

void TestJobCheckpoint::changedUnfinishedFileIsRecountedAlone()
{
    QFETCH(QString, change);
    QFETCH(QString, file);
    QFETCH(bool, recountB);
    QFETCH(QString, notice);
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.txt"));
    const QString b = dir.filePath(QStringLiteral("b.txt"));
    const QString c = dir.filePath(QStringLiteral("c.txt"));
    QVERIFY(QFile::copy(m_a, a) && QFile::copy(m_b, b) && QFile::copy(m_c, c));
    JobSpec spec;
    spec.paths = {dir.path()}; // a folder: a new file in it is found
    spec.chunkSize = JobSpec::MinChunkSize;
    spec.workers = 2;
    JobCheckpoint cp = craftedCheckpoint(spec);
    for (qsizetype i = 0; i < cp.files.size(); ++i) { // the same files, in this folder
        const QString path = QStringList {a, b, c}.at(i);
        cp.files[i].nativePath = QFile::encodeName(path);
        cp.files[i].modifiedNs = modifiedNs(path);
    }
    const QString changed = dir.filePath(file);
    if (change == QLatin1String("grow")) {
        QFile f(changed);
        QVERIFY(f.open(QIODevice::Append));
        f.write(" foxtrot\n");
    } else if (change == QLatin1String("touch")) {
        struct utimbuf times = {0, 1000000000};
        QCOMPARE(::utime(QFile::encodeName(changed).constData(), &times), 0);
    } else if (change == QLatin1String("remove")) {
        QVERIFY(QFile::remove(changed));
    } else {
        QVERIFY(writeFile(changed, "golf golf\n"));
    }
    spec.resumeFrom = std::make_shared<JobCheckpoint>(cp);
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done);
    // The rest of the checkpoint is kept, and the notice names what is counted again.
    QVERIFY2(job.isResumed(), qPrintable(job.resumeNotice()));
    QVERIFY2(job.resumeNotice().contains(notice), qPrintable(job.resumeNotice()));
    const CountResult &r = *job.result();
    QCOMPARE(countOf(r, "zzcomplete"), quint64(5)); // a, complete: never read again
    QCOMPARE(countOf(r, "alpha"), quint64(0));
    // b: its merged chunk's counts, or all of it counted again and nothing of the checkpoint.
    QCOMPARE(countOf(r, "zzpartial"), recountB ? quint64(0) : quint64(2));
    QCOMPARE(countOf(r, "bravo"), recountB ? quint64(170) : quint64(0));
    QCOMPARE(countOf(r, "delta"), quint64(400));
    QCOMPARE(countOf(r, "foxtrot"), change == QLatin1String("grow") ? quint64(1) : quint64(0));
    QCOMPARE(countOf(r, "echo"), change == QLatin1String("remove") ? quint64(0) : quint64(10));
    QCOMPARE(countOf(r, "golf"), change == QLatin1String("new") ? quint64(2) : quint64(0));
    quint64 words = 5 + (recountB ? 170 : 2) + 400 + countOf(r, "foxtrot") + countOf(r, "echo")
        + countOf(r, "golf");
    QCOMPARE(r.totals.words, words);
    const qint64 files = change == QLatin1String("remove") ? 2
        : change == QLatin1String("new")                   ? 4
                                                           : 3;
    QCOMPARE(r.totals.filesCounted, files);
    QCOMPARE(reportFor(r.files, b).words,
             (recountB ? quint64(170 + 400) : quint64(2 + 400)) + countOf(r, "foxtrot"));
    const JobProgress p = job.progress();
    QCOMPARE(p.map.done, p.map.total);
    QCOMPARE(p.reduce.done, p.reduce.total);
}

void TestJobCheckpoint::stopAndKeepKeepsCompleteFilesOnly()
{
    QTemporaryDir dir;
    JobSpec spec;
    spec.workers = 1;
    spec.chunkSize = 16 * 1024;
    qint64 bytes = 0;
    for (int i = 0; i < 12; ++i) {
        const QString path
            = dir.filePath(QStringLiteral("f%1.txt").arg(i, 2, 10, QLatin1Char('0')));
        const QByteArray text = QStringLiteral("w%1 shared ").arg(i).toUtf8().repeated(40000);
        QVERIFY(writeFile(path, text));
        spec.paths.append(path);
        bytes += text.size();
    }
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    const auto counted = [&job] {
        int n = 0;
        for (const FileReport &r : job.fileReports())
            n += r.status == FileReport::Counted;
        return n;
    };
    QVERIFY(waitForState(job, CountJob::Counting));
    QVERIFY(spinUntil([&] { return counted() >= 2; }));
    job.setPaused(true); // so that the job cannot finish before it is stopped
    QVERIFY(!job.isFinished());
    job.stopAndKeep();
    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const CountResult &r = *job.result();
    QVERIFY(r.partial);
    QCOMPARE(r.filesPlanned, 12);
    QCOMPARE(r.bytesPlanned, bytes);
    QVERIFY2(r.totals.filesCounted >= 2 && r.totals.filesCounted < 12,
             qPrintable(QString::number(r.totals.filesCounted)));
    // Exactly the complete files, whole: each one's word 40,000 times, no other file's word.
    qint64 countedBytes = 0;
    quint64 complete = 0;
    for (int i = 0; i < 12; ++i) {
        const FileReport report = reportFor(r.files, spec.paths.at(i));
        const QByteArray word = QStringLiteral("w%1").arg(i).toUtf8();
        if (report.status == FileReport::Counted) {
            QCOMPARE(countOf(r, word), quint64(40000));
            countedBytes += report.size;
            ++complete;
        } else {
            QCOMPARE(countOf(r, word), quint64(0));
        }
    }
    QCOMPARE(qint64(complete), r.totals.filesCounted);
    QCOMPARE(r.totals.bytes, countedBytes);
    QCOMPARE(countOf(r, "shared"), 40000 * complete);
    QCOMPARE(r.totals.words, 2 * 40000 * complete);
    QCOMPARE(r.size(), qsizetype(complete + 1));
}

void TestJobCheckpoint::keepForLaterWritesACheckpoint()
{
    QTemporaryDir dir;
    JobSpec spec;
    spec.workers = 1;
    spec.chunkSize = 16 * 1024;
    spec.paths = writeNumberedFiles(dir, 8, 'k', 40000);
    QCOMPARE(spec.paths.size(), 8);
    spec.checkpointPath = dir.filePath(QStringLiteral("job.ckpt"));
    spec.checkpointIntervalMs = 3600 * 1000; // only the one written when kept
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    // The count starts on the event loop; then the workers need none, and polling catches
    // them within microseconds.
    QVERIFY(waitForState(job, CountJob::Counting));
    QVERIFY(spinUntil([&] { return job.progress().reduce.done >= 20; }));
    job.setPaused(true);
    QVERIFY(!job.isFinished());
    job.keepForLater();
    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(job.state(), CountJob::Cancelled);
    QVERIFY(job.isKeptForLater());
    QVERIFY(job.checkpointError().isEmpty());
    JobCheckpoint::Error error = JobCheckpoint::NoError;
    QString text;
    const std::shared_ptr<JobCheckpoint> cp
        = JobCheckpoint::read(spec.checkpointPath, &error, &text);
    QVERIFY2(cp, qPrintable(text));
    QVERIFY(cp->isOf(spec));
    QCOMPARE(cp->files.size(), 8);
    qsizetype merged = 0;
    for (const JobCheckpoint::File &f : cp->files)
        merged += f.state == JobCheckpoint::File::Complete ? 25 : qsizetype(f.chunksMerged.size());
    QVERIFY2(merged >= 20, qPrintable(QString::number(merged))); // 25 chunks a file

    JobSpec again = spec;
    again.resumeFrom = cp;
    CountJob resumed(again);
    QVERIFY(runToEnd(resumed));
    QVERIFY(resumed.isResumed());
    QVERIFY(resumed.result());
    QCOMPARE(countsOf(*resumed.result()), freshCounts(spec));
    QCOMPARE(resumed.result()->totals.filesCounted, 8);
    QVERIFY2(!QFileInfo::exists(spec.checkpointPath), "a job that is done removes its checkpoint");
}

void TestJobCheckpoint::keepForLaterWhileSortingKeepsEverythingMerged()
{
    QTemporaryDir dir;
    JobSpec spec;
    spec.workers = 2;
    spec.chunkSize = 16 * 1024;
    spec.paths = writeNumberedFiles(dir, 4, 's', 20000);
    QCOMPARE(spec.paths.size(), 4);
    spec.checkpointPath = dir.filePath(QStringLiteral("job.ckpt"));
    spec.checkpointIntervalMs = 3600 * 1000; // no periodic one: only the one written when kept
    CountJob job(spec);
    // Kept the moment the sort begins: the merge is over, the sort not.
    connect(&job, &CountJob::stateChanged, this, [&job](CountJob::State state) {
        if (state == CountJob::Sorting)
            job.keepForLater();
    });
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Cancelled);
    QVERIFY(job.isKeptForLater());
    QVERIFY(!job.result());
    JobCheckpoint::Error error = JobCheckpoint::NoError;
    QString text;
    const std::shared_ptr<JobCheckpoint> cp
        = JobCheckpoint::read(spec.checkpointPath, &error, &text);
    QVERIFY2(cp, qPrintable(text));
    QCOMPARE(cp->files.size(), 4);
    for (const JobCheckpoint::File &f : cp->files)
        QCOMPARE(f.state, JobCheckpoint::File::Complete);
    QCOMPARE(cp->words, quint64(4 * 2 * 20000));
    QCOMPARE(cp->total->size(), 5);

    // Resumed, nothing is counted or merged again: only the sort runs.
    JobSpec again = spec;
    again.resumeFrom = cp;
    CountJob resumed(again);
    QVERIFY(runToEnd(resumed));
    QVERIFY(resumed.isResumed());
    QVERIFY(resumed.result());
    QCOMPARE(resumed.progress().reduce.total, 0);
    QCOMPARE(countsOf(*resumed.result()), freshCounts(spec));
    QVERIFY(!QFileInfo::exists(spec.checkpointPath));
}

void TestJobCheckpoint::cancelAndDoneRemoveTheCheckpoint()
{
    QTemporaryDir dir;
    JobSpec spec;
    spec.sampleBytes = 64 * MiB;
    spec.workers = 1;
    spec.checkpointPath = dir.filePath(QStringLiteral("job.ckpt"));
    spec.checkpointIntervalMs = 1;
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    // The count starts on the event loop; then the workers need none, and polling catches
    // them within microseconds.
    QVERIFY(waitForState(job, CountJob::Counting));
    QVERIFY(spinUntil([&] { return QFileInfo::exists(spec.checkpointPath); }));
    QVERIFY(!job.isFinished());
    job.cancel();
    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(job.state(), CountJob::Cancelled);
    QVERIFY(!QFileInfo::exists(spec.checkpointPath));

    spec.sampleBytes = 4 * MiB;
    CountJob done(spec);
    QVERIFY(runToEnd(done));
    QCOMPARE(done.state(), CountJob::Done);
    QVERIFY(!QFileInfo::exists(spec.checkpointPath));
    QVERIFY(!QFileInfo::exists(spec.checkpointPath + QStringLiteral(".tmp")));
}

QTEST_GUILESS_MAIN(TestJobCheckpoint)
#include "tst_jobcheckpoint.moc"
