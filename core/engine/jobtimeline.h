// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/jobevent.h"

#include <QList>
#include <QMetaType>

#include <algorithm>

/*!
    \brief A read-only copy of what a job's threads did and when (CountJob::timeline()): the
    events of every lane, the pauses, and how far the job had got when it was taken.

    Taken while the workers go on: events still under way are not in it yet, and an event
    standing for several calls may grow in the next copy.
*/
struct JobTimeline
{
    //! A time the job was paused, in ns since it started; endNs -1 while it still is.
    struct Pause
    {
        qint64 startNs = 0;
        qint64 endNs = -1;
    };

    QList<JobEvent> events; //!< by lane, then in the order each lane recorded them
    QList<Pause> pauses;
    int lanes = 0; //!< lanes 0 .. lanes - 1 (lane 0: the job's own)
    int workers = 0; //!< the job's worker threads
    qint64 nowNs = 0; //!< when the copy was taken (the job's end, once it ended)
    bool finished = false; //!< the job had ended: nothing more will be added
    quint64 droppedEvents = 0; //!< calls a full lane could not record (the budget's last resort)
    qint64 memoryBytes = 0; //!< what the recording holds

    //! The pauses' time that falls in [from, to).
    qint64 pausedWithin(qint64 from, qint64 to) const
    {
        qint64 paused = 0;
        for (const Pause &p : pauses) {
            const qint64 end = p.endNs < 0 ? nowNs : p.endNs;
            paused += std::max<qint64>(0, std::min(end, to) - std::max(p.startNs, from));
        }
        return paused;
    }
};
Q_DECLARE_METATYPE(JobTimeline)
