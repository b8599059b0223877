// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/explorer/exportoptions.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace {

// A path's last part without its suffix, "quijote" for "/books/quijote.txt" or "/books/quijote/".
QString baseName(const QString &path)
{
    return QFileInfo(QDir::cleanPath(path)).completeBaseName();
}

// Characters that Windows, or a FAT USB stick, refuses in a name, and leading or trailing dots
// and spaces, which they drop or hide.
QString safeName(QString name)
{
    for (QChar &c : name) {
        if (c.unicode() < 0x20 || QStringView(u"\\/:*?\"<>|").contains(c))
            c = QLatin1Char('_');
    }
    qsizetype begin = 0;
    qsizetype end = name.size();
    const auto trimmed = [](QChar c) { return c == QLatin1Char('.') || c.isSpace(); };
    while (begin < end && trimmed(name.at(begin)))
        ++begin;
    while (end > begin && trimmed(name.at(end - 1)))
        --end;
    return name.mid(begin, end - begin);
}

} // namespace

QString ExportOptions::nameFilter(Format format)
{
    switch (format) {
    case Csv:
        return tr("CSV, the table as shown (*.csv)");
    case SpreadsheetCsv:
        return tr("CSV for spreadsheets (;) (*.csv)");
    case Tsv:
        return tr("Tab-separated, words and counts (*.tsv)");
    case Json:
    case FormatCount:
        break;
    }
    return tr("JSON, words and counts (*.json)");
}

QStringList ExportOptions::nameFilters()
{
    QStringList filters;
    for (int f = 0; f < FormatCount; ++f)
        filters.append(nameFilter(Format(f)));
    return filters;
}

ExportOptions::Format ExportOptions::formatOfFilter(const QString &filter)
{
    const qsizetype i = nameFilters().indexOf(filter);
    return i < 0 ? Csv : Format(i);
}

ExportOptions::Format ExportOptions::defaultFormat(const QLocale &locale)
{
    return locale.decimalPoint() == QLatin1String(",") ? SpreadsheetCsv : Csv;
}

QString ExportOptions::suffix(Format format)
{
    switch (format) {
    case Csv:
    case SpreadsheetCsv:
        return QStringLiteral("csv");
    case Tsv:
        return QStringLiteral("tsv");
    case Json:
    case FormatCount:
        break;
    }
    return QStringLiteral("json");
}

QString ExportOptions::suggestedFileName(const QStringList &inputs, bool sample, Format format)
{
    QString name;
    if (inputs.size() == 1 && !sample) {
        name = baseName(inputs.first());
    } else if (inputs.size() > 1 && !sample) {
        // Several inputs are most often the texts of one folder: name them after the innermost
        // folder that holds them all.
        QString folder = QFileInfo(QDir::cleanPath(inputs.first())).path();
        const auto holdsAll = [&inputs](const QString &folder) {
            return std::all_of(inputs.begin(), inputs.end(), [&folder](const QString &path) {
                return QDir::cleanPath(path).startsWith(folder + QLatin1Char('/'));
            });
        };
        while (!holdsAll(folder)) {
            const QString up = QFileInfo(folder).path();
            if (up == folder)
                break; // the root, or "." for relative paths: no name to give
            folder = up;
        }
        name = QFileInfo(folder).fileName();
    } else if (inputs.isEmpty() && sample) {
        name = QStringLiteral("sample");
    }
    name = safeName(name);
    if (name.isEmpty())
        name = QStringLiteral("wordmill");
    // A result exported before and opened again keeps its name: "quijote-words", not
    // "quijote-words-words".
    if (!name.endsWith(QLatin1String("-words")))
        name += QLatin1String("-words");
    return name + QLatin1Char('.') + suffix(format);
}

QString ExportOptions::fixedPath(const QString &path, Format chosen, Format *format)
{
    const QString typed = QFileInfo(path).suffix().toLower();
    *format = chosen;
    if (typed == suffix(chosen))
        return path;
    for (const Format known : {Csv, Tsv, Json}) {
        if (typed == suffix(known)) {
            *format = known;
            return path;
        }
    }
    QString fixed = path;
    if (fixed.endsWith(QLatin1Char('.')))
        fixed.chop(1); // "counts." has no suffix either: not "counts..csv"
    return fixed + QLatin1Char('.') + suffix(chosen);
}
