// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/resultquery.h"

#include "core/results/resultindex.h"
#include "core/text/wordfolding.h"

#include <QRegularExpression>

#include <functional>
#include <string_view>

namespace {

constexpr size_t CancelCheckRows = 1 << 16;

bool isAscii(QByteArrayView word)
{
    for (const char c : word) {
        if (quint8(c) >= 0x80)
            return false;
    }
    return true;
}

} // namespace

QString ResultQuery::errorString() const
{
    if (!regex)
        return {};
    const QRegularExpression re(text);
    return re.isValid() ? QString() : re.errorString();
}

// Runs on a worker thread.
std::vector<quint32> ResultQuery::run(const ResultIndex &index, const StopRequest &stop) const
{
    const CountResult &result = index.result();
    const WordTable &table = *result.table;
    const bool byWord = column == Word;
    // Rank and cumulative share grow with output order; count and share shrink with it.
    const bool reversed
        = byWord || column == Rank || column == Cumulative ? descending : !descending;
    const std::vector<quint32> &base = byWord ? index.byWord() : index.byCount();

    // Words mode stores folded words, whitespace mode lowercases only A-Z: a query folded the same
    // way matches bytes directly, except non-ASCII words of whitespace mode, compared as text.
    const bool foldText = result.mode == CountingMode::Whitespace;
    QByteArray needle = foldText ? text.toLower().toUtf8() : WordFolding::fold(text);
    if (ignoreAccents) {
        QByteArray base;
        WordFolding::appendBaseLetters(needle, &base);
        needle = base;
    }
    const std::string_view needleView(needle.constData(), size_t(needle.size()));
    QRegularExpression re;
    if (regex) {
        re = QRegularExpression(text,
                                QRegularExpression::CaseInsensitiveOption
                                    | QRegularExpression::UseUnicodePropertiesOption);
        if (!re.isValid())
            return {};
    }
    const auto passes = [&](quint32 entry) {
        const WordTable::Entry &e = table.entry(entry);
        if (e.count < minCount)
            return false;
        QByteArrayView word = table.word(entry);
        if (stopWords && stopWords->count(word) > 0)
            return false;
        if (text.isEmpty())
            return true;
        if (regex)
            return re.match(QString::fromUtf8(word)).hasMatch();
        if (ignoreAccents)
            word = index.baseLetters(entry);
        if (foldText && !ignoreAccents && !isAscii(word))
            return QString::fromUtf8(word).contains(text, Qt::CaseInsensitive);
        return std::string_view(word.data(), size_t(word.size())).find(needleView)
            != std::string_view::npos;
    };

    std::vector<quint32> rows;
    if (showsAll()) {
        rows = base;
    } else if (text.isEmpty() && !stopWords) {
        // A minimum count alone: in output order, counts only go down, so the rows that pass are
        // a prefix of it and the loop ends at the first that does not.
        rows.reserve(1024);
        for (size_t i = 0; i < base.size(); ++i) {
            if (i % CancelCheckRows == 0 && stop && stop())
                return rows;
            const quint32 entry = base[i];
            if (!byWord && table.entry(entry).count < minCount)
                break;
            if (passes(entry))
                rows.push_back(entry);
        }
    } else {
        // Every word is tested, in table order: that reads the entries and the word bytes front
        // to back, where output or word order jumps about them (a cache miss or two per word,
        // 3-5 times slower with millions). The rows that pass are then taken in the query's order.
        std::vector<quint8> pass(size_t(table.size()), 0);
        for (qsizetype entry = 0; entry < table.size(); ++entry) {
            if (entry % CancelCheckRows == 0 && stop && stop())
                return rows;
            pass[size_t(entry)] = passes(quint32(entry)) ? 1 : 0;
        }
        rows.reserve(base.size() / 8);
        for (const quint32 entry : base) {
            if (pass[entry])
                rows.push_back(entry);
        }
    }
    if (reversed)
        std::reverse(rows.begin(), rows.end());
    return rows;
}
