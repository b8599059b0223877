// SPDX-License-Identifier: GPL-3.0-or-later
// wordmill-cli as Hadoop Streaming runs it: --map on parts of the input, LC_ALL=C sort, --reduce,
// --merge of the reducers' outputs, byte for byte the output of one run on the whole input.

#include "tests/cli/clitesthelpers.h"
#include "tests/common/testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QStringConverter>
#include <QTemporaryDir>
#include <QTest>

namespace {

using namespace CliTest;
using TestFiles::writeFile;

constexpr int Reducers = 2; // the sorted map output is partitioned among them, as Hadoop does

QByteArray readCorpus(const QString &name)
{
    QFile file(QDir(CorpusDir).filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// About 1.6 MB of lines in many scripts, made the same way every run: accents and ñ, Greek,
// CJK, emoji (with a skin-tone modifier), mixed case, a combining accent that NFC composes,
// apostrophes inside and outside words, CRLF and LF line ends, a byte that is not UTF-8
// (Windows-1252), control bytes inside whitespace-mode tokens, an over-long word, and one line
// of more than a MiB with no line end in it, so that chunks cut it.
QByteArray multilingualText()
{
    const QList<QByteArray> words = {
        "Árbol",       "ÁRBOL",   "árbol",        "niño",   "NIÑO",     "pingüino", "corazón",
        "CORAZÓN",     "¿qué?",   "¡Hola!",       "Λόγος",  "ΛΌΓΟΣ",    "σοφία",    "ΣΟΦΊΑ",
        "漢字",        "東京都",  "日本語の文章", "😀",      "👍🏽", "café",     "cafe\xCC\x81",
        "CAF\xC3\x89", "caf\xE9", "don't",        "DON'T",  "l'eau",    "'quoted'", "rock'n'roll",
        "The",         "the",     "tHe",          "Straße", "İstanbul", "a\x01",    "a",
        "a\x01z",      "a\x02",   "x,y",          "ﬁne",    "e-mail",
    };
    QRandomGenerator random(20261130);
    QByteArray text;
    text.reserve(3 << 20);
    int line = 0;
    while (text.size() < (3 << 19)) {
        const int n = 1 + int(random.bounded(12));
        for (int i = 0; i < n; ++i) {
            if (i > 0)
                text.append(random.bounded(8) == 0 ? "\t" : " ");
            text.append(words.at(int(random.bounded(quint32(words.size())))));
        }
        text.append(++line % 3 == 0 ? "\r\n" : "\n");
        if (line == 2000)
            text.append(QByteArray(1500, 'z')).append(" over-long\n");
        if (line == 5000) {
            for (int i = 0; i < 150000; ++i)
                text.append(words.at(i % words.size())).append(' ');
            text.append('\n');
        }
    }
    return text;
}

// \a text cut at line ends into \a parts pieces of about the same size (fewer when lines are
// long), as an input format splits a file.
QList<QByteArray> splitAtLines(const QByteArray &text, int parts)
{
    QList<QByteArray> pieces;
    qsizetype begin = 0;
    for (int i = 1; i <= parts && begin < text.size(); ++i) {
        qsizetype end = text.size();
        if (i < parts) {
            // After the line that holds the target: past a long line, the next part is short.
            const qsizetype newline = text.indexOf('\n', std::max(begin, text.size() * i / parts));
            end = newline < 0 ? text.size() : newline + 1;
        }
        if (end > begin)
            pieces.append(text.mid(begin, end - begin));
        begin = end;
    }
    return pieces;
}

QByteArray sortBytes(const QByteArray &input, bool *ok)
{
    QProcess sort;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    sort.setProcessEnvironment(env);
    sort.start(QStringLiteral("sort"), {});
    *ok = sort.waitForStarted(30000);
    if (!*ok)
        return {};
    sort.write(input);
    sort.closeWriteChannel();
    *ok = sort.waitForFinished(60000) && sort.exitStatus() == QProcess::NormalExit
        && sort.exitCode() == 0;
    return sort.readAllStandardOutput();
}

QByteArray wordOf(QByteArrayView line)
{
    return line.first(line.indexOf('\t')).toByteArray();
}

// How many lines of \a tsv each word has.
QHash<QByteArray, int> linesPerWord(const QByteArray &tsv)
{
    QHash<QByteArray, int> lines;
    for (const QByteArray &line : tsv.split('\n')) {
        if (!line.isEmpty())
            ++lines[wordOf(line)];
    }
    return lines;
}

} // namespace

class TestCliStreaming final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void pipelineMatchesOneRun_data();
    void pipelineMatchesOneRun();
    void memoryLimitFlushesPartialCounts();
    void reduceAcceptsBothSortOrders_data();
    void reduceAcceptsBothSortOrders();
    void reduceRefusesUnsortedInput_data();
    void reduceRefusesUnsortedInput();
    void reduceRefusesMalformedLines_data();
    void reduceRefusesMalformedLines();
    void reduceRefusesSumsPast64Bits();
    void emptyInput();
    void binaryInputIsNotCounted();
    void usageErrors_data();
    void usageErrors();

private:
    // The stages, each checked: a failed stage fails the test where it failed.
    QByteArray map(const QByteArray &part, const QString &mode, const QStringList &extra = {});
    QByteArray reduce(const QByteArray &sorted);
    QByteArray merge(const QList<QByteArray> &reduced);
    QByteArray wholeRun(const QByteArray &text, const QString &mode);

    QTemporaryDir m_dir;
    QByteArray m_multilingual;
    int m_files = 0;
};

void TestCliStreaming::initTestCase()
{
    QVERIFY2(QFileInfo(CliPath).isExecutable(), qPrintable(CliPath));
    QVERIFY(m_dir.isValid());
    m_multilingual = multilingualText();
}

QByteArray TestCliStreaming::map(const QByteArray &part, const QString &mode,
                                 const QStringList &extra)
{
    const CliRun run
        = runCli(QStringList {QStringLiteral("--map"), QStringLiteral("--mode"), mode} + extra,
                 120000, {}, part);
    if (!run.finished || run.exitStatus != QProcess::NormalExit || run.exitCode != 0) {
        qWarning("--map failed (%d): %s", run.exitCode, run.err.constData());
        return "(map failed)\n";
    }
    return run.out;
}

QByteArray TestCliStreaming::reduce(const QByteArray &sorted)
{
    const CliRun run = runCli({QStringLiteral("--reduce")}, 120000, {}, sorted);
    if (!run.finished || run.exitStatus != QProcess::NormalExit || run.exitCode != 0) {
        qWarning("--reduce failed (%d): %s", run.exitCode, run.err.constData());
        return "(reduce failed)\n";
    }
    return run.out;
}

QByteArray TestCliStreaming::merge(const QList<QByteArray> &reduced)
{
    QStringList arguments = {QStringLiteral("--merge"), QStringLiteral("--quiet")};
    for (const QByteArray &output : reduced) {
        const QString path = m_dir.filePath(QStringLiteral("reduced-%1.tsv").arg(++m_files));
        if (!writeFile(path, output))
            return "(cannot write)";
        arguments << path;
    }
    const CliRun run = runCli(arguments);
    if (!run.finished || run.exitCode != 0) {
        qWarning("--merge failed (%d): %s", run.exitCode, run.err.constData());
        return "(merge failed)\n";
    }
    return run.out;
}

QByteArray TestCliStreaming::wholeRun(const QByteArray &text, const QString &mode)
{
    const QString path = m_dir.filePath(QStringLiteral("whole-%1.txt").arg(++m_files));
    if (!writeFile(path, text))
        return "(cannot write)";
    const CliRun run = runCli({QStringLiteral("--quiet"), QStringLiteral("--mode"), mode, path});
    if (!run.finished || run.exitCode != 0) {
        qWarning("the whole run failed (%d): %s", run.exitCode, run.err.constData());
        return "(whole run failed)\n";
    }
    return run.out;
}

void TestCliStreaming::pipelineMatchesOneRun_data()
{
    QTest::addColumn<QString>("input"); // a corpus file, or "multilingual"
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("parts");
    for (const char *input : {"quijote.txt", "multilingual"}) {
        for (const char *mode : {"words", "whitespace"}) {
            for (const int parts : {1, 3, 7}) {
                QTest::addRow("%s-%s-%d", input, mode, parts)
                    << QString::fromLatin1(input) << QString::fromLatin1(mode) << parts;
            }
        }
    }
    // Decoded as files are: the byte-order mark is in the first part only, and UTF-16 (which
    // cannot be cut at LF bytes) is counted whole from standard input.
    QTest::newRow("utf8-bom-words-3") << QStringLiteral("bom") << QStringLiteral("words") << 3;
    QTest::newRow("utf8-bom-whitespace-3")
        << QStringLiteral("bom") << QStringLiteral("whitespace") << 3;
    QTest::newRow("utf16le-words-1") << QStringLiteral("utf16") << QStringLiteral("words") << 1;
}

void TestCliStreaming::pipelineMatchesOneRun()
{
    QFETCH(QString, input);
    QFETCH(QString, mode);
    QFETCH(int, parts);
    QByteArray text;
    if (input == QLatin1String("multilingual")) {
        text = m_multilingual;
    } else if (input == QLatin1String("bom")) {
        text = "\xEF\xBB\xBF" + m_multilingual.left(300000);
    } else if (input == QLatin1String("utf16")) {
        auto toUtf16 = QStringEncoder(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        text = toUtf16(QString::fromUtf8(m_multilingual.left(300000)));
    } else {
        text = readCorpus(input);
        if (text.isEmpty())
            QSKIP("the corpus (../shared/corpus) is not there");
    }
    const QByteArray expected = wholeRun(text, mode);
    QVERIFY(expected.count('\n') > 20);

    QByteArray mapped;
    const QList<QByteArray> pieces = splitAtLines(text, parts);
    QCOMPARE(pieces.size(), parts);
    for (const QByteArray &piece : pieces)
        mapped += map(piece, mode);
    bool sorted = false;
    const QByteArray shuffled = sortBytes(mapped, &sorted);
    QVERIFY(sorted);
    // Hadoop's partitioner: every line of a word goes to the same reducer, in sorted order.
    QList<QByteArray> reducerInputs(Reducers);
    for (const QByteArray &line : shuffled.split('\n')) {
        if (!line.isEmpty())
            reducerInputs[int(qHash(wordOf(line)) % Reducers)] += line + '\n';
    }
    QList<QByteArray> reduced;
    for (const QByteArray &reducerInput : std::as_const(reducerInputs))
        reduced.append(reduce(reducerInput));
    // Each reducer writes each word once.
    for (const QByteArray &output : std::as_const(reduced)) {
        const QHash<QByteArray, int> lines = linesPerWord(output);
        QVERIFY(std::all_of(lines.begin(), lines.end(), [](int n) { return n == 1; }));
    }
    const QByteArray merged = merge(reduced);
    QCOMPARE(merged.count('\n'), expected.count('\n'));
    QVERIFY(merged == expected); // QCOMPARE would print megabytes
}

void TestCliStreaming::memoryLimitFlushesPartialCounts()
{
    // About 2.4 MB, so three chunks of one MiB, the last one a third of a MiB: with a tiny
    // limit, each chunk's counts go out on their own.
    const QByteArray text = m_multilingual + m_multilingual.left(800000);
    const QString mode = QStringLiteral("words");
    const QByteArray unlimited = map(text, mode);
    const QByteArray limited
        = map(text, mode, {QStringLiteral("--map-memory"), QStringLiteral("1K")});
    const QHash<QByteArray, int> once = linesPerWord(unlimited);
    QVERIFY(std::all_of(once.begin(), once.end(), [](int n) { return n == 1; }));
    const QHash<QByteArray, int> partial = linesPerWord(limited);
    const int chunks = int((text.size() + (1 << 20) - 1) >> 20); // of one MiB
    QVERIFY(chunks >= 3);
    QCOMPARE(partial.value("the"), chunks); // one line per chunk
    QCOMPARE(partial.size(), once.size());

    bool sorted = false;
    const QByteArray shuffled = sortBytes(limited, &sorted);
    QVERIFY(sorted);
    QVERIFY(merge({reduce(shuffled)}) == wholeRun(text, mode));
}

void TestCliStreaming::reduceAcceptsBothSortOrders_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("output");
    // "a" before "a\x01" by word (Hadoop sorts keys), after it by line (LC_ALL=C sort: the TAB
    // after "a" is above 0x01).
    QTest::newRow("by word") << QByteArray("a\t1\na\t2\na\x01\t4\nb\t1\n")
                             << QByteArray("a\t3\na\x01\t4\nb\t1\n");
    QTest::newRow("by line") << QByteArray("a\x01\t4\na\t1\na\t2\nb\t1\n")
                             << QByteArray("a\x01\t4\na\t3\nb\t1\n");
    QTest::newRow("CRLF, a zero") << QByteArray("a\t1\r\na\t2\r\nb\t0\nc\t5\n")
                                  << QByteArray("a\t3\nc\t5\n");
    QTest::newRow("largest count")
        << QByteArray("a\t18446744073709551614\na\t1\n") << QByteArray("a\t18446744073709551615\n");
}

void TestCliStreaming::reduceAcceptsBothSortOrders()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, output);
    const CliRun run = runCli({QStringLiteral("--reduce")}, 30000, {}, input);
    QVERIFY(run.finished);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, output);
}

