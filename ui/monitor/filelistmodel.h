// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/filereport.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

/*!
    \brief The inputs of one job: size, state, bytes done, encoding and any problem.

    setReports() takes a fresh snapshot; rows keep their place, so a refresh while a job runs
    only repaints what changed.
*/
class FileListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    //! Tells the views that headers and texts changed with the language.
    void retranslate();

    enum Column {
        NameColumn,
        SizeColumn,
        StateColumn,
        DoneColumn,
        WordsColumn,
        EncodingColumn,
        ColumnCount
    };

    explicit FileListModel(QObject *parent = nullptr);

    void setReports(const QList<FileReport> &reports);
    const QList<FileReport> &reports() const { return m_reports; }
    int problemCount() const;

    static QString stateText(const FileReport &report);
    static QString encodingText(const FileReport &report);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<FileReport> m_reports;
    QIcon m_problemIcon;
    QIcon m_doneIcon;
};
