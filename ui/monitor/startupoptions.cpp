// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/startupoptions.h"

#include "core/engine/countjob.h"
#include "core/format/progressformat.h"
#include "core/format/translations.h"
#include "core/results/resultfiledetector.h"
#include "ui/monitor/jobqueue.h"
#include "ui/monitor/mainwindow.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace {

// One name for the translation context, seen alike by lupdate and at run time.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(StartupOptions)
};

struct Parser
{
    QCommandLineParser parser;
    QCommandLineOption help = parser.addHelpOption();
    QCommandLineOption version = parser.addVersionOption();
    QCommandLineOption sample {QStringLiteral("sample"),
                               Text::tr("Start a job on SIZE of generated sample text (e.g. 1G)."),
                               QStringLiteral("SIZE")};
    QCommandLineOption quitWhenDone {
        QStringLiteral("quit-when-done"),
        Text::tr("Quit once every job has ended; exit status 0 if all were done, 1 otherwise.")};

    Parser()
    {
        parser.setApplicationDescription(
            Text::tr("WordMill: count the words of text files, and watch the work.\n"
                     "WordMill result files (TSV or JSON, as wordmill-cli writes them) open in the "
                     "results explorer; other files and folders are counted."));
        parser.addOption(sample);
        parser.addOption(quitWhenDone);
        parser.addPositionalArgument(
            QStringLiteral("PATH"),
            Text::tr("Files or folders to count, or result files to open."));
    }
};

bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--")
            return false;
        if (argument == "-h" || argument == "--help" || argument == "-help" || argument == "-?"
            || argument == "-v" || argument == "--version")
            return true;
    }
    return false;
}

} // namespace

std::optional<int> StartupOptions::answerWithoutGui(int argc, char *argv[])
{
    if (!asksForHelpOrVersion(argc, argv))
        return std::nullopt;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wordmill"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WORDMILL_VERSION));
    Translations::install();
    Parser p;
    // Qt's own options (-platform, -style …) are the window's business, not an error here.
    p.parser.parse(app.arguments());
    if (p.parser.isSet(p.version)) {
        std::fprintf(stdout, "wordmill %s\n", WORDMILL_VERSION);
        return std::fflush(stdout) == 0 && !std::ferror(stdout) ? 0 : 1;
    }
    const QByteArray help = p.parser.helpText().toLocal8Bit();
    std::fwrite(help.constData(), 1, size_t(help.size()), stdout);
    return std::fflush(stdout) == 0 && !std::ferror(stdout) ? 0 : 1;
}

StartupOptions StartupOptions::parse(const QStringList &arguments)
{
    StartupOptions options;
    Parser p;
    if (!p.parser.parse(arguments)) {
        options.error = p.parser.errorText();
        return options;
    }
    if (p.parser.isSet(p.sample)) {
        options.sampleBytes = ProgressFormat::parseBytes(p.parser.value(p.sample));
        if (options.sampleBytes <= 0)
            options.error = Text::tr("--sample needs a size such as 1G");
    }
    options.quitWhenDone = p.parser.isSet(p.quitWhenDone);
    options.paths = p.parser.positionalArguments();
    return options;
}

void StartupOptions::apply(MainWindow &window) const
{
    if (quitWhenDone) {
        JobQueue *queue = window.queue();
        QObject::connect(queue, &JobQueue::activeChanged, &window, [queue](bool active) {
            if (active)
                return;
            const QList<CountJob *> jobs = queue->jobs();
            const bool allDone = std::all_of(jobs.cbegin(), jobs.cend(), [](CountJob *job) {
                return job->state() == CountJob::Done;
            });
            QCoreApplication::exit(allDone ? 0 : 1);
        });
    }
    if (sampleBytes > 0)
        window.startSample(sampleBytes);
    const ResultFileDetector::Split split = ResultFileDetector::split(paths);
    if (!split.results.isEmpty()) {
        if (quitWhenDone && sampleBytes <= 0 && split.texts.isEmpty()) {
            QObject::connect(&window, &MainWindow::resultsOpened, &window,
                             [](bool shown) { QCoreApplication::exit(shown ? 0 : 1); });
        }
        window.openResults(split.results);
    }
    if (!split.texts.isEmpty()) {
        window.addInputs(split.texts);
        window.startJob();
    }
    // Nothing to wait for: quit as soon as the event loop runs.
    if (quitWhenDone && sampleBytes <= 0 && paths.isEmpty())
        QTimer::singleShot(0, &window, [] { QCoreApplication::exit(0); });
}
