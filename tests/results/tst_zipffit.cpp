// SPDX-License-Identifier: GPL-3.0-or-later
// Zipf's law fit and plot sampling: exponents recovered from exact power laws, degenerate inputs,
// and the bounds of the plotted points, up to millions of counts.

#include "core/results/zipffit.h"

#include <QtTest>

#include <cmath>

namespace {

//! Counts of an exact power law count = top * rank^-s, rounded, most frequent first.
std::vector<quint64> powerLaw(double s, size_t ranks, double top = 1e9)
{
    std::vector<quint64> counts(ranks);
    for (size_t i = 0; i < ranks; ++i)
        counts[i] = quint64(std::llround(top * std::pow(double(i + 1), -s)));
    return counts;
}

} // namespace

class TestZipfFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exponent_data();
    void exponent();
    void degenerate_data();
    void degenerate();
    void twoPoints();
    void zeroCountsSkipped();
    void plotPoints_data();
    void plotPoints();
    void plotPointsTwoMillion();
    void givenRanks_data();
    void givenRanks();
    void givenRanksOfEveryWord();
};

void TestZipfFit::exponent_data()
{
    QTest::addColumn<double>("s");
    QTest::addColumn<int>("ranks");

    QTest::newRow("s=0.8, 100k ranks") << 0.8 << 100000;
    QTest::newRow("s=1.0, 100k ranks") << 1.0 << 100000;
    QTest::newRow("s=1.3, 100k ranks") << 1.3 << 100000;
    QTest::newRow("s=1.0, 50 ranks") << 1.0 << 50;
    QTest::newRow("s=1.0, 2M ranks") << 1.0 << 2000000;
}

void TestZipfFit::exponent()
{
    QFETCH(double, s);
    QFETCH(int, ranks);

    const std::vector<quint64> counts = powerLaw(s, size_t(ranks));
    const ZipfFit fit = ZipfFit::fit(counts);
    QVERIFY(fit.valid);
    QVERIFY2(std::abs(fit.exponent - s) < 0.01, qPrintable(QString::number(fit.exponent)));
    QVERIFY2(std::abs(fit.intercept - 9.0) < 0.01, qPrintable(QString::number(fit.intercept)));
    QVERIFY2(std::abs(fit.countAt(1) - 1e9) / 1e9 < 0.03,
             qPrintable(QString::number(fit.countAt(1))));
    // About 20 points a decade, not one per rank.
    const double decades = std::log10(double(ranks));
    QVERIFY2(fit.points >= 2 && fit.points <= int(decades * 20) + 2,
             qPrintable(QString::number(fit.points)));
}

void TestZipfFit::degenerate_data()
{
    QTest::addColumn<std::vector<quint64>>("counts");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("exponent");

    QTest::newRow("empty") << std::vector<quint64> {} << false << 0.0;
    QTest::newRow("single") << std::vector<quint64> {42} << false << 0.0;
    QTest::newRow("single and zeros") << std::vector<quint64> {42, 0, 0} << false << 0.0;
    QTest::newRow("all zero") << std::vector<quint64> {0, 0, 0, 0} << false << 0.0;
    QTest::newRow("constant") << std::vector<quint64>(1000, 7) << true << 0.0;
    QTest::newRow("constant pair") << std::vector<quint64> {3, 3} << true << 0.0;
}

void TestZipfFit::degenerate()
{
    QFETCH(std::vector<quint64>, counts);
    QFETCH(bool, valid);
    QFETCH(double, exponent);

    const ZipfFit fit = ZipfFit::fit(counts);
    QCOMPARE(fit.valid, valid);
    QVERIFY2(std::abs(fit.exponent - exponent) < 1e-9, qPrintable(QString::number(fit.exponent)));
    if (!valid) {
        QCOMPARE(fit.points, 0);
        QCOMPARE(fit.countAt(1), 0.0);
    }
}

void TestZipfFit::twoPoints()
{
    // log10(50 / 100) / log10(2 / 1) = -1.
    const ZipfFit fit = ZipfFit::fit({100, 50});
    QVERIFY(fit.valid);
    QCOMPARE(fit.points, 2);
    QVERIFY(std::abs(fit.exponent - 1.0) < 1e-12);
    QVERIFY(std::abs(fit.intercept - 2.0) < 1e-12);
}

void TestZipfFit::zeroCountsSkipped()
{
    std::vector<quint64> counts = powerLaw(1.0, 1000, 1e6);
    counts.resize(5000, 0);
    const ZipfFit fit = ZipfFit::fit(counts);
    QVERIFY(fit.valid);
    QVERIFY(std::abs(fit.exponent - 1.0) < 0.01);

    const auto points = ZipfFit::plotPoints(counts);
    QCOMPARE(points.back().first, 1000.0); // the last rank with a count
}

