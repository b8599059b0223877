// SPDX-License-Identifier: GPL-3.0-or-later
// Property test: results never depend on chunk size, worker count or file order. Random texts
// are counted by CountJob in many ways and compared with a plain single-threaded reference
// written here from the counting rules of issue 2, independently of core's decoder and tokenizer.
//
// Every row prints its seed; set WORDMILL_TEST_SEED to rerun the "random seed" row with a seed.

#include "core/engine/countjob.h"
#include "core/engine/countresult.h"
#include "core/engine/jobspec.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace {

// ---------------------------------------------------------------------------------------------
// The reference counter: decode the whole file, tokenize, normalise, lowercase, limit.

using Counts = std::map<QByteArray, quint64>;

struct Reference
{
    Counts counts;
    quint64 words = 0;
    quint64 overlongWords = 0;
};

constexpr int MaxWordBytes = 1000;

// Windows-1252 as published by Microsoft for 0x80-0x9F; the five bytes it leaves undefined
// (0x81, 0x8D, 0x8F, 0x90, 0x9D) stand for the code point of the same value, as the rules say.
char32_t fromWindows1252(uchar byte)
{
    static const char32_t table[32] = {
        0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80-87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F, // 88-8F
        0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90-97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178, // 98-9F
    };
    return byte >= 0x80 && byte <= 0x9F ? table[byte - 0x80] : char32_t(byte);
}

// The code point of the well-formed UTF-8 sequence at \a i (Unicode Table 3-7), or 0 bytes.
int wellFormedUtf8(const uchar *b, qsizetype n, qsizetype i, char32_t *cp)
{
    const uchar lead = b[i];
    int length = 0;
    if (lead < 0x80)
        length = 1;
    else if ((lead & 0xE0) == 0xC0)
        length = 2;
    else if ((lead & 0xF0) == 0xE0)
        length = 3;
    else if ((lead & 0xF8) == 0xF0)
        length = 4;
    if (length == 0 || i + length > n)
        return 0;
    char32_t value = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
        if ((b[i + k] & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (b[i + k] & 0x3F);
    }
    static const char32_t smallest[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *cp = value;
    return length;
}

// Rule 1. Lone UTF-16 surrogates come out as themselves.
std::u32string decode(const QByteArray &file)
{
    const auto *b = reinterpret_cast<const uchar *>(file.constData());
    const qsizetype n = file.size();
    std::u32string text;
    if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        const bool littleEndian = b[0] == 0xFF;
        std::vector<char16_t> units;
        for (qsizetype i = 2; i + 1 < n; i += 2)
            units.push_back(littleEndian ? char16_t(b[i] | (b[i + 1] << 8))
                                         : char16_t((b[i] << 8) | b[i + 1]));
        for (size_t k = 0; k < units.size(); ++k) {
            const char16_t u = units[k];
            if (u >= 0xD800 && u <= 0xDBFF && k + 1 < units.size() && units[k + 1] >= 0xDC00
                && units[k + 1] <= 0xDFFF) {
                text.push_back(0x10000 + ((char32_t(u) - 0xD800) << 10) + (units[k + 1] - 0xDC00));
                ++k;
            } else {
                text.push_back(u);
            }
        }
        return text;
    }
    qsizetype i = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
    while (i < n) {
        char32_t cp = 0;
        const int length = wellFormedUtf8(b, n, i, &cp);
        if (length > 0) {
            text.push_back(cp);
            i += length;
        } else {
            text.push_back(fromWindows1252(b[i]));
            ++i;
        }
    }
    return text;
}

enum class Kind { Separator, Word, Apostrophe };

// Rule 2.
Kind kindOf(char32_t cp)
{
    if (cp == U'\'' || cp == U'\u2019')
        return Kind::Apostrophe;
    switch (QChar::category(cp)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Punctuation_Connector:
        return Kind::Word;
    default:
        return Kind::Separator;
    }
}

// Rules 3 and 4 for one word.
void addWord(const std::u32string &word, Reference *ref)
{
    const QString nfc = QString::fromUcs4(word.data(), qsizetype(word.size()))
                            .normalized(QString::NormalizationForm_C);
    QList<uint> codePoints = nfc.toUcs4();
    for (uint &cp : codePoints)
        cp = cp == 0x130 ? uint('i') : uint(QChar::toLower(char32_t(cp)));
    const QByteArray utf8
        = QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()),
                            codePoints.size())
              .toUtf8();
    if (utf8.size() > MaxWordBytes) {
        ++ref->overlongWords;
    } else {
        ++ref->counts[utf8];
        ++ref->words;
    }
}

