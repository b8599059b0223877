// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer's charts on the offscreen platform: the top words bar chart (order, the spin box,
// the placeholder), the Zipf plot (its label, its axes, millions of counts), and the numbers on
// their axes, written the locale's way and rewritten when the language changes.

#include "core/format/translations.h"
#include "tests/common/charthelpers.h"
#include "ui/explorer/topwordschart.h"
#include "ui/explorer/zipfchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QValueAxis>
#include <QtTest>

#include <cmath>

namespace {

QList<QPair<QString, quint64>> numberedWords(int n)
{
    QList<QPair<QString, quint64>> words;
    for (int i = 0; i < n; ++i)
        words.append({QStringLiteral("word%1").arg(i + 1), quint64(1000 - 10 * i)});
    return words;
}

QBarCategoryAxis *categoryAxis(const QChart *chart)
{
    const auto axes = chart->axes(Qt::Vertical);
    return axes.size() == 1 ? qobject_cast<QBarCategoryAxis *>(axes.first()) : nullptr;
}

std::vector<quint64> powerLaw(double s, size_t ranks, double top)
{
    std::vector<quint64> counts(ranks);
    for (size_t i = 0; i < ranks; ++i)
        counts[i] = quint64(std::llround(top * std::pow(double(i + 1), -s)));
    return counts;
}

} // namespace

class TestUiCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void topWordsDefault();
    void topWordsSpinBox();
    void topWordsFewerThanN();
    void topWordsEmpty();
    void topWordsLongWords();
    void zipfLabel();
    void zipfTooFew_data();
    void zipfTooFew();
    void zipfTwoMillion();
    void topWordsAxisLabels_data();
    void topWordsAxisLabels();
    void topWordsBarValues_data();
    void topWordsBarValues();
    void zipfAxisLabels_data();
    void zipfAxisLabels();
    void axisLabelsFollowLanguage();
};

void TestUiCharts::initTestCase()
{
    QLocale::setDefault(QLocale::c()); // "1.07", whatever the machine's locale
}

void TestUiCharts::cleanup()
{
    QLocale::setDefault(QLocale::c()); // after a test that chose its own
}

void TestUiCharts::topWordsDefault()
{
    TopWordsChart chart;
    chart.resize(600, 500);
    chart.show();
    QCOMPARE(chart.topCount(), 20);
    auto *spin = chart.findChild<QSpinBox *>(QStringLiteral("topCountSpin"));
    QVERIFY(spin);
    QCOMPARE(spin->minimum(), 5);
    QCOMPARE(spin->maximum(), 100);

    const auto words = numberedWords(30);
    chart.setWords(words);
    QBarSet *set = onlyBarSet(chart.chart());
    QVERIFY(set);
    QBarCategoryAxis *axis = categoryAxis(chart.chart());
    QVERIFY(axis);
    QCOMPARE(set->count(), 20);
    QCOMPARE(axis->count(), 20);
    // Category 0 is drawn at the bottom: the most frequent word is the last category, on top.
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(axis->at(19 - i), words[i].first);
        QCOMPARE(set->at(19 - i), qreal(words[i].second));
    }
    auto *countAxis = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(countAxis);
    QVERIFY(countAxis->min() == 0 && countAxis->max() >= 1000);
    QVERIFY(!chart.findChild<QLabel *>(QStringLiteral("chartPlaceholder"))->isVisible());
}

void TestUiCharts::topWordsSpinBox()
{
    TopWordsChart chart;
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const auto words = numberedWords(30);
    chart.setWords(words);
    QSignalSpy spy(&chart, &TopWordsChart::topCountChanged);

    auto *spin = chart.findChild<QSpinBox *>(QStringLiteral("topCountSpin"));
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("5"));
    QTest::keyClick(spin, Qt::Key_Enter);
    QCOMPARE(chart.topCount(), 5);
    QVERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(0).toInt(), 5);

    QBarSet *set = onlyBarSet(chart.chart());
    QVERIFY(set);
    QCOMPARE(set->count(), 5);
    QCOMPARE(categoryAxis(chart.chart())->categories(),
             QStringList({QStringLiteral("word5"), QStringLiteral("word4"), QStringLiteral("word3"),
                          QStringLiteral("word2"), QStringLiteral("word1")}));
    QCOMPARE(set->at(4), 1000.0);

    // Programmatic changes clamp and emit once; setting the same value does not emit.
    spy.clear();
    chart.setTopCount(1000);
    QCOMPARE(chart.topCount(), 100);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(onlyBarSet(chart.chart())->count(), 30);
    chart.setTopCount(100);
    QCOMPARE(spy.size(), 1);
    chart.setTopCount(7);
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.last().at(0).toInt(), 7);
    QCOMPARE(onlyBarSet(chart.chart())->count(), 7);
}

