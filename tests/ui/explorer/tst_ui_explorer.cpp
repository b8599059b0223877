// SPDX-License-Identifier: GPL-3.0-or-later
// The results explorer driven through its widgets on the offscreen platform: the model under
// QAbstractItemModelTester while it sorts and filters, typing in the filter, the charts following
// the filter, header clicks, stop words, the minimum count, share and cumulative columns, copy,
// export and its round trip, Open Results with merging, and the live top words of a running job.

#include "core/engine/countjob.h"
#include "core/engine/countresult.h"
#include "core/engine/outputorder.h"
#include "core/engine/wordtable.h"
#include "core/format/englishplurals.h"
#include "core/results/resultreader.h"
#include "tests/common/charthelpers.h"
#include "tests/common/resulttesthelpers.h"
#include "ui/explorer/resultsexplorer.h"
#include "ui/explorer/resultsmodel.h"
#include "ui/explorer/stopwords.h"
#include "ui/explorer/topwordschart.h"
#include "ui/explorer/zipfchart.h"
#include "ui/monitor/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <functional>
#include <memory>

using namespace ResultTest;

namespace {

// Generous bounds for work on a loaded 2-core machine, sometimes under AddressSanitizer.
constexpr int WorkTimeoutMs = 120000;

// Settings and the user's stop word list go to folders of the test's own, set before the
// application exists (QTEST_MAIN creates it before any test function runs).
struct IsolatedHome
{
    QTemporaryDir config;
    QTemporaryDir data;

    IsolatedHome()
    {
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
        qputenv("XDG_DATA_HOME", QFile::encodeName(data.path()));
    }
};

IsolatedHome &home()
{
    static IsolatedHome instance;
    return instance;
}

void isolateHome()
{
    home();
}
Q_CONSTRUCTOR_FUNCTION(isolateHome)

const QString Arbol = QString::fromUtf8("árbol");
const QString Nu = QString::fromUtf8("ñu");

// Words mode, 25 words. Output order, with cumulative counts:
//   1 the 6 (6), 2 de 4 (10), 3 and 3 (13), 4 árbol 3 (16), 5 cat 2 (18), 6 theme 2 (20),
//   7 zebra 2 (22), 8 apple 1 (23), 9 dog 1 (24), 10 ñu 1 (25)
// "the" and "and" are English stop words, "de" a Spanish one.
std::shared_ptr<const CountResult> fixture()
{
    return makeResult({{"zebra", 2},
                       {"apple", 1},
                       {"the", 6},
                       {"\xC3\xB1u", 1},
                       {"cat", 2},
                       {"de", 4},
                       {"dog", 1},
                       {"\xC3\xA1rbol", 3},
                       {"and", 3},
                       {"theme", 2}});
}

QStringList byRank()
{
    return {QStringLiteral("the"),   QStringLiteral("de"),
            QStringLiteral("and"),   Arbol,
            QStringLiteral("cat"),   QStringLiteral("theme"),
            QStringLiteral("zebra"), QStringLiteral("apple"),
            QStringLiteral("dog"),   Nu};
}

QStringList shownWords(const QAbstractItemModel *model)
{
    QStringList words;
    for (int row = 0; row < model->rowCount(); ++row)
        words.append(model->index(row, ResultsModel::WordColumn).data().toString());
    return words;
}

QList<quint64> shownCounts(const QAbstractItemModel *model)
{
    QList<quint64> counts;
    for (int row = 0; row < model->rowCount(); ++row)
        counts.append(
            model->index(row, ResultsModel::CountColumn).data(Qt::EditRole).toULongLong());
    return counts;
}

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

// The bar chart's words and counts, most frequent first (it draws them least frequent first).
QList<QPair<QString, quint64>> chartedWords(const TopWordsChart *chart)
{
    QList<QPair<QString, quint64>> words;
    const QBarSet *set = onlyBarSet(chart->chart());
    const auto axes = chart->chart()->axes(Qt::Vertical);
    auto *axis = axes.size() == 1 ? qobject_cast<QBarCategoryAxis *>(axes.first()) : nullptr;
    if (!set || !axis || set->count() != axis->count())
        return words;
    for (int i = set->count() - 1; i >= 0; --i)
        words.append({axis->at(i), quint64(set->at(i))});
    return words;
}

int zipfPointCount(const ZipfChart *chart)
{
    const auto series = chart->chart()->series();
    for (QAbstractSeries *s : series) {
        if (auto *scatter = qobject_cast<QScatterSeries *>(s))
            return int(scatter->count());
    }
    return -1;
}

QString zipfLabel(const ZipfChart *chart)
{
    const auto *label = chart->findChild<QLabel *>(QStringLiteral("exponentLabel"));
    return label ? label->text() : QString();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("cannot read");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Clicks the middle of \a section of \a view's horizontal header.
void clickHeader(QTableView *view, int section)
{
    QHeaderView *header = view->horizontalHeader();
    const QPoint pos(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                     header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, pos);
}

// Closes the next modal QMessageBox that shows, keeping its text.
class MessageBoxCloser : public QObject
{
public:
    explicit MessageBoxCloser(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            m_timer.stop();
            m_text = box->text();
            m_icon = box->icon();
            box->close();
        });
        m_timer.start();
    }

