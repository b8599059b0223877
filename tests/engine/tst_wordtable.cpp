// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/wordtable.h"

#include <QByteArray>
#include <QtTest>

#include <cstring>
#include <vector>

namespace {

void add(WordTable &table, QByteArrayView word, quint64 count = 1)
{
    table.add(word.data(), word.size(), count);
}

QByteArray wordNumber(int i)
{
    return "w" + QByteArray::number(i) + "_" + QByteArray::number(i * 7919 % 1000);
}

} // namespace

class TestWordTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyTable();
    void addAndCount();
    void addWithCount();
    void entriesKeepInsertionOrder();
    void sameBytesDifferentLengths();
    void longWords();
    void manyInserts();
    void merge();
    void mergeIntoEmpty();
    void mergeEmpty();
    void mergeLarge();
    void swap();
    void addEachIsAddOneByOne_data();
    void addEachIsAddOneByOne();
    void trailingNulBytesMakeOtherWords();
    void releaseIndexKeepsTheCounts();
    void mappedArrayGrowsWithoutLosingValues();
};

void TestWordTable::emptyTable()
{
    const WordTable table;
    QVERIFY(table.isEmpty());
    QCOMPARE(table.size(), 0);
    QCOMPARE(table.count("word"), quint64(0));
    QCOMPARE(table.count(QByteArrayView()), quint64(0));
}

void TestWordTable::addAndCount()
{
    WordTable table;
    add(table, "the");
    add(table, "cat");
    add(table, "the");
    add(table, "año");
    QCOMPARE(table.size(), 3);
    QVERIFY(!table.isEmpty());
    QCOMPARE(table.count("the"), quint64(2));
    QCOMPARE(table.count("cat"), quint64(1));
    QCOMPARE(table.count("año"), quint64(1));
    QCOMPARE(table.count("dog"), quint64(0));
    QCOMPARE(table.count("The"), quint64(0)); // bytes, not letters
}

void TestWordTable::addWithCount()
{
    WordTable table;
    add(table, "x", 5);
    add(table, "x", 0x100000000ULL); // counts are 64-bit
    add(table, "y", 0);
    QCOMPARE(table.count("x"), quint64(0x100000005ULL));
    QCOMPARE(table.size(), 2);
    QCOMPARE(table.count("y"), quint64(0));
}

void TestWordTable::entriesKeepInsertionOrder()
{
    WordTable table;
    add(table, "b");
    add(table, "a");
    add(table, "b");
    add(table, "c", 3);
    QCOMPARE(table.size(), 3);
    QCOMPARE(table.word(0), QByteArrayView("b"));
    QCOMPARE(table.word(1), QByteArrayView("a"));
    QCOMPARE(table.word(2), QByteArrayView("c"));
    QCOMPARE(table.entry(0).count, quint64(2));
    QCOMPARE(table.entry(1).count, quint64(1));
    QCOMPARE(table.entry(2).count, quint64(3));
    QCOMPARE(table.entry(2).length(), quint32(1));
    QCOMPARE(QByteArrayView(table.wordData(table.entry(0)), 1), QByteArrayView("b"));
}

// Prefixes of one buffer: the same leading bytes, different lengths, are different words.
void TestWordTable::sameBytesDifferentLengths()
{
    const QByteArray text = QByteArray("abcdefghijklmnopqrstuvwxyz0123456789").repeated(4);
    WordTable table;
    for (qsizetype length = 1; length <= text.size(); ++length)
        table.add(text.constData(), length, quint64(length));
    table.add(text.constData(), 0, 1000); // the empty word is a word too
    const QByteArray withNul("ab\0", 3);
    add(table, withNul, 7);
    QCOMPARE(table.size(), text.size() + 2);
    for (qsizetype length = 1; length <= text.size(); ++length)
        QCOMPARE(table.count(QByteArrayView(text.constData(), length)), quint64(length));
    QCOMPARE(table.count(QByteArrayView("", 0)), quint64(1000));
    QCOMPARE(table.count(withNul), quint64(7));
    QCOMPARE(table.count("ab"), quint64(2));
    // Same length, differing only in the last or a middle byte (past the first 16).
    QByteArray other = text.left(40);
    other[39] = 'X';
    QCOMPARE(table.count(other), quint64(0));
    other = text.left(40);
    other[20] = 'X';
    QCOMPARE(table.count(other), quint64(0));
}

