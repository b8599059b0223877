// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/resultfiledetector.h"

#include "core/results/resultwriter.h"

#include <QFile>
#include <QFileInfo>

#include <charconv>
#include <limits>

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

QByteArrayView withoutBom(QByteArrayView head)
{
    return head.startsWith("\xEF\xBB\xBF") ? head.sliced(3) : head;
}

bool looksLikeJson(QByteArrayView head)
{
    qsizetype i = 0;
    while (i < head.size() && isSpace(head[i]))
        ++i;
    if (i == head.size() || head[i] != '{')
        return false;
    ++i;
    while (i < head.size() && isSpace(head[i]))
        ++i;
    const QByteArrayView rest = head.sliced(i);
    return rest.startsWith("\"mode\"") || rest.startsWith("\"words\"");
}

bool looksLikeTsv(QByteArrayView head)
{
    quint64 previous = std::numeric_limits<quint64>::max();
    int rows = 0;
    while (!head.isEmpty()) {
        const qsizetype end = head.indexOf('\n');
        if (end < 0)
            break; // the probe cut this line: judge by the complete ones
        QByteArrayView line = head.first(end);
        head = head.sliced(end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype tab = line.indexOf('\t');
        if (tab <= 0 || tab == line.size() - 1 || line.indexOf('\t', tab + 1) >= 0)
            return false;
        const QByteArrayView digits = line.sliced(tab + 1);
        quint64 count = 0;
        const auto [last, error] = std::from_chars(digits.begin(), digits.end(), count);
        if (error != std::errc() || last != digits.end() || count > previous)
            return false;
        previous = count;
        ++rows;
    }
    return rows > 0;
}

// The CSVs Export writes start with a header of their own, which ResultReader tells them by:
// word,count; or rank,word,count,share %,cumulative % with ',' or, for spreadsheets, ';'.
bool looksLikeCsv(QByteArrayView head)
{
    const qsizetype end = head.indexOf('\n');
    if (end < 0)
        return false; // not even the header whole
    QByteArrayView header = head.first(end);
    if (header.endsWith('\r'))
        header.chop(1);
    return header == "word,count" || header == ResultWriter::tableCsvHeader(CsvDialect::Comma)
        || header == ResultWriter::tableCsvHeader(CsvDialect::Semicolon);
}

} // namespace

bool ResultFileDetector::looksLikeResult(QByteArrayView head)
{
    head = withoutBom(head);
    return looksLikeJson(head) || looksLikeTsv(head) || looksLikeCsv(head);
}

bool ResultFileDetector::isResultFile(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return looksLikeResult(file.read(ProbeBytes));
}

ResultFileDetector::Split ResultFileDetector::split(const QStringList &paths)
{
    Split split;
    for (const QString &path : paths)
        (isResultFile(path) ? split.results : split.texts).append(path);
    return split;
}
