// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/private/samplegenerator.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace {

quint64 splitMix64(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Common words first, so that they take the top ranks of the Zipf distribution.
const char *const CommonWords[]
    = {"de",       "the",       "la",        "que",     "and",         "el",         "of",
       "en",       "y",         "to",        "a",       "los",         "in",         "se",
       "is",       "del",       "las",       "that",    "un",          "por",        "it",
       "con",      "no",        "was",       "una",     "su",          "for",        "para",
       "es",       "on",        "al",        "lo",      "como",        "with",       "más",
       "as",       "pero",      "he",        "sus",     "be",          "le",         "ya",
       "o",        "at",        "fue",       "this",    "ha",          "sí",         "by",
       "porque",   "had",       "esta",      "not",     "son",         "but",        "entre",
       "está",     "from",      "cuando",    "muy",     "have",        "sin",        "they",
       "sobre",    "you",       "también",   "which",   "me",          "hasta",      "one",
       "hay",      "were",      "donde",     "her",     "quien",       "all",        "desde",
       "she",      "todo",      "there",     "nos",     "would",       "durante",    "their",
       "él",       "we",        "año",       "him",     "corazón",     "been",       "niño",
       "has",      "señor",     "when",      "después", "who",         "así",        "will",
       "aquí",     "more",      "mañana",    "if",      "qué",         "out",        "pequeño",
       "so",       "español",   "said",      "árbol",   "what",        "música",     "up",
       "canción",  "its",       "acción",    "about",   "nación",      "into",       "información",
       "than",     "país",      "them",      "días",    "can",         "según",      "only",
       "allí",     "other",     "camión",    "new",     "pingüino",    "some",       "cigüeña",
       "could",    "película",  "time",      "lámpara", "these",       "café",       "two",
       "sofá",     "may",       "ojalá",     "first",   "niña",        "then",       "señora",
       "do",       "están",     "any",       "había",   "like",        "ellos",      "my",
       "don't",    "now",       "it's",      "over",    "l'eau",       "such",       "naïve",
       "our",      "café",      "man",       "résumé",  "me",          "ángel",      "even",
       "éxito",    "most",      "órgano",    "made",    "único",       "after",      "último",
       "also",     "Élite",     "did",       "Ñandú",   "many",        "jamón",      "before",
       "ñu",       "must",      "vergüenza", "through", "rock'n'roll", "back",       "o'clock",
       "years",    "know",      "where",     "much",    "your",        "way",        "well",
       "down",     "should",    "because",   "each",    "just",        "those",      "people",
       "how",      "too",       "little",    "state",   "good",        "very",       "make",
       "world",    "still",     "own",       "see",     "men",         "work",       "long",
       "get",      "here",      "between",   "both",    "life",        "being",      "under",
       "never",    "day",       "same",      "another", "while",       "last",       "might",
       "us",       "great",     "old",       "year",    "off",         "come",       "since",
       "against",  "go",        "came",      "right",   "used",        "take",       "three",
       "tiempo",   "vida",      "mundo",     "hombre",  "mujer",       "casa",       "ciudad",
       "camino",   "noche",     "tierra",    "agua",    "fuego",       "libro",      "caballero",
       "escudero", "lugar",     "mancha",    "nombre",  "hidalgo",     "lanza",      "rocín",
       "galgo",    "olla",      "vaca",      "carnero", "salpicón",    "lentejas",   "viernes",
       "palomino", "añadidura", "sábado",    "domingo", "resto",       "hacienda",   "sayo",
       "velarte",  "calzas",    "pantuflos", "semana",  "vellorí",     "ama",        "sobrina",
       "veinte",   "campo",     "plaza",     "edad",    "cincuenta",   "complexión", "recia",
       "seco",     "carnes",    "enjuto",    "rostro",  "madrugador",  "amigo",      "caza"};

const char *const Syllables[] = {
    "ba",  "be",  "bi",   "bo",   "bu",    "ca",  "ce",  "ci",   "co",  "cu",  "da",  "de",  "di",
    "do",  "du",  "fa",   "fe",   "fi",    "fo",  "ga",  "go",   "gu",  "gue", "güe", "ja",  "je",
    "jo",  "la",  "le",   "li",   "lo",    "lu",  "lla", "llo",  "ma",  "me",  "mi",  "mo",  "mu",
    "na",  "ne",  "ni",   "no",   "ña",    "ño",  "pa",  "pe",   "pi",  "po",  "pu",  "que", "qui",
    "ra",  "re",  "ri",   "ro",   "ru",    "sa",  "se",  "si",   "so",  "su",  "ta",  "te",  "ti",
    "to",  "tu",  "va",   "ve",   "vi",    "vo",  "za",  "zo",   "tra", "tre", "tri", "cla", "cre",
    "pla", "pre", "ción", "sión", "mente", "dad", "án",  "én",   "ín",  "ón",  "ú",   "ter", "ing",
    "er",  "ly",  "ness", "ton",  "wor",   "sh",  "th",  "ight", "ous", "est"};

constexpr int SyntheticWords = 120000;
constexpr double ZipfExponent = 1.07;

struct Vocabulary
{
    std::string arena;
    std::vector<quint32> offsets; // word i is [offsets[i], offsets[i + 1])
    std::vector<quint32> capitalOffsets; // same for the capitalised form
    std::string capitalArena;
    std::vector<quint32> threshold; // alias method
    std::vector<quint32> alias;
};

std::string capitalised(const std::string &word)
{
    QString s = QString::fromStdString(word);
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s.toStdString();
}

Vocabulary buildVocabulary()
{
    Vocabulary v;
    std::vector<std::string> words(std::begin(CommonWords), std::end(CommonWords));
    quint64 state = 0x5EEDu;
    const int syllableCount = int(std::size(Syllables));
    for (int i = 0; i < SyntheticWords; ++i) {
        std::string w;
        const int parts = 2 + int(splitMix64(state) % 3);
        for (int p = 0; p < parts; ++p)
            w += Syllables[splitMix64(state) % quint64(syllableCount)];
        words.push_back(std::move(w));
    }
    for (const std::string &w : words) {
        v.offsets.push_back(quint32(v.arena.size()));
        v.arena += w;
        v.capitalOffsets.push_back(quint32(v.capitalArena.size()));
        v.capitalArena += capitalised(w);
    }
    v.offsets.push_back(quint32(v.arena.size()));
    v.capitalOffsets.push_back(quint32(v.capitalArena.size()));

    // Vose's alias method: O(1) draws from the Zipf weights.
    const size_t n = words.size();
    std::vector<double> p(n);
    double sum = 0;
    for (size_t r = 0; r < n; ++r)
        sum += p[r] = 1.0 / std::pow(double(r + 1), ZipfExponent);
    for (double &x : p)
        x = x * double(n) / sum;
    v.threshold.assign(n, 0xFFFFFFFFu);
    v.alias.resize(n);
    std::vector<quint32> small, large;
    for (size_t i = 0; i < n; ++i)
        (p[i] < 1.0 ? small : large).push_back(quint32(i));
    while (!small.empty() && !large.empty()) {
        const quint32 s = small.back();
        small.pop_back();
        const quint32 l = large.back();
        v.threshold[s] = quint32(p[s] * 4294967295.0);
        v.alias[s] = l;
        p[l] -= 1.0 - p[s];
        if (p[l] < 1.0) {
            large.pop_back();
            small.push_back(l);
        }
    }
    for (quint32 i : large)
        v.alias[i] = i;
    for (quint32 i : small)
        v.alias[i] = i;
    return v;
}

const Vocabulary &vocabulary()
{
    static const Vocabulary v = buildVocabulary(); // thread-safe initialisation
    return v;
}

} // namespace

