// SPDX-License-Identifier: GPL-3.0-or-later
// The counting rules of issue 2, one row per rule, run through ChunkCounter on bytes in memory.
// Every expected table is written out by hand from the rules, never computed by core's code.

#include "core/engine/private/asciiwords.h"
#include "core/engine/private/bytesource.h"
#include "core/engine/private/bytetables.h"
#include "core/engine/private/chunkcounter.h"
#include "core/engine/private/jobcontrol.h"
#include "core/engine/private/jobcounters.h"
#include "core/engine/private/spacescan.h"
#include "core/engine/wordtable.h"

#include <QByteArray>
#include <QMap>
#include <QRandomGenerator>
#include <QtTest>

#include <cstring>

namespace {

using Counts = QMap<QByteArray, quint64>;

class MemorySource final : public ByteSource
{
public:
    explicit MemorySource(const QByteArray &data)
        : m_data(data)
    { }

    qint64 readAt(qint64 offset, char *buffer, qint64 length) override
    {
        if (offset < 0 || offset > m_data.size() || length < 0)
            return -1;
        const qint64 n = std::min(length, qint64(m_data.size()) - offset);
        std::memcpy(buffer, m_data.constData() + offset, size_t(n));
        m_bytesRead += n;
        return n;
    }

    QString errorString() const override { return {}; }
    qint64 bytesRead() const { return m_bytesRead; }

private:
    QByteArray m_data;
    qint64 m_bytesRead = 0;
};

// Bytes of a literal, embedded NULs included.
template<size_t N> QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, qsizetype(N - 1));
}

// UTF-16 code units of \a text (lone surrogates kept) with a byte-order mark first.
QByteArray utf16WithBom(const QString &text, bool littleEndian)
{
    QByteArray out = littleEndian ? bytes("\xFF\xFE") : bytes("\xFE\xFF");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const char lo = char(u & 0xFF);
        const char hi = char(u >> 8);
        out.append(littleEndian ? lo : hi).append(littleEndian ? hi : lo);
    }
    return out;
}

QString fromUcs4(char32_t cp)
{
    return QString::fromUcs4(&cp, 1);
}

// word<TAB>count lines in byte order: readable (QTest escapes the bytes) when a row fails.
QByteArray render(const Counts &counts)
{
    QByteArray out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.append(it.key()).append('\t').append(QByteArray::number(it.value())).append('\n');
    return out;
}

struct Outcome
{
    Counts counts;
    quint64 words = 0;
    quint64 overlongWords = 0;
};

/*
    Counts \a input the way a job plans it: a byte-order mark decides the encoding and, in words
    mode, is skipped; then chunks of \a chunkSize bytes (the whole input when 0), each counted
    into its own table, the tables merged. Fails the current test on any chunk error.
*/
Outcome countInChunks(const QByteArray &input, CountingMode mode, qint64 chunkSize)
{
    ChunkTask base;
    base.mode = mode;
    base.contentEnd = input.size();
    if (input.startsWith("\xEF\xBB\xBF"))
        base.encoding = TextEncoding::Utf8Bom;
    else if (input.startsWith("\xFF\xFE"))
        base.encoding = TextEncoding::Utf16LE;
    else if (input.startsWith("\xFE\xFF"))
        base.encoding = TextEncoding::Utf16BE;
    base.contentBegin = mode == CountingMode::Words ? byteOrderMarkLength(base.encoding) : 0;
    const bool utf16 = mode == CountingMode::Words
        && (base.encoding == TextEncoding::Utf16LE || base.encoding == TextEncoding::Utf16BE);
    qint64 step = chunkSize > 0 ? chunkSize : input.size();
    if (utf16) // chunks start on code unit boundaries, as the planner makes them
        step = std::max<qint64>(2, step & ~qint64(1));

    JobControl control;
    JobCounters counters;
    ChunkCounter counter(control, counters);
    WordTable total;
    Outcome outcome;
    for (qint64 begin = base.contentBegin; begin < input.size(); begin += step) {
        ChunkTask task = base;
        task.begin = begin;
        task.end = std::min<qint64>(input.size(), begin + step);
        MemorySource source(input);
        WordTable table;
        const ChunkTally tally = counter.count(source, task, table);
        if (tally.status != ChunkTally::Counted) {
            QTest::qFail(
                qPrintable(
                    QStringLiteral("chunk at %1 not counted: %2").arg(begin).arg(tally.error)),
                __FILE__, __LINE__);
            return outcome;
        }
        outcome.words += tally.words;
        outcome.overlongWords += tally.overlongWords;
        total.merge(table);
    }
    if (counters.bytesCounted() != input.size() - base.contentBegin) {
        QTest::qFail("bytes counted do not add up to the input's content", __FILE__, __LINE__);
        return outcome;
    }
    for (qsizetype i = 0; i < total.size(); ++i) {
        const QByteArray word = total.word(i).toByteArray();
        if (outcome.counts.contains(word)) {
            QTest::qFail("a word has two entries in the table", __FILE__, __LINE__);
            return outcome;
        }
        outcome.counts.insert(word, total.entry(i).count);
    }
    return outcome;
}

quint64 sum(const Counts &counts)
{
    quint64 n = 0;
    for (const quint64 c : counts)
        n += c;
    return n;
}

