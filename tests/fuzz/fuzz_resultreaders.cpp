// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the result readers (TSV and JSON, ResultReader::readData; the JSON parser on
// its own; ResultFileDetector) take any bytes without crashing, and what they accept holds
// together: the table has the rows' counts, and writing it with ResultWriter and reading that
// back gives the same counts. Only what ResultReader's header promises is checked: a word
// read from JSON may hold bytes that no engine result holds (a TAB, invalid UTF-8), and the
// round trips those break are documented, so they are checked only where the promise holds.

#include "core/engine/countingmode.h"
#include "core/engine/countresult.h"
#include "core/engine/outputorder.h"
#include "core/engine/wordtable.h"
#include "core/results/jsonresultparser.h"
#include "core/results/resultfiledetector.h"
#include "core/results/resultreader.h"
#include "core/results/resultwriter.h"
#include "core/text/textdecoding.h"

#include <QBuffer>
#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

[[noreturn]] void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "%s%s%s\n", what, detail.isEmpty() ? "" : ": ",
                 detail.toLocal8Bit().constData());
    std::abort();
}

bool isUtf8(QByteArrayView word)
{
    const auto *p = reinterpret_cast<const quint8 *>(word.data());
    const auto *const end = p + word.size();
    while (p < end) {
        char32_t cp;
        const int n = TextDecoding::utf8Sequence(p, end, &cp);
        if (n <= 0)
            return false;
        p += n;
    }
    return true;
}

quint64 sumOf(const WordTable &table)
{
    quint64 sum = 0;
    for (qsizetype i = 0; i < table.size(); ++i)
        sum += table.entry(i).count;
    return sum;
}

// What any accepted result holds (ResultReader's header): words of 1 to 1,000 bytes, each once,
// with counts above 0 that add up to the file's; no more words than rows.
void checkAccepted(const WordTable &table, const ResultReader::FileSummary &summary)
{
    for (qsizetype i = 0; i < table.size(); ++i) {
        const QByteArrayView word = table.word(i);
        const quint64 count = table.entry(i).count;
        if (word.isEmpty() || word.size() > CountResult::MaxWordBytes)
            fail("a word of a length no result may hold");
        if (count == 0)
            fail("a word with a count of 0");
        if (table.count(word) != count) // a word twice, or an index that lost it
            fail("the table does not find its own word");
    }
    if (sumOf(table) != summary.words)
        fail("the counts do not add up to the file's words");
    if (quint64(table.size()) > summary.rows)
        fail("more words than rows");
}

bool sameTable(const WordTable &a, const WordTable &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (b.count(a.word(i)) != a.entry(i).count)
            return false;
    }
    return true;
}

QByteArray written(const CountResult &result, ResultFormat format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly) || !ResultWriter::write(result, format, &buffer))
        fail("ResultWriter::write failed on a buffer");
    return bytes;
}

// Writes \a result as TSV and as JSON and reads both back.
void checkRoundTrips(const CountResult &result)
{
    const WordTable &table = *result.table;
    const quint64 words = sumOf(table);
    bool tsvExact = true; // TSV gives back the bytes written...
    bool jsonExact = true; // ...and JSON the words that are UTF-8
    for (qsizetype i = 0; i < table.size(); ++i) {
        const QByteArrayView word = table.word(i);
        // A TAB or a line end in a word breaks its TSV line; no engine result has one.
        if (word.contains('\t') || word.contains('\n'))
            tsvExact = false;
        if (!isUtf8(word))
            jsonExact = false;
    }
    // The first row's word loses bytes that look like a BOM (documented).
    if (!result.order.empty() && table.word(result.order.front()).startsWith("\xEF\xBB\xBF"))
        tsvExact = false;

    if (tsvExact) {
        const QByteArray tsv = written(result, ResultFormat::Tsv);
        WordTable back;
        ResultReader::FileSummary summary;
        QString error;
        if (!ResultReader::readData(tsv, QStringLiteral("written.tsv"), &back, &error, &summary))
            fail("the TSV written is not read back", error);
        if (summary.json || summary.words != words || !sameTable(table, back))
            fail("the TSV written reads back as other counts");
    }

    const QByteArray json = written(result, ResultFormat::Json);
    WordTable back;
    ResultReader::FileSummary summary;
    QString error;
    // Every word of an accepted result fits a result: its JSON must be read back, even where a
    // byte that is not UTF-8 changes the word (two such words may then become one).
    if (!ResultReader::readData(json, QStringLiteral("written.json"), &back, &error, &summary))
        fail("the JSON written is not read back", error);
    if (!summary.json || summary.mode != result.mode || summary.words != words)
        fail("the JSON written reads back with another mode or total");
    if (jsonExact && !sameTable(table, back))
        fail("the JSON written reads back as other counts");

    written(result, ResultFormat::Csv); // not read back: CSV is for spreadsheets
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ResultFileDetector::looksLikeResult(bytes); // any answer: it only has to return

    // The JSON parser on every input, also those that the reader takes for TSV.
    WordTable jsonTable;
    JsonResultParser json(bytes, &jsonTable);
    const bool jsonParsed = json.parse();
    if (!jsonParsed && json.error().isEmpty())
        fail("the JSON parser failed without an error");

    WordTable table;
    ResultReader::FileSummary summary;
    QString error;
    if (!ResultReader::readData(bytes, QStringLiteral("fuzz"), &table, &error, &summary)) {
        if (error.isEmpty() || !table.isEmpty())
            fail("a failed read left no error, or counts");
        return 0;
    }
    checkAccepted(table, summary);
    if (summary.json
        && (!jsonParsed || json.rows() != summary.rows || json.words() != summary.words
            || json.mode() != summary.mode || !sameTable(jsonTable, table)))
        fail("the reader and the JSON parser disagree");

    CountResult result;
    result.mode = summary.mode.value_or(CountingMode::Words);
    OutputOrder::sort(table, &result.order);
    result.table = std::make_shared<WordTable>(std::move(table));
    checkRoundTrips(result);
    return 0;
}
