// SPDX-License-Identifier: GPL-3.0-or-later
// The results explorer's table driven through its widgets on the offscreen platform: the model
// under QAbstractItemModelTester while it sorts and filters, busy until applied, the summary,
// typing in the filter with the charts following it, the regular-expression switch, and header
// clicks.

#include "tests/ui/explorer/explorertesthelpers.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>

#include <algorithm>

using namespace ExplorerTest;

namespace {

QStringList byRank()
{
    return {QStringLiteral("the"),   QStringLiteral("de"),
            QStringLiteral("and"),   Arbol,
            QStringLiteral("cat"),   QStringLiteral("theme"),
            QStringLiteral("zebra"), QStringLiteral("apple"),
            QStringLiteral("dog"),   Nu};
}

QString zipfLabel(const ZipfChart *chart)
{
    const auto *label = chart->findChild<QLabel *>(QStringLiteral("exponentLabel"));
    return label ? label->text() : QString();
}

// The Zipf plot's points, (rank, count), as drawn.
QList<QPointF> zipfPoints(const ZipfChart *chart)
{
    for (QAbstractSeries *s : chart->chart()->series()) {
        if (auto *scatter = qobject_cast<QScatterSeries *>(s))
            return scatter->points();
    }
    return {};
}

// The Rank column of the rows shown.
QList<quint64> shownRanks(const QAbstractItemModel *model)
{
    QList<quint64> ranks;
    for (int row = 0; row < model->rowCount(); ++row)
        ranks.append(model->index(row, ResultsModel::RankColumn).data(Qt::EditRole).toULongLong());
    return ranks;
}

// Clicks the middle of \a section of \a view's horizontal header.
void clickHeader(QTableView *view, int section)
{
    QHeaderView *header = view->horizontalHeader();
    const QPoint pos(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                     header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, pos);
}

} // namespace

class TestUiExplorerFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initExplorerTestCase(); }

    void modelTesterWhileSortingAndFiltering();
    void busyUntilApplied();
    void summary();
    void typingNarrowsRowsAndChartsFollow();
    void regexSwitch();
    void headerClickSorts();
};

void TestUiExplorerFilter::modelTesterWhileSortingAndFiltering()
{
    ResultsExplorer explorer;
    explorer.resize(900, 600);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    ResultsModel *model = explorer.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->columnCount(), int(ResultsModel::ColumnCount));
    QVERIFY(!explorer.filterEdit()->isEnabled());

    explorer.setResult(fixture(), QString());
    // The table shows at once, in output order; the index and the query follow.
    QCOMPARE(shownWords(model), byRank());
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QVERIFY(explorer.filterEdit()->isEnabled());
    QCOMPARE(shownWords(model), byRank());

    QHeaderView *header = explorer.view()->horizontalHeader();
    for (int column = 0; column < ResultsModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
            header->setSortIndicator(column, order);
            QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
            QCOMPARE(model->rowCount(), 10);
        }
    }
    header->setSortIndicator(ResultsModel::WordColumn, Qt::AscendingOrder);
    explorer.filterEdit()->setText(QStringLiteral("e"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model),
             (QStringList {QStringLiteral("apple"), QStringLiteral("de"), QStringLiteral("the"),
                           QStringLiteral("theme"), QStringLiteral("zebra")}));
    explorer.minCountSpin()->setValue(2);
    explorer.stopWordsCheck()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), (QStringList {QStringLiteral("theme"), QStringLiteral("zebra")}));
    explorer.filterEdit()->setText(QStringLiteral("nothing like it"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QCOMPARE(model->rowCount(), 0);

    // Another result while a filter is set: it applies to the new result too.
    explorer.filterEdit()->setText(QStringLiteral("a"));
    explorer.setResult(makeResult({{"banana", 4}, {"kiwi", 3}, {"papaya", 2}}), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), (QStringList {QStringLiteral("banana"), QStringLiteral("papaya")}));
    explorer.setResult(nullptr, QString());
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!explorer.isBusy());
    QVERIFY(!explorer.filterEdit()->isEnabled());
}