// Each byte value at each place of \a length bytes of \a fill: where \a mismatch() first
// speaks, or an empty string. The SIMD paths against their scalar twins.
template<typename Mismatch>
QString mismatchOfEveryByte(char *data, int length, char fill, const Mismatch &mismatch)
{
    for (int value = 0; value < 256; ++value) {
        for (int at = 0; at < length; ++at) {
            std::memset(data, fill, size_t(length));
            data[at] = char(value);
            const QString where = mismatch();
            if (!where.isEmpty())
                return QStringLiteral("byte %1 at %2: %3").arg(value).arg(at).arg(where);
        }
    }
    return {};
}

} // namespace

class TestTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wordsMode_data();
    void wordsMode();
    void wordsModeInSmallChunks_data() { wordsMode_data(); }
    void wordsModeInSmallChunks();
    void whitespaceMode_data();
    void whitespaceMode();
    void whitespaceModeInSmallChunks_data() { whitespaceMode_data(); }
    void whitespaceModeInSmallChunks();
    void longWordReadsStayInChunk_data();
    void longWordReadsStayInChunk();
    void spaceScanMatchesScalar_data();
    void spaceScanMatchesScalar();
    void edgeWalkerMatchesScalar_data();
    void edgeWalkerMatchesScalar();
    void asciiRunMatchesScalar_data();
    void asciiRunMatchesScalar();
    void plainWordMasksMatchScalar_data();
    void plainWordMasksMatchScalar();
    void latinTableMatchesDecoding();

private:
    void check(CountingMode mode, qint64 chunkSize);
};

