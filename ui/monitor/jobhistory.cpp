// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/jobhistory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <array>

namespace {

// Names, not numbers, in the file: it outlives any reordering of the enum.
constexpr std::array<std::pair<JobRecord::State, const char *>, 4> StateNames = {{
    {JobRecord::Done, "done"},
    {JobRecord::Cancelled, "cancelled"},
    {JobRecord::Failed, "failed"},
    {JobRecord::Interrupted, "interrupted"},
}};

QString stateName(JobRecord::State state)
{
    for (const auto &[value, name] : StateNames) {
        if (value == state)
            return QLatin1String(name);
    }
    return {};
}

bool parseState(const QString &text, JobRecord::State *state)
{
    for (const auto &[value, name] : StateNames) {
        if (text == QLatin1String(name)) {
            *state = value;
            return true;
        }
    }
    return false;
}

QJsonObject toObject(const JobRecord &r)
{
    // Counts go as JSON numbers: exact up to 2^53, far beyond any count of words or bytes.
    const CountTotals &t = r.totals;
    QJsonObject o;
    o[QLatin1String("id")] = r.id;
    o[QLatin1String("when")] = r.when.toUTC().toString(Qt::ISODateWithMs);
    o[QLatin1String("state")] = stateName(r.state);
    // Written only for opened results: a record without it is a counted job, as every record
    // of the first WordMill with a history was.
    if (r.kind == JobRecord::OpenedResults)
        o[QLatin1String("kind")] = QStringLiteral("opened");
    o[QLatin1String("paths")] = QJsonArray::fromStringList(r.spec.paths);
    o[QLatin1String("sampleBytes")] = r.spec.sampleBytes;
    o[QLatin1String("sampleSeed")] = qint64(r.spec.sampleSeed);
    o[QLatin1String("mode")] = countingModeName(r.spec.mode);
    o[QLatin1String("workers")] = r.spec.workers;
    o[QLatin1String("chunkSize")] = r.spec.chunkSize;
    o[QLatin1String("words")] = qint64(t.words);
    o[QLatin1String("distinctWords")] = qint64(t.distinctWords);
    o[QLatin1String("bytes")] = t.bytes;
    o[QLatin1String("files")] = t.filesCounted;
    o[QLatin1String("problems")] = t.filesSkipped;
    o[QLatin1String("workingMs")] = t.totalMs;
    o[QLatin1String("wallMs")] = t.wallMs;
    if (!r.errorText.isEmpty())
        o[QLatin1String("error")] = r.errorText;
    if (!r.resultPath.isEmpty())
        o[QLatin1String("resultPath")] = r.resultPath;
    return o;
}

// A hand-edited or damaged record is left out rather than shown wrong: it needs an id, a
// state it knows, a valid mode and something to count (or Retry could run nothing).
std::optional<JobRecord> fromObject(const QJsonObject &o)
{
    JobRecord r;
    r.id = o.value(QLatin1String("id")).toString();
    if (r.id.isEmpty() || !parseState(o.value(QLatin1String("state")).toString(), &r.state))
        return std::nullopt;
    const QString kind = o.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("opened"))
        r.kind = JobRecord::OpenedResults;
    else if (!kind.isEmpty())
        return std::nullopt; // a kind of a newer WordMill: not shown as something it is not
    r.when = QDateTime::fromString(o.value(QLatin1String("when")).toString(), Qt::ISODateWithMs);
    if (!r.when.isValid())
        return std::nullopt;
    for (const QJsonValue &path : o.value(QLatin1String("paths")).toArray()) {
        if (!path.isString() || path.toString().isEmpty())
            return std::nullopt;
        r.spec.paths << path.toString();
    }
    r.spec.sampleBytes = o.value(QLatin1String("sampleBytes")).toInteger();
    if (r.spec.sampleBytes < 0 || (r.spec.paths.isEmpty() && r.spec.sampleBytes == 0))
        return std::nullopt;
    r.spec.sampleSeed = quint64(o.value(QLatin1String("sampleSeed")).toInteger(1));
    if (!parseCountingMode(o.value(QLatin1String("mode")).toString(), &r.spec.mode))
        return std::nullopt;
    r.spec.workers = std::max(0, o.value(QLatin1String("workers")).toInt());
    r.spec.chunkSize
        = std::clamp(o.value(QLatin1String("chunkSize")).toInteger(JobSpec::DefaultChunkSize),
                     JobSpec::MinChunkSize, JobSpec::MaxChunkSize);
    const auto figure = [&o](const char *key) {
        return std::max<qint64>(0, o.value(QLatin1String(key)).toInteger());
    };
    CountTotals &t = r.totals;
    t.words = quint64(figure("words"));
    t.distinctWords = quint64(figure("distinctWords"));
    t.bytes = figure("bytes");
    t.filesCounted = figure("files");
    t.filesSkipped = figure("problems");
    t.totalMs = figure("workingMs");
    t.wallMs = figure("wallMs");
    r.errorText = o.value(QLatin1String("error")).toString();
    r.resultPath = o.value(QLatin1String("resultPath")).toString();
    return r;
}

} // namespace

JobHistory::JobHistory(const QString &path)
    : m_path(path)
{ }

QString JobHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/jobhistory.json");
}

bool JobHistory::load(QString *error)
{
    m_records.clear();
    QFile file(m_path);
    if (!file.exists())
        return true; // the first run
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    std::optional<QList<JobRecord>> records = fromJson(file.readAll(), error);
    if (!records)
        return false;
    m_records = std::move(*records);
    return true;
}

bool JobHistory::save(QString *error) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson(m_records)) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<JobRecord> JobHistory::find(const QString &id) const
{
    for (const JobRecord &record : m_records) {
        if (record.id == id)
            return record;
    }
    return std::nullopt;
}

void JobHistory::put(const JobRecord &record)
{
    for (JobRecord &kept : m_records) {
        if (kept.id == record.id) {
            kept = record;
            return;
        }
    }
    m_records.append(record);
    while (m_records.size() > MaxJobs)
        m_records.removeFirst();
}

bool JobHistory::remove(const QString &id)
{
    return m_records.removeIf([&id](const JobRecord &r) { return r.id == id; }) > 0;
}

QByteArray JobHistory::toJson(const QList<JobRecord> &records)
{
    QJsonArray jobs;
    for (const JobRecord &record : records)
        jobs.append(toObject(record));
    QJsonObject root;
    root[QLatin1String("version")] = FormatVersion;
    root[QLatin1String("jobs")] = jobs;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<QList<JobRecord>> JobHistory::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (parseError.error != QJsonParseError::NoError)
        return fail(parseError.errorString());
    const QJsonObject root = document.object();
    if (!document.isObject() || !root.value(QLatin1String("jobs")).isArray())
        return fail(QStringLiteral("not a job history"));
    // A newer WordMill may have changed the meaning of the fields: not guessed at.
    const int version = root.value(QLatin1String("version")).toInt();
    if (version < 1 || version > FormatVersion)
        return fail(QStringLiteral("unknown job history version %1").arg(version));
    QList<JobRecord> records;
    QSet<QString> ids;
    for (const QJsonValue &job : root.value(QLatin1String("jobs")).toArray()) {
        std::optional<JobRecord> record = fromObject(job.toObject());
        // One card per id, or removing one would take the other with it.
        if (record && !ids.contains(record->id)) {
            ids.insert(record->id);
            records.append(*record);
        }
    }
    if (records.size() > MaxJobs)
        records.remove(0, records.size() - MaxJobs);
    return records;
}
