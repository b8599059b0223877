// SPDX-License-Identifier: GPL-3.0-or-later
// The Workers tab: a 2-worker job draws two worker lanes whose map bars cover the job's bytes,
// with the verdict above them and the speed chart below; kept after the job, and following the
// selected card.

#include "tests/ui/monitor/monitortesthelpers.h"
#include "ui/monitor/laneswidget.h"
#include "ui/monitor/throughputchart.h"
#include "ui/monitor/workerspage.h"

#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>

using namespace MonitorTest;

class TestUiWorkers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initMonitorTestCase(m_config); }

    void twoWorkersDrawTwoLanes()
    {
        auto window = makeWindow();
        QVERIFY(window);
        window->resize(1000, 700);
        window->options()->setWorkers(2);
        window->options()->setChunkSize(256 << 10);
        CountJob *job = window->startSample(16 << 20);
        QVERIFY(job);
        QSignalSpy finished(job, &CountJob::finished);
        QVERIFY(finished.count() || finished.wait(WorkTimeoutMs));
        QCOMPARE(job->state(), CountJob::Done);

        QTabWidget *tabs = window->detailTabs();
        WorkersPage *page = window->workersPage();
        QCOMPARE(tabs->tabText(tabs->indexOf(page)), QStringLiteral("Wor&kers"));
        tabs->setCurrentWidget(page);
        QTRY_VERIFY(page->isVisible());
        QCOMPARE(page->job(), job);

        LanesWidget *lanes = page->lanes();
        QTRY_VERIFY(lanes->width() > 200);
        const LanesModel &model = lanes->model();
        QCOMPARE(model.workerRows(), 2);
        // The map bars of the worker rows cover the job's bytes, and every row has some.
        qint64 bytes = 0;
        for (const LanesModel::Row &row : model.rows()) {
            if (row.type != LanesModel::WorkerRow)
                continue;
            qint64 rowBytes = 0;
            for (const LanesModel::Bar &bar : row.bars) {
                if (bar.event.kind == JobEvent::Map)
                    rowBytes += bar.event.bytes;
                QVERIFY(bar.x0 >= 0 && bar.x1 <= model.width() + 1);
            }
            QVERIFY(rowBytes > 0);
            bytes += rowBytes;
        }
        QCOMPARE(bytes, job->result()->totals.bytes);
        QCOMPARE(bytes, qint64(16 << 20));

        // Drawn: each worker row has pixels of its bars' colours, beyond its background.
        const QImage image = lanes->grab().toImage();
        const QColor base = lanes->palette().color(QPalette::Base);
        for (int r = 0; r < model.rows().size(); ++r) {
            if (model.rows().at(r).type != LanesModel::WorkerRow)
                continue;
            const QRect rect = lanes->rowRect(r);
            int painted = 0;
            for (int x = rect.left(); x <= rect.right(); ++x) {
                if (image.pixelColor(x, rect.top() + 2) != base)
                    ++painted;
            }
            QVERIFY2(painted > rect.width() / 10, qPrintable(QString::number(painted)));
        }

        // The verdict and its figures, and the speed over the whole job.
        QVERIFY(!page->verdictLabel()->text().isEmpty());
        QVERIFY2(page->figuresLabel()->text().contains(QLatin1String("reading")),
                 qPrintable(page->figuresLabel()->text()));
        QCOMPARE(page->throughput()->bytesSeries()->count(), ThroughputChart::Bins);
        double most = 0;
        for (const QPointF &p : page->throughput()->bytesSeries()->points())
            most = std::max(most, p.y());
        QVERIFY(most > 0);

        // Another job's card shows its own lanes; back on the first, they are still there.
        CountJob *second = window->startSample(1 << 20);
        QVERIFY(second);
        QSignalSpy secondFinished(second, &CountJob::finished);
        QVERIFY(secondFinished.count() || secondFinished.wait(WorkTimeoutMs));
        window->selectCard(window->cardFor(second));
        QCOMPARE(page->job(), second);
        window->selectCard(window->cardFor(job));
        QCOMPARE(page->job(), job);
        QCOMPARE(lanes->model().workerRows(), 2);
    }

    void smallWindowShowsTheWholeLegend()
    {
        // 860 x 600, a small laptop's window (issue 12's closing note): the lanes and their legend
        // are all in view, without a scroll.
        auto window = makeWindow();
        QVERIFY(window);
        window->resize(860, 600);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->options()->setWorkers(2);
        window->options()->setChunkSize(256 << 10);
        CountJob *job = window->startSample(4 << 20);
        QVERIFY(job);
        QSignalSpy finished(job, &CountJob::finished);
        QVERIFY(finished.count() || finished.wait(WorkTimeoutMs));
        window->detailTabs()->setCurrentWidget(window->workersPage());
        WorkersPage *page = window->workersPage();
        QTRY_VERIFY(page->isVisible() && page->lanes()->model().workerRows() == 2);
        auto *scroll = page->findChild<QScrollArea *>();
        QVERIFY(scroll);
        QCoreApplication::processEvents();
        if (!qEnvironmentVariableIsEmpty("WORDMILL_TEST_GRAB"))
            window->grab().save(qEnvironmentVariable("WORDMILL_TEST_GRAB"));
        QTRY_COMPARE(scroll->verticalScrollBar()->maximum(), 0);
        QVERIFY2(scroll->viewport()->height() >= page->lanes()->sizeHint().height(),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(scroll->viewport()->height())
                                .arg(page->lanes()->sizeHint().height())));
        QVERIFY(page->throughput()->height() >= page->throughput()->minimumHeight());
    }

    void phaseNamesStayInsideTheChart()
    {
        // The Spanish "Últimas combinaciones", centred on a mark at the end of the time axis,
        // was cut off at the chart's right edge.
        Translations::install(QStringLiteral("es"));
        const auto english = qScopeGuard([] { Translations::install(QStringLiteral("en")); });
        ThroughputChart chart;
        chart.resize(600, 260);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        JobTimeline timeline;
        JobEvent map;
        map.lane = 1;
        map.file = 0;
        map.startNs = 0;
        map.endNs = 9'900'000'000; // the last merges begin at 99 % of the axis
        map.bytes = 100 << 20;
        map.words = 1000000;
        JobEvent sort;
        sort.kind = JobEvent::Sort;
        sort.startNs = 9'950'000'000;
        sort.endNs = 10'000'000'000;
        timeline.events = {map, sort};
        timeline.lanes = 2;
        timeline.workers = 1;
        timeline.nowNs = sort.endNs;
        timeline.finished = true;
        chart.setTimeline(timeline);
        const auto nameItem = [&chart]() -> QGraphicsTextItem * {
            for (QGraphicsItem *item : chart.chart()->scene()->items()) {
                auto *text = dynamic_cast<QGraphicsTextItem *>(item);
                if (text && text->isVisible()
                    && text->toPlainText().contains(QLatin1String("ltimas combinaciones")))
                    return text;
            }
            return nullptr;
        };
        QTRY_VERIFY(nameItem());
        if (!qEnvironmentVariableIsEmpty("WORDMILL_TEST_GRAB_CHART"))
            chart.grab().save(qEnvironmentVariable("WORDMILL_TEST_GRAB_CHART"));
        const double edge = chart.chart()->size().width();
        QTRY_VERIFY2(
            nameItem()->sceneBoundingRect().right() <= edge,
            qPrintable(
                QStringLiteral("%1 > %2").arg(nameItem()->sceneBoundingRect().right()).arg(edge)));
    }

    void liveWhileRunning()
    {
        auto window = makeWindow();
        QVERIFY(window);
        window->detailTabs()->setCurrentWidget(window->workersPage());
        CountJob *job = window->startSample(BigSample);
        QVERIFY(job);
        QVERIFY(waitUntilCounting(job));
        LanesWidget *lanes = window->workersPage()->lanes();
        // Bars appear while the job counts, refreshed from its progress.
        QTRY_VERIFY_WITH_TIMEOUT(lanes->model().workerRows() > 0, WorkTimeoutMs);
        job->cancel();
        QSignalSpy finished(job, &CountJob::finished);
        QVERIFY(finished.count() || finished.wait(WorkTimeoutMs));
    }

private:
    QTemporaryDir m_config;
};

QTEST_MAIN(TestUiWorkers)
#include "tst_ui_workers.moc"
