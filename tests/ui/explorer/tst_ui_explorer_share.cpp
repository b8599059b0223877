// SPDX-License-Identifier: GPL-3.0-or-later
// The results explorer's share and cumulative columns whatever the filter and sort, and copying
// the selected rows, driven through its widgets on the offscreen platform.

#include "tests/ui/explorer/explorertesthelpers.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLineEdit>
#include <QTableView>

#include <functional>

using namespace ExplorerTest;

class TestUiExplorerShare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initExplorerTestCase(); }

    void shareAndCumulative_data();
    void shareAndCumulative();
    void copySelectedRows();
};

void TestUiExplorerShare::shareAndCumulative_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<int>("rank");
    QTest::addColumn<quint64>("count");
    QTest::addColumn<quint64>("cumulative");
    QTest::addColumn<QString>("shareText");
    QTest::addColumn<QString>("cumulativeText");

    // Share: count / 25; cumulative: the counts of every word ranked up to this one, / 25.
    QTest::newRow("the") << QStringLiteral("the") << 1 << quint64(6) << quint64(6)
                         << QStringLiteral("24.00 %") << QStringLiteral("24.00 %");
    QTest::newRow("de") << QStringLiteral("de") << 2 << quint64(4) << quint64(10)
                        << QStringLiteral("16.00 %") << QStringLiteral("40.00 %");
    QTest::newRow("and") << QStringLiteral("and") << 3 << quint64(3) << quint64(13)
                         << QStringLiteral("12.00 %") << QStringLiteral("52.00 %");
    QTest::newRow("árbol") << Arbol << 4 << quint64(3) << quint64(16) << QStringLiteral("12.00 %")
                           << QStringLiteral("64.00 %");
    QTest::newRow("cat") << QStringLiteral("cat") << 5 << quint64(2) << quint64(18)
                         << QStringLiteral("8.000 %") << QStringLiteral("72.00 %");
    QTest::newRow("theme") << QStringLiteral("theme") << 6 << quint64(2) << quint64(20)
                           << QStringLiteral("8.000 %") << QStringLiteral("80.00 %");
    QTest::newRow("zebra") << QStringLiteral("zebra") << 7 << quint64(2) << quint64(22)
                           << QStringLiteral("8.000 %") << QStringLiteral("88.00 %");
    QTest::newRow("apple") << QStringLiteral("apple") << 8 << quint64(1) << quint64(23)
                           << QStringLiteral("4.000 %") << QStringLiteral("92.00 %");
    QTest::newRow("dog") << QStringLiteral("dog") << 9 << quint64(1) << quint64(24)
                         << QStringLiteral("4.000 %") << QStringLiteral("96.00 %");
    QTest::newRow("ñu") << Nu << 10 << quint64(1) << quint64(25) << QStringLiteral("4.000 %")
                        << QStringLiteral("100.00 %");
}

void TestUiExplorerShare::shareAndCumulative()
{
    QFETCH(QString, word);
    QFETCH(int, rank);
    QFETCH(quint64, count);
    QFETCH(quint64, cumulative);
    QFETCH(QString, shareText);
    QFETCH(QString, cumulativeText);

    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    const ResultsModel *model = explorer->model();
    // Whatever the filter and sort, a word keeps the rank and cumulative share of the whole.
    const QList<std::function<void()>> views = {
        [] {},
        [&] { explorer->view()->sortByColumn(ResultsModel::WordColumn, Qt::DescendingOrder); },
        [&] { explorer->filterEdit()->setText(word.right(2).toUpper()); },
        [&] { explorer->view()->sortByColumn(ResultsModel::CountColumn, Qt::AscendingOrder); },
    };
    for (const auto &change : views) {
        change();
        QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
        const int row = int(shownWords(model).indexOf(word));
        QVERIFY(row >= 0);
        const auto cell
            = [&](int column, int role) { return model->index(row, column).data(role); };
        QCOMPARE(cell(ResultsModel::RankColumn, Qt::DisplayRole).toString(), QString::number(rank));
        QCOMPARE(cell(ResultsModel::RankColumn, Qt::EditRole).toInt(), rank);
        QCOMPARE(cell(ResultsModel::CountColumn, Qt::EditRole).toULongLong(), count);
        QCOMPARE(cell(ResultsModel::ShareColumn, Qt::EditRole).toDouble(),
                 100.0 * double(count) / 25);
        QCOMPARE(cell(ResultsModel::ShareColumn, Qt::DisplayRole).toString(), shareText);
        QCOMPARE(cell(ResultsModel::CumulativeColumn, Qt::EditRole).toDouble(),
                 100.0 * double(cumulative) / 25);
        QCOMPARE(cell(ResultsModel::CumulativeColumn, Qt::DisplayRole).toString(), cumulativeText);
    }
}

void TestUiExplorerShare::copySelectedRows()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    QTableView *view = explorer->view();
    QCOMPARE(explorer->selectedRowsAsTsv(), QString());

    // Click row 0, Ctrl+click row 3: the rows in view order, as TSV.
    const auto clickRow = [view](int row, Qt::KeyboardModifiers modifiers) {
        const QRect rect = view->visualRect(view->model()->index(row, ResultsModel::WordColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, rect.center());
    };
    clickRow(3, Qt::NoModifier);
    clickRow(0, Qt::ControlModifier);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 2);
    const QString expected = QString::fromUtf8("the\t6\nárbol\t3\n");
    QCOMPARE(explorer->selectedRowsAsTsv(), expected);

    // Ctrl+C puts the same on the clipboard.
    QGuiApplication::clipboard()->clear();
    explorer->activateWindow();
    view->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(explorer.get()));
    QTest::keySequence(view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);

    // After a sort and a filter, the rows shown are the ones copied.
    explorer->view()->sortByColumn(ResultsModel::WordColumn, Qt::AscendingOrder);
    explorer->filterEdit()->setText(QStringLiteral("E"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    view->selectAll();
    QCOMPARE(explorer->selectedRowsAsTsv(),
             QStringLiteral("apple\t1\nde\t4\nthe\t6\ntheme\t2\nzebra\t2\n"));
}

QTEST_MAIN(TestUiExplorerShare)

#include "tst_ui_explorer_share.moc"
