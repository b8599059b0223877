// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the command-line tests share: running wordmill-cli, and the small texts they count.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

namespace CliTest {

const QString CliPath = QStringLiteral(WORDMILL_CLI_PATH);
const QString CorpusDir = QStringLiteral(WORDMILL_CORPUS_DIR);

struct CliRun
{
    bool finished = false;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// A pseudo-terminal, for a standard input that is a terminal, as when a person types the
// command: wordmill-cli reads standard input when it is anything else and no PATH is given.
class TerminalInput
{
public:
    TerminalInput()
        : m_master(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC))
    {
        if (m_master >= 0 && ::grantpt(m_master) == 0 && ::unlockpt(m_master) == 0)
            m_name = QString::fromLocal8Bit(::ptsname(m_master));
    }
    ~TerminalInput()
    {
        if (m_master >= 0)
            ::close(m_master);
    }
    Q_DISABLE_COPY_MOVE(TerminalInput)

    //! The terminal's device, to open as standard input; empty if none could be made.
    QString name() const { return m_name; }

private:
    int m_master = -1;
    QString m_name;
};

// \a environment: "NAME=value" entries set for this run only (an empty value unsets NAME).
// \a input: what standard input holds, then its end; when null, standard input is a terminal
// where nobody types (or /dev/null, where no terminal can be made).
inline CliRun runCli(const QStringList &arguments, int timeoutMs = 120000,
                     const QStringList &environment = {}, const QByteArray &input = {})
{
    CliRun run;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &entry : environment) {
        const QString name = entry.section(QLatin1Char('='), 0, 0);
        const QString value = entry.section(QLatin1Char('='), 1);
        if (value.isEmpty())
            env.remove(name);
        else
            env.insert(name, value);
    }
    process.setProcessEnvironment(env);
    TerminalInput terminal;
    if (input.isNull())
        process.setStandardInputFile(terminal.name().isEmpty() ? QProcess::nullDevice()
                                                               : terminal.name());
    process.start(CliPath, arguments);
    if (!process.waitForStarted(30000))
        return run;
    if (!input.isNull()) {
        process.write(input);
        process.closeWriteChannel();
    }
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.exitStatus = process.exitStatus();
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Words mode: "The"/"the", "CAT's" joins at the apostrophe, "ÁRBOL" is "árbol".
const QByteArray SmallText = "The cat and the hat. The CAT's hat!\n"
                             "Don't stop: don't.\n"
                             "\xC3\x81rbol \xC3\x81RBOL a\xC3\xB1o\n";

const QByteArray SmallWords = "the\t3\n"
                              "don't\t2\n"
                              "hat\t2\n"
                              "\xC3\xA1rbol\t2\n"
                              "and\t1\n"
                              "a\xC3\xB1o\t1\n"
                              "cat\t1\n"
                              "cat's\t1\n"
                              "stop\t1\n";

// Whitespace mode: only A-Z are lowercased ("ÁRBOL" is "Árbol"), punctuation stays.
const QByteArray SmallWhitespace = "the\t3\n"
                                   "\xC3\x81rbol\t2\n"
                                   "and\t1\n"
                                   "a\xC3\xB1o\t1\n"
                                   "cat\t1\n"
                                   "cat's\t1\n"
                                   "don't\t1\n"
                                   "don't.\t1\n"
                                   "hat!\t1\n"
                                   "hat.\t1\n"
                                   "stop:\t1\n";

// Tokens a spreadsheet would run as formulas, and cells that need RFC 4180 quoting.
const QByteArray CsvText = "=SUM(A1) +1 -x @me a,b say\"hi\" =a,b plain plain\n";

} // namespace CliTest