void TestWordTable::longWords()
{
    WordTable table;
    QByteArray a(1000, 'a');
    QByteArray b = a;
    b[500] = 'b';
    add(table, a);
    add(table, b);
    add(table, a);
    QCOMPARE(table.size(), 2);
    QCOMPARE(table.count(a), quint64(2));
    QCOMPARE(table.count(b), quint64(1));
    QCOMPARE(table.word(0), QByteArrayView(a));
}

// Enough words to grow the index many times; every count must survive every rehash.
void TestWordTable::manyInserts()
{
    constexpr int Words = 200000;
    WordTable table;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < Words; ++i) {
            if (round == 0 || i % (round + 1) == 0)
                add(table, wordNumber(i));
        }
    }
    QCOMPARE(table.size(), Words);
    for (int i = 0; i < Words; ++i) {
        const quint64 expected = 1 + (i % 2 == 0) + (i % 3 == 0);
        QCOMPARE(table.count(wordNumber(i)), expected);
        QCOMPARE(table.word(i), QByteArrayView(wordNumber(i)));
        QCOMPARE(table.entry(i).count, expected);
    }
    QCOMPARE(table.count("w200000_0"), quint64(0));
    QVERIFY(table.memoryUsage() > qsizetype(Words * sizeof(WordTable::Entry)));
}

void TestWordTable::merge()
{
    WordTable a;
    add(a, "a", 1);
    add(a, "b", 2);
    WordTable b;
    add(b, "b", 3);
    add(b, "c", 4);
    a.merge(b);
    QCOMPARE(a.size(), 3);
    QCOMPARE(a.count("a"), quint64(1));
    QCOMPARE(a.count("b"), quint64(5));
    QCOMPARE(a.count("c"), quint64(4));
    // The other table is left as it was.
    QCOMPARE(b.size(), 2);
    QCOMPARE(b.count("b"), quint64(3));
    QCOMPARE(b.count("a"), quint64(0));
}

void TestWordTable::mergeIntoEmpty()
{
    WordTable other;
    add(other, "x", 2);
    add(other, "y", 1);
    WordTable table;
    table.merge(other);
    QCOMPARE(table.size(), 2);
    QCOMPARE(table.count("x"), quint64(2));
    QCOMPARE(table.count("y"), quint64(1));
    // A copy, not a share: adding to one leaves the other alone.
    add(table, "x");
    add(table, "z");
    QCOMPARE(table.count("x"), quint64(3));
    QCOMPARE(other.count("x"), quint64(2));
    QCOMPARE(other.count("z"), quint64(0));
    QCOMPARE(other.size(), 2);
}

void TestWordTable::mergeEmpty()
{
    WordTable table;
    add(table, "x", 2);
    table.merge(WordTable());
    QCOMPARE(table.size(), 1);
    QCOMPARE(table.count("x"), quint64(2));

    WordTable empty;
    empty.merge(WordTable());
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.count("x"), quint64(0));
    add(empty, "x");
    QCOMPARE(empty.count("x"), quint64(1));
}

