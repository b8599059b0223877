// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/filelistmodel.h"

#include "core/format/progressformat.h"
#include "core/text/localpath.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

namespace {

// The whole path for a tooltip, as LocalPath shows names; the sample's name.
QString fullName(const FileReport &r)
{
    return r.nativePath.isEmpty() ? ProgressFormat::fileName(r) : LocalPath::quoted(r.path());
}

// The folder that holds \a r, as LocalPath shows names; nothing for the sample.
QString folderName(const FileReport &r)
{
    if (r.isSample || r.nativePath.isEmpty())
        return {};
    const QString path = r.path();
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return {};
    return LocalPath::quoted(slash == 0 ? QStringView(u"/") : QStringView(path).left(slash));
}

// The last part of the path: the Folder column shows the rest, for every row alike.
QString shortName(const FileReport &r)
{
    if (r.isSample || r.nativePath.isEmpty())
        return ProgressFormat::fileName(r);
    const QString path = r.path();
    const QStringView name = LocalPath::fileName(path);
    return name.isEmpty() ? ProgressFormat::fileName(r) : LocalPath::quoted(name);
}

bool sameRow(const FileReport &a, const FileReport &b)
{
    return a.bytesCounted == b.bytesCounted && a.status == b.status && a.words == b.words
        && a.windows1252Bytes == b.windows1252Bytes && a.problem == b.problem
        && a.details == b.details;
}

} // namespace

FileListModel::FileListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    if (auto *style = QApplication::style()) {
        m_problemIcon = style->standardIcon(QStyle::SP_MessageBoxWarning);
        m_doneIcon = style->standardIcon(QStyle::SP_DialogApplyButton);
    }
}

bool FileListModel::setReports(const QList<FileReport> &reports, CountJob::State jobState)
{
    // With the job's state, every unfinished row may change its words: repaint them all.
    const bool stateChanged = jobState != m_jobState;
    m_jobState = jobState;
    bool sameRows = reports.size() == m_reports.size();
    for (qsizetype i = 0; sameRows && i < reports.size(); ++i)
        sameRows = reports.at(i).nativePath == m_reports.at(i).nativePath
            && reports.at(i).namedByWholePath == m_reports.at(i).namedByWholePath;
    if (!sameRows) {
        beginResetModel();
        m_reports = reports;
        endResetModel();
        return true;
    }
    qsizetype first = -1;
    qsizetype last = -1;
    for (qsizetype i = 0; i < reports.size(); ++i) {
        if (!sameRow(reports.at(i), m_reports.at(i))) {
            if (first < 0)
                first = i;
            last = i;
        }
    }
    m_reports = reports;
    if (stateChanged && !m_reports.isEmpty()) {
        first = 0;
        last = m_reports.size() - 1;
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(int(first), 0), index(int(last), ColumnCount - 1));
    return false;
}

int FileListModel::problemCount() const
{
    return int(std::count_if(m_reports.cbegin(), m_reports.cend(),
                             [](const FileReport &r) { return r.status == FileReport::Skipped; }));
}

bool FileListModel::sizeUnknown(const FileReport &r)
{
    return r.namedByWholePath && r.status == FileReport::Waiting && r.size == 0;
}

bool FileListModel::cancelledRow(const FileReport &r) const
{
    return m_jobState == CountJob::Cancelled
        && (r.status == FileReport::Waiting || r.status == FileReport::Counting);
}

QString FileListModel::stateText(const FileReport &r) const
{
    if (cancelledRow(r))
        return tr("not counted: cancelled");
    if (m_jobState == CountJob::Queued && r.status == FileReport::Waiting)
        return tr("queued");
    switch (r.status) {
    case FileReport::Waiting:
        return tr("waiting");
    case FileReport::Counting:
        return tr("counting");
    case FileReport::Counted:
        return tr("done");
    case FileReport::Skipped:
        if (isLeftOutByRule(r.problem))
            return tr("skipped: %1").arg(ProgressFormat::problemText(r));
        return tr("error: %1").arg(ProgressFormat::problemText(r));
    }
    return {};
}

QString FileListModel::encodingText(const FileReport &r)
{
    // Nothing of a skipped file was read as text (a binary file's head was only looked at).
    if (r.status == FileReport::Skipped && r.bytesCounted == 0)
        return {};
    QString text = textEncodingName(r.encoding);
    if (r.windows1252Bytes > 0)
        text += ProgressFormat::withCount(tr(", %n byte(s) read as Windows-1252", nullptr,
                                             int(std::min<quint64>(r.windows1252Bytes, INT_MAX))),
                                          std::min<quint64>(r.windows1252Bytes, INT_MAX));
    return text;
}

int FileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_reports.size());
}

int FileListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const FileReport &r = m_reports.at(index.row());
    const bool problem = r.status == FileReport::Skipped;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return shortName(r);
        case FolderColumn:
            return folderName(r);
        case SizeColumn:
            return (problem && r.size == 0) || sizeUnknown(r) ? QString()
                                                              : ProgressFormat::bytes(r.size);
        case StateColumn:
            return stateText(r);
        case DoneColumn:
            // A percent says how far counting went; where it will go no further, it says nothing.
            if (sizeUnknown(r) || cancelledRow(r) || problem)
                return QString();
            if (r.size <= 0)
                return r.status == FileReport::Counted ? QStringLiteral("100 %") : QString();
            return QStringLiteral("%1 %").arg(r.bytesCounted * 100 / r.size);
        case WordsColumn:
            return r.status == FileReport::Counted ? ProgressFormat::count(quint64(r.words))
                                                   : QString();
        case EncodingColumn:
            return encodingText(r);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case SizeColumn:
            return sizeUnknown(r) ? qint64(-1) : r.size;
        case DoneColumn:
            return r.size > 0 ? double(r.bytesCounted) / double(r.size)
                              : (r.status == FileReport::Counted ? 1.0 : -1.0);
        case WordsColumn:
            return r.status == FileReport::Counted ? qint64(r.words) : qint64(-1);
        default:
            return data(index, Qt::DisplayRole);
        }
    case ProblemRole:
        return problem;
    case Qt::ToolTipRole:
        if (problem)
            return tr("%1\n%2").arg(fullName(r), ProgressFormat::problemText(r));
        return fullName(r);
    case Qt::DecorationRole:
        if (index.column() == NameColumn) {
            if (problem)
                return m_problemIcon;
            if (r.status == FileReport::Counted)
                return m_doneIcon;
        }
        break;
    case Qt::ForegroundRole:
        if (problem && index.column() == StateColumn)
            return QColor(0xc0, 0x39, 0x2b);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == DoneColumn
            || index.column() == WordsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant FileListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("File");
    case FolderColumn:
        return tr("Folder");
    case SizeColumn:
        return tr("Size");
    case StateColumn:
        return tr("State");
    case DoneColumn:
        return tr("Done");
    case WordsColumn:
        return tr("Words");
    case EncodingColumn:
        return tr("Encoding");
    }
    return {};
}

void FileListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}