    bool closed() const { return !m_text.isNull(); }
    QString text() const { return m_text; }
    QMessageBox::Icon icon() const { return m_icon; }

private:
    QTimer m_timer;
    QString m_text;
    QMessageBox::Icon m_icon = QMessageBox::NoIcon;
};

// Opens result files as File ▸ Open Results… does; true once they show, false if none could.
bool openResults(MainWindow &window, const QStringList &paths)
{
    QSignalSpy opened(&window, &MainWindow::resultsOpened);
    window.openResults(paths);
    return opened.wait(WorkTimeoutMs) && opened.first().at(0).toBool();
}

} // namespace

class TestUiExplorer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void modelTesterWhileSortingAndFiltering();
    void busyUntilApplied();
    void summary();
    void typingNarrowsRowsAndChartsFollow();
    void regexSwitch();
    void headerClickSorts();
    void hideStopWords();
    void editStopWords();
    void minimumCount();
    void shareAndCumulative_data();
    void shareAndCumulative();
    void copySelectedRows();
    void exportShownAndAll_data();
    void exportShownAndAll();
    void exportRoundTrip_data();
    void exportRoundTrip();
    void exportErrors();
    void openResultsMerges();
    void openResultsWithBadFile();
    void liveTopWords();

private:
    // A shown explorer with the fixture indexed and its first query applied.
    std::unique_ptr<ResultsExplorer> makeExplorer();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUiExplorer::initTestCase()
{
    QVERIFY(home().config.isValid());
    QVERIFY(home().data.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("WordMillTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_explorer"));
    QVERIFY(QSettings().fileName().startsWith(home().config.path()));
    QVERIFY(StopWords::userFile().startsWith(home().data.path()));
    EnglishPlurals::install(); // as the program does: "2 files", not "2 file(s)"
    QLocale::setDefault(QLocale::c()); // "24.00 %" and "1.58", whatever the machine's locale
}

void TestUiExplorer::init()
{
    StopWords::restoreDefaults();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUiExplorer::cleanup()
{
    StopWords::restoreDefaults();
    m_dir.reset();
}

std::unique_ptr<ResultsExplorer> TestUiExplorer::makeExplorer()
{
    auto explorer = std::make_unique<ResultsExplorer>();
    explorer->resize(900, 600);
    explorer->show();
    if (!QTest::qWaitForWindowExposed(explorer.get()))
        return nullptr;
    QSignalSpy updated(explorer.get(), &ResultsExplorer::viewUpdated);
    explorer->setResult(fixture(), QStringLiteral("fixture"));
    if (!updated.wait(WorkTimeoutMs) || explorer->isBusy())
        return nullptr;
    return explorer;
}

void TestUiExplorer::modelTesterWhileSortingAndFiltering()
{
    ResultsExplorer explorer;
    explorer.resize(900, 600);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    ResultsModel *model = explorer.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->columnCount(), int(ResultsModel::ColumnCount));
    QVERIFY(!explorer.filterEdit()->isEnabled());

    explorer.setResult(fixture(), QString());
    // The table shows at once, in output order; the index and the query follow.
    QCOMPARE(shownWords(model), byRank());
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QVERIFY(explorer.filterEdit()->isEnabled());
    QCOMPARE(shownWords(model), byRank());

    QHeaderView *header = explorer.view()->horizontalHeader();
    for (int column = 0; column < ResultsModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
            header->setSortIndicator(column, order);
            QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
            QCOMPARE(model->rowCount(), 10);
        }
    }
    header->setSortIndicator(ResultsModel::WordColumn, Qt::AscendingOrder);
    explorer.filterEdit()->setText(QStringLiteral("e"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model),
             (QStringList {QStringLiteral("apple"), QStringLiteral("de"), QStringLiteral("the"),
                           QStringLiteral("theme"), QStringLiteral("zebra")}));
    explorer.minCountSpin()->setValue(2);
    explorer.stopWordsCheck()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), (QStringList {QStringLiteral("theme"), QStringLiteral("zebra")}));
    explorer.filterEdit()->setText(QStringLiteral("nothing like it"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QCOMPARE(model->rowCount(), 0);

    // Another result while a filter is set: it applies to the new result too.
    explorer.filterEdit()->setText(QStringLiteral("a"));
    explorer.setResult(makeResult({{"banana", 4}, {"kiwi", 3}, {"papaya", 2}}), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), (QStringList {QStringLiteral("banana"), QStringLiteral("papaya")}));
    explorer.setResult(nullptr, QString());
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!explorer.isBusy());
    QVERIFY(!explorer.filterEdit()->isEnabled());
}

