// SPDX-License-Identifier: GPL-3.0-or-later
// JobSpec::share: jobs that each count a part of one chunk plan (wordmill-mpi's ranks) count
// every chunk exactly once between them, and keep the files they split apart.
#include "tests/engine/jobtesthelpers.h"

#include "core/engine/outputorder.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace JobTest;

namespace {

using WordMap = std::map<QByteArray, quint64>;

void addTable(WordMap *words, const WordTable &table)
{
    for (qsizetype i = 0; i < table.size(); ++i)
        (*words)[table.word(i).toByteArray()] += table.entry(i).count;
}

} // namespace

class TestJobShare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void partsAddUpToTheWhole_data();
    void partsAddUpToTheWhole();
    void unsortedResultKeepsTableOrder();

private:
    QTemporaryDir m_dir;
    QStringList m_paths;
};

void TestJobShare::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Sizes around the chunk sizes below, empty and BOM-only files, UTF-16 (even chunk steps),
    // and words that straddle chunk ends.
    QByteArray prose;
    for (int i = 0; prose.size() < 40000; ++i)
        prose += "palabra" + QByteArray::number(i % 97) + (i % 5 ? " " : "\n") + "Ñandú ";
    QByteArray utf16("\xff\xfe", 2);
    for (const QChar c : QString::fromUtf8(prose.left(9000)))
        utf16 += QByteArray(reinterpret_cast<const char *>(&c), 2);
    const QList<QPair<QString, QByteArray>> files = {
        {QStringLiteral("a.txt"), prose},
        {QStringLiteral("b-empty.txt"), QByteArray()},
        {QStringLiteral("c.txt"), prose.left(1500)},
        {QStringLiteral("d-bom.txt"), QByteArray("\xef\xbb\xbf")},
        {QStringLiteral("e-utf16.txt"), utf16},
        {QStringLiteral("f.txt"), prose.mid(777, 20000)},
        {QStringLiteral("g.txt"), "x"},
    };
    for (const auto &[name, bytes] : files) {
        m_paths << m_dir.filePath(name);
        QVERIFY(writeFile(m_paths.last(), bytes));
    }
}

void TestJobShare::partsAddUpToTheWhole_data()
{
    QTest::addColumn<int>("parts");
    QTest::addColumn<qint64>("chunkSize");
    QTest::addColumn<int>("mode");
    for (const int parts : {1, 2, 3, 4, 7, 40}) {
        for (const qint64 chunk : {qint64(1024), qint64(4099), qint64(1) << 20}) {
            for (const CountingMode mode : {CountingMode::Words, CountingMode::Whitespace}) {
                QTest::addRow("%d parts, chunk %lld, %s", parts, chunk,
                              mode == CountingMode::Words ? "words" : "whitespace")
                    << parts << chunk << int(mode);
            }
        }
    }
}

void TestJobShare::partsAddUpToTheWhole()
{
    QFETCH(int, parts);
    QFETCH(qint64, chunkSize);
    QFETCH(int, mode);
    JobSpec spec;
    spec.paths = m_paths;
    spec.chunkSize = chunkSize;
    spec.mode = CountingMode(mode);
    spec.workers = 2;
    spec.sampleBytes = 5000;
    CountJob whole(spec);
    QVERIFY(runToEnd(whole));
    QCOMPARE(whole.state(), CountJob::Done);
    WordMap expected;
    addTable(&expected, *whole.result()->table);

    WordMap words;
    quint64 wordCount = 0;
    qint64 bytesCounted = 0;
    QList<qint32> held; // files held, once per part that holds one
    for (int part = 0; part < parts; ++part) {
        JobSpec share = spec;
        share.share = {part, parts};
        share.sortResult = false;
        CountJob job(share);
        QVERIFY(runToEnd(job));
        QCOMPARE(job.state(), CountJob::Done);
        const std::shared_ptr<const CountResult> result = job.result();
        addTable(&words, *result->table);
        wordCount += result->totals.words;
        bytesCounted += job.progress().map.total;
        QCOMPARE(job.progress().map.done, job.progress().map.total);
        QCOMPARE(job.progress().bytesMerged, job.progress().map.total); // its part, in bytes
        for (const CountResult::HeldPart &h : result->heldParts) {
            addTable(&words, *h.table);
            wordCount += h.words;
            held << h.file;
        }
    }
    QCOMPARE(wordCount, whole.result()->totals.words);
    QCOMPARE(bytesCounted, whole.progress().bytesPlanned);
    QVERIFY(words == expected);
    // A held file is one that more than one part counted: each is held twice at least, and
    // the parts are contiguous, so at most parts - 1 files are split.
    for (const qint32 file : std::as_const(held))
        QVERIFY2(held.count(file) >= 2, qPrintable(QString::number(file)));
    if (parts == 1)
        QVERIFY(held.isEmpty());
    QVERIFY(QSet<qint32>(held.cbegin(), held.cend()).size() <= parts - 1);
}

void TestJobShare::unsortedResultKeepsTableOrder()
{
    JobSpec spec;
    spec.paths = m_paths;
    spec.sortResult = false;
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    const std::shared_ptr<const CountResult> result = job.result();
    QVERIFY(result->size() > 2);
    for (qsizetype i = 0; i < result->size(); ++i)
        QCOMPARE(result->order[size_t(i)], quint32(i));
    // The sorted job's words, in another order.
    spec.sortResult = true;
    CountJob sorted(spec);
    QVERIFY(runToEnd(sorted));
    QCOMPARE(sorted.result()->size(), result->size());
    QVERIFY(std::is_sorted(
        sorted.result()->order.cbegin(), sorted.result()->order.cend(),
        [&](quint32 a, quint32 b) { return OutputOrder::less(*sorted.result()->table, a, b); }));
}

QTEST_GUILESS_MAIN(TestJobShare)
#include "tst_jobshare.moc"
