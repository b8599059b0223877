// SPDX-License-Identifier: GPL-3.0-or-later
// The results explorer's live top words while a job runs, on the offscreen platform: provisional
// rows at most twice a second, then the whole table once the job is done.

#include "core/engine/countjob.h"
#include "tests/common/charthelpers.h"
#include "tests/ui/explorer/explorertesthelpers.h"
#include "ui/explorer/topwordschart.h"
#include "ui/explorer/zipfchart.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QElapsedTimer>
#include <QFont>
#include <QLineEdit>

#include <algorithm>
#include <functional>

using namespace ExplorerTest;

class TestUiExplorerLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initExplorerTestCase(); }

    void liveTopWords();
};

void TestUiExplorerLive::liveTopWords()
{
    JobSpec spec;
    spec.sampleBytes = qint64(200) << 20;
    spec.workers = 1;
    CountJob job(spec);

    ResultsExplorer explorer;
    explorer.resize(900, 600);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    ResultsModel *model = explorer.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    explorer.setJob(&job);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!explorer.filterEdit()->isEnabled());

    // After the explorer's own slot, each emission: what the table shows then.
    struct Snapshot
    {
        int rows = 0;
        bool provisional = false;
        QStringList words;
        QList<quint64> counts;
        QList<quint64> shown;
        quint64 wordsSoFar = 0;
        QStringList chartWords; // the bar chart's, most frequent first
        QString zipfText; // the Zipf plot's placeholder, empty if hidden
    };
    QList<Snapshot> snapshots;
    connect(&job, &CountJob::liveWordsChanged, this,
            [&](const QList<WordCount> &words, quint64 wordsSoFar) {
                Snapshot s;
                s.rows = model->rowCount();
                s.provisional = model->isProvisional();
                for (const WordCount &w : words) {
                    s.words.append(QString::fromUtf8(w.word));
                    s.counts.append(w.count);
                }
                s.shown = shownCounts(model);
                s.wordsSoFar = wordsSoFar;
                const auto axes = explorer.topWordsChart()->chart()->axes(Qt::Vertical);
                if (auto *axis = qobject_cast<QBarCategoryAxis *>(axes.value(0))) {
                    for (const QString &word : axis->categories())
                        s.chartWords.prepend(word); // category 0 is the bottom bar
                }
                const auto *zipfPlaceholder
                    = explorer.zipfChart()->findChild<QLabel *>(QStringLiteral("chartPlaceholder"));
                if (zipfPlaceholder && !zipfPlaceholder->isHidden())
                    s.zipfText = zipfPlaceholder->text();
                if (s.rows > 0) {
                    QCOMPARE(shownWords(model), s.words);
                    QCOMPARE(model->index(0, 0).data(Qt::FontRole).value<QFont>().italic(), true);
                    QVERIFY(model->index(0, ResultsModel::WordColumn)
                                .data(Qt::ToolTipRole)
                                .toString()
                                .startsWith(QStringLiteral("Provisional")));
                }
                snapshots.append(s);
            });
    QSignalSpy live(&job, &CountJob::liveWordsChanged);
    QSignalSpy finished(&job, &CountJob::finished);
    QElapsedTimer clock;
    clock.start();
    job.start();
    QVERIFY(finished.wait(WorkTimeoutMs));
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(job.state(), CountJob::Done);

    // At most twice a second, and more than once over a run this long.
    qInfo("%lld live updates in %lld ms", qlonglong(live.count()), elapsed);
    QVERIFY2(live.count() <= elapsed / 500 + 2,
             qPrintable(QStringLiteral("%1 updates in %2 ms").arg(live.count()).arg(elapsed)));
    QVERIFY(!snapshots.isEmpty());
    for (const Snapshot &s : std::as_const(snapshots)) {
        QVERIFY(s.rows <= 20);
        QCOMPARE(s.rows, int(s.words.size()));
        QCOMPARE(s.provisional, s.rows > 0);
        QCOMPARE(s.shown, s.counts);
        // The bar chart shows the table's live words; the Zipf plot says it waits for the end,
        // not that no word matches a filter nobody typed.
        QCOMPARE(s.chartWords, s.words);
        QCOMPARE(s.zipfText,
                 QStringLiteral("Counting… the Zipf plot fills in when the job is done"));
        QVERIFY(std::is_sorted(s.counts.cbegin(), s.counts.cend(), std::greater<>()));
    }
    // The counts grow as the job reads on: the first update comes with the first chunk merged,
    // then one every half second, so a run this long (seconds on one worker) has several.
    if (elapsed >= 2000 || snapshots.size() >= 2) {
        QVERIFY(snapshots.size() >= 2);
        QVERIFY(snapshots.last().wordsSoFar > snapshots.first().wordsSoFar);
        QVERIFY(snapshots.last().counts.value(0) > snapshots.first().counts.value(0));
    }
    QCOMPARE(snapshots.last().rows, 20);

    // Done: the whole table, no longer provisional.
    const auto result = job.result();
    QVERIFY(result);
    QVERIFY(!model->isProvisional());
    QCOMPARE(model->rowCount(), int(result->size()));
    QVERIFY(model->rowCount() > 20);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QVERIFY(explorer.filterEdit()->isEnabled());
    QCOMPARE(model->index(0, ResultsModel::WordColumn).data().toString(),
             QString::fromUtf8(result->word(0).toByteArray()));
    QCOMPARE(model->index(0, ResultsModel::CountColumn).data(Qt::EditRole).toULongLong(),
             result->count(0));
    QVERIFY(!model->index(0, 0).data(Qt::FontRole).isValid());
    // The provisional leaders were the real ones, with smaller counts.
    QVERIFY(snapshots.last().counts.value(0) <= result->count(0));
    const auto *summary = explorer.findChild<QLabel *>(QStringLiteral("resultsSummary"));
    QVERIFY(!summary->text().contains(QStringLiteral("provisional")));
}

QTEST_MAIN(TestUiExplorerLive)

#include "tst_ui_explorer_live.moc"