// isBusy() stays true until the view shows what was asked, not only while a worker thread runs.
void TestUiExplorer::busyUntilApplied()
{
    ResultsExplorer explorer;
    explorer.setResult(fixture(), QString());
    QVERIFY(explorer.isBusy());
    // The index is built, but its answer has not reached the GUI thread yet.
    QThreadPool::globalInstance()->waitForDone();
    QVERIFY(explorer.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);

    explorer.filterEdit()->setText(QStringLiteral("the"));
    QThreadPool::globalInstance()->waitForDone();
    QVERIFY(explorer.isBusy());
    QCOMPARE(explorer.model()->rowCount(), 10); // not applied yet
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer.model()),
             (QStringList {QStringLiteral("the"), QStringLiteral("theme")}));

    // An invalid regular expression runs nothing: nothing to wait for.
    explorer.regexCheck()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    explorer.filterEdit()->setText(QStringLiteral("("));
    QVERIFY(!explorer.isBusy());
    // A new result while the expression is still invalid: busy while indexing only.
    explorer.setResult(makeResult({{"x", 1}}), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
}

void TestUiExplorer::summary()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    const auto *summary = explorer->findChild<QLabel *>(QStringLiteral("resultsSummary"));
    QVERIFY(summary);
    QCOMPARE(summary->text(), QStringLiteral("fixture · 25 words · 10 distinct"));

    auto result = std::const_pointer_cast<CountResult>(fixture());
    result->totals.bytes = 3 << 20;
    result->totals.totalMs = 1500;
    result->totals.filesCounted = 2;
    result->totals.filesSkipped = 1;
    explorer->setResult(result, QString());
    const QString text = summary->text();
    QVERIFY2(text.startsWith(QStringLiteral("25 words · 10 distinct · 2 files · ")),
             qPrintable(text));
    QVERIFY2(text.endsWith(QStringLiteral(" · 1 file skipped")), qPrintable(text));
}

