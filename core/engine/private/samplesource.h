// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/private/bytesource.h"
#include "core/engine/private/samplegenerator.h"

//! The generated sample text as a ByteSource of \a size bytes.
class SampleSource final : public ByteSource
{
public:
    SampleSource(quint64 seed, qint64 size)
        : m_generator(seed)
        , m_size(size)
    { }

    qint64 readAt(qint64 offset, char *buffer, qint64 length) override
    {
        const qint64 n = qBound(qint64(0), m_size - offset, length);
        m_generator.generate(offset, buffer, n);
        return n;
    }

    QString errorString() const override { return {}; }

private:
    SampleGenerator m_generator;
    qint64 m_size = 0;
};
