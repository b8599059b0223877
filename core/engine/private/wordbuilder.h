// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countresult.h"
#include "core/engine/private/bytetables.h"
#include "core/engine/private/chunkcounter.h"
#include "core/engine/wordtable.h"
#include "core/text/wordfolding.h"

#include <QString>

#include <cstring>
#include <vector>

// Building words of words mode from code points. Internal to the chunk counter.
namespace ChunkCounting {

constexpr int RawWordCap = 4000; // NFC and lowercasing shrink a word to no less than a third

class WordBuilder
{
public:
    enum State { Outside, InWord, AfterApostrophe };

    explicit WordBuilder(WordTable &table, ChunkTally &tally)
        : m_table(table)
        , m_tally(tally)
    { }

    State state() const { return m_state; }
    // Past the chunk's end, the rest of a foreign word is not ours and an over-long word of
    // ours counts the same however it ends: reading on would only cost time (a 1 GiB word).
    bool isSettled() const { return m_discard || m_overflow; }

    // Continues a word that began in the previous chunk: it is that chunk's to count.
    void resumeForeignWord(State state)
    {
        m_state = state;
        m_discard = true;
    }

    // A run of ASCII word characters, the common case: copied and lowercased in one go.
    void appendAscii(const char *run, qsizetype length)
    {
        if (m_discard)
            return;
        if (m_rawLength + length > RawWordCap) {
            m_overflow = true;
            return;
        }
        std::memcpy(m_raw + m_rawLength, run, size_t(length));
        char *lower = m_lower + m_lowerLength;
        for (qsizetype i = 0; i < length; ++i)
            lower[i] = asciiLower(run[i]);
        m_rawLength += int(length);
        m_lowerLength += int(length);
    }

    void feed(char32_t cp, CharClass cls)
    {
        switch (m_state) {
        case Outside:
            if (cls == WordChar) {
                begin();
                append(cp);
            }
            break;
        case InWord:
            if (cls == WordChar) {
                append(cp);
            } else if (cls == Apostrophe) {
                m_apostrophe = cp;
                m_state = AfterApostrophe;
            } else {
                finish();
            }
            break;
        case AfterApostrophe:
            if (cls == WordChar) {
                append(m_apostrophe);
                append(cp);
                m_state = InWord;
            } else {
                finish();
            }
            break;
        }
    }

    void finish()
    {
        m_state = Outside;
        if (m_discard) {
            m_discard = false;
            return;
        }
        if (m_overflow) {
            ++m_tally.overlongWords;
            return;
        }
        const char *word = m_lower;
        qsizetype length = m_lowerLength;
        if (m_needsNormalization) {
            normalize();
            word = m_normalized.constData();
            length = qsizetype(m_normalized.size());
        }
        if (length > CountResult::MaxWordBytes) {
            ++m_tally.overlongWords;
            return;
        }
        m_table.add(word, length);
        ++m_tally.words;
    }

private:
    void begin()
    {
        m_state = InWord;
        m_discard = false;
        m_overflow = false;
        m_needsNormalization = false;
        m_rawLength = 0;
        m_lowerLength = 0;
    }

    void append(char32_t cp)
    {
        if (m_discard)
            return;
        if (cp < 0x80) {
            const char c = char(cp);
            appendAscii(&c, 1);
            return;
        }
        if (m_rawLength > RawWordCap - 4) {
            m_overflow = true;
            return;
        }
        m_rawLength += encodeUtf8(cp, m_raw + m_rawLength);
        // Below U+0300 every code point is NFC on its own and nothing composes with it: lowercase
        // at once. From there on, NFC must see the original text first.
        if (cp < 0x300)
            m_lowerLength += encodeUtf8(WordFolding::foldCodePoint(cp), m_lower + m_lowerLength);
        else
            m_needsNormalization = true;
    }

    void normalize() { WordFolding::fold(QString::fromUtf8(m_raw, m_rawLength), &m_normalized); }

    WordTable &m_table;
    ChunkTally &m_tally;
    State m_state = Outside;
    bool m_discard = false;
    bool m_overflow = false;
    bool m_needsNormalization = false;
    char32_t m_apostrophe = 0;
    int m_rawLength = 0;
    int m_lowerLength = 0;
    char m_raw[RawWordCap + 8];
    char m_lower[RawWordCap * 2 + 16]; // lowercasing may lengthen a code point
    QByteArray m_normalized; // reused: fold() keeps its capacity
};

} // namespace ChunkCounting
