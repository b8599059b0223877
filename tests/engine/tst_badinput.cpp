// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input: every kind of input that cannot be counted is reported with its reason and left
// out whole, and the rest of the job is counted.

#include "core/engine/private/inputscanner.h"
#include "core/format/progressformat.h"
#include "core/text/localpath.h"
#include "tests/engine/jobtesthelpers.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using namespace JobTest;

class TestBadInput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badInput_data();
    void badInput();
    void utf16WithNulBytesIsCounted();
    void permissionDenied();
    void folderWalkSkipsHiddenAndEndsLinkLoops();
    void folderLinksLeavingTheFolderAreNotFollowed();
    void hiddenFileGivenDirectlyIsCounted();
    void fileShrinkingWhileReadIsSkipped();
    void fileReplacedWhileReadIsSkipped();
    void sizelessProcFileIsReadToTheEnd();
    void namesThatAreNotUtf8AreCounted();
    void everyInputBadFails();
};

void TestBadInput::badInput_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason"); // a word the reason must contain
    QTest::newRow("nonexistent") << "missing"
                                 << "no such file";
    QTest::newRow("dangling link") << "dangling"
                                   << "dangling";
    // Before: "a dangling symbolic link", though its target is the link itself.
    QTest::newRow("link to itself") << "loop"
                                    << "loop";
    QTest::newRow("fifo") << "fifo"
                          << "FIFO";
    QTest::newRow("socket") << "socket"
                            << "socket";
    QTest::newRow("device") << "device"
                            << "device";
    QTest::newRow("binary") << "binary"
                            << "binary";
    QTest::newRow("binary, NUL at the last sniffed byte") << "binary-late"
                                                          << "binary";
}

