// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the results explorer's widget tests (tst_ui_explorer_*): a home of the test's
// own, the fixture, a shown explorer, and what its table and charts show.

#include "core/engine/countresult.h"
#include "core/format/translations.h"
#include "tests/common/charthelpers.h"
#include "tests/common/isolatedhome.h"
#include "tests/common/resulttesthelpers.h"
#include "ui/explorer/resultsexplorer.h"
#include "ui/explorer/resultsmodel.h"
#include "ui/explorer/stopwords.h"
#include "ui/explorer/topwordschart.h"
#include "ui/explorer/zipfchart.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ExplorerTest {

using ResultTest::makeResult;

// Generous bounds for work on a loaded 2-core machine, sometimes under AddressSanitizer.
inline constexpr int WorkTimeoutMs = 120000;

// Settings and the user's stop word list go to folders of the test's own, set before the
// application exists (QTEST_MAIN creates it before any test function runs).
inline IsolatedHome &home()
{
    static IsolatedHome instance;
    return instance;
}

inline void isolateHome()
{
    home();
}
Q_CONSTRUCTOR_FUNCTION(isolateHome)

// What every explorer test case sets up first: the home of its own, the names its settings go
// under, and the C locale.
inline void initExplorerTestCase()
{
    QVERIFY(home().config.isValid());
    QVERIFY(home().data.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("WordMillTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_explorer"));
    QVERIFY(QSettings().fileName().startsWith(home().config.path()));
    QVERIFY(StopWords::userFile().startsWith(home().data.path()));
    Translations::install(
        QStringLiteral("en")); // as the program does in English: "2 files", not "2 file(s)"
    QLocale::setDefault(QLocale::c()); // "24.00 %" and "1.58", whatever the machine's locale
}

inline const QString Arbol = QString::fromUtf8("árbol");
inline const QString Nu = QString::fromUtf8("ñu");

// Words mode, 25 words. Output order, with cumulative counts:
//   1 the 6 (6), 2 de 4 (10), 3 and 3 (13), 4 árbol 3 (16), 5 cat 2 (18), 6 theme 2 (20),
//   7 zebra 2 (22), 8 apple 1 (23), 9 dog 1 (24), 10 ñu 1 (25)
// "the" and "and" are English stop words, "de" a Spanish one.
inline std::shared_ptr<const CountResult> fixture()
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

inline QStringList shownWords(const QAbstractItemModel *model)
{
    QStringList words;
    for (int row = 0; row < model->rowCount(); ++row)
        words.append(model->index(row, ResultsModel::WordColumn).data().toString());
    return words;
}

inline QList<quint64> shownCounts(const QAbstractItemModel *model)
{
    QList<quint64> counts;
    for (int row = 0; row < model->rowCount(); ++row)
        counts.append(
            model->index(row, ResultsModel::CountColumn).data(Qt::EditRole).toULongLong());
    return counts;
}

// The bar chart's words and counts, most frequent first (it draws them least frequent first).
inline QList<QPair<QString, quint64>> chartedWords(const TopWordsChart *chart)
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

inline int zipfPointCount(const ZipfChart *chart)
{
    const auto series = chart->chart()->series();
    for (QAbstractSeries *s : series) {
        if (auto *scatter = qobject_cast<QScatterSeries *>(s))
            return int(scatter->count());
    }
    return -1;
}

// A shown explorer with the fixture indexed and its first query applied.
inline std::unique_ptr<ResultsExplorer> makeExplorer()
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

} // namespace ExplorerTest
