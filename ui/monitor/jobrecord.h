// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countresult.h"
#include "core/engine/jobspec.h"

#include <QDateTime>
#include <QString>

/*!
    \brief What the job history keeps of one job: enough to show its card again after a
    restart, run it again, and open the counts the user saved. Result files opened (File ▸
    Open Results) are kept too, as a record of kind OpenedResults: spec.paths are the files, and
    their card opens them again.
*/
struct JobRecord
{
    //! How the job ended. Interrupted: it was still queued or running when WordMill quit.
    enum State { Done, Cancelled, Failed, Interrupted };
    //! A job that counted texts, or result files opened and merged (always Done; no Retry).
    enum Kind { CountedTexts, OpenedResults };

    QString id; // unique within the history; ties a card to its record
    QDateTime when; // when the job ended, or was queued if it never did (UTC)
    JobSpec spec; // inputs and options, for Retry
    State state = Interrupted;
    Kind kind = CountedTexts;
    CountTotals totals; // the summary figures; the phase times are not kept
    QString errorText; // why a Failed job failed, in the language of the day
    QString resultPath; // where the user exported its counts, empty if nowhere

    friend bool operator==(const JobRecord &a, const JobRecord &b)
    {
        const CountTotals &x = a.totals;
        const CountTotals &y = b.totals;
        return a.id == b.id && a.when == b.when && a.spec.paths == b.spec.paths
            && a.spec.sampleBytes == b.spec.sampleBytes && a.spec.sampleSeed == b.spec.sampleSeed
            && a.spec.mode == b.spec.mode && a.spec.workers == b.spec.workers
            && a.spec.chunkSize == b.spec.chunkSize && a.state == b.state && a.kind == b.kind
            && x.words == y.words && x.distinctWords == y.distinctWords && x.bytes == y.bytes
            && x.filesCounted == y.filesCounted && x.filesSkipped == y.filesSkipped
            && x.totalMs == y.totalMs && x.wallMs == y.wallMs && a.errorText == b.errorText
            && a.resultPath == b.resultPath;
    }
};
