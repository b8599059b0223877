#pragma once

#include <QAbstractTableModel>

#include <memory>

struct CountResult;

/*!
    \brief The counts of a finished job as a table: rank, word, count, share of all words.

    Reads the job's sorted CountResult in place: no copy, so a table of millions of words
    appears at once.
*/
class ResultsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RankColumn, WordColumn, CountColumn, ShareColumn, ColumnCount };

    explicit ResultsModel(QObject *parent = nullptr);

    void setResult(std::shared_ptr<const CountResult> result);
    std::shared_ptr<const CountResult> result() const { return m_result; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const CountResult> m_result;
};
