// SPDX-License-Identifier: GPL-3.0-or-later
// The monitor's models under QAbstractItemModelTester with real job data, the 64-bit to
// QProgressBar scaling, and job titles.

#include "core/engine/countjob.h"
#include "core/format/progressformat.h"
#include "core/format/translations.h"
#include "ui/explorer/resultsmodel.h"
#include "ui/monitor/filelistmodel.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/progressscale.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <memory>
#include <numeric>

namespace {

constexpr int WorkTimeoutMs = 120000;
constexpr qint64 GiB = qint64(1) << 30;
constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Runs \a job to its end; false on timeout.
bool runToEnd(CountJob &job)
{
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    return finished.count() > 0 || finished.wait(WorkTimeoutMs);
}

} // namespace

class TestUiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void resultsModel();
    void resultsModelReplacedAndCleared();
    void fileListModel();
    void fileListModelLiveUpdates();

    void scaled_data();
    void scaled();
    void scaledMonotonic_data();
    void scaledMonotonic();
    void paced_data();
    void paced();
    void sortBarMovesEvenly();

    void titleFor_data();
    void titleFor();

private:
    QTemporaryDir m_config;
    QTemporaryDir m_dir;
};

void TestUiModels::initTestCase()
{
    QVERIFY(m_config.isValid());
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QCoreApplication::setOrganizationName(QStringLiteral("WordMillTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_models"));
    Translations::install(
        QStringLiteral("en")); // as the program does in English: "2 files", not "2 file(s)"
}

void TestUiModels::resultsModel()
{
    const QString path = m_dir.filePath(QStringLiteral("results.txt"));
    QVERIFY(writeFile(path, "one two two three three three\nFour four FOUR four\n"));
    JobSpec spec;
    spec.paths = {path};
    spec.workers = 2;
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done);
    const auto result = job.result();
    QVERIFY(result);

    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ResultsModel::ColumnCount));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setResult(result);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.result(), result);
    QCOMPARE(model.rowCount(), 4);

    const QStringList words = {QStringLiteral("four"), QStringLiteral("three"),
                               QStringLiteral("two"), QStringLiteral("one")};
    for (int row = 0; row < model.rowCount(); ++row) {
        const quint64 count = quint64(4 - row);
        QCOMPARE(model.index(row, ResultsModel::RankColumn).data(Qt::EditRole).toInt(), row + 1);
        QCOMPARE(model.index(row, ResultsModel::RankColumn).data().toString(),
                 QString::number(row + 1));
        QCOMPARE(model.index(row, ResultsModel::WordColumn).data().toString(), words.at(row));
        QCOMPARE(model.index(row, ResultsModel::CountColumn).data(Qt::EditRole).toULongLong(),
                 count);
        QCOMPARE(model.index(row, ResultsModel::ShareColumn).data(Qt::EditRole).toDouble(),
                 100.0 * double(count) / 10.0);
        QVERIFY(model.index(row, ResultsModel::ShareColumn)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral(" %")));
        QCOMPARE(model.index(row, ResultsModel::WordColumn).data(Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignLeft | Qt::AlignVCenter));
        QCOMPARE(model.index(row, ResultsModel::CountColumn).data(Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
    }
    QCOMPARE(model.headerData(ResultsModel::RankColumn, Qt::Horizontal).toString(),
             QStringLiteral("Rank"));
    QCOMPARE(model.headerData(ResultsModel::WordColumn, Qt::Horizontal).toString(),
             QStringLiteral("Word"));
    QCOMPARE(model.headerData(ResultsModel::CountColumn, Qt::Horizontal).toString(),
             QStringLiteral("Count"));
    QCOMPARE(model.headerData(ResultsModel::ShareColumn, Qt::Horizontal).toString(),
             QStringLiteral("Share"));
    // A table has no children.
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.columnCount(model.index(0, 0)), 0);
}

