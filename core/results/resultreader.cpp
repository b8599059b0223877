// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/resultreader.h"

#include "core/engine/countresult.h"
#include "core/engine/outputorder.h"
#include "core/engine/wordtable.h"
#include "core/results/jsonresultparser.h"
#include "core/results/resultwriter.h"
#include "core/text/localpath.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr qsizetype BlockBytes = 4 << 20; // read at a time
// No result line is longer: a 2,000-byte word, a TAB, 20 digits. A longer line is an error, so
// that reading a big text given by mistake stops at once instead of loading it whole.
constexpr qsizetype MaxLineBytes = 4096;
constexpr quint64 CancelCheckLines = 1 << 16;
const QByteArrayView Bom("\xEF\xBB\xBF");

// One name for the translation context, seen alike by lupdate and at run time.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ResultReader)
};

bool failWith(QString *reason, const QString &text)
{
    *reason = text;
    return false;
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

QString tooLongText()
{
    return Text::tr("a line longer than %1 bytes: not a WordMill result").arg(MaxLineBytes);
}

// The checks of every row, TSV or CSV: a word of 1 to MaxWrittenWordBytes bytes, and a count
// written in [c, e) as digits only, that fits in 64 bits.
bool checkRow(qsizetype length, const char *c, const char *e, quint64 *count, QString *reason)
{
    if (length == 0)
        return failWith(reason, Text::tr("an empty word"));
    if (length > CountResult::MaxWrittenWordBytes)
        return failWith(
            reason, Text::tr("a word longer than %1 bytes").arg(CountResult::MaxWrittenWordBytes));
    const auto [end, error] = std::from_chars(c, e, *count);
    if (error == std::errc::result_out_of_range)
        return failWith(reason, Text::tr("the count does not fit in 64 bits"));
    if (error != std::errc() || end != e)
        return failWith(reason, Text::tr("the count is not a whole number of 0 or more"));
    return true;
}

// One TSV line [p, e), without its LF, split into its word and count (ResultReader::parseTsvRow).
bool splitTsvLine(const char *p, const char *e, QByteArrayView *word, quint64 *count,
                  QString *reason)
{
    if (e - p > MaxLineBytes)
        return failWith(reason, tooLongText());
    if (e > p && e[-1] == '\r')
        --e;
    const auto *tab = static_cast<const char *>(std::memchr(p, '\t', size_t(e - p)));
    if (!tab) {
        if (p == e)
            return failWith(reason, Text::tr("an empty line"));
        return failWith(reason, Text::tr("no TAB between word and count"));
    }
    const qsizetype length = tab - p;
    if (length == 0)
        return failWith(reason, Text::tr("an empty word"));
    if (length > CountResult::MaxWrittenWordBytes)
        return failWith(
            reason, Text::tr("a word longer than %1 bytes").arg(CountResult::MaxWrittenWordBytes));
    const char *c = tab + 1;
    if (std::memchr(c, '\t', size_t(e - c)))
        return failWith(reason, Text::tr("more than one TAB"));
    if (c == e)
        return failWith(reason, Text::tr("no count after the TAB"));
    *word = QByteArrayView(p, length);
    return checkRow(length, c, e, count, reason);
}

// Parses TSV rows, or CSV rows after setCsv(), into a table, block after block; the line count
// carries over.
class RowParser final
{
public:
    RowParser(WordTable *table, const StopRequest &stop)
        : m_table(table)
        , m_stop(stop)
    { }

    /*!
        Reads the rest as a CSV that ResultWriter writes: its first line is the header. Cells are
        split at \a separator; \a table: a table CSV (writeTableCsv()), whose rows start with a
        rank and end with shares, both skipped.
    */
    void setCsv(char separator, bool table)
    {
        m_csv = true;
        m_separator = separator;
        m_tableCsv = table;
    }

    /*!
        Parses the complete lines of [begin, end); \a rest gets where the unparsed rest begins.
        When \a atEnd, a rest is an error: the file ends in the middle of a line. False on error.
    */
    bool parse(const char *begin, const char *end, bool atEnd, const char **rest)
    {
        const char *p = begin;
        while (p < end) {
            const auto *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            if (!nl) {
                if (!atEnd)
                    break;
                // ResultWriter ends every line, so this file was cut short, its last line with
                // it: "que\t202" may have been "que\t2023". Whether the rest parses says nothing.
                ++m_line;
                if (end - p > MaxLineBytes)
                    return failTooLong(); // as when the file is read in blocks
                return fail(Text::tr("the file ends in the middle of a line (it was cut short?)"));
            }
            ++m_line;
            if (!(m_csv ? parseCsvLine(p, nl) : parseLine(p, nl)))
                return false;
            p = nl + 1;
            if (m_line % CancelCheckLines == 0 && m_stop && m_stop())
                return fail(Text::tr("cancelled"));
        }
        *rest = p;
        return true;
    }

    //! The error for a line, or a rest of a block, too long to be a result line.
    bool failTooLong() { return fail(tooLongText()); }

    //! Moves on to the next line, for an error in a line not yet parsed.
    void nextLine() { ++m_line; }
    QString error() const { return m_error; }
    quint64 rows() const { return m_rows; }
    quint64 words() const { return m_words; }

private:
    bool fail(const QString &reason)
    {
        m_error = Text::tr("line %1: %2").arg(m_line).arg(reason);
        return false;
    }

    bool parseLine(const char *p, const char *e)
    {
        QByteArrayView word;
        quint64 count = 0;
        QString reason;
        if (!splitTsvLine(p, e, &word, &count, &reason))
            return fail(reason);
        return addCounted(word, count);
    }

    /*!
        One row as ResultWriter::csvCell() writes it: word,count, the word in double quotes
        (doubled inside) when it holds a quote or a comma, and a ' before a word that a
        spreadsheet would run as a formula (=, +, -, @, TAB, CR first), which is taken off again.
        Words never hold a line end, so a row is one line. (A word that began with ' and one of
        those characters reads back without its '; WordMill's words mode never makes one.)
    */
    bool parseCsvLine(const char *p, const char *e)
    {
        if (e - p > MaxLineBytes)
            return failTooLong();
        if (e > p && e[-1] == '\r')
            --e;
        if (m_line == 1)
            return true; // the header, checked by isCsv()
        if (p == e)
            return fail(Text::tr("an empty line"));
        if (m_tableCsv) {
            // The rank, digits: the reader ranks the words itself.
            const char *rank = p;
            while (p < e && isDigit(*p))
                ++p;
            if (p == rank || p == e || *p != m_separator)
                return fail(Text::tr("no rank before the word"));
            ++p;
            if (p == e)
                return fail(Text::tr("an empty word"));
        }
        QByteArray quoted;
        const char *word = p;
        qsizetype length = 0;
        const char *c = nullptr;
        if (*p == '"') {
            for (const char *q = p + 1;;) {
                const auto *quote = static_cast<const char *>(std::memchr(q, '"', size_t(e - q)));
                if (!quote)
                    return fail(Text::tr("a quote is not closed"));
                quoted.append(q, quote - q);
                if (quote + 1 < e && quote[1] == '"') {
                    quoted.append('"');
                    q = quote + 2;
                    continue;
                }
                c = quote + 1;
                break;
            }
            if (c == e || *c != m_separator)
                return fail(m_separator == ',' ? Text::tr("no comma after the quoted word")
                                               : Text::tr("no semicolon after the quoted word"));
            word = quoted.constData();
            length = quoted.size();
        } else {
            // An unquoted word never holds a comma: the first one ends it.
            const auto *comma
                = static_cast<const char *>(std::memchr(p, m_separator, size_t(e - p)));
            if (!comma)
                return fail(m_separator == ',' ? Text::tr("no comma between word and count")
                                               : Text::tr("no semicolon between word and count"));
            c = comma;
            length = comma - p;
        }
        ++c; // the comma
        // memchr, not strchr: strchr would find a NUL byte in its own terminator.
        if (length >= 2 && word[0] == '\'' && std::memchr("=+-@\t\r", word[1], 6)) {
            ++word;
            --length;
        }
        if (m_tableCsv) {
            // The shares after the count are the table's, worked out again from the counts.
            const auto *shares
                = static_cast<const char *>(std::memchr(c, m_separator, size_t(e - c)));
            if (!shares)
                return fail(Text::tr("no share after the count"));
            e = shares;
        }
        return addRow(word, length, c, e);
    }

    //! Adds the word [word, word + length) with the count written in [c, e).
    bool addRow(const char *word, qsizetype length, const char *c, const char *e)
    {
        quint64 count = 0;
        QString reason;
        if (!checkRow(length, c, e, &count, &reason))
            return fail(reason);
        return addCounted(QByteArrayView(word, length), count);
    }

    bool addCounted(QByteArrayView word, quint64 count)
    {
        if (count > 0) {
            if (m_words + count < m_words)
                return fail(Text::tr("the counts add up to more than 2^64 - 1"));
            m_words += count;
            m_table->add(word.data(), word.size(), count);
        }
        ++m_rows;
        return true;
    }

    WordTable *m_table = nullptr;
    StopRequest m_stop;
    QString m_error;
    quint64 m_line = 0;
    quint64 m_rows = 0;
    quint64 m_words = 0;
    bool m_csv = false;
    bool m_tableCsv = false;
    char m_separator = ',';
};

// True if \a head, the start of a file, is a CSV that ResultWriter writes: its first line, after
// a UTF-8 BOM, is the header word,count or a table CSV's header (writeTableCsv()). Sets \a parser
// to read it.
bool isCsv(QByteArrayView head, RowParser *parser)
{
    if (head.startsWith(Bom))
        head = head.sliced(Bom.size());
    const qsizetype lineEnd = head.indexOf('\n');
    if (lineEnd < 0)
        return false;
    QByteArrayView header = head.first(lineEnd);
    if (header.endsWith('\r'))
        header.chop(1);
    if (header == "word,count")
        parser->setCsv(',', false);
    else if (header == ResultWriter::tableCsvHeader(CsvDialect::Comma))
        parser->setCsv(',', true);
    else if (header == ResultWriter::tableCsvHeader(CsvDialect::Semicolon))
        parser->setCsv(';', true);
    else
        return false;
    return true;
}

// True if \a head, the start of a file, is JSON rather than TSV (see the header). An array is
// JSON too, so that it fails with a JSON message.
bool looksLikeJson(QByteArrayView head)
{
    if (head.startsWith(Bom))
        head = head.sliced(Bom.size());
    qsizetype lineEnd = head.indexOf('\n');
    QByteArrayView line = head.first(lineEnd < 0 ? head.size() : lineEnd);
    if (line.endsWith('\r'))
        line.chop(1);
    const qsizetype tab = line.indexOf('\t');
    if (tab > 0 && tab + 1 < line.size()) {
        const QByteArrayView count = line.sliced(tab + 1);
        if (std::all_of(count.begin(), count.end(), isDigit))
            return false; // a TSV row, whatever its word
    }
    for (const char c : head) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return c == '{' || c == '[';
    }
    return false;
}