// Two large tables that share half their words, merged both ways round.
void TestWordTable::mergeLarge()
{
    constexpr int Words = 50000;
    WordTable a;
    WordTable b;
    for (int i = 0; i < Words; ++i) {
        add(a, wordNumber(i), 1);
        add(b, wordNumber(i + Words / 2), 10);
    }
    WordTable ab = a;
    ab.merge(b);
    WordTable ba = b;
    ba.merge(a);
    QCOMPARE(ab.size(), Words + Words / 2);
    QCOMPARE(ba.size(), Words + Words / 2);
    for (int i = 0; i < Words + Words / 2; ++i) {
        const quint64 expected = (i < Words ? 1 : 0) + (i >= Words / 2 ? 10 : 0);
        QCOMPARE(ab.count(wordNumber(i)), expected);
        QCOMPARE(ba.count(wordNumber(i)), expected);
    }
}

void TestWordTable::swap()
{
    WordTable a;
    add(a, "a");
    WordTable b;
    add(b, "b", 2);
    add(b, "c", 3);
    a.swap(b);
    QCOMPARE(a.size(), 2);
    QCOMPARE(a.count("b"), quint64(2));
    QCOMPARE(a.count("a"), quint64(0));
    QCOMPARE(b.size(), 1);
    QCOMPARE(b.count("a"), quint64(1));
    add(a, "c");
    add(b, "a");
    QCOMPARE(a.count("c"), quint64(4));
    QCOMPARE(b.count("a"), quint64(2));
}

// addEach() reads each word's 16 bytes whatever its length and masks the rest off; add() reads
// only the word. Both must make the same key and entry, from every length around the 8-, 15-
// and 16-byte edges, with the bytes after the word set or not, with NUL bytes inside. In a small
// table, which counts the words one after the other, and in one reserved large, whose index is
// past the cache and which looks the words up a batch ahead.
void TestWordTable::addEachIsAddOneByOne_data()
{
    QTest::addColumn<char>("after"); // the bytes that follow each word in the buffer
    QTest::addColumn<char>("fill"); // the words' own bytes
    QTest::addColumn<qsizetype>("reserved");
    for (const qsizetype reserved : {qsizetype(0), qsizetype(1) << 20}) {
        const char *const table = reserved == 0 ? "small table" : "large table";
        QTest::addRow("letters, then x, %s", table) << 'x' << 'a' << reserved;
        QTest::addRow("letters, then NUL, %s", table) << '\0' << 'a' << reserved;
        QTest::addRow("NUL bytes, then NUL, %s", table) << '\0' << '\0' << reserved;
        QTest::addRow("NUL bytes, then 0xff, %s", table) << '\xff' << '\0' << reserved;
    }
}

void TestWordTable::addEachIsAddOneByOne()
{
    QFETCH(char, after);
    QFETCH(char, fill);
    QFETCH(qsizetype, reserved);
    // Words of 0 to 40 bytes, differing in their last byte, each in its own padded slot.
    constexpr int Slot = 64;
    QByteArray buffer(41 * 3 * Slot, after);
    std::vector<QByteArrayView> words;
    for (int length = 0; length <= 40; ++length) {
        for (int variant = 0; variant < 3; ++variant) {
            char *w = buffer.data() + (length * 3 + variant) * Slot;
            std::memset(w, fill, size_t(length));
            if (length > 0)
                w[length - 1] = char('a' + variant);
            words.emplace_back(w, length);
        }
    }
    for (int i = 0; i < 200; ++i) // repeats, in an order that mixes lengths
        words.push_back(words[size_t(i * 37 % 123)]);
    WordTable one;
    for (const QByteArrayView w : words)
        one.add(w.data(), w.size());
    WordTable each;
    each.reserve(reserved);
    each.addEach(words.data(), qsizetype(words.size()));
    QCOMPARE(each.size(), one.size());
    for (qsizetype i = 0; i < one.size(); ++i) {
        QCOMPARE(each.word(i), one.word(i));
        QCOMPARE(each.entry(i).count, one.entry(i).count);
        QCOMPARE(each.entry(i).key[0], one.entry(i).key[0]);
        QCOMPARE(each.entry(i).key[1], one.entry(i).key[1]);
        QCOMPARE(each.count(one.word(i)), one.entry(i).count);
    }
    // Mixed: counted by one, then the other; a word is one entry whichever way it came.
    each.merge(one);
    QCOMPARE(each.size(), one.size());
    QCOMPARE(each.count(words.front()), 2 * one.count(words.front()));
}