// isBusy() stays true until the view shows what was asked, not only while a worker thread runs.
void TestUiExplorerFilter::busyUntilApplied()
{
    ResultsExplorer explorer;
    explorer.setResult(fixture(), QString());
    QVERIFY(explorer.isBusy());
    // The index is built, but its answer has not reached the GUI thread yet.
    QThreadPool::globalInstance()->waitForDone();
    QVERIFY(explorer.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);

    explorer.filterEdit()->setText(QStringLiteral("the"));
    QThreadPool::globalInstance()->waitForDone();
    QVERIFY(explorer.isBusy());
    QCOMPARE(explorer.model()->rowCount(), 10); // not applied yet
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer.model()),
             (QStringList {QStringLiteral("the"), QStringLiteral("theme")}));

    // An invalid regular expression runs nothing: nothing to wait for.
    explorer.regexCheck()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    explorer.filterEdit()->setText(QStringLiteral("("));
    QVERIFY(!explorer.isBusy());
    // A new result while the expression is still invalid: busy while indexing only.
    explorer.setResult(makeResult({{"x", 1}}), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
}

void TestUiExplorerFilter::summary()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    const auto *summary = explorer->findChild<QLabel *>(QStringLiteral("resultsSummary"));
    QVERIFY(summary);
    QCOMPARE(summary->text(), QStringLiteral("fixture · 25 words · 10 distinct"));

    auto result = std::const_pointer_cast<CountResult>(fixture());
    result->totals.bytes = 3 << 20;
    result->totals.totalMs = 1500;
    result->totals.filesCounted = 2;
    result->totals.filesSkipped = 1;
    explorer->setResult(result, QString());
    const QString text = summary->text();
    QVERIFY2(text.startsWith(QStringLiteral("25 words · 10 distinct · 2 files · ")),
             qPrintable(text));
    QVERIFY2(text.endsWith(QStringLiteral(" · 1 file skipped")), qPrintable(text));
}

