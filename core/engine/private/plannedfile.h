// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/textencoding.h"

#include <QDateTime>
#include <QString>

//! One input that passed the scan: what was found, and how it will be read.
struct PlannedFile
{
    QString path; // empty for the generated sample
    QString displayName;
    qint64 size = 0; // bytes, as found by the scan
    QDateTime modified;
    TextEncoding encoding = TextEncoding::Utf8;
    bool isSample = false;
};
