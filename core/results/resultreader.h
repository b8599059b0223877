// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countingmode.h"
#include "core/results/stoprequest.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class WordTable;
struct CountResult;

/*!
    \brief Reads WordMill result files, TSV, CSV or JSON as ResultWriter writes them, back into a
    WordTable, adding their counts: counts made on several machines or days combine into one.

    The format is told by the content, not the name. A file whose first line (after a UTF-8 BOM)
    is a TSV row, word<TAB>digits, is TSV, even when the word starts with '{' (a common token in
    whitespace mode); otherwise a file whose first byte after the BOM and any whitespace is '{'
    (or '[', which then fails as JSON) is JSON; a file whose first line is the header word,count,
    or a table CSV's header (ResultWriter::tableCsvHeader()), is CSV; anything else is read as
    TSV and so fails with the line that is wrong.

    \list
    \li TSV: word<TAB>count lines. LF or CRLF line ends (a CR before the LF is dropped: words
        never hold CR, in either mode); an empty file has no rows; a UTF-8 BOM at the start is
        skipped. A line with no TAB or more than one, an empty line, an empty word, a word over
        1,000 bytes, or a count that is not a whole number from 0 to 2^64 - 1 (digits only) is
        an error naming the line. So is a last line without its line end: ResultWriter ends
        every line, so the file was cut short, perhaps in the middle of a count. A file cut
        exactly after a line end cannot be told from a whole one.
    \li CSV, as the explorer's Export writes it (ResultWriter::csvCell()): the header word,count,
        then word,count rows with CRLF or LF line ends; a word holding a quote or a comma is in
        double quotes, quotes doubled inside; the ' written before a word starting with =, +, -,
        @, TAB or CR (so that spreadsheets do not run it as a formula) is taken off. Otherwise
        the rules of TSV, with "comma" for "TAB".
    \li The explorer's table CSV (ResultWriter::writeTableCsv()): the header
        rank,word,count,share %,cumulative % (or the same with ';', after a BOM), then rows of a
        rank (digits), the word as in CSV above (quoted when it holds the separator), the count
        and the shares. Ranks and shares are skipped: the reader ranks the words itself.
    \li JSON: an object with a "words" array of {"word": string, "count": whole number} and
        optionally "mode": "words" or "whitespace", "totalWords" and "distinctWords" (whole
        numbers: the sum of the counts and the number of entries, which must match them, or the
        file was cut or edited; files without them are read unchecked); other members are
        ignored; any whitespace.
    \endlist

    A word's counts add up when it appears on several rows or in several files; a count of 0
    adds nothing (the word is not created). Bytes in words are kept as they are; they need not
    be UTF-8 (whitespace mode keeps every byte).

    Round trip: TSV gives back exactly the bytes written, in both modes. JSON gives back exactly
    the words of words mode, which are always UTF-8. In whitespace mode a word with bytes that
    are not valid UTF-8 was written to JSON with each such byte as the code point of the same
    value (0xF1 as "ñ", U+00F1), so it reads back as that code point's UTF-8 (C3 B1), a
    different word; TSV keeps such words byte for byte. The same holds for a whitespace-mode
    TSV whose first word starts with the bytes of a UTF-8 BOM (they are skipped).

    All functions are reentrant: call them from any thread (QtConcurrent::run, for example),
    each call with its own table.
*/
class ResultReader final
{
public:
    //! What one result file held.
    struct FileSummary
    {
        bool json = false;
        std::optional<CountingMode> mode; // as the JSON says; TSV does not say
        quint64 rows = 0;
        quint64 words = 0; // the sum of its counts
    };

    //! The path that stands for standard input, as in other command-line tools.
    static inline const QString StandardInput = QStringLiteral("-");

    /*!
        Adds the counts of the result file at \a path (StandardInput: what stdin holds) to
        \a table. On error returns false, sets
        \a error to "PATH: line N: reason" (or "PATH: reason") and leaves \a table as it was.
        When \a stop answers true it stops soon with an error. The sum of all counts in \a table
        must stay below 2^64 (merge() checks that; a single file is checked here).
    */
    static bool read(const QString &path, WordTable *table, QString *error,
                     FileSummary *summary = nullptr, const StopRequest &stop = {});
    //! As read(), from bytes in memory; \a name stands for the file in the error.
    static bool readData(QByteArrayView data, const QString &name, WordTable *table, QString *error,
                         FileSummary *summary = nullptr, const StopRequest &stop = {});

    /*!
        Splits one TSV row, \a line without its LF, into \a word (a view into \a line) and
        \a count, by the TSV rules above (a CR at the end is dropped; one TAB; a word of 1 to
        2,000 bytes; a count of digits only that fits in 64 bits). False on error, with the
        reason in \a reason ("no TAB between word and count", ...). The one parser of TSV rows:
        the reader and SortedCountReducer both use it.
    */
    static bool parseTsvRow(QByteArrayView line, QByteArrayView *word, quint64 *count,
                            QString *reason);

    /*!
        Reads every file of \a paths and adds their counts into one result in output order.
        A file that cannot be read adds nothing; its "PATH: reason" goes to \a errors and the
        others are still merged. Returns null when no file could be read, or when \a stop
        answered true.

        The result's mode is Whitespace only when every file read is a JSON result that says
        "whitespace"; otherwise Words. Its totals: words (sum of counts), distinctWords,
        filesCounted and filesSkipped (result files), countMs (reading), finalizeMs (sorting),
        totalMs; bytes stays 0, since the size of the texts counted is not known. Its files list
        one FileReport per path: the result file's size, Counted with its words, or Skipped
        with the reason.
    */
    static std::shared_ptr<CountResult> merge(const QStringList &paths, QStringList *errors,
                                              const StopRequest &stop = {});
};
