// SPDX-License-Identifier: GPL-3.0-or-later
// The public-domain corpus in ../shared/corpus: published figures, and counts that stay the same
// whatever encoding, line ends or normalisation form the text is converted to.

#include "core/engine/countjob.h"
#include "core/engine/countresult.h"
#include "core/engine/jobspec.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString corpusFile(const QString &name)
{
    return QDir(QStringLiteral(WORDMILL_CORPUS_DIR)).filePath(name);
}

// Windows-1252 by hand: Qt 6.4 has no such codec without ICU names. Returns false if some
// character has no Windows-1252 byte.
bool toWindows1252(const QString &text, QByteArray *out, QChar *missing)
{
    static const QHash<char16_t, char> high = {
        {0x20AC, '\x80'}, {0x201A, '\x82'}, {0x0192, '\x83'}, {0x201E, '\x84'}, {0x2026, '\x85'},
        {0x2020, '\x86'}, {0x2021, '\x87'}, {0x02C6, '\x88'}, {0x2030, '\x89'}, {0x0160, '\x8A'},
        {0x2039, '\x8B'}, {0x0152, '\x8C'}, {0x017D, '\x8E'}, {0x2018, '\x91'}, {0x2019, '\x92'},
        {0x201C, '\x93'}, {0x201D, '\x94'}, {0x2022, '\x95'}, {0x2013, '\x96'}, {0x2014, '\x97'},
        {0x02DC, '\x98'}, {0x2122, '\x99'}, {0x0161, '\x9A'}, {0x203A, '\x9B'}, {0x0153, '\x9C'},
        {0x017E, '\x9E'}, {0x0178, '\x9F'},
    };
    out->clear();
    out->reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80 || (u >= 0xA0 && u <= 0xFF)) {
            out->append(char(u));
        } else if (high.contains(u)) {
            out->append(high.value(u));
        } else {
            *missing = c;
            return false;
        }
    }
    return true;
}

qsizetype bytesAbove0x7F(const QByteArray &bytes)
{
    return std::count_if(bytes.cbegin(), bytes.cend(), [](char c) { return uchar(c) >= 0x80; });
}

} // namespace

class TestCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void quijoteDistinctWords();
    void quijoteConversions_data();
    void quijoteConversions();
    void bibleTopFive();
    void bibleTenTimes();

private:
    void count(const QStringList &paths, CountingMode mode, qint64 chunkSize,
               std::shared_ptr<const CountResult> *result);
    void compareCounts(const CountResult &actual, const CountResult &expected, quint64 factor = 1);

    QTemporaryDir m_dir;
    QString m_quijote;
    QString m_bible;
    std::shared_ptr<const CountResult> m_quijoteCounts;
    std::shared_ptr<const CountResult> m_bibleCounts;
};

void TestCorpus::initTestCase()
{
    m_quijote = corpusFile(QStringLiteral("quijote.txt"));
    m_bible = corpusFile(QStringLiteral("kjvbible.txt"));
    if (!QFileInfo::exists(m_quijote) || !QFileInfo::exists(m_bible))
        QSKIP("the corpus (" WORDMILL_CORPUS_DIR ") is not there");
    QVERIFY(m_dir.isValid());
    count({m_quijote}, CountingMode::Words, 256 * 1024, &m_quijoteCounts);
    QVERIFY(m_quijoteCounts);
    count({m_bible}, CountingMode::Whitespace, 256 * 1024, &m_bibleCounts);
    QVERIFY(m_bibleCounts);
}

void TestCorpus::count(const QStringList &paths, CountingMode mode, qint64 chunkSize,
                       std::shared_ptr<const CountResult> *result)
{
    JobSpec spec;
    spec.paths = paths;
    spec.mode = mode;
    spec.chunkSize = chunkSize;
    spec.workers = 2;
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    QVERIFY(finished.wait(300000));
    QCOMPARE(job.state(), CountJob::Done);
    QCOMPARE(job.result()->totals.filesCounted, qint64(paths.size()));
    QCOMPARE(job.result()->totals.filesSkipped, qint64(0));
    *result = job.result();
}

// Same words in the same order, each count \a factor times the expected one.
void TestCorpus::compareCounts(const CountResult &actual, const CountResult &expected,
                               quint64 factor)
{
    QCOMPARE(actual.size(), expected.size());
    QCOMPARE(actual.totals.words, expected.totals.words * factor);
    QCOMPARE(actual.totals.overlongWords, expected.totals.overlongWords * factor);
    for (qsizetype rank = 0; rank < actual.size(); ++rank) {
        if (actual.word(rank) != expected.word(rank)
            || actual.count(rank) != expected.count(rank) * factor)
            QFAIL(qPrintable(QStringLiteral("rank %1: %2 %3, expected %4 %5")
                                 .arg(rank)
                                 .arg(QString::fromUtf8(actual.word(rank)))
                                 .arg(actual.count(rank))
                                 .arg(QString::fromUtf8(expected.word(rank)))
                                 .arg(expected.count(rank) * factor)));
    }
}

void TestCorpus::quijoteDistinctWords()
{
    const CountResult &result = *m_quijoteCounts;
    QCOMPARE(result.totals.distinctWords, quint64(22402));
    QCOMPARE(result.size(), 22402);
    QCOMPARE(result.totals.overlongWords, quint64(0));
    QCOMPARE(result.files.size(), 1);
    QCOMPARE(result.files.at(0).encoding, TextEncoding::Utf8);
    QCOMPARE(result.files.at(0).windows1252Bytes, quint64(0));
    // Spanish words with accents, counted whole: a look at the top of the list.
    QCOMPARE(QString::fromUtf8(result.word(0)), QStringLiteral("que"));
    QVERIFY(result.table->count("quijote") > 2000);
    QVERIFY(result.table->count("señor") > 500);
    QVERIFY(result.table->count("qué") > 500);
    QCOMPARE(result.table->count("se\xF1or"), quint64(0));
}