void TestTokenizer::wordsMode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Counts>("expected");
    QTest::addColumn<quint64>("overlong");

    const auto row
        = [](const char *name, const QByteArray &input, const Counts &expected,
             quint64 overlong = 0) { QTest::newRow(name) << input << expected << overlong; };

    // ASCII and separators.
    row("empty", "", {});
    row("only separators", bytes(" \t\r\n.,;:!?\"()[]{}<>/\\|-+*=#%&$@^~`"), {});
    row("ascii sentence", "The cat sat on the mat.",
        {{"the", 2}, {"cat", 1}, {"sat", 1}, {"on", 1}, {"mat", 1}});
    row("ascii punctuation", "hello,world!foo-bar (baz) \"qux\" a/b",
        {{"hello", 1},
         {"world", 1},
         {"foo", 1},
         {"bar", 1},
         {"baz", 1},
         {"qux", 1},
         {"a", 1},
         {"b", 1}});
    row("crlf", "line one\r\nline two\r\n", {{"line", 2}, {"one", 1}, {"two", 1}});
    row("ascii whitespace", bytes("a\tb\nc\vd\fe\rf g"),
        {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}, {"f", 1}, {"g", 1}});
    row("control characters", bytes("g\x01h\x1Fi\x7Fj"), {{"g", 1}, {"h", 1}, {"i", 1}, {"j", 1}});

    // Case folding: the simple lowercase mapping of every code point.
    row("case ascii", "Hello HELLO hello hElLo", {{"hello", 4}});
    row("case latin", "ÁRBOL árbol Árbol ÑANDÚ", {{"árbol", 3}, {"ñandú", 1}});
    row("case greek sigma", "ΣΟΦΟΣ σοφοσ σοφος", {{"σοφοσ", 2}, {"σοφος", 1}});
    row("case dotted capital i", "İstanbul İSTANBUL istanbul İ", {{"istanbul", 3}, {"i", 1}});
    row("case dotless i stays", "ı IıI", {{"ı", 1}, {"iıi", 1}});
    row("case sharp s", "STRASSE straße ẞ", {{"strasse", 1}, {"straße", 1}, {"ß", 1}});
    row("case titlecase digraph", "ǅemal ǄEMAL ǈ", {{"ǆemal", 2}, {"ǉ", 1}});
    row("case cyrillic", "МОСКВА Москва", {{"москва", 2}});
    row("case deseret 4-byte", "𐐀𐐁 𐐨𐐩", {{"𐐨𐐩", 2}});
    row("case roman numeral", "Ⅻ ⅻ", {{"ⅻ", 2}});
    row("case capital without mapping", "𝒜", {{"𝒜", 1}});

    // Apostrophes join two word characters; nothing else does.
    row("apostrophe ascii", "don't DON'T", {{"don't", 2}});
    row("apostrophe u2019", "l’eau L’EAU", {{"l’eau", 2}});
    row("apostrophe kinds are distinct", "l'eau l’eau", {{"l'eau", 1}, {"l’eau", 1}});
    row("apostrophe twice in a word", "rock'n'roll rock’n’roll",
        {{"rock'n'roll", 1}, {"rock’n’roll", 1}});
    row("apostrophe quoted", "'quoted' ’quoted’", {{"quoted", 2}});
    row("apostrophe trailing and leading", "dogs' 'tis x'", {{"dogs", 1}, {"tis", 1}, {"x", 1}});
    row("apostrophe double", "don''t don’’t don'’t", {{"don", 3}, {"t", 3}});
    row("apostrophe alone", "' ’ '' ''' ’’", {});
    row("apostrophe digits and underscore", "90's x'_y 1'2",
        {{"90's", 1}, {"x'_y", 1}, {"1'2", 1}});
    row("apostrophe after mark", "e\u0301'x", {{"é'x", 1}});
    row("apostrophe then separator", "it' s it 's", {{"it", 2}, {"s", 2}});
    row("left quote separates", "l‘eau l`eau l´eau", {{"l", 3}, {"eau", 3}});
    row("modifier letter apostrophe is a letter", "nʼa", {{"nʼa", 1}});

    // Numbers: decimal digits, letter numbers and other numbers.
    row("digits", "2024 3.14 1,000 42nd",
        {{"2024", 1}, {"3", 1}, {"14", 1}, {"1", 1}, {"000", 1}, {"42nd", 1}});
    row("other numbers", "x² 3½ ٣٤ ①", {{"x²", 1}, {"3½", 1}, {"٣٤", 1}, {"①", 1}});

    // Connector punctuation.
    row("underscore", "snake_case __init__ a_ _",
        {{"snake_case", 1}, {"__init__", 1}, {"a_", 1}, {"_", 1}});
    row("other connectors", "a‿b c⁀d e＿f", {{"a‿b", 1}, {"c⁀d", 1}, {"e＿f", 1}});
    row("dashes separate", "a-b c–d e—f",
        {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}, {"f", 1}});

    // Marks belong to words, even alone.
    row("nonspacing mark", "n\u0303o", {{"ño", 1}});
    row("spacing mark", "हिन्दी", {{"हिन्दी", 1}});
    row("enclosing mark", "a\u20DD", {{"a\u20DD", 1}});
    row("lone mark", " \u0301 ", {{"\u0301", 1}});

    // NFC.
    row("nfc composes", "cafe\u0301 café CAFE\u0301 CAFÉ", {{"café", 4}});
    row("nfc capital with mark", "E\u0301 É é", {{"é", 3}});
    row("nfc reorders marks", "a\u0302\u0323 a\u0323\u0302 ậ", {{"ậ", 3}});
    row("nfc hangul", "\u1100\u1161\u11A8 각", {{"각", 2}});
    row("nfc singletons", "\u212A \u2126 \u212B", {{"k", 1}, {"ω", 1}, {"å", 1}});
    row("nfc before lowercase", "I\u0307stanbul", {{"istanbul", 1}});
    row("nfc excluded stays decomposed", "\u0958", {{"\u0915\u093C", 1}});

    // Other separators.
    row("no-break space", "a\u00A0b", {{"a", 1}, {"b", 1}});
    row("zero width space", "a\u200Bb", {{"a", 1}, {"b", 1}});
    row("format characters", "a\u00ADb c\u200Dd e\u2060f",
        {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}, {"f", 1}});
    row("unicode spaces", "a\u2009b\u3000c\u2028d", {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}});
    row("symbols", "a😀b c€d e©f gⒶh",
        {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}, {"f", 1}, {"g", 1}, {"h", 1}});
    row("inverted punctuation", "¿Qué? ¡Sí!", {{"qué", 1}, {"sí", 1}});
    row("cjk", "日本語 日本語", {{"日本語", 2}});

    // Byte-order marks.
    row("utf-8 bom skipped", "\xEF\xBB\xBFhello hello", {{"hello", 2}});
    row("utf-8 bom only", "\xEF\xBB\xBF", {});
    row("second bom separates", "\xEF\xBB\xBF\xEF\xBB\xBFxyz m\xEF\xBB\xBFn",
        {{"xyz", 1}, {"m", 1}, {"n", 1}});
    row("utf-16 bom only at the start", "a\xFF\xFE", {{"aÿþ", 1}});
    row("utf-16le", utf16WithBom(QStringLiteral("Hello Wörld, DON’T 𝒜x 𐐀 hello"), true),
        {{"hello", 2}, {"wörld", 1}, {"don’t", 1}, {"𝒜x", 1}, {"𐐨", 1}});
    row("utf-16be", utf16WithBom(QStringLiteral("Hello Wörld, DON’T 𝒜x 𐐀 hello"), false),
        {{"hello", 2}, {"wörld", 1}, {"don’t", 1}, {"𝒜x", 1}, {"𐐨", 1}});
    row("utf-16le surrogate pair letter", utf16WithBom(QStringLiteral("x𝒜y 𝒜"), true),
        {{"x𝒜y", 1}, {"𝒜", 1}});
    row("utf-16be surrogate pair letter", utf16WithBom(QStringLiteral("x𝒜y 𝒜"), false),
        {{"x𝒜y", 1}, {"𝒜", 1}});
    row("utf-16le nfc and case", utf16WithBom(QStringLiteral("E\u0301COLE école İ"), true),
        {{"école", 2}, {"i", 1}});
    row("utf-16be separators", utf16WithBom(QStringLiteral("a\u00A0b\u200Bc😀d"), false),
        {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}});
    row("utf-16le lone surrogates separate",
        utf16WithBom(QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b") + QChar(0xDC00)
                         + QStringLiteral("c") + QChar(0xD83D),
                     true),
        {{"a", 1}, {"b", 1}, {"c", 1}});
    row("utf-16be apostrophes", utf16WithBom(QStringLiteral("'quoted' rock'n'roll l’eau"), false),
        {{"quoted", 1}, {"rock'n'roll", 1}, {"l’eau", 1}});
    row("utf-16 bom only", bytes("\xFF\xFE"), {});
    row("utf-16 words are not windows-1252", utf16WithBom(QStringLiteral("\u0092\u00F1"), true),
        {{"ñ", 1}});

    // Bytes that are not valid UTF-8 are Windows-1252.
    row("windows-1252 ñ", "a\xF1o año A\xD1O", {{"año", 3}});
    row("windows-1252 apostrophe", "don\x92t don’t", {{"don’t", 2}});
    row("windows-1252 accents", "caf\xE9 \xC9T\xC9 g\xFCnter",
        {{"café", 1}, {"été", 1}, {"günter", 1}});
    row("windows-1252 letters above 0x80", "\x8Ao \x9F \x8C \x9C \x8E",
        {{"šo", 1}, {"ÿ", 1}, {"œ", 2}, {"ž", 1}});
    row("windows-1252 separators", "x\x80y x\x85y x\x93y\x94 x\xA0y x\xBFy", {{"x", 5}, {"y", 5}});
    row("windows-1252 undefined bytes separate", "x\x81y x\x8Dy x\x8Fy x\x90y x\x9Dy",
        {{"x", 5}, {"y", 5}});
    row("truncated sequence", "a\xC3 x\xC3(", {{"aã", 1}, {"xã", 1}});
    row("truncated 3-byte sequence", "\xE2\x82x", {{"â", 1}, {"x", 1}});
    row("truncated 4-byte sequence", "y\xF0\x9D\x92", {{"yð", 1}});
    row("overlong encoding", "x\xC0\xAFy", {{"xà", 1}, {"y", 1}});
    row("encoded surrogate", "x\xED\xA0\x80y", {{"xí", 1}, {"y", 1}});
    row("past U+10FFFF", "\xF4\x90\x80\x80", {{"ô", 1}});
    row("stray continuation bytes", "x\xA9y\xAA", {{"x", 1}, {"yª", 1}});
    row("lead bytes not valid", "\xF8\xF9 x\xF5", {{"øù", 1}, {"xõ", 1}});
    row("valid next to invalid", "\xC3\xC3\xA9", {{"ãé", 1}});

    // Plain words (WordBuilder::queuePlainWords(), 64 bytes at a time) next to everything that
    // sends a word back to the general path, and across the 64-byte windows.
    row("plain words of 15, 16 and 17 bytes",
        "Abcdefghijklmno abcdefghijklmnoP abcdefghijklmnopQ x",
        {{"abcdefghijklmno", 1}, {"abcdefghijklmnop", 1}, {"abcdefghijklmnopq", 1}, {"x", 1}});
    row("plain words over many windows", QByteArray("Ab cd,\r\n").repeated(50),
        {{"ab", 50}, {"cd", 50}});
    row("plain words with a window edge in each", QByteArray("Abcdefghijklm ").repeated(30),
        {{"abcdefghijklm", 30}});
    row("plain words then an apostrophe word", QByteArray("abc ").repeated(15) + "dON'T Ab",
        {{"abc", 15}, {"don't", 1}, {"ab", 1}});
    row("plain words then a latin letter", QByteArray("abc ").repeated(15) + "caNCIÓN abc",
        {{"abc", 16}, {"canción", 1}});
    row("plain word after a latin letter", "ñ Ñx x", {{"ñ", 1}, {"ñx", 1}, {"x", 1}});
    row("quote before a plain word", QByteArray("'abc ").repeated(20), {{"abc", 20}});
    row("plain words and a 70-byte word", "ab " + QByteArray(70, 'Z') + " ab",
        {{"ab", 2}, {QByteArray(70, 'z'), 1}});
    row("plain words and separators past a window", "ab" + QByteArray(100, ' ') + "cd.",
        {{"ab", 1}, {"cd", 1}});
    row("plain word then nul and control bytes", bytes("ab\0cd\x1f ab\x7f"),
        {{"ab", 2}, {"cd", 1}});

    // Over-long words: more than 1,000 bytes of UTF-8 after NFC and lowercasing.
    row("1000 bytes", QByteArray(1000, 'A'), {{QByteArray(1000, 'a'), 1}});
    row("1001 bytes", "x " + QByteArray(1001, 'a') + " x", {{"x", 2}}, 1);
    row("very long word", "x " + QByteArray(20000, 'a') + " y", {{"x", 1}, {"y", 1}}, 1);
    row("1000 bytes of 2-byte letters", QByteArray("é").repeated(500),
        {{QByteArray("é").repeated(500), 1}});
    row("1002 bytes of 2-byte letters", QByteArray("é").repeated(501), {}, 1);
    row("1000 bytes after nfc of a decomposed letter", "e\u0301" + QByteArray(998, 'e'),
        {{"é" + QByteArray(998, 'e'), 1}});
    row("1000 bytes after nfc", QByteArray("E\u0301").repeated(500),
        {{QByteArray("é").repeated(500), 1}});
    row("999 bytes after lowercase growth", QByteArray("Ⱥ").repeated(333),
        {{QByteArray("ⱥ").repeated(333), 1}});
    row("1002 bytes after lowercase growth", QByteArray("Ⱥ").repeated(334), {}, 1);
    row("1000 bytes after lowercase shrink", QByteArray("İ").repeated(1000),
        {{QByteArray(1000, 'i'), 1}});
    row("1000 bytes after nfc shrink", QByteArray("\u212A").repeated(1000),
        {{QByteArray(1000, 'k'), 1}});
    row("1001 bytes after nfc shrink", QByteArray("\u212A").repeated(1001), {}, 1);
    row("1000 bytes with apostrophe", QByteArray(998, 'a') + "'b",
        {{QByteArray(998, 'a') + "'b", 1}});
    row("1001 bytes with apostrophe", QByteArray(999, 'a') + "'b", {}, 1);
    row("1000 bytes from windows-1252", QByteArray(500, '\xF1'),
        {{QByteArray("ñ").repeated(500), 1}});
    row("1001 bytes from windows-1252", "a" + QByteArray(500, '\xF1'), {}, 1);
    row("utf-16 999 bytes of 3-byte letters",
        utf16WithBom(QStringLiteral("ア").repeated(333), true),
        {{QByteArray("ア").repeated(333), 1}});
    row("utf-16 1002 bytes of 3-byte letters",
        utf16WithBom(QStringLiteral("ア").repeated(334) + QStringLiteral(" x"), false), {{"x", 1}},
        1);
    row("utf-16 1000 bytes of 4-byte letters", utf16WithBom(fromUcs4(0x1D49C).repeated(250), true),
        {{QByteArray("𝒜").repeated(250), 1}});
    row("several over-long words",
        QByteArray(1001, 'a') + " " + QByteArray(2000, 'b') + "\n" + QByteArray(1001, 'c') + " ok",
        {{"ok", 1}}, 3);
}

