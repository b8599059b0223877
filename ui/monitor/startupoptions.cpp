#include "ui/monitor/startupoptions.h"

#include "core/format/progressformat.h"
#include "ui/monitor/mainwindow.h"

#include <QCommandLineParser>
#include <QCoreApplication>

StartupOptions StartupOptions::parse(const QStringList &arguments)
{
    StartupOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("StartupOptions", "WordMill: count the words of text files."));
    const QCommandLineOption sample(
        QStringLiteral("sample"),
        QCoreApplication::translate("StartupOptions",
                                    "Start a job on SIZE of generated sample text."),
        QStringLiteral("SIZE"));
    parser.addOption(sample);
    parser.addPositionalArgument(
        QStringLiteral("PATH"),
        QCoreApplication::translate("StartupOptions", "Files or folders to count."));
    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    if (parser.isSet(sample)) {
        options.sampleBytes = ProgressFormat::parseBytes(parser.value(sample));
        if (options.sampleBytes <= 0)
            options.error
                = QCoreApplication::translate("StartupOptions", "--sample needs a size such as 1G");
    }
    options.paths = parser.positionalArguments();
    return options;
}

void StartupOptions::apply(MainWindow &window) const
{
    if (sampleBytes > 0)
        window.startSample(sampleBytes);
    if (!paths.isEmpty()) {
        window.addInputs(paths);
        window.startJob();
    }
}