void TestUiCharts::topWordsFewerThanN()
{
    TopWordsChart chart;
    chart.setWords({{QStringLiteral("casa"), 3}, {QStringLiteral("árbol"), 1}});
    QBarSet *set = onlyBarSet(chart.chart());
    QVERIFY(set);
    QCOMPARE(set->count(), 2);
    QCOMPARE(categoryAxis(chart.chart())->categories(),
             QStringList({QStringLiteral("árbol"), QStringLiteral("casa")}));
}

void TestUiCharts::topWordsEmpty()
{
    TopWordsChart chart;
    chart.show();
    chart.setWords(numberedWords(10));
    chart.setWords({});
    auto *placeholder = chart.findChild<QLabel *>(QStringLiteral("chartPlaceholder"));
    QVERIFY(placeholder);
    QVERIFY(placeholder->isVisible());
    QCOMPARE(placeholder->text(), QStringLiteral("No words match the filter"));
    const QBarSet *set = onlyBarSet(chart.chart());
    QVERIFY(!set || set->count() == 0);

    chart.setWords(numberedWords(3));
    QVERIFY(!placeholder->isVisible());
    QCOMPARE(onlyBarSet(chart.chart())->count(), 3);
}

void TestUiCharts::topWordsLongWords()
{
    // Long words are shortened on the axis, yet stay distinct categories: one bar each.
    const QString prefix(40, QLatin1Char('x'));
    TopWordsChart chart;
    chart.setWords({{prefix + QStringLiteral("a"), 9},
                    {prefix + QStringLiteral("b"), 8},
                    {QStringLiteral("corto"), 7}});
    QCOMPARE(onlyBarSet(chart.chart())->count(), 3);
    const QStringList categories = categoryAxis(chart.chart())->categories();
    QCOMPARE(categories.size(), 3);
    QCOMPARE(categories.first(), QStringLiteral("corto"));
    QVERIFY(categories[1] != categories[2]);
    for (const QString &label : categories)
        QVERIFY(label.size() <= 30);
}

