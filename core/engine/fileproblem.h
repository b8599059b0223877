// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>

/*!
    \brief Why an input was not counted. Code decides on the problem; people read its text,
    made at display time by ProgressFormat::problemText() from the problem and its details.
*/
enum class FileProblem : quint8 {
    None,
    NotFound, //!< no such file or folder
    DanglingLink, //!< details: the link's target
    LinkLoop, //!< a link that leads back to itself, directly or through others
    FolderLinkOutside, //!< a link to a folder outside the one walked; details: its target
    FolderUnreadable, //!< permission denied
    Fifo, //!< never opened: opening it would block
    Socket,
    Device,
    NotRegularFile,
    CannotOpen, //!< details: the system's error text
    ReadError, //!< details: the system's error text
    Binary, //!< details: the offset of the first NUL byte
    ReadFailed, //!< failed while counting (shrank, changed, read error); details say how
    BadResultFile, //!< not a result file WordMill can read; details say why
};
Q_DECLARE_METATYPE(FileProblem)

//! True for an input left out by a rule (a binary file, a link out of the folder), which is
//! "skipped"; false for one that could not be read, which is an error.
inline bool isLeftOutByRule(FileProblem problem)
{
    return problem == FileProblem::Binary || problem == FileProblem::FolderLinkOutside;
}
