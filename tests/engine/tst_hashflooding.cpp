// SPDX-License-Identifier: GPL-3.0-or-later
// Hash flooding (issue 14): words crafted to collide under one hash seed cost a table that runs
// with another seed no more than ordinary words, and no seed changes a result.

#include "core/engine/countjob.h"
#include "core/engine/countresult.h"
#include "core/engine/jobspec.h"
#include "core/engine/wordtable.h"
#include "tests/engine/jobtesthelpers.h"

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <limits>

using namespace JobTest;

namespace {

// Enough words to make the index 65,536 slots, as in the attack.
constexpr int Words = 30000;
constexpr int WordLength = 6;
// Crafted words are those whose hash lands in the first 256 slots of an index of 65,536 slots
// (and of every smaller one): linear probing piles them into one run that every insertion walks,
// quadratic in their number. One candidate in 256 qualifies, so the search takes milliseconds.
constexpr quint32 CraftMask = 0xff00;

constexpr quint64 CraftSeed = 0x243f6a8885a308d3ULL;
constexpr quint64 OtherSeed = 0x13198a2e03707344ULL;
// Flooded, insertion is some 200 times slower than for ordinary words; unflooded, about as fast.
// Generous against a loaded machine, and far from both.
constexpr double MaxRatio = 10;

// Words of WordLength bytes, one after another in one buffer.
struct WordList
{
    QByteArray bytes;
    int size() const { return int(bytes.size() / WordLength); }
    const char *word(int i) const { return bytes.constData() + qsizetype(i) * WordLength; }
};

// Walks "aaaaaa", "aaaaab", ... and keeps the first \a count words \a keep accepts.
template<typename Keep> WordList generateWords(int count, Keep keep)
{
    WordList list;
    list.bytes.reserve(qsizetype(count) * WordLength);
    char word[WordLength];
    std::fill(word, word + WordLength, 'a');
    while (list.size() < count) {
        if (keep(word))
            list.bytes.append(word, WordLength);
        int i = WordLength - 1;
        while (i >= 0 && word[i] == 'z')
            word[i--] = 'a';
        if (i < 0)
            break;
        ++word[i];
    }
    return list;
}

// What an attacker who knows the seed would feed us.
WordList craftWords(quint64 seed)
{
    WordTable::setHashSeedForTesting(seed);
    return generateWords(Words, [](const char *word) {
        return (WordTable::hashOf(word, WordLength) & CraftMask) == 0;
    });
}

// Nanoseconds to insert \a words into a new table, the best of \a runs: the run least disturbed
// by other work on the machine.
qint64 insertionNs(const WordList &words, int runs)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        WordTable table;
        for (int i = 0; i < words.size(); ++i)
            table.add(words.word(i), WordLength);
        best = std::min(best, clock.nsecsElapsed());
        if (table.size() != words.size())
            return -1;
    }
    return best;
}

Counts countSample(CountingMode mode)
{
    JobSpec spec;
    spec.sampleBytes = 2 * MiB;
    spec.mode = mode;
    spec.workers = 2;
    spec.chunkSize = 64 * 1024; // many chunk tables, merged in whatever order they finish
    CountJob job(spec);
    if (!runToEnd(job) || job.state() != CountJob::Done)
        return {};
    return countsOf(*job.result());
}

} // namespace

class TestHashFlooding final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void seedChangesCollisions();
    void craftedWords_data();
    void craftedWords();
    void resultsIgnoreSeed_data();
    void resultsIgnoreSeed();

private:
    quint64 m_processSeed = 0;
    WordList m_crafted;
    WordList m_ordinary;
};

void TestHashFlooding::initTestCase()
{
    m_processSeed = WordTable::hashSeed();
    QElapsedTimer clock;
    clock.start();
    m_crafted = craftWords(CraftSeed);
    WordTable::setHashSeedForTesting(m_processSeed);
    qInfo("%d words crafted in %lld ms", m_crafted.size(), clock.elapsed());
    QCOMPARE(m_crafted.size(), Words);
    m_ordinary = generateWords(Words, [](const char *) { return true; });
}

void TestHashFlooding::cleanup()
{
    WordTable::setHashSeedForTesting(m_processSeed);
}

// The crafted words share their hash bits under their seed only.
void TestHashFlooding::seedChangesCollisions()
{
    const auto crafted = [this] {
        int n = 0;
        for (int i = 0; i < m_crafted.size(); ++i)
            n += (WordTable::hashOf(m_crafted.word(i), WordLength) & CraftMask) == 0;
        return n;
    };
    WordTable::setHashSeedForTesting(CraftSeed);
    QCOMPARE(crafted(), Words);
    // Under another seed, one in 256 by chance: about 117 of 30,000.
    for (const quint64 seed : {m_processSeed, OtherSeed}) {
        WordTable::setHashSeedForTesting(seed);
        const int stillCrafted = crafted();
        QVERIFY2(stillCrafted < Words / 64, qPrintable(QString::number(stillCrafted)));
    }
}

// Insertion time of the crafted words against as many ordinary ones, with the table's seed
// set to each row's: the crafting seed floods it (the control: the words do attack), another
// seed does not.
void TestHashFlooding::craftedWords_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<bool>("flooded");
    QTest::newRow("the process's seed") << m_processSeed << false;
    QTest::newRow("another fixed seed") << OtherSeed << false;
    QTest::newRow("the crafting seed") << CraftSeed << true;
}

void TestHashFlooding::craftedWords()
{
    QFETCH(quint64, seed);
    QFETCH(bool, flooded);
    WordTable::setHashSeedForTesting(seed);
    const qint64 ordinaryNs = insertionNs(m_ordinary, 7);
    // Flooded, one run takes long enough, and disturbance only makes it slower still.
    const qint64 craftedNs = insertionNs(m_crafted, flooded ? 1 : 7);
    QVERIFY(ordinaryNs > 0 && craftedNs > 0);
    const double ratio = double(craftedNs) / double(ordinaryNs);
    qInfo("%d crafted words: %.2f ms, ordinary: %.2f ms, ratio %.1f", Words, craftedNs / 1e6,
          ordinaryNs / 1e6, ratio);
    if (flooded)
        QVERIFY2(ratio > MaxRatio, qPrintable(QString::number(ratio)));
    else
        QVERIFY2(ratio < MaxRatio, qPrintable(QString::number(ratio)));
}

void TestHashFlooding::resultsIgnoreSeed_data()
{
    QTest::addColumn<CountingMode>("mode");
    QTest::newRow("words") << CountingMode::Words;
    QTest::newRow("whitespace") << CountingMode::Whitespace;
}

// Output order is count, then bytes: never the hash or the order of insertion.
void TestHashFlooding::resultsIgnoreSeed()
{
    QFETCH(CountingMode, mode);
    WordTable::setHashSeedForTesting(CraftSeed);
    const Counts first = countSample(mode);
    WordTable::setHashSeedForTesting(OtherSeed);
    const Counts second = countSample(mode);
    QVERIFY(first.size() > 1000);
    QCOMPARE(second, first);
}

QTEST_GUILESS_MAIN(TestHashFlooding)
#include "tst_hashflooding.moc"
