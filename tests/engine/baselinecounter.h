// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringDecoder>

#include <algorithm>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

/*!
    \brief The benchmarks' baseline: a word counter as a careful programmer writes it in an
    afternoon, single-threaded, with the standard library and QString.

    Whitespace mode: fread() in 64 KiB blocks, bytes A-Z lowercased, tokens split at ASCII
    whitespace, counted in a std::unordered_map<std::string, quint64>.

    Words mode: the same reads, decoded by QStringDecoder (UTF-8, BOM skipped); a word is a run
    of L*, M*, N* and Pc code points (QChar::category), U+0027/U+2019 joining two of them; each
    word goes through QString::normalized(NFC), then QChar::toLower per code point (U+0130 to
    'i'), then to UTF-8. Unlike the spec, invalid UTF-8 becomes U+FFFD (not Windows-1252) and
    UTF-16 files are not recognised: the benchmark's inputs have neither.

    Both skip words over 1,000 bytes. Not thread safe; each call is independent.
*/
class BaselineCounter final
{
public:
    static constexpr size_t MaxWordBytes = 1000;

    using Counts = std::unordered_map<std::string, quint64>;
    using Order = std::vector<const Counts::value_type *>;

    static Counts countWhitespace(const QString &path)
    {
        Counts counts;
        std::FILE *f = std::fopen(QFile::encodeName(path).constData(), "rb");
        if (!f)
            return counts;
        std::vector<char> buffer(64 * 1024);
        std::string word;
        const auto endWord = [&] {
            if (!word.empty() && word.size() <= MaxWordBytes)
                ++counts[word];
            word.clear();
        };
        size_t n = 0;
        while ((n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0) {
            for (size_t i = 0; i < n; ++i) {
                const char c = buffer[i];
                if (c == ' ' || (c >= '\t' && c <= '\r'))
                    endWord();
                else if (word.size() <= MaxWordBytes) // one byte past the limit marks it
                    word.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : c);
            }
        }
        endWord();
        std::fclose(f);
        return counts;
    }

    static Counts countWords(const QString &path)
    {
        WordsTokenizer tokenizer;
        std::FILE *f = std::fopen(QFile::encodeName(path).constData(), "rb");
        if (!f)
            return {};
        std::vector<char> buffer(64 * 1024);
        QStringDecoder decoder(QStringDecoder::Utf8); // keeps a sequence cut by a block edge
        size_t n = 0;
        while ((n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0)
            tokenizer.feed(decoder.decode(QByteArrayView(buffer.data(), qsizetype(n))));
        std::fclose(f);
        return tokenizer.finish();
    }

    //! Count descending, then word ascending by bytes (std::string compares as unsigned char).
    static Order sorted(const Counts &counts)
    {
        Order order;
        order.reserve(counts.size());
        for (const auto &entry : counts)
            order.push_back(&entry);
        std::sort(order.begin(), order.end(), [](const auto *a, const auto *b) {
            return a->second != b->second ? a->second > b->second : a->first < b->first;
        });
        return order;
    }

    //! The word<TAB>count lines wordmill-cli prints.
    static QByteArray toTsv(const Order &order)
    {
        QByteArray tsv;
        for (const auto *entry : order) {
            tsv.append(entry->first.data(), qsizetype(entry->first.size()));
            tsv.append('\t').append(QByteArray::number(entry->second)).append('\n');
        }
        return tsv;
    }

private:
    class WordsTokenizer
    {
    public:
        void feed(const QString &text)
        {
            for (qsizetype i = 0; i < text.size(); ++i)
                step(codePointAt(text, &i));
        }

        Counts finish()
        {
            if (m_state != Outside)
                endWord();
            return std::move(m_counts);
        }

    private:
        enum State { Outside, InWord, AfterApostrophe };

        // The code point at *i, advancing *i past a surrogate pair's first half.
        static char32_t codePointAt(const QString &s, qsizetype *i)
        {
            const char16_t u = s.at(*i).unicode();
            if (QChar::isHighSurrogate(u) && *i + 1 < s.size() && s.at(*i + 1).isLowSurrogate())
                return QChar::surrogateToUcs4(u, s.at(++*i).unicode());
            return u;
        }

        static bool isWordChar(char32_t cp)
        {
            switch (QChar::category(cp)) {
            case QChar::Letter_Uppercase:
            case QChar::Letter_Lowercase:
            case QChar::Letter_Titlecase:
            case QChar::Letter_Modifier:
            case QChar::Letter_Other:
            case QChar::Mark_NonSpacing:
            case QChar::Mark_SpacingCombining:
            case QChar::Mark_Enclosing:
            case QChar::Number_DecimalDigit:
            case QChar::Number_Letter:
            case QChar::Number_Other:
            case QChar::Punctuation_Connector:
                return true;
            default:
                return false;
            }
        }

        static void append(QString &s, char32_t cp)
        {
            if (QChar::requiresSurrogates(cp)) {
                s.append(QChar(QChar::highSurrogate(cp)));
                s.append(QChar(QChar::lowSurrogate(cp)));
            } else {
                s.append(QChar(char16_t(cp)));
            }
        }

        void step(char32_t cp)
        {
            if (isWordChar(cp)) {
                if (m_state == AfterApostrophe)
                    append(m_word, m_apostrophe);
                append(m_word, cp);
                m_state = InWord;
            } else if (m_state == InWord && (cp == 0x27 || cp == 0x2019)) {
                m_apostrophe = cp;
                m_state = AfterApostrophe;
            } else if (m_state != Outside) {
                endWord();
            }
        }

        void endWord()
        {
            m_state = Outside;
            const QString nfc = m_word.normalized(QString::NormalizationForm_C);
            m_word.clear();
            m_lower.clear();
            for (qsizetype i = 0; i < nfc.size(); ++i) {
                const char32_t cp = codePointAt(nfc, &i);
                append(m_lower, cp == 0x130 ? char32_t('i') : QChar::toLower(cp));
            }
            const QByteArray utf8 = m_lower.toUtf8();
            if (size_t(utf8.size()) <= MaxWordBytes)
                ++m_counts[std::string(utf8.constData(), size_t(utf8.size()))];
        }

        Counts m_counts;
        QString m_word; // as read, before NFC
        QString m_lower;
        State m_state = Outside;
        char32_t m_apostrophe = 0;
    };
};
