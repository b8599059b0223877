#include "resultsmodel.h"

#include "countresult.h"

#include <QLocale>

ResultsModel::ResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ResultsModel::setResult(std::shared_ptr<const CountResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_result)
        return 0;
    return int(std::min<qsizetype>(m_result->size(), INT_MAX));
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_result)
        return {};
    const int row = index.row();
    if (role == Qt::TextAlignmentRole)
        return index.column() == WordColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const bool display = role == Qt::DisplayRole || role == Qt::ToolTipRole;
    const QLocale locale;
    const quint64 count = m_result->count(row);
    switch (index.column()) {
    case RankColumn:
        return display ? QVariant(locale.toString(row + 1)) : QVariant(row + 1);
    case WordColumn: {
        const QByteArrayView word = m_result->word(row);
        return QString::fromUtf8(word.data(), word.size());
    }
    case CountColumn:
        return display ? QVariant(locale.toString(qulonglong(count))) : QVariant(qulonglong(count));
    case ShareColumn: {
        const quint64 total = m_result->totals.words;
        const double share = total ? 100.0 * double(count) / double(total) : 0.0;
        return display ? QVariant(locale.toString(share, 'f', 3) + QLatin1String(" %"))
                       : QVariant(share);
    }
    }
    return {};
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RankColumn:
        return tr("Rank");
    case WordColumn:
        return tr("Word");
    case CountColumn:
        return tr("Count");
    case ShareColumn:
        return tr("Share");
    }
    return {};
}
