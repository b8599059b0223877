// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

/*!
    \brief Deterministic sample text of any size: Spanish and English words with accents,
    drawn from a Zipf-like distribution, with punctuation, capitals and line breaks.

    The text is made of independent 64 KiB blocks, each generated from the seed and its own
    number, so any byte range can be produced without producing what comes before it. That lets
    the engine cut a 10 GB sample into chunks exactly like a file. Every block ends with a line
    break, so no word crosses a block edge.

    Thread safe: generate() only reads shared, immutable tables.
*/
class SampleGenerator final
{
public:
    static constexpr qint64 BlockSize = 64 * 1024;

    explicit SampleGenerator(quint64 seed = 1);

    //! Writes bytes [\a offset, \a offset + \a length) of the sample text to \a buffer.
    void generate(qint64 offset, char *buffer, qint64 length) const;

    //! Writes block \a index (BlockSize bytes) to \a block.
    void generateBlock(qint64 index, char *block) const;

private:
    quint64 m_seed = 1;
};