void TestUiExplorer::typingNarrowsRowsAndChartsFollow()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    const ResultsModel *model = explorer->model();
    const TopWordsChart *top = explorer->topWordsChart();
    const ZipfChart *zipf = explorer->zipfChart();
    QCOMPARE(explorer->views()->count(), 3);
    QCOMPARE(explorer->views()->tabText(0), QStringLiteral("Table"));
    QCOMPARE(explorer->views()->tabText(1), QStringLiteral("Top words"));
    QCOMPARE(explorer->views()->tabText(2), QStringLiteral("Zipf plot"));

    // Unfiltered: every word in the charts.
    QCOMPARE(model->rowCount(), 10);
    auto charted = chartedWords(top);
    QCOMPARE(charted.size(), 10);
    QCOMPARE(charted.first(), qMakePair(QStringLiteral("the"), quint64(6)));
    QCOMPARE(charted.last(), qMakePair(Nu, quint64(1)));
    QCOMPARE(zipfPointCount(zipf), 10);
    const ZipfFit all = ZipfFit::fit({6, 4, 3, 3, 2, 2, 2, 1, 1, 1});
    QCOMPARE(zipf->fit().points, all.points);
    QCOMPARE(zipf->fit().exponent, all.exponent);

    explorer->views()->setCurrentWidget(explorer->topWordsChart());
    QSignalSpy updated(explorer.get(), &ResultsExplorer::viewUpdated);
    explorer->filterEdit()->setFocus();
    QTest::keyClicks(explorer->filterEdit(), QStringLiteral("TH"));
    QVERIFY(updated.count() > 0 || updated.wait(WorkTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(explorer->filterEdit()->text(), QStringLiteral("TH"));
    QCOMPARE(shownWords(model), (QStringList {QStringLiteral("the"), QStringLiteral("theme")}));
    QCOMPARE(shownCounts(model), (QList<quint64> {6, 2}));
    // The bar chart draws the most frequent word last, on top.
    const QBarSet *set = onlyBarSet(top->chart());
    QVERIFY(set);
    QCOMPARE(set->count(), 2);
    QCOMPARE(set->at(0), 2.0);
    QCOMPARE(set->at(1), 6.0);
    QCOMPARE(chartedWords(top),
             (QList<QPair<QString, quint64>> {{QStringLiteral("the"), 6},
                                              {QStringLiteral("theme"), 2}}));
    QCOMPARE(zipfPointCount(zipf), 2);
    QCOMPARE(zipf->fit().points, 2);
    // log(6/2) / log(2) = 1.585
    QCOMPARE(zipfLabel(zipf), QStringLiteral("Zipf exponent s = 1.58 (fitted over 2 ranks)"));

    updated.clear();
    QTest::keyClicks(explorer->filterEdit(), QStringLiteral("em"));
    QVERIFY(updated.count() > 0 || updated.wait(WorkTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), QStringList {QStringLiteral("theme")});
    QCOMPARE(chartedWords(top), (QList<QPair<QString, quint64>> {{QStringLiteral("theme"), 2}}));
    QCOMPARE(zipfPointCount(zipf), 1);
    QVERIFY(!zipf->fit().valid);
    QCOMPARE(zipfLabel(zipf), QStringLiteral("Too few words to fit"));

    // Nothing matches: empty table, both charts show their placeholder.
    QTest::keyClicks(explorer->filterEdit(), QStringLiteral("zzz"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!onlyBarSet(top->chart()));
    QCOMPARE(zipfPointCount(zipf), 0);
    const auto *topPlaceholder = top->findChild<QLabel *>(QStringLiteral("chartPlaceholder"));
    QVERIFY(topPlaceholder && topPlaceholder->isVisible());

    // Non-ASCII, typed in capitals.
    explorer->filterEdit()->clear();
    QTest::keyClicks(explorer->filterEdit(), QString::fromUtf8("ÁR"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), QStringList {Arbol});
    QCOMPARE(chartedWords(top), (QList<QPair<QString, quint64>> {{Arbol, 3}}));

    // Backspace back to nothing: every row again.
    while (!explorer->filterEdit()->text().isEmpty())
        QTest::keyClick(explorer->filterEdit(), Qt::Key_Backspace);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), byRank());
    QCOMPARE(chartedWords(top).size(), 10);
    QCOMPARE(zipfPointCount(zipf), 10);

    // The chart's own word count is the chart's: N words of the filtered rows.
    top->findChild<QSpinBox *>(QStringLiteral("topCountSpin"))->setValue(5);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(chartedWords(top).size(), 5);
    QCOMPARE(chartedWords(top).last(), qMakePair(QStringLiteral("cat"), quint64(2)));
    explorer->filterEdit()->setText(QStringLiteral("e"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(chartedWords(top),
             (QList<QPair<QString, quint64>> {{QStringLiteral("the"), 6},
                                              {QStringLiteral("de"), 4},
                                              {QStringLiteral("theme"), 2},
                                              {QStringLiteral("zebra"), 2},
                                              {QStringLiteral("apple"), 1}}));
    // The charts show the most frequent rows whatever order the table is in.
    explorer->view()->sortByColumn(ResultsModel::CountColumn, Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model).first(), QStringLiteral("apple"));
    QCOMPARE(chartedWords(top).first(), qMakePair(QStringLiteral("the"), quint64(6)));
    QCOMPARE(zipfPointCount(zipf), 5);
}

void TestUiExplorer::regexSwitch()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    const auto *status = explorer->findChild<QLabel *>(QStringLiteral("resultsStatus"));
    QVERIFY(status);
    QCOMPARE(status->text(), QStringLiteral("Showing all 10 words"));

    explorer->filterEdit()->setText(QStringLiteral("^th"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(explorer->model()->rowCount(), 0); // as text: no word holds "^th"
    QTest::mouseClick(explorer->regexCheck(), Qt::LeftButton);
    QVERIFY(explorer->regexCheck()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("the"), QStringLiteral("theme")}));
    QCOMPARE(status->text(), QStringLiteral("Showing 2 of 10 words"));

    // An invalid expression says so and leaves the rows as they were.
    explorer->filterEdit()->setText(QStringLiteral("^th("));
    QVERIFY(!explorer->isBusy());
    QVERIFY2(status->text().startsWith(QStringLiteral("Invalid regular expression: ")),
             qPrintable(status->text()));
    QCOMPARE(explorer->model()->rowCount(), 2);
    explorer->filterEdit()->setText(QStringLiteral("^(th|d)e$"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("the"), QStringLiteral("de")}));
    QCOMPARE(chartedWords(explorer->topWordsChart()).size(), 2);

    // Made invalid while the valid query before it still runs: that query's answer arrives
    // later, and neither replaces the rows nor hides the error.
    explorer->filterEdit()->setText(QStringLiteral("^a"));
    QVERIFY(explorer->isBusy());
    explorer->filterEdit()->setText(QStringLiteral("^a["));
    QVERIFY(!explorer->isBusy());
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QVERIFY2(status->text().startsWith(QStringLiteral("Invalid regular expression: ")),
             qPrintable(status->text()));
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("the"), QStringLiteral("de")}));
}

