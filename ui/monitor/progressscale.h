// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

/*!
    QProgressBar holds int values; amounts here are 64-bit bytes. Bars run from 0 to Steps and
    show the real amounts in their text, so a 10 GiB file moves as smoothly as a 10 KiB one.
*/
namespace ProgressScale {

constexpr int Steps = 10000;

//! \a done of \a total as 0..Steps; full only when done == total, never past it.
constexpr int scaled(qint64 done, qint64 total)
{
    if (total <= 0 || done <= 0)
        return 0;
    if (done >= total)
        return Steps;
    // Double keeps 53 bits: exact enough for any file, and no 64-bit overflow in done * Steps.
    const int value = int(double(done) / double(total) * Steps);
    return value >= Steps ? Steps - 1 : value;
}

/*!
    A phase's bar between the moves of its amount: \a done of \a total, reached after
    \a doneAtMs of the phase's work, the phase at \a nowMs of work now, the bar at \a shown. A
    phase that moves in steps (a level of the sort's merges is one step, up to a tenth of it,
    taking seconds) would crawl and jump; its units move with the time (OutputOrder::sort), so
    the bar goes on at the phase's own pace since. It never goes back, and stops short of full
    until the phase is over.
*/
constexpr int paced(qint64 done, qint64 total, qint64 doneAtMs, qint64 nowMs, int shown)
{
    const int reported = scaled(done, total);
    if (reported >= Steps)
        return Steps;
    int value = reported;
    if (done > 0 && doneAtMs > 0 && nowMs > doneAtMs) {
        const double guess = double(done) * double(nowMs) / double(doneAtMs);
        const int ahead = guess >= double(total) ? Steps - 1 : scaled(qint64(guess), total);
        value = ahead > value ? ahead : value;
    }
    return shown > value ? (shown < Steps ? shown : Steps - 1) : value;
}

} // namespace ProgressScale
