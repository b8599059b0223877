// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/results/jsonresultparser.h"

#include "core/engine/countresult.h"
#include "core/engine/wordtable.h"
#include "core/text/textdecoding.h"

#include <QCoreApplication>

#include <algorithm>
#include <charconv>

namespace {

constexpr int MaxDepth = 256; // of skipped values; deeper nesting is no result file
constexpr quint64 CancelCheckRows = 1 << 16;

// One name for the translation context, seen alike by lupdate and at run time.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ResultReader)
};

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

JsonResultParser::JsonResultParser(QByteArrayView data, WordTable *table, const StopRequest &stop)
    : m_begin(data.data())
    , m_p(data.data())
    , m_end(data.data() + data.size())
    , m_table(table)
    , m_stop(stop)
{ }

bool JsonResultParser::fail(const char *at, const QString &reason)
{
    const qint64 line = 1 + std::count(m_begin, std::min(at, m_end), '\n');
    m_error = Text::tr("line %1: %2").arg(line).arg(reason);
    return false;
}

bool JsonResultParser::failSyntax(const QString &expected)
{
    if (m_p >= m_end)
        return fail(m_p, Text::tr("the JSON ends too early (expected %1)").arg(expected));
    return fail(m_p, Text::tr("not valid JSON (expected %1)").arg(expected));
}

void JsonResultParser::skipSpace()
{
    while (m_p < m_end && isSpace(*m_p))
        ++m_p;
}

bool JsonResultParser::parse()
{
    if (m_end - m_p >= 3 && QByteArrayView(m_p, 3) == QByteArrayView("\xEF\xBB\xBF"))
        m_p += 3;
    skipSpace();
    if (m_p == m_end || *m_p != '{')
        return fail(m_p, Text::tr("a WordMill JSON result is an object {\"words\": [...]}"));
    ++m_p;
    skipSpace();
    if (m_p < m_end && *m_p == '}') {
        ++m_p;
    } else {
        for (;;) {
            QByteArrayView key;
            if (!parseMemberName(&key))
                return false;
            if (key == QByteArrayView("words")) {
                if (!parseWords())
                    return false;
            } else if (key == QByteArrayView("mode")) {
                const char *at = m_p;
                QByteArrayView name;
                if (m_p == m_end)
                    return failSyntax(Text::tr("a value"));
                if (*m_p != '"')
                    return fail(at, Text::tr("\"mode\" must be a string"));
                if (!parseString(&name, &m_wordScratch))
                    return false;
                CountingMode mode = CountingMode::Words;
                if (!parseCountingMode(QString::fromUtf8(name), &mode))
                    return fail(
                        at,
                        Text::tr("unknown mode \"%1\" (expected \"words\" or \"whitespace\")")
                            .arg(QString::fromUtf8(
                                name.first(std::min<qsizetype>(name.size(), 40)))));
                m_mode = mode;
            } else if (key == QByteArrayView("totalWords")
                       || key == QByteArrayView("distinctWords")) {
                Declared declared {0, m_p};
                if (!parseCount(&declared.value, key))
                    return false;
                if (key == QByteArrayView("totalWords"))
                    m_totalWords = declared;
                else
                    m_distinctWords = declared;
            } else if (!skipValue(0)) {
                return false;
            }
            bool objectEnded = false;
            if (!parseMemberEnd(&objectEnded))
                return false;
            if (objectEnded)
                break;
        }
    }
    skipSpace();
    if (m_p != m_end)
        return fail(m_p, Text::tr("more text after the end of the JSON object"));
    if (!m_sawWords)
        return fail(m_p, Text::tr("no \"words\" array: not a WordMill result"));
    // A file cut short fails as JSON above; these catch one cut and closed again, or edited.
    if (m_totalWords && m_totalWords->value != m_words)
        return fail(m_totalWords->at,
                    Text::tr("the counts add up to %1 words but the file says %2: it was cut or "
                             "edited")
                        .arg(m_words)
                        .arg(m_totalWords->value));
    if (m_distinctWords && m_distinctWords->value != m_rows)
        return fail(m_distinctWords->at,
                    Text::tr("\"words\" has %1 entries but the file says %2 distinct words: it "
                             "was cut or edited")
                        .arg(m_rows)
                        .arg(m_distinctWords->value));
    return true;
}

bool JsonResultParser::parseWords()
{
    if (m_p == m_end)
        return failSyntax(Text::tr("a value"));
    if (*m_p != '[')
        return fail(m_p, Text::tr("\"words\" must be an array"));
    m_sawWords = true;
    ++m_p;
    skipSpace();
    if (m_p < m_end && *m_p == ']') {
        ++m_p;
        return true;
    }
    for (;;) {
        if (!parseEntry())
            return false;
        skipSpace();
        if (m_p < m_end && *m_p == ',') {
            ++m_p;
            skipSpace();
        } else if (m_p < m_end && *m_p == ']') {
            ++m_p;
            return true;
        } else {
            return failSyntax(QStringLiteral("',' or ']'"));
        }
    }
}

