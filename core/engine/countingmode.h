// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/*!
    \brief How a text is cut into words.

    Words: Unicode words (letters, marks, numbers, connector punctuation, inner apostrophes),
    NFC-normalised and lowercased. Whitespace: the "countwords" benchmark's rules, ASCII
    whitespace separates, only A-Z are lowercased.
*/
enum class CountingMode { Words, Whitespace };

inline QString countingModeName(CountingMode mode)
{
    return mode == CountingMode::Words ? QStringLiteral("words") : QStringLiteral("whitespace");
}

// Returns false for an unknown name and leaves *mode alone.
inline bool parseCountingMode(const QString &name, CountingMode *mode)
{
    if (name == QLatin1String("words"))
        *mode = CountingMode::Words;
    else if (name == QLatin1String("whitespace"))
        *mode = CountingMode::Whitespace;
    else
        return false;
    return true;
}
