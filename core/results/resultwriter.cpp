// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/resultwriter.h"

#include "core/engine/countresult.h"
#include "core/engine/paralleltasks.h"
#include "core/results/resultindex.h"
#include "core/text/textdecoding.h"

#include <QBuffer>
#include <QIODevice>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace {

constexpr qsizetype FlushBytes = 1 << 20;

// The most bytes a TSV row adds besides its word's: a tab, 20 digits and a newline.
constexpr qsizetype TsvRowExtraBytes = 1 + 20 + 1;

// Writes the TSV row of \a length bytes of word at \a word, then \a count, at \a p, which has
// room for \a copied bytes of word (at least \a length) and TsvRowExtraBytes; returns its end.
// Copying more than the word (a short word's 16 key bytes) is one fixed-size move: the bytes
// past its length are overwritten.
inline char *putTsvRow(char *p, const char *word, qsizetype length, qsizetype copied, quint64 count)
{
    std::memcpy(p, word, size_t(copied));
    p += length;
    *p++ = '\t';
    p = std::to_chars(p, p + 20, count).ptr;
    *p++ = '\n';
    return p;
}

void appendNumber(QByteArray &out, quint64 n)
{
    char digits[20]; // 2^64 - 1 has 20 digits
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end - digits);
}

} // namespace

bool ResultWriter::parseFormat(const QString &name, ResultFormat *format)
{
    if (name == QLatin1String("tsv"))
        *format = ResultFormat::Tsv;
    else if (name == QLatin1String("csv"))
        *format = ResultFormat::Csv;
    else if (name == QLatin1String("json"))
        *format = ResultFormat::Json;
    else
        return false;
    return true;
}

QByteArray ResultWriter::csvCell(QByteArrayView text, char separator)
{
    QByteArray cell;
    cell.reserve(text.size() + 3);
    if (!text.isEmpty()) {
        const char c = text.front();
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
            cell.append('\'');
    }
    cell.append(text);
    if (cell.contains('"') || cell.contains(separator) || cell.contains('\r')
        || cell.contains('\n')) {
        cell.replace("\"", "\"\"");
        cell.prepend('"');
        cell.append('"');
    }
    return cell;
}

QByteArray ResultWriter::jsonString(QByteArrayView text)
{
    QByteArray s;
    s.reserve(text.size() + 2);
    s.append('"');
    const auto *p = reinterpret_cast<const quint8 *>(text.data());
    const auto *const end = p + text.size();
    static const char hex[] = "0123456789abcdef";
    const auto escape = [&s](char32_t cp) {
        s.append("\\u00");
        s.append(hex[(cp >> 4) & 0xF]);
        s.append(hex[cp & 0xF]);
    };
    while (p < end) {
        const quint8 b = *p;
        if (b == '"' || b == '\\') {
            s.append('\\').append(char(b));
            ++p;
        } else if (b < 0x20) {
            escape(b);
            ++p;
        } else if (b < 0x80) {
            s.append(char(b));
            ++p;
        } else {
            char32_t cp;
            const int n = TextDecoding::utf8Sequence(p, end, &cp);
            if (n > 0) {
                s.append(reinterpret_cast<const char *>(p), n);
                p += n;
            } else {
                char utf8[4];
                s.append(utf8, TextDecoding::encodeUtf8(b, utf8));
                ++p;
            }
        }
    }
    s.append('"');
    return s;
}

