// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/explorer/stopwords.h"

#include "core/engine/wordtable.h"
#include "core/text/wordfolding.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

QString StopWords::userFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/stopwords.txt");
}

QString StopWords::shippedFile(const QString &name)
{
    // Installed beside the program (any prefix), then in the system's data folders; the copy
    // built into the program when WordMill runs from its build folder.
    const QString relative = QStringLiteral(WORDMILL_DATA_SUBDIR "/") + name;
    const QString besideProgram = QDir::cleanPath(QCoreApplication::applicationDirPath()
                                                  + QStringLiteral("/../") + relative);
    if (QFileInfo::exists(besideProgram))
        return besideProgram;
    const QString installed = QStandardPaths::locate(QStandardPaths::GenericDataLocation,
                                                     relative.section(QLatin1Char('/'), 1));
    return installed.isEmpty() ? QStringLiteral(":/") + name : installed;
}

QString StopWords::defaultText()
{
    return readFile(shippedFile(QStringLiteral("stopwords-en.txt"))) + QLatin1Char('\n')
        + readFile(shippedFile(QStringLiteral("stopwords-es.txt")));
}

QString StopWords::text()
{
    const QString user = userFile();
    return QFile::exists(user) ? readFile(user) : defaultText();
}

bool StopWords::save(const QString &text, QString *error)
{
    const QString path = userFile();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = QObject::tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void StopWords::restoreDefaults()
{
    QFile::remove(userFile());
}

std::shared_ptr<const WordTable> StopWords::parse(const QString &text)
{
    auto table = std::make_shared<WordTable>();
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString word = line.trimmed();
        if (word.isEmpty() || word.startsWith(QLatin1Char('#')))
            continue;
        const QByteArray bytes = WordFolding::fold(word); // as words mode folds what it counts
        table->add(bytes.constData(), bytes.size());
    }
    return table;
}
