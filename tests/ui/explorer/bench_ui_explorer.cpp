// SPDX-License-Identifier: GPL-3.0-or-later
// Measures the results explorer at scale in the real MainWindow: how soon the table appears
// after a job's result arrives, how long sorting and filter keystrokes take, and the longest
// event-loop stall meanwhile, for generated vocabularies of 100 k, 1 M and 2 M distinct words.
// Run: QT_QPA_PLATFORM=offscreen build/release/tests/bench_ui_explorer [--rounds N] [--verbose]
//          [WORDS...]
#include "core/engine/countresult.h"
#include "core/engine/outputorder.h"
#include "core/format/translations.h"
#include "tests/common/stallprobe.h"
#include "ui/explorer/resultsexplorer.h"
#include "ui/explorer/resultsmodel.h"
#include "ui/monitor/mainwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

namespace {

constexpr double TableTargetMs = 300;
constexpr double SortTargetMs = 500;
constexpr double KeyTargetMs = 100;
constexpr double StallTargetMs = 50;
constexpr int TimeoutMs = 20000;

QElapsedTimer g_clock; // every timestamp below is in ms on this clock

double now()
{
    return double(g_clock.nsecsElapsed()) / 1e6;
}

// Records when the table's viewport last finished painting.
class PaintWatch final : public QObject
{
public:
    double lastPaintEnd = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint)
            return false;
        // Deliver it here, inside the repaint manager's paint, to time its end as well.
        watched->removeEventFilter(this);
        static_cast<QObject *>(watched)->event(event);
        watched->installEventFilter(this);
        lastPaintEnd = now();
        return true;
    }
};

