// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

class QIODevice;
class ResultIndex;
class WordTable;
struct CountResult;

enum class ResultFormat { Tsv, Csv, Json };

/*!
    How a table CSV (ResultWriter::writeTableCsv()) separates cells and writes decimals. Comma:
    "24.00", as spreadsheets in English read it. Semicolon: "24,00" after a UTF-8 BOM, as Excel
    and LibreOffice read a double-clicked CSV where the decimal separator is a comma (Spain):
    they split cells at the list separator, which is ';' there, parse numbers with the decimal
    comma, and without the BOM Excel would read the UTF-8 as Windows-1252 ("Ã¡rbol").
*/
enum class CsvDialect { Comma, Semicolon };

/*!
    \brief Writes counts as TSV (word<TAB>count lines), CSV (RFC 4180, with a header, CRLF line
    ends, and a ' before any cell that a spreadsheet would run as a formula) or JSON, in UTF-8.

    JSON is {"mode": "words", "totalWords": W, "distinctWords": D, "words": [{"word": "…",
    "count": N}, …]}, where W and D are the sum of the counts and the number of entries the file
    holds (for --top N, those of the N rows written), so that ResultReader can tell a file cut
    or edited from a whole one. "mode" comes first: ResultFileDetector looks for it.
*/
class ResultWriter final
{
public:
    static bool parseFormat(const QString &name, ResultFormat *format);

    //! Writes the first \a limit rows of \a result (all when \a limit < 0); false on write error.
    static bool write(const CountResult &result, ResultFormat format, QIODevice *out,
                      qsizetype limit = -1);
    /*!
        Writes the rows \a entries, entry numbers of \a result's table in the order to write them
        (a filtered or re-sorted view: the explorer exports what it shows); false on write error.
        The JSON names \a result's mode.
    */
    static bool write(const CountResult &result, const std::vector<quint32> &entries,
                      ResultFormat format, QIODevice *out);
    /*!
        Writes the rows \a entries (as for write()) as the explorer's table shows them, a CSV
        for spreadsheets in \a dialect: the header rank,word,count,share %,cumulative %, then
        each row's rank in output order, word, count (digits only), share of all words and
        cumulative share in percent (3 decimals below 10, 2 from 10 on, as the table shows
        them), CRLF line ends. ResultReader reads it back (the word and count). False on write
        error.
    */
    static bool writeTableCsv(const ResultIndex &index, const std::vector<quint32> &entries,
                              CsvDialect dialect, QIODevice *out);
    //! The header line of writeTableCsv() in \a dialect, without its line end.
    static QByteArray tableCsvHeader(CsvDialect dialect);
    //! The rows \a entries (as for write()) as TSV bytes, word<TAB>count\n, for the clipboard.
    static QByteArray tsv(const CountResult &result, const std::vector<quint32> &entries);

    /*!
        Writes every entry of \a table, in the table's own order, as TSV rows: the partial counts
        of a Hadoop Streaming mapper (wordmill-cli --map). False on write error.
    */
    static bool writeTsv(const WordTable &table, QIODevice *out);
    /*!
        Appends one TSV row, word<TAB>count and a line end, to \a out. The word's bytes go as
        they are: words never hold a TAB, CR or LF in either mode, so TSV needs no escaping, and
        ResultReader reads back exactly the bytes written.
    */
    static void appendTsvRow(QByteArray &out, QByteArrayView word, quint64 count);

    //! One CSV cell: formula-like starts get a ', then quoting where RFC 4180 needs it (a quote,
    //! a line end or \a separator inside).
    static QByteArray csvCell(QByteArrayView text, char separator = ',');
    //! A JSON string literal; bytes that are not valid UTF-8 become the code point of that byte.
    static QByteArray jsonString(QByteArrayView text);
};
