// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/format/progressformat.h"
#include "core/format/translations.h"

#include <QScopeGuard>
#include <QTest>

#include <limits>

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
Q_DECLARE_METATYPE(ProgressFormat::Pace)

class TestProgressFormat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void statusLine_data();
    void statusLine();
    void timeLeft_data();
    void timeLeft();
    void vocabularyGrowth_data();
    void vocabularyGrowth();
    void summaryLine_data();
    void summaryLine();
    void bytes_data();
    void bytes();
    void count_data();
    void count();
    void duration_data();
    void duration();
    void pluralCounts_data();
    void pluralCounts();
    void withCount_data();
    void withCount();
};

void TestProgressFormat::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestProgressFormat::pluralCounts_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<qint64>("files");
    QTest::addColumn<QString>("expected"); // the line's first part

    QTest::newRow("one, en") << "en" << qint64(1) << QStringLiteral("1 file, 4.0 MiB found");
    QTest::newRow("thousands, en")
        << "en" << qint64(10320) << QStringLiteral("10,320 files, 4.0 MiB found");
    QTest::newRow("one, es") << "es" << qint64(1)
                             << QStringLiteral("1 archivo encontrado, 4,0 MiB");
    // Spanish leaves four digits alone and groups five.
    QTest::newRow("four digits, es")
        << "es" << qint64(9999) << QStringLiteral("9999 archivos encontrados, 4,0 MiB");
    QTest::newRow("thousands, es")
        << "es" << qint64(10320) << QStringLiteral("10.320 archivos encontrados, 4,0 MiB");
}

void TestProgressFormat::pluralCounts()
{
    QFETCH(QString, language);
    QFETCH(qint64, files);
    QFETCH(QString, expected);

    Translations::install(language);
    const auto restore = qScopeGuard([] { Translations::install(QStringLiteral("en")); });
    JobProgress scanning;
    scanning.scan = phase(files, 0, 500);
    scanning.bytesPlanned = 4 * MiB;
    scanning.elapsedMs = 1000;
    scanning.workingMs = 1000;
    ProgressFormat::StatusLineOptions card;
    card.withStateName = false;
    const QString line = ProgressFormat::statusLine(CountJob::Scanning, scanning, card);
    QCOMPARE(line.section(QStringLiteral(" · "), 0, 0), expected);
}

void TestProgressFormat::withCount_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("translated");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<QString>("expected");

    QTest::newRow("small") << "en_US"
                           << "12 files" << qint64(12) << "12 files";
    QTest::newRow("grouped") << "en_US"
                             << "10320 files" << qint64(10320) << "10,320 files";
    QTest::newRow("grouped, es") << "es_ES"
                                 << "10320 archivos" << qint64(10320) << "10.320 archivos";
    QTest::newRow("whole numbers only")
        << "en_US"
        << "110320 bytes, 10320 files" << qint64(10320) << "110320 bytes, 10,320 files";
    QTest::newRow("placeholders left alone")
        << "en_US"
        << "Counted %1 words in 1 file" << qint64(1) << "Counted %1 words in 1 file";
    QTest::newRow("the number after a translation's own")
        << "es_ES"
        << "12345 palabras de más de 1000 bytes" << qint64(12345)
        << "12.345 palabras de más de 1000 bytes";
    QTest::newRow("not there") << "en_US"
                               << "no files" << qint64(10320) << "no files";
}

void TestProgressFormat::withCount()
{
    QFETCH(QString, locale);
    QFETCH(QString, translated);
    QFETCH(qint64, n);
    QFETCH(QString, expected);
    QLocale::setDefault(QLocale(locale));
    QCOMPARE(ProgressFormat::withCount(translated, n), expected);
}