void countWords(const QByteArray &file, Reference *ref)
{
    const std::u32string text = decode(file);
    std::vector<Kind> kinds;
    kinds.reserve(text.size());
    for (const char32_t cp : text)
        kinds.push_back(kindOf(cp));
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        if (kinds[i] != Kind::Word) {
            ++i;
            continue;
        }
        size_t j = i + 1;
        for (;;) {
            if (j < n && kinds[j] == Kind::Word)
                ++j;
            else if (j + 1 < n && kinds[j] == Kind::Apostrophe && kinds[j + 1] == Kind::Word)
                j += 2; // kinds[j - 1] is a word character: the apostrophe joins
            else
                break;
        }
        addWord(text.substr(i, j - i), ref);
        i = j;
    }
}

void countWhitespaceTokens(const QByteArray &file, Reference *ref)
{
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
    };
    qsizetype i = 0;
    while (i < file.size()) {
        if (isSpace(file.at(i))) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < file.size() && !isSpace(file.at(j)))
            ++j;
        if (j - i > MaxWordBytes) {
            ++ref->overlongWords;
        } else {
            QByteArray token = file.mid(i, j - i);
            for (char &c : token) {
                if (c >= 'A' && c <= 'Z')
                    c = char(c - 'A' + 'a');
            }
            ++ref->counts[token];
            ++ref->words;
        }
        i = j;
    }
}

// ---------------------------------------------------------------------------------------------
// Random texts.

class TextGenerator
{
public:
    explicit TextGenerator(quint64 seed)
        : m_random(seed)
    { }

    QRandomGenerator &random() { return m_random; }

    // Bytes for a file read as UTF-8: valid text mixed with bytes that are not.
    QByteArray utf8Text(qsizetype size)
    {
        // clang-format off
        static const char *const invalid[] = {
            "\xF1", "a\xF1o", "don\x92t", "\x92", "\x81", "\x8D", "\x8F", "\x90", "\x9D",
            "\xC3", "\xE2\x82", "\xF0\x9D\x92", "\xC0\xAF", "\xED\xA0\x80", "\xFF", "\xA9",
            "\xF4\x90\x80\x80", "\xEF\xBB\xBF", "\xE9", "x\xC3("
        };
        // clang-format on
        QByteArray out;
        while (out.size() < size) {
            if (m_random.bounded(100) < 6)
                out.append(invalid[m_random.bounded(int(std::size(invalid)))]);
            else
                out.append(piece().toUtf8());
        }
        return out;
    }

    // Text for a UTF-16 file: any code points, and now and then a lone surrogate.
    QString utf16Text(qsizetype units)
    {
        QString out;
        while (out.size() < units) {
            const int r = m_random.bounded(100);
            if (r < 2)
                out.append(QChar(char16_t(0xD800 + m_random.bounded(0x400))));
            else if (r < 4)
                out.append(QChar(char16_t(0xDC00 + m_random.bounded(0x400))));
            else
                out.append(piece());
        }
        return out;
    }

private:
    QString piece()
    {
        // clang-format off
        static const char *const words[] = {
            "the", "The", "THE", "of", "and", "AND", "don't", "DON'T", "rock'n'roll",
            "snake_case", "2024", "42nd", "x'_y", "año", "AÑO", "über", "árbol", "ÁRBOL", "日本語",
            "σοφοσ", "ΣΟΦΟΣ", "İstanbul", "istanbul", "ǅemal", "𝒜", "x𝒜y", "𐐀𐐁", "𐐨𐐩", "ア",
            "हिन्दी", "l’eau", "L’EAU", "’quoted’", "'quoted'", "café", "cafe\u0301",
            "CAFE\u0301", "E\u0301", "a\u0302\u0323", "ậ", "\u0301", "\u212A",
            "\u1100\u1161\u11A8", "각", "Ⅻ", "x²", "٣٤", "nʼa", "ß", "ẞ", "a‿b", "I\u0307", "ı",
            "Ⱥ"
        };
        static const char *const separators[] = {
            " ", " ", " ", " ", "\r\n", "\n", "\t", ", ", ". ", "\u00A0", "\u200B", "—", "'",
            "’", "''", "-", "¿", "😀", "\v", "\f", "\r", " '", "' ", "\u2028"
        };
        // clang-format on
        const int r = m_random.bounded(1000);
        if (r < 2)
            return longWord();
        if (r < 400)
            return QString::fromUtf8(separators[m_random.bounded(int(std::size(separators)))]);
        QString word = QString::fromUtf8(words[m_random.bounded(int(std::size(words)))]);
        if (m_random.bounded(100) < 60) // most words are followed by a separator
            word += QLatin1Char(' ');
        return word;
    }