void TestTokenizer::check(CountingMode mode, qint64 chunkSize)
{
    QFETCH(QByteArray, input);
    QFETCH(Counts, expected);
    QFETCH(quint64, overlong);
    const Outcome outcome = countInChunks(input, mode, chunkSize);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(render(outcome.counts), render(expected));
    QCOMPARE(outcome.words, sum(expected));
    QCOMPARE(outcome.overlongWords, overlong);
}

void TestTokenizer::wordsMode()
{
    check(CountingMode::Words, 0);
}

// The same rows cut into chunks far smaller than a job allows, so that every word, multibyte
// sequence, apostrophe and surrogate pair straddles chunk edges somewhere.
void TestTokenizer::wordsModeInSmallChunks()
{
    for (const qint64 size : {1, 2, 3, 5, 7, 64}) {
        check(CountingMode::Words, size);
        if (QTest::currentTestFailed()) {
            qWarning("with chunks of %lld bytes", size);
            return;
        }
    }
}

void TestTokenizer::whitespaceMode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Counts>("expected");
    QTest::addColumn<quint64>("overlong");

    const auto row
        = [](const char *name, const QByteArray &input, const Counts &expected,
             quint64 overlong = 0) { QTest::newRow(name) << input << expected << overlong; };

    row("empty", "", {});
    row("only whitespace", bytes(" \t\n\v\f\r \r\n"), {});
    row("punctuation is kept", "Hello, World! hello", {{"hello,", 1}, {"world!", 1}, {"hello", 1}});
    row("every ascii whitespace", bytes("a\tb\nc\vd\fe\rf g  h"),
        {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}, {"f", 1}, {"g", 1}, {"h", 1}});
    row("crlf", "one\r\ntwo\r\n\r\nONE", {{"one", 2}, {"two", 1}});
    row("other control bytes join", bytes("g\x1Ch\x1Di\x1Ej\x1Fk\x00l\x7Fm"),
        {{bytes("g\x1Ch\x1Di\x1Ej\x1Fk\x00l\x7Fm"), 1}});
    row("unicode spaces join", "g\xC2\xA0h i\xC2\x85j k\xE2\x80\x8Bl",
        {{"g\xC2\xA0h", 1}, {"i\xC2\x85j", 1}, {"k\xE2\x80\x8Bl", 1}});
    row("only A-Z lowercased", "ÁRBOL İSTANBUL ΣΟΦΟΣ Ab",
        {{"\xC3\x81rbol", 1}, {"\xC4\xB0stanbul", 1}, {"ΣΟΦΟΣ", 1}, {"ab", 1}});
    row("bytes kept raw", "a\xF1o año don\x92t \x81\x8D\x8F\x90\x9D",
        {{"a\xF1o", 1}, {"año", 1}, {"don\x92t", 1}, {"\x81\x8D\x8F\x90\x9D", 1}});
    row("no normalization", "cafe\xCC\x81 caf\xC3\xA9", {{"cafe\xCC\x81", 1}, {"caf\xC3\xA9", 1}});
    row("apostrophes kept", "don't 'quoted' l’eau '",
        {{"don't", 1}, {"'quoted'", 1}, {"l’eau", 1}, {"'", 1}});
    row("digits and underscores", "3.14 1,000 snake_case",
        {{"3.14", 1}, {"1,000", 1}, {"snake_case", 1}});
    row("utf-8 bom kept as bytes", "\xEF\xBB\xBFhello hello",
        {{"\xEF\xBB\xBFhello", 1}, {"hello", 1}});
    row("utf-16le bom kept as bytes", bytes("\xFF\xFEH\x00i\x00 \x00"),
        {{bytes("\xFF\xFEh\x00i\x00"), 1}, {bytes("\x00"), 1}});
    row("utf-16be bom kept as bytes", bytes("\xFE\xFF\x00H\x00I"),
        {{bytes("\xFE\xFF\x00h\x00i"), 1}});
    row("1000 bytes", QByteArray(1000, 'A'), {{QByteArray(1000, 'a'), 1}});
    row("1001 bytes", "x " + QByteArray(1001, 'a') + " x", {{"x", 2}}, 1);
    row("very long token", "x\n" + QByteArray(20000, '.') + "\ny", {{"x", 1}, {"y", 1}}, 1);
    row("1000 bytes multibyte", QByteArray("É").repeated(500),
        {{QByteArray("É").repeated(500), 1}});
    row("1002 bytes multibyte", QByteArray("é").repeated(501), {}, 1);
    row("1001 bytes decomposed", "e\xCC\x81" + QByteArray(998, 'e'), {}, 1);
}