void TestProgressFormat::initTestCase()
{
    Translations::install(
        QStringLiteral("en")); // as the program does in English: "2 files", not "2 file(s)"
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
    scanning.workingMs = 1000;
    QTest::newRow("scanning") << int(CountJob::Scanning) << scanning << cli
                              << QStringLiteral("Scanning · 3 files, 4.0 MiB found · 0:01 elapsed");
    scanning.scan.done = 1;
    QTest::newRow("scanning, one file, card")
        << int(CountJob::Scanning) << scanning << card
        << QStringLiteral("1 file, 4.0 MiB found · 0:01 elapsed");

    JobProgress counting = scanning;
    counting.scan = phase(3, 3, 100, true);
    counting.map = phase(75'000'000, 150'000'000, 3000);
    counting.elapsedMs = 3100;
    counting.workingMs = 3100;
    QTest::newRow("counting at the average speed")
        << int(CountJob::Counting) << counting << cli
        << QStringLiteral(
               "Counting · 72 MiB of 143 MiB · 24 MiB/s · about 0:03 left · 0:03 elapsed");

    // Standard input: what is read so far is no total, and no time left follows from it.
    JobProgress stream = counting;
    stream.readingStream = true;
    QTest::newRow("reading a stream: bytes read, speed, no total")
        << int(CountJob::Counting) << stream << cli
        << QStringLiteral("Counting · 72 MiB read · 24 MiB/s · 0:03 elapsed");

    ProgressFormat::StatusLineOptions recent = card;
    recent.bytesPerSecond = 50e6;
    QTest::newRow("counting at a recent speed, card")
        << int(CountJob::Counting) << counting << recent
        << QStringLiteral("72 MiB of 143 MiB · 48 MiB/s · about 0:02 left · 0:03 elapsed");

    ProgressFormat::StatusLineOptions paused = recent;
    paused.paused = true;
    paused.stalled = true; // a paused job is not stalled: the user stopped it
    QTest::newRow("paused: no speed, no time left")
        << int(CountJob::Counting) << counting << paused
        << QStringLiteral("72 MiB of 143 MiB · paused · 0:03 elapsed");

    ProgressFormat::StatusLineOptions stalled = recent;
    stalled.stalled = true;
    QTest::newRow("stalled") << int(CountJob::Counting) << counting << stalled
                             << QStringLiteral("72 MiB of 143 MiB · 48 MiB/s · about 0:02 left · "
                                               "0:03 elapsed · stalled");

    // Bug 8: time spent paused is not working time. Speed and time left come from the map
    // phase's working time; both times show when they differ as the line writes them.
    JobProgress pausedBefore = counting;
    pausedBefore.elapsedMs = 16'100; // paused 13 s
    QTest::newRow("paused 13 s before: working and wall time apart")
        << int(CountJob::Counting) << pausedBefore << cli
        << QStringLiteral("Counting · 72 MiB of 143 MiB · 24 MiB/s · about 0:03 left · "
                          "0:03 working · 0:16 in all");
    QTest::newRow("paused now, card")
        << int(CountJob::Counting) << pausedBefore << paused
        << QStringLiteral("72 MiB of 143 MiB · paused · 0:03 working · 0:16 in all");
    JobProgress pausedBriefly = counting;
    pausedBriefly.elapsedMs = 3400; // both read 0:03: one time is enough
    QTest::newRow("paused 0.3 s: one time")
        << int(CountJob::Counting) << pausedBriefly << card
        << QStringLiteral("72 MiB of 143 MiB · 24 MiB/s · about 0:03 left · 0:03 elapsed");

    // Issue 11: the first seconds' rate is far off (2:21 for a 0:46 job). Under 3 s of
    // counting, or under 2 % read, the line says so instead of guessing.
    JobProgress early = counting;
    early.map = phase(50'000'000, 150'000'000, 2000);
    early.elapsedMs = 2100;
    early.workingMs = 2100;
    QTest::newRow("counting under 3 s: estimating")
        << int(CountJob::Counting) << early << cli
        << QStringLiteral("Counting · 48 MiB of 143 MiB · 24 MiB/s · estimating… · 0:02 elapsed");
    QTest::newRow("counting under 3 s at a recent speed, card: estimating")
        << int(CountJob::Counting) << early << recent
        << QStringLiteral("48 MiB of 143 MiB · 48 MiB/s · estimating… · 0:02 elapsed");
    QTest::newRow("paused under 3 s: no estimate to wait for")
        << int(CountJob::Counting) << early << paused
        << QStringLiteral("48 MiB of 143 MiB · paused · 0:02 elapsed");
    JobProgress fewPercent = counting;
    fewPercent.map = phase(100'000'000, 10'000'000'000, 5000); // 1 %
    fewPercent.elapsedMs = 5100;
    fewPercent.workingMs = 5100;
    QTest::newRow("counting under 2 %: estimating")
        << int(CountJob::Counting) << fewPercent << cli
        << QStringLiteral("Counting · 95 MiB of 9.3 GiB · 19 MiB/s · estimating… · 0:05 elapsed");
    JobProgress earlyStream = early;
    earlyStream.readingStream = true;
    JobProgress hugeInput = fewPercent;
    hugeInput.map = phase(1'000'000'000, 1'000'000'000'000, 10'000); // 0.1 % of a terabyte
    hugeInput.elapsedMs = 10'000;
    hugeInput.workingMs = 10'000;
    QTest::newRow("a terabyte after 10 s: an estimate, though under 2 %")
        << int(CountJob::Counting) << hugeInput << cli
        << QStringLiteral(
               "Counting · 954 MiB of 931 GiB · 95 MiB/s · about 2:46:30 left · 0:10 elapsed");
    QTest::newRow("reading a stream: nothing to estimate")
        << int(CountJob::Counting) << earlyStream << cli
        << QStringLiteral("Counting · 48 MiB read · 24 MiB/s · 0:02 elapsed");

    JobProgress merging = counting;
    merging.map = phase(150'000'000, 150'000'000, 6000, true);
    merging.elapsedMs = 6500;
    merging.workingMs = 6500;
    merging.bytesMerged = 100'000'000;
    merging.distinctSoFar = 1'000'000;
    QTest::newRow("merging: nothing is read any more, the merge and sort to come")
        << int(CountJob::Merging) << merging << cli
        << QStringLiteral("Merging · 143 MiB of 143 MiB · about 0:02 left · 0:07 elapsed");

    // Bug 7: the time left while counting covered the reading only ("about 0:00 left", then
    // 12 s of sort); it covers the sort of the words to come too.
    JobProgress manyWords = counting;
    manyWords.distinctSoFar = 40'000'000;
    QTest::newRow("counting, 40 M distinct words so far: the sort to come in the time left")
        << int(CountJob::Counting) << manyWords << cli
        << QStringLiteral(
               "Counting · 72 MiB of 143 MiB · 24 MiB/s · about 0:16 left · 0:03 elapsed");

    // Bug 7: the sort's own pace gives its time left; it used to show none for 12 s.
    JobProgress sorting = merging;
    sorting.finalize = phase(250, 1000, 3000);
    QTest::newRow("sorting: time left from the sort's pace")
        << int(CountJob::Sorting) << sorting << cli
        << QStringLiteral("Sorting · 143 MiB of 143 MiB · sorted 25 % · about 0:09 left · "
                          "0:07 elapsed");
    sorting.finalize = phase(0, 1000, 100);
    QTest::newRow("sorting: nothing sorted yet, no guess")
        << int(CountJob::Sorting) << sorting << cli
        << QStringLiteral("Sorting · 143 MiB of 143 MiB · sorted 0 % · 0:07 elapsed");
}

void TestProgressFormat::statusLine()
{
    QFETCH(int, state);
    QFETCH(JobProgress, progress);
    QFETCH(ProgressFormat::StatusLineOptions, options);
    QFETCH(QString, expected);
    QCOMPARE(ProgressFormat::statusLine(CountJob::State(state), progress, options), expected);
}

void TestProgressFormat::timeLeft_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<JobProgress>("progress");
    QTest::addColumn<ProgressFormat::Pace>("pace");
    QTest::addColumn<qint64>("expectedMs");

    const ProgressFormat::Pace average;
    JobProgress counting;
    counting.scan = phase(1, 1, 100, true);
    counting.map = phase(75'000'000, 150'000'000, 3000); // 25 MB/s
    counting.elapsedMs = counting.workingMs = 3100;
    QTest::newRow("counting, no table merged yet: the reading")
        << int(CountJob::Counting) << counting << average << qint64(3000);

    // Bug 7: what the sort will take, from the distinct words so far grown to the whole input.
    counting.distinctSoFar = 4'000'000;
    ProgressFormat::Pace linear; // every word new: twice the bytes, twice the words
    linear.vocabularyGrowth = 1;
    QTest::newRow("counting: the reading, then 8 M words to sort")
        << int(CountJob::Counting) << counting << linear << qint64(3000 + 1467);
    QTest::newRow("counting, growth unmeasured: Heaps' law's upper end (6.06 M words)")
        << int(CountJob::Counting) << counting << average << qint64(3000 + 1092);
    ProgressFormat::Pace measured; // no new words; a sort measured at 100 ns a step
    measured.vocabularyGrowth = 0;
    measured.sortNsPerStep = 100;
    QTest::newRow("counting, a closed vocabulary, a measured sort pace")
        << int(CountJob::Counting) << counting << measured << qint64(3000 + 8772);
    measured.bytesPerSecond = 50e6;
    QTest::newRow("counting at a recent speed")
        << int(CountJob::Counting) << counting << measured << qint64(1500 + 8772);

    JobProgress early = counting;
    early.map.elapsedMs = 2000;
    QTest::newRow("counting under 3 s: estimating, no time")
        << int(CountJob::Counting) << early << linear << qint64(-1);

    JobProgress merging = counting;
    merging.map = phase(150'000'000, 150'000'000, 6000, true); // 25 MB/s
    merging.bytesMerged = 100'000'000;
    merging.distinctSoFar = 1'000'000;
    QTest::newRow("merging: the bytes left to merge, then the sort")
        << int(CountJob::Merging) << merging << average << qint64(2000 + 159);
    merging.bytesMerged = 150'000'000;
    QTest::newRow("merging done: the sort")
        << int(CountJob::Merging) << merging << average << qint64(159);

    JobProgress sorting = merging;
    sorting.finalize = phase(250, 1000, 3000);
    QTest::newRow("sorting: at its own pace")
        << int(CountJob::Sorting) << sorting << measured << qint64(9000);
}