void TestCliStreaming::reduceRefusesUnsortedInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("descending") << QByteArray("b\t1\na\t2\n")
                                << QByteArray("line 2: 'a' comes after 'b'");
    QTest::newRow("a word again later")
        << QByteArray("a\t1\nb\t1\na\t1\n") << QByteArray("line 3: 'a' comes after 'b'");
    // Each pair is in one of the two orders, but not both in the same: "a" would be summed twice.
    QTest::newRow("orders mixed") << QByteArray("a\t2\na\x01\t1\na\t3\n")
                                  << QByteArray("line 3: 'a' comes after 'a\\x01'");
    QTest::newRow("unsorted after many lines") << QByteArray("a\t1\nb\t1\nc\t1\nd\t1\nc\t1\n")
                                               << QByteArray("line 5: 'c' comes after 'd'");
}

void TestCliStreaming::reduceRefusesUnsortedInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, message);
    const CliRun run = runCli({QStringLiteral("--reduce")}, 30000, {}, input);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY2(run.err.contains("not sorted"), run.err.constData());
}

void TestCliStreaming::reduceRefusesMalformedLines_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no TAB") << QByteArray("a\t1\nb 2\n") << QByteArray("line 2: no TAB");
    QTest::newRow("two TABs") << QByteArray("a\t1\t2\n") << QByteArray("line 1: more than one TAB");
    QTest::newRow("empty line") << QByteArray("a\t1\n\nb\t1\n")
                                << QByteArray("line 2: an empty line");
    QTest::newRow("empty word") << QByteArray("\t1\n") << QByteArray("line 1: an empty word");
    QTest::newRow("no count") << QByteArray("a\t\n") << QByteArray("line 1: no count");
    QTest::newRow("negative") << QByteArray("a\t-1\n") << QByteArray("line 1: the count is not");
    QTest::newRow("not a number") << QByteArray("a\t12x\n")
                                  << QByteArray("line 1: the count is not");
    QTest::newRow("count past 64 bits")
        << QByteArray("a\t18446744073709551616\n") << QByteArray("line 1: the count does not fit");
    QTest::newRow("cut short") << QByteArray("a\t1\nb\t2") << QByteArray("line 2: the input ends");
    QTest::newRow("line too long") << QByteArray(QByteArray(5000, 'x') + "\t1\n")
                                   << QByteArray("line 1: a line longer than 4096 bytes");
}