void TestBadInput::badInput()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good1 = dir.filePath(QStringLiteral("good1.txt"));
    const QString good2 = dir.filePath(QStringLiteral("good2.txt"));
    QVERIFY(writeFile(good1, "alpha beta beta\n"));
    QVERIFY(writeFile(good2, "Gamma ALPHA\n"));

    QString bad = dir.filePath(QStringLiteral("bad"));
    int socketFd = -1;
    const auto closeSocket = qScopeGuard([&socketFd] {
        if (socketFd >= 0)
            ::close(socketFd);
    });
    if (kind == QLatin1String("missing")) {
        bad = dir.filePath(QStringLiteral("missing.txt"));
    } else if (kind == QLatin1String("dangling")) {
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere.txt")), bad));
    } else if (kind == QLatin1String("loop")) {
        QVERIFY(QFile::link(bad, bad));
    } else if (kind == QLatin1String("fifo")) {
        QCOMPARE(::mkfifo(QFile::encodeName(bad).constData(), 0600), 0);
    } else if (kind == QLatin1String("socket")) {
        socketFd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(socketFd >= 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        const QByteArray name = QFile::encodeName(bad);
        QVERIFY(size_t(name.size()) < sizeof address.sun_path);
        std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
        QCOMPARE(::bind(socketFd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    } else if (kind == QLatin1String("device")) {
        bad = QStringLiteral("/dev/null");
    } else if (kind == QLatin1String("binary")) {
        QVERIFY(writeFile(bad, QByteArray("secret words\0more secret words\n", 31)));
    } else if (kind == QLatin1String("binary-late")) {
        QByteArray text = QByteArray("secret words ").repeated(6000).left(InputScanner::SniffBytes);
        text[InputScanner::SniffBytes - 1] = '\0';
        text += "secret tail\n";
        QVERIFY(writeFile(bad, text));
    } else {
        QFAIL("unknown kind");
    }

    JobSpec spec;
    spec.paths = {good1, bad, good2};
    spec.chunkSize = 1024;
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    if (!finished.wait(30000)) {
        // A FIFO opened for reading blocks until a writer comes: be that writer, so that the
        // job can end and this test reports the failure instead of hanging.
        if (kind == QLatin1String("fifo")) {
            const int fd = ::open(QFile::encodeName(bad).constData(), O_WRONLY | O_NONBLOCK);
            if (fd >= 0)
                ::close(fd);
        }
        QFAIL("the job did not finish");
    }
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const CountResult &result = *job.result();
    const Counts expected = {{"alpha", 2}, {"beta", 2}, {"gamma", 1}};
    QCOMPARE(countsOf(result), expected);
    QCOMPARE(result.totals.words, quint64(5));
    QCOMPARE(result.totals.filesCounted, qint64(2));
    QCOMPARE(result.totals.filesSkipped, qint64(1));
    QCOMPARE(job.progress().filesSkipped, qint64(1));

    const QList<FileReport> reports = job.fileReports();
    QCOMPARE(reports.size(), 3);
    const FileReport report = reportFor(reports, bad);
    QCOMPARE(report.path(), bad);
    QCOMPARE(report.status, FileReport::Skipped);
    QCOMPARE(report.words, quint64(0));
    QVERIFY2(ProgressFormat::problemText(report).contains(reason, Qt::CaseInsensitive),
             qPrintable(ProgressFormat::problemText(report)));
    QCOMPARE(reportFor(reports, good1).status, FileReport::Counted);
    QCOMPARE(reportFor(reports, good1).words, quint64(3));
    QCOMPARE(reportFor(reports, good2).status, FileReport::Counted);
    QCOMPARE(reportFor(result.files, bad).status, FileReport::Skipped);
    QCOMPARE(ProgressFormat::problemText(reportFor(result.files, bad)),
             ProgressFormat::problemText(report));
}

void TestBadInput::utf16WithNulBytesIsCounted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString text = QStringLiteral("Hola mundo, hola ÁRBOL\n");
    QByteArray le("\xFF\xFE");
    QByteArray be("\xFE\xFF");
    for (const QChar c : text) {
        le.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
        be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xFF));
    }
    QVERIFY(le.contains('\0') && be.contains('\0'));
    const QString lePath = dir.filePath(QStringLiteral("le.txt"));
    const QString bePath = dir.filePath(QStringLiteral("be.txt"));
    const QString binPath = dir.filePath(QStringLiteral("nul.txt")); // UTF-16 without a BOM
    QVERIFY(writeFile(lePath, le));
    QVERIFY(writeFile(bePath, be));
    QVERIFY(writeFile(binPath, le.mid(2)));

    JobSpec spec;
    spec.paths = {lePath, bePath, binPath};
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"hola", 4}, {"mundo", 2}, {"árbol", 2}};
    QCOMPARE(countsOf(*job.result()), expected);
    const QList<FileReport> reports = job.fileReports();
    QCOMPARE(reportFor(reports, lePath).status, FileReport::Counted);
    QCOMPARE(reportFor(reports, lePath).encoding, TextEncoding::Utf16LE);
    QCOMPARE(reportFor(reports, bePath).status, FileReport::Counted);
    QCOMPARE(reportFor(reports, bePath).encoding, TextEncoding::Utf16BE);
    QCOMPARE(reportFor(reports, binPath).status, FileReport::Skipped);
    QCOMPARE(reportFor(reports, binPath).problem, FileProblem::Binary);
    // The Files list shows a skipped file's size when the scan knew it (it said 0 before).
    QCOMPARE(reportFor(reports, binPath).size, qint64(le.size() - 2));
}

void TestBadInput::permissionDenied()
{
    if (::geteuid() == 0)
        QSKIP("running as root: chmod 000 does not keep root from reading a file");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(QStringLiteral("good.txt"));
    const QString locked = dir.filePath(QStringLiteral("locked.txt"));
    QVERIFY(writeFile(good, "alpha beta\n"));
    QVERIFY(writeFile(locked, "secret\n"));
    QVERIFY(QFile::setPermissions(locked, {}));

    JobSpec spec;
    spec.paths = {good, locked};
    CountJob job(spec);
    QVERIFY(runToEnd(job));
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"alpha", 1}, {"beta", 1}};
    QCOMPARE(countsOf(*job.result()), expected);
    const FileReport report = reportFor(job.fileReports(), locked);
    QCOMPARE(report.status, FileReport::Skipped);
    QVERIFY2(ProgressFormat::problemText(report).contains(QLatin1String("permission"),
                                                          Qt::CaseInsensitive),
             qPrintable(ProgressFormat::problemText(report)));
}

