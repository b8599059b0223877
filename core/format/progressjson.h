// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countjob.h"
#include "core/engine/countresult.h"
#include "core/engine/jobprogress.h"

#include <QByteArray>
#include <QJsonObject>

/*!
    \brief Progress for scripts and dashboards: one JSON object on one line per report
    (`wordmill-cli --progress=json`). The fields are documented in README.md; names never
    change meaning, new ones may be added.

    Numbers are exact 64-bit integers, except the rate; a value that is not known yet (the
    total of a stream still being read, the time left before any byte is counted) is null.
*/
namespace ProgressJson {

//! The state's name for machines: "queued", "scanning", … "failed"; never translated.
QByteArray stateKey(CountJob::State state);

//! One report, without the final newline; with \a totals (the last report of a job that is
//! done), also its words, distinct words and files counted.
QByteArray line(CountJob::State state, const JobProgress &progress,
                const CountTotals *totals = nullptr);
//! The object of line(), for a program that adds fields of its own (wordmill-mpi's ranks).
QJsonObject object(CountJob::State state, const JobProgress &progress,
                   const CountTotals *totals = nullptr);

} // namespace ProgressJson
