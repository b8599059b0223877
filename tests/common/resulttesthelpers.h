// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the tests of the results explorer (tst_resultquery_*, tst_ui_explorer_*).

#include "core/engine/countresult.h"
#include "core/engine/outputorder.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <memory>

namespace ResultTest {

using Counts = QList<QPair<QByteArray, quint64>>;

// A finished result of \a counts, made as a job makes one: the output order from OutputOrder.
inline std::shared_ptr<const CountResult> makeResult(const Counts &counts,
                                                     CountingMode mode = CountingMode::Words)
{
    auto table = std::make_shared<WordTable>();
    quint64 total = 0;
    for (const auto &[word, count] : counts) {
        table->add(word.constData(), word.size(), count);
        total += count;
    }
    auto result = std::make_shared<CountResult>();
    result->mode = mode;
    if (!OutputOrder::sort(*table, &result->order))
        qFatal("OutputOrder::sort gave up");
    result->table = table;
    result->totals.words = total;
    result->totals.distinctWords = quint64(table->size());
    return result;
}

} // namespace ResultTest
