// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/fileproblem.h"

#include <QMetaType>
#include <QString>

//! An input that was left out, with the problem to show the user.
struct FileIssue
{
    QString path;
    FileProblem problem = FileProblem::None;
    QString details; // see FileProblem

    friend bool operator==(const FileIssue &a, const FileIssue &b)
    {
        return a.path == b.path && a.problem == b.problem && a.details == b.details;
    }
};
Q_DECLARE_METATYPE(FileIssue)
