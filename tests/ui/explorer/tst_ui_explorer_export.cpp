// SPDX-License-Identifier: GPL-3.0-or-later
// The results explorer's export, driven through its widgets on the offscreen platform: the shown
// rows or all of them in each format, the table CSVs with ranks and shares, the round trip back
// into an explorer, the Export dialog's suggested name and suffix, and export errors.

#include "core/results/resultreader.h"
#include "tests/common/testfiles.h"
#include "tests/ui/explorer/explorertesthelpers.h"

#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScopeGuard>
#include <QStyle>
#include <QTableView>
#include <QTimer>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ExplorerTest;

namespace {

// Every cell as the view shows it, row by row.
QList<QStringList> shownTable(const QAbstractItemModel *model)
{
    QList<QStringList> table;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column)
            cells.append(model->index(row, column).data().toString());
        table.append(cells);
    }
    return table;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("cannot read");
}

} // namespace

class TestUiExplorerExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initExplorerTestCase(); }
    void init();
    void cleanup();

    void exportShownAndAll_data();
    void exportShownAndAll();
    void exportRoundTrip_data();
    void exportRoundTrip();
    void exportErrors();
    void exportThroughLinkAndIntoFifo();
    void spreadsheetCsv();
    void suggestedFileName_data();
    void suggestedFileName();
    void fixedPath_data();
    void fixedPath();
    void defaultFormat_data();
    void defaultFormat();
    void exportDialog();
    void exportButtonFits_data();
    void exportButtonFits();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUiExplorerExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUiExplorerExport::cleanup()
{
    m_dir.reset();
}

void TestUiExplorerExport::exportShownAndAll_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("shown");
    QTest::addColumn<QByteArray>("all");

    // Shown: the words with "e", sorted by word. All: every row, in output order.
    QTest::newRow("tsv") << QStringLiteral("tsv")
                         << QByteArray("apple\t1\nde\t4\nthe\t6\ntheme\t2\nzebra\t2\n")
                         << QByteArray("the\t6\nde\t4\nand\t3\n\xC3\xA1rbol\t3\ncat\t2\ntheme\t2\n"
                                       "zebra\t2\napple\t1\ndog\t1\n\xC3\xB1u\t1\n");
    // The table as shown: each row's rank in output order, its share and cumulative share.
    QTest::newRow("csv") << QStringLiteral("csv")
                         << QByteArray("rank,word,count,share %,cumulative %\r\n"
                                       "8,apple,1,4.000,92.00\r\n"
                                       "2,de,4,16.00,40.00\r\n"
                                       "1,the,6,24.00,24.00\r\n"
                                       "6,theme,2,8.000,80.00\r\n"
                                       "7,zebra,2,8.000,88.00\r\n")
                         << QByteArray("rank,word,count,share %,cumulative %\r\n"
                                       "1,the,6,24.00,24.00\r\n"
                                       "2,de,4,16.00,40.00\r\n"
                                       "3,and,3,12.00,52.00\r\n"
                                       "4,\xC3\xA1rbol,3,12.00,64.00\r\n"
                                       "5,cat,2,8.000,72.00\r\n"
                                       "6,theme,2,8.000,80.00\r\n"
                                       "7,zebra,2,8.000,88.00\r\n"
                                       "8,apple,1,4.000,92.00\r\n"
                                       "9,dog,1,4.000,96.00\r\n"
                                       "10,\xC3\xB1u,1,4.000,100.00\r\n");
    QTest::newRow("json") << QStringLiteral("JSON")
                          << QByteArray("{\"mode\":\"words\",\"totalWords\":15,\"distinctWords\":5,"
                                        "\"words\":[\n"
                                        "{\"word\":\"apple\",\"count\":1},\n"
                                        "{\"word\":\"de\",\"count\":4},\n"
                                        "{\"word\":\"the\",\"count\":6},\n"
                                        "{\"word\":\"theme\",\"count\":2},\n"
                                        "{\"word\":\"zebra\",\"count\":2}\n]}\n")
                          << QByteArray(
                                 "{\"mode\":\"words\",\"totalWords\":25,\"distinctWords\":10,"
                                 "\"words\":[\n"
                                 "{\"word\":\"the\",\"count\":6},\n"
                                 "{\"word\":\"de\",\"count\":4},\n"
                                 "{\"word\":\"and\",\"count\":3},\n"
                                 "{\"word\":\"\xC3\xA1rbol\",\"count\":3},\n"
                                 "{\"word\":\"cat\",\"count\":2},\n"
                                 "{\"word\":\"theme\",\"count\":2},\n"
                                 "{\"word\":\"zebra\",\"count\":2},\n"
                                 "{\"word\":\"apple\",\"count\":1},\n"
                                 "{\"word\":\"dog\",\"count\":1},\n"
                                 "{\"word\":\"\xC3\xB1u\",\"count\":1}\n]}\n");
}