    // A word near the 1,000-byte limit (after NFC and lowercasing), or far past it.
    QString longWord()
    {
        // clang-format off
        static const char *const letters[] = {
            "a", "B", "é", "É", "ア", "𝒜", "\u212A", "e\u0301", "İ", "Ⱥ", "'x"
        };
        // clang-format on
        switch (m_random.bounded(12)) {
        case 0:
            return QString(1000, QLatin1Char('a')) + QLatin1Char(' ');
        case 1:
            return QString(1001, QLatin1Char('A')) + QLatin1Char(' ');
        case 2:
            return QString(int(500 + m_random.bounded(2)), QChar(0xE9)) + QLatin1Char(' ');
        case 3:
            return QString(int(3000 + m_random.bounded(5000)), QLatin1Char('z')) + QLatin1Char(' ');
        default: {
            const int target = 960 + m_random.bounded(100); // raw UTF-8 bytes
            QString word;
            qsizetype bytes = 0;
            while (bytes < target) {
                const QString letter
                    = QString::fromUtf8(letters[m_random.bounded(int(std::size(letters)))]);
                word += letter;
                bytes += letter.toUtf8().size();
            }
            return word + QLatin1Char(' ');
        }
        }
    }

    QRandomGenerator m_random;
};

QByteArray utf16WithBom(const QString &text, bool littleEndian)
{
    QByteArray out = littleEndian ? QByteArray("\xFF\xFE") : QByteArray("\xFE\xFF");
    out.reserve(2 + 2 * text.size());
    for (const QChar c : text) {
        const char lo = char(c.unicode() & 0xFF);
        const char hi = char(c.unicode() >> 8);
        out.append(littleEndian ? lo : hi).append(littleEndian ? hi : lo);
    }
    return out;
}

QByteArray printable(const QByteArray &word)
{
    QByteArray shown = word.left(40).toPercentEncoding(" '’");
    if (word.size() > 40)
        shown += "... (" + QByteArray::number(word.size()) + " bytes)";
    return shown;
}

// Output order: count descending, then word ascending by unsigned bytes.
bool precedes(const QByteArray &a, quint64 countA, const QByteArray &b, quint64 countB)
{
    if (countA != countB)
        return countA > countB;
    return std::lexicographical_compare(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                                        [](char x, char y) { return uchar(x) < uchar(y); });
}

struct TestFile
{
    QString path;
    QByteArray bytes;
};

} // namespace

class TestChunking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesReference_data();
    void matchesReference();

private:
    void runAndCompare(const QStringList &paths, CountingMode mode, qint64 chunkSize, int workers,
                       const Reference &reference);

    QTemporaryDir m_dir;
};

void TestChunking::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestChunking::matchesReference_data()
{
    QTest::addColumn<quint64>("seed");
    for (const quint64 seed : {1, 2, 3, 20240501, 77777, 31337})
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    bool fromEnvironment = false;
    quint64 seed = qEnvironmentVariable("WORDMILL_TEST_SEED").toULongLong(&fromEnvironment);
    if (!fromEnvironment)
        seed = QRandomGenerator::global()->generate64();
    QTest::newRow("random seed") << seed;
}