void TestUiExplorer::headerClickSorts()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    QTableView *view = explorer->view();
    const ResultsModel *model = explorer->model();
    QHeaderView *header = view->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(ResultsModel::RankColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);

    const QStringList byWord = {QStringLiteral("and"),
                                QStringLiteral("apple"),
                                QStringLiteral("cat"),
                                QStringLiteral("de"),
                                QStringLiteral("dog"),
                                QStringLiteral("the"),
                                QStringLiteral("theme"),
                                QStringLiteral("zebra"),
                                Arbol,
                                Nu};
    clickHeader(view, ResultsModel::WordColumn);
    QCOMPARE(header->sortIndicatorSection(), int(ResultsModel::WordColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), byWord);
    // Ranks stay those of the whole result.
    QCOMPARE(model->index(0, ResultsModel::RankColumn).data().toString(), QStringLiteral("3"));
    QCOMPARE(model->index(9, ResultsModel::RankColumn).data().toString(), QStringLiteral("10"));

    clickHeader(view, ResultsModel::WordColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QStringList reversed = byWord;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(shownWords(model), reversed);

    // Count starts descending (most frequent first); a second click reverses it.
    clickHeader(view, ResultsModel::CountColumn);
    QCOMPARE(header->sortIndicatorSection(), int(ResultsModel::CountColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), byRank());
    QCOMPARE(shownCounts(model), (QList<quint64> {6, 4, 3, 3, 2, 2, 2, 1, 1, 1}));

    clickHeader(view, ResultsModel::CountColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownCounts(model), (QList<quint64> {1, 1, 1, 2, 2, 2, 3, 3, 4, 6}));
    QStringList rankReversed = byRank();
    std::reverse(rankReversed.begin(), rankReversed.end());
    QCOMPARE(shownWords(model), rankReversed);

    clickHeader(view, ResultsModel::CumulativeColumn);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), byRank());
    clickHeader(view, ResultsModel::ShareColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownCounts(model), (QList<quint64> {6, 4, 3, 3, 2, 2, 2, 1, 1, 1}));
    clickHeader(view, ResultsModel::RankColumn);
    clickHeader(view, ResultsModel::RankColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(model->index(0, ResultsModel::RankColumn).data().toString(), QStringLiteral("10"));
    QCOMPARE(model->index(9, ResultsModel::RankColumn).data().toString(), QStringLiteral("1"));

    // A filter keeps the sort.
    explorer->filterEdit()->setText(QStringLiteral("the"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(model), (QStringList {QStringLiteral("theme"), QStringLiteral("the")}));
}

void TestUiExplorer::hideStopWords()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    QVERIFY(!explorer->stopWordsCheck()->isChecked());
    QTest::mouseClick(explorer->stopWordsCheck(), Qt::LeftButton);
    QVERIFY(explorer->stopWordsCheck()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    // "the" and "and" are English stop words, "de" a Spanish one.
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {Arbol, QStringLiteral("cat"), QStringLiteral("theme"),
                           QStringLiteral("zebra"), QStringLiteral("apple"), QStringLiteral("dog"),
                           Nu}));
    QCOMPARE(chartedWords(explorer->topWordsChart()).first(), qMakePair(Arbol, quint64(3)));
    QCOMPARE(zipfPointCount(explorer->zipfChart()), 7);

    explorer->filterEdit()->setText(QStringLiteral("e"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(
        shownWords(explorer->model()),
        (QStringList {QStringLiteral("theme"), QStringLiteral("zebra"), QStringLiteral("apple")}));

    QTest::mouseClick(explorer->stopWordsCheck(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("the"), QStringLiteral("de"), QStringLiteral("theme"),
                           QStringLiteral("zebra"), QStringLiteral("apple")}));
}

void TestUiExplorer::editStopWords()
{
    const QString shipped = StopWords::defaultText();
    QVERIFY(shipped.contains(QStringLiteral("\nthe\n")));
    QVERIFY(shipped.contains(QStringLiteral("\nde\n")));
    QCOMPARE(StopWords::text(), shipped);
    const auto parsed = StopWords::parse(
        QString::fromUtf8("# comment\n  The \n\nÁrbol\ne\xCC\x81lan\r\n#the\nDE"));
    QCOMPARE(parsed->size(), 4);
    QCOMPARE(parsed->count("the"), quint64(1));
    QCOMPARE(parsed->count("\xC3\xA1rbol"), quint64(1)); // lowercase
    QCOMPARE(parsed->count("\xC3\xA9lan"), quint64(1)); // NFC
    QCOMPARE(parsed->count("de"), quint64(1));

    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    explorer->stopWordsCheck()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QVERIFY(shownWords(explorer->model()).contains(QStringLiteral("zebra")));

    // The user adds "ZEBRA" in the dialog and saves.
    QToolButton *edit = nullptr;
    for (QToolButton *button : explorer->findChildren<QToolButton *>()) {
        if (button->text() == QStringLiteral("Edit…"))
            edit = button;
    }
    QVERIFY(edit);
    bool edited = false;
    QTimer::singleShot(0, this, [&edited] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *text = dialog->findChild<QPlainTextEdit *>();
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(text && buttons);
        QCOMPARE(text->toPlainText(), StopWords::defaultText());
        text->appendPlainText(QStringLiteral("ZEBRA"));
        QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
        edited = true;
    });
    QTest::mouseClick(edit, Qt::LeftButton);
    QVERIFY(edited);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QVERIFY(!shownWords(explorer->model()).contains(QStringLiteral("zebra")));
    QCOMPARE(explorer->model()->rowCount(), 6);
    // Saved in the user's data folder (the test's own), and read from there from now on.
    QVERIFY(QFile::exists(StopWords::userFile()));
    QVERIFY(StopWords::text().endsWith(QStringLiteral("ZEBRA")));

    // A new explorer reads the edited list.
    const auto second = makeExplorer();
    QVERIFY(second);
    second->stopWordsCheck()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(!second->isBusy(), WorkTimeoutMs);
    QCOMPARE(second->model()->rowCount(), 6);

    StopWords::restoreDefaults();
    QCOMPARE(StopWords::text(), shipped);
}

