// SPDX-License-Identifier: GPL-3.0-or-later
// Merging result files: counts added and ranks made again, bad files among good ones, the mode of
// the merge, cancelling, and reading and merging 2M rows.

#include "core/format/progressformat.h"
#include "core/results/resultreader.h"
#include "tests/results/resultreadertesthelpers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace ResultReaderTest;

class TestResultReaderMerge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void mergeAddsAndReorders();
    void mergeBadFileAmongGood();
    void mergeNothingReadable();
    void mergeMode_data();
    void mergeMode();
    void mergeCancelled();
    void twoMillionRows();

private:
    QTemporaryDir m_dir;
};

void TestResultReaderMerge::mergeAddsAndReorders()
{
    const QString a = m_dir.filePath(QStringLiteral("a.tsv"));
    const QString b = m_dir.filePath(QStringLiteral("b.json"));
    QVERIFY(writeFile(a, "the\t5\ncat\t3\ndog\t1\n"));
    QVERIFY(writeFile(b,
                      written(makeResult({{"dog", 4}, {"año", 2}, {"cat", 2}}, CountingMode::Words),
                              ResultFormat::Json)));
    QStringList errors;
    const auto merged = ResultReader::merge({a, b}, &errors);
    QVERIFY(merged);
    QCOMPARE(errors, QStringList());
    // dog (1 + 4) now leads cat (3 + 2) by word order; the ranks are made again.
    QCOMPARE(written(*merged, ResultFormat::Tsv), QByteArray("cat\t5\ndog\t5\nthe\t5\naño\t2\n"));
    QCOMPARE(merged->mode, CountingMode::Words);
    QCOMPARE(merged->totals.words, quint64(17));
    QCOMPARE(merged->totals.distinctWords, quint64(4));
    QCOMPARE(merged->totals.filesCounted, qint64(2));
    QCOMPARE(merged->totals.filesSkipped, qint64(0));
    QCOMPARE(merged->files.size(), 2);
    QCOMPARE(merged->files.at(0).path(), a);
    QCOMPARE(merged->files.at(0).status, FileReport::Counted);
    QCOMPARE(merged->files.at(0).words, quint64(9));
    QCOMPARE(merged->files.at(1).words, quint64(8));

    // The same file twice doubles every count; the order of the files does not matter.
    const auto twice = ResultReader::merge({b, a, a}, &errors);
    QVERIFY(twice);
    QCOMPARE(written(*twice, ResultFormat::Tsv), QByteArray("the\t10\ncat\t8\ndog\t6\naño\t2\n"));
}

void TestResultReaderMerge::mergeBadFileAmongGood()
{
    const QString good1 = m_dir.filePath(QStringLiteral("good1.tsv"));
    const QString bad = m_dir.filePath(QStringLiteral("bad.tsv"));
    const QString good2 = m_dir.filePath(QStringLiteral("good2.tsv"));
    const QString missing = m_dir.filePath(QStringLiteral("nothere.tsv"));
    QVERIFY(writeFile(good1, "a\t2\nb\t1\n"));
    QVERIFY(writeFile(bad, "a\t100\nb\t100\nc\tlots\n")); // good rows first: none may count
    QVERIFY(writeFile(good2, "b\t3\n"));
    QStringList errors;
    const auto merged = ResultReader::merge({good1, bad, missing, good2}, &errors);
    QVERIFY(merged);
    QCOMPARE(written(*merged, ResultFormat::Tsv), QByteArray("b\t4\na\t2\n"));
    QCOMPARE(errors,
             QStringList({bad
                              + QStringLiteral(": line 3: the count is not a whole number of 0 "
                                               "or more"),
                          missing + QStringLiteral(": no such file")}));
    QCOMPARE(merged->totals.filesCounted, qint64(2));
    QCOMPARE(merged->totals.filesSkipped, qint64(2));
    QCOMPARE(merged->files.size(), 4);
    QCOMPARE(merged->files.at(1).status, FileReport::Skipped);
    QCOMPARE(ProgressFormat::problemText(merged->files.at(1)),
             QStringLiteral("line 3: the count is not a whole number of 0 or more"));
    QCOMPARE(merged->files.at(3).status, FileReport::Counted);

    // Counts that fit in each file but not added together: the later file is left out.
    const QString huge = m_dir.filePath(QStringLiteral("huge.tsv"));
    QVERIFY(writeFile(huge, "z\t18446744073709551615\n"));
    const auto overflow = ResultReader::merge({huge, good2}, &errors);
    QVERIFY(overflow);
    QCOMPARE(written(*overflow, ResultFormat::Tsv), QByteArray("z\t18446744073709551615\n"));
    QCOMPARE(errors.constLast(),
             good2 + QStringLiteral(": its counts, added to those before, exceed 2^64 - 1"));
}