void TestProgressFormat::timeLeft()
{
    QFETCH(int, state);
    QFETCH(JobProgress, progress);
    QFETCH(ProgressFormat::Pace, pace);
    QFETCH(qint64, expectedMs);
    const qint64 left = ProgressFormat::timeLeftMs(CountJob::State(state), progress, pace);
    QVERIFY2(qAbs(left - expectedMs) <= 1,
             qPrintable(QStringLiteral("%1 ms left, expected %2").arg(left).arg(expectedMs)));
}

void TestProgressFormat::vocabularyGrowth_data()
{
    QTest::addColumn<qint64>("bytes1");
    QTest::addColumn<qint64>("distinct1");
    QTest::addColumn<qint64>("bytes2");
    QTest::addColumn<qint64>("distinct2");
    QTest::addColumn<double>("expected");
    QTest::newRow("square root") << qint64(1'000'000) << qint64(1000) << qint64(4'000'000)
                                 << qint64(2000) << 0.5;
    QTest::newRow("every word new")
        << qint64(1'000'000) << qint64(1000) << qint64(8'000'000) << qint64(8000) << 1.0;
    QTest::newRow("no new word") << qint64(1'000'000) << qint64(1000) << qint64(8'000'000)
                                 << qint64(1000) << 0.0;
    QTest::newRow("fewer (a failed file left out): none new")
        << qint64(1'000'000) << qint64(1000) << qint64(8'000'000) << qint64(900) << 0.0;
    QTest::newRow("too close to tell")
        << qint64(1'000'000) << qint64(1000) << qint64(1'900'000) << qint64(1300) << -1.0;
    QTest::newRow("nothing yet") << qint64(0) << qint64(0) << qint64(1'000'000) << qint64(1000)
                                 << -1.0;
}