void TestUiExplorer::minimumCount()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    QSpinBox *spin = explorer->minCountSpin();
    QCOMPARE(spin->value(), 1);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("3"));
    QCOMPARE(spin->value(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(
        shownWords(explorer->model()),
        (QStringList {QStringLiteral("the"), QStringLiteral("de"), QStringLiteral("and"), Arbol}));
    QCOMPARE(zipfPointCount(explorer->zipfChart()), 4);

    explorer->view()->sortByColumn(ResultsModel::WordColumn, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(
        shownWords(explorer->model()),
        (QStringList {Arbol, QStringLiteral("the"), QStringLiteral("de"), QStringLiteral("and")}));

    QTest::keyClick(spin, Qt::Key_Up);
    QCOMPARE(spin->value(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("the"), QStringLiteral("de")}));
    spin->setValue(7);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(explorer->model()->rowCount(), 0);
    spin->setValue(1);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(explorer->model()->rowCount(), 10);
}

void TestUiExplorer::shareAndCumulative_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<int>("rank");
    QTest::addColumn<quint64>("count");
    QTest::addColumn<quint64>("cumulative");
    QTest::addColumn<QString>("shareText");
    QTest::addColumn<QString>("cumulativeText");

    // Share: count / 25; cumulative: the counts of every word ranked up to this one, / 25.
    QTest::newRow("the") << QStringLiteral("the") << 1 << quint64(6) << quint64(6)
                         << QStringLiteral("24.00 %") << QStringLiteral("24.00 %");
    QTest::newRow("de") << QStringLiteral("de") << 2 << quint64(4) << quint64(10)
                        << QStringLiteral("16.00 %") << QStringLiteral("40.00 %");
    QTest::newRow("and") << QStringLiteral("and") << 3 << quint64(3) << quint64(13)
                         << QStringLiteral("12.00 %") << QStringLiteral("52.00 %");
    QTest::newRow("árbol") << Arbol << 4 << quint64(3) << quint64(16) << QStringLiteral("12.00 %")
                           << QStringLiteral("64.00 %");
    QTest::newRow("cat") << QStringLiteral("cat") << 5 << quint64(2) << quint64(18)
                         << QStringLiteral("8.000 %") << QStringLiteral("72.00 %");
    QTest::newRow("theme") << QStringLiteral("theme") << 6 << quint64(2) << quint64(20)
                           << QStringLiteral("8.000 %") << QStringLiteral("80.00 %");
    QTest::newRow("zebra") << QStringLiteral("zebra") << 7 << quint64(2) << quint64(22)
                           << QStringLiteral("8.000 %") << QStringLiteral("88.00 %");
    QTest::newRow("apple") << QStringLiteral("apple") << 8 << quint64(1) << quint64(23)
                           << QStringLiteral("4.000 %") << QStringLiteral("92.00 %");
    QTest::newRow("dog") << QStringLiteral("dog") << 9 << quint64(1) << quint64(24)
                         << QStringLiteral("4.000 %") << QStringLiteral("96.00 %");
    QTest::newRow("ñu") << Nu << 10 << quint64(1) << quint64(25) << QStringLiteral("4.000 %")
                        << QStringLiteral("100.00 %");
}

void TestUiExplorer::shareAndCumulative()
{
    QFETCH(QString, word);
    QFETCH(int, rank);
    QFETCH(quint64, count);
    QFETCH(quint64, cumulative);
    QFETCH(QString, shareText);
    QFETCH(QString, cumulativeText);

    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    const ResultsModel *model = explorer->model();
    // Whatever the filter and sort, a word keeps the rank and cumulative share of the whole.
    const QList<std::function<void()>> views = {
        [] {},
        [&] { explorer->view()->sortByColumn(ResultsModel::WordColumn, Qt::DescendingOrder); },
        [&] { explorer->filterEdit()->setText(word.right(2).toUpper()); },
        [&] { explorer->view()->sortByColumn(ResultsModel::CountColumn, Qt::AscendingOrder); },
    };
    for (const auto &change : views) {
        change();
        QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
        const int row = int(shownWords(model).indexOf(word));
        QVERIFY(row >= 0);
        const auto cell
            = [&](int column, int role) { return model->index(row, column).data(role); };
        QCOMPARE(cell(ResultsModel::RankColumn, Qt::DisplayRole).toString(), QString::number(rank));
        QCOMPARE(cell(ResultsModel::RankColumn, Qt::EditRole).toInt(), rank);
        QCOMPARE(cell(ResultsModel::CountColumn, Qt::EditRole).toULongLong(), count);
        QCOMPARE(cell(ResultsModel::ShareColumn, Qt::EditRole).toDouble(),
                 100.0 * double(count) / 25);
        QCOMPARE(cell(ResultsModel::ShareColumn, Qt::DisplayRole).toString(), shareText);
        QCOMPARE(cell(ResultsModel::CumulativeColumn, Qt::EditRole).toDouble(),
                 100.0 * double(cumulative) / 25);
        QCOMPARE(cell(ResultsModel::CumulativeColumn, Qt::DisplayRole).toString(), cumulativeText);
    }
}

