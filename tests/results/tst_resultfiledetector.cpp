// SPDX-License-Identifier: GPL-3.0-or-later
// Result files are told from texts by content: what wordmill-cli and Export write opens in the
// explorer, while texts that merely look tabular are counted.

#include "core/results/resultfiledetector.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestResultFileDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void looksLikeResult_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("result");

        QTest::newRow("tsv") << QByteArray("que\t20231\ny\t17783\nde\t17741\n") << true;
        QTest::newRow("tsv with BOM and CRLF")
            << QByteArray("\xEF\xBB\xBFthe\t5\r\nof\t2\r\n") << true;
        QTest::newRow("tsv equal counts") << QByteArray("a\t1\nb\t1\n") << true;
        QTest::newRow("tsv cut by the probe") << QByteArray("a\t9\nb\t3\nc\t") << true;
        QTest::newRow("json words mode") << QByteArray("{\"mode\":\"words\",\"words\":[\n") << true;
        QTest::newRow("json no mode") << QByteArray(" \n{ \"words\" : [") << true;

        // Issue 11: the CSVs Export writes were counted as text when dropped or opened.
        QTest::newRow("csv of words and counts")
            << QByteArray("word,count\r\nthe,5\r\n\"a,b\",2\r\n") << true;
        QTest::newRow("table csv")
            << QByteArray("rank,word,count,share %,cumulative %\r\n1,the,5,50.00,50.00\r\n")
            << true;
        QTest::newRow("table csv for spreadsheets, BOM and ';'")
            << QByteArray("\xEF\xBB\xBFrank;word;count;share %;cumulative %\r\n"
                          "1;the;5;50,00;50,00\r\n")
            << true;
        QTest::newRow("table csv, LF line ends")
            << QByteArray("rank,word,count,share %,cumulative %\n1,the,5,50.00,50.00\n") << true;
        QTest::newRow("csv header only, cut by the probe") << QByteArray("word,count\n") << true;
        QTest::newRow("csv header without its line end") << QByteArray("word,count") << false;
        QTest::newRow("another csv") << QByteArray("name,value\nx,3\n") << false;
        QTest::newRow("a header as text") << QByteArray("word,count and more\n") << false;

        QTest::newRow("prose") << QByteArray("En un lugar de la Mancha\n") << false;
        QTest::newRow("counts that grow") << QByteArray("a\t1\nb\t2\n") << false;
        QTest::newRow("two tabs") << QByteArray("a\tb\t1\n") << false;
        QTest::newRow("no digits") << QByteArray("name\tvalue\n") << false;
        QTest::newRow("empty word") << QByteArray("\t3\n") << false;
        QTest::newRow("sign") << QByteArray("a\t+3\n") << false;
        QTest::newRow("one line without its end") << QByteArray("a\t3") << false;
        QTest::newRow("other json") << QByteArray("{\"name\":\"x\"}") << false;
        QTest::newRow("json array") << QByteArray("[{\"word\":\"a\"}]") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }

    void looksLikeResult()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, result);
        QCOMPARE(ResultFileDetector::looksLikeResult(head), result);
    }

    void splitKeepsOrderAndSendsFoldersToCounting()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto write = [&dir](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
                qFatal("cannot write %s", qPrintable(name));
            return file.fileName();
        };
        const QString text = write(QStringLiteral("book.txt"), "words and more words\n");
        const QString tsv = write(QStringLiteral("counts.tsv"), "words\t2\nand\t1\n");
        const QString json = write(QStringLiteral("counts.json"), "{\"words\":[]}\n");
        const QString missing = dir.filePath(QStringLiteral("missing.tsv"));

        const ResultFileDetector::Split split
            = ResultFileDetector::split({tsv, text, dir.path(), json, missing});
        QCOMPARE(split.results, QStringList({tsv, json}));
        // A missing file is counted, so that the job names it with its reason.
        QCOMPARE(split.texts, QStringList({text, dir.path(), missing}));
    }
};

QTEST_APPLESS_MAIN(TestResultFileDetector)
#include "tst_resultfiledetector.moc"