void TestBadInput::folderWalkSkipsHiddenAndEndsLinkLoops()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("sub")));
    QVERIFY(root.mkpath(QStringLiteral(".hiddendir")));
    QVERIFY(writeFile(root.filePath(QStringLiteral("a.txt")), "apple banana\n"));
    QVERIFY(writeFile(root.filePath(QStringLiteral(".dotfile")), "hiddenword\n"));
    QVERIFY(writeFile(root.filePath(QStringLiteral(".hiddendir/c.txt")), "hiddendirword\n"));
    QVERIFY(writeFile(root.filePath(QStringLiteral("sub/b.txt")), "banana cherry\n"));
    // A loop back to the root, and a second name for a.txt.
    QCOMPARE(
        ::symlink("..", QFile::encodeName(root.filePath(QStringLiteral("sub/loop"))).constData()),
        0);
    QCOMPARE(
        ::symlink("../a.txt",
                  QFile::encodeName(root.filePath(QStringLiteral("sub/alias.txt"))).constData()),
        0);

    JobSpec spec;
    spec.paths = {dir.path()};
    CountJob job(spec);
    QVERIFY(runToEnd(job, 30000));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"banana", 2}, {"apple", 1}, {"cherry", 1}};
    QCOMPARE(countsOf(*job.result()), expected);
    QCOMPARE(job.result()->totals.filesCounted, qint64(2));
    QCOMPARE(job.result()->totals.filesSkipped, qint64(0));
    for (const FileReport &r : job.fileReports()) {
        QVERIFY2(!r.nativePath.contains("/."), r.nativePath.constData());
        QCOMPARE(r.status, FileReport::Counted);
    }
}

// Before: `carpeta/bucle -> ..` pulled the whole parent into the job, the user's settings and all.
void TestBadInput::folderLinksLeavingTheFolderAreNotFollowed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir top(dir.path());
    QVERIFY(top.mkpath(QStringLiteral("carpeta/sub")));
    QVERIFY(top.mkpath(QStringLiteral("otra")));
    QVERIFY(writeFile(top.filePath(QStringLiteral("carpeta/a.txt")), "apple\n"));
    QVERIFY(writeFile(top.filePath(QStringLiteral("carpeta/sub/b.txt")), "banana\n"));
    QVERIFY(writeFile(top.filePath(QStringLiteral("otra/c.txt")), "cherry\n"));
    QVERIFY(writeFile(top.filePath(QStringLiteral("fuera.txt")), "outside\n"));
    const auto link = [&top](const char *target, const QString &name) {
        return ::symlink(target, QFile::encodeName(top.filePath(name)).constData()) == 0;
    };
    QVERIFY(link("..", QStringLiteral("carpeta/bucle"))); // the parent: left out
    QVERIFY(link("../otra", QStringLiteral("carpeta/afuera"))); // a sibling: left out
    QVERIFY(link("sub", QStringLiteral("carpeta/adentro"))); // inside: followed, counted once
    QVERIFY(link("../fuera.txt", QStringLiteral("carpeta/vinculo.txt"))); // a file: followed

    JobSpec spec;
    spec.paths = {top.filePath(QStringLiteral("carpeta"))};
    CountJob job(spec);
    QVERIFY(runToEnd(job, 30000));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"apple", 1}, {"banana", 1}, {"outside", 1}};
    QCOMPARE(countsOf(*job.result()), expected);
    QCOMPARE(job.result()->totals.filesCounted, qint64(3));
    QCOMPARE(job.result()->totals.filesSkipped, qint64(2));
    const QString realTop = QFileInfo(dir.path()).canonicalFilePath();
    const QList<std::pair<QString, QString>> outside
        = {{QStringLiteral("bucle"), realTop}, {QStringLiteral("afuera"), realTop + "/otra"}};
    for (const auto &[name, target] : outside) {
        const FileReport r
            = reportFor(job.fileReports(), top.filePath(QStringLiteral("carpeta/") + name));
        QCOMPARE(r.status, FileReport::Skipped);
        QCOMPARE(r.problem, FileProblem::FolderLinkOutside);
        QCOMPARE(r.details, target);
        QVERIFY2(ProgressFormat::problemText(r).contains(QStringLiteral("not followed")),
                 qPrintable(ProgressFormat::problemText(r)));
    }
}

