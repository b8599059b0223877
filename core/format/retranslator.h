// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <utility>
#include <vector>

/*!
    \brief Texts that follow the language at run time. Each setter runs once when added and
    again on every retranslate(), which a widget calls on QEvent::LanguageChange; so a widget
    keeps one setter per group of texts, next to where it builds them, instead of a pointer to
    every label and action and a separate retranslateUi() to keep in step.
*/
class Retranslator final
{
public:
    void add(std::function<void()> setTexts)
    {
        setTexts();
        m_setters.push_back(std::move(setTexts));
    }
    void retranslate() const
    {
        for (const auto &setTexts : m_setters)
            setTexts();
    }

private:
    std::vector<std::function<void()>> m_setters;
};
