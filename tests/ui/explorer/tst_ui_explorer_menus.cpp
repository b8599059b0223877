// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer's context menus on the offscreen platform: the charts' (Save as PNG, Save as SVG,
// Copy) and the table's (Copy Rows, Copy Word, Select All, Export), opened with the mouse, the
// Menu key and Shift+F10.

#include "tests/ui/explorer/explorertesthelpers.h"
#include "ui/explorer/chartcontextmenu.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QImage>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTabWidget>
#include <QTableView>

using namespace ExplorerTest;

namespace {

// The menu's actions' texts, without their & and in order; separators as "-".
QStringList actionTexts(const QMenu *menu)
{
    QStringList texts;
    const auto actions = menu->actions();
    for (const QAction *action : actions)
        texts.append(action->isSeparator() ? QStringLiteral("-")
                                           : QString(action->text()).remove(QLatin1Char('&')));
    return texts;
}

QAction *actionNamed(const QMenu *menu, const QString &text)
{
    const auto actions = menu->actions();
    for (QAction *action : actions) {
        if (QString(action->text()).remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}

// A right click as the window system delivers it: the press, then the context menu event that
// QWidgetWindow makes of it (QTest sends mouse events to the widget, past that step).
void rightClick(QWidget *widget, const QPoint &pos)
{
    QTest::mousePress(widget, Qt::RightButton, {}, pos);
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, widget->mapToGlobal(pos));
    QApplication::sendEvent(widget, &event);
    QTest::mouseRelease(widget, Qt::RightButton, {}, pos);
}

// The explorer with \a tab shown, and the chart view on it that has a menu.
QChartView *shownChartView(ResultsExplorer *explorer, int tab)
{
    explorer->views()->setCurrentIndex(tab);
    QWidget *page = explorer->views()->currentWidget();
    const auto views = page->findChildren<QChartView *>();
    return views.size() == 1 ? views.first() : nullptr;
}

} // namespace

class TestUiExplorerMenus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initExplorerTestCase(); }
    void chartMenuOpens_data();
    void chartMenuOpens();
    void chartSavesAndCopies_data();
    void chartSavesAndCopies();
    void tableMenuOnRightClick();
    void tableMenuFromKeyboard_data();
    void tableMenuFromKeyboard();
};

void TestUiExplorerMenus::chartMenuOpens_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("how");
    for (const int tab : {1, 2}) {
        const char *chart = tab == 1 ? "top words" : "zipf";
        for (const char *how : {"right click", "Menu key", "Shift+F10"})
            QTest::addRow("%s, %s", chart, how) << tab << QString::fromLatin1(how);
    }
}

void TestUiExplorerMenus::chartMenuOpens()
{
    QFETCH(int, tab);
    QFETCH(QString, how);
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    QChartView *view = shownChartView(explorer.get(), tab);
    QVERIFY(view);
    QVERIFY(QTest::qWaitForWindowExposed(view->window()));
    auto *menu = view->findChild<QMenu *>(QStringLiteral("chartMenu"));
    QVERIFY(menu);
    QVERIFY(!menu->isVisible());
    if (how == QLatin1String("right click")) {
        rightClick(view->viewport(), view->viewport()->rect().center());
    } else {
        // Keyboard users reach the chart with Tab (QGraphicsView takes focus so by itself).
        QVERIFY(view->focusPolicy() & Qt::TabFocus);
        view->setFocus();
        if (how == QLatin1String("Menu key"))
            QTest::keyClick(view, Qt::Key_Menu);
        else
            QTest::keyClick(view, Qt::Key_F10, Qt::ShiftModifier);
    }
    QTRY_VERIFY(menu->isVisible());
    QCOMPARE(actionTexts(menu),
             QStringList({QStringLiteral("Save as PNG…"), QStringLiteral("Save as SVG…"),
                          QStringLiteral("-"), QStringLiteral("Copy")}));
    menu->hide();
}

void TestUiExplorerMenus::chartSavesAndCopies_data()
{
    QTest::addColumn<int>("tab");
    QTest::newRow("top words") << 1;
    QTest::newRow("zipf") << 2;
}