void TestZipfFit::plotPoints_data()
{
    QTest::addColumn<int>("ranks");
    QTest::addColumn<int>("maxPoints");
    QTest::addColumn<int>("expected"); // -1: any number up to maxPoints

    QTest::newRow("empty") << 0 << 400 << 0;
    QTest::newRow("one") << 1 << 400 << 1;
    QTest::newRow("two") << 2 << 400 << 2;
    QTest::newRow("fewer than max: all") << 399 << 400 << 399;
    QTest::newRow("exactly max: all") << 400 << 400 << 400;
    QTest::newRow("one over max") << 401 << 400 << -1;
    QTest::newRow("100k") << 100000 << 400 << -1;
    QTest::newRow("small budget") << 100000 << 10 << -1;
    QTest::newRow("budget below two") << 100000 << 1 << 2;
}

void TestZipfFit::plotPoints()
{
    QFETCH(int, ranks);
    QFETCH(int, maxPoints);
    QFETCH(int, expected);

    const std::vector<quint64> counts = powerLaw(1.0, size_t(ranks), 1e7);
    const auto points = ZipfFit::plotPoints(counts, maxPoints);
    if (expected >= 0)
        QCOMPARE(int(points.size()), expected);
    QVERIFY(int(points.size()) <= std::max(maxPoints, 2));
    if (ranks == 0)
        return;
    QCOMPARE(points.front().first, 1.0);
    QCOMPARE(points.back().first, double(ranks));
    for (size_t i = 0; i < points.size(); ++i) {
        const double rank = points[i].first;
        QCOMPARE(points[i].second, double(counts[size_t(rank) - 1]));
        if (i > 0)
            QVERIFY2(rank > points[i - 1].first, qPrintable(QString::number(rank)));
    }
    if (expected < 0 && ranks > maxPoints)
        QVERIFY2(int(points.size()) > maxPoints * 3 / 4,
                 qPrintable(QString::number(points.size())));
}

void TestZipfFit::plotPointsTwoMillion()
{
    const std::vector<quint64> counts = powerLaw(1.0, 2000000);
    QElapsedTimer timer;
    timer.start();
    const auto points = ZipfFit::plotPoints(counts);
    const ZipfFit fit = ZipfFit::fit(counts);
    qInfo("plotPoints + fit over 2,000,000 counts: %lld µs", timer.nsecsElapsed() / 1000);
    QVERIFY(fit.valid);
    QVERIFY(points.size() <= 400);
    QVERIFY(points.size() > 300);
    QCOMPARE(points.front().first, 1.0);
    QCOMPARE(points.back().first, 2000000.0);
    for (size_t i = 1; i < points.size(); ++i)
        QVERIFY(points[i].first > points[i - 1].first);
}

void TestZipfFit::givenRanks_data()
{
    // A filtered list: the counts of the words shown, with their ranks among all the words.
    QTest::addColumn<std::vector<quint64>>("counts");
    QTest::addColumn<std::vector<quint64>>("ranks");
    QTest::addColumn<double>("exponent");

    // log10(6 / 2) / log10(6 / 1) = 0.613; by position (1, 2) it would be 1.585.
    QTest::newRow("rank 1 and 6") << std::vector<quint64> {6, 2} << std::vector<quint64> {1, 6}
                                  << std::log10(3.0) / std::log10(6.0);
    // 1000 / rank at ranks 10, 100, 1000: exactly s = 1; by position it would be 2.1.
    QTest::newRow("not from rank 1")
        << std::vector<quint64> {100, 10, 1} << std::vector<quint64> {10, 100, 1000} << 1.0;
}

void TestZipfFit::givenRanks()
{
    QFETCH(std::vector<quint64>, counts);
    QFETCH(std::vector<quint64>, ranks);
    QFETCH(double, exponent);

    const ZipfFit fit = ZipfFit::fit(counts, ranks);
    QVERIFY(fit.valid);
    QCOMPARE(fit.points, int(counts.size()));
    QVERIFY2(std::abs(fit.exponent - exponent) < 1e-9, qPrintable(QString::number(fit.exponent)));

    const auto points = ZipfFit::plotPoints(counts, ranks);
    QCOMPARE(points.size(), counts.size());
    for (size_t i = 0; i < points.size(); ++i) {
        QCOMPARE(points[i].first, double(ranks[i]));
        QCOMPARE(points[i].second, double(counts[i]));
    }
}

void TestZipfFit::givenRanksOfEveryWord()
{
    // Ranks 1..n given are the same as none given.
    const std::vector<quint64> counts = powerLaw(1.1, 5000, 1e6);
    std::vector<quint64> ranks(counts.size());
    for (size_t i = 0; i < ranks.size(); ++i)
        ranks[i] = i + 1;
    const ZipfFit given = ZipfFit::fit(counts, ranks);
    const ZipfFit implied = ZipfFit::fit(counts);
    QCOMPARE(given.points, implied.points);
    QCOMPARE(given.exponent, implied.exponent);
    QCOMPARE(ZipfFit::plotPoints(counts, ranks), ZipfFit::plotPoints(counts));
}

QTEST_APPLESS_MAIN(TestZipfFit)
#include "tst_zipffit.moc"
