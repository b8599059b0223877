// SPDX-License-Identifier: GPL-3.0-or-later
// ResultQuery's text filters: substrings folded as counting folds words, in words and whitespace
// mode, regular expressions, valid or not, and substrings that ignore accents.

#include "core/engine/countresult.h"
#include "core/results/resultindex.h"
#include "core/results/resultquery.h"
#include "tests/common/resulttesthelpers.h"
#include "tests/results/resultquerytesthelpers.h"

#include <QtTest>

using namespace ResultTest;
using namespace ResultQueryTest;

namespace {

// Non-ASCII words of the whitespace fixture, spelt out.
const QByteArray ArbolUpper = "\xC3\x81rbol"; // Árbol
const QByteArray Nandu = "\xC3\x91"
                         "and\xC3\x9A"; // ÑandÚ

// Whitespace mode keeps bytes and lowercases only A-Z: "ÁRBOL" is kept as "Árbol", "ÑANDÚ" as
// "ÑandÚ", and a Latin-1 byte stays as it is. Output order:
//   the 5, Árbol 3, "the," 2, ÑandÚ 2, caf\xE9 1, x=1 1, árbol 1
const Counts &whitespaceFixture()
{
    static const Counts counts = {
        {"the", 5},     {ArbolUpper, 3}, {"the,", 2}, {Nandu, 2},
        {"caf\xE9", 1}, {"x=1", 1},      {Arbol, 1},
    };
    return counts;
}

} // namespace

class TestResultQueryText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void substring_data();
    void substring();
    void substringFoldsLikeCounting_data();
    void substringFoldsLikeCounting();
    void substringWhitespaceMode_data();
    void substringWhitespaceMode();
    void regex_data();
    void regex();
    void invalidRegex_data();
    void invalidRegex();
    void ignoreAccents_data();
    void ignoreAccents();
};

void TestResultQueryText::substring_data()
{
    addQueryColumns();
    const QByteArrayList none;
    const auto row = [&](const char *name, const QString &text, const QByteArrayList &expected) {
        QTest::newRow(name) << ResultQuery::Rank << false << text << false << quint64(0) << none
                            << expected;
    };
    row("empty shows all", QString(), byRank());
    row("the", QStringLiteral("the"), {"the", "theme"});
    row("THE", QStringLiteral("THE"), {"the", "theme"});
    row("tHe", QStringLiteral("tHe"), {"the", "theme"});
    row("middle", QStringLiteral("eb"), {"zebra"});
    row("end", QStringLiteral("OG"), {"dog"});
    row("e anywhere", QStringLiteral("e"), {"the", "de", "theme", "zebra", "apple"});
    row("whole word", QStringLiteral("apple"), {"apple"});
    row("longer than any word", QStringLiteral("applesauce"), {});
    row("no match", QStringLiteral("xyz"), {});
    row("ár", QString::fromUtf8("ár"), {Arbol});
    row("ÁR", QString::fromUtf8("ÁR"), {Arbol});
    row("ÁRBOL", QString::fromUtf8("ÁRBOL"), {Arbol});
    row("Ñ", QString::fromUtf8("Ñ"), {Nu});
    row("ÑU", QString::fromUtf8("ÑU"), {Nu});
    // Plain "a" is not "á": no accent folding.
    row("a", QStringLiteral("a"), {"and", "cat", "zebra", "apple"});
    row("space", QStringLiteral(" "), {});
}

void TestResultQueryText::substring()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQueryText::substringFoldsLikeCounting_data()
{
    addQueryColumns();
    const QByteArrayList none;
    const auto row = [&](const char *name, const QString &text, const QByteArrayList &expected) {
        QTest::newRow(name) << ResultQuery::Rank << false << text << false << quint64(0) << none
                            << expected;
    };
    // Counting folds a word to NFC, then maps each code point to its simple lowercase: "İ"
    // (U+0130) becomes "i", where QString::toLower() gives "i" and a combining dot above.
    row("İ", QString::fromUtf8("İST"), {"istanbul"});
    row("I", QStringLiteral("ISTANBUL"), {"istanbul"});
    row("CAFÉ", QString::fromUtf8("CAFÉ"), {"caf\xC3\xA9"});
    row("decomposed é", QString::fromUtf8("cafe\xCC\x81"), {"caf\xC3\xA9"});
    row("decomposed É", QString::fromUtf8("E\xCC\x81"), {"caf\xC3\xA9"});
    row("ß", QString::fromUtf8("straß"),
        {"stra\xC3\x9F"
         "e"});
    // No full case folding: "SS" is not "ß".
    row("SS", QStringLiteral("STRASSE"), {});
}

void TestResultQueryText::substringFoldsLikeCounting()
{
    runQueryRow({{"istanbul", 2},
                 {"stra\xC3\x9F"
                  "e",
                  1},
                 {"caf\xC3\xA9", 1}},
                CountingMode::Words);
}

void TestResultQueryText::substringWhitespaceMode_data()
{
    addQueryColumns();
    const QByteArrayList none;
    const auto row = [&](const char *name, const QString &text, const QByteArrayList &expected) {
        QTest::newRow(name) << ResultQuery::Rank << false << text << false << quint64(0) << none
                            << expected;
    };
    row("empty shows all", QString(), {"the", ArbolUpper, "the,", Nandu, "caf\xE9", "x=1", Arbol});
    row("THE", QStringLiteral("THE"), {"the", "the,"});
    row("punctuation", QStringLiteral(","), {"the,"});
    row("formula-like", QStringLiteral("=1"), {"x=1"});
    // The uppercase non-ASCII letters a whitespace-mode word keeps match either case.
    row("ár", QString::fromUtf8("ár"), {ArbolUpper, Arbol});
    row("ÁR", QString::fromUtf8("ÁR"), {ArbolUpper, Arbol});
    row("Árbol", QString::fromUtf8("Árbol"), {ArbolUpper, Arbol});
    row("ñandú", QString::fromUtf8("ñandú"), {Nandu});
    row("DÚ", QString::fromUtf8("DÚ"), {Nandu});
    row("ndú", QString::fromUtf8("ndú"), {Nandu});
    // A word that is not UTF-8 still matches on its ASCII part.
    row("not UTF-8", QStringLiteral("CAF"), {"caf\xE9"});
    row("no match", QString::fromUtf8("é"), {});
}

