// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countingmode.h"

#include <QStringList>

//! Everything a job needs to know before it starts.
struct JobSpec
{
    static constexpr qint64 DefaultChunkSize = 4 << 20;
    static constexpr qint64 MinChunkSize = 1024;
    static constexpr qint64 MaxChunkSize = qint64(1) << 30;

    QStringList paths; // files and folders, in the order given
    qint64 sampleBytes = 0; // > 0: also count this many bytes of generated sample text
    // >= 0: also count what this descriptor delivers, to its end (standard input: 0). It is
    // read once, from where it stands, and not closed.
    int inputStream = -1;
    quint64 sampleSeed = 1;
    CountingMode mode = CountingMode::Words;
    int workers = 0; // 0: QThread::idealThreadCount()
    qint64 chunkSize = DefaultChunkSize; // bytes, clamped to [MinChunkSize, MaxChunkSize]
};
