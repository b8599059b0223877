// SPDX-License-Identifier: GPL-3.0-or-later
// Switching the language at run time through View > Language: menus, card states, the Files
// tab's reasons and the explorer's headers follow at once, and back; the choice is remembered.
// The results table's headers fit their columns in every language, however it was chosen.
#include "tests/ui/monitor/monitortesthelpers.h"
#include "ui/monitor/jobcard.h"

#include <QAction>
#include <QHeaderView>
#include <QMenuBar>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTabWidget>
#include <QTableView>

using namespace MonitorTest;

class TestUiLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initMonitorTestCase(m_config); }
    void cleanup() { Translations::install(QStringLiteral("en")); }
    void switchToSpanishAndBack();
    void headersFit_data();
    void headersFit();

private:
    QTemporaryDir m_config;
};

namespace {

QString menuTitles(const MainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles << action->text();
    return titles.join(QLatin1Char('|'));
}

void chooseLanguage(MainWindow &window, const char *objectName)
{
    auto *action = window.findChild<QAction *>(QLatin1String(objectName));
    QVERIFY2(action, objectName);
    action->trigger();
}

// The first header of \a view whose text is wider than the room the style leaves it, with the
// widths; empty when all fit. Headers are not elided: a text too wide is cut at both ends.
QString clippedHeader(const QTableView *view)
{
    const QHeaderView *header = view->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        QStyleOptionHeader option;
        option.initFrom(header);
        option.orientation = Qt::Horizontal;
        option.section = column;
        option.text = view->model()->headerData(column, Qt::Horizontal).toString();
        option.rect = QRect(0, 0, header->sectionSize(column), header->height());
        if (header->isSortIndicatorShown() && header->sortIndicatorSection() == column)
            option.sortIndicator = header->sortIndicatorOrder() == Qt::AscendingOrder
                ? QStyleOptionHeader::SortDown
                : QStyleOptionHeader::SortUp;
        const int room
            = header->style()->subElementRect(QStyle::SE_HeaderLabel, &option, header).width();
        const int width = header->fontMetrics().horizontalAdvance(option.text);
        if (width > room)
            return QStringLiteral("\"%1\": %2 px in %3 px").arg(option.text).arg(width).arg(room);
    }
    return {};
}

} // namespace

void TestUiLanguage::switchToSpanishAndBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::unique_ptr<MainWindow> window = makeWindow();
    QVERIFY(window);
    QCOMPARE(menuTitles(*window), QStringLiteral("&File|&Job|&View|&Help"));

    // A job with a missing input, so the Files tab has a reason to show.
    window->addInputs({dir.filePath(QStringLiteral("nope.txt"))});
    CountJob *failed = window->startJob();
    QVERIFY(failed);
    QTRY_VERIFY_WITH_TIMEOUT(failed->isFinished(), WorkTimeoutMs);
    // A job that runs, paused so that its state stays put.
    CountJob *running = window->startSample(BigSample);
    QVERIFY(waitUntilCounting(running));
    running->setPaused(true);
    JobCard *card = nullptr;
    for (JobCard *c : window->findChildren<JobCard *>()) {
        if (c->job() == running)
            card = c;
    }
    QVERIFY(card);
    QTRY_COMPARE(card->stateText(), QStringLiteral("Paused"));
    window->detailTabs()->setCurrentIndex(0);
    QTest::mouseClick(window->findChildren<JobCard *>().first(), Qt::LeftButton);
    QAbstractItemModel *files = window->filesView()->model();
    QTRY_VERIFY(files->rowCount() > 0);
    const auto reason = [files] {
        for (int column = 0; column < files->columnCount(); ++column) {
            const QString text = files->index(0, column).data().toString();
            if (text.contains(QLatin1Char(':')))
                return text;
        }
        return QString();
    };
    QCOMPARE(reason(), QStringLiteral("error: no such file or folder"));
    const auto wordHeader = [&] {
        return window->resultsModel()
            ->headerData(ResultsModel::WordColumn, Qt::Horizontal)
            .toString();
    };
    QCOMPARE(wordHeader(), QStringLiteral("Word"));

    chooseLanguage(*window, "language_es");
    QTRY_COMPARE(menuTitles(*window), QStringLiteral("&Archivo|&Trabajo|&Ver|Ay&uda"));
    QCOMPARE(card->stateText(), QStringLiteral("En pausa"));
    QCOMPARE(reason(), QStringLiteral("error: no existe el archivo o la carpeta"));
    QCOMPARE(wordHeader(), QStringLiteral("Palabra"));
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("es"));
    running->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(card->stateText(), QStringLiteral("Cancelado"), PromptMs);

    chooseLanguage(*window, "language_en");
    QTRY_COMPARE(menuTitles(*window), QStringLiteral("&File|&Job|&View|&Help"));
    QCOMPARE(card->stateText(), QStringLiteral("Cancelled"));
    QCOMPARE(reason(), QStringLiteral("error: no such file or folder"));
    QCOMPARE(wordHeader(), QStringLiteral("Word"));
}

void TestUiLanguage::headersFit_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("fromMenu"); // else installed before the window is made, as at start
    QTest::addColumn<QSize>("size");

    const QSize defaultSize(1100, 720); // the window's size until the user changes it
    QTest::newRow("English") << "en" << false << defaultSize;
    QTest::newRow("Spanish at start") << "es" << false << defaultSize;
    QTest::newRow("Spanish from the menu") << "es" << true << defaultSize;
    QTest::newRow("Spanish, 800x600 screen") << "es" << true << QSize(800, 600);
}

void TestUiLanguage::headersFit()
{
    QFETCH(QString, language);
    QFETCH(bool, fromMenu);
    QFETCH(QSize, size);

    if (!fromMenu)
        Translations::install(language);
    const std::unique_ptr<MainWindow> window = makeWindow();
    QVERIFY(window);
    window->resize(size);
    if (fromMenu)
        chooseLanguage(*window, qPrintable(QStringLiteral("language_") + language));
    window->detailTabs()->setCurrentIndex(1); // the results
    QTableView *view = window->resultsView();
    QTRY_VERIFY(view->isVisible());
    QTRY_COMPARE(view->model()->headerData(ResultsModel::WordColumn, Qt::Horizontal).toString(),
                 language == QLatin1String("es") ? QStringLiteral("Palabra")
                                                 : QStringLiteral("Word"));
    QTRY_COMPARE(clippedHeader(view), QString());
}

QTEST_MAIN(TestUiLanguage)
#include "tst_ui_language.moc"
