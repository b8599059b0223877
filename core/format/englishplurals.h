// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QTranslator>

/*!
    \brief Resolves "(s)" in the untranslated English strings: tr("%n file(s)", nullptr, n)
    reads "1 file" and "2 files" without shipping an English .qm file. Installed first, so a
    real translation installed later takes precedence.
*/
class EnglishPlurals final : public QTranslator
{
public:
    using QTranslator::QTranslator;

    //! Installs one instance for the application's lifetime; call after creating the app.
    static void install()
    {
        static EnglishPlurals *instance = nullptr;
        if (!instance) {
            instance = new EnglishPlurals(QCoreApplication::instance());
            QCoreApplication::installTranslator(instance);
        }
    }

    bool isEmpty() const override { return false; }

    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(context)
        Q_UNUSED(disambiguation)
        if (n < 0 || !sourceText)
            return {};
        QString text = QString::fromUtf8(sourceText);
        if (!text.contains(QLatin1String("(s)")))
            return {};
        return text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    }
};
