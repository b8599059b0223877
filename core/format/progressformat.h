// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countjob.h"

#include <QString>

/*!
    \brief Human-readable progress: sizes, durations, speeds and status lines, shared by the
    command-line program and the desktop monitor. Pure functions.
*/
namespace ProgressFormat {

//! A whole number the locale's way: "1,225,101" in English, "1.225.101" and "9999" in Spanish.
QString count(quint64 n);
/*!
    \a translated, a tr() text whose "%n" Qt wrote as bare digits ("10320 files"), with that
    number written by count() ("10,320 files", Spanish "10.320 archivos"). tr() still picks the
    plural form, and the translations keep their "%n". The first run of exactly those digits is
    taken: a translation must not write the same number, ungrouped, before its %n.
*/
QString withCount(const QString &translated, qint64 n);
//! "512 B", "1.5 KiB", "4.0 GiB" up to "16 EiB" (binary units; the locale's decimal separator:
//! "1,5 KiB"). Unsigned so that every size a file system can report fits, 2^64 - 1 included;
//! the engine's qint64 sizes, never negative, convert.
QString bytes(quint64 bytes);
//! Parses "4096", "64K", "4MiB", "1.5G" (powers of 1024) into bytes; -1 if not a size.
qint64 parseBytes(const QString &text);
//! "0:09", "12:34", "1:02:03".
QString duration(qint64 ms);
/*!
    True when a job's wall time should be said beside its working time ("0:21 working · 0:34 in
    all"): it spent a second or more paused, and the two read differently. Under a second, the
    few ms between two clocks would round to a second "in all" that no pause explains.
*/
bool showsTimeInAll(qint64 workingMs, qint64 wallMs);
//! "296 MiB/s": the units of bytes(), per second.
QString speed(double bytesPerSecond);
//! Bytes per second of the map phase so far; 0 before it moved.
double mapSpeed(const JobProgress &progress);
//! What a time left is worked out from, beyond the progress itself.
struct Pace
{
    double bytesPerSecond = -1; //!< reading; negative: the map phase's average so far
    //! The sort's pace, in ns per sortSteps(); negative: DefaultSortNsPerStep.
    double sortNsPerStep = -1;
    //! How the distinct words grow with the bytes read (see vocabularyGrowth()); negative:
    //! DefaultVocabularyGrowth.
    double vocabularyGrowth = -1;
};
/*!
    A sort's work for \a distinct words, n log2 n, in steps that take about the same time
    whatever n is; its pace (ns per step) is measured on a finished job, or the default.
*/
double sortSteps(qint64 distinct);
//! The sort's pace until a job has measured one: 8 M distinct words took about 1.1 s of one
//! worker's time here once the sort ran on compact keys (issue 13), some 6 ns a step (it was 65
//! before, 12 s); 8 errs long, and two workers take about half.
inline constexpr double DefaultSortNsPerStep = 8;
//! Heaps' law for text, distinct words ~ bytes^b with b from 0.4 to 0.6: the upper end, so that
//! an unmeasured estimate errs long.
inline constexpr double DefaultVocabularyGrowth = 0.6;
/*!
    Heaps' exponent between two points of a count (bytes read, distinct words so far): how the
    distinct words grow with the text, from 0 (no new words) to 1 (every word new); -1 when the
    points are too close to tell (the second read less than twice the first's bytes).
*/
double vocabularyGrowth(qint64 bytes1, qint64 distinct1, qint64 bytes2, qint64 distinct2);
//! The distinct words the sort will have to order: those so far, grown to the whole input at
//! \a growth (negative: DefaultVocabularyGrowth).
qint64 expectedDistinctWords(const JobProgress &progress, double growth = -1);
/*!
    Milliseconds left until the job is done, all its phases to come included; -1 when unknown.
    Counting: the bytes left at the reading pace, then the sort of the distinct words the input
    is expected to hold (the merge keeps within a few chunks of the reading, see
    JobWorkspace::tableBound()); unknown while a stream is read. Merging: the bytes left to merge
    at the map phase's pace, then the sort. Sorting: the sort's work left at its own pace (its
    progress moves with its work). Also -1 while estimatingTimeLeft(), so that --progress=json
    says null then too.
*/
qint64 timeLeftMs(CountJob::State state, const JobProgress &progress, const Pace &pace);
qint64 timeLeftMs(CountJob::State state, const JobProgress &progress, double bytesPerSecond = -1);
/*!
    True while the job counts but its rate is not steady enough to say how long it will take:
    less than 3 s of counting, or less than 2 % of the bytes read in less than 10 s (a huge
    input gets an estimate after 10 s whatever its share). The first seconds read what
    the system had cached and start workers one by one; an estimate from them was three times
    too long (2:21 for a 0:46 job).
*/
bool estimatingTimeLeft(CountJob::State state, const JobProgress &progress);
//! "Generated sample (95.4 MiB)".
QString sampleName(qint64 bytes);
//! The name to show for \a report: its file name, or the sample's name with its size.
QString fileName(const FileReport &report);
//! Why an input was skipped, for people: "no such file or folder", "binary file (...)", ...
QString problemText(FileProblem problem, const QString &details);
QString problemText(const FileReport &report);
//! "Counting", "Merging", ...
QString stateName(CountJob::State state);
//! What a status line says beyond the job's state and progress.
struct StatusLineOptions
{
    bool withStateName = true; //!< false where the state is shown beside the line
    bool paused = false;
    bool stalled = false;
    double bytesPerSecond = -1; //!< a recent speed; negative: the map phase's average so far
    double sortNsPerStep = -1; //!< see Pace
    double vocabularyGrowth = -1; //!< see Pace
};
//! One line for a running job: state, amounts, speed, time left, time elapsed (working time and
//! wall time apart, "0:21 working · 0:34 in all", when time was spent paused). The command-line
//! progress and the monitor's cards both use it, so they say the same thing.
QString statusLine(CountJob::State state, const JobProgress &progress,
                   const StatusLineOptions &options = {});
//! "Counted 1,234 words (56 distinct) in 3 files, 4.0 MiB in 0:02 (200 MiB/s)", in working
//! time; "... · 0:15 in all" after it when time was spent paused.
QString summaryLine(const CountResult &result);

} // namespace ProgressFormat