void TestCliStreaming::reduceRefusesMalformedLines()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, message);
    const CliRun run = runCli({QStringLiteral("--reduce")}, 30000, {}, input);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
}

void TestCliStreaming::reduceRefusesSumsPast64Bits()
{
    const CliRun run
        = runCli({QStringLiteral("--reduce")}, 30000, {}, "a\t18446744073709551615\na\t1\n");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("line 2: the counts of 'a' add up to more than 2^64 - 1"),
             run.err.constData());
    QCOMPARE(run.out, QByteArray()); // no wrapped sum
}

void TestCliStreaming::emptyInput()
{
    for (const QString &mode : {QStringLiteral("words"), QStringLiteral("whitespace")}) {
        const CliRun mapped = runCli({QStringLiteral("--map"), QStringLiteral("--mode"), mode},
                                     30000, {}, QByteArray(""));
        QVERIFY(mapped.finished);
        QCOMPARE(mapped.exitCode, 0);
        QCOMPARE(mapped.out, QByteArray());
        QCOMPARE(mapped.err, QByteArray());
        // Spaces and line ends hold no words either.
        QCOMPARE(map(" \r\n\n  \t\n", mode), QByteArray());
    }
    const CliRun reduced = runCli({QStringLiteral("--reduce")}, 30000, {}, QByteArray(""));
    QVERIFY(reduced.finished);
    QCOMPARE(reduced.exitCode, 0);
    QCOMPARE(reduced.out, QByteArray());
    QCOMPARE(merge({QByteArray()}), wholeRun(QByteArray(), QStringLiteral("words")));
}