// What the menu's actions do once the file dialog has a name: a PNG of the chart as shown, an
// SVG of it, and the image on the clipboard.
void TestUiExplorerMenus::chartSavesAndCopies()
{
    QFETCH(int, tab);
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    QChartView *view = shownChartView(explorer.get(), tab);
    QVERIFY(view);
    QVERIFY(QTest::qWaitForWindowExposed(view->window()));
    auto *menu = view->findChild<ChartContextMenu *>();
    QVERIFY(menu);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(menu->savePng(png, &error), qPrintable(error));
    const QImage saved(png);
    QVERIFY(!saved.isNull());
    QCOMPARE(saved.size(), view->size() * view->devicePixelRatio());
    // Not a blank image: the chart's bars or points are there in some colour of their own.
    QSet<QRgb> colours;
    for (int y = 0; y < saved.height(); y += 4) {
        for (int x = 0; x < saved.width(); x += 4)
            colours.insert(saved.pixel(x, y));
    }
    QVERIFY2(colours.size() > 3, qPrintable(QString::number(colours.size())));

    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    QVERIFY2(menu->saveSvg(svg, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    // Vector shapes and the words as text, not one embedded bitmap.
    QVERIFY(text.contains("<path") || text.contains("<polyline"));
    if (tab == 1)
        QVERIFY(text.contains(">the<"));
    QTest::ignoreMessage(QtWarningMsg,
                         "QSvgPaintEngine::begin(), could not open output device: "
                         "'No such file or directory'");
    QTest::ignoreMessage(QtWarningMsg, "QPainter::begin(): Returned false");
    QVERIFY(!menu->saveSvg(dir.filePath(QStringLiteral("no/such/folder/chart.svg")), &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!menu->savePng(dir.filePath(QStringLiteral("no/such/folder/chart.png")), &error));
    QVERIFY(!error.isEmpty());

    QGuiApplication::clipboard()->clear();
    QAction *copy = actionNamed(menu->menu(), QStringLiteral("Copy"));
    QVERIFY(copy);
    copy->trigger();
    const QImage copied = QGuiApplication::clipboard()->image();
    QCOMPARE(copied.size(), saved.size());
}

// A right click on a row that is not selected selects it; Copy Word and Copy Rows copy it.
void TestUiExplorerMenus::tableMenuOnRightClick()
{
    const auto explorer = makeExplorer();
    QTableView *view = explorer->view();
    auto *menu = view->findChild<QMenu *>(QStringLiteral("tableMenu"));
    QVERIFY(menu);
    view->selectRow(0);
    // Row 2 is "and" (rank 3) in output order.
    const QRect cell = view->visualRect(explorer->model()->index(2, ResultsModel::WordColumn));
    rightClick(view->viewport(), cell.center());
    QTRY_VERIFY(menu->isVisible());
    QCOMPARE(actionTexts(menu),
             QStringList({QStringLiteral("Copy Rows"), QStringLiteral("Copy Word"),
                          QStringLiteral("-"), QStringLiteral("Select All"), QStringLiteral("-"),
                          QStringLiteral("Export Shown Rows…")}));
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().row(), 2);
    actionNamed(menu, QStringLiteral("Copy Word"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("and"));
    actionNamed(menu, QStringLiteral("Copy Rows"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("and\t3\n"));
    menu->hide();

    // A right click inside a selection of several keeps it: Copy Rows copies them all.
    view->selectAll();
    rightClick(view->viewport(), cell.center());
    QTRY_VERIFY(menu->isVisible());
    QCOMPARE(view->selectionModel()->selectedRows().size(), 10);
    actionNamed(menu, QStringLiteral("Copy Word"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("and"));
    actionNamed(menu, QStringLiteral("Copy Rows"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text().count(QLatin1Char('\n')), 10);
    menu->hide();
}

void TestUiExplorerMenus::tableMenuFromKeyboard_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::newRow("Menu key") << int(Qt::Key_Menu) << int(Qt::NoModifier);
    QTest::newRow("Shift+F10") << int(Qt::Key_F10) << int(Qt::ShiftModifier);
}

// From the keyboard the menu opens on the current row, below it.
void TestUiExplorerMenus::tableMenuFromKeyboard()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    const auto explorer = makeExplorer();
    QTableView *view = explorer->view();
    auto *menu = view->findChild<QMenu *>(QStringLiteral("tableMenu"));
    QVERIFY(menu);
    view->setFocus();
    view->setCurrentIndex(explorer->model()->index(1, ResultsModel::CountColumn));
    QTest::keyClick(view, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QTRY_VERIFY(menu->isVisible());
    const QRect cell = view->visualRect(view->currentIndex());
    // Below the row; moved left, if need be, to fit the screen.
    const QPoint below = view->viewport()->mapToGlobal(cell.bottomLeft());
    QCOMPARE(menu->pos().y(), below.y());
    QVERIFY(menu->pos().x() <= below.x());
    actionNamed(menu, QStringLiteral("Copy Word"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("de"));
    menu->hide();
}

QTEST_MAIN(TestUiExplorerMenus)

#include "tst_ui_explorer_menus.moc"
