// SPDX-License-Identifier: GPL-3.0-or-later
// The results explorer's stop words and minimum count, driven through its widgets on the
// offscreen platform: hiding stop words, editing the list in its dialog, and typing a minimum.

#include "tests/ui/explorer/explorertesthelpers.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QToolButton>

using namespace ExplorerTest;

class TestUiExplorerStopWords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initExplorerTestCase(); }
    void init();
    void cleanup();

    void hideStopWords();
    void editStopWords();
    void minimumCount();
};

void TestUiExplorerStopWords::init()
{
    StopWords::restoreDefaults();
}

void TestUiExplorerStopWords::cleanup()
{
    StopWords::restoreDefaults();
}

void TestUiExplorerStopWords::hideStopWords()
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

void TestUiExplorerStopWords::editStopWords()
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

void TestUiExplorerStopWords::minimumCount()
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
        (QStringList {QStringLiteral("the"), QStringLiteral("de"), Arbol, QStringLiteral("and")}));

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

QTEST_MAIN(TestUiExplorerStopWords)

#include "tst_ui_explorer_stopwords.moc"
