// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/explorer/resultsmodel.h"

#include "core/format/progressformat.h"

#include "core/engine/countresult.h"
#include "core/results/resultindex.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QPalette>

namespace {

QString percent(double value)
{
    return QLocale().toString(value, 'f', value < 10 ? 3 : 2) + QLatin1String(" %");
}

} // namespace

ResultsModel::ResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ResultsModel::setResult(std::shared_ptr<const CountResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    m_index.reset();
    // The output order itself, shared with the result rather than copied.
    m_rows = m_result ? std::shared_ptr<const std::vector<quint32>>(m_result, &m_result->order)
                      : nullptr;
    endResetModel();
}

void ResultsModel::setIndex(std::shared_ptr<const ResultIndex> index)
{
    m_index = std::move(index);
    if (rowCount() > 0)
        Q_EMIT dataChanged(this->index(0, RankColumn),
                           this->index(rowCount() - 1, CumulativeColumn));
}

void ResultsModel::setRows(std::shared_ptr<const std::vector<quint32>> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ResultsModel::setLiveWords(const QList<WordCount> &words, quint64 totalWords)
{
    if (m_result)
        return;
    if (words.size() == m_live.size()) {
        m_live = words;
        m_liveTotal = totalWords;
        if (!words.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(words.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_live = words;
    m_liveTotal = totalWords;
    endResetModel();
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    if (m_result)
        return m_rows ? int(std::min<size_t>(m_rows->size(), INT_MAX)) : 0;
    return int(m_live.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == WordColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return m_result ? resultData(index.row(), index.column(), role)
                    : liveData(index.row(), index.column(), role);
}

QVariant ResultsModel::resultData(int row, int column, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const bool display = role != Qt::EditRole;
    const quint32 entry = entryAt(row);
    const WordTable::Entry &e = m_result->table->entry(entry);
    const double total = double(std::max<quint64>(1, m_result->totals.words));
    switch (column) {
    case RankColumn: {
        // Without the index only the output order itself is shown, where rank is the row.
        const quint32 rank = m_index ? m_index->rank(entry) : quint32(row + 1);
        return display ? QVariant(ProgressFormat::count(quint64(rank))) : QVariant(rank);
    }
    case WordColumn: {
        const QByteArrayView word = m_result->table->word(entry);
        return QString::fromUtf8(word.data(), word.size());
    }
    case CountColumn:
        return display ? QVariant(ProgressFormat::count(quint64(e.count)))
                       : QVariant(qulonglong(e.count));
    case ShareColumn: {
        const double share = 100.0 * double(e.count) / total;
        return display ? QVariant(percent(share)) : QVariant(share);
    }
    case CumulativeColumn: {
        if (!m_index)
            return {};
        const double share = 100.0 * double(m_index->cumulative(entry)) / total;
        return display ? QVariant(percent(share)) : QVariant(share);
    }
    }
    return {};
}

QVariant ResultsModel::liveData(int row, int column, int role) const
{
    const WordCount &w = m_live.at(row);
    if (role == Qt::FontRole) {
        QFont font = QApplication::font();
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ForegroundRole)
        return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
    if (role == Qt::ToolTipRole)
        return tr("Provisional: counts so far, while the job runs");
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    const double total = double(std::max<quint64>(1, m_liveTotal));
    switch (column) {
    case RankColumn:
        return display ? QVariant(ProgressFormat::count(quint64(row + 1))) : QVariant(row + 1);
    case WordColumn:
        return QString::fromUtf8(w.word);
    case CountColumn:
        return display ? QVariant(ProgressFormat::count(quint64(w.count)))
                       : QVariant(qulonglong(w.count));
    case ShareColumn: {
        const double share = 100.0 * double(w.count) / total;
        return display ? QVariant(percent(share)) : QVariant(share);
    }
    case CumulativeColumn:
        return {};
    }
    return {};
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    // A first click on Count or Share shows the most frequent words first, as people expect.
    if (role == Qt::InitialSortOrderRole && (section == CountColumn || section == ShareColumn))
        return Qt::DescendingOrder;
    if (role == Qt::ToolTipRole && section == CumulativeColumn)
        return tr("Share of all words taken by the words ranked up to this one");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RankColumn:
        return tr("Rank");
    case WordColumn:
        return tr("Word");
    case CountColumn:
        return tr("Count");
    case ShareColumn:
        return tr("Share");
    case CumulativeColumn:
        return tr("Cumulative");
    }
    return {};
}

void ResultsModel::sort(int column, Qt::SortOrder order)
{
    Q_EMIT sortRequested(column, order);
}

void ResultsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}
