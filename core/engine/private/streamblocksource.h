// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/bytesource.h"
#include "core/engine/private/streamreader.h"

#include <cstring>

//! A block cut from a stream as a ByteSource, at the stream's own offsets: the chunk counter
//! reads it as it reads a chunk of a file.
class StreamBlockSource final : public ByteSource
{
public:
    explicit StreamBlockSource(const StreamBlock &block)
        : m_block(block)
    { }

    qint64 readAt(qint64 offset, char *buffer, qint64 length) override
    {
        const qint64 from = offset - m_block.base;
        if (from < 0)
            return -1; // before the block's context: the counter never looks that far back
        const qint64 n = qBound(qint64(0), qint64(m_block.bytes.size()) - from, length);
        if (n == 0)
            return 0;
        std::memcpy(buffer, m_block.bytes.constData() + from, size_t(n));
        return n;
    }

    QString errorString() const override { return {}; }

private:
    const StreamBlock &m_block;
};
