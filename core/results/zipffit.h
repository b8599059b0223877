// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <utility>
#include <vector>

/*!
    \brief A fit of Zipf's law, count ∝ rank^-s, to word counts sorted most frequent first.

    Ranks are 1-based: rank = position + 1, or, for a filtered list, the words' ranks among all
    the words, given beside the counts (strictly increasing, one per count). Both functions read
   only a few hundred log-spaced ranks, so they take microseconds even for millions of counts. Zero
   counts are skipped: they have no logarithm and cannot be drawn on a log axis. Pure functions; any
    thread may call them.
*/
struct ZipfFit
{
    double exponent = 0; //!< Zipf's s = -slope of log10 count against log10 rank; about 1 for text.
    double intercept = 0; //!< log10 of the fitted count at rank 1.
    int points = 0; //!< How many (rank, count) points the fit used.
    bool valid = false; //!< False with fewer than 2 distinct points.

    //! The fitted count at \a rank (1-based); 0 if the fit is not valid.
    double countAt(double rank) const;

    /*!
        Least-squares line through (log10 rank, log10 count) at log-spaced ranks, about 20 per
        decade plus the last rank, so each decade weighs the same and the long tail of rare
        words does not drown the head.
    */
    static ZipfFit fit(const std::vector<quint64> &countsDescending);
    //! The same at the given \a ranks, log-spaced over the ranks rather than the positions.
    static ZipfFit fit(const std::vector<quint64> &countsDescending,
                       const std::vector<quint64> &ranks);

    /*!
        The (rank, count) points to draw: log-spaced ranks, strictly increasing, at most
        \a maxPoints (at least 2), always including rank 1 and the last rank with a count.
        Every rank is included while there is room, so short lists come back whole.
    */
    static std::vector<std::pair<double, double>>
    plotPoints(const std::vector<quint64> &countsDescending, int maxPoints = 400);
    //! The same at the given \a ranks: rank 1 is included only if it is among them.
    static std::vector<std::pair<double, double>>
    plotPoints(const std::vector<quint64> &countsDescending, const std::vector<quint64> &ranks,
               int maxPoints = 400);
};