void TestUiModels::resultsModelReplacedAndCleared()
{
    // A sample gives a table of many words, as a real job would.
    JobSpec spec;
    spec.sampleBytes = 2 << 20;
    spec.workers = 2;
    spec.chunkSize = 256 << 10;
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done);
    const auto result = job.result();
    QVERIFY(result && result->size() > 100);

    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(result);
    QCOMPARE(model.rowCount(), int(result->size()));
    quint64 previous = std::numeric_limits<quint64>::max();
    quint64 sum = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const quint64 count
            = model.index(row, ResultsModel::CountColumn).data(Qt::EditRole).toULongLong();
        QVERIFY(count <= previous); // sorted by count
        previous = count;
        sum += count;
    }
    QCOMPARE(sum, result->totals.words);

    model.setResult(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
    model.setResult(result);
    QCOMPARE(model.rowCount(), int(result->size()));
}

void TestUiModels::fileListModel()
{
    const QString good = m_dir.filePath(QStringLiteral("good.txt"));
    const QString binary = m_dir.filePath(QStringLiteral("binary.dat"));
    const QString missing = m_dir.filePath(QStringLiteral("missing.txt"));
    QVERIFY(writeFile(good, "alpha beta gamma\n"));
    QVERIFY(writeFile(binary, QByteArray("PK\x03\x04\0\0\0\0", 8)));
    JobSpec spec;
    spec.paths = {good, binary, missing};
    spec.workers = 2;
    CountJob job(spec);

    FileListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(FileListModel::ColumnCount));
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done);
    model.setReports(job.fileReports());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.problemCount(), 2);

    for (int row = 0; row < model.rowCount(); ++row) {
        const FileReport &r = model.reports().at(row);
        const auto text = [&](int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role).toString();
        };
        QVERIFY(!text(FileListModel::NameColumn).isEmpty());
        QVERIFY(!model.index(row, FileListModel::NameColumn).data(Qt::DecorationRole).isNull());
        if (r.path() == good) {
            QCOMPARE(r.status, FileReport::Counted);
            QCOMPARE(text(FileListModel::StateColumn), QStringLiteral("done"));
            QCOMPARE(text(FileListModel::DoneColumn), QStringLiteral("100 %"));
            QCOMPARE(text(FileListModel::WordsColumn), QStringLiteral("3"));
            QCOMPARE(text(FileListModel::EncodingColumn), textEncodingName(TextEncoding::Utf8));
            QCOMPARE(text(FileListModel::NameColumn, Qt::ToolTipRole), good);
        } else {
            QCOMPARE(r.status, FileReport::Skipped);
            QVERIFY(!ProgressFormat::problemText(r).isEmpty());
            QVERIFY(text(FileListModel::StateColumn).endsWith(ProgressFormat::problemText(r)));
            QVERIFY(text(FileListModel::NameColumn, Qt::ToolTipRole)
                        .contains(ProgressFormat::problemText(r)));
            QVERIFY(
                model.index(row, FileListModel::StateColumn).data(Qt::ForegroundRole).isValid());
            QVERIFY(text(FileListModel::WordsColumn).isEmpty());
            if (r.path() == binary) {
                QVERIFY2(
                    text(FileListModel::StateColumn).startsWith(QStringLiteral("skipped: binary")),
                    qPrintable(text(FileListModel::StateColumn)));
                // The scan read its size; it has no text, so no encoding and no share done.
                QCOMPARE(text(FileListModel::SizeColumn), QStringLiteral("8 B"));
                QCOMPARE(text(FileListModel::EncodingColumn), QString());
                QCOMPARE(text(FileListModel::DoneColumn), QString());
            } else {
                QCOMPARE(text(FileListModel::StateColumn),
                         QStringLiteral("error: no such file or folder"));
            }
        }
    }
    for (int column = 0; column < FileListModel::ColumnCount; ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());

    // The same rows again: nothing to tell the view.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setReports(job.fileReports());
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 0);
    // One row's state changed: only that row repaints, nothing is reset.
    QList<FileReport> edited = job.fileReports();
    edited[1].bytesCounted += 1;
    model.setReports(edited);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
    // Other files: a reset.
    model.setReports(edited.mid(0, 1));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    model.setReports({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.problemCount(), 0);
}