void TestUiExplorer::copySelectedRows()
{
    const auto explorer = makeExplorer();
    QVERIFY(explorer);
    QTableView *view = explorer->view();
    QCOMPARE(explorer->selectedRowsAsTsv(), QString());

    // Click row 0, Ctrl+click row 3: the rows in view order, as TSV.
    const auto clickRow = [view](int row, Qt::KeyboardModifiers modifiers) {
        const QRect rect = view->visualRect(view->model()->index(row, ResultsModel::WordColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, rect.center());
    };
    clickRow(3, Qt::NoModifier);
    clickRow(0, Qt::ControlModifier);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 2);
    const QString expected = QString::fromUtf8("the\t6\nárbol\t3\n");
    QCOMPARE(explorer->selectedRowsAsTsv(), expected);

    // Ctrl+C puts the same on the clipboard.
    QGuiApplication::clipboard()->clear();
    explorer->activateWindow();
    view->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(explorer.get()));
    QTest::keySequence(view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);

    // After a sort and a filter, the rows shown are the ones copied.
    explorer->view()->sortByColumn(ResultsModel::WordColumn, Qt::AscendingOrder);
    explorer->filterEdit()->setText(QStringLiteral("E"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    view->selectAll();
    QCOMPARE(explorer->selectedRowsAsTsv(),
             QStringLiteral("apple\t1\nde\t4\nthe\t6\ntheme\t2\nzebra\t2\n"));
}

void TestUiExplorer::exportShownAndAll_data()
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
                          << QByteArray("{\"mode\":\"words\",\"words\":[\n"
                                        "{\"word\":\"apple\",\"count\":1},\n"
                                        "{\"word\":\"de\",\"count\":4},\n"
                                        "{\"word\":\"the\",\"count\":6},\n"
                                        "{\"word\":\"theme\",\"count\":2},\n"
                                        "{\"word\":\"zebra\",\"count\":2}\n]}\n")
                          << QByteArray("{\"mode\":\"words\",\"words\":[\n"
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

void TestUiExplorer::exportShownAndAll()
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

void TestUiExplorer::exportRoundTrip_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("tsv") << QStringLiteral("tsv");
    QTest::newRow("json") << QStringLiteral("json");
}

// Export every row, open the file again: the same table, cell for cell.
void TestUiExplorer::exportRoundTrip()
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

void TestUiExplorer::exportErrors()
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

void TestUiExplorer::openResultsMerges()
{
    const QString a = m_dir->filePath(QStringLiteral("monday.tsv"));
    const QString b = m_dir->filePath(QStringLiteral("tuesday.json"));
    QVERIFY(writeFile(a, "apple\t3\n\xC3\xA1rbol\t1\nbanana\t1\n"));
    QVERIFY(
        writeFile(b,
                  "{\"mode\":\"words\",\"words\":[{\"word\":\"apple\",\"count\":2},"
                  "{\"word\":\"cherry\",\"count\":4},{\"word\":\"\xC3\xA1rbol\",\"count\":2}]}"));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ResultsExplorer *explorer = window.explorer();
    QAbstractItemModelTester tester(explorer->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openResults(window, {a, b}));
    QCOMPARE(window.detailTabs()->currentWidget(), explorer);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("apple"), QStringLiteral("cherry"), Arbol,
                           QStringLiteral("banana")}));
    QCOMPARE(shownCounts(explorer->model()), (QList<quint64> {5, 4, 3, 1}));
    const auto *summary = explorer->findChild<QLabel *>(QStringLiteral("resultsSummary"));
    QVERIFY2(summary->text().contains(QStringLiteral("13 words · 4 distinct")),
             qPrintable(summary->text()));

    // The merged table filters like any other.
    explorer->filterEdit()->setText(QStringLiteral("A"));
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("apple"), QStringLiteral("banana")}));

    // Opened again: the same counts, not added to the shown ones.
    QVERIFY(openResults(window, {b, a}));
    explorer->filterEdit()->clear();
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    QCOMPARE(shownCounts(explorer->model()), (QList<quint64> {5, 4, 3, 1}));
}

void TestUiExplorer::openResultsWithBadFile()
{
    const QString good = m_dir->filePath(QStringLiteral("good.tsv"));
    const QString other = m_dir->filePath(QStringLiteral("other.tsv"));
    const QString bad = m_dir->filePath(QStringLiteral("bad.tsv"));
    QVERIFY(writeFile(good, "apple\t3\nbanana\t1\n"));
    QVERIFY(writeFile(other, "banana\t4\n"));
    QVERIFY(writeFile(bad, "apple\t3\nno tab on this line\n"));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ResultsExplorer *explorer = window.explorer();
    {
        MessageBoxCloser closer;
        QVERIFY(openResults(window, {good, bad, other}));
        QVERIFY(closer.closed());
        QCOMPARE(closer.icon(), QMessageBox::Warning);
        QVERIFY2(closer.text().contains(bad), qPrintable(closer.text()));
        QVERIFY2(closer.text().contains(QStringLiteral("line 2")), qPrintable(closer.text()));
        QVERIFY(!closer.text().contains(good));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->isBusy(), WorkTimeoutMs);
    // The bad file adds nothing, not even its good first line.
    QCOMPARE(shownWords(explorer->model()),
             (QStringList {QStringLiteral("banana"), QStringLiteral("apple")}));
    QCOMPARE(shownCounts(explorer->model()), (QList<quint64> {5, 3}));

    // Nothing readable: a warning, and the table stays as it was.
    {
        MessageBoxCloser closer;
        QVERIFY(!openResults(window, {bad, m_dir->filePath(QStringLiteral("missing.tsv"))}));
        QVERIFY(closer.closed());
        QVERIFY(closer.text().contains(QStringLiteral("missing.tsv")));
    }
    QCOMPARE(shownCounts(explorer->model()), (QList<quint64> {5, 3}));
}

