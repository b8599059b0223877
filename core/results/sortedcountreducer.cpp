// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/sortedcountreducer.h"

#include "core/results/resultreader.h"
#include "core/results/resultwriter.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cstring>

namespace {

constexpr qsizetype BlockBytes = 1 << 20; // read at a time, and written at a time
constexpr qsizetype MaxLineBytes = 4096; // as ResultReader: no result line is longer

// One name for the translation context, seen alike by lupdate and at run time.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SortedCountReducer)
};

// The order of words by their bytes, a word before the longer words it starts (Hadoop's keys).
int compareWords(QByteArrayView a, QByteArrayView b)
{
    const int c = std::memcmp(a.data(), b.data(), size_t(std::min(a.size(), b.size())));
    return c != 0 ? c : (a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0);
}

// The order of "word<TAB>..." lines by their bytes (LC_ALL=C sort): as compareWords(), except
// that after a common start the TAB of the shorter word meets a byte of the longer one.
int compareLines(QByteArrayView a, QByteArrayView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    const int c = std::memcmp(a.data(), b.data(), size_t(n));
    if (c != 0 || a.size() == b.size())
        return c;
    const auto next = [n](QByteArrayView w) { return w.size() > n ? quint8(w[n]) : quint8('\t'); };
    return next(a) < next(b) ? -1 : 1;
}

// A word for a message: control bytes (whitespace mode keeps 0x01-0x08 in words) as \xNN, so
// that "a" and "a\x01" do not look alike.
QString shown(QByteArrayView word)
{
    QByteArray text;
    for (const char c : word) {
        if (quint8(c) < 0x20 || c == 0x7f)
            text.append("\\x").append(QByteArray::number(quint8(c), 16).rightJustified(2, '0'));
        else
            text.append(c);
    }
    return QStringLiteral("'%1'").arg(QString::fromUtf8(text));
}

} // namespace

// Runs on the calling thread, usually a worker (it blocks on reads).
SortedCountReducer::Outcome SortedCountReducer::reduce(QIODevice *input, QIODevice *output,
                                                       const StopRequest &stop)
{
    enum class Order { Unknown, ByWord, ByLine };
    Outcome outcome;
    Order order = Order::Unknown;
    QByteArray word; // the word being summed; empty before the first row
    quint64 sum = 0;
    QByteArray out;
    out.reserve(BlockBytes + MaxLineBytes);
    const auto fail = [&](Outcome::Status status, const QString &reason) {
        outcome.status = status;
        outcome.errorString = Text::tr("line %1: %2").arg(outcome.lines).arg(reason);
        return outcome;
    };
    const auto emitWord = [&] {
        if (!word.isEmpty() && sum > 0) {
            ResultWriter::appendTsvRow(out, word, sum);
            ++outcome.words;
        }
    };
    const auto flush = [&] {
        const bool ok = output->write(out) == out.size();
        out.clear();
        return ok;
    };
    QByteArray buffer(BlockBytes + MaxLineBytes, Qt::Uninitialized);
    qsizetype have = 0;
    for (bool atEnd = false; !atEnd;) {
        if (stop && stop()) {
            outcome.status = Outcome::Cancelled;
            return outcome;
        }
        const qint64 n = input->read(buffer.data() + have, BlockBytes);
        if (n < 0) {
            outcome.status = Outcome::ReadFailed;
            outcome.errorString = input->errorString();
            return outcome;
        }
        atEnd = n == 0;
        have += qsizetype(n);
        const char *p = buffer.constData();
        const char *const end = p + have;
        for (;;) {
            const auto *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            if (!nl)
                break;
            ++outcome.lines;
            QByteArrayView rowWord;
            quint64 count = 0;
            QString reason;
            if (!ResultReader::parseTsvRow(QByteArrayView(p, nl), &rowWord, &count, &reason))
                return fail(Outcome::BadLine, reason);
            p = nl + 1;
            if (rowWord == word) {
                if (sum + count < sum)
                    return fail(
                        Outcome::Overflow,
                        Text::tr("the counts of %1 add up to more than 2^64 - 1").arg(shown(word)));
                sum += count;
                continue;
            }
            if (!word.isEmpty()) {
                const bool byWord = compareWords(word, rowWord) < 0;
                const bool byLine = compareLines(word, rowWord) < 0;
                if (byWord != byLine && order == Order::Unknown)
                    order = byWord ? Order::ByWord : Order::ByLine;
                const bool sorted = order == Order::ByWord ? byWord
                    : order == Order::ByLine               ? byLine
                                                           : byWord && byLine;
                if (!sorted)
                    return fail(Outcome::Unsorted,
                                Text::tr("%1 comes after %2: the input is not sorted by word "
                                         "(sort it with LC_ALL=C sort)")
                                    .arg(shown(rowWord), shown(word)));
            }
            emitWord();
            word = rowWord.toByteArray();
            sum = count;
            if (out.size() >= BlockBytes && !flush()) {
                outcome.status = Outcome::WriteFailed;
                outcome.errorString = output->errorString();
                return outcome;
            }
        }
        have = end - p;
        if (have > MaxLineBytes) {
            ++outcome.lines;
            return fail(Outcome::BadLine,
                        Text::tr("a line longer than %1 bytes: not a word<TAB>count row")
                            .arg(MaxLineBytes));
        }
        if (atEnd && have > 0) {
            ++outcome.lines;
            return fail(Outcome::BadLine,
                        Text::tr("the input ends in the middle of a line (it was cut short?)"));
        }
        std::memmove(buffer.data(), p, size_t(have));
    }
    emitWord();
    if (!flush()) {
        outcome.status = Outcome::WriteFailed;
        outcome.errorString = output->errorString();
    }
    return outcome;
}
