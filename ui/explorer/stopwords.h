// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>

class WordTable;

/*!
    \brief The stop words hidden by the results explorer: English and Spanish lists shipped in
    resources/, which the user may edit. An edited list is saved in the user's data folder and
    read from there afterwards.
*/
class StopWords final
{
public:
    //! The list as the user edits it: one word per line, # comments.
    static QString text();
    //! Saves \a text as the user's list; false with \a error set if it cannot be written.
    static bool save(const QString &text, QString *error);
    //! Forgets the user's list, back to the shipped ones.
    static void restoreDefaults();
    static QString defaultText();
    /*!
        Where the shipped list \a name (stopwords-en.txt, stopwords-es.txt) is read from: the
        data folder WordMill was installed with, else the copy built into the program.
    */
    static QString shippedFile(const QString &name);
    //! Where the user's list is kept.
    static QString userFile();

    //! The words of \a text, normalised like counted words (NFC, lowercase), as a set.
    static std::shared_ptr<const WordTable> parse(const QString &text);
};