void TestBadInput::hiddenFileGivenDirectlyIsCounted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dotfile = QDir(dir.path()).filePath(QStringLiteral(".dotfile"));
    QVERIFY(writeFile(dotfile, "hiddenword\n"));
    JobSpec spec;
    spec.paths = {dotfile};
    CountJob job(spec);
    QVERIFY(runToEnd(job, 30000));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"hiddenword", 1}};
    QCOMPARE(countsOf(*job.result()), expected);
}

void TestBadInput::fileShrinkingWhileReadIsSkipped()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString big = dir.filePath(QStringLiteral("big.txt"));
    const QString good = dir.filePath(QStringLiteral("good.txt"));
    QByteArray text;
    for (int i = 0; i < 400000; ++i)
        text += "bigword" + QByteArray::number(i % 1000) + (i % 10 == 9 ? '\n' : ' ');
    QVERIFY(text.size() > 4 * MiB);
    QVERIFY(writeFile(big, text));
    QVERIFY(writeFile(good, "gamma delta delta\n"));

    JobSpec spec;
    spec.paths = {big, good};
    spec.chunkSize = 1024;
    spec.workers = 2;
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    QVERIFY(waitForState(job, CountJob::Counting));
    QVERIFY(spinUntil([&job] { return job.progress().map.done > 0; }));
    job.setPaused(true);
    const FileReport before = reportFor(job.fileReports(), big);
    QVERIFY2(before.bytesCounted < before.size, "the big file was read before the pause");

    QVERIFY(QFile::resize(big, text.size() / 2));
    job.setPaused(false);
    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"delta", 2}, {"gamma", 1}};
    QCOMPARE(countsOf(*job.result()), expected);
    QCOMPARE(job.result()->totals.words, quint64(3));
    QCOMPARE(job.result()->totals.filesSkipped, qint64(1));
    const FileReport report = reportFor(job.fileReports(), big);
    QCOMPARE(report.status, FileReport::Skipped);
    QCOMPARE(report.words, quint64(0));
    QVERIFY2(ProgressFormat::problemText(report).contains(QLatin1String("shrank")),
             qPrintable(ProgressFormat::problemText(report)));
    QCOMPARE(reportFor(job.fileReports(), good).status, FileReport::Counted);
    // Progress still reaches its total: the skipped file's bytes are accounted for.
    const JobProgress p = job.progress();
    QCOMPARE(p.map.done, p.map.total);
    QCOMPARE(p.reduce.done, p.reduce.total);
}

// Before: a file renamed over the one being read, with the same size and modification time,
// gave counts from both files, with no message.
void TestBadInput::fileReplacedWhileReadIsSkipped()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString big = dir.filePath(QStringLiteral("big.txt"));
    const QString other = dir.filePath(QStringLiteral("other.txt"));
    const QString good = dir.filePath(QStringLiteral("good.txt"));
    QByteArray text;
    for (int i = 0; i < 400000; ++i)
        text += "bigword" + QByteArray::number(i % 1000) + (i % 10 == 9 ? '\n' : ' ');
    QVERIFY(text.size() > 4 * MiB);
    QVERIFY(writeFile(big, text));
    QByteArray replacement = text;
    replacement.replace("bigword", "newword");
    QCOMPARE(replacement.size(), text.size());
    QVERIFY(writeFile(other, replacement));
    struct stat original;
    QCOMPARE(::stat(QFile::encodeName(big).constData(), &original), 0);
    const struct timespec times[2] = {original.st_atim, original.st_mtim};
    QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(other).constData(), times, 0), 0);
    QVERIFY(writeFile(good, "gamma delta delta\n"));

    JobSpec spec;
    spec.paths = {big, good};
    spec.chunkSize = 1024;
    spec.workers = 2;
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    job.start();
    QVERIFY(waitForState(job, CountJob::Counting));
    QVERIFY(spinUntil([&job] { return job.progress().map.done > 0; }));
    job.setPaused(true);
    const FileReport before = reportFor(job.fileReports(), big);
    QVERIFY2(before.bytesCounted < before.size, "the big file was read before the pause");

    QCOMPARE(::rename(QFile::encodeName(other).constData(), QFile::encodeName(big).constData()), 0);
    job.setPaused(false);
    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    const Counts expected = {{"delta", 2}, {"gamma", 1}};
    QCOMPARE(countsOf(*job.result()), expected);
    const FileReport report = reportFor(job.fileReports(), big);
    QCOMPARE(report.status, FileReport::Skipped);
    QCOMPARE(report.words, quint64(0));
    QCOMPARE(ProgressFormat::problemText(report),
             QStringLiteral("the file was replaced while it was read"));
    const JobProgress p = job.progress();
    QCOMPARE(p.map.done, p.map.total);
}