void TestTokenizer::whitespaceMode()
{
    check(CountingMode::Whitespace, 0);
}

void TestTokenizer::whitespaceModeInSmallChunks()
{
    for (const qint64 size : {1, 2, 3, 5, 7, 64}) {
        check(CountingMode::Whitespace, size);
        if (QTest::currentTestFailed()) {
            qWarning("with chunks of %lld bytes", size);
            return;
        }
    }
}

void TestTokenizer::longWordReadsStayInChunk_data()
{
    QTest::addColumn<CountingMode>("mode");
    QTest::addColumn<qint64>("begin");
    QTest::addColumn<quint64>("overlong");
    QTest::newRow("words, chunk that owns the word")
        << CountingMode::Words << qint64(0) << quint64(1);
    QTest::newRow("words, chunk inside the word")
        << CountingMode::Words << qint64(1 << 20) << quint64(0);
    QTest::newRow("whitespace, chunk that owns the word")
        << CountingMode::Whitespace << qint64(0) << quint64(1);
    QTest::newRow("whitespace, chunk inside the word")
        << CountingMode::Whitespace << qint64(1 << 20) << quint64(0);
}

// One word of 8 MiB: a chunk of 1 MiB reads its own range and little more, whether it owns the
// word (over-long whatever its end) or starts inside it (the rest is not its to count).
void TestTokenizer::longWordReadsStayInChunk()
{
    QFETCH(CountingMode, mode);
    QFETCH(qint64, begin);
    QFETCH(quint64, overlong);
    const QByteArray input(8 << 20, 'a');
    ChunkTask task;
    task.mode = mode;
    task.begin = begin;
    task.end = begin + (1 << 20);
    task.contentEnd = input.size();
    JobControl control;
    JobCounters counters;
    ChunkCounter counter(control, counters);
    MemorySource source(input);
    WordTable table;
    const ChunkTally tally = counter.count(source, task, table);
    QCOMPARE(tally.status, ChunkTally::Counted);
    QCOMPARE(tally.words, quint64(0));
    QCOMPARE(tally.overlongWords, overlong);
    QVERIFY2(source.bytesRead() <= (task.end - task.begin) + 64 * 1024,
             qPrintable(QStringLiteral("read %1 bytes").arg(source.bytesRead())));
    QCOMPARE(counters.bytesCounted(), task.end - task.begin);
}