void TestUiModels::fileListModelLiveUpdates()
{
    // Snapshots taken while a job runs, as the window takes them, keep the tester content.
    QStringList paths;
    for (int i = 0; i < 6; ++i) {
        const QString path = m_dir.filePath(QStringLiteral("live%1.txt").arg(i));
        QByteArray text;
        for (int line = 0; line < 20000; ++line)
            text += "the quick brown fox jumps over the lazy dog\n";
        QVERIFY(writeFile(path, text));
        paths << path;
    }
    JobSpec spec;
    spec.paths = paths;
    spec.workers = 2;
    spec.chunkSize = JobSpec::MinChunkSize * 64;
    CountJob job(spec);
    FileListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int snapshots = 0;
    connect(&job, &CountJob::progressChanged, &model, [&] {
        model.setReports(job.fileReports());
        ++snapshots;
    });
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done);
    model.setReports(job.fileReports());
    QVERIFY(snapshots > 0);
    QCOMPARE(model.rowCount(), 6);
    for (const FileReport &r : model.reports()) {
        QCOMPARE(r.status, FileReport::Counted);
        QCOMPARE(r.bytesCounted, r.size);
        QCOMPARE(r.words, quint64(9 * 20000));
    }
}

void TestUiModels::scaled_data()
{
    QTest::addColumn<qint64>("done");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<int>("expected");

    const int steps = ProgressScale::Steps;
    QTest::newRow("unknown total") << qint64(5) << qint64(0) << 0;
    QTest::newRow("negative total") << qint64(5) << qint64(-1) << 0;
    QTest::newRow("nothing done") << qint64(0) << qint64(100) << 0;
    QTest::newRow("negative done") << qint64(-7) << qint64(100) << 0;
    QTest::newRow("small, done") << qint64(100) << qint64(100) << steps;
    QTest::newRow("small, half") << qint64(50) << qint64(100) << steps / 2;
    QTest::newRow("past total") << qint64(101) << qint64(100) << steps;
    QTest::newRow("2 GiB exactly, done") << 2 * GiB << 2 * GiB << steps;
    QTest::newRow("past INT_MAX, half")
        << qint64(INT_MAX) + 1 << 2 * (qint64(INT_MAX) + 1) << steps / 2;
    QTest::newRow("3 GiB, one byte short") << 3 * GiB - 1 << 3 * GiB << steps - 1;
    QTest::newRow("3 GiB, one byte in") << qint64(1) << 3 * GiB << 0;
    QTest::newRow("5 GiB, a quarter") << 5 * GiB / 4 << 5 * GiB << steps / 4;
    QTest::newRow("10 GB sample, done")
        << qint64(10'000'000'000) << qint64(10'000'000'000) << steps;
    QTest::newRow("10 GB sample, 1 GB")
        << qint64(1'000'000'000) << qint64(10'000'000'000) << steps / 10;
    QTest::newRow("1 TiB, one byte short") << (GiB << 10) - 1 << (GiB << 10) << steps - 1;
    QTest::newRow("int64 max, done") << Int64Max << Int64Max << steps;
    // In double, (max - 1) / max rounds to exactly 1.0: still not full.
    QTest::newRow("int64 max, one short") << Int64Max - 1 << Int64Max << steps - 1;
    QTest::newRow("int64 max, half") << Int64Max / 2 << Int64Max << steps / 2;
    QTest::newRow("int64 max, one in") << qint64(1) << Int64Max << 0;
    QTest::newRow("int64 max of 1") << Int64Max << qint64(1) << steps;
    QTest::newRow("int64 min done") << std::numeric_limits<qint64>::min() << Int64Max << 0;
}

void TestUiModels::scaled()
{
    QFETCH(qint64, done);
    QFETCH(qint64, total);
    QFETCH(int, expected);
    const int value = ProgressScale::scaled(done, total);
    QCOMPARE(value, expected);
    QVERIFY(value >= 0 && value <= ProgressScale::Steps);
    QCOMPARE(value == ProgressScale::Steps, total > 0 && done >= total);
}

