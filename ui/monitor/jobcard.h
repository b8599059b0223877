// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/countjob.h"
#include "core/format/retranslator.h"
#include "ui/monitor/jobrecord.h"

#include <QElapsedTimer>
#include <QFrame>
#include <QPointer>

#include <deque>
#include <optional>

class ElidedLabel;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
class QToolButton;

/*!
    \brief One job in the jobs panel: title, state, one bar per phase, speed and time left,
    Pause/Resume and Cancel. Stays after the job ends, showing how it ended.

    Result files opened and merged (File ▸ Open Results) get a card too, selectable like a job's:
    no job, no bars or buttons, and a line saying how many files were merged into how many words.
    So do the jobs of an earlier session, from the job history: how they ended, when, their
    summary, Retry, and Open Counts when the counts were exported to a file that still exists.
*/
class JobCard final : public QFrame
{
    Q_OBJECT

public:
    //! How long a scan or count may go without moving before the card says "stalled".
    static constexpr qint64 StallMs = 3000;

    explicit JobCard(CountJob *job, QWidget *parent = nullptr);
    //! A card for result files \a paths opened and merged into \a result, named \a title.
    JobCard(std::shared_ptr<const CountResult> result, const QString &title,
            const QStringList &paths, QWidget *parent = nullptr);
    //! A card for a job of an earlier session, as the job history kept it.
    explicit JobCard(const JobRecord &record, QWidget *parent = nullptr);

    CountJob *job() const { return m_job; }
    //! The opened result a card without a job shows; null for a job's card.
    std::shared_ptr<const CountResult> openedResult() const { return m_opened; }
    //! The result files the card shows opened, this session's or an earlier one's; empty for
    //! a job's card.
    QStringList openedPaths() const;
    //! The job of an earlier session this card shows; null for a job of this session.
    const JobRecord *record() const { return m_record ? &*m_record : nullptr; }
    //! The job history's record of this card's job; empty if it has none.
    QString historyId() const { return m_historyId; }
    void setHistoryId(const QString &id) { m_historyId = id; }
    //! What Retry runs: the job's inputs and options.
    JobSpec retrySpec() const;
    QString title() const;
    bool isSelected() const { return m_selected; }
    void setSelected(bool selected);

    QProgressBar *phaseBar(int phase) const { return m_bars[phase]; }
    QPushButton *pauseButton() const { return m_pauseButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    //! Shown once the job has ended (and on an opened result's card).
    QToolButton *removeButton() const { return m_removeButton; }
    //! Shown when the job was cancelled or failed.
    QPushButton *retryButton() const { return m_retryButton; }
    //! Shown on an earlier session's card when its exported counts can still be opened.
    QPushButton *openButton() const { return m_openButton; }
    //! True when the card can go without stopping any work: its job ended, or it has none.
    bool isRemovable() const;
    //! True when the job was cancelled or failed, or is from an earlier session, so that
    //! running it again makes sense.
    bool isRetryable() const;
    //! A queued job kept back by its queue (JobQueue::setHeld()): the state says "Held".
    void setHeld(bool held);
    bool isHeld() const { return m_held; }
    //! True while the job waits in the queue, so that it can be moved or held.
    bool isQueued() const;
    QWidget *titleLabel() const;
    QLabel *statusLabel() const { return m_status; }
    //! "Reading NAME" while the job counts several inputs; hidden otherwise.
    ElidedLabel *readingLabel() const { return m_reading; }
    //! "From an earlier session, DATE" on an earlier session's card; hidden otherwise.
    ElidedLabel *earlierLabel() const { return m_earlier; }
    QString statusText() const;
    QString stateText() const;

    //! "a.txt and 3 more", or the sample's name.
    static QString titleFor(const JobSpec &spec);

Q_SIGNALS:
    void clicked(JobCard *card);
    void problemsClicked(JobCard *card);
    //! The remove button or the context menu asked for this card to go.
    void removeRequested(JobCard *card);
    //! The retry button or the context menu asked for this job to run again.
    void retryRequested(JobCard *card);
    //! The context menu asked to start this queued job sooner (\a steps < 0) or later.
    void moveRequested(JobCard *card, int steps);
    //! The context menu asked to hold or release this queued job.
    void holdRequested(JobCard *card, bool held);
    //! Open Counts asked for the result file of an earlier session's job.
    void openResultRequested(JobCard *card);

protected:
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum Phase { Scan, Map, Reduce, Finalize, PhaseCount };

    void createWidgets();
    //! Opened results and restored jobs: the phase bars, Pause and Cancel hidden.
    void hideRunControls();
    void updateOpened();
    //! "2 result files merged · 1,234 words · 56 distinct", and the problems button if any.
    void showOpenedSummary(const CountTotals &totals);
    void updateRecord();

    void updateProgress(const JobProgress &progress);
    void updateStatusLine();
    void updateReadingLine();
    void updateState();
    void updateStateLabel();
    void updateFinished();
    void updateEndButtons();
    double recentSpeed() const;
    //! Moves the Sort bar at the sort's pace between its steps (ProgressScale::paced()).
    void updateSortBar();

    QPointer<CountJob> m_job;
    std::shared_ptr<const CountResult> m_opened;
    QString m_openedTitle;
    QStringList m_openedPaths;
    std::optional<JobRecord> m_record;
    QString m_historyId;
    ElidedLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_status = nullptr;
    ElidedLabel *m_reading = nullptr; // "Reading chapter3.txt" while a job of several files counts
    ElidedLabel *m_earlier = nullptr;
    QPushButton *m_problems = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_openButton = nullptr;
    QToolButton *m_removeButton = nullptr;
    QProgressBar *m_bars[PhaseCount] = {};
    QLabel *m_barTexts[PhaseCount] = {};
    bool m_selected = false;
    bool m_stalled = false;
    bool m_held = false;
    JobProgress m_last;
    qint64 m_lastMoveMs = 0; // working time of the last move (see updateProgress())
    qint64 m_lastAmount = -1;
    CountJob::State m_lastPhase = CountJob::Queued;
    std::deque<std::pair<qint64, qint64>> m_samples; // (elapsed ms, map bytes) of the last seconds
    // The first report with distinct words (bytes counted, distinct words), and how the words
    // grew since (ProgressFormat::vocabularyGrowth()): the sort to come is estimated from them.
    std::pair<qint64, qint64> m_firstWords = {0, 0};
    double m_vocabularyGrowth = -1;
    // The Sort bar between the sort's steps: when its amount last moved (the phase's working
    // ms), the time since the last report, and what the bar shows.
    qint64 m_sortDone = -1;
    qint64 m_sortDoneAtMs = 0;
    QElapsedTimer m_sinceReport;
    int m_sortShown = 0;
    QTimer *m_paceTimer = nullptr;
    Retranslator m_texts;
};