bool JsonResultParser::parseEntry()
{
    const char *const start = m_p;
    if (m_p == m_end)
        return failSyntax(Text::tr("an entry of \"words\""));
    if (*m_p != '{')
        return fail(m_p,
                    Text::tr("an entry of \"words\" must be an object {\"word\": \"...\", "
                             "\"count\": N}"));
    ++m_p;
    skipSpace();
    QByteArrayView word;
    quint64 count = 0;
    bool hasWord = false;
    bool hasCount = false;
    if (m_p < m_end && *m_p == '}') {
        ++m_p;
    } else {
        for (;;) {
            QByteArrayView key;
            if (!parseMemberName(&key))
                return false;
            if (m_p == m_end)
                return failSyntax(Text::tr("a value"));
            if (key == QByteArrayView("word")) {
                if (*m_p != '"')
                    return fail(m_p, Text::tr("\"word\" must be a string"));
                if (!parseString(&word, &m_wordScratch))
                    return false;
                hasWord = true;
            } else if (key == QByteArrayView("count")) {
                if (!parseCount(&count, key))
                    return false;
                hasCount = true;
            } else if (!skipValue(0)) {
                return false;
            }
            bool objectEnded = false;
            if (!parseMemberEnd(&objectEnded))
                return false;
            if (objectEnded)
                break;
        }
    }
    if (!hasWord)
        return fail(start, Text::tr("an entry without a \"word\""));
    if (!hasCount)
        return fail(start, Text::tr("an entry without a \"count\""));
    if (word.isEmpty())
        return fail(start, Text::tr("an empty word"));
    if (word.size() > CountResult::MaxWrittenWordBytes)
        return fail(start,
                    Text::tr("a word longer than %1 bytes").arg(CountResult::MaxWrittenWordBytes));
    if (count > 0) {
        if (m_words + count < m_words)
            return fail(start, Text::tr("the counts add up to more than 2^64 - 1"));
        m_words += count;
        m_table->add(word.data(), word.size(), count);
    }
    ++m_rows;
    if (m_rows % CancelCheckRows == 0 && m_stop && m_stop())
        return fail(m_p, Text::tr("cancelled"));
    return true;
}

// At a member of an object: reads `"name" :` and stops at the value.
bool JsonResultParser::parseMemberName(QByteArrayView *key)
{
    if (m_p == m_end || *m_p != '"')
        return failSyntax(Text::tr("a member name in quotes"));
    if (!parseString(key, &m_keyScratch))
        return false;
    skipSpace();
    if (m_p == m_end || *m_p != ':')
        return failSyntax(QStringLiteral("':'"));
    ++m_p;
    skipSpace();
    return true;
}

// After a member's value: ',' before another member, or the '}' that ends the object.
bool JsonResultParser::parseMemberEnd(bool *objectEnded)
{
    skipSpace();
    if (m_p < m_end && (*m_p == ',' || *m_p == '}')) {
        *objectEnded = *m_p == '}';
        ++m_p;
        if (!*objectEnded)
            skipSpace();
        return true;
    }
    return failSyntax(QStringLiteral("',' or '}'"));
}