quint64 splitmix(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/*!
    \a distinct different lowercase words, as words mode stores them (UTF-8, 2 to 15 bytes,
    some with ñ, á, é, í, ó, ú or ü), with Zipf-like counts (s about 1, half of them seen once),
    sorted into output order: what a finished job hands to the explorer. Deterministic.
*/
std::shared_ptr<const CountResult> makeResult(qsizetype distinct)
{
    static const char *const common[]
        = {"the", "de",   "la",   "que",  "and",  "el",   "en",    "of",  "to",  "los",
           "in",  "se",   "del",  "las",  "is",   "un",   "that",  "por", "it",  "con",
           "was", "una",  "he",   "más",  "for",  "su",   "para",  "es",  "año", "también",
           "his", "como", "with", "niño", "über", "está", "there", "qué", "sí",  "canción"};
    static const char *const syllables[]
        = {"a",   "e",   "i",    "o",    "u",   "ba",  "be",  "ca",  "co",  "cu",  "de",   "da",
           "di",  "do",  "el",   "en",   "es",  "fa",  "fi",  "ga",  "go",  "ha",  "in",   "la",
           "le",  "li",  "lo",   "ma",   "me",  "mi",  "mo",  "na",  "ne",  "ni",  "no",   "ña",
           "ño",  "pa",  "pe",   "po",   "que", "ra",  "re",  "ri",  "ro",  "sa",  "se",   "si",
           "so",  "ta",  "te",   "ti",   "to",  "tra", "tre", "un",  "va",  "ve",  "ción", "sión",
           "más", "té",  "rá",   "dí",   "gü",  "ü",   "th",  "ing", "er",  "ed",  "st",   "ck",
           "ou",  "ght", "ly",   "an",   "on",  "or",  "ar",  "ur",  "wh",  "sh",  "ch",   "ló",
           "bú",  "str", "ness", "ment", "ty",  "al",  "ous", "ver", "com", "pro", "ex",   "ly"};
    constexpr int SyllableCount = int(sizeof(syllables) / sizeof(syllables[0]));

    auto table = std::make_shared<WordTable>();
    quint64 state = quint64(distinct) * 7919;
    std::vector<QByteArray> words;
    words.reserve(size_t(distinct));
    for (const char *word : common) {
        if (qsizetype(words.size()) < distinct) {
            words.emplace_back(word);
            table->add(word, qsizetype(std::strlen(word)), 1);
        }
    }
    QByteArray word;
    while (qsizetype(words.size()) < distinct) {
        const quint64 r = splitmix(state);
        const int parts = 1 + int(r % 5);
        word.clear();
        for (int i = 0; i < parts; ++i)
            word += syllables[(r >> (8 + 7 * i)) % SyllableCount];
        if (word.size() < 2 || word.size() > 15 || table->count(word) > 0)
            continue;
        table->add(word.constData(), word.size(), 1);
        words.push_back(word);
    }

    // Word i (in generation order, so unrelated to its spelling) gets rank i + 1.
    auto counted = std::make_shared<WordTable>();
    const double head = double(distinct); // count(r) ~ head / r: about half are hapaxes
    quint64 total = 0;
    qint64 bytes = 0;
    for (size_t i = 0; i < words.size(); ++i) {
        const double jitter = 1.0 + double(splitmix(state) % 1000) / 4000.0;
        const quint64 count
            = std::max<quint64>(1, quint64(head * jitter / std::pow(double(i + 1), 1.02)));
        counted->add(words[i].constData(), words[i].size(), count);
        total += count;
        bytes += qint64(count) * (words[i].size() + 1);
    }

    auto result = std::make_shared<CountResult>();
    result->mode = CountingMode::Words;
    result->table = counted;
    OutputOrder::sort(*counted, &result->order);
    result->totals.words = total;
    result->totals.distinctWords = quint64(distinct);
    result->totals.bytes = bytes;
    result->totals.filesCounted = 1;
    result->totals.totalMs = 1000;
    return result;
}

struct Sample
{
    QString what;
    double updated = 0; // request to viewUpdated(), ms
    double painted = 0; // request to the end of the next paint of the table, ms
    double stall = 0; // longest stall meanwhile, ms
};

struct SizeReport
{
    qsizetype words = 0;
    double buildMs = 0;
    double setResultCallMs = 0;
    std::vector<double> tableShown; // setResult() to the first painted rows
    std::vector<double> indexed; // setResult() to the first viewUpdated()
    std::vector<Sample> sorts, keys, regex, accents, others;
    double longestStall = 0;
    size_t probes = 0;
};

class Bench
{
public:
    Bench()
        : m_probe(&m_window, now)
    {
        m_window.resize(1100, 720);
        m_window.show();
        m_window.activateWindow();
        m_explorer = m_window.explorer();
        m_explorer->view()->viewport()->installEventFilter(&m_paint);
        QObject::connect(m_explorer, &ResultsExplorer::viewUpdated, &m_window, [this] {
            m_lastUpdate = now();
            ++m_updates;
        });
        settle(300);
    }

    SizeReport run(qsizetype distinct, int rounds)
    {
        SizeReport report;
        report.words = distinct;
        QElapsedTimer build;
        build.start();
        std::shared_ptr<const CountResult> result = makeResult(distinct);
        report.buildMs = double(build.elapsed());

        m_probe.start();
        const double started = now();
        for (int round = 0; round < rounds; ++round) {
            // (a) The job's result arrives: the table, then its index and first query.
            m_explorer->setResult(nullptr, QString());
            settle(200);
            const int updates = m_updates;
            const double t0 = now();
            m_explorer->setResult(result, QStringLiteral("generated"));
            report.setResultCallMs = std::max(report.setResultCallMs, now() - t0);
            if (!waitFor([&] { return m_paint.lastPaintEnd > t0; }))
                fail("the table was never painted");
            report.tableShown.push_back(m_paint.lastPaintEnd - t0);
            if (!waitFor([&] { return m_updates > updates && !m_explorer->isBusy(); }))
                fail("the index never came");
            report.indexed.push_back(m_lastUpdate - t0);
            settle(100);

            // (b) Sorting by every column, both ways, through the header as a click does.
            const char *names[] = {"Rank", "Word", "Count", "Share", "Cumulative"};
            QHeaderView *header = m_explorer->view()->horizontalHeader();
            for (const int column : {1, 2, 3, 4, 0}) {
                // Rank ascending last: the order the filter is typed in.
                const Qt::SortOrder first = column == 0 ? Qt::DescendingOrder : Qt::AscendingOrder;
                for (const Qt::SortOrder order :
                     {first,
                      first == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder}) {
                    report.sorts.push_back(measure(
                        QStringLiteral("sort %1 %2")
                            .arg(QLatin1String(names[column]),
                                 QLatin1String(order == Qt::AscendingOrder ? "asc" : "desc")),
                        [&] { header->setSortIndicator(column, order); }));
                }
            }

            // (c) Typing in the filter, one key at a time, each once the previous one applied.
            QLineEdit *filter = m_explorer->filterEdit();
            filter->setFocus();
            const auto type = [&](const QString &text, std::vector<Sample> *samples) {
                for (const QChar c : text) {
                    const int key = c.isLetter() && c.unicode() < 0x80 ? c.toUpper().unicode()
                                                                       : int(Qt::Key_unknown);
                    samples->push_back(
                        measure(QStringLiteral("key '%1'").arg(c), [&] { press(key, c); }));
                }
            };
            const auto erase = [&](int n, std::vector<Sample> *samples) {
                for (int i = 0; i < n; ++i)
                    samples->push_back(measure(QStringLiteral("key Backspace"),
                                               [&] { press(Qt::Key_Backspace, QChar()); }));
            };
            type(QStringLiteral("ción"), &report.keys);
            // Regular expressions: switched on over "ción", a "$" typed and erased, switched off.
            report.regex.push_back(measure(QStringLiteral("regex on (\"ción\")"),
                                           [&] { m_explorer->regexCheck()->setChecked(true); }));
            type(QStringLiteral("$"), &report.regex);
            erase(1, &report.regex);
            report.regex.push_back(measure(QStringLiteral("regex off"),
                                           [&] { m_explorer->regexCheck()->setChecked(false); }));
            erase(4, &report.keys);
            // Ignoring accents: "cion" then finds every "ción"; each word's base letters are
            // compared instead of its bytes.
            report.accents.push_back(measure(QStringLiteral("ignore accents on"), [&] {
                m_explorer->ignoreAccentsCheck()->setChecked(true);
            }));
            type(QStringLiteral("cion"), &report.accents);
            erase(4, &report.accents);
            report.accents.push_back(measure(QStringLiteral("ignore accents off"), [&] {
                m_explorer->ignoreAccentsCheck()->setChecked(false);
            }));
            type(QStringLiteral("the"), &report.keys);
            erase(3, &report.keys);
            // The same while sorted by word, where the charts' rows must be put in rank order.
            measure(QStringLiteral("sort Word asc"), [&] {
                header->setSortIndicator(ResultsModel::WordColumn, Qt::AscendingOrder);
            });
            type(QStringLiteral("ción"), &report.keys);
            erase(4, &report.keys);
            measure(QStringLiteral("sort Rank asc"), [&] {
                header->setSortIndicator(ResultsModel::RankColumn, Qt::AscendingOrder);
            });
            // Minimum count and stop words, once each.
            report.others.push_back(measure(QStringLiteral("min count 5"),
                                            [&] { m_explorer->minCountSpin()->setValue(5); }));
            report.others.push_back(measure(QStringLiteral("min count 1"),
                                            [&] { m_explorer->minCountSpin()->setValue(1); }));
            report.others.push_back(measure(QStringLiteral("hide stop words"), [&] {
                m_explorer->stopWordsCheck()->setChecked(true);
            }));
            report.others.push_back(measure(QStringLiteral("show stop words"), [&] {
                m_explorer->stopWordsCheck()->setChecked(false);
            }));
        }
        report.longestStall = m_probe.longest(started);
        report.probes = m_probe.ticks();
        m_probe.stop();
        m_explorer->setResult(nullptr, QString());
        result.reset();
        settle(200);
        return report;
    }

private:
    [[noreturn]] static void fail(const char *why)
    {
        std::fprintf(stderr, "bench_ui_explorer: %s\n", why);
        std::exit(2);
    }

    static void settle(int ms)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }

    static bool waitFor(const std::function<bool()> &done)
    {
        QElapsedTimer clock;
        clock.start();
        while (!done()) {
            if (clock.elapsed() > TimeoutMs)
                return false;
            // The probe ticks every 5 ms, so this returns at least that often.
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        }
        return true;
    }

    void press(int key, QChar text)
    {
        const QString s = text.isNull() ? QString() : QString(text);
        QKeyEvent down(QEvent::KeyPress, key, Qt::NoModifier, s);
        QCoreApplication::sendEvent(m_explorer->filterEdit(), &down);
        QKeyEvent up(QEvent::KeyRelease, key, Qt::NoModifier, s);
        QCoreApplication::sendEvent(m_explorer->filterEdit(), &up);
    }

    //! Times \a action from the request to viewUpdated() and to the next painted table.
    Sample measure(const QString &what, const std::function<void()> &action)
    {
        Sample sample;
        sample.what = what;
        const int updates = m_updates;
        const double t0 = now();
        action();
        if (!waitFor([&] { return m_updates > updates && !m_explorer->isBusy(); }))
            fail(qPrintable(QStringLiteral("%1 never applied").arg(what)));
        sample.updated = m_lastUpdate - t0;
        // The rows are painted on the next update request after the model reset.
        waitFor([&] { return m_paint.lastPaintEnd > m_lastUpdate || now() - m_lastUpdate > 500; });
        sample.painted
            = m_paint.lastPaintEnd > m_lastUpdate ? m_paint.lastPaintEnd - t0 : sample.updated;
        settle(30);
        sample.stall = m_probe.longest(t0, now());
        return sample;
    }

    MainWindow m_window;
    ResultsExplorer *m_explorer = nullptr;
    StallProbe m_probe;
    PaintWatch m_paint;
    double m_lastUpdate = -1;
    int m_updates = 0;
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double maxOf(const std::vector<double> &v)
{
    return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

std::vector<double> field(const std::vector<Sample> &samples, double Sample::*member)
{
    std::vector<double> values;
    for (const Sample &s : samples)
        values.push_back(s.*member);
    return values;
}

QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return "unknown";
    const QList<QByteArray> parts = file.readAll().split(' ');
    return parts.size() >= 3 ? parts[0] + ' ' + parts[1] + ' ' + parts[2] : QByteArray("unknown");
}

const char *verdict(double value, double target)
{
    return value <= target ? "PASS" : "FAIL";
}

QString label(qsizetype words)
{
    return words >= 1000000 && words % 1000000 == 0 ? QStringLiteral("%1 M").arg(words / 1000000)
        : words >= 1000 && words % 1000 == 0        ? QStringLiteral("%1 k").arg(words / 1000)
                                                    : QString::number(words);
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QApplication app(argc, argv);
    Translations::install(
        QStringLiteral("en")); // as the program does in English: "2 files", not "2 file(s)"
    g_clock.start();

    int rounds = 1;
    bool verbose = false;
    std::vector<qsizetype> sizes;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--rounds") && i + 1 < args.size())
            rounds = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--verbose"))
            verbose = true;
        else if (args[i].toLongLong() > 0)
            sizes.push_back(qsizetype(args[i].toLongLong()));
        else {
            std::fprintf(stderr, "usage: bench_ui_explorer [--rounds N] [--verbose] [WORDS...]\n");
            return 2;
        }
    }
    if (sizes.empty())
        sizes = {100000, 1000000, 2000000};

    std::printf("WordMill results explorer at scale (platform %s, %d cores, Qt %s)\n",
                qPrintable(QGuiApplication::platformName()), QThread::idealThreadCount(),
                qVersion());
    std::printf("load average (1, 5, 15 min) at the start: %s\n", loadAverage().constData());
    std::fflush(stdout);

    Bench bench;
    std::vector<SizeReport> reports;
    for (const qsizetype n : sizes) {
        reports.push_back(bench.run(n, rounds));
        const SizeReport &r = reports.back();
        std::printf("\n%s words (generated and sorted in %.0f ms, untimed), %d round(s), "
                    "load average now %s\n",
                    qPrintable(label(n)), r.buildMs, rounds, loadAverage().constData());
        std::printf("  setResult() call %.1f ms; table painted %.1f ms; index + first query "
                    "applied %.1f ms; stall probe: %zu ticks, longest stall %.1f ms\n",
                    r.setResultCallMs, maxOf(r.tableShown), maxOf(r.indexed), r.probes,
                    r.longestStall);
        if (verbose) {
            for (const auto *list : {&r.sorts, &r.keys, &r.regex, &r.accents, &r.others}) {
                for (const Sample &s : *list)
                    std::printf("  %-28s applied %7.1f ms, painted %7.1f ms, stall %6.1f ms\n",
                                qPrintable(s.what), s.updated, s.painted, s.stall);
            }
        }
        std::fflush(stdout);
    }

    std::printf("\nTimes in ms, from the request to viewUpdated() (the table is painted within "
                "a few ms after): the worst of every run, the median in brackets.\n\n");
    std::printf("| words | table painted (≤ %.0f) | index + first query | sort, %zu orders "
                "(≤ %.0f) | filter key, %zu keys (≤ %.0f) | regex on, 2 keys, off (≤ %.0f) | "
                "accents ignored: on, 8 keys, off (≤ %.0f) | "
                "min count, stop words (≤ %.0f) | longest stall (≤ %.0f) |\n",
                TableTargetMs, reports.front().sorts.size() / size_t(rounds), SortTargetMs,
                reports.front().keys.size() / size_t(rounds), KeyTargetMs, KeyTargetMs, KeyTargetMs,
                KeyTargetMs, StallTargetMs);
    std::printf("|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    bool allPass = true;
    for (const SizeReport &r : reports) {
        const double shown = maxOf(r.tableShown);
        const auto cell = [&allPass](const std::vector<Sample> &samples, double target) {
            const auto values = field(samples, &Sample::updated);
            allPass = allPass && maxOf(values) <= target;
            return QStringLiteral("%1 (%2) %3")
                .arg(maxOf(values), 0, 'f', 0)
                .arg(median(values), 0, 'f', 0)
                .arg(QLatin1String(verdict(maxOf(values), target)));
        };
        allPass = allPass && shown <= TableTargetMs && r.longestStall <= StallTargetMs;
        std::printf("| %s | %.0f %s | %.0f | %s | %s | %s | %s | %s | %.1f %s |\n",
                    qPrintable(label(r.words)), shown, verdict(shown, TableTargetMs),
                    maxOf(r.indexed), qPrintable(cell(r.sorts, SortTargetMs)),
                    qPrintable(cell(r.keys, KeyTargetMs)), qPrintable(cell(r.regex, KeyTargetMs)),
                    qPrintable(cell(r.accents, KeyTargetMs)),
                    qPrintable(cell(r.others, KeyTargetMs)), r.longestStall,
                    verdict(r.longestStall, StallTargetMs));
    }
    std::printf("\nload average at the end: %s\nOverall: %s\n", loadAverage().constData(),
                allPass ? "all targets met" : "some targets FAILED");
    return allPass ? 0 : 1;
}