namespace {

// Asks for the entry of row \a i + EntryAhead and for the bytes of row \a i + WordAhead's long
// word. Rows come in count order, so their entries are all over the table: a row takes tens of
// nanoseconds, a read from memory a hundred or more, and with millions of words each row's read
// missed the cache. A short word is in its entry.
inline void prefetchRow(const WordTable &table, const quint32 *entries, size_t i, size_t end)
{
    constexpr size_t EntryAhead = 64;
    constexpr size_t WordAhead = 16;
    if (i + EntryAhead < end)
        __builtin_prefetch(&table.entry(entries[i + EntryAhead]));
    if (i + WordAhead < end) {
        const WordTable::Entry &ahead = table.entry(entries[i + WordAhead]);
        if (!ahead.isInline())
            __builtin_prefetch(table.wordData(ahead));
    }
}

// formatRows() for TSV, the default format, written through a pointer into \a text: four
// appends a row, each checking its room, took most of the time of writing 8 M rows.
void formatTsvRows(const WordTable &table, const quint32 *entries, size_t begin, size_t end,
                   QByteArray &text)
{
    qsizetype used = text.size();
    // Room for the range's short-word rows at once: a buffer that grew by doubling was copied
    // into fresh memory three or four times, and each new page costs a fault (4 ranges of
    // 32 Ki rows took 919 faults, half the time of writing 369,000 rows). Pages reserved and
    // not written cost nothing.
    const qsizetype shortRows = qsizetype(end - begin) * (16 + TsvRowExtraBytes);
    if (text.capacity() < used + shortRows)
        text.reserve(used + shortRows);
    for (size_t i = begin; i < end; ++i) {
        prefetchRow(table, entries, i, end);
        const WordTable::Entry &e = table.entry(entries[i]);
        const qsizetype length = qsizetype(e.length());
        // A short word is copied as its entry's 16 key bytes: its bytes, then zeros.
        const qsizetype copied = e.isInline() ? 16 : length;
        const qsizetype room = copied + TsvRowExtraBytes;
        if (used + room > text.size())
            text.resize(std::max(2 * text.size(), used + room + (qsizetype(1) << 16)));
        used = putTsvRow(text.data() + used, table.wordData(e), length, copied, e.count)
            - text.constData();
    }
    text.resize(used);
}

// Appends rows [begin, end) of entries to \a text; row 0 is the first of the file. Runs on the
// writing thread or on a helper, one range each.
void formatRows(const WordTable &table, const quint32 *entries, size_t begin, size_t end,
                ResultFormat format, QByteArray &text)
{
    if (format == ResultFormat::Tsv) {
        formatTsvRows(table, entries, begin, end, text);
        return;
    }
    for (size_t i = begin; i < end; ++i) {
        prefetchRow(table, entries, i, end);
        const QByteArrayView word = table.word(entries[i]);
        const quint64 count = table.entry(entries[i]).count;
        switch (format) {
        case ResultFormat::Tsv: // formatTsvRows()
            break;
        case ResultFormat::Csv:
            text.append(ResultWriter::csvCell(word)).append(',');
            appendNumber(text, count);
            text.append("\r\n");
            break;
        case ResultFormat::Json:
            text.append(i == 0 ? "\n" : ",\n")
                .append("{\"word\":")
                .append(ResultWriter::jsonString(word));
            text.append(",\"count\":");
            appendNumber(text, count);
            text.append('}');
            break;
        }
    }
}

// Writes the rows entries[0..rows) of result's table; the one loop behind every write().
bool writeRows(const CountResult &result, const quint32 *entries, size_t rows, ResultFormat format,
               QIODevice *out)
{
    const WordTable &table = *result.table;
    QByteArray header;
    if (format == ResultFormat::Csv) {
        header.append("word,count\r\n");
    } else if (format == ResultFormat::Json) {
        // The totals of the rows this file holds, not of the whole result: the reader checks
        // them against the entries, and a file of the top N or of the explorer's shown rows
        // must pass. Written before "words" so that they can be read at the top.
        quint64 words = 0;
        for (size_t i = 0; i < rows; ++i)
            words += table.entry(entries[i]).count;
        header.append("{\"mode\":\"")
            .append(countingModeName(result.mode).toLatin1())
            .append("\",\"totalWords\":");
        appendNumber(header, words);
        header.append(",\"distinctWords\":");
        appendNumber(header, rows);
        header.append(",\"words\":[");
    }
    if (out->write(header) != header.size())
        return false;
    // Millions of rows take seconds to format: ranges of rows are formatted side by side on the
    // idle threads of the global pool, a window of them at a time, and written in order.
    QThreadPool *const pool = QThreadPool::globalInstance();
    const size_t window = size_t(2 * std::max(1, pool->maxThreadCount()));
    // A result of fewer rows than a window of whole ranges is still cut into one range per
    // place in it: the Bible's 32,000 rows, one range, took 3.8 ms on one thread, 1.8 on two.
    const size_t rangeRows = std::clamp<size_t>((rows + window - 1) / window, 1 << 12, 1 << 15);
    std::vector<QByteArray> texts(window);
    for (size_t first = 0; first < rows; first += window * rangeRows) {
        const size_t ranges = std::min(window, (rows - first + rangeRows - 1) / rangeRows);
        ParallelTasks::run(ranges > 1 ? pool : nullptr, qsizetype(ranges), [&](qsizetype r) {
            const size_t begin = first + size_t(r) * rangeRows;
            QByteArray &text = texts[size_t(r)];
            text.resize(0); // keeps the capacity
            formatRows(table, entries, begin, std::min(rows, begin + rangeRows), format, text);
        });
        for (size_t r = 0; r < ranges; ++r) {
            if (out->write(texts[r]) != texts[r].size())
                return false;
        }
    }
    if (format == ResultFormat::Json && out->write("\n]}\n") != 4)
        return false;
    return true;
}

} // namespace

