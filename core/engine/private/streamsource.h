// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/bytesource.h"

#include <QIODevice>

#include <algorithm>
#include <cstring>
#include <vector>

/*!
    \brief A stream (standard input) as a ByteSource: a window of the bytes read so far.

    The chunk counter reads a few bytes before its chunk (to know whether it starts inside a
    word) and reads past its end (to finish its last word); a stream cannot seek, so the window
    keeps the bytes from just before the chunk being counted and reads on from the stream when
    the counter asks for bytes not read yet. StreamCounter drops what is behind it, so the window
    holds about one chunk. One thread at a time.
*/
class StreamSource final : public ByteSource
{
public:
    explicit StreamSource(QIODevice *device)
        : m_device(device)
    { }

    //! Reads on until the window reaches offset \a upTo or the stream ends; false on error.
    bool fill(qint64 upTo)
    {
        while (!m_ended && end() < upTo) {
            const qint64 want = std::max<qint64>(upTo - end(), ReadBytes);
            const size_t had = m_bytes.size();
            m_bytes.resize(had + size_t(want));
            const qint64 n = m_device->read(m_bytes.data() + had, want);
            m_bytes.resize(had + size_t(std::max<qint64>(n, 0)));
            if (n < 0) {
                m_error = m_device->errorString();
                return false;
            }
            m_ended = n == 0;
        }
        return true;
    }

    //! True once the stream has ended: end() is its size.
    bool ended() const { return m_ended; }
    //! The offset after the last byte read from the stream.
    qint64 end() const { return m_begin + qint64(m_bytes.size()); }
    //! The bytes from \a offset to end(); \a offset must be in the window.
    QByteArrayView bytesFrom(qint64 offset) const
    {
        return QByteArrayView(m_bytes.data() + (offset - m_begin), end() - offset);
    }

    //! Forgets the bytes before \a offset: no read will ask for them again.
    void discardBefore(qint64 offset)
    {
        if (offset <= m_begin)
            return;
        const size_t drop = size_t(std::min(offset, end()) - m_begin);
        m_bytes.erase(m_bytes.begin(), m_bytes.begin() + qsizetype(drop));
        m_begin += qint64(drop);
    }

    qint64 readAt(qint64 offset, char *buffer, qint64 length) override
    {
        if (offset < m_begin) { // a bug, not a read error: say so rather than count wrong
            m_error = QStringLiteral("offset %1 is before the stream window").arg(offset);
            return -1;
        }
        if (!fill(offset + length))
            return -1;
        const qint64 n = std::clamp<qint64>(end() - offset, 0, length);
        if (n > 0)
            std::memcpy(buffer, m_bytes.data() + (offset - m_begin), size_t(n));
        return n;
    }

    QString errorString() const override { return m_error; }

private:
    static constexpr qint64 ReadBytes = 64 * 1024;

    QIODevice *m_device = nullptr;
    std::vector<char> m_bytes; // the window: stream bytes [m_begin, end())
    qint64 m_begin = 0;
    bool m_ended = false;
    QString m_error;
};
