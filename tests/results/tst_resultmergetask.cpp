// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/resultmergetask.h"
#include "tests/common/testfiles.h"

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestResultMergeTask : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mergesOnAWorker();
    void cancelLeavesNoResult();

private:
    QTemporaryDir m_dir;
    QString m_big; // enough rows that a merge takes long enough to be cancelled midway
};

void TestResultMergeTask::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QByteArray rows;
    for (int i = 0; i < 1'000'000; ++i)
        rows += "w" + QByteArray::number(i) + '\t' + QByteArray::number(i % 97 + 1) + '\n';
    m_big = m_dir.filePath(QStringLiteral("big.tsv"));
    QVERIFY(TestFiles::writeFile(m_big, rows));
}

void TestResultMergeTask::mergesOnAWorker()
{
    const QString small = m_dir.filePath(QStringLiteral("small.tsv"));
    QVERIFY(TestFiles::writeFile(small, "a\t2\nb\t1\n"));
    ResultMergeTask task;
    QFutureWatcher<ResultMergeTask::Outcome> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(task.start({small, small}));
    QVERIFY(finished.wait(10000));
    QVERIFY(!watcher.isCanceled());
    const ResultMergeTask::Outcome outcome = watcher.result();
    QVERIFY(outcome.errors.isEmpty());
    QVERIFY(outcome.result);
    QCOMPARE(outcome.result->totals.words, quint64(6));
    QCOMPARE(outcome.result->totals.distinctWords, quint64(2));
}

void TestResultMergeTask::cancelLeavesNoResult()
{
    ResultMergeTask task;
    QFutureWatcher<ResultMergeTask::Outcome> watcher;
    QSignalSpy canceled(&watcher, &QFutureWatcherBase::canceled);
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    const QFuture<ResultMergeTask::Outcome> future = task.start({m_big, m_big, m_big, m_big});
    watcher.setFuture(future);
    task.cancel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(canceled.count(), 1);
    QVERIFY(future.isCanceled());
    QCOMPARE(future.resultCount(), 0); // a cancelled merge hands nothing back, not a partial sum
}

QTEST_MAIN(TestResultMergeTask)
#include "tst_resultmergetask.moc"