void TestUiExplorerFilter::typingNarrowsRowsAndChartsFollow()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    const ResultsModel *model = explorer->model();
    const TopWordsChart *top = explorer->topWordsChart();
    const ZipfChart *zipf = explorer->zipfChart();
    QCOMPARE(explorer->views()->count(), 3);
    QCOMPARE(explorer->views()->tabText(0), QStringLiteral("Table"));
    QCOMPARE(explorer->views()->tabText(1), QStringLiteral("Top words"));
    QCOMPARE(explorer->views()->tabText(2), QStringLiteral("Zipf plot"));

    // Unfiltered: every word in the charts.
    QCOMPARE(model->rowCount(), 10);
    auto charted = chartedWords(top);
    QCOMPARE(charted.size(), 10);
    QCOMPARE(charted.first(), qMakePair(QStringLiteral("the"), quint64(6)));
    QCOMPARE(charted.last(), qMakePair(Nu, quint64(1)));
    QCOMPARE(zipfPointCount(zipf), 10);
    const ZipfFit all = ZipfFit::fit({6, 4, 3, 3, 2, 2, 2, 1, 1, 1});
    QCOMPARE(zipf->fit().points, all.points);
    QCOMPARE(zipf->fit().exponent, all.exponent);

    explorer->views()->setCurrentWidget(explorer->topWordsChart());
    QSignalSpy updated(explorer.get(), &ResultsExplorer::viewUpdated);
    explorer->filterEdit()->setFocus();
    QTest::keyClicks(explorer->filterEdit(), QStringLiteral("TH"));
    QVERIFY(updated.count() > 0 || updated.wait(WorkTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(explorer->filterEdit()->text(), QStringLiteral("TH"));
    QCOMPARE(shownWords(model), (QStringList {QStringLiteral("the"), QStringLiteral("theme")}));
    QCOMPARE(shownCounts(model), (QList<quint64> {6, 2}));
    // The bar chart draws the most frequent word last, on top.
    const QBarSet *set = onlyBarSet(top->chart());
    QVERIFY(set);
    QCOMPARE(set->count(), 2);
    QCOMPARE(set->at(0), 2.0);
    QCOMPARE(set->at(1), 6.0);
    QCOMPARE(chartedWords(top),
             (QList<QPair<QString, quint64>> {{QStringLiteral("the"), 6},
                                              {QStringLiteral("theme"), 2}}));
    QCOMPARE(zipfPointCount(zipf), 2);
    QCOMPARE(zipf->fit().points, 2);
    // At the table's ranks, 1 and 6, not 1 and 2: log(6/2) / log(6) = 0.613
    QCOMPARE(shownRanks(model), (QList<quint64> {1, 6}));
    QCOMPARE(zipfPoints(zipf), (QList<QPointF> {{1, 6}, {6, 2}}));
    QCOMPARE(zipfLabel(zipf), QStringLiteral("Zipf exponent s = 0.61 (fitted over 2 ranks)"));

    updated.clear();
    QTest::keyClicks(explorer->filterEdit(), QStringLiteral("em"));
    QVERIFY(updated.count() > 0 || updated.wait(WorkTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), QStringList {QStringLiteral("theme")});
    QCOMPARE(chartedWords(top), (QList<QPair<QString, quint64>> {{QStringLiteral("theme"), 2}}));
    QCOMPARE(zipfPoints(zipf), (QList<QPointF> {{6, 2}}));
    QVERIFY(!zipf->fit().valid);
    QCOMPARE(zipfLabel(zipf), QStringLiteral("Too few words to fit"));

    // Nothing matches: empty table, both charts show their placeholder.
    QTest::keyClicks(explorer->filterEdit(), QStringLiteral("zzz"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!onlyBarSet(top->chart()));
    QCOMPARE(zipfPointCount(zipf), 0);
    const auto *topPlaceholder = top->findChild<QLabel *>(QStringLiteral("chartPlaceholder"));
    QVERIFY(topPlaceholder && topPlaceholder->isVisible());

    // Non-ASCII, typed in capitals.
    explorer->filterEdit()->clear();
    QTest::keyClicks(explorer->filterEdit(), QString::fromUtf8("ÁR"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), QStringList {Arbol});
    QCOMPARE(chartedWords(top), (QList<QPair<QString, quint64>> {{Arbol, 3}}));

    // Backspace back to nothing: every row again.
    while (!explorer->filterEdit()->text().isEmpty())
        QTest::keyClick(explorer->filterEdit(), Qt::Key_Backspace);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), byRank());
    QCOMPARE(chartedWords(top).size(), 10);
    QCOMPARE(zipfPointCount(zipf), 10);

    // The chart's own word count is the chart's: N words of the filtered rows.
    top->findChild<QSpinBox *>(QStringLiteral("topCountSpin"))->setValue(5);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(chartedWords(top).size(), 5);
    QCOMPARE(chartedWords(top).last(), qMakePair(QStringLiteral("cat"), quint64(2)));
    explorer->filterEdit()->setText(QStringLiteral("e"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(chartedWords(top),
             (QList<QPair<QString, quint64>> {{QStringLiteral("the"), 6},
                                              {QStringLiteral("de"), 4},
                                              {QStringLiteral("theme"), 2},
                                              {QStringLiteral("zebra"), 2},
                                              {QStringLiteral("apple"), 1}}));
    // The charts show the most frequent rows whatever order the table is in.
    explorer->view()->sortByColumn(ResultsModel::CountColumn, Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model).first(), QStringLiteral("apple"));
    QCOMPARE(chartedWords(top).first(), qMakePair(QStringLiteral("the"), quint64(6)));
    QCOMPARE(zipfPointCount(zipf), 5);
}

void TestUiExplorerFilter::regexSwitch()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    const auto *status = explorer->findChild<QLabel *>(QStringLiteral("resultsStatus"));
    QVERIFY(status);
    QCOMPARE(status->text(), QStringLiteral("Showing all 10 words"));

    explorer->filterEdit()->setText(QStringLiteral("^th"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(explorer->model()->rowCount(), 0); // as text: no word holds "^th"
    QTest::mouseClick(explorer->regexCheck(), Qt::LeftButton);
    QVERIFY(explorer->regexCheck()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("the"), QStringLiteral("theme")}));
    QCOMPARE(status->text(), QStringLiteral("Showing 2 of 10 words"));

    // An invalid expression says so and leaves the rows as they were.
    explorer->filterEdit()->setText(QStringLiteral("^th("));
    QVERIFY(!explorer->isBusy());
    QVERIFY2(status->text().startsWith(QStringLiteral("Invalid regular expression: ")),
             qPrintable(status->text()));
    QCOMPARE(explorer->model()->rowCount(), 2);
    explorer->filterEdit()->setText(QStringLiteral("^(th|d)e$"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("the"), QStringLiteral("de")}));
    QCOMPARE(chartedWords(explorer->topWordsChart()).size(), 2);

    // Made invalid while the valid query before it still runs: that query's answer arrives
    // later, and neither replaces the rows nor hides the error.
    explorer->filterEdit()->setText(QStringLiteral("^a"));
    QVERIFY(explorer->isBusy());
    explorer->filterEdit()->setText(QStringLiteral("^a["));
    QVERIFY(!explorer->isBusy());
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QVERIFY2(status->text().startsWith(QStringLiteral("Invalid regular expression: ")),
             qPrintable(status->text()));
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("the"), QStringLiteral("de")}));
}