void TestUiExplorerExport::exportShownAndAll()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, shown);
    QFETCH(QByteArray, all);

    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    explorer->view()->sortByColumn(ResultsModel::WordColumn, Qt::AscendingOrder);
    explorer->filterEdit()->setText(QStringLiteral("e"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(explorer->model()->rowCount(), 5);

    const QString shownPath = m_dir->filePath(QStringLiteral("shown.") + suffix);
    const QString allPath = m_dir->filePath(QStringLiteral("all.") + suffix);
    QString error;
    QVERIFY2(explorer->exportTo(shownPath, true, &error), qPrintable(error));
    QVERIFY2(explorer->exportTo(allPath, false, &error), qPrintable(error));
    QCOMPARE(readAll(shownPath), shown);
    QCOMPARE(readAll(allPath), all);

    // Read back: the shown rows' words and counts, and every row's.
    QStringList errors;
    const auto shownBack = ResultReader::merge({shownPath}, &errors);
    QVERIFY2(shownBack && errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(shownBack->size(), 5);
    for (int row = 0; row < explorer->model()->rowCount(); ++row) {
        const QByteArray word
            = explorer->model()->index(row, ResultsModel::WordColumn).data().toString().toUtf8();
        const quint64 count = explorer->model()
                                  ->index(row, ResultsModel::CountColumn)
                                  .data(Qt::EditRole)
                                  .toULongLong();
        QCOMPARE(shownBack->table->count(word), count);
    }
    const auto allBack = ResultReader::merge({allPath}, &errors);
    QVERIFY2(allBack && errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(allBack->totals.words, quint64(25));
    QCOMPARE(allBack->size(), 10);
}

void TestUiExplorerExport::exportRoundTrip_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("tsv") << QStringLiteral("tsv");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("csv") << QStringLiteral("csv");
}

// Export every row, open the file again: the same table, cell for cell.
void TestUiExplorerExport::exportRoundTrip()
{
    QFETCH(QString, suffix);
    const auto original = makeExplorer();
    QVERIFY(original);

    // Besides the fixture: formula-like words, a quote, a comma, non-ASCII, a long word.
    auto mixed = makeResult({{"=1+1", 7},
                             {"-y", 2},
                             {"@z", 2},
                             {"a\"b", 1},
                             {"c,d", 1},
                             {"ma\xC3\xB1"
                              "ana",
                              5},
                             {"\xE6\x97\xA5\xE6\x9C\xAC", 3},
                             {QByteArray(300, 'w'), 1},
                             {"the", 6}},
                            CountingMode::Whitespace);
    for (const auto &result : {fixture(), std::shared_ptr<const CountResult>(mixed)}) {
        QSignalSpy updated(original.get(), &ResultsExplorer::viewUpdated);
        original->setResult(result, QString());
        QVERIFY(updated.wait(WorkTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(!original->isBusy(), WorkTimeoutMs);
        const QString path = m_dir->filePath(QStringLiteral("round-trip.") + suffix);
        QString error;
        QVERIFY2(original->exportTo(path, false, &error), qPrintable(error));

        QStringList errors;
        const auto reopened = ResultReader::merge({path}, &errors);
        QVERIFY2(reopened && errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(reopened->totals.words, result->totals.words);
        QCOMPARE(reopened->size(), result->size());
        for (qsizetype i = 0; i < result->size(); ++i) {
            QCOMPARE(reopened->word(i), result->word(i));
            QCOMPARE(reopened->count(i), result->count(i));
        }
        ResultsExplorer copy;
        QSignalSpy copyUpdated(&copy, &ResultsExplorer::viewUpdated);
        copy.setResult(reopened, QString());
        QVERIFY(copyUpdated.wait(WorkTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(!copy.isBusy(), WorkTimeoutMs);
        QCOMPARE(shownTable(copy.model()), shownTable(original->model()));
    }
}

void TestUiExplorerExport::exportErrors()
{
    ResultsExplorer empty;
    QString error;
    QVERIFY(!empty.exportTo(m_dir->filePath(QStringLiteral("none.tsv")), false, &error));
    QVERIFY(!error.isEmpty());

    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    error.clear();
    const QString text = m_dir->filePath(QStringLiteral("counts.txt"));
    QVERIFY(!explorer->exportTo(text, false, &error));
    QVERIFY2(error.contains(QStringLiteral(".csv, .tsv or .json")), qPrintable(error));
    QVERIFY(!QFile::exists(text));
    error.clear();
    QVERIFY(!explorer->exportTo(m_dir->filePath(QStringLiteral("no/such/folder/counts.tsv")), true,
                                &error));
    QVERIFY(!error.isEmpty());
}

// A link keeps pointing at the file it names, which gets the rows; a FIFO stays a FIFO and its
// reader gets them. The exports went through QSaveFile, which renamed its temporary file over
// the FIFO (and, run as root, over /dev/null).
void TestUiExplorerExport::exportThroughLinkAndIntoFifo()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    QString error;
    const QString plain = m_dir->filePath(QStringLiteral("plain.tsv"));
    QVERIFY2(explorer->exportTo(plain, false, &error), qPrintable(error));
    const QByteArray rows = readAll(plain);
    QVERIFY(rows.startsWith("the\t6\n"));

    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("real")));
    const QString target = m_dir->filePath(QStringLiteral("real/counts.tsv"));
    const QString link = m_dir->filePath(QStringLiteral("link.tsv"));
    QVERIFY(TestFiles::writeFile(target, "old\n"));
    QVERIFY(QFile::link(QStringLiteral("real/counts.tsv"), link));
    QVERIFY2(explorer->exportTo(link, false, &error), qPrintable(error));
    QCOMPARE(QFileInfo(link).symLinkTarget(), QFileInfo(target).absoluteFilePath());
    QCOMPARE(readAll(target), rows);

    // Open for reading first, without waiting for a writer: the export opens it without
    // waiting, and its few rows fit the pipe's buffer.
    const QByteArray fifo = QFile::encodeName(m_dir->filePath(QStringLiteral("pipe.tsv")));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    const int reader = ::open(fifo.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(reader >= 0);
    const auto closeReader = qScopeGuard([reader] { ::close(reader); });
    QVERIFY2(explorer->exportTo(QFile::decodeName(fifo), false, &error), qPrintable(error));
    struct stat info;
    QCOMPARE(::lstat(fifo.constData(), &info), 0);
    QVERIFY(S_ISFIFO(info.st_mode));
    QByteArray received(rows.size() + 1, '\0');
    QCOMPARE(::read(reader, received.data(), size_t(received.size())), ssize_t(rows.size()));
    received.chop(1);
    QCOMPARE(received, rows);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Hidden | QDir::Files | QDir::System),
             QStringList({QStringLiteral("link.tsv"), QStringLiteral("pipe.tsv"),
                          QStringLiteral("plain.tsv")}));
}

// The CSV for spreadsheets in decimal-comma locales: a BOM, ';' between cells, decimal commas
// (see CsvDialect), and WordMill reads it back.
void TestUiExplorerExport::spreadsheetCsv()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    explorer->filterEdit()->setText(QStringLiteral("t"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer->model()),
             QStringList({QStringLiteral("the"), QStringLiteral("cat"), QStringLiteral("theme")}));
    // Any name: the format is chosen, not read from the suffix.
    const QString path = m_dir->filePath(QStringLiteral("shown.txt"));
    QString error;
    QVERIFY2(explorer->exportTo(path, ExportOptions::SpreadsheetCsv, true, &error),
             qPrintable(error));
    QCOMPARE(readAll(path),
             QByteArray("\xEF\xBB\xBFrank;word;count;share %;cumulative %\r\n"
                        "1;the;6;24,00;24,00\r\n"
                        "5;cat;2;8,000;72,00\r\n"
                        "6;theme;2;8,000;80,00\r\n"));
    QStringList errors;
    const auto back = ResultReader::merge({path}, &errors);
    QVERIFY2(back && errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(back->size(), 3);
    QCOMPARE(back->table->count("theme"), quint64(2));
    QCOMPARE(back->totals.words, quint64(10));
}

void TestUiExplorerExport::suggestedFileName_data()
{
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<bool>("sample");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("name");
    const auto row = [](const char *name, const QStringList &inputs, bool sample,
                        ExportOptions::Format format, const char *expected) {
        QTest::newRow(name) << inputs << sample << int(format) << QString::fromUtf8(expected);
    };
    row("one file", {QStringLiteral("/books/quijote.txt")}, false, ExportOptions::Csv,
        "quijote-words.csv");
    row("spreadsheet CSV", {QStringLiteral("/books/quijote.txt")}, false,
        ExportOptions::SpreadsheetCsv, "quijote-words.csv");
    row("two dots", {QStringLiteral("/books/quijote.es.txt")}, false, ExportOptions::Tsv,
        "quijote.es-words.tsv");
    row("no suffix", {QStringLiteral("/books/README")}, false, ExportOptions::Json,
        "README-words.json");
    row("a folder", {QStringLiteral("/home/ana/novelas/")}, false, ExportOptions::Csv,
        "novelas-words.csv");
    row("accents and spaces", {QStringLiteral("/libros/Niebla de Unamuno.txt")}, false,
        ExportOptions::Csv, "Niebla de Unamuno-words.csv");
    row("files of one folder",
        {QStringLiteral("/books/cervantes/quijote.txt"),
         QStringLiteral("/books/cervantes/novelas.txt")},
        false, ExportOptions::Csv, "cervantes-words.csv");
    row("files of several folders",
        {QStringLiteral("/books/a/quijote.txt"), QStringLiteral("/books/b/hamlet.txt"),
         QStringLiteral("/books/b/")},
        false, ExportOptions::Csv, "books-words.csv");
    row("a folder and its file", {QStringLiteral("/books/b/"), QStringLiteral("/books/b/h.txt")},
        false, ExportOptions::Csv, "books-words.csv");
    row("nothing shared but the root",
        {QStringLiteral("/books/quijote.txt"), QStringLiteral("/tmp/hamlet.txt")}, false,
        ExportOptions::Csv, "wordmill-words.csv");
    row("relative paths", {QStringLiteral("quijote.txt"), QStringLiteral("hamlet.txt")}, false,
        ExportOptions::Csv, "wordmill-words.csv");
    row("the sample", {}, true, ExportOptions::Csv, "sample-words.csv");
    row("a file and the sample", {QStringLiteral("/books/quijote.txt")}, true, ExportOptions::Csv,
        "wordmill-words.csv");
    row("nothing known", {}, false, ExportOptions::Csv, "wordmill-words.csv");
    row("an exported result opened again", {QStringLiteral("/tmp/quijote-words.json")}, false,
        ExportOptions::Csv, "quijote-words.csv");
    row("characters Windows refuses", {QStringLiteral("/b/what? \"yes\": a|b*.txt")}, false,
        ExportOptions::Csv, "what_ _yes__ a_b_-words.csv");
    row("leading dot", {QStringLiteral("/home/ana/.notes.txt")}, false, ExportOptions::Csv,
        "notes-words.csv");
}

void TestUiExplorerExport::suggestedFileName()
{
    QFETCH(QStringList, inputs);
    QFETCH(bool, sample);
    QFETCH(int, format);
    QFETCH(QString, name);
    QCOMPARE(ExportOptions::suggestedFileName(inputs, sample, ExportOptions::Format(format)), name);
}

void TestUiExplorerExport::fixedPath_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("chosen");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format");
    const auto row = [](const char *name, const char *typed, ExportOptions::Format chosen,
                        const char *path, ExportOptions::Format format) {
        QTest::newRow(name) << QString::fromUtf8(typed) << int(chosen) << QString::fromUtf8(path)
                            << int(format);
    };
    using E = ExportOptions;
    row("no suffix, CSV", "/d/counts", E::Csv, "/d/counts.csv", E::Csv);
    row("no suffix, spreadsheet CSV", "/d/counts", E::SpreadsheetCsv, "/d/counts.csv",
        E::SpreadsheetCsv);
    row("no suffix, TSV", "/d/counts", E::Tsv, "/d/counts.tsv", E::Tsv);
    row("no suffix, JSON", "/d/counts", E::Json, "/d/counts.json", E::Json);
    row("the chosen suffix", "/d/counts.csv", E::Csv, "/d/counts.csv", E::Csv);
    row(".csv keeps the dialect", "/d/counts.csv", E::SpreadsheetCsv, "/d/counts.csv",
        E::SpreadsheetCsv);
    row("upper case suffix", "/d/counts.TSV", E::Tsv, "/d/counts.TSV", E::Tsv);
    row("another format's suffix wins", "/d/counts.json", E::Csv, "/d/counts.json", E::Json);
    row(".csv with a TSV filter", "/d/counts.csv", E::Tsv, "/d/counts.csv", E::Csv);
    row("a dot in the name", "/d/counts.v2", E::Csv, "/d/counts.v2.csv", E::Csv);
    row("an unknown suffix", "/d/counts.txt", E::Json, "/d/counts.txt.json", E::Json);
    row("a trailing dot", "/d/counts.", E::Tsv, "/d/counts.tsv", E::Tsv);
    row("a dot in the folder", "/d.v2/counts", E::Csv, "/d.v2/counts.csv", E::Csv);
}

void TestUiExplorerExport::fixedPath()
{
    QFETCH(QString, typed);
    QFETCH(int, chosen);
    QFETCH(QString, path);
    QFETCH(int, format);
    ExportOptions::Format written = ExportOptions::FormatCount;
    QCOMPARE(ExportOptions::fixedPath(typed, ExportOptions::Format(chosen), &written), path);
    QCOMPARE(int(written), format);
}

void TestUiExplorerExport::defaultFormat_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<int>("format");
    QTest::newRow("C") << QLocale::c() << int(ExportOptions::Csv);
    QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates)
                           << int(ExportOptions::Csv);
    QTest::newRow("es_ES") << QLocale(QLocale::Spanish, QLocale::Spain)
                           << int(ExportOptions::SpreadsheetCsv);
    QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany)
                           << int(ExportOptions::SpreadsheetCsv);
    QTest::newRow("es_MX, a decimal point")
        << QLocale(QLocale::Spanish, QLocale::Mexico) << int(ExportOptions::Csv);
}

