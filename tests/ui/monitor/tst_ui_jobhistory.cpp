// SPDX-License-Identifier: GPL-3.0-or-later
// The job history's file (issue 11): records go to JSON and come back the same, the file is
// bounded, and a damaged file or record is refused rather than shown wrong.

#include "ui/monitor/jobhistory.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

Q_DECLARE_METATYPE(JobRecord)

namespace {

JobRecord doneRecord()
{
    JobRecord r;
    r.id = QStringLiteral("6f1c0b5e-0000-4000-8000-000000000001");
    r.when = QDateTime(QDate(2026, 11, 30), QTime(11, 42, 7, 250), Qt::UTC);
    r.spec.paths = {QStringLiteral("/home/ana/libros/quijote.txt"), QStringLiteral("/tmp/b")};
    r.spec.mode = CountingMode::Words;
    r.spec.workers = 2;
    r.spec.chunkSize = JobSpec::DefaultChunkSize;
    r.state = JobRecord::Done;
    r.totals.words = 381'104;
    r.totals.distinctWords = 22'914;
    r.totals.bytes = 2'141'302;
    r.totals.filesCounted = 2;
    r.totals.filesSkipped = 1;
    r.totals.totalMs = 412;
    r.totals.wallMs = 1'300;
    r.resultPath = QString::fromUtf8("/home/ana/resultados/quijote·palabras.tsv");
    return r;
}

QByteArray history(const QByteArray &jobs, int version = 1)
{
    return "{\"version\": " + QByteArray::number(version) + ", \"jobs\": [" + jobs + "]}";
}

// A valid record as JSON, with \a field replaced by \a value ("" leaves it out).
QByteArray job(const QByteArray &field = {}, const QByteArray &value = {})
{
    QList<QPair<QByteArray, QByteArray>> fields = {
        {"id", "\"a\""},       {"when", "\"2026-11-30T10:00:00.000Z\""},
        {"state", "\"done\""}, {"paths", "[\"/tmp/a.txt\"]"},
        {"sampleBytes", "0"},  {"mode", "\"words\""},
        {"workers", "2"},      {"chunkSize", "4194304"},
        {"words", "10"},       {"distinctWords", "4"},
    };
    if (!field.isEmpty() && std::none_of(fields.cbegin(), fields.cend(), [&](const auto &f) {
            return f.first == field;
        }))
        fields.append({field, QByteArray()}); // a field a valid record may leave out
    QByteArrayList parts;
    for (const auto &[key, text] : fields) {
        const QByteArray v = key == field ? value : text;
        if (!v.isEmpty())
            parts << "\"" + key + "\": " + v;
    }
    return "{" + parts.join(", ") + "}";
}

} // namespace

class TestUiJobHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void damagedFile_data();
    void damagedFile();
    void damagedRecord_data();
    void damagedRecord();
    void keepsTheNewestJobs();
    void putReplacesAndRemoveForgets();
    void savesAndLoadsAFile();
};

void TestUiJobHistory::roundTrip_data()
{
    QTest::addColumn<JobRecord>("record");
    QTest::newRow("done, exported, with a problem") << doneRecord();
    JobRecord sample = doneRecord();
    sample.spec.paths.clear();
    sample.spec.sampleBytes = qint64(10) << 30;
    sample.spec.sampleSeed = 7;
    sample.spec.mode = CountingMode::Whitespace;
    sample.resultPath.clear();
    QTest::newRow("sample, whitespace mode, not exported") << sample;
    JobRecord failed = doneRecord();
    failed.state = JobRecord::Failed;
    failed.totals = {};
    failed.errorText = QString::fromUtf8("No se pudo leer «b»: permiso denegado");
    QTest::newRow("failed, with its error") << failed;
    JobRecord cancelled = failed;
    cancelled.state = JobRecord::Cancelled;
    cancelled.errorText.clear();
    QTest::newRow("cancelled") << cancelled;
    JobRecord interrupted = cancelled;
    interrupted.state = JobRecord::Interrupted;
    interrupted.spec.workers = 0; // "as many as the machine has" stays so
    QTest::newRow("interrupted, automatic workers") << interrupted;
    JobRecord huge = doneRecord();
    huge.totals.words = quint64(1) << 50; // beyond 32 bits, within a JSON number's exact range
    huge.totals.bytes = qint64(1) << 45;
    QTest::newRow("counts beyond 32 bits") << huge;
    // Issue 11: result files opened were not kept; a record of their own kind now.
    JobRecord opened = doneRecord();
    opened.kind = JobRecord::OpenedResults;
    opened.spec.paths = {QStringLiteral("/home/ana/quijote.tsv"), QStringLiteral("/tmp/b.json")};
    opened.resultPath.clear();
    QTest::newRow("opened result files") << opened;
}

void TestUiJobHistory::roundTrip()
{
    QFETCH(JobRecord, record);
    QString error;
    const std::optional<QList<JobRecord>> read
        = JobHistory::fromJson(JobHistory::toJson({record}), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->size(), 1);
    QCOMPARE(read->first(), record);
}

