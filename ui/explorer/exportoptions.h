// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QLocale;

/*!
    \brief What the results explorer's Export offers and how the name typed in its file dialog
    becomes the file to write: the formats and their name filters, a name suggested from what
    was counted, and the suffix the chosen format implies when the user typed none.

    Pure functions, apart from the translated filter texts: the tests call them directly, since
    offscreen tests cannot drive a native file dialog.
*/
class ExportOptions final
{
    Q_DECLARE_TR_FUNCTIONS(ExportOptions)

public:
    enum Format {
        Csv, // the table as shown, for spreadsheets that split at ',' (CsvDialect::Comma)
        SpreadsheetCsv, // the same for decimal-comma locales: ';' and "0,5" (CsvDialect::Semicolon)
        Tsv, // words and counts, the result format that WordMill merges
        Json, // words and counts with their totals
        FormatCount
    };

    //! The dialog's filter for \a format, "CSV… (*.csv)", translated.
    static QString nameFilter(Format format);
    //! Every format's filter, in Format order, for QFileDialog.
    static QStringList nameFilters();
    //! The format whose filter is \a filter (as QFileDialog hands it back); Csv if none.
    static Format formatOfFilter(const QString &filter);
    //! The CSV for spreadsheets where \a locale writes decimals with a comma; else Csv.
    static Format defaultFormat(const QLocale &locale);
    //! The suffix \a format implies, without the dot: "csv", "tsv" or "json".
    static QString suffix(Format format);

    /*!
        A file name for the counts of \a inputs (files and folders, as counted or opened) plus
        the generated sample when \a sample, with \a format's suffix: "quijote-words.csv" for
        one input, the name of the folder that holds them all for several, "sample-words.csv"
        for the sample alone, "wordmill-words.csv" otherwise. Characters that some file systems
        refuse become '_'.
    */
    static QString suggestedFileName(const QStringList &inputs, bool sample, Format format);

    /*!
        The path to write for \a path as typed in the dialog with the filter of \a chosen: a name
        ending in a suffix of the formats is written in that format (a typed ".json" wins over a
        CSV filter, and ".csv" keeps \a chosen's CSV dialect); any other name gets \a chosen's
        suffix added ("counts" and "counts.v2" become "counts.csv" and "counts.v2.csv").
        \a format gets the format to write.
    */
    static QString fixedPath(const QString &path, Format chosen, Format *format);
};