void TestChunking::matchesReference()
{
    QFETCH(quint64, seed);
    qInfo("seed %llu (rerun with WORDMILL_TEST_SEED=%llu)", seed, seed);
    TextGenerator generator(seed);
    QRandomGenerator &random = generator.random();

    const QString folder = m_dir.filePath(QString::number(seed));
    QVERIFY(QDir().mkpath(folder));
    QList<TestFile> files;
    const auto addFile = [&](const QString &name, const QByteArray &bytes) {
        files.append({folder + QLatin1Char('/') + name, bytes});
    };
    addFile(QStringLiteral("plain.txt"), generator.utf8Text(30000 + random.bounded(50000)));
    addFile(QStringLiteral("small.txt"), generator.utf8Text(random.bounded(3000)));
    addFile(QStringLiteral("bom.txt"),
            "\xEF\xBB\xBF" + generator.utf8Text(10000 + random.bounded(20000)));
    addFile(QStringLiteral("le.txt"),
            utf16WithBom(generator.utf16Text(8000 + random.bounded(12000)), true));
    addFile(QStringLiteral("be.txt"),
            utf16WithBom(generator.utf16Text(8000 + random.bounded(12000)), false));
    addFile(QStringLiteral("empty.txt"), QByteArray());
    addFile(QStringLiteral("bom-only.txt"), "\xEF\xBB\xBF");

    Reference words;
    Reference whitespace;
    for (const TestFile &f : std::as_const(files)) {
        QFile out(f.path);
        QVERIFY2(out.open(QIODevice::WriteOnly), qPrintable(out.errorString()));
        QCOMPARE(out.write(f.bytes), f.bytes.size());
        out.close();
        countWords(f.bytes, &words);
        countWhitespaceTokens(f.bytes, &whitespace);
    }
    qInfo("reference: %llu words, %zu distinct, %llu over-long; %llu whitespace tokens",
          words.words, words.counts.size(), words.overlongWords, whitespace.words);
    // The reference must see the rows' hard cases, or the comparison proves little.
    QVERIFY(words.overlongWords > 0);
    QVERIFY(words.counts.size() > 100);

    QStringList paths;
    for (const TestFile &f : std::as_const(files))
        paths.append(f.path);
    const qint64 chunkSizes[] = {1024, 1025, 1536, 2047, 4096, 65536, JobSpec::MaxChunkSize};
    for (const qint64 chunkSize : chunkSizes) {
        for (int workers = 1; workers <= 4; ++workers) {
            std::shuffle(paths.begin(), paths.end(), random);
            runAndCompare(paths, CountingMode::Words, chunkSize, workers, words);
            if (QTest::currentTestFailed())
                return;
            runAndCompare(paths, CountingMode::Whitespace, chunkSize, workers, whitespace);
            if (QTest::currentTestFailed())
                return;
        }
    }
}

void TestChunking::runAndCompare(const QStringList &paths, CountingMode mode, qint64 chunkSize,
                                 int workers, const Reference &reference)
{
    QStringList names;
    for (const QString &path : paths)
        names.append(QFileInfo(path).fileName());
    const QByteArray config = QStringLiteral("%1 mode, chunk size %2, %3 workers, files %4")
                                  .arg(countingModeName(mode))
                                  .arg(chunkSize)
                                  .arg(workers)
                                  .arg(names.join(QLatin1Char(' ')))
                                  .toUtf8();
    JobSpec spec;
    spec.paths = paths;
    spec.mode = mode;
    spec.chunkSize = chunkSize;
    spec.workers = workers;
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    QVERIFY2(finished.wait(120000), config.constData());
    QCOMPARE(job.state(), CountJob::Done);
    const std::shared_ptr<const CountResult> result = job.result();
    QVERIFY(result);

    for (qsizetype rank = 1; rank < result->size(); ++rank) {
        const QByteArray before = result->word(rank - 1).toByteArray();
        const QByteArray after = result->word(rank).toByteArray();
        if (!precedes(before, result->count(rank - 1), after, result->count(rank)))
            QFAIL(qPrintable(QStringLiteral("out of order at rank %1: %2 (%3) before %4 (%5); %6")
                                 .arg(rank)
                                 .arg(QString::fromLatin1(printable(before)))
                                 .arg(result->count(rank - 1))
                                 .arg(QString::fromLatin1(printable(after)))
                                 .arg(result->count(rank))
                                 .arg(QString::fromUtf8(config))));
    }

    std::vector<std::pair<QByteArray, quint64>> expected(reference.counts.cbegin(),
                                                         reference.counts.cend());
    std::sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) {
        return precedes(a.first, a.second, b.first, b.second);
    });
    const qsizetype common = std::min(result->size(), qsizetype(expected.size()));
    for (qsizetype rank = 0; rank < common; ++rank) {
        const auto &[word, count] = expected[size_t(rank)];
        if (result->word(rank).toByteArray() != word || result->count(rank) != count)
            QFAIL(qPrintable(
                QStringLiteral("rank %1: got %2 (%3), expected %4 (%5); %6")
                    .arg(rank)
                    .arg(QString::fromLatin1(printable(result->word(rank).toByteArray())))
                    .arg(result->count(rank))
                    .arg(QString::fromLatin1(printable(word)))
                    .arg(count)
                    .arg(QString::fromUtf8(config))));
    }
    QCOMPARE(result->size(), qsizetype(expected.size()));
    QCOMPARE(result->totals.filesCounted, qint64(paths.size()));
    QCOMPARE(result->totals.filesSkipped, qint64(0));
    QVERIFY2(result->totals.words == reference.words, config.constData());
    QVERIFY2(result->totals.overlongWords == reference.overlongWords, config.constData());
    QVERIFY2(result->totals.distinctWords == quint64(reference.counts.size()), config.constData());
}

QTEST_GUILESS_MAIN(TestChunking)
#include "tst_chunking.moc"
