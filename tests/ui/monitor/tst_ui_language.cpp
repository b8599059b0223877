// SPDX-License-Identifier: GPL-3.0-or-later
// Switching the language at run time through View > Language: menus, card states, the Files
// tab's reasons and the explorer's headers follow at once, and back; the choice is remembered.
#include "tests/ui/monitor/monitortesthelpers.h"
#include "ui/monitor/jobcard.h"

#include <QAction>
#include <QMenuBar>
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

QTEST_MAIN(TestUiLanguage)
#include "tst_ui_language.moc"