void TestUiExplorerExport::defaultFormat()
{
    QFETCH(QLocale, locale);
    QFETCH(int, format);
    QCOMPARE(int(ExportOptions::defaultFormat(locale)), format);
    // Every format's filter names itself: formatOfFilter() reads back what nameFilter() gave.
    for (int f = 0; f < ExportOptions::FormatCount; ++f)
        QCOMPARE(
            int(ExportOptions::formatOfFilter(ExportOptions::nameFilter(ExportOptions::Format(f)))),
            f);
}

// The Export menu's dialog (Qt's own on the offscreen platform): it suggests the name and
// format, and a name typed without a suffix gets the format's.
void TestUiExplorerExport::exportDialog()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    auto *button = explorer->findChild<QPushButton *>(QStringLiteral("exportButton"));
    QVERIFY(button && button->menu());
    QString suggested;
    QString filter;
    bool answered = false;
    // The dialog runs its own event loop: answer it from a timer that fires inside that loop.
    QTimer answer;
    answer.setInterval(10);
    connect(&answer, &QTimer::timeout, explorer.get(), [&] {
        auto *dialog = explorer->findChild<QFileDialog *>(QStringLiteral("exportDialog"));
        if (!dialog || !dialog->isVisible())
            return;
        answer.stop();
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        if (!name) {
            static_cast<QDialog *>(dialog)->reject();
            return;
        }
        suggested = name->text();
        filter = dialog->selectedNameFilter();
        dialog->setDirectory(m_dir->path());
        name->setText(QStringLiteral("mine"));
        answered = true;
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected
    });
    answer.start();
    button->menu()->actions().constFirst()->trigger(); // Export Shown Rows…
    QVERIFY(answered);
    // The fixture came from no file: the explorer names it as WordMill's.
    QCOMPARE(suggested, QStringLiteral("wordmill-words.csv"));
    QCOMPARE(filter, ExportOptions::nameFilter(ExportOptions::Csv)); // the C locale's
    const QString path = m_dir->filePath(QStringLiteral("mine.csv"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path) && button->isEnabled(), WorkTimeoutMs);
    QVERIFY(readAll(path).startsWith("rank,word,count,share %,cumulative %\r\n1,the,6,24.00,"));
}