void TestUiModels::scaledMonotonic_data()
{
    QTest::addColumn<qint64>("total");
    QTest::newRow("10 KiB") << qint64(10 << 10);
    QTest::newRow("INT_MAX + 1") << qint64(INT_MAX) + 1;
    QTest::newRow("3 GiB") << 3 * GiB;
    QTest::newRow("10 GB") << qint64(10'000'000'000);
    QTest::newRow("1 TiB + 7") << (GiB << 10) + 7;
    QTest::newRow("int64 max / 3") << Int64Max / 3;
    QTest::newRow("int64 max") << Int64Max;
}

void TestUiModels::scaledMonotonic()
{
    QFETCH(qint64, total);
    // Evenly spread amounts, plus the last ones before the end, in increasing order.
    QList<qint64> amounts;
    constexpr qint64 Points = 100003;
    for (qint64 i = 0; i < Points; ++i)
        amounts << qint64(double(total) / double(Points) * double(i));
    for (qint64 back = 1024; back >= 1; --back)
        amounts << total - back;
    amounts << total;
    std::sort(amounts.begin(), amounts.end());

    int previous = 0;
    for (qint64 done : std::as_const(amounts)) {
        const int value = ProgressScale::scaled(done, total);
        if (value < previous)
            QFAIL(qPrintable(QStringLiteral("went back at %1 of %2: %3 after %4")
                                 .arg(done)
                                 .arg(total)
                                 .arg(value)
                                 .arg(previous)));
        if (done < total && value >= ProgressScale::Steps)
            QFAIL(qPrintable(QStringLiteral("full at %1 of %2").arg(done).arg(total)));
        previous = value;
    }
    QCOMPARE(previous, ProgressScale::Steps);
    static_assert(ProgressScale::scaled(1, 2) == ProgressScale::Steps / 2,
                  "usable at compile time");
}

void TestUiModels::paced_data()
{
    QTest::addColumn<qint64>("done");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("doneAtMs");
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("expected");
    const int steps = ProgressScale::Steps;
    QTest::newRow("nothing done: no pace")
        << qint64(0) << qint64(100) << qint64(0) << qint64(500) << 0 << 0;
    QTest::newRow("just reported")
        << qint64(20) << qint64(100) << qint64(1000) << qint64(1000) << 0 << steps / 5;
    QTest::newRow("half a second on at the same pace")
        << qint64(20) << qint64(100) << qint64(1000) << qint64(1500) << steps / 5 << 3 * steps / 10;
    QTest::newRow("the guess passes the total: short of full")
        << qint64(60) << qint64(100) << qint64(1000) << qint64(9000) << 0 << steps - 1;
    QTest::newRow("never back: a report behind what is shown")
        << qint64(30) << qint64(100) << qint64(3000) << qint64(3000) << steps / 2 << steps / 2;
    QTest::newRow("over: full") << qint64(100) << qint64(100) << qint64(5000) << qint64(5000)
                                << steps - 1 << steps;
    QTest::newRow("not over, shown full: short of it")
        << qint64(99) << qint64(100) << qint64(5000) << qint64(5000) << steps << steps - 1;
}

void TestUiModels::paced()
{
    QFETCH(qint64, done);
    QFETCH(qint64, total);
    QFETCH(qint64, doneAtMs);
    QFETCH(qint64, nowMs);
    QFETCH(int, shown);
    QFETCH(int, expected);
    QCOMPARE(ProgressScale::paced(done, total, doneAtMs, nowMs, shown), expected);
}

// Bug 7: the Sort bar crawled then jumped. The sort of 8 M distinct words reports in steps of
// its merge levels (OutputOrder::sort: 128 block steps, then levels whose last is one step of a
// tenth of the work, 1.2 s). The card redraws it every 100 ms: between two redraws the bar must
// move by about the time that passed, not by a whole step.
void TestUiModels::sortBarMovesEvenly()
{
    constexpr qint64 Entries = 8'000'000, Block = 65'536;
    std::vector<qint64> stepUnits; // the units of each step, in the order the sort takes them
    for (qint64 b = 0; b < Entries; b += Block)
        stepUnits.push_back(3 * std::min(Block, Entries - b));
    for (qint64 width = Block; width < Entries; width *= 2) {
        for (qint64 b = 0; b < Entries; b += 2 * width)
            stepUnits.push_back(std::min(b + 2 * width, Entries) - b);
    }
    const qint64 total = std::accumulate(stepUnits.begin(), stepUnits.end(), qint64(0));
    constexpr double UnitsPerMs = 8'000'000 * 10 / 12'000.0; // the whole sort in 12 s

    // Where each step ends, in ms of the phase.
    std::vector<std::pair<qint64, qint64>> moves; // (ms, done)
    qint64 done = 0;
    for (qint64 units : stepUnits) {
        done += units;
        moves.emplace_back(qint64(double(done) / UnitsPerMs), done);
    }
    int shown = 0;
    int biggest = 0;
    qint64 reportedDone = 0, doneAtMs = 0;
    size_t next = 0;
    for (qint64 now = 100; now <= moves.back().first + 100; now += 100) {
        while (next < moves.size() && moves[next].first <= now) {
            std::tie(doneAtMs, reportedDone) = moves[next];
            ++next;
        }
        const int value = ProgressScale::paced(reportedDone, total, doneAtMs, now, shown);
        QVERIFY2(value >= shown, "went back");
        biggest = std::max(biggest, value - shown);
        shown = value;
    }
    QCOMPARE(shown, ProgressScale::Steps);
    // 100 ms of 12 s is 83 steps of the bar: allow a little more than twice that.
    QVERIFY2(biggest <= 200,
             qPrintable(QStringLiteral("the bar jumped %1 % in 100 ms")
                            .arg(double(biggest) * 100.0 / ProgressScale::Steps)));
}

void TestUiModels::titleFor_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<qint64>("sampleBytes");
    QTest::addColumn<QString>("expected");

    const qint64 sample = qint64(1000) * 1000 * 1000;
    const QString sampleName
        = QStringLiteral("Generated sample (%1)").arg(ProgressFormat::bytes(sample));
    QTest::newRow("nothing") << QStringList() << qint64(0) << QStringLiteral("Nothing to count");
    QTest::newRow("one file") << QStringList {QStringLiteral("/data/books/quijote.txt")}
                              << qint64(0) << QStringLiteral("quijote.txt");
    QTest::newRow("two files") << QStringList {QStringLiteral("/data/a.txt"),
                                               QStringLiteral("/data/b.txt")}
                               << qint64(0) << QStringLiteral("a.txt and 1 more");
    QTest::newRow("four files") << QStringList {QStringLiteral("/x/first.txt"),
                                                QStringLiteral("/x/b.txt"),
                                                QStringLiteral("/x/c.txt"),
                                                QStringLiteral("/x/d.txt")}
                                << qint64(0) << QStringLiteral("first.txt and 3 more");
    QTest::newRow("folder") << QStringList {QStringLiteral("/data/books")} << qint64(0)
                            << QStringLiteral("books");
    QTest::newRow("sample") << QStringList() << sample << sampleName;
    QTest::newRow("sample and a file") << QStringList {QStringLiteral("/data/a.txt")} << sample
                                       << sampleName + QStringLiteral(" and 1 more");
    QTest::newRow("accented name") << QStringList {QString::fromUtf8("/tmp/ni\xC3\xB1o.txt")}
                                   << qint64(0) << QString::fromUtf8("ni\xC3\xB1o.txt");
}

void TestUiModels::titleFor()
{
    QFETCH(QStringList, paths);
    QFETCH(qint64, sampleBytes);
    QFETCH(QString, expected);
    JobSpec spec;
    spec.paths = paths;
    spec.sampleBytes = sampleBytes;
    QCOMPARE(JobCard::titleFor(spec), expected);
}

QTEST_MAIN(TestUiModels)
#include "tst_ui_models.moc"