// An inline word's length sits in its key, so "a", "a\0" ... up to 20 bytes (both sides of the
// inline limit) stay different words although their zero-padded bytes are the same.
void TestWordTable::trailingNulBytesMakeOtherWords()
{
    WordTable table;
    for (int length = 1; length <= 20; ++length) {
        QByteArray word(length, '\0');
        word[0] = 'a';
        table.add(word.constData(), length, quint64(length));
    }
    QCOMPARE(table.size(), 20);
    for (int length = 1; length <= 20; ++length) {
        QByteArray word(length, '\0');
        word[0] = 'a';
        QCOMPARE(table.count(word), quint64(length));
        QCOMPARE(table.entry(length - 1).length(), quint32(length));
        QCOMPARE(table.entry(length - 1).isInline(), quint32(length) <= WordTable::InlineBytes);
    }
}

// A finished job's table lets its index go before the sort; lookups still answer, and adding
// builds the index again.
void TestWordTable::releaseIndexKeepsTheCounts()
{
    WordTable table;
    constexpr int Words = 5000;
    for (int i = 0; i < Words; ++i) {
        const QByteArray word
            = "w" + QByteArray::number(i) + (i % 7 == 0 ? QByteArray(20, 'x') : "");
        table.add(word.constData(), word.size(), quint64(i + 1));
    }
    const qsizetype before = table.memoryUsage();
    table.releaseIndex();
    QVERIFY(table.memoryUsage() < before);
    QCOMPARE(table.size(), Words);
    QCOMPARE(table.count("w4999"), quint64(5000));
    QCOMPARE(table.count(QByteArray("w0").append(20, 'x')), quint64(1));
    QCOMPARE(table.count("absent"), quint64(0));
    add(table, "w4999", 1);
    add(table, "new", 3);
    QCOMPARE(table.size(), Words + 1);
    QCOMPARE(table.count("w4999"), quint64(5001));
    QCOMPARE(table.count("new"), quint64(3));
    QCOMPARE(table.memoryUsage(), before);
}

// The entries' array moves from malloc() to a mapping of its own at MappedBytes, then grows
// by mremap(): every value must come through each move, and copies must be deep.
void TestWordTable::mappedArrayGrowsWithoutLosingValues()
{
    MappedArray<quint32> values;
    constexpr quint32 Count = 3'000'000; // 12 MB: malloc, a mapping, then remaps
    for (quint32 i = 0; i < Count; ++i) {
        values.push_back(i * 2654435761u);
        if (i == 1000 || i == MappedArray<quint32>::MappedBytes / 4 || i == Count - 1) {
            for (quint32 j = 0; j <= i; j += 997)
                QCOMPARE(values[j], j * 2654435761u);
        }
    }
    QCOMPARE(values.size(), size_t(Count));
    QVERIFY(values.capacity() >= Count);
    // A mapping starts on a 2 MiB boundary, where huge pages can back it.
    QCOMPARE(reinterpret_cast<quintptr>(values.data()) % (quintptr(2) << 20), quintptr(0));
    MappedArray<quint32> copy = values;
    QVERIFY(copy.data() != values.data());
    copy[5] = 7;
    QCOMPARE(values[5], 5 * 2654435761u);
    QCOMPARE(copy[Count - 1], (Count - 1) * 2654435761u);
    MappedArray<quint32> small;
    small.push_back(42);
    small.swap(copy);
    QCOMPARE(copy.size(), size_t(1));
    QCOMPARE(copy[0], 42u);
    QCOMPARE(small.size(), size_t(Count));
    small.reserve(Count * 2);
    QCOMPARE(small[Count - 1], (Count - 1) * 2654435761u);
}

QTEST_APPLESS_MAIN(TestWordTable)
#include "tst_wordtable.moc"