// Before: /proc/version, whose size reads as 0, was "counted" as 0 words without being read.
void TestBadInput::sizelessProcFileIsReadToTheEnd()
{
    const QString path = QStringLiteral("/proc/version");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("no /proc/version here");
    QCOMPARE(file.size(), qint64(0));
    const QByteArray content = file.readAll();
    QVERIFY(!content.isEmpty());
    const quint64 tokens = quint64(content.simplified().split(' ').size());

    JobSpec spec;
    spec.paths = {path};
    spec.mode = CountingMode::Whitespace;
    spec.chunkSize = 1024;
    CountJob job(spec);
    QVERIFY(runToEnd(job, 30000));
    QCOMPARE(job.state(), CountJob::Done);
    QVERIFY(job.result());
    QCOMPARE(job.result()->totals.words, tokens);
    const FileReport report = reportFor(job.fileReports(), path);
    QCOMPARE(report.status, FileReport::Counted);
    QCOMPARE(report.size, qint64(content.size()));
    QCOMPARE(report.words, tokens);
}

// Before: a folder with "caf\xE9.txt" (a Latin-1 name) counted 0 files, with no message, and the
// name given directly was "no such file or folder".
void TestBadInput::namesThatAreNotUtf8AreCounted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray nativeName = QFile::encodeName(dir.path()) + "/caf\xe9.txt";
    const int fd = ::open(nativeName.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QVERIFY(fd >= 0);
    const QByteArray text = "leche con leche\n";
    QCOMPARE(::write(fd, text.constData(), size_t(text.size())), ssize_t(text.size()));
    QCOMPARE(::close(fd), 0);
    // QTemporaryDir cannot remove a name that is not UTF-8 (it decodes names too).
    const auto removeFile = qScopeGuard([&nativeName] { ::unlink(nativeName.constData()); });
    const QString name = LocalPath::fromNative(nativeName);

    for (const QString &input : {dir.path(), name}) {
        JobSpec spec;
        spec.paths = {input};
        CountJob job(spec);
        QVERIFY(runToEnd(job, 30000));
        QCOMPARE(job.state(), CountJob::Done);
        QVERIFY(job.result());
        const Counts expected = {{"leche", 2}, {"con", 1}};
        QCOMPARE(countsOf(*job.result()), expected);
        const QList<FileReport> reports = job.fileReports();
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().nativePath, nativeName);
        QCOMPARE(ProgressFormat::fileName(reports.first()), QStringLiteral("'caf\\351.txt'"));
    }
}

void TestBadInput::everyInputBadFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("missing.txt"));
    const QString binary = dir.filePath(QStringLiteral("binary.bin"));
    QVERIFY(writeFile(binary, QByteArray("ab\0cd", 5)));
    JobSpec spec;
    spec.paths = {missing, QStringLiteral("/dev/null"), binary};
    CountJob job(spec);
    QSignalSpy finished(&job, &CountJob::finished);
    QVERIFY(runToEnd(job, 30000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job.state(), CountJob::Failed);
    QVERIFY(!job.result());
    QVERIFY(!job.errorString().isEmpty());
    const QList<FileReport> reports = job.fileReports();
    QCOMPARE(reports.size(), 3);
    for (const FileReport &r : reports) {
        QCOMPARE(r.status, FileReport::Skipped);
        QVERIFY(!ProgressFormat::problemText(r).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