void TestResultReaderMerge::mergeNothingReadable()
{
    const QString bad = m_dir.filePath(QStringLiteral("bad2.tsv"));
    QVERIFY(writeFile(bad, "no tab here\n"));
    QStringList errors;
    QVERIFY(!ResultReader::merge({bad, m_dir.filePath(QStringLiteral("nothere"))}, &errors));
    QCOMPARE(errors.size(), 2);
    errors.clear();
    QVERIFY(!ResultReader::merge({}, &errors));
    QCOMPARE(errors, QStringList());

    // An empty result file is a result with no words, not an error.
    const QString empty = m_dir.filePath(QStringLiteral("empty.tsv"));
    QVERIFY(writeFile(empty, QByteArray()));
    const auto merged = ResultReader::merge({empty}, &errors);
    QVERIFY(merged);
    QCOMPARE(merged->size(), 0);
    QCOMPARE(errors, QStringList());
}

void TestResultReaderMerge::mergeMode_data()
{
    QTest::addColumn<QByteArrayList>("files");
    QTest::addColumn<int>("mode");
    const QByteArray ws = "{\"mode\":\"whitespace\",\"words\":[{\"word\":\"x\",\"count\":1}]}";
    const QByteArray words = "{\"mode\":\"words\",\"words\":[{\"word\":\"x\",\"count\":1}]}";
    const QByteArray none = "{\"words\":[{\"word\":\"x\",\"count\":1}]}";
    const QByteArray tsv = "x\t1\n";
    QTest::newRow("all whitespace") << QByteArrayList {ws, ws} << int(CountingMode::Whitespace);
    QTest::newRow("whitespace and words") << QByteArrayList {ws, words} << int(CountingMode::Words);
    QTest::newRow("whitespace and TSV") << QByteArrayList {ws, tsv} << int(CountingMode::Words);
    QTest::newRow("whitespace and no mode")
        << QByteArrayList {ws, none} << int(CountingMode::Words);
    QTest::newRow("TSV") << QByteArrayList {tsv} << int(CountingMode::Words);
    QTest::newRow("whitespace and a bad file")
        << QByteArrayList {ws, "bad"} << int(CountingMode::Whitespace);
}

void TestResultReaderMerge::mergeMode()
{
    QFETCH(QByteArrayList, files);
    QFETCH(int, mode);
    QStringList paths;
    for (qsizetype i = 0; i < files.size(); ++i) {
        paths.append(m_dir.filePath(QStringLiteral("mode%1").arg(i)));
        QVERIFY(writeFile(paths.constLast(), files.at(i)));
    }
    QStringList errors;
    const auto merged = ResultReader::merge(paths, &errors);
    QVERIFY(merged);
    QCOMPARE(merged->mode, CountingMode(mode));
}

void TestResultReaderMerge::mergeCancelled()
{
    const QString a = m_dir.filePath(QStringLiteral("c.tsv"));
    QVERIFY(writeFile(a, "a\t1\n"));
    QStringList errors;
    QVERIFY(!ResultReader::merge({a}, &errors, [] { return true; }));
    QCOMPARE(errors, QStringList());
}

// 2,000,000 distinct words, as TSV (about 30 MB) and JSON: how long reading and merging take.
void TestResultReaderMerge::twoMillionRows()
{
    const int n = 2000000;
    auto table = std::make_shared<WordTable>();
    QRandomGenerator random(7);
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
    for (int i = 0; i < n; ++i) {
        char word[16];
        int length = 0;
        for (int v = i; length == 0 || v > 0; v /= 26)
            word[length++] = letters[v % 26];
        word[length++] = letters[random.bounded(26)];
        table->add(word, length, 1 + random.bounded(100000));
    }
    QCOMPARE(table->size(), qsizetype(n));
    CountResult original;
    original.table = table;
    OutputOrder::sort(*table, &original.order);

    for (const ResultFormat format : {ResultFormat::Tsv, ResultFormat::Json}) {
        const QString name = format == ResultFormat::Tsv ? QStringLiteral("two-million.tsv")
                                                         : QStringLiteral("two-million.json");
        const QString path = m_dir.filePath(name);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(ResultWriter::write(original, format, &f));
        }
        const qint64 size = QFileInfo(path).size();

        QElapsedTimer clock;
        clock.start();
        WordTable back;
        QString error;
        QVERIFY2(ResultReader::read(path, &back, &error), qPrintable(error));
        const qint64 readMs = clock.elapsed();
        QCOMPARE(back.size(), qsizetype(n));

        clock.restart();
        QStringList errors;
        const auto merged = ResultReader::merge({path}, &errors);
        const qint64 mergeMs = clock.elapsed();
        QVERIFY(merged);
        QCOMPARE(merged->size(), original.size());
        for (qsizetype i = 0; i < original.size(); i += 997) {
            QCOMPARE(merged->word(i).toByteArray(), original.word(i).toByteArray());
            QCOMPARE(merged->count(i), original.count(i));
        }
        qInfo("%s: %.1f MB, read into a table in %lld ms, merge() with sorting in %lld ms "
              "(reading %lld ms, sorting %lld ms)",
              qPrintable(name), double(size) / 1e6, readMs, mergeMs, merged->totals.countMs,
              merged->totals.finalizeMs);
        QFile::remove(path);
    }
}

QTEST_GUILESS_MAIN(TestResultReaderMerge)
#include "tst_resultreader_merge.moc"