void TestUiExplorer::liveTopWords()
{
    JobSpec spec;
    spec.sampleBytes = qint64(200) << 20;
    spec.workers = 1;
    CountJob job(spec);

    ResultsExplorer explorer;
    explorer.resize(900, 600);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    ResultsModel *model = explorer.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    explorer.setJob(&job);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!explorer.filterEdit()->isEnabled());

    // After the explorer's own slot, each emission: what the table shows then.
    struct Snapshot
    {
        int rows = 0;
        bool provisional = false;
        QStringList words;
        QList<quint64> counts;
        QList<quint64> shown;
        quint64 wordsSoFar = 0;
    };
    QList<Snapshot> snapshots;
    connect(&job, &CountJob::liveWordsChanged, this,
            [&](const QList<WordCount> &words, quint64 wordsSoFar) {
                Snapshot s;
                s.rows = model->rowCount();
                s.provisional = model->isProvisional();
                for (const WordCount &w : words) {
                    s.words.append(QString::fromUtf8(w.word));
                    s.counts.append(w.count);
                }
                s.shown = shownCounts(model);
                s.wordsSoFar = wordsSoFar;
                if (s.rows > 0) {
                    QCOMPARE(shownWords(model), s.words);
                    QCOMPARE(model->index(0, 0).data(Qt::FontRole).value<QFont>().italic(), true);
                    QVERIFY(model->index(0, ResultsModel::WordColumn)
                                .data(Qt::ToolTipRole)
                                .toString()
                                .startsWith(QStringLiteral("Provisional")));
                }
                snapshots.append(s);
            });
    QSignalSpy live(&job, &CountJob::liveWordsChanged);
    QSignalSpy finished(&job, &CountJob::finished);
    QElapsedTimer clock;
    clock.start();
    job.start();
    QVERIFY(finished.wait(WorkTimeoutMs));
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(job.state(), CountJob::Done);

    // At most twice a second, and more than once over a run this long.
    qInfo("%lld live updates in %lld ms", qlonglong(live.count()), elapsed);
    QVERIFY2(live.count() <= elapsed / 500 + 2,
             qPrintable(QStringLiteral("%1 updates in %2 ms").arg(live.count()).arg(elapsed)));
    QVERIFY(!snapshots.isEmpty());
    for (const Snapshot &s : std::as_const(snapshots)) {
        QVERIFY(s.rows <= 20);
        QCOMPARE(s.rows, int(s.words.size()));
        QCOMPARE(s.provisional, s.rows > 0);
        QCOMPARE(s.shown, s.counts);
        QVERIFY(std::is_sorted(s.counts.cbegin(), s.counts.cend(), std::greater<>()));
    }
    // The counts grow as the job reads on: the first update comes with the first chunk merged,
    // then one every half second, so a run this long (seconds on one worker) has several.
    if (elapsed >= 2000 || snapshots.size() >= 2) {
        QVERIFY(snapshots.size() >= 2);
        QVERIFY(snapshots.last().wordsSoFar > snapshots.first().wordsSoFar);
        QVERIFY(snapshots.last().counts.value(0) > snapshots.first().counts.value(0));
    }
    QCOMPARE(snapshots.last().rows, 20);

    // Done: the whole table, no longer provisional.
    const auto result = job.result();
    QVERIFY(result);
    QVERIFY(!model->isProvisional());
    QCOMPARE(model->rowCount(), int(result->size()));
    QVERIFY(model->rowCount() > 20);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer.isBusy(), WorkTimeoutMs);
    QVERIFY(explorer.filterEdit()->isEnabled());
    QCOMPARE(model->index(0, ResultsModel::WordColumn).data().toString(),
             QString::fromUtf8(result->word(0).toByteArray()));
    QCOMPARE(model->index(0, ResultsModel::CountColumn).data(Qt::EditRole).toULongLong(),
             result->count(0));
    QVERIFY(!model->index(0, 0).data(Qt::FontRole).isValid());
    // The provisional leaders were the real ones, with smaller counts.
    QVERIFY(snapshots.last().counts.value(0) <= result->count(0));
    const auto *summary = explorer.findChild<QLabel *>(QStringLiteral("resultsSummary"));
    QVERIFY(!summary->text().contains(QStringLiteral("provisional")));
}

QTEST_MAIN(TestUiExplorer)

#include "tst_ui_explorer.moc"
