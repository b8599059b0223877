// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/format/englishplurals.h"
#include "core/format/progressformat.h"

#include <QTest>

namespace {

PhaseProgress phase(qint64 done, qint64 total, qint64 elapsedMs, bool finished = false)
{
    PhaseProgress p;
    p.done = done;
    p.total = total;
    p.elapsedMs = elapsedMs;
    p.started = true;
    p.finished = finished;
    return p;
}

constexpr qint64 MiB = qint64(1) << 20;

} // namespace

Q_DECLARE_METATYPE(ProgressFormat::StatusLineOptions)

class TestProgressFormat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void statusLine_data();
    void statusLine();
    void bytes_data();
    void bytes();
    void duration_data();
    void duration();
};

void TestProgressFormat::initTestCase()
{
    EnglishPlurals::install();
}

void TestProgressFormat::statusLine_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<JobProgress>("progress");
    QTest::addColumn<ProgressFormat::StatusLineOptions>("options");
    QTest::addColumn<QString>("expected");

    const ProgressFormat::StatusLineOptions cli;
    ProgressFormat::StatusLineOptions card;
    card.withStateName = false;

    JobProgress queued;
    QTest::newRow("queued") << int(CountJob::Queued) << queued << cli << QStringLiteral("Queued");

    JobProgress scanning;
    scanning.scan = phase(3, 0, 500);
    scanning.bytesPlanned = 4 * MiB;
    scanning.elapsedMs = 1000;
    QTest::newRow("scanning") << int(CountJob::Scanning) << scanning << cli
                              << QStringLiteral("Scanning · 3 files, 4.0 MiB found · 0:01 elapsed");
    scanning.scan.done = 1;
    QTest::newRow("scanning, one file, card")
        << int(CountJob::Scanning) << scanning << card
        << QStringLiteral("1 file, 4.0 MiB found · 0:01 elapsed");

    JobProgress counting = scanning;
    counting.scan = phase(3, 3, 100, true);
    counting.map = phase(50'000'000, 150'000'000, 2000);
    counting.elapsedMs = 2100;
    QTest::newRow("counting at the average speed")
        << int(CountJob::Counting) << counting << cli
        << QStringLiteral(
               "Counting · 48 MiB of 143 MiB · 25 MB/s · about 0:04 left · 0:02 elapsed");

    ProgressFormat::StatusLineOptions recent = card;
    recent.bytesPerSecond = 50e6;
    QTest::newRow("counting at a recent speed, card")
        << int(CountJob::Counting) << counting << recent
        << QStringLiteral("48 MiB of 143 MiB · 50 MB/s · about 0:02 left · 0:02 elapsed");

    ProgressFormat::StatusLineOptions paused = recent;
    paused.paused = true;
    paused.stalled = true; // a paused job is not stalled: the user stopped it
    QTest::newRow("paused: no speed, no time left")
        << int(CountJob::Counting) << counting << paused
        << QStringLiteral("48 MiB of 143 MiB · paused · 0:02 elapsed");

    ProgressFormat::StatusLineOptions stalled = recent;
    stalled.stalled = true;
    QTest::newRow("stalled") << int(CountJob::Counting) << counting << stalled
                             << QStringLiteral("48 MiB of 143 MiB · 50 MB/s · about 0:02 left · "
                                               "0:02 elapsed · stalled");

    JobProgress merging = counting;
    merging.map = phase(150'000'000, 150'000'000, 6000, true);
    merging.elapsedMs = 6500;
    QTest::newRow("merging: nothing is read any more")
        << int(CountJob::Merging) << merging << cli
        << QStringLiteral("Merging · 143 MiB of 143 MiB · 0:07 elapsed");

    JobProgress sorting = merging;
    sorting.finalize = phase(250, 1000, 100);
    QTest::newRow("sorting") << int(CountJob::Sorting) << sorting << cli
                             << QStringLiteral("Sorting · 143 MiB of 143 MiB · sorted 25 % · "
                                               "0:07 elapsed");
}

void TestProgressFormat::statusLine()
{
    QFETCH(int, state);
    QFETCH(JobProgress, progress);
    QFETCH(ProgressFormat::StatusLineOptions, options);
    QFETCH(QString, expected);
    QCOMPARE(ProgressFormat::statusLine(CountJob::State(state), progress, options), expected);
}

void TestProgressFormat::bytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0 B");
    QTest::newRow("below a KiB") << qint64(1023) << QStringLiteral("1023 B");
    QTest::newRow("one KiB") << qint64(1024) << QStringLiteral("1.0 KiB");
    QTest::newRow("tens keep no decimal") << 143 * MiB << QStringLiteral("143 MiB");
    QTest::newRow("GiB") << qint64(5) * 1024 * MiB / 2 << QStringLiteral("2.5 GiB");
}

void TestProgressFormat::bytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(ProgressFormat::bytes(bytes), expected);
}

void TestProgressFormat::duration_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0:00");
    QTest::newRow("rounds to the nearest second") << qint64(1500) << QStringLiteral("0:02");
    QTest::newRow("minutes") << qint64(754'000) << QStringLiteral("12:34");
    QTest::newRow("hours") << qint64(3'723'000) << QStringLiteral("1:02:03");
}

void TestProgressFormat::duration()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(ProgressFormat::duration(ms), expected);
}

QTEST_MAIN(TestProgressFormat)
#include "tst_progressformat.moc"