void TestCliStreaming::binaryInputIsNotCounted()
{
    // As a file with a NUL byte in its first 64 KiB is skipped, so is standard input.
    const CliRun run
        = runCli({QStringLiteral("--map")}, 30000, {}, QByteArray("one two\0three", 13));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.contains("standard input: binary file (a NUL byte at offset 7)"),
             run.err.constData());
}

void TestCliStreaming::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("map and reduce") << QStringList {s("--map"), s("--reduce")}
                                    << QByteArray("--map and --reduce cannot be used together");
    QTest::newRow("map and merge") << QStringList {s("--map"), s("--merge"), s("x.tsv")}
                                   << QByteArray("cannot be used together");
    QTest::newRow("map with a path") << QStringList {s("--map"), s("file.txt")}
                                     << QByteArray("--map reads standard input: give no PATH");
    QTest::newRow("map with -o") << QStringList {s("--map"), s("-o"), s("out.tsv")}
                                 << QByteArray("--output does not apply");
    QTest::newRow("map with --top")
        << QStringList {s("--map"), s("--top"), s("3")} << QByteArray("--top does not apply");
    QTest::newRow("reduce with --mode") << QStringList {s("--reduce"), s("--mode"), s("words")}
                                        << QByteArray("--mode does not apply");
    QTest::newRow("map-memory alone") << QStringList {s("--map-memory"), s("1M"), s("file.txt")}
                                      << QByteArray("--map-memory applies to --map only");
    QTest::newRow("map-memory not a size") << QStringList {s("--map"), s("--map-memory"), s("lots")}
                                           << QByteArray("--map-memory needs a size");
}

void TestCliStreaming::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const CliRun run = runCli(arguments, 30000, {}, QByteArray("some text\n"));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.contains(message), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliStreaming)
#include "tst_cli_streaming.moc"