// The whitespace mode's SIMD mask against the byte-by-byte reference: every byte value at every
// place of the 64-byte window, and random text. The whole-job rows above run the SIMD one (on
// x86-64) through the chunk counter.
void TestTokenizer::spaceScanMatchesScalar_data()
{
    QTest::addColumn<QByteArray>("background"); // filled with one byte, then one byte changed
    QTest::addColumn<int>("seed"); // 0: each byte value at each place; else random bytes
    QTest::newRow("one byte in letters") << QByteArray(1, 'a') << 0;
    QTest::newRow("one byte in spaces") << QByteArray(1, ' ') << 0;
    QTest::newRow("one byte in tabs") << QByteArray(1, '\t') << 0;
    QTest::newRow("one byte in high bytes") << QByteArray(1, '\xe9') << 0;
    for (int seed = 1; seed <= 4; ++seed)
        QTest::addRow("random text %d", seed) << QByteArray() << seed;
}

void TestTokenizer::spaceScanMatchesScalar()
{
    QFETCH(QByteArray, background);
    QFETCH(int, seed);
    constexpr int Length = 64;
    QByteArray buffer(Length, 'x');
    char *const data = buffer.data();
    // Returns the first byte whose bit is wrong, or an empty string.
    const auto mismatch = [&]() -> QString {
        const quint64 mask = SpaceScan::spaceMask64(data);
        for (int i = 0; i < Length; ++i) {
            if (((mask >> i) & 1) != quint64(TextDecoding::isAsciiWhitespace(quint8(data[i]))))
                return QStringLiteral("bit %1").arg(i);
        }
        return {};
    };
    if (seed == 0) {
        const QString where = mismatchOfEveryByte(data, Length, background.at(0), mismatch);
        QVERIFY2(where.isEmpty(), qPrintable(where));
        return;
    }
    QRandomGenerator random {quint32(seed)};
    static const char text[] = "ab \t\n\v\f\r\x08\x0e\x1f!\x7f\x80\xff";
    for (int round = 0; round < 2000; ++round) {
        for (int i = 0; i < Length; ++i)
            data[i] = text[random.bounded(int(sizeof text - 1))];
        const QString where = mismatch();
        if (!where.isEmpty())
            QFAIL(qPrintable(QStringLiteral("round %1: %2").arg(round).arg(where)));
    }
}

