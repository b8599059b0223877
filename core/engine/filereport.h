// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/fileproblem.h"
#include "core/engine/textencoding.h"

#include <QMetaType>
#include <QString>

//! One input of a job as the user sees it: where its counting stands and what was found.
struct FileReport
{
    enum Status { Waiting, Counting, Counted, Skipped };

    QString path; // empty for the generated sample
    QString displayName; // the file's name as LocalPath::quoted() shows it; the sample's plain name
    bool isSample = false; // the generated sample: ProgressFormat::fileName() adds its size
    qint64 size = 0; // bytes
    qint64 bytesCounted = 0;
    Status status = Waiting;
    TextEncoding encoding = TextEncoding::Utf8;
    quint64 words = 0;
    quint64 windows1252Bytes = 0; // bytes that were not valid UTF-8, read as Windows-1252
    FileProblem problem = FileProblem::None; // why it was skipped
    QString details; // what problem's text needs (ProgressFormat::problemText())
};
Q_DECLARE_METATYPE(FileReport)