SampleGenerator::SampleGenerator(quint64 seed)
    : m_seed(seed)
{ }

// Called concurrently by worker threads; must be thread safe.
void SampleGenerator::generateBlock(qint64 index, char *block) const
{
    const Vocabulary &v = vocabulary();
    quint64 state = m_seed * 0x9E3779B97F4A7C15ULL ^ quint64(index) * 0xD1B54A32D192ED03ULL;
    const quint64 n = v.threshold.size();
    const qint64 limit = BlockSize - 1; // the last byte is always a line break
    qint64 pos = 0;
    int column = 0;
    bool sentenceStart = true;
    char sentenceEnd = '.';
    for (;;) {
        const quint64 r = splitMix64(state);
        const quint32 slot = quint32((r & 0xFFFFFFFFu) % n);
        const quint32 word = quint32(r >> 32) < v.threshold[slot] ? slot : v.alias[slot];
        const quint64 style = splitMix64(state);
        const bool shout = (style & 0x3FF) < 4; // an occasional word in capitals
        const std::string &arena = sentenceStart || shout ? v.capitalArena : v.arena;
        const auto &offsets = sentenceStart || shout ? v.capitalOffsets : v.offsets;
        const quint32 begin = offsets[word];
        const quint32 length = offsets[word + 1] - begin;
        // opening mark, word, closing punctuation, separator: at most length + 6 bytes
        if (pos + qint64(length) + 6 > limit)
            break;
        if (sentenceStart) {
            const quint64 kind = (style >> 10) % 100;
            sentenceEnd = kind < 8 ? '?' : kind < 12 ? '!' : '.';
            if (sentenceEnd != '.' && ((style >> 20) & 1)) { // Spanish opening mark
                const char *mark = sentenceEnd == '?' ? "\xC2\xBF" : "\xC2\xA1";
                std::memcpy(block + pos, mark, 2);
                pos += 2;
            }
        }
        std::memcpy(block + pos, arena.data() + begin, length);
        if (shout) { // ASCII capitals only: enough to exercise lowercasing
            for (quint32 i = 0; i < length; ++i) {
                char &c = block[pos + i];
                if (c >= 'a' && c <= 'z')
                    c = char(c - 32);
            }
        }
        pos += length;
        column += int(length);
        sentenceStart = false;
        const quint64 punct = (style >> 24) % 100;
        if (punct < 7) {
            block[pos++] = sentenceEnd;
            sentenceStart = true;
        } else if (punct < 13) {
            block[pos++] = ',';
        } else if (punct < 14) {
            block[pos++] = ';';
        }
        if (sentenceStart && ((style >> 32) % 20) == 0) {
            block[pos++] = '\n';
            block[pos++] = '\n';
            column = 0;
        } else if (column > 70) {
            block[pos++] = '\n';
            column = 0;
        } else {
            block[pos++] = ' ';
            ++column;
        }
    }
    std::memset(block + pos, ' ', size_t(limit - pos));
    block[limit] = '\n';
}

// Called concurrently by worker threads; must be thread safe.
void SampleGenerator::generate(qint64 offset, char *buffer, qint64 length) const
{
    thread_local std::vector<char> cache(BlockSize);
    thread_local qint64 cachedIndex = -1;
    thread_local quint64 cachedSeed = 0;
    while (length > 0) {
        const qint64 index = offset / BlockSize;
        const qint64 within = offset % BlockSize;
        const qint64 n = std::min(length, BlockSize - within);
        if (within == 0 && n == BlockSize) {
            generateBlock(index, buffer);
        } else {
            if (cachedIndex != index || cachedSeed != m_seed) {
                generateBlock(index, cache.data());
                cachedIndex = index;
                cachedSeed = m_seed;
            }
            std::memcpy(buffer, cache.data() + within, size_t(n));
        }
        buffer += n;
        offset += n;
        length -= n;
    }
}
