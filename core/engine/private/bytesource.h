// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/*!
    \brief Random-access bytes to count: a file on disk or the generated sample.

    One instance is used by one worker thread at a time.
*/
class ByteSource
{
public:
    virtual ~ByteSource() = default;

    //! Reads up to \a length bytes at \a offset; returns the bytes read, or -1 on error.
    virtual qint64 readAt(qint64 offset, char *buffer, qint64 length) = 0;

    //! Why the last readAt() failed or came up short, for the user.
    virtual QString errorString() const = 0;
};