void TestCorpus::quijoteConversions_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<TextEncoding>("encoding");
    QTest::addColumn<bool>("legacy"); // read byte by byte as Windows-1252
    if (!QFileInfo::exists(corpusFile(QStringLiteral("quijote.txt"))))
        return; // initTestCase skips
    QFile file(corpusFile(QStringLiteral("quijote.txt")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(original);
    QVERIFY(!decoder.hasError());
    QVERIFY(original.contains("\r\n"));

    QTest::newRow("utf-8 with bom") << "\xEF\xBB\xBF" + original << TextEncoding::Utf8Bom << false;
    QStringEncoder le(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    QTest::newRow("utf-16le with bom") << QByteArray(le(text)) << TextEncoding::Utf16LE << false;
    QStringEncoder be(QStringEncoder::Utf16BE, QStringEncoder::Flag::WriteBom);
    QTest::newRow("utf-16be with bom") << QByteArray(be(text)) << TextEncoding::Utf16BE << false;
    QTest::newRow("lf line ends") << QByteArray(original).replace("\r\n", "\n")
                                  << TextEncoding::Utf8 << false;
    QTest::newRow("nfd") << text.normalized(QString::NormalizationForm_D).toUtf8()
                         << TextEncoding::Utf8 << false;

    QByteArray windows1252;
    QChar missing;
    QVERIFY2(toWindows1252(text, &windows1252, &missing),
             qPrintable(QStringLiteral("U+%1 has no Windows-1252 byte")
                            .arg(missing.unicode(), 4, 16, QLatin1Char('0'))));
    QTest::newRow("windows-1252") << windows1252 << TextEncoding::Utf8 << true;

    // Latin-1 cannot hold the text's em dashes (U+2014). An em dash separates words like a
    // space does, so the Latin-1 row has spaces in their place; any other character outside
    // Latin-1 would leave the row out.
    const QString dashless = QString(text).replace(QChar(0x2014), QLatin1Char(' '));
    const qsizetype outsideLatin1 = std::count_if(dashless.cbegin(), dashless.cend(),
                                                  [](QChar c) { return c.unicode() > 0xFF; });
    qInfo("quijote.txt has %lld em dashes, and %lld other characters outside Latin-1",
          qint64(text.count(QChar(0x2014))), qint64(outsideLatin1));
    if (outsideLatin1 == 0)
        QTest::newRow("latin-1, em dashes as spaces")
            << dashless.toLatin1() << TextEncoding::Utf8 << true;
}

void TestCorpus::quijoteConversions()
{
    QFETCH(QByteArray, bytes);
    QFETCH(TextEncoding, encoding);
    QFETCH(bool, legacy);
    const QString path
        = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".txt"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QCOMPARE(out.write(bytes), bytes.size());
    out.close();

    std::shared_ptr<const CountResult> result;
    count({path}, CountingMode::Words, 256 * 1024 + 1, &result);
    QVERIFY(result);
    QCOMPARE(result->files.at(0).encoding, encoding);
    // Legacy files are read byte by byte through the fallback (no accidental UTF-8 in them).
    QCOMPARE(result->files.at(0).windows1252Bytes, legacy ? quint64(bytesAbove0x7F(bytes)) : 0);
    compareCounts(*result, *m_quijoteCounts);
}

void TestCorpus::bibleTopFive()
{
    // The published figures of the Bible concatenated ten times, divided by ten.
    const CountResult &result = *m_bibleCounts;
    QCOMPARE(result.totals.distinctWords, quint64(32179));
    const char *const words[] = {"the", "and", "of", "to", "that"};
    const quint64 counts[] = {64010, 51313, 34636, 13565, 12787};
    for (int rank = 0; rank < 5; ++rank) {
        QCOMPARE(result.word(rank), QByteArrayView(words[rank]));
        QCOMPARE(result.count(rank), counts[rank]);
    }
}

// The published figures themselves; ten copies have the same words, each ten times as often.
void TestCorpus::bibleTenTimes()
{
    QFile file(m_bible);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bible = file.readAll();
    QVERIFY(bible.endsWith('\n')); // so that the copies do not join words
    const QString path = m_dir.filePath(QStringLiteral("kjvbible-x10.txt"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    for (int i = 0; i < 10; ++i)
        QCOMPARE(out.write(bible), bible.size());
    out.close();

    std::shared_ptr<const CountResult> result;
    count({path}, CountingMode::Whitespace, JobSpec::DefaultChunkSize, &result);
    QVERIFY(result);
    QCOMPARE(result->totals.distinctWords, quint64(32179));
    QCOMPARE(result->totals.bytes, qint64(bible.size()) * 10);
    const char *const words[] = {"the", "and", "of", "to", "that"};
    const quint64 counts[] = {640100, 513130, 346360, 135650, 127870};
    for (int rank = 0; rank < 5; ++rank) {
        QCOMPARE(result->word(rank), QByteArrayView(words[rank]));
        QCOMPARE(result->count(rank), counts[rank]);
    }
    compareCounts(*result, *m_bibleCounts, 10);
    QFile::remove(path);
}

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
