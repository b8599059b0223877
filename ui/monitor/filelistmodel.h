// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countjob.h"
#include "core/engine/filereport.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

/*!
    \brief The inputs of one job: size, state, bytes done, encoding and any problem.

    setReports() takes a fresh snapshot; rows keep their place, so a refresh while a job runs
    only repaints what changed. The job's state decides what unfinished rows say: a queued job's
    inputs have no size yet, and a cancelled job's files will never be counted.

    Views sort through a QSortFilterProxyModel on SortRole (sizes, percents and words as numbers)
    and filter the problem files on ProblemRole.
*/
class FileListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    //! Tells the views that headers and texts changed with the language.
    void retranslate();

    enum Column {
        NameColumn,
        FolderColumn,
        SizeColumn,
        StateColumn,
        DoneColumn,
        WordsColumn,
        EncodingColumn,
        ColumnCount
    };

    enum Role {
        SortRole = Qt::UserRole + 1, //!< what the column sorts by: a number or a text
        ProblemRole, //!< "true" for a skipped file, for QSortFilterProxyModel's fixed string
    };

    explicit FileListModel(QObject *parent = nullptr);

    //! True if the rows were replaced (other files, or the job's state changed), not updated.
    bool setReports(const QList<FileReport> &reports, CountJob::State jobState = CountJob::Done);
    const QList<FileReport> &reports() const { return m_reports; }
    int problemCount() const;

    QString stateText(const FileReport &report) const;
    static QString encodingText(const FileReport &report);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    //! True for an input not scanned yet: its size is not known.
    static bool sizeUnknown(const FileReport &report);
    //! True for a file of a cancelled job that was not counted to its end.
    bool cancelledRow(const FileReport &report) const;

    QList<FileReport> m_reports;
    CountJob::State m_jobState = CountJob::Done;
    QIcon m_problemIcon;
    QIcon m_doneIcon;
};
