// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/format/retranslator.h"
#include "core/results/resultmergetask.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobhistory.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>

class CountJob;
struct CountResult;
class FileListModel;
class JobQueue;
class OptionsPanel;
class WorkersPage;
class ResumeController;
class QIcon;
class QLabel;
class QMenu;
class QCheckBox;
class QScrollArea;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTimer;
class QVBoxLayout;
class ResultsExplorer;
class ResultsModel;

/*!
    \brief The desktop monitor: choose inputs, start jobs, watch every phase, pause, cancel,
    and read the files and counts of the selected job.
*/
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    //! The launcher's icon from the icon theme, else the one built into the program.
    static QIcon applicationIcon();

    //! The one way inputs arrive: the dialogs, drops, recent files and the command line.
    void addInputs(const QStringList &paths);
    //! Starts a job on the inputs chosen so far; null if there are none.
    CountJob *startJob();
    //! Starts a job on \a bytes of generated sample text.
    CountJob *startSample(qint64 bytes);

    JobQueue *queue() const { return m_queue; }
    ResumeController *resumeController() const { return m_resume; }
    OptionsPanel *options() const { return m_options; }
    JobCard *cardFor(const CountJob *job) const;
    JobCard *selectedCard() const { return m_selected; }
    void selectCard(JobCard *card);
    QList<JobCard *> cards() const { return m_cards; }
    //! The card of result files \a paths opened in this session (\a restored: in an earlier
    //! one), whatever the order or spelling of the paths; null if none.
    JobCard *openedCardFor(const QStringList &paths, bool restored = false) const;
    /*!
        Removes \a card and destroys its job and result, giving the memory back; the next card
        (else the one before) is selected in its place if it was. Returns false, and does
        nothing, for a job that is queued or running: that work is stopped only by Cancel.
    */
    bool removeCard(JobCard *card);
    //! Removes every card whose job has ended (Done, Cancelled, Failed), every opened result and
    //! every earlier session's job.
    void clearFinished();
    //! Runs a cancelled or failed job, or one of an earlier session, again, same inputs and
    //! options, on a new card.
    CountJob *retry(JobCard *card);
    //! Starts a queued job sooner (\a steps < 0) or later; its card moves with it.
    bool moveCard(JobCard *card, int steps);
    //! Holds a queued job back (the jobs after it start first), or releases it.
    void holdCard(JobCard *card, bool held);
    FileListModel *fileModel() const { return m_files; }
    ResultsExplorer *explorer() const { return m_explorer; }
    WorkersPage *workersPage() const { return m_workers; }
    ResultsModel *resultsModel() const;
    QTableView *resultsView() const;
    /*!
        Reads result files (TSV, CSV or JSON) on a worker thread, adds their counts up and shows
       them in the explorer; resultsOpened() follows. Files that cannot be read are named in a
        warning.
    */
    void openResults(const QStringList &paths);
    QTableView *filesView() const { return m_filesView; }
    QTabWidget *detailTabs() const { return m_tabs; }
    /*!
        Cancels every job, saves the settings and leaves the event loops without asking: for a
        stop signal (logout, `kill`, the terminal closed), when nobody is there to answer.
    */
    void stopJobsAndQuit();

Q_SIGNALS:
    //! After openResults(): \a shown is false if no file could be read.
    void resultsOpened(bool shown);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    QMenu *createViewMenu();
    void setLanguage(const QString &code);
    void addCard(CountJob *job);
    //! Cards for the jobs of earlier sessions, from the job history.
    void restoreHistory();
    //! Keeps how \a card's job stands in the job history, and writes the history.
    void recordJob(JobCard *card);
    //! Keeps an opened result's card in the job history, so that it comes back after a restart.
    void recordOpened(JobCard *card);
    void saveHistory();
    //! The window's splitters, saved as soon as one is moved.
    void writeSplitters() const;
    void updateJobActions();
    void reorderCards();
    void insertCard(JobCard *card);
    void refreshDetails();
    void refreshFiles();
    void updateFilesTabTitle();
    void fitFileColumns(bool newRows);
    void showResults();
    void chooseResultFiles();
    void showOpenedResults();
    void openFiles();
    void openFolder();
    void trySample();
    void addRecent(const QStringList &paths);
    void rebuildRecentMenu();
    void readSettings();
    void fitToScreen();
    void writeSettings() const;
    //! The next job's options and the recent inputs: saved as soon as they change.
    void writeOptions() const;
    //! "42 % — WordMill" while a job runs, so that the taskbar tells how far it is.
    void updateWindowTitle();

    JobQueue *m_queue = nullptr;
    ResumeController *m_resume = nullptr; // checkpoints: Keep for Later, resume at start
    OptionsPanel *m_options = nullptr;
    QScrollArea *m_jobsArea = nullptr;
    QVBoxLayout *m_jobsLayout = nullptr;
    QLabel *m_noJobs = nullptr;
    QList<JobCard *> m_cards;
    QPointer<JobCard> m_selected;
    QTabWidget *m_tabs = nullptr;
    FileListModel *m_files = nullptr;
    QSortFilterProxyModel *m_sortedFiles = nullptr;
    QWidget *m_filesPage = nullptr; // the Files tab: the filter above the view
    QCheckBox *m_problemsOnly = nullptr;
    QTableView *m_filesView = nullptr;
    ResultsExplorer *m_explorer = nullptr;
    WorkersPage *m_workers = nullptr; // the Workers tab: the selected job's lanes and time split
    ResultMergeTask m_openTask; // cancels and waits for its worker when the window goes
    QFutureWatcher<ResultMergeTask::Outcome> m_openResults;
    QStringList m_openPaths;
    QTimer *m_filesTimer = nullptr;
    QMenu *m_recentMenu = nullptr;
    QStringList m_recent;
    QAction *m_cancelAll = nullptr;
    QAction *m_removeSelected = nullptr;
    QAction *m_clearFinished = nullptr;
    QAction *m_retrySelected = nullptr;
    QAction *m_startSooner = nullptr;
    QAction *m_startLater = nullptr;
    QAction *m_holdSelected = nullptr;
    JobHistory m_history;
    // Set once the window goes: jobs cancelled by quitting stay "interrupted" in the history.
    bool m_closing = false;
    Retranslator m_texts;
};