void TestResultQueryText::substringWhitespaceMode()
{
    runQueryRow(whitespaceFixture(), CountingMode::Whitespace);
}

void TestResultQueryText::regex_data()
{
    addQueryColumns();
    const QByteArrayList none;
    const auto row = [&](const char *name, const QString &pattern, const QByteArrayList &expected) {
        QTest::newRow(name) << ResultQuery::Rank << false << pattern << true << quint64(0) << none
                            << expected;
    };
    row("anchored", QStringLiteral("^the$"), {"the"});
    row("prefix", QStringLiteral("^th"), {"the", "theme"});
    row("case-insensitive", QStringLiteral("^TH"), {"the", "theme"});
    row("suffix", QStringLiteral("e$"), {"the", "de", "theme", "apple"});
    row("class", QStringLiteral("^[a-d]"), {"de", "and", "cat", "apple", "dog"});
    row("alternation", QStringLiteral("^(cat|dog)$"), {"cat", "dog"});
    row("repeat", QStringLiteral("p{2}"), {"apple"});
    // \w takes Unicode letters: the two-letter words are "de" and "ñu".
    row("unicode word class", QStringLiteral("^\\w{2}$"), {"de", Nu});
    row("five letters", QStringLiteral("^\\w{5}$"), {Arbol, "theme", "zebra", "apple"});
    row("non-ASCII", QString::fromUtf8("^Á"), {Arbol});
    row("dot matches a whole character", QStringLiteral("^.u$"), {Nu});
    row("matches nothing", QStringLiteral("^q"), {});
    row("dot star", QStringLiteral(".*"), byRank());
}

void TestResultQueryText::regex()
{
    runQueryRow(wordsFixture(), CountingMode::Words);
}

void TestResultQueryText::invalidRegex_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::newRow("open group") << QStringLiteral("(");
    QTest::newRow("open class") << QStringLiteral("[a-");
    QTest::newRow("bad repeat") << QStringLiteral("a{2,1}");
    QTest::newRow("nothing to repeat") << QStringLiteral("*");
    QTest::newRow("trailing backslash") << QStringLiteral("the\\");
}

void TestResultQueryText::invalidRegex()
{
    QFETCH(QString, pattern);
    const auto result = makeResult(wordsFixture());
    const ResultIndex index(result);
    ResultQuery query;
    query.text = pattern;
    query.regex = true;
    QVERIFY(!query.errorString().isEmpty());
    QVERIFY(query.run(index).empty());
    query.column = ResultQuery::Word;
    query.descending = true;
    query.minCount = 2;
    QVERIFY(query.run(index).empty());

    // As plain text the same pattern is fine: it is looked for as it is, and no word has it.
    query.regex = false;
    QVERIFY(query.errorString().isEmpty());
    QVERIFY(query.run(index).empty());
}

// Spanish, French and German words as words mode stores them (lowercase, NFC).
void TestResultQueryText::ignoreAccents_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ignoreAccents");
    QTest::addColumn<QByteArrayList>("expected"); // in output order
    const auto row
        = [](const char *name, const char *text, bool ignore, const QByteArrayList &expected) {
              QTest::newRow(name) << QString::fromUtf8(text) << ignore << expected;
          };
    row("corazon finds corazón", "corazon", true, {"coraz\xC3\xB3n"});
    row("but not with accents kept", "corazon", false, {});
    row("camion", "camion", true, {"cami\xC3\xB3n"});
    row("an accent typed still matches", "camión", true, {"cami\xC3\xB3n"});
    row("uppercase and accents", "CORAZÓN", true, {"coraz\xC3\xB3n"});
    row("ñ is a letter of its own", "nino", true, {});
    row("ñ finds ñ", "niño", true, {"ni\xC3\xB1o"});
    row("French", "ecole", true,
        {"\xC3\xA9"
         "cole"});
    row("French cedilla", "garcon", true, {"gar\xC3\xA7on"});
    row("German umlaut", "uber", true,
        {"\xC3\xBC"
         "ber"});
    row("German ß stays", "strasse", true, {});
}

void TestResultQueryText::ignoreAccents()
{
    QFETCH(QString, text);
    QFETCH(bool, ignoreAccents);
    QFETCH(QByteArrayList, expected);
    const auto result = makeResult({{"coraz\xC3\xB3n", 6},
                                    {"cami\xC3\xB3n", 5},
                                    {"ni\xC3\xB1o", 4},
                                    {"\xC3\xA9"
                                     "cole",
                                     3},
                                    {"gar\xC3\xA7on", 2},
                                    {"\xC3\xBC"
                                     "ber",
                                     2},
                                    {"stra\xC3\x9F"
                                     "e",
                                     1}});
    const ResultIndex index(result);
    ResultQuery query;
    query.text = text;
    query.ignoreAccents = ignoreAccents;
    QCOMPARE(wordsOf(*result, query.run(index)), expected);
}

QTEST_GUILESS_MAIN(TestResultQueryText)

#include "tst_resultquery_text.moc"