void TestUiJobHistory::damagedFile_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("cut short") << history(job()).chopped(5);
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 12);
    QTest::newRow("an array") << QByteArray("[" + job() + "]");
    QTest::newRow("no jobs") << QByteArray("{\"version\": 1}");
    QTest::newRow("jobs not a list") << QByteArray("{\"version\": 1, \"jobs\": {}}");
    QTest::newRow("no version") << QByteArray("{\"jobs\": [" + job() + "]}");
    QTest::newRow("a newer version") << history(job(), 2);
}

void TestUiJobHistory::damagedFile()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!JobHistory::fromJson(json, &error));
    QVERIFY(!error.isEmpty());
}

void TestUiJobHistory::damagedRecord_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("kept");
    QTest::newRow("valid") << QByteArray() << QByteArray() << true;
    QTest::newRow("no id") << QByteArray("id") << QByteArray() << false;
    QTest::newRow("empty id") << QByteArray("id") << QByteArray("\"\"") << false;
    QTest::newRow("unknown state") << QByteArray("state") << QByteArray("\"exploded\"") << false;
    QTest::newRow("no date") << QByteArray("when") << QByteArray() << false;
    QTest::newRow("bad date") << QByteArray("when") << QByteArray("\"yesterday\"") << false;
    QTest::newRow("nothing to count") << QByteArray("paths") << QByteArray("[]") << false;
    QTest::newRow("a path not text") << QByteArray("paths") << QByteArray("[3]") << false;
    QTest::newRow("unknown mode") << QByteArray("mode") << QByteArray("\"letters\"") << false;
    QTest::newRow("negative sample") << QByteArray("sampleBytes") << QByteArray("-5") << false;
    // Figures that make no sense are not worth losing the job for: they read as nothing.
    QTest::newRow("negative count") << QByteArray("words") << QByteArray("-3") << true;
    QTest::newRow("chunk size out of range") << QByteArray("chunkSize") << QByteArray("1") << true;
    QTest::newRow("opened results") << QByteArray("kind") << QByteArray("\"opened\"") << true;
    QTest::newRow("a kind of a newer WordMill")
        << QByteArray("kind") << QByteArray("\"streamed\"") << false;
}

void TestUiJobHistory::damagedRecord()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, value);
    QFETCH(bool, kept);
    // The damaged record between two good ones: they stay whatever becomes of it.
    const QByteArray before = job("id", "\"before\"");
    const QByteArray after = job("id", "\"after\"");
    QString error;
    const auto read
        = JobHistory::fromJson(history(before + ", " + job(field, value) + ", " + after), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->size(), kept ? 3 : 2);
    QCOMPARE(read->first().id, QStringLiteral("before"));
    QCOMPARE(read->last().id, QStringLiteral("after"));
    if (kept) {
        const JobRecord &middle = read->at(1);
        QVERIFY(middle.totals.words <= 10);
        QVERIFY(middle.spec.chunkSize >= JobSpec::MinChunkSize);
    }
}

void TestUiJobHistory::keepsTheNewestJobs()
{
    JobHistory jobs(QString {});
    QList<JobRecord> written;
    for (int i = 0; i < JobHistory::MaxJobs + 7; ++i) {
        JobRecord r = doneRecord();
        r.id = QString::number(i);
        jobs.put(r);
        written << r;
    }
    QCOMPARE(jobs.records().size(), JobHistory::MaxJobs);
    QCOMPARE(jobs.records().first().id, QStringLiteral("7"));
    QCOMPARE(jobs.records().last().id, QString::number(JobHistory::MaxJobs + 6));
    // A file written by hand with more is read bounded too, the newest kept.
    const auto read = JobHistory::fromJson(JobHistory::toJson(written));
    QVERIFY(read);
    QCOMPARE(*read, jobs.records());
}

void TestUiJobHistory::putReplacesAndRemoveForgets()
{
    JobHistory jobs(QString {});
    JobRecord r = doneRecord();
    r.state = JobRecord::Interrupted;
    jobs.put(r);
    r.state = JobRecord::Done;
    jobs.put(r); // the job ended: the same record, not a second one
    QCOMPARE(jobs.records().size(), 1);
    QCOMPARE(jobs.find(r.id)->state, JobRecord::Done);
    QVERIFY(jobs.remove(r.id));
    QVERIFY(!jobs.remove(r.id));
    QVERIFY(jobs.records().isEmpty());
    QVERIFY(!jobs.find(r.id));
}

void TestUiJobHistory::savesAndLoadsAFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("not/yet/there/jobhistory.json"));
    JobHistory jobs(path);
    QVERIFY(jobs.load()); // no file: a first run, not an error
    QVERIFY(jobs.records().isEmpty());
    jobs.put(doneRecord());
    QString error;
    QVERIFY2(jobs.save(&error), qPrintable(error));

    JobHistory again(path);
    QVERIFY(again.load(&error));
    QCOMPARE(again.records(), QList<JobRecord> {doneRecord()});

    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"version\": 1, \"jobs\": [");
    file.close();
    QVERIFY(!again.load(&error));
    QVERIFY(!error.isEmpty());
    QVERIFY(again.records().isEmpty());
}

QTEST_GUILESS_MAIN(TestUiJobHistory)
#include "tst_ui_jobhistory.moc"