// Parses a whole result held in memory into \a table; \a reason gets "line N: ..." on error.
bool parseData(QByteArrayView data, WordTable *table, QString *reason,
               ResultReader::FileSummary *summary, const StopRequest &stop)
{
    if (looksLikeJson(data)) {
        JsonResultParser json(data, table, stop);
        if (!json.parse())
            return failWith(reason, json.error());
        *summary = {true, json.mode(), json.rows(), json.words()};
        return true;
    }
    RowParser tsv(table, stop);
    isCsv(data, &tsv);
    const char *rest = nullptr;
    if (!tsv.parse(data.data() + (data.startsWith(Bom) ? Bom.size() : 0), data.data() + data.size(),
                   true, &rest))
        return failWith(reason, tsv.error());
    *summary = {false, std::nullopt, tsv.rows(), tsv.words()};
    return true;
}

bool parseOpenFile(QFile &file, WordTable *table, QString *reason,
                   ResultReader::FileSummary *summary, const StopRequest &stop);

// Parses the file at \a path ("-": standard input) into \a table.
bool parseFile(const QString &path, WordTable *table, QString *reason,
               ResultReader::FileSummary *summary, const StopRequest &stop)
{
    QFile file;
    if (path == ResultReader::StandardInput) {
        if (!file.open(STDIN_FILENO, QIODevice::ReadOnly | QIODevice::Unbuffered,
                       QFileDevice::DontCloseHandle))
            return failWith(reason, Text::tr("cannot be opened: %1").arg(file.errorString()));
        return parseOpenFile(file, table, reason, summary, stop);
    }
    // By the name's bytes (LocalPath): QFile cannot open a name that is not UTF-8.
    const QByteArray native = LocalPath::toNative(path);
    struct stat st;
    if (::stat(native.constData(), &st) != 0) {
        struct stat link;
        const bool isLink = ::lstat(native.constData(), &link) == 0 && S_ISLNK(link.st_mode);
        *reason = isLink ? Text::tr("a dangling symbolic link") : Text::tr("no such file");
        return false;
    }
    if (S_ISDIR(st.st_mode))
        return failWith(reason, Text::tr("a folder, not a result file"));
    if (!S_ISREG(st.st_mode)) // a FIFO would block the open
        return failWith(reason, Text::tr("not a regular file: not opened"));
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return failWith(reason, Text::tr("cannot be opened: %1").arg(qt_error_string(errno)));
    if (!file.open(fd, QIODevice::ReadOnly | QIODevice::Unbuffered, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return failWith(reason, Text::tr("cannot be opened: %1").arg(file.errorString()));
    }
    return parseOpenFile(file, table, reason, summary, stop);
}

// Parses what \a file holds into \a table, TSV block by block, JSON whole.
bool parseOpenFile(QFile &file, WordTable *table, QString *reason,
                   ResultReader::FileSummary *summary, const StopRequest &stop)
{
    QByteArray buffer(BlockBytes + MaxLineBytes, Qt::Uninitialized);
    qsizetype have = 0;
    bool first = true;
    RowParser tsv(table, stop);
    for (bool atEnd = false; !atEnd;) {
        const qint64 n = file.read(buffer.data() + have, BlockBytes);
        if (n < 0)
            return failWith(reason, Text::tr("read error: %1").arg(file.errorString()));
        atEnd = n == 0;
        have += qsizetype(n);
        const char *begin = buffer.constData();
        if (first) {
            first = false;
            const QByteArrayView head(begin, have);
            if (looksLikeJson(head)) {
                QByteArray data = buffer.left(have);
                buffer = QByteArray(); // JSON needs it all in memory; free the block first
                data.append(file.readAll());
                if (file.error() != QFileDevice::NoError)
                    return failWith(reason, Text::tr("read error: %1").arg(file.errorString()));
                return parseData(data, table, reason, summary, stop);
            }
            isCsv(head, &tsv);
            if (head.startsWith(Bom))
                begin += Bom.size();
        }
        const char *const end = buffer.constData() + have;
        const char *rest = nullptr;
        if (!tsv.parse(begin, end, atEnd, &rest))
            return failWith(reason, tsv.error());
        if (end - rest > MaxLineBytes) {
            tsv.nextLine();
            tsv.failTooLong();
            return failWith(reason, tsv.error());
        }
        have = end - rest;
        std::memmove(buffer.data(), rest, size_t(have));
    }
    *summary = {false, std::nullopt, tsv.rows(), tsv.words()};
    return true;
}

// Adds \a from into \a to, taking its memory when \a to is empty.
void addTable(WordTable *to, WordTable *from)
{
    if (to->isEmpty())
        to->swap(*from);
    else
        to->merge(*from);
}

QString fileError(const QString &path, const QString &reason)
{
    return QStringLiteral("%1: %2").arg(LocalPath::quoted(path), reason);
}

} // namespace

