// SPDX-License-Identifier: GPL-3.0-or-later
// File names as bytes: any byte string survives the trip through QString, and names are shown
// quoted only when they must be.

#include "core/text/localpath.h"

#include <QTest>

class TestLocalPath final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void everyByteSurvives();
    void quoted_data();
    void quoted();
};

void TestLocalPath::roundTrip_data()
{
    QTest::addColumn<QByteArray>("native");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("ASCII") << QByteArray("/tmp/a.txt") << QStringLiteral("/tmp/a.txt");
    QTest::newRow("UTF-8") << QByteArray("a\xc3\xb1o.txt") << QStringLiteral("año.txt");
    QTest::newRow("outside the BMP")
        << QByteArray("\xf0\x9f\x98\x80") << QString::fromUtf8("\xf0\x9f\x98\x80");
    QTest::newRow("Latin-1 byte") << QByteArray("caf\xe9") << QStringLiteral("caf\xDCE9");
    QTest::newRow("cut sequence at the end") << QByteArray("a\xc3") << QStringLiteral("a\xDCC3");
    QTest::newRow("encoded surrogate is not UTF-8")
        << QByteArray("\xed\xb3\xa9") << QStringLiteral("\xDCED\xDCB3\xDCA9");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QStringLiteral("\xDCC0\xDCAF");
}

void TestLocalPath::roundTrip()
{
    QFETCH(QByteArray, native);
    QFETCH(QString, decoded);
    QCOMPARE(LocalPath::fromNative(native), decoded);
    QCOMPARE(LocalPath::toNative(decoded), native);
}

void TestLocalPath::everyByteSurvives()
{
    for (int a = 1; a < 256; ++a) {
        for (int b = 0; b < 256; b += 17) {
            const QByteArray native = QByteArray(1, char(a)) + char(b) + "\xe2\x82";
            QCOMPARE(LocalPath::toNative(LocalPath::fromNative(native)), native);
        }
    }
}

void TestLocalPath::quoted_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QStringLiteral("/home/ana/año nuevo.txt")
                           << QStringLiteral("/home/ana/año nuevo.txt");
    QTest::newRow("quote in a plain name")
        << QStringLiteral("it's.txt") << QStringLiteral("it's.txt");
    QTest::newRow("newline") << QStringLiteral("nope\nwordmill-cli: injected")
                             << QStringLiteral("'nope\\nwordmill-cli: injected'");
    QTest::newRow("tab and bell") << QStringLiteral("a\tb\a") << QStringLiteral("'a\\tb\\a'");
    QTest::newRow("other control") << QStringLiteral("a\x01") << QStringLiteral("'a\\001'");
    QTest::newRow("DEL") << QStringLiteral("a\x7f") << QStringLiteral("'a\\177'");
    QTest::newRow("C1 control") << QStringLiteral("a\u0085") << QStringLiteral("'a\\302\\205'");
    QTest::newRow("byte that is not UTF-8")
        << LocalPath::fromNative("caf\xe9.txt") << QStringLiteral("'caf\\351.txt'");
    QTest::newRow("right-to-left override")
        << QStringLiteral("a\u202Eb") << QStringLiteral("'a\\342\\200\\256b'");
    QTest::newRow("quote and backslash once quoted")
        << QStringLiteral("'\\\n") << QStringLiteral("'\\'\\\\\\n'");
    QTest::newRow("emoji stays") << QString::fromUtf8("\xf0\x9f\x98\x80.txt")
                                 << QString::fromUtf8("\xf0\x9f\x98\x80.txt");
    QTest::newRow("emoji whose low surrogate is in DC80-DCFF")
        << QString::fromUtf8("\xf0\x90\x82\x80") << QString::fromUtf8("\xf0\x90\x82\x80");
}

void TestLocalPath::quoted()
{
    QFETCH(QString, path);
    QFETCH(QString, shown);
    QCOMPARE(LocalPath::quoted(path), shown);
}

QTEST_GUILESS_MAIN(TestLocalPath)
#include "tst_localpath.moc"