void TestUiCharts::zipfLabel()
{
    ZipfChart chart;
    chart.resize(600, 400);
    chart.show();
    // 1000 ranks of count = 10^6 / rank: s = 1 within rounding; ranks 1..1000 span 3 decades,
    // sampled at about 20 a decade (every rank of the first decade).
    chart.setCounts(powerLaw(1.0, 1000, 1e6));
    const ZipfFit fit = chart.fit();
    QVERIFY(fit.valid);
    QVERIFY(std::abs(fit.exponent - 1.0) < 0.005);
    auto *label = chart.findChild<QLabel *>(QStringLiteral("exponentLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(),
             QStringLiteral("Zipf exponent s = 1.00 (fitted over %1 ranks)").arg(fit.points));

    // The points sit on log axes; other axes beside them may draw the numbers and titles.
    QAbstractSeries *anySeries = chart.chart()->series().value(0);
    QVERIFY(anySeries);
    const auto horizontal = chart.chart()->axes(Qt::Horizontal, anySeries);
    const auto vertical = chart.chart()->axes(Qt::Vertical, anySeries);
    QCOMPARE(horizontal.size(), 1);
    QCOMPARE(vertical.size(), 1);
    auto *rankAxis = qobject_cast<QLogValueAxis *>(horizontal.first());
    auto *countAxis = qobject_cast<QLogValueAxis *>(vertical.first());
    QVERIFY(rankAxis && countAxis);
    const auto titles = [&chart](Qt::Orientation orientation) {
        QStringList texts;
        for (const QAbstractAxis *axis : chart.chart()->axes(orientation)) {
            if (!axis->titleText().isEmpty())
                texts << axis->titleText();
        }
        return texts;
    };
    QCOMPARE(titles(Qt::Horizontal), QStringList {QStringLiteral("Rank")});
    QCOMPARE(titles(Qt::Vertical), QStringList {QStringLiteral("Frequency")});
    QVERIFY(rankAxis->min() <= 1 && rankAxis->max() >= 1000);
    QVERIFY(countAxis->min() <= 1000 && countAxis->max() >= 1e6);

    QScatterSeries *points = nullptr;
    QLineSeries *line = nullptr;
    const auto series = chart.chart()->series();
    for (QAbstractSeries *s : series) {
        if (auto *scatter = qobject_cast<QScatterSeries *>(s))
            points = scatter;
        else if (auto *l = qobject_cast<QLineSeries *>(s))
            line = l;
    }
    QVERIFY(points && line);
    QVERIFY(points->count() <= 400 && points->count() > 100);
    QCOMPARE(points->at(0), QPointF(1, 1e6));
    QCOMPARE(points->at(points->count() - 1), QPointF(1000, 1000));
    QVERIFY(line->isVisible());
    QCOMPARE(line->count(), 2);

    // A word that breaks the law pulls the exponent; the label follows.
    chart.setCounts({100, 100, 100, 100});
    QCOMPARE(label->text(), QStringLiteral("Zipf exponent s = 0.00 (fitted over 4 ranks)"));
}

void TestUiCharts::zipfTooFew_data()
{
    QTest::addColumn<std::vector<quint64>>("counts");
    QTest::addColumn<bool>("placeholder");

    QTest::newRow("empty") << std::vector<quint64> {} << true;
    QTest::newRow("one word") << std::vector<quint64> {12} << false;
}

void TestUiCharts::zipfTooFew()
{
    QFETCH(std::vector<quint64>, counts);
    QFETCH(bool, placeholder);

    ZipfChart chart;
    chart.show();
    chart.setCounts(powerLaw(1.0, 100, 1e4));
    chart.setCounts(counts);
    QVERIFY(!chart.fit().valid);
    QCOMPARE(chart.findChild<QLabel *>(QStringLiteral("exponentLabel"))->text(),
             QStringLiteral("Too few words to fit"));
    QCOMPARE(chart.findChild<QLabel *>(QStringLiteral("chartPlaceholder"))->isVisible(),
             placeholder);
    for (QAbstractSeries *s : chart.chart()->series()) {
        if (auto *line = qobject_cast<QLineSeries *>(s); line && !qobject_cast<QScatterSeries *>(s))
            QVERIFY(!line->isVisible() || line->count() == 0);
    }
}

void TestUiCharts::zipfTwoMillion()
{
    ZipfChart chart;
    chart.resize(600, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const std::vector<quint64> counts = powerLaw(1.07, 2000000, 5e7);

    QElapsedTimer timer;
    timer.start();
    chart.setCounts(counts);
    const qint64 setMs = timer.nsecsElapsed() / 1000;
    chart.grab(); // lays out and paints the chart once
    const qint64 paintMs = timer.nsecsElapsed() / 1000 - setMs;
    qInfo("ZipfChart::setCounts(2,000,000 counts): %lld µs; first paint %lld µs", setMs, paintMs);

    QVERIFY(chart.fit().valid);
    QVERIFY(std::abs(chart.fit().exponent - 1.07) < 0.01);
    QVERIFY(chart.findChild<QLabel *>(QStringLiteral("exponentLabel"))
                ->text()
                .startsWith(QStringLiteral("Zipf exponent s = 1.07 ")));
}

void TestUiCharts::topWordsAxisLabels_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<quint64>("top");
    QTest::addColumn<QStringList>("labels");

    // Qt 6.4 writes 1250000 as "1250.000" in Spanish, and QtCharts' "%.0f" as "1250000".
    QTest::newRow("millions, en") << "en_US" << quint64(1'000'000)
                                  << QStringList {"0",       "250,000",   "500,000",
                                                  "750,000", "1,000,000", "1,250,000"};
    QTest::newRow("millions, es") << "es_ES" << quint64(1'000'000)
                                  << QStringList {"0",       "250.000",   "500.000",
                                                  "750.000", "1.000.000", "1.250.000"};
    // Spanish leaves four digits ungrouped.
    QTest::newRow("thousands, en")
        << "en_US" << quint64(8000)
        << QStringList {"0", "2,000", "4,000", "6,000", "8,000", "10,000"};
    QTest::newRow("thousands, es")
        << "es_ES" << quint64(8000) << QStringList {"0", "2000", "4000", "6000", "8000", "10.000"};
}

void TestUiCharts::topWordsAxisLabels()
{
    QFETCH(QString, locale);
    QFETCH(quint64, top);
    QFETCH(QStringList, labels);

    QLocale::setDefault(QLocale(locale));
    TopWordsChart chart;
    chart.resize(1000, 500); // room for five intervals however wide the labels
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setWords({{QStringLiteral("de"), top},
                    {QStringLiteral("la"), top / 2},
                    {QStringLiteral("que"), top / 4}});
    QTRY_COMPARE(axisLabelTexts(chart.chart(), Qt::Horizontal), labels);
}

// Before: QtCharts' own bar labels, "1225101" in every language.
void TestUiCharts::topWordsBarValues_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("values"); // the bars' labels, top bar first
    QTest::newRow("en") << "en_US" << QStringList {"1,225,101", "20,231", "999"};
    QTest::newRow("es") << "es_ES" << QStringList {"1.225.101", "20.231", "999"};
}

