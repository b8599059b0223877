// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/format/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace {

// The translators in use; replaced, not stacked, when the language changes.
struct Installed
{
    std::unique_ptr<QTranslator> wordmill;
    std::unique_ptr<QTranslator> qt;
};

Installed &installed()
{
    static Installed instance;
    return instance;
}

// The first of the system's UI languages WordMill speaks ("es" for es_MX), else English.
QString systemLanguage()
{
    const QStringList spoken = Translations::languages();
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString code = QLocale(name).name().section(QLatin1Char('_'), 0, 0);
        if (spoken.contains(code))
            return code;
    }
    return QStringLiteral("en");
}

void replace(std::unique_ptr<QTranslator> &slot, std::unique_ptr<QTranslator> next)
{
    if (slot)
        QCoreApplication::removeTranslator(slot.get());
    slot = std::move(next);
    if (slot)
        QCoreApplication::installTranslator(slot.get());
}

} // namespace

QStringList Translations::languages()
{
    return {QStringLiteral("en"), QStringLiteral("es")};
}

QString Translations::nativeName(const QString &language)
{
    if (language == QLatin1String("es"))
        return QStringLiteral("Español");
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    return language;
}

QLocale Translations::localeFor(const QString &language)
{
    if (language.isEmpty())
        return QLocale::system();
    // The system's own locale when it is in that language (es_MX stays es_MX), else the
    // language's main country.
    const QLocale system = QLocale::system();
    if (system.name().section(QLatin1Char('_'), 0, 0) == language)
        return system;
    return QLocale(language);
}

QString Translations::install(const QString &language)
{
    const QString code = languages().contains(language) ? language : systemLanguage();
    QLocale::setDefault(localeFor(languages().contains(language) ? language : QString()));

    auto wordmill = std::make_unique<QTranslator>();
    if (!wordmill->load(QStringLiteral(":/i18n/wordmill_%1.qm").arg(code)))
        wordmill.reset();
    auto qt = std::make_unique<QTranslator>();
    if (code == QLatin1String("en")
        || !qt->load(QStringLiteral("qtbase_") + code,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        qt.reset(); // Qt's own English is its source text
    Installed &now = installed();
    replace(now.qt, std::move(qt));
    replace(now.wordmill, std::move(wordmill));
    return code;
}