bool ResultWriter::write(const CountResult &result, ResultFormat format, QIODevice *out,
                         qsizetype limit)
{
    const qsizetype rows = limit < 0 ? result.size() : std::min(limit, result.size());
    return writeRows(result, result.order.data(), size_t(rows), format, out);
}

bool ResultWriter::write(const CountResult &result, const std::vector<quint32> &entries,
                         ResultFormat format, QIODevice *out)
{
    return writeRows(result, entries.data(), entries.size(), format, out);
}

void ResultWriter::appendTsvRow(QByteArray &out, QByteArrayView word, quint64 count)
{
    const qsizetype used = out.size();
    out.resize(used + word.size() + TsvRowExtraBytes);
    out.resize(putTsvRow(out.data() + used, word.data(), word.size(), word.size(), count)
               - out.constData());
}

bool ResultWriter::writeTsv(const WordTable &table, QIODevice *out)
{
    QByteArray buffer;
    buffer.reserve(FlushBytes + 4096);
    for (qsizetype i = 0; i < table.size(); ++i) {
        appendTsvRow(buffer, table.word(i), table.entry(i).count);
        if (buffer.size() >= FlushBytes) {
            if (out->write(buffer) != buffer.size())
                return false;
            buffer.resize(0);
        }
    }
    return out->write(buffer) == buffer.size();
}

QByteArray ResultWriter::tableCsvHeader(CsvDialect dialect)
{
    // Not translated: the reader knows a table CSV by it, whatever language wrote it.
    QByteArray header("rank,word,count,share %,cumulative %");
    if (dialect == CsvDialect::Semicolon)
        header.replace(',', ';');
    return header;
}

bool ResultWriter::writeTableCsv(const ResultIndex &index, const std::vector<quint32> &entries,
                                 CsvDialect dialect, QIODevice *out)
{
    const CountResult &result = index.result();
    const WordTable &table = *result.table;
    const bool semicolon = dialect == CsvDialect::Semicolon;
    const char separator = semicolon ? ';' : ',';
    const double total = double(std::max<quint64>(1, result.totals.words));
    const auto appendPercent = [semicolon](QByteArray &out, double value) {
        QByteArray number = QByteArray::number(value, 'f', value < 10 ? 3 : 2);
        if (semicolon)
            number.replace('.', ',');
        out.append(number);
    };
    QByteArray buffer;
    buffer.reserve(FlushBytes + 4096);
    if (semicolon)
        buffer.append("\xEF\xBB\xBF");
    buffer.append(tableCsvHeader(dialect)).append("\r\n");
    for (const quint32 entry : entries) {
        const quint64 count = table.entry(entry).count;
        appendNumber(buffer, index.rank(entry));
        buffer.append(separator).append(csvCell(table.word(entry), separator)).append(separator);
        appendNumber(buffer, count);
        buffer.append(separator);
        appendPercent(buffer, 100.0 * double(count) / total);
        buffer.append(separator);
        appendPercent(buffer, 100.0 * double(index.cumulative(entry)) / total);
        buffer.append("\r\n");
        if (buffer.size() >= FlushBytes) {
            if (out->write(buffer) != buffer.size())
                return false;
            buffer.resize(0);
        }
    }
    return out->write(buffer) == buffer.size();
}

QByteArray ResultWriter::tsv(const CountResult &result, const std::vector<quint32> &entries)
{
    QByteArray text;
    QBuffer buffer(&text);
    buffer.open(QIODevice::WriteOnly);
    writeRows(result, entries.data(), entries.size(), ResultFormat::Tsv, &buffer);
    return text;
}