void TestUiExplorerFilter::headerClickSorts()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    QTableView *view = explorer->view();
    const ResultsModel *model = explorer->model();
    QHeaderView *header = view->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(ResultsModel::RankColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);

    const QStringList byWord
        = {QStringLiteral("and"),   QStringLiteral("apple"), Arbol, QStringLiteral("cat"),
           QStringLiteral("de"),    QStringLiteral("dog"),   Nu,    QStringLiteral("the"),
           QStringLiteral("theme"), QStringLiteral("zebra")};
    clickHeader(view, ResultsModel::WordColumn);
    QCOMPARE(header->sortIndicatorSection(), int(ResultsModel::WordColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), byWord);
    // Ranks stay those of the whole result.
    QCOMPARE(model->index(0, ResultsModel::RankColumn).data().toString(), QStringLiteral("3"));
    QCOMPARE(model->index(9, ResultsModel::RankColumn).data().toString(),
             QStringLiteral("7")); // zebra

    clickHeader(view, ResultsModel::WordColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QStringList reversed = byWord;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(shownWords(model), reversed);

    // Count starts descending (most frequent first); a second click reverses it.
    clickHeader(view, ResultsModel::CountColumn);
    QCOMPARE(header->sortIndicatorSection(), int(ResultsModel::CountColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), byRank());
    QCOMPARE(shownCounts(model), (QList<quint64> {6, 4, 3, 3, 2, 2, 2, 1, 1, 1}));

    clickHeader(view, ResultsModel::CountColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownCounts(model), (QList<quint64> {1, 1, 1, 2, 2, 2, 3, 3, 4, 6}));
    QStringList rankReversed = byRank();
    std::reverse(rankReversed.begin(), rankReversed.end());
    QCOMPARE(shownWords(model), rankReversed);

    clickHeader(view, ResultsModel::CumulativeColumn);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), byRank());
    clickHeader(view, ResultsModel::ShareColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownCounts(model), (QList<quint64> {6, 4, 3, 3, 2, 2, 2, 1, 1, 1}));
    clickHeader(view, ResultsModel::RankColumn);
    clickHeader(view, ResultsModel::RankColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(model->index(0, ResultsModel::RankColumn).data().toString(), QStringLiteral("10"));
    QCOMPARE(model->index(9, ResultsModel::RankColumn).data().toString(), QStringLiteral("1"));

    // A filter keeps the sort.
    explorer->filterEdit()->setText(QStringLiteral("the"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), (QStringList {QStringLiteral("theme"), QStringLiteral("the")}));
}

QTEST_MAIN(TestUiExplorerFilter)

#include "tst_ui_explorer_filter.moc"
