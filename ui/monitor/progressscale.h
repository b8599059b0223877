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

} // namespace ProgressScale
