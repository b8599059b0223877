// SPDX-License-Identifier: GPL-3.0-or-later
// --progress=json: one JSON object a report, with exact amounts and null for what is unknown.

#include "core/format/progressjson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

PhaseProgress phase(qint64 done, qint64 total, qint64 elapsedMs)
{
    PhaseProgress p;
    p.done = done;
    p.total = total;
    p.elapsedMs = elapsedMs;
    p.started = true;
    return p;
}

QJsonObject parsed(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

} // namespace

class TestProgressJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateKey_data();
    void stateKey();
    void fields_data();
    void fields();
    void totalsOnTheLastLine();
    void amountsAreExactPast2To53();
};

void TestProgressJson::stateKey_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QByteArray>("key");
    QTest::newRow("queued") << int(CountJob::Queued) << QByteArray("queued");
    QTest::newRow("counting") << int(CountJob::Counting) << QByteArray("counting");
    QTest::newRow("sorting") << int(CountJob::Sorting) << QByteArray("sorting");
    QTest::newRow("cancelled") << int(CountJob::Cancelled) << QByteArray("cancelled");
}

void TestProgressJson::stateKey()
{
    QFETCH(int, state);
    QFETCH(QByteArray, key);
    QCOMPARE(ProgressJson::stateKey(CountJob::State(state)), key);
}

void TestProgressJson::fields_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<JobProgress>("progress");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("expected");

    JobProgress scanning;
    scanning.scan = phase(3, 0, 500);
    scanning.elapsedMs = scanning.workingMs = 500;
    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("scanning: files found")
        << int(CountJob::Scanning) << scanning << QStringLiteral("filesFound") << QJsonValue(3);
    QTest::newRow("scanning: no byte total yet")
        << int(CountJob::Scanning) << scanning << QStringLiteral("bytesTotal") << null;
    QTest::newRow("scanning: no time left")
        << int(CountJob::Scanning) << scanning << QStringLiteral("secondsLeft") << null;

    JobProgress counting = scanning;
    counting.map = phase(50'000'000, 150'000'000, 2000);
    counting.reduce = phase(11, 36, 2000);
    QTest::newRow("counting: bytes done") << int(CountJob::Counting) << counting
                                          << QStringLiteral("bytesDone") << QJsonValue(50'000'000);
    QTest::newRow("counting: bytes total")
        << int(CountJob::Counting) << counting << QStringLiteral("bytesTotal")
        << QJsonValue(150'000'000);
    QTest::newRow("counting: rate") << int(CountJob::Counting) << counting
                                    << QStringLiteral("bytesPerSecond") << QJsonValue(25e6);
    // The first 3 s of counting (issue 11): too soon for an estimate, as the text line says.
    QTest::newRow("counting: no time left while estimating")
        << int(CountJob::Counting) << counting << QStringLiteral("secondsLeft") << null;
    JobProgress steady = counting;
    steady.map = phase(75'000'000, 150'000'000, 3000);
    QTest::newRow("counting: time left")
        << int(CountJob::Counting) << steady << QStringLiteral("secondsLeft") << QJsonValue(3.0);
    QTest::newRow("counting: chunks")
        << int(CountJob::Counting) << counting << QStringLiteral("chunksTotal") << QJsonValue(36);
    // The merge in bytes and the vocabulary so far: what the window's Merge bar and its
    // estimate of the sort read (issue 11), for scripts too.
    JobProgress merging = counting;
    merging.bytesMerged = 40'000'000;
    merging.distinctSoFar = 123'456;
    QTest::newRow("merging: bytes merged")
        << int(CountJob::Counting) << merging << QStringLiteral("bytesMerged")
        << QJsonValue(40'000'000);
    QTest::newRow("merging: distinct words so far")
        << int(CountJob::Counting) << merging << QStringLiteral("distinctSoFar")
        << QJsonValue(123'456);

    JobProgress stream = counting;
    stream.readingStream = true;
    QTest::newRow("stream: no total")
        << int(CountJob::Counting) << stream << QStringLiteral("bytesTotal") << null;
    QTest::newRow("stream: no chunk total")
        << int(CountJob::Counting) << stream << QStringLiteral("chunksTotal") << null;
    QTest::newRow("stream: no time left")
        << int(CountJob::Counting) << stream << QStringLiteral("secondsLeft") << null;
    QTest::newRow("stream: said so")
        << int(CountJob::Counting) << stream << QStringLiteral("readingStream") << QJsonValue(true);
    QTest::newRow("stream: bytes read") << int(CountJob::Counting) << stream
                                        << QStringLiteral("bytesDone") << QJsonValue(50'000'000);

    JobProgress sorting = counting;
    sorting.finalize = phase(1000, 4000, 100);
    QTest::newRow("sorting: time left at the sort's pace")
        << int(CountJob::Sorting) << sorting << QStringLiteral("secondsLeft") << QJsonValue(0.3);
    QTest::newRow("sorting: sort total")
        << int(CountJob::Sorting) << sorting << QStringLiteral("sortTotal") << QJsonValue(4000);
    QTest::newRow("state") << int(CountJob::Sorting) << sorting << QStringLiteral("state")
                           << QJsonValue(QStringLiteral("sorting"));
}

void TestProgressJson::fields()
{
    QFETCH(int, state);
    QFETCH(JobProgress, progress);
    QFETCH(QString, field);
    QFETCH(QJsonValue, expected);
    const QByteArray line = ProgressJson::line(CountJob::State(state), progress);
    QVERIFY2(!line.contains('\n'), line.constData());
    const QJsonObject object = parsed(line);
    QVERIFY2(object.contains(field), line.constData());
    QCOMPARE(object.value(field), expected);
}

void TestProgressJson::totalsOnTheLastLine()
{
    JobProgress done;
    CountTotals totals;
    totals.words = 1225101;
    totals.distinctWords = 22849;
    totals.filesCounted = 2;
    const QJsonObject last = parsed(ProgressJson::line(CountJob::Done, done, &totals));
    QCOMPARE(last.value(QStringLiteral("words")), QJsonValue(1225101));
    QCOMPARE(last.value(QStringLiteral("distinctWords")), QJsonValue(22849));
    QCOMPARE(last.value(QStringLiteral("filesCounted")), QJsonValue(2));
    const QJsonObject report = parsed(ProgressJson::line(CountJob::Done, done));
    QVERIFY(!report.isEmpty());
    QVERIFY(!report.contains(QStringLiteral("words")));
}

void TestProgressJson::amountsAreExactPast2To53()
{
    // A double would write 2^53 + 1 as 2^53.
    JobProgress p;
    p.map = phase((qint64(1) << 53) + 1, (qint64(1) << 53) + 3, 1000);
    const QByteArray line = ProgressJson::line(CountJob::Counting, p);
    QVERIFY2(line.contains("\"bytesDone\":9007199254740993"), line.constData());
    QVERIFY2(line.contains("\"bytesTotal\":9007199254740995"), line.constData());
}

QTEST_GUILESS_MAIN(TestProgressJson)
#include "tst_progressjson.moc"