void TestProgressFormat::vocabularyGrowth()
{
    QFETCH(qint64, bytes1);
    QFETCH(qint64, distinct1);
    QFETCH(qint64, bytes2);
    QFETCH(qint64, distinct2);
    QFETCH(double, expected);
    QCOMPARE(ProgressFormat::vocabularyGrowth(bytes1, distinct1, bytes2, distinct2), expected);
}

void TestProgressFormat::summaryLine_data()
{
    QTest::addColumn<qint64>("workingMs");
    QTest::addColumn<qint64>("wallMs");
    QTest::addColumn<QString>("expected");
    const QString counted = QStringLiteral(
        "Counted 1,234 words (56 distinct) in 3 files, 4.0 MiB in 0:21 (195 KiB/s)");
    QTest::newRow("never paused") << qint64(21'000) << qint64(21'100) << counted;
    QTest::newRow("no wall time kept") << qint64(21'000) << qint64(0) << counted;
    QTest::newRow("the last ms round to the next second")
        << qint64(21'499) << qint64(21'501)
        << QStringLiteral(
               "Counted 1,234 words (56 distinct) in 3 files, 4.0 MiB in 0:21 (191 KiB/s)");
    // Issue 11 (bug 8): a job paused 13 s ended saying its working time alone, where its card
    // had said "0:21 working · 0:34 in all".
    QTest::newRow("paused 13 s") << qint64(21'000) << qint64(34'000)
                                 << counted + QStringLiteral(" · 0:34 in all");
}

void TestProgressFormat::summaryLine()
{
    QFETCH(qint64, workingMs);
    QFETCH(qint64, wallMs);
    QFETCH(QString, expected);
    CountResult result;
    result.totals.words = 1234;
    result.totals.distinctWords = 56;
    result.totals.filesCounted = 3;
    result.totals.bytes = 4 * MiB;
    result.totals.totalMs = workingMs;
    result.totals.wallMs = wallMs;
    QCOMPARE(ProgressFormat::summaryLine(result), expected);
}

void TestProgressFormat::bytes_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<quint64>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << "en_US" << quint64(0) << QStringLiteral("0 B");
    QTest::newRow("below a KiB") << "en_US" << quint64(1023) << QStringLiteral("1,023 B");
    QTest::newRow("below a KiB, es") << "es_ES" << quint64(1023) << QStringLiteral("1023 B");
    QTest::newRow("one KiB") << "en_US" << quint64(1024) << QStringLiteral("1.0 KiB");
    QTest::newRow("one KiB, es") << "es_ES" << quint64(1024) << QStringLiteral("1,0 KiB");
    QTest::newRow("one KiB, de") << "de_DE" << quint64(1024) << QStringLiteral("1,0 KiB");
    QTest::newRow("one KiB, fr") << "fr_FR" << quint64(1024) << QStringLiteral("1,0 KiB");
    QTest::newRow("tens keep no decimal")
        << "en_US" << quint64(143 * MiB) << QStringLiteral("143 MiB");
    QTest::newRow("rounding reaches the next unit")
        << "en_US" << quint64(1024 * 1024 - 20) << QStringLiteral("1.0 MiB");
    QTest::newRow("GiB, es") << "es_ES" << quint64(5) * 1024 * MiB / 2 << QStringLiteral("2,5 GiB");
    QTest::newRow("largest qint64")
        << "en_US" << quint64(std::numeric_limits<qint64>::max()) << QStringLiteral("8.0 EiB");

    // Past what a qint64 holds, up to the largest size there is, 2^64 - 1 bytes: "16 EiB",
    // without a decimal like every size of 10 units or more.
    constexpr quint64 EiB = quint64(1) << 60;
    const struct
    {
        const char *name;
        quint64 bytes;
        const char *en, *es, *de, *fr;
    } large[] = {
        {"8 EiB", quint64(1) << 63, "8.0 EiB", "8,0 EiB", "8,0 EiB", "8,0 EiB"},
        {"9.5 EiB", 9 * EiB + EiB / 2, "9.5 EiB", "9,5 EiB", "9,5 EiB", "9,5 EiB"},
        {"largest", std::numeric_limits<quint64>::max(), "16 EiB", "16 EiB", "16 EiB", "16 EiB"},
    };
    for (const auto &row : large) {
        QTest::addRow("%s, en", row.name) << "en_US" << row.bytes << QString::fromLatin1(row.en);
        QTest::addRow("%s, es", row.name) << "es_ES" << row.bytes << QString::fromLatin1(row.es);
        QTest::addRow("%s, de", row.name) << "de_DE" << row.bytes << QString::fromLatin1(row.de);
        QTest::addRow("%s, fr", row.name) << "fr_FR" << row.bytes << QString::fromLatin1(row.fr);
    }
}