// The edge walker finds a block's tokens 64 bytes at a time, as the whitespace kernel does: they
// must be the scalar scan's, for tokens and gaps that cross its windows, at the block's end (a
// token there has no end: the next block may go on with it), when the end cuts a window, and when
// the block begins inside a token.
void TestTokenizer::edgeWalkerMatchesScalar_data()
{
    QTest::addColumn<int>("length"); // of the block
    QTest::addColumn<int>("seed");
    QTest::addColumn<bool>("inToken"); // the block goes on with a token of the block before
    for (const int length : {0, 1, 63, 64, 65, 127, 128, 200, 1000})
        for (const int seed : {1, 2, 3})
            for (const bool inToken : {false, true})
                QTest::addRow("%d bytes, text %d%s", length, seed, inToken ? ", in a token" : "")
                    << length << seed << inToken;
}

void TestTokenizer::edgeWalkerMatchesScalar()
{
    QFETCH(int, length);
    QFETCH(int, seed);
    QFETCH(bool, inToken);
    QRandomGenerator random {quint32(seed)};
    // Seed 1: short tokens and gaps; 2: long runs of either (across windows); 3: every byte value.
    // After the block: letters, which must not count.
    QByteArray block(length + SpaceScan::Overread, 'x');
    for (int i = 0; i < length;) {
        const bool space = random.bounded(2) == 0;
        const int run = seed == 2 ? 1 + random.bounded(150) : 1 + random.bounded(6);
        for (int k = 0; k < run && i < length; ++k, ++i)
            block[i] = seed == 3 ? char(random.bounded(256))
                : space          ? " \t\n\v\f\r"[random.bounded(6)]
                                 : char('a' + random.bounded(26));
    }
    const char *const data = block.constData();
    const char *const end = data + length;
    // (start, length) of each token; a start of -1 for the token the block goes on with, a
    // length of -1 for one the block's end cuts.
    QList<QPair<int, int>> byScalar;
    const auto tokenEnd = [end](const char *q) {
        while (q < end && !TextDecoding::isAsciiWhitespace(quint8(*q)))
            ++q;
        return q;
    };
    const char *p = data;
    if (inToken) {
        const char *const q = tokenEnd(p);
        byScalar.append({-1, q < end ? int(q - data) : -1});
        p = q;
    }
    for (;;) {
        while (p < end && TextDecoding::isAsciiWhitespace(quint8(*p)))
            ++p;
        if (p == end)
            break;
        const char *const q = tokenEnd(p);
        byScalar.append({int(p - data), q < end ? int(q - p) : -1});
        p = q;
    }
    QList<QPair<int, int>> byWalker;
    SpaceScan::EdgeWalker edges(data, end, inToken);
    for (bool open = inToken;;) {
        const char *start = data;
        if (!open && !edges.nextStart(&start))
            break;
        const char *stop = nullptr;
        const bool ended = edges.nextEnd(&stop);
        const int length = !ended ? -1 : int(stop - (open ? data : start));
        byWalker.append({open ? -1 : int(start - data), length});
        if (!ended)
            break;
        open = false;
    }
    QCOMPARE(byWalker, byScalar);
}

// Words mode's SIMD copy of ASCII word runs against the byte-by-byte reference: every byte value
// at every place of a 16-byte group of letters, digits or underscores (where the run must stop,
// or not), and random text. The words-mode rows above run the SIMD one (on x86-64) through the
// chunk counter.
void TestTokenizer::asciiRunMatchesScalar_data()
{
    QTest::addColumn<QByteArray>("background"); // filled with one byte, then one byte changed
    QTest::addColumn<int>("seed"); // 0: each byte value at each place; else random bytes
    QTest::newRow("one byte in small letters") << QByteArray(1, 'q') << 0;
    QTest::newRow("one byte in capitals") << QByteArray(1, 'Q') << 0;
    QTest::newRow("one byte in digits") << QByteArray(1, '7') << 0;
    QTest::newRow("one byte in underscores") << QByteArray(1, '_') << 0;
    for (int seed = 1; seed <= 4; ++seed)
        QTest::addRow("random text %d", seed) << QByteArray() << seed;
}

