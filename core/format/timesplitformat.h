// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/jobtimesplit.h"

#include <QString>

/*!
    \brief Where a job's time went, in plain words: a verdict with the change that would help,
    and the figures behind it. Pure functions; texts in the current language.
*/
namespace TimeSplitFormat {

//! "96 %" (the locale's digits), with a no-break space before the sign.
QString percent(double share);
//! One sentence: what held the job back and what would help, or that nothing stands out.
QString verdict(const JobTimeSplit &split);
//! The shares of worker time, the reducer's busy share and the speed-up, on one line.
QString figures(const JobTimeSplit &split);

} // namespace TimeSplitFormat