void TestProgressFormat::bytes()
{
    QFETCH(QString, locale);
    QFETCH(quint64, bytes);
    QFETCH(QString, expected);
    QLocale::setDefault(QLocale(locale));
    QCOMPARE(ProgressFormat::bytes(bytes), expected);
    QCOMPARE(ProgressFormat::speed(double(bytes)), expected + QStringLiteral("/s"));
}

void TestProgressFormat::count_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<QString>("expected");
    const QString nbsp = QStringLiteral("\u202f"); // French groups with a narrow no-break space
    const quint64 max63 = quint64(std::numeric_limits<qint64>::max());
    const struct
    {
        quint64 n;
        const char *en, *es, *de;
        QString fr;
    } rows[] = {
        {0, "0", "0", "0", QStringLiteral("0")},
        {999, "999", "999", "999", QStringLiteral("999")},
        {1000, "1,000", "1000", "1.000", QStringLiteral("1") + nbsp + QStringLiteral("000")},
        {9999, "9,999", "9999", "9.999", QStringLiteral("9") + nbsp + QStringLiteral("999")},
        {12345, "12,345", "12.345", "12.345", QStringLiteral("12") + nbsp + QStringLiteral("345")},
        // Qt 6.4 itself writes "1225.101" in Spanish.
        {1225101, "1,225,101", "1.225.101", "1.225.101",
         QStringLiteral("1") + nbsp + QStringLiteral("225") + nbsp + QStringLiteral("101")},
        {max63, "9,223,372,036,854,775,807", "9.223.372.036.854.775.807",
         "9.223.372.036.854.775.807", QString()},
    };
    for (const auto &row : rows) {
        const QByteArray n = QByteArray::number(row.n);
        QTest::addRow("en %s", n.constData()) << "en_US" << row.n << QString::fromLatin1(row.en);
        QTest::addRow("es %s", n.constData()) << "es_ES" << row.n << QString::fromLatin1(row.es);
        QTest::addRow("de %s", n.constData()) << "de_DE" << row.n << QString::fromLatin1(row.de);
        if (!row.fr.isEmpty())
            QTest::addRow("fr %s", n.constData()) << "fr_FR" << row.n << row.fr;
    }
}

void TestProgressFormat::count()
{
    QFETCH(QString, locale);
    QFETCH(quint64, n);
    QFETCH(QString, expected);
    QLocale::setDefault(QLocale(locale));
    QCOMPARE(ProgressFormat::count(n), expected);
}

void TestProgressFormat::duration_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0:00");
    QTest::newRow("rounds to the nearest second") << qint64(1500) << QStringLiteral("0:02");
    QTest::newRow("minutes") << qint64(754'000) << QStringLiteral("12:34");
    QTest::newRow("hours") << qint64(3'723'000) << QStringLiteral("1:02:03");
    QTest::newRow("over a day") << qint64(90'061'000) << QStringLiteral("25:01:01");
}

void TestProgressFormat::duration()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(ProgressFormat::duration(ms), expected);
}

QTEST_MAIN(TestProgressFormat)
#include "tst_progressformat.moc"