void TestTokenizer::asciiRunMatchesScalar()
{
    QFETCH(QByteArray, background);
    QFETCH(int, seed);
    constexpr int Length = 16;
    QByteArray input(Length + 16, '\x80'); // the run ends by the 17th byte, as at a sentinel
    char *const data = input.data();
    // Returns where the two first disagree, or an empty string.
    const auto mismatch = [&]() -> QString {
        char raw[2][16] = {};
        char lower[2][16] = {};
        const int simd = AsciiWords::copyRun(data, raw[0], lower[0]);
        const int scalar = AsciiWords::copyRunScalar(data, raw[1], lower[1]);
        if (simd != scalar)
            return QStringLiteral("run of %1 bytes, not %2").arg(simd).arg(scalar);
        if (std::memcmp(raw[0], raw[1], size_t(simd)) != 0)
            return QStringLiteral("raw bytes differ");
        if (std::memcmp(lower[0], lower[1], size_t(simd)) != 0)
            return QStringLiteral("lowercased bytes differ");
        return {};
    };
    if (seed == 0) {
        const QString where = mismatchOfEveryByte(data, Length, background.at(0), mismatch);
        QVERIFY2(where.isEmpty(), qPrintable(where));
        return;
    }
    QRandomGenerator random {quint32(seed)};
    // Mostly word characters, so that runs are long; the bytes next to each range's edges.
    static const char text[] = "azAZ09_qQ5@[`{/:\x7f\x80\xc3\xff -'";
    for (int round = 0; round < 4000; ++round) {
        for (int i = 0; i < Length; ++i)
            data[i] = text[random.bounded(round % 2 ? 9 : int(sizeof text - 1))];
        const QString where = mismatch();
        QVERIFY2(where.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(where)));
    }
}

// Words mode's masks of 64 bytes and its 16-byte lowercasing (the plain words' path) against the
// byte-by-byte references: every byte value at every place of 64 bytes of one kind, and random
// bytes from every kind.
void TestTokenizer::plainWordMasksMatchScalar_data()
{
    QTest::addColumn<char>("fill");
    QTest::addColumn<int>("seed"); // 0: each byte value at each place; else random bytes
    QTest::newRow("in small letters") << 'q' << 0;
    QTest::newRow("in capitals") << 'Q' << 0;
    QTest::newRow("in spaces") << ' ' << 0;
    QTest::newRow("in apostrophes") << '\'' << 0;
    QTest::newRow("in non-ASCII bytes") << '\xc3' << 0;
    for (int seed = 1; seed <= 4; ++seed)
        QTest::addRow("random bytes %d", seed) << ' ' << seed;
}

void TestTokenizer::plainWordMasksMatchScalar()
{
    QFETCH(char, fill);
    QFETCH(int, seed);
    constexpr int Length = 64;
    char data[Length];
    const auto mismatch = [&]() -> QString {
        const AsciiWords::Masks simd = AsciiWords::classify64(data);
        const AsciiWords::Masks scalar = AsciiWords::classify64Scalar(data);
        if (simd.word != scalar.word)
            return QStringLiteral("word mask %1, not %2")
                .arg(simd.word, 0, 16)
                .arg(scalar.word, 0, 16);
        if (simd.nonAscii != scalar.nonAscii)
            return QStringLiteral("non-ASCII mask %1, not %2")
                .arg(simd.nonAscii, 0, 16)
                .arg(scalar.nonAscii, 0, 16);
        if (simd.apostrophe != scalar.apostrophe)
            return QStringLiteral("apostrophe mask %1, not %2")
                .arg(simd.apostrophe, 0, 16)
                .arg(scalar.apostrophe, 0, 16);
        for (int at = 0; at < Length; at += 16) {
            char lower[2][16];
            AsciiWords::lower16(data + at, lower[0]);
            AsciiWords::lower16Scalar(data + at, lower[1]);
            if (std::memcmp(lower[0], lower[1], 16) != 0)
                return QStringLiteral("lowercased bytes from %1 differ").arg(at);
        }
        return {};
    };
    if (seed == 0) {
        const QString where = mismatchOfEveryByte(data, Length, fill, mismatch);
        QVERIFY2(where.isEmpty(), qPrintable(where));
        return;
    }
    QRandomGenerator random {quint32(seed)};
    for (int round = 0; round < 4000; ++round) {
        for (char &c : data)
            c = char(random.bounded(256));
        const QString where = mismatch();
        QVERIFY2(where.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(where)));
    }
}

// Words mode looks code points below U+0300 up by their two bytes: every pair of bytes must find
// the entry that decoding, classify() and foldCodePoint() give, or none where they do not decode
// to such a code point.
void TestTokenizer::latinTableMatchesDecoding()
{
    using namespace ChunkCounting;
    for (int b0 = 0; b0 < 256; ++b0) {
        for (int b1 = 0; b1 < 256; ++b1) {
            const quint8 bytes[2] = {quint8(b0), quint8(b1)};
            char32_t cp = 0;
            const bool latin = utf8Sequence(bytes, bytes + 2, &cp) == 2 && cp < 0x300;
            const LatinChar *entry = Latin.at(bytes);
            QVERIFY2(bool(entry) == latin, qPrintable(QStringLiteral("%1 %2").arg(b0).arg(b1)));
            if (!latin)
                continue;
            char fold[4] = {};
            const int foldLength = encodeUtf8(WordFolding::foldCodePoint(cp), fold);
            QCOMPARE(entry->cls, quint8(classify(cp)));
            QCOMPARE(QByteArray(entry->fold, entry->foldLength), QByteArray(fold, foldLength));
        }
    }
}

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