bool ResultReader::read(const QString &path, WordTable *table, QString *error, FileSummary *summary,
                        const StopRequest &stop)
{
    WordTable local;
    FileSummary s;
    QString reason;
    if (!parseFile(path, &local, &reason, &s, stop))
        return failWith(error, fileError(path, reason));
    addTable(table, &local);
    if (summary)
        *summary = s;
    return true;
}

bool ResultReader::readData(QByteArrayView data, const QString &name, WordTable *table,
                            QString *error, FileSummary *summary, const StopRequest &stop)
{
    WordTable local;
    FileSummary s;
    QString reason;
    if (!parseData(data, &local, &reason, &s, stop))
        return failWith(error, fileError(name, reason));
    addTable(table, &local);
    if (summary)
        *summary = s;
    return true;
}

bool ResultReader::parseTsvRow(QByteArrayView line, QByteArrayView *word, quint64 *count,
                               QString *reason)
{
    return splitTsvLine(line.data(), line.data() + line.size(), word, count, reason);
}

std::shared_ptr<CountResult> ResultReader::merge(const QStringList &paths, QStringList *errors,
                                                 const StopRequest &stop)
{
    const auto cancelled = [&stop] { return stop && stop(); };
    QElapsedTimer clock;
    clock.start();
    auto table = std::make_shared<WordTable>();
    auto result = std::make_shared<CountResult>();
    CountTotals &totals = result->totals;
    bool allWhitespace = true;
    for (const QString &path : paths) {
        FileReport report;
        report.nativePath = LocalPath::toNative(path);
        struct stat st;
        const bool isFile = ::stat(report.nativePath.constData(), &st) == 0 && S_ISREG(st.st_mode);
        report.size = isFile ? qint64(st.st_size) : 0;
        WordTable local;
        FileSummary s;
        QString reason;
        bool ok = parseFile(path, &local, &reason, &s, stop);
        if (cancelled())
            return nullptr;
        if (ok && totals.words + s.words < totals.words) {
            ok = false;
            reason = Text::tr("its counts, added to those before, exceed 2^64 - 1");
        }
        if (ok) {
            addTable(table.get(), &local);
            totals.words += s.words;
            ++totals.filesCounted;
            allWhitespace = allWhitespace && s.mode == CountingMode::Whitespace;
            report.status = FileReport::Counted;
            report.bytesCounted = report.size;
            report.words = s.words;
        } else {
            ++totals.filesSkipped;
            report.status = FileReport::Skipped;
            report.problem = FileProblem::BadResultFile;
            report.details = reason;
            if (errors)
                errors->append(fileError(path, reason));
        }
        result->files.append(report);
    }
    if (totals.filesCounted == 0)
        return nullptr;
    totals.countMs = clock.elapsed();
    if (!OutputOrder::sort(*table, &result->order, [&](qint64, qint64) { return !cancelled(); }))
        return nullptr;
    result->mode = allWhitespace ? CountingMode::Whitespace : CountingMode::Words;
    totals.distinctWords = quint64(table->size());
    totals.totalMs = clock.elapsed();
    totals.finalizeMs = totals.totalMs - totals.countMs;
    result->table = std::move(table);
    return result;
}
