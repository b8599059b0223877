// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>

//! A word (UTF-8) and its count: the live top words of a running job.
struct WordCount
{
    QByteArray word;
    quint64 count = 0;

    friend bool operator==(const WordCount &a, const WordCount &b)
    {
        return a.word == b.word && a.count == b.count;
    }
};
Q_DECLARE_METATYPE(WordCount)