bool JsonResultParser::parseString(QByteArrayView *value, QByteArray *scratch)
{
    const char *const open = m_p++;
    const char *q = m_p;
    // Most strings have no escapes: the value is then a view of the data.
    while (q < m_end && *q != '"' && *q != '\\' && quint8(*q) >= 0x20)
        ++q;
    if (q < m_end && *q == '"') {
        *value = QByteArrayView(m_p, q - m_p);
        m_p = q + 1;
        return true;
    }
    scratch->clear();
    scratch->append(m_p, q - m_p);
    for (;;) {
        if (q == m_end)
            return fail(open, Text::tr("a string that does not end"));
        const char c = *q;
        if (c == '"')
            break;
        if (quint8(c) < 0x20)
            return fail(q, Text::tr("a control character in a string (JSON needs it escaped)"));
        if (c != '\\') {
            scratch->append(c);
            ++q;
            continue;
        }
        if (++q == m_end)
            return fail(open, Text::tr("a string that does not end"));
        const char e = *q++;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            scratch->append(e);
            break;
        case 'b':
            scratch->append('\b');
            break;
        case 'f':
            scratch->append('\f');
            break;
        case 'n':
            scratch->append('\n');
            break;
        case 'r':
            scratch->append('\r');
            break;
        case 't':
            scratch->append('\t');
            break;
        case 'u': {
            const auto hex4 = [this](const char *at, char32_t *unit) {
                if (m_end - at < 4)
                    return false;
                *unit = 0;
                for (int i = 0; i < 4; ++i) {
                    const int v = hexValue(at[i]);
                    if (v < 0)
                        return false;
                    *unit = (*unit << 4) | char32_t(v);
                }
                return true;
            };
            const char *const escape = q - 2;
            char32_t cp = 0;
            if (!hex4(q, &cp))
                return fail(escape, Text::tr("a \\u escape without four hex digits"));
            q += 4;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return fail(escape, Text::tr("a \\u escape of a lone surrogate"));
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                char32_t low = 0;
                if (m_end - q < 6 || q[0] != '\\' || q[1] != 'u' || !hex4(q + 2, &low)
                    || low < 0xDC00 || low > 0xDFFF)
                    return fail(escape, Text::tr("a \\u escape of a lone surrogate"));
                q += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            char utf8[4];
            scratch->append(utf8, TextDecoding::encodeUtf8(cp, utf8));
            break;
        }
        default:
            return fail(q - 2, Text::tr("an unknown escape in a string"));
        }
    }
    *value = QByteArrayView(*scratch);
    m_p = q + 1;
    return true;
}

bool JsonResultParser::parseCount(quint64 *count, QByteArrayView member)
{
    const char *const start = m_p;
    const auto notWhole = [&] {
        if (member == QByteArrayView("count")) // the message entries had before totals existed
            return fail(start, Text::tr("\"count\" must be a whole number of 0 or more"));
        return fail(
            start,
            Text::tr("\"%1\" must be a whole number of 0 or more").arg(QString::fromUtf8(member)));
    };
    if (m_p == m_end)
        return failSyntax(Text::tr("a value"));
    if (!isDigit(*m_p))
        return notWhole();
    quint64 n = 0;
    const auto [end, error] = std::from_chars(m_p, m_end, n);
    if (error == std::errc::result_out_of_range)
        return fail(start, Text::tr("a count that does not fit in 64 bits"));
    m_p = end;
    if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'))
        return notWhole();
    *count = n;
    return true;
}

bool JsonResultParser::skipValue(int depth)
{
    if (depth > MaxDepth)
        return fail(m_p, Text::tr("values nested too deeply"));
    if (m_p == m_end)
        return failSyntax(Text::tr("a value"));
    const char c = *m_p;
    if (c == '"') {
        QByteArrayView ignored;
        return parseString(&ignored, &m_keyScratch);
    }
    if (c == '{' || c == '[') {
        const char close = c == '{' ? '}' : ']';
        ++m_p;
        skipSpace();
        if (m_p < m_end && *m_p == close) {
            ++m_p;
            return true;
        }
        for (;;) {
            if (c == '{') {
                QByteArrayView ignored;
                if (m_p == m_end || *m_p != '"')
                    return failSyntax(Text::tr("a member name in quotes"));
                if (!parseString(&ignored, &m_keyScratch))
                    return false;
                skipSpace();
                if (m_p == m_end || *m_p != ':')
                    return failSyntax(QStringLiteral("':'"));
                ++m_p;
                skipSpace();
            }
            if (!skipValue(depth + 1))
                return false;
            skipSpace();
            if (m_p < m_end && *m_p == ',') {
                ++m_p;
                skipSpace();
            } else if (m_p < m_end && *m_p == close) {
                ++m_p;
                return true;
            } else {
                return failSyntax(c == '{' ? QStringLiteral("',' or '}'")
                                           : QStringLiteral("',' or ']'"));
            }
        }
    }
    for (const char *literal : {"true", "false", "null"}) {
        const QByteArrayView word(literal);
        if (m_end - m_p >= word.size() && QByteArrayView(m_p, word.size()) == word) {
            m_p += word.size();
            return true;
        }
    }
    // A number: -?digits(.digits)?([eE][+-]?digits)?
    const char *q = m_p;
    if (q < m_end && *q == '-')
        ++q;
    const auto digits = [&q, this] {
        const char *from = q;
        while (q < m_end && isDigit(*q))
            ++q;
        return q > from;
    };
    if (!digits())
        return failSyntax(Text::tr("a value"));
    if (q < m_end && *q == '.') {
        ++q;
        if (!digits())
            return failSyntax(Text::tr("a value"));
    }
    if (q < m_end && (*q == 'e' || *q == 'E')) {
        ++q;
        if (q < m_end && (*q == '+' || *q == '-'))
            ++q;
        if (!digits())
            return failSyntax(Text::tr("a value"));
    }
    m_p = q;
    return true;
}