void TestUiCharts::topWordsBarValues()
{
    QFETCH(QString, locale);
    QFETCH(QStringList, values);

    QLocale::setDefault(QLocale(locale));
    TopWordsChart chart;
    chart.resize(1000, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setWords({{QStringLiteral("de"), 1225101},
                    {QStringLiteral("la"), 20231},
                    {QStringLiteral("que"), 999}});
    const QChart *c = chart.chart();
    // The texts drawn inside the plot area, top to bottom, each past the end of its bar.
    const auto barValues = [c] {
        QList<QPair<qreal, QString>> found;
        const QRectF plot = c->mapRectToScene(c->plotArea());
        const auto items = c->scene()->items();
        for (const QGraphicsItem *item : items) {
            QString text;
            if (const auto *rich = dynamic_cast<const QGraphicsTextItem *>(item))
                text = rich->toPlainText();
            else if (const auto *simple = dynamic_cast<const QGraphicsSimpleTextItem *>(item))
                text = simple->text();
            const QRectF r = item->sceneBoundingRect();
            if (!text.isEmpty() && item->isVisible() && plot.contains(r.center()))
                found.append({r.center().y(), text});
        }
        std::sort(found.begin(), found.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        QStringList texts;
        for (const auto &value : std::as_const(found))
            texts << value.second;
        return texts;
    };
    QTRY_COMPARE(barValues(), values);
}

void TestUiCharts::zipfAxisLabels_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("ranks");
    QTest::addColumn<QStringList>("counts");

    // Ranks 1 to 1,000 of counts 1,000,000 down to 1,000: a label on every power of ten.
    QTest::newRow("en") << "en_US" << QStringList {"1", "10", "100", "1,000"}
                        << QStringList {"1,000", "10,000", "100,000", "1,000,000"};
    QTest::newRow("es") << "es_ES" << QStringList {"1", "10", "100", "1000"}
                        << QStringList {"1000", "10.000", "100.000", "1.000.000"};
}

void TestUiCharts::zipfAxisLabels()
{
    QFETCH(QString, locale);
    QFETCH(QStringList, ranks);
    QFETCH(QStringList, counts);

    QLocale::setDefault(QLocale(locale));
    ZipfChart chart;
    chart.resize(600, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setCounts(powerLaw(1.0, 1000, 1e6));
    QTRY_COMPARE(axisLabelTexts(chart.chart(), Qt::Horizontal), ranks);
    QTRY_COMPARE(axisLabelTexts(chart.chart(), Qt::Vertical), counts);
}

void TestUiCharts::axisLabelsFollowLanguage()
{
    // As the window does: View > Language installs the translations and the locale.
    const auto english = qScopeGuard([] { Translations::install(QStringLiteral("en")); });
    Translations::install(QStringLiteral("en"));
    QLocale::setDefault(QLocale(QStringLiteral("en_US"))); // whatever the machine's locale
    TopWordsChart top;
    top.resize(1000, 500);
    top.show();
    top.setWords({{QStringLiteral("de"), 1'000'000}, {QStringLiteral("la"), 500'000}});
    ZipfChart zipf;
    zipf.resize(600, 400);
    zipf.show();
    zipf.setCounts(powerLaw(1.0, 1000, 1e6));
    QVERIFY(QTest::qWaitForWindowExposed(&top));
    QVERIFY(QTest::qWaitForWindowExposed(&zipf));
    QTRY_COMPARE(axisLabelTexts(top.chart(), Qt::Horizontal).value(4), QStringLiteral("1,000,000"));
    QTRY_COMPARE(axisLabelTexts(zipf.chart(), Qt::Vertical).value(3), QStringLiteral("1,000,000"));

    Translations::install(QStringLiteral("es"));
    QTRY_COMPARE(axisLabelTexts(top.chart(), Qt::Horizontal).value(4), QStringLiteral("1.000.000"));
    QTRY_COMPARE(axisLabelTexts(zipf.chart(), Qt::Vertical).value(3), QStringLiteral("1.000.000"));
    QTRY_COMPARE(axisLabelTexts(zipf.chart(), Qt::Horizontal).value(3), QStringLiteral("1000"));

    Translations::install(QStringLiteral("en"));
    QTRY_COMPARE(axisLabelTexts(top.chart(), Qt::Horizontal).value(4), QStringLiteral("1,000,000"));
    QTRY_COMPARE(axisLabelTexts(zipf.chart(), Qt::Horizontal).value(3), QStringLiteral("1,000"));

    // A change of locale alone, which widgets hear of as QEvent::LocaleChange, relabels too.
    QLocale::setDefault(QLocale(QStringLiteral("es_ES")));
    QEvent localeChange(QEvent::LocaleChange);
    QCoreApplication::sendEvent(&top, &localeChange);
    QCoreApplication::sendEvent(&zipf, &localeChange);
    QTRY_COMPARE(axisLabelTexts(top.chart(), Qt::Horizontal).value(4), QStringLiteral("1.000.000"));
    QTRY_COMPARE(axisLabelTexts(zipf.chart(), Qt::Vertical).value(3), QStringLiteral("1.000.000"));
}

QTEST_MAIN(TestUiCharts)
#include "tst_ui_charts.moc"
