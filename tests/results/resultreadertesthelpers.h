// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the result reader tests (tst_resultreader_*): results made as a job makes
// them, and their bytes once written.

#include "core/engine/countresult.h"
#include "core/engine/outputorder.h"
#include "core/results/resultwriter.h"
#include "tests/common/testfiles.h"

#include <QBuffer>
#include <QByteArray>
#include <QList>

#include <memory>
#include <utility>

namespace ResultReaderTest {

using TestFiles::writeFile;

using Rows = QList<std::pair<QByteArray, quint64>>;

// \a rows in output order, as a job would have made them.
inline CountResult makeResult(const Rows &rows, CountingMode mode)
{
    auto table = std::make_shared<WordTable>();
    for (const auto &[word, count] : rows)
        table->add(word.constData(), word.size(), count);
    CountResult result;
    result.mode = mode;
    OutputOrder::sort(*table, &result.order);
    for (const auto &[word, count] : rows)
        result.totals.words += count;
    result.totals.distinctWords = quint64(table->size());
    result.table = table;
    return result;
}

inline QByteArray written(const CountResult &result, ResultFormat format)
{
    QByteArray out;
    QBuffer buffer(&out);
    if (!buffer.open(QIODevice::WriteOnly) || !ResultWriter::write(result, format, &buffer))
        return "write failed";
    return out;
}

// A table's contents as TSV in output order: readable when a comparison fails.
inline QByteArray sortedTsv(const WordTable &table)
{
    CountResult result;
    auto copy = std::make_shared<WordTable>(table);
    OutputOrder::sort(*copy, &result.order); // moves the copy's entries
    result.table = copy;
    return written(result, ResultFormat::Tsv);
}

} // namespace ResultReaderTest