void TestUiExplorerExport::exportButtonFits_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("text");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Export");
    QTest::newRow("es") << QStringLiteral("es") << QStringLiteral("Exportar");
}

// The Export button shows its whole text with the menu arrow beside it, not over its end: a
// QToolButton with an instant popup had no room for the arrow and cut "Export" short.
void TestUiExplorerExport::exportButtonFits()
{
    QFETCH(QString, language);
    QFETCH(QString, text);
    Translations::install(language);
    const auto english = qScopeGuard([] { Translations::install(QStringLiteral("en")); });
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    auto *button = explorer->findChild<QAbstractButton *>(QStringLiteral("exportButton"));
    QVERIFY(button);
    QCOMPARE(QString(button->text()).remove(QLatin1Char('&')), text);
    // Room for the text, the arrow beside it and the button's margins on both sides.
    const QStyle *style = button->style();
    const int needed = button->fontMetrics().horizontalAdvance(text)
        + style->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, button)
        + 2 * style->pixelMetric(QStyle::PM_ButtonMargin, nullptr, button);
    QVERIFY2(button->width() >= needed,
             qPrintable(QStringLiteral("%1 px wide, %2 needed").arg(button->width()).arg(needed)));
    // And the whole button lies inside the explorer.
    QVERIFY(
        explorer->rect().contains(QRect(button->mapTo(explorer.get(), QPoint()), button->size())));
}

QTEST_MAIN(TestUiExplorerExport)

#include "tst_ui_explorer_export.moc"
