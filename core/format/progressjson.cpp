// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/format/progressjson.h"

#include "core/format/progressformat.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>

namespace ProgressJson {

QByteArray stateKey(CountJob::State state)
{
    return QByteArray(QMetaEnum::fromType<CountJob::State>().valueToKey(state)).toLower();
}

QJsonObject object(CountJob::State state, const JobProgress &p, const CountTotals *totals)
{
    const auto known = [](bool isKnown, qint64 value) {
        return isKnown ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
    };
    const double rate = ProgressFormat::mapSpeed(p);
    const qint64 leftMs = ProgressFormat::timeLeftMs(state, p);
    QJsonObject o;
    o.insert(QStringLiteral("state"), QString::fromLatin1(stateKey(state)));
    o.insert(QStringLiteral("elapsedMs"), p.elapsedMs);
    o.insert(QStringLiteral("workingMs"), p.workingMs);
    o.insert(QStringLiteral("filesFound"), p.scan.done);
    o.insert(QStringLiteral("filesSkipped"), p.filesSkipped);
    o.insert(QStringLiteral("bytesDone"), p.map.done);
    o.insert(QStringLiteral("bytesTotal"),
             known(p.map.started && !p.readingStream, p.map.started ? p.map.total : 0));
    o.insert(QStringLiteral("readingStream"), p.readingStream);
    o.insert(QStringLiteral("chunksMerged"), p.reduce.done);
    o.insert(QStringLiteral("chunksTotal"),
             known(p.reduce.started && !p.readingStream, p.reduce.total));
    o.insert(QStringLiteral("bytesMerged"), p.bytesMerged);
    o.insert(QStringLiteral("distinctSoFar"), p.distinctSoFar);
    o.insert(QStringLiteral("sortDone"), p.finalize.done);
    o.insert(QStringLiteral("sortTotal"), known(p.finalize.started, p.finalize.total));
    o.insert(QStringLiteral("bytesPerSecond"), rate);
    o.insert(QStringLiteral("secondsLeft"),
             leftMs >= 0 ? QJsonValue(double(leftMs) / 1000.0) : QJsonValue(QJsonValue::Null));
    if (totals) {
        o.insert(QStringLiteral("words"), qint64(totals->words));
        o.insert(QStringLiteral("distinctWords"), qint64(totals->distinctWords));
        o.insert(QStringLiteral("filesCounted"), totals->filesCounted);
    }
    return o;
}

QByteArray line(CountJob::State state, const JobProgress &progress, const CountTotals *totals)
{
    return QJsonDocument(object(state, progress, totals)).toJson(QJsonDocument::Compact);
}

} // namespace ProgressJson
