#pragma once

#include <QMetaType>
#include <QString>

//! An input that was left out, with the reason to show the user.
struct FileIssue
{
    QString path;
    QString reason;

    friend bool operator==(const FileIssue &a, const FileIssue &b)
    {
        return a.path == b.path && a.reason == b.reason;
    }
};
Q_DECLARE_METATYPE(FileIssue)
