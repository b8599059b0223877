// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

/*!
    \brief WordMill's translations and Qt's own (standard dialogs and buttons), for one
    language, installed in the running application.

    The .qm files are built from the .ts files in resources/translations and embedded, so a
    program needs nothing installed beside it; Qt's come from QLibraryInfo::TranslationsPath.
    English has a translation too: it holds the plural forms ("1 file", "2 files"). Installing posts
    QEvent::LanguageChange to every widget, which is how the window retranslates at run time.
*/
class Translations final
{
public:
    //! The languages WordMill speaks, as codes for install(): "en", "es".
    static QStringList languages();
    //! The name of \a language in that language: "English", "Español".
    static QString nativeName(const QString &language);

    /*!
        Installs the translations for \a language (a code from languages()), or, when it is
        empty, for the first of the system's UI languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
        that WordMill speaks, else English. Replaces what an earlier call installed, and makes
        the language's locale the default for numbers. Returns the code of the language used.
    */
    static QString install(const QString &language = {});

    //! The locale install() chose for \a language (the system's when it is empty).
    static QLocale localeFor(const QString &language);
};
