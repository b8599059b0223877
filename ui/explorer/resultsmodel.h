// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/wordcount.h"

#include <QAbstractTableModel>
#include <QList>

#include <memory>
#include <vector>

struct CountResult;
class ResultIndex;

/*!
    \brief The counts of a job as a table: rank, word, count, share of all words and cumulative
    share. Reads the job's CountResult in place, through a list of table entries to show (the
    explorer's sorted, filtered view), so millions of rows cost no copies.

    While a job runs it can show the provisional top words instead (setLiveWords), marked as such.
    Sorting is asked of the owner (sortRequested): the work runs off the GUI thread.
*/
class ResultsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    //! Tells the views that headers and texts changed with the language.
    void retranslate();

    enum Column { RankColumn, WordColumn, CountColumn, ShareColumn, CumulativeColumn, ColumnCount };

    explicit ResultsModel(QObject *parent = nullptr);

    //! Shows \a result in output order; null clears the table.
    void setResult(std::shared_ptr<const CountResult> result);
    std::shared_ptr<const CountResult> result() const { return m_result; }
    //! Adds ranks and cumulative shares for any order; the index must be of the current result.
    void setIndex(std::shared_ptr<const ResultIndex> index);
    //! The table entries to show, in order (from a ResultQuery).
    void setRows(std::shared_ptr<const std::vector<quint32>> rows);
    std::shared_ptr<const std::vector<quint32>> rows() const { return m_rows; }
    //! Provisional top words of a running job; shown only while there is no result.
    void setLiveWords(const QList<WordCount> &words, quint64 totalWords);
    bool isProvisional() const { return !m_result && !m_live.isEmpty(); }

    //! The table entry shown at \a row.
    quint32 entryAt(int row) const { return (*m_rows)[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void sortRequested(int column, Qt::SortOrder order);

private:
    QVariant resultData(int row, int column, int role) const;
    QVariant liveData(int row, int column, int role) const;

    std::shared_ptr<const CountResult> m_result;
    std::shared_ptr<const ResultIndex> m_index;
    std::shared_ptr<const std::vector<quint32>> m_rows;
    QList<WordCount> m_live;
    quint64 m_liveTotal = 0;
};
