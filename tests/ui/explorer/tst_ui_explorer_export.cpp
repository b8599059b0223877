// SPDX-License-Identifier: GPL-3.0-or-later
// The results explorer's export, driven through its widgets on the offscreen platform: the shown
// rows or all of them in each format, the round trip back into an explorer, and export errors.

#include "core/results/resultreader.h"
#include "tests/ui/explorer/explorertesthelpers.h"

#include <QLineEdit>
#include <QTableView>

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
    QTest::newRow("csv") << QStringLiteral("csv")
                         << QByteArray("word,count\r\napple,1\r\nde,4\r\nthe,6\r\ntheme,2\r\n"
                                       "zebra,2\r\n")
                         << QByteArray("word,count\r\nthe,6\r\nde,4\r\nand,3\r\n\xC3\xA1rbol,3\r\n"
                                       "cat,2\r\ntheme,2\r\nzebra,2\r\napple,1\r\ndog,1\r\n"
                                       "\xC3\xB1u,1\r\n");
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
    if (suffix == QLatin1String("csv"))
        return; // CSV is for spreadsheets: WordMill does not read it back

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

QTEST_MAIN(TestUiExplorerExport)

#include "tst_ui_explorer_export.moc"
