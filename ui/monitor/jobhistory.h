// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/monitor/jobrecord.h"

#include <QList>
#include <QString>

#include <optional>

/*!
    \brief The jobs of earlier sessions, kept in a small JSON file in the application's data
    folder so that their cards come back after a restart.

    Bounded to the MaxJobs most recent; written whole and atomically (QSaveFile), so that a
    crash while saving leaves the previous file. GUI thread only: it is small and written on
    the spot.
*/
class JobHistory final
{
public:
    static constexpr int MaxJobs = 50;
    static constexpr int FormatVersion = 1;

    //! A history kept in \a path; nothing is read until load().
    explicit JobHistory(const QString &path = defaultPath());

    //! jobhistory.json in QStandardPaths::AppDataLocation.
    static QString defaultPath();
    QString path() const { return m_path; }

    /*!
        Reads the file. A missing file is an empty history. Returns false, with an empty
        history and the reason in \a error, if the file cannot be read or is not a history.
    */
    bool load(QString *error = nullptr);
    //! Writes the file, creating its folder; false with the reason in \a error if it cannot.
    bool save(QString *error = nullptr) const;

    //! Oldest first.
    QList<JobRecord> records() const { return m_records; }
    std::optional<JobRecord> find(const QString &id) const;
    //! Replaces the record with the same id, else appends it and forgets the oldest past MaxJobs.
    void put(const JobRecord &record);
    bool remove(const QString &id);

    static QByteArray toJson(const QList<JobRecord> &records);
    /*!
        The records of \a json, oldest first, at most MaxJobs (the newest). A record without an
        id, a known state or anything to count is left out; nullopt (and \a error) if \a json is
        not a history at all.
    */
    static std::optional<QList<JobRecord>> fromJson(const QByteArray &json,
                                                    QString *error = nullptr);

private:
    QString m_path;
    QList<JobRecord> m_records;
};
