// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/mainwindow.h"

#include "core/engine/countjob.h"
#include "core/format/progressformat.h"
#include "core/format/translations.h"
#include "core/results/resultfiledetector.h"
#include "core/text/localpath.h"
#include "ui/explorer/resultsexplorer.h"
#include "ui/explorer/resultsmodel.h"
#include "ui/monitor/filelistmodel.h"
#include "ui/monitor/helpmenu.h"
#include "ui/monitor/jobcard.h"
#include "ui/monitor/jobqueue.h"
#include "ui/monitor/memoryrelease.h"
#include "ui/monitor/optionspanel.h"
#include "ui/monitor/resumecontroller.h"
#include "ui/monitor/workerspage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUuid>
#include <QVBoxLayout>

namespace {

constexpr int MaxRecent = 8;
constexpr int FilesRefreshMs = 250;

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_queue(new JobQueue(this))
    , m_resume(new ResumeController(m_queue, this))
{
    setAcceptDrops(true);
    m_resume->setFolder(ResumeController::defaultFolder());

    m_options = new OptionsPanel(this);

    m_noJobs = new QLabel(this);
    m_noJobs->setAlignment(Qt::AlignCenter);
    m_noJobs->setWordWrap(true);
    auto *jobsContainer = new QWidget;
    m_jobsLayout = new QVBoxLayout(jobsContainer);
    m_jobsLayout->setContentsMargins(6, 6, 6, 6);
    m_jobsLayout->setSpacing(6);
    m_jobsLayout->addWidget(m_noJobs);
    m_jobsLayout->addStretch(1);
    m_jobsArea = new QScrollArea(this);
    m_jobsArea->setObjectName(QStringLiteral("jobsPanel"));
    m_jobsArea->setWidgetResizable(true);
    m_jobsArea->setWidget(jobsContainer);

    m_files = new FileListModel(this);
    m_sortedFiles = new QSortFilterProxyModel(this);
    m_sortedFiles->setSourceModel(m_files);
    // Sizes, percents and words sort as numbers ("5 B" before "10 B"), the rest as text.
    m_sortedFiles->setSortRole(FileListModel::SortRole);
    m_sortedFiles->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_sortedFiles->setSortLocaleAware(true);
    m_sortedFiles->setFilterRole(FileListModel::ProblemRole);
    m_filesPage = new QWidget(this);
    m_problemsOnly = new QCheckBox(m_filesPage);
    m_problemsOnly->setObjectName(QStringLiteral("problemsOnly"));
    connect(m_problemsOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_sortedFiles->setFilterFixedString(on ? QStringLiteral("true") : QString());
    });
    m_filesView = makeTable(m_sortedFiles, m_filesPage);
    m_filesView->setObjectName(QStringLiteral("filesView"));
    m_filesView->setTextElideMode(Qt::ElideMiddle); // a path's end tells folders apart
    QHeaderView *filesHeader = m_filesView->horizontalHeader();
    // Every column can be resized by hand; the File column takes the room left, so that names
    // never collapse when another column is widened. The others start as wide as their content
    // (fitFileColumns()).
    filesHeader->setSectionResizeMode(QHeaderView::Interactive);
    filesHeader->setSectionResizeMode(FileListModel::NameColumn, QHeaderView::Stretch);
    filesHeader->setMinimumSectionSize(filesHeader->fontMetrics().averageCharWidth() * 4);
    // Scan order until a header is clicked; a third click goes back to it.
    filesHeader->setSortIndicatorClearable(true);
    filesHeader->setSortIndicator(-1, Qt::AscendingOrder);
    m_filesView->setSortingEnabled(true);
    auto *filesLayout = new QVBoxLayout(m_filesPage);
    filesLayout->setContentsMargins(0, 4, 0, 0);
    filesLayout->setSpacing(4);
    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(4, 0, 4, 0);
    filterRow->addWidget(m_problemsOnly);
    filterRow->addStretch(1);
    filesLayout->addLayout(filterRow);
    filesLayout->addWidget(m_filesView, 1);

    m_explorer = new ResultsExplorer(this);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_filesPage, QString());
    m_tabs->addTab(m_explorer, QString());
    m_workers = new WorkersPage(this);
    m_tabs->addTab(m_workers, QString());
    m_tabs->setCurrentWidget(m_explorer); // the top words form there while a job runs

    auto *right = new QSplitter(Qt::Vertical, this);
    right->setObjectName(QStringLiteral("rightSplitter"));
    right->addWidget(m_jobsArea);
    right->addWidget(m_tabs);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    right->setSizes({360, 300});
    auto *main = new QSplitter(Qt::Horizontal, this);
    main->setObjectName(QStringLiteral("mainSplitter"));
    main->addWidget(m_options);
    main->addWidget(right);
    main->setStretchFactor(1, 1);
    main->setCollapsible(0, false);
    main->setSizes({240, 860});
    setCentralWidget(main);

    m_filesTimer = new QTimer(this);
    m_filesTimer->setInterval(FilesRefreshMs);
    // A snapshot of every file costs time with thousands of them: refreshed while in view, and
    // when it comes into view or another job is selected.
    connect(m_filesTimer, &QTimer::timeout, this, [this] {
        if (m_tabs->currentWidget() == m_filesPage)
            refreshFiles();
        else
            updateFilesTabTitle();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::refreshFiles);

    m_texts.add([this] {
        updateWindowTitle();
        m_noJobs->setText(tr("No jobs yet. Open files or a folder, drop them on this window, "
                             "or try a generated sample."));
        m_jobsArea->setAccessibleName(tr("Jobs"));
        m_filesView->setAccessibleName(tr("Files of the selected job"));
        m_problemsOnly->setText(tr("&Problems only"));
        m_problemsOnly->setToolTip(tr("Show only the files that could not be counted"));
        updateFilesTabTitle();
        m_tabs->setTabText(1, tr("&Results"));
        m_tabs->setTabText(m_tabs->indexOf(m_workers), tr("Wor&kers"));
    });
    createActions();
    connect(m_options, &OptionsPanel::startRequested, this, &MainWindow::startJob);
    connect(m_queue, &JobQueue::jobAdded, this, &MainWindow::addCard);
    connect(m_queue, &JobQueue::heldChanged, this, [this](CountJob *job, bool held) {
        if (JobCard *card = cardFor(job))
            card->setHeld(held);
    });
    connect(&m_openResults, &QFutureWatcherBase::finished, this, &MainWindow::showOpenedResults);
    connect(m_queue, &JobQueue::activeChanged, m_cancelAll, &QAction::setEnabled);
    statusBar()->showMessage(tr("Ready"));
    readSettings();
    // Saved as they change, not only on a clean close: a logout or a crash must not lose them.
    connect(m_options, &OptionsPanel::optionsChanged, this, &MainWindow::writeOptions);
    connect(right, &QSplitter::splitterMoved, this, &MainWindow::writeSplitters);
    connect(main, &QSplitter::splitterMoved, this, &MainWindow::writeSplitters);
    connect(m_explorer, &ResultsExplorer::exported, this,
            [this](const std::shared_ptr<const CountResult> &result, const QString &path,
                   bool allRows) {
                // Only the whole table is the job's counts; shown rows are a filtered subset.
                for (JobCard *card : std::as_const(m_cards)) {
                    if (allRows && card->job() && card->job()->result() == result) {
                        std::optional<JobRecord> record = m_history.find(card->historyId());
                        if (!record)
                            return;
                        record->resultPath = QFileInfo(path).absoluteFilePath();
                        m_history.put(*record);
                        saveHistory();
                        return;
                    }
                }
            });
    restoreHistory();
}

MainWindow::~MainWindow()
{
    // Cancelling a queued job emits finished() at once, and the handlers use this window: end
    // the jobs while it is whole, not when ~QWidget deletes the queue after MainWindow is gone.
    m_closing = true;
    delete m_queue;
    m_queue = nullptr;
}

QIcon MainWindow::applicationIcon()
{
    QIcon fallback;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        fallback.addFile(QStringLiteral(":/icons/icons/%1x%1/" WORDMILL_APP_ID ".png").arg(size),
                         QSize(size, size));
    }
    return QIcon::fromTheme(QStringLiteral(WORDMILL_APP_ID), fallback);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(QString());
    QToolBar *toolbar = addToolBar(QString());
    m_texts.add([fileMenu, toolbar] {
        fileMenu->setTitle(tr("&File"));
        toolbar->setWindowTitle(tr("Main"));
    });
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setMovable(false);

    auto *openFilesAction
        = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), QString(), this);
    openFilesAction->setShortcut(QKeySequence::Open);
    m_texts.add([openFilesAction] {
        openFilesAction->setText(tr("Open &Files…"));
        openFilesAction->setStatusTip(tr("Choose text files to count"));
    });
    connect(openFilesAction, &QAction::triggered, this, &MainWindow::openFiles);

    auto *openFolderAction
        = new QAction(style()->standardIcon(QStyle::SP_DirOpenIcon), QString(), this);
    openFolderAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_texts.add([openFolderAction] {
        openFolderAction->setText(tr("Open F&older…"));
        openFolderAction->setStatusTip(tr("Choose a folder: every text file in it is counted"));
    });
    connect(openFolderAction, &QAction::triggered, this, &MainWindow::openFolder);

    auto *sampleAction
        = new QAction(style()->standardIcon(QStyle::SP_FileDialogContentsView), QString(), this);
    sampleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_texts.add([sampleAction] {
        sampleAction->setText(tr("Try a &Sample…"));
        sampleAction->setStatusTip(tr("Count generated sample text, from 10 MB to 10 GB"));
    });
    connect(sampleAction, &QAction::triggered, this, &MainWindow::trySample);

    auto *startAction = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_texts.add([startAction] {
        startAction->setText(tr("S&tart"));
        startAction->setStatusTip(tr("Start a job on the chosen inputs"));
    });
    startAction->setEnabled(false);
    connect(startAction, &QAction::triggered, this, &MainWindow::startJob);
    connect(m_options, &OptionsPanel::inputsChanged, startAction,
            [this, startAction] { startAction->setEnabled(!m_options->inputs().isEmpty()); });

    m_cancelAll = new QAction(style()->standardIcon(QStyle::SP_BrowserStop), QString(), this);
    m_cancelAll->setObjectName(QStringLiteral("cancelAllAction"));
    m_cancelAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_texts.add([this] {
        m_cancelAll->setText(tr("&Cancel All"));
        m_cancelAll->setStatusTip(tr("Cancel every running and queued job"));
    });
    m_cancelAll->setEnabled(false);
    connect(m_cancelAll, &QAction::triggered, m_queue, &JobQueue::cancelAll);

    m_recentMenu = new QMenu(this);
    m_texts.add([this] { m_recentMenu->setTitle(tr("Open &Recent")); });

    auto *openResultsAction = new QAction(this);
    openResultsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_texts.add([openResultsAction] {
        openResultsAction->setText(tr("Open Res&ults…"));
        openResultsAction->setStatusTip(tr("Open WordMill result files (TSV, CSV or JSON); "
                                           "several are merged into one table, counts added"));
    });
    connect(openResultsAction, &QAction::triggered, this, &MainWindow::chooseResultFiles);

    auto *quitAction = new QAction(this);
    m_texts.add([quitAction] { quitAction->setText(tr("&Quit")); });
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    fileMenu->addAction(openFilesAction);
    fileMenu->addAction(openFolderAction);
    fileMenu->addMenu(m_recentMenu);
    fileMenu->addAction(sampleAction);
    fileMenu->addSeparator();
    fileMenu->addAction(openResultsAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);

    QMenu *jobMenu = menuBar()->addMenu(QString());
    jobMenu->addAction(startAction);
    auto *pauseAction = new QAction(this);
    pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(pauseAction, &QAction::triggered, this, [this] {
        if (m_selected && m_selected->pauseButton()->isEnabled())
            m_selected->pauseButton()->click();
    });
    auto *cancelSelected = new QAction(this);
    // Esc destroys work, so it acts only while the keyboard is in the jobs panel (a card or its
    // buttons have focus), never on a key meant for a dropdown, a field or a dialog elsewhere.
    cancelSelected->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelSelected->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_jobsArea->addAction(cancelSelected);
    connect(cancelSelected, &QAction::triggered, this, [this] {
        if (m_selected && m_selected->cancelButton()->isEnabled())
            m_selected->cancelButton()->click();
    });
    auto *stopAndKeep = new QAction(this);
    stopAndKeep->setObjectName(QStringLiteral("stopAndKeepAction"));
    connect(stopAndKeep, &QAction::triggered, this, [this] {
        if (m_selected && m_selected->job())
            m_selected->job()->stopAndKeep();
    });
    // Delete destroys a result, so it follows Esc's rule: only from the jobs panel, only on the
    // selected card, and never on a job that still runs (removeCard() refuses those).
    m_removeSelected = new QAction(style()->standardIcon(QStyle::SP_TrashIcon), QString(), this);
    m_removeSelected->setObjectName(QStringLiteral("removeSelectedAction"));
    m_removeSelected->setShortcut(QKeySequence(QKeySequence::Delete));
    m_removeSelected->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_jobsArea->addAction(m_removeSelected);
    connect(m_removeSelected, &QAction::triggered, this, [this] {
        if (m_selected)
            removeCard(m_selected);
    });
    m_clearFinished
        = new QAction(style()->standardIcon(QStyle::SP_DialogResetButton), QString(), this);
    m_clearFinished->setObjectName(QStringLiteral("clearFinishedAction"));
    m_clearFinished->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    m_clearFinished->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_jobsArea->addAction(m_clearFinished);
    connect(m_clearFinished, &QAction::triggered, this, &MainWindow::clearFinished);
    m_retrySelected = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), QString(), this);
    m_retrySelected->setObjectName(QStringLiteral("retrySelectedAction"));
    m_retrySelected->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_retrySelected, &QAction::triggered, this, [this] { retry(m_selected); });
    // Moving and holding change no work, but like Esc and Delete they act on the selected card
    // only while the keyboard is in the jobs panel: Ctrl+Shift+arrows select text in fields.
    m_startSooner = new QAction(this);
    m_startSooner->setObjectName(QStringLiteral("startSoonerAction"));
    m_startSooner->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up));
    m_startLater = new QAction(this);
    m_startLater->setObjectName(QStringLiteral("startLaterAction"));
    m_startLater->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    m_holdSelected = new QAction(this);
    m_holdSelected->setObjectName(QStringLiteral("holdSelectedAction"));
    m_holdSelected->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    for (QAction *action : {m_startSooner, m_startLater, m_holdSelected}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_jobsArea->addAction(action);
    }
    connect(m_startSooner, &QAction::triggered, this, [this] { moveCard(m_selected, -1); });
    connect(m_startLater, &QAction::triggered, this, [this] { moveCard(m_selected, 1); });
    connect(m_holdSelected, &QAction::triggered, this, [this] {
        if (m_selected)
            holdCard(m_selected, !m_selected->isHeld());
    });
    auto *nextJob = new QAction(this);
    nextJob->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(nextJob, &QAction::triggered, this, [this] {
        const int i = int(m_cards.indexOf(m_selected));
        if (i + 1 < m_cards.size())
            selectCard(m_cards.at(i + 1));
    });
    auto *previousJob = new QAction(this);
    previousJob->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    connect(previousJob, &QAction::triggered, this, [this] {
        const int i = int(m_cards.indexOf(m_selected));
        if (i > 0)
            selectCard(m_cards.at(i - 1));
    });
    m_texts.add([=] {
        jobMenu->setTitle(tr("&Job"));
        pauseAction->setText(tr("&Pause or Resume Selected"));
        cancelSelected->setText(tr("Cancel &Selected"));
        stopAndKeep->setText(tr("Stop and &Keep"));
        stopAndKeep->setStatusTip(
            tr("End the selected job, keeping the counts of the files counted completely"));
        m_removeSelected->setText(tr("Re&move Selected"));
        m_removeSelected->setStatusTip(
            tr("Remove the selected job, which has ended, and free its results"));
        m_clearFinished->setText(tr("Clear &Finished"));
        m_clearFinished->setStatusTip(
            tr("Remove every job that has ended and free its results; running and queued jobs "
               "stay"));
        m_startSooner->setText(tr("Start S&ooner"));
        m_startSooner->setStatusTip(tr("Move the selected queued job before the one above it"));
        m_startLater->setText(tr("Start &Later"));
        m_startLater->setStatusTip(tr("Move the selected queued job after the one below it"));
        m_holdSelected->setText(tr("&Hold or Release Selected"));
        m_holdSelected->setStatusTip(
            tr("Keep the selected queued job from starting, or let it start again"));
        m_retrySelected->setText(tr("Retr&y Selected"));
        m_retrySelected->setStatusTip(
            tr("Run the selected cancelled or failed job again with the same inputs and options"));
        nextJob->setText(tr("Select &Next Job"));
        previousJob->setText(tr("Select P&revious Job"));
    });
    jobMenu->addAction(pauseAction);
    jobMenu->addAction(cancelSelected);
    jobMenu->addAction(stopAndKeep);
    jobMenu->addAction(m_cancelAll);
    jobMenu->addAction(m_retrySelected);
    jobMenu->addSeparator();
    jobMenu->addAction(m_removeSelected);
    jobMenu->addAction(m_clearFinished);
    jobMenu->addSeparator();
    jobMenu->addAction(m_startSooner);
    jobMenu->addAction(m_startLater);
    jobMenu->addAction(m_holdSelected);
    jobMenu->addSeparator();
    jobMenu->addAction(previousJob);
    jobMenu->addAction(nextJob);

    menuBar()->addMenu(createViewMenu());
    menuBar()->addMenu(new HelpMenu(this));

    toolbar->addAction(openFilesAction);
    toolbar->addAction(openFolderAction);
    toolbar->addAction(sampleAction);
    toolbar->addSeparator();
    toolbar->addAction(startAction);
    toolbar->addAction(m_cancelAll);
    toolbar->addAction(m_clearFinished);
    updateJobActions();
}

QMenu *MainWindow::createViewMenu()
{
    auto *viewMenu = new QMenu(this);
    auto *languageMenu = viewMenu->addMenu(QString());
    languageMenu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(this);
    const auto addLanguage = [&](const QString &code, const QString &name) {
        QAction *action = languageMenu->addAction(name);
        action->setObjectName(QStringLiteral("language_")
                              + (code.isEmpty() ? QStringLiteral("auto") : code));
        action->setCheckable(true);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { setLanguage(code); });
        return action;
    };
    QAction *automatic = addLanguage(QString(), QString());
    languageMenu->addSeparator();
    // Each language is named in itself, so that it can be found whatever the current one.
    for (const QString &code : Translations::languages())
        addLanguage(code, Translations::nativeName(code));
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    for (QAction *action : group->actions())
        action->setChecked(action->data().toString() == chosen);
    m_texts.add([=] {
        viewMenu->setTitle(tr("&View"));
        languageMenu->setTitle(tr("&Language"));
        automatic->setText(tr("&Automatic (the system's language)"));
    });
    return viewMenu;
}

void MainWindow::setLanguage(const QString &code)
{
    QSettings().setValue(QStringLiteral("language"), code);
    Translations::install(code); // every widget gets QEvent::LanguageChange
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_texts.retranslate();
        m_files->retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::addInputs(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_options->addInputs(paths);
    addRecent(paths);
    statusBar()->showMessage(ProgressFormat::withCount(
        tr("%n input(s) ready: press Start", nullptr, int(m_options->inputs().size())),
        m_options->inputs().size()));
}

CountJob *MainWindow::startJob()
{
    const JobSpec spec = m_options->spec();
    if (spec.paths.isEmpty())
        return nullptr;
    m_options->clearInputs();
    CountJob *job = m_queue->enqueue(spec);
    statusBar()->showMessage(tr("Started: %1").arg(JobCard::titleFor(spec)), 5000);
    return job;
}

CountJob *MainWindow::startSample(qint64 bytes)
{
    JobSpec spec = m_options->spec();
    spec.paths.clear();
    spec.sampleBytes = bytes;
    CountJob *job = m_queue->enqueue(spec);
    statusBar()->showMessage(tr("Started: %1").arg(JobCard::titleFor(spec)), 5000);
    return job;
}

JobCard *MainWindow::cardFor(const CountJob *job) const
{
    for (JobCard *card : m_cards) {
        if (job && card->job() == job)
            return card;
    }
    return nullptr;
}

void MainWindow::insertCard(JobCard *card)
{
    m_noJobs->hide();
    m_cards.append(card);
    m_jobsLayout->insertWidget(m_jobsLayout->count() - 1, card);
    connect(card, &JobCard::clicked, this, &MainWindow::selectCard);
    connect(card, &JobCard::removeRequested, this, &MainWindow::removeCard);
    connect(card, &JobCard::retryRequested, this, &MainWindow::retry);
    connect(card, &JobCard::moveRequested, this, &MainWindow::moveCard);
    connect(card, &JobCard::holdRequested, this, &MainWindow::holdCard);
    connect(card, &JobCard::openResultRequested, this, [this](JobCard *c) {
        if (const JobRecord *record = c->record()) {
            openResults(record->kind == JobRecord::OpenedResults
                            ? record->spec.paths
                            : QStringList {record->resultPath});
        }
    });
    connect(card, &JobCard::problemsClicked, this, [this](JobCard *c) {
        selectCard(c);
        m_tabs->setCurrentIndex(0);
    });
    // A card grows as its job runs and ends (bar texts, the status line): the selected one is
    // kept whole in view as it does, not left cut where it was when it was queued.
    card->installEventFilter(this);
    selectCard(card);
    updateJobActions();
    QTimer::singleShot(0, card, [this, card] { m_jobsArea->ensureWidgetVisible(card); });
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && watched == m_selected) {
        // Once the panel's layout has settled around the new size, or the scroll range is old.
        QTimer::singleShot(0, m_selected, [this, card = m_selected.data()] {
            m_jobsArea->ensureWidgetVisible(card, 0, m_jobsLayout->spacing());
        });
    }
    return QMainWindow::eventFilter(watched, event);
}

bool MainWindow::removeCard(JobCard *card)
{
    if (!card || !card->isRemovable() || !m_cards.contains(card))
        return false;
    const int index = int(m_cards.indexOf(card));
    const bool hadFocus
        = card->isAncestorOf(QApplication::focusWidget()) || QApplication::focusWidget() == card;
    m_cards.removeAt(index);
    m_jobsLayout->removeWidget(card);
    card->hide();
    if (m_selected == card) {
        m_selected = nullptr;
        // The one below takes its place, as in a list; the last card gives way to the one above.
        JobCard *next
            = m_cards.isEmpty() ? nullptr : m_cards.at(std::min(index, int(m_cards.size()) - 1));
        if (next)
            selectCard(next);
        else
            refreshDetails(); // the explorer and the Files tab let go of the result
    }
    // The keyboard stays in the jobs panel, so that Delete can be pressed again.
    if (hadFocus) {
        if (m_selected)
            m_selected->setFocus(Qt::OtherFocusReason);
        else
            m_jobsArea->setFocus(Qt::OtherFocusReason);
    }
    m_noJobs->setVisible(m_cards.isEmpty());
    // The card may be inside one of its own handlers (a click on its remove button): deleted
    // later. Its job goes now; the card only watches it through a QPointer.
    connect(card, &QObject::destroyed, this, [] { MemoryRelease::giveBackFreedMemory(); });
    card->deleteLater();
    if (m_history.remove(card->historyId()))
        saveHistory();
    if (CountJob *job = card->job())
        m_queue->remove(job);
    updateJobActions();
    return true;
}

void MainWindow::clearFinished()
{
    const QList<JobCard *> cards = m_cards;
    for (JobCard *card : cards) {
        if (card->isRemovable())
            removeCard(card);
    }
}

CountJob *MainWindow::retry(JobCard *card)
{
    if (!card || !card->isRetryable())
        return nullptr;
    const JobSpec spec = card->retrySpec();
    CountJob *job = m_queue->enqueue(spec);
    statusBar()->showMessage(tr("Started again: %1").arg(JobCard::titleFor(spec)), 5000);
    return job;
}

bool MainWindow::moveCard(JobCard *card, int steps)
{
    if (!card || !card->job() || !m_queue->move(card->job(), steps))
        return false;
    reorderCards();
    QTimer::singleShot(0, card, [this, card] { m_jobsArea->ensureWidgetVisible(card); });
    return true;
}

void MainWindow::holdCard(JobCard *card, bool held)
{
    if (card && card->job())
        m_queue->setHeld(card->job(), held);
}

void MainWindow::reorderCards()
{
    // The jobs' cards take the queue's order, in the places job cards hold; the cards of opened
    // results stay where they are.
    const QList<CountJob *> order = m_queue->jobs();
    QList<JobCard *> jobCards;
    for (CountJob *job : order) {
        if (JobCard *card = cardFor(job))
            jobCards.append(card);
    }
    qsizetype next = 0;
    for (JobCard *&slot : m_cards) {
        if (slot->job() && next < jobCards.size())
            slot = jobCards.at(next++);
    }
    for (JobCard *card : std::as_const(m_cards))
        m_jobsLayout->removeWidget(card);
    for (qsizetype i = 0; i < m_cards.size(); ++i) // after the "no jobs" text, before the stretch
        m_jobsLayout->insertWidget(int(i) + 1, m_cards.at(i));
}

void MainWindow::updateJobActions()
{
    if (!m_removeSelected)
        return; // not created yet
    const bool queued = m_selected && m_selected->isQueued();
    m_startSooner->setEnabled(queued);
    m_startLater->setEnabled(queued);
    m_holdSelected->setEnabled(queued);
    m_removeSelected->setEnabled(m_selected && m_selected->isRemovable());
    m_retrySelected->setEnabled(m_selected && m_selected->isRetryable());
    m_clearFinished->setEnabled(std::any_of(m_cards.cbegin(), m_cards.cend(),
                                            [](const JobCard *c) { return c->isRemovable(); }));
}

void MainWindow::updateWindowTitle()
{
    const QList<CountJob *> jobs = m_queue ? m_queue->jobs() : QList<CountJob *>();
    const auto running = std::find_if(jobs.cbegin(), jobs.cend(), [](const CountJob *job) {
        return !job->isFinished() && job->state() != CountJob::Queued;
    });
    if (running == jobs.cend()) {
        setWindowTitle(tr("WordMill"));
        return;
    }
    // The bytes counted: the scan is quick and the sort short beside them. 100 % only once the
    // job is over, so the title never says done while the sort goes on.
    const JobProgress p = (*running)->progress();
    const qint64 percent
        = p.map.total > 0 ? std::min<qint64>(99, p.map.done * 100 / p.map.total) : 0;
    setWindowTitle(tr("%1 % — WordMill").arg(QLocale().toString(percent)));
}

void MainWindow::addCard(CountJob *job)
{
    auto *card = new JobCard(job, m_jobsArea->widget());
    connect(job, &CountJob::progressChanged, this, &MainWindow::updateWindowTitle);
    connect(job, &CountJob::finished, this, &MainWindow::updateWindowTitle);
    connect(job, &CountJob::stateChanged, this, &MainWindow::updateJobActions);
    connect(job, &CountJob::finished, this, [this, card] {
        if (card == m_selected)
            refreshDetails();
        const auto result = card->job()->result();
        statusBar()->showMessage(
            result ? ProgressFormat::summaryLine(*result)
                   : tr("%1: %2").arg(JobCard::titleFor(card->job()->spec()), card->stateText()));
        updateJobActions();
        recordJob(card);
    });
    insertCard(card);
    // Recorded as interrupted until it ends, so that a crash or a logout leaves it so too.
    recordJob(card);
}

void MainWindow::recordJob(JobCard *card)
{
    const CountJob *job = card->job();
    // A stream (standard input) cannot be read again: nothing to show or retry next time.
    if (!job || job->spec().inputStream >= 0 || m_closing)
        return;
    JobRecord record;
    if (card->historyId().isEmpty())
        card->setHistoryId(QUuid::createUuid().toString(QUuid::WithoutBraces));
    else if (std::optional<JobRecord> kept = m_history.find(card->historyId()))
        record = *kept; // keeps where its counts were exported
    else
        return; // pushed out of the history by newer jobs, or the history was unreadable
    record.id = card->historyId();
    record.when = QDateTime::currentDateTimeUtc();
    record.spec = job->spec();
    record.state = JobRecord::Interrupted;
    if (job->isFinished()) {
        switch (job->state()) {
        case CountJob::Done:
            record.state = JobRecord::Done;
            break;
        case CountJob::Failed:
            record.state = JobRecord::Failed;
            record.errorText = job->errorString();
            break;
        default:
            record.state = JobRecord::Cancelled;
            break;
        }
    }
    if (const auto result = job->result())
        record.totals = result->totals;
    else
        record.totals.filesSkipped = job->progress().filesSkipped;
    m_history.put(record);
    saveHistory();
}

void MainWindow::recordOpened(JobCard *card)
{
    if (m_closing)
        return;
    JobRecord record;
    record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    card->setHistoryId(record.id);
    record.when = QDateTime::currentDateTimeUtc();
    record.kind = JobRecord::OpenedResults;
    record.state = JobRecord::Done;
    record.spec.paths = card->openedPaths();
    record.totals = card->openedResult()->totals;
    m_history.put(record);
    saveHistory();
}

void MainWindow::saveHistory()
{
    QString error;
    if (!m_history.save(&error)) {
        statusBar()->showMessage(tr("The job history could not be saved: %1").arg(error));
        qWarning("Job history %s not saved: %s", qPrintable(m_history.path()), qPrintable(error));
    }
}

void MainWindow::restoreHistory()
{
    QString error;
    if (!m_history.load(&error)) {
        // Set aside, not overwritten by the next save: it may still be worth reading by hand.
        const QString path = m_history.path();
        QFile::remove(path + QStringLiteral(".bad"));
        QFile::rename(path, path + QStringLiteral(".bad"));
        qWarning("Job history %s not read: %s", qPrintable(path), qPrintable(error));
        statusBar()->showMessage(tr("The job history could not be read; it starts again empty"));
        return;
    }
    for (const JobRecord &record : m_history.records())
        insertCard(new JobCard(record, m_jobsArea->widget()));
}

void MainWindow::selectCard(JobCard *card)
{
    if (m_selected == card)
        return;
    if (m_selected)
        m_selected->setSelected(false);
    m_selected = card;
    if (card) {
        card->setSelected(true);
        // Keyboard selection (Alt+Up/Down) moves the focus too, so Esc acts on the card shown.
        if (m_jobsArea->isAncestorOf(QApplication::focusWidget()))
            card->setFocus(Qt::OtherFocusReason);
        // The card the details and shortcuts act on is shown whole, not half under the edge
        // (a click on a card's visible part, Alt+Up/Down, a new job).
        QTimer::singleShot(0, card, [this, card] {
            m_jobsArea->ensureWidgetVisible(card, 0, m_jobsLayout->spacing());
        });
    }
    refreshDetails();
    updateJobActions();
}

void MainWindow::refreshDetails()
{
    refreshFiles();
    showResults();
    m_workers->setJob(m_selected ? m_selected->job() : nullptr);
    const bool active = m_selected && m_selected->job() && !m_selected->job()->isFinished();
    if (active)
        m_filesTimer->start();
    else
        m_filesTimer->stop();
}

void MainWindow::refreshFiles()
{
    CountJob *job = m_selected ? m_selected->job() : nullptr;
    updateFilesTabTitle();
    // An opened result lists the result files it was merged from.
    const auto opened = m_selected ? m_selected->openedResult() : nullptr;
    const QList<FileReport> reports
        = job ? job->fileReports() : (opened ? opened->files : QList<FileReport>());
    const bool newRows = m_files->setReports(reports, job ? job->state() : CountJob::Done);
    if (newRows || (job && job->isFinished()))
        fitFileColumns(newRows);
}

void MainWindow::fitFileColumns(bool newRows)
{
    // As wide as their content. New rows (another job) start afresh; otherwise a column only
    // grows, so that a width set by hand stays unless text would be cut. When they do not all
    // fit beside the names, the Folder and Encoding columns give way first (a folder is elided
    // in the middle, its tooltip has it whole): a state must never read "skippe…", and the File
    // column, which takes the rest, must keep room for the names.
    QHeaderView *header = m_filesView->horizontalHeader();
    const auto *view = static_cast<const QAbstractItemView *>(m_filesView);
    const int viewport = m_filesView->viewport()->width();
    const int narrowest = header->fontMetrics().averageCharWidth() * 8;
    QList<int> wanted(m_files->columnCount(), 0);
    int total = 0;
    for (int column = 0; column < m_files->columnCount(); ++column) {
        if (column == FileListModel::NameColumn)
            continue;
        wanted[column]
            = std::min(std::max(header->sectionSizeHint(column), view->sizeHintForColumn(column)),
                       std::max(narrowest, viewport / 2));
        total += wanted[column];
    }
    const int names = std::min(view->sizeHintForColumn(FileListModel::NameColumn), viewport / 3);
    int overflow = total + names - viewport;
    for (int column : {int(FileListModel::FolderColumn), int(FileListModel::EncodingColumn)}) {
        if (overflow <= 0)
            break;
        const int given = std::min(overflow, std::max(0, wanted[column] - narrowest));
        wanted[column] -= given;
        overflow -= given;
    }
    for (int column = 0; column < m_files->columnCount(); ++column) {
        if (column != FileListModel::NameColumn
            && (newRows || header->sectionSize(column) < wanted[column]))
            header->resizeSection(column, wanted[column]);
    }
}

void MainWindow::updateFilesTabTitle()
{
    CountJob *job = m_selected ? m_selected->job() : nullptr;
    const auto opened = m_selected ? m_selected->openedResult() : nullptr;
    const int problems
        = job ? int(job->progress().filesSkipped) : (opened ? int(opened->totals.filesSkipped) : 0);
    m_tabs->setTabText(0,
                       problems ? ProgressFormat::withCount(
                           tr("Fi&les (%n problem(s))", nullptr, problems), problems)
                                : tr("Fi&les"));
}

void MainWindow::showResults()
{
    if (m_selected && m_selected->openedResult())
        m_explorer->setResult(m_selected->openedResult(), m_selected->title());
    else
        m_explorer->setJob(m_selected ? m_selected->job() : nullptr);
}

ResultsModel *MainWindow::resultsModel() const
{
    return m_explorer->model();
}
QTableView *MainWindow::resultsView() const
{
    return m_explorer->view();
}

namespace {

// The same result files, however they were named ("./a.tsv", a second pick in another order).
bool sameFiles(const QStringList &a, const QStringList &b)
{
    const auto key = [](const QStringList &paths) {
        QStringList absolute;
        for (const QString &path : paths)
            absolute << QFileInfo(path).absoluteFilePath();
        absolute.sort();
        absolute.removeDuplicates();
        return absolute;
    };
    return !a.isEmpty() && key(a) == key(b);
}

} // namespace

JobCard *MainWindow::openedCardFor(const QStringList &paths, bool restored) const
{
    for (JobCard *card : m_cards) {
        if (bool(card->record()) == restored && sameFiles(card->openedPaths(), paths))
            return card;
    }
    return nullptr;
}

void MainWindow::openResults(const QStringList &paths)
{
    if (paths.isEmpty() || m_openResults.isRunning())
        return;
    // Opened already: its card is selected, not made twice.
    if (JobCard *card = openedCardFor(paths, false)) {
        selectCard(card);
        m_tabs->setCurrentWidget(m_explorer);
        statusBar()->showMessage(tr("Already open: %1").arg(card->title()), 5000);
        // Follows the call, as it does when files are read.
        QTimer::singleShot(0, this, [this] { Q_EMIT resultsOpened(true); });
        return;
    }
    // Millions of rows take a second to read and sort: not on the GUI thread.
    m_openPaths = paths;
    statusBar()->showMessage(ProgressFormat::withCount(
        tr("Reading %n result file(s)…", nullptr, int(paths.size())), paths.size()));
    m_openResults.setFuture(m_openTask.start(paths));
}

void MainWindow::showOpenedResults()
{
    if (m_openResults.isCanceled())
        return;
    const ResultMergeTask::Outcome outcome = m_openResults.result();
    const std::shared_ptr<CountResult> &result = outcome.result;
    if (!outcome.errors.isEmpty())
        QMessageBox::warning(this, tr("Open Results"), outcome.errors.join(QLatin1Char('\n')));
    if (result) {
        // A card of its own, so that the result can be selected again after another card was.
        JobSpec opened;
        opened.paths = m_openPaths;
        // Opened in an earlier session: the card read now takes the place of that one.
        if (JobCard *earlier = openedCardFor(m_openPaths, true))
            removeCard(earlier);
        auto *card
            = new JobCard(result, JobCard::titleFor(opened), m_openPaths, m_jobsArea->widget());
        insertCard(card);
        recordOpened(card);
        m_tabs->setCurrentWidget(m_explorer);
        statusBar()->showMessage(ProgressFormat::withCount(
            tr("Opened %n result file(s)", nullptr, int(m_openPaths.size())), m_openPaths.size()));
    } else {
        statusBar()->clearMessage();
    }
    Q_EMIT resultsOpened(bool(result));
}

void MainWindow::chooseResultFiles()
{
    const QStringList paths
        = QFileDialog::getOpenFileNames(this, tr("Open Results"), QString(),
                                        tr("WordMill results (*.tsv *.csv *.json);;All files (*)"));
    openResults(paths);
}

void MainWindow::openFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open Text Files"), QString(),
        tr("Text files (*.txt *.text *.log *.csv *.tsv *.md *.srt *.vtt);;All files (*)"));
    addInputs(paths);
}

void MainWindow::openFolder()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Folder"));
    if (!path.isEmpty())
        addInputs({path});
}

void MainWindow::trySample()
{
    const QList<qint64> sizes
        = {qint64(10) << 20, qint64(100) << 20, qint64(1) << 30, qint64(5) << 30, qint64(10) << 30};
    QStringList items;
    for (qint64 size : sizes)
        items << ProgressFormat::bytes(size);
    bool ok = false;
    const QString choice = QInputDialog::getItem(
        this, tr("Try a Sample"),
        tr("Generated text (Spanish and English words) is counted as it is made; nothing is "
           "written to disk.\nSize:"),
        items, 2, false, &ok);
    if (ok)
        startSample(sizes.at(items.indexOf(choice)));
}

void MainWindow::addRecent(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        m_recent.removeAll(absolute);
        m_recent.prepend(absolute);
    }
    while (m_recent.size() > MaxRecent)
        m_recent.removeLast();
    rebuildRecentMenu();
    writeOptions();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : std::as_const(m_recent)) {
        // Elided in the middle: a 230-character name must not make a menu as wide as the screen.
        // Quoted as the cards and the Files tab quote names: a byte that is not UTF-8 ('caf\351')
        // shows as its escape, not as a box.
        QString name
            = fontMetrics().elidedText(LocalPath::quoted(LocalPath::fileName(path)),
                                       Qt::ElideMiddle, fontMetrics().averageCharWidth() * 50);
        QAction *action
            = m_recentMenu->addAction(name.replace(QLatin1Char('&'), QStringLiteral("&&")));
        action->setToolTip(LocalPath::quoted(path));
        action->setStatusTip(LocalPath::quoted(path));
        connect(action, &QAction::triggered, this, [this, path] { addInputs({path}); });
    }
    m_recentMenu->setEnabled(!m_recent.isEmpty());
}

void MainWindow::fitToScreen()
{
    // A size saved on a larger screen, or the default at 200 % scale, may not fit this one.
    const QScreen *shown = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!shown)
        return;
    const QRect available = shown->availableGeometry();
    const QSize frame = frameGeometry().size() - geometry().size();
    const QSize room = available.size() - frame;
    if (width() <= room.width() && height() <= room.height())
        return;
    resize(qMin(width(), room.width()), qMin(height(), room.height()));
    move(available.topLeft() + QPoint(frame.width() / 2, frame.height() - frame.width() / 2));
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1100, 720);
    fitToScreen();
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (auto *split = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        split->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    if (auto *split = findChild<QSplitter *>(QStringLiteral("rightSplitter")))
        split->restoreState(settings.value(QStringLiteral("window/rightSplitter")).toByteArray());
    m_options->setWorkers(
        settings.value(QStringLiteral("options/workers"), m_options->spec().workers).toInt());
    CountingMode mode = CountingMode::Words;
    parseCountingMode(settings.value(QStringLiteral("options/mode")).toString(), &mode);
    m_options->setMode(mode);
    m_options->setChunkSize(
        settings.value(QStringLiteral("options/chunkSize"), JobSpec::DefaultChunkSize)
            .toLongLong());
    // As bytes: the INI file is UTF-8, where a name that is not (U+DC80 to U+DCFF in the
    // string, see LocalPath) was written as '?' and came back as another name. Strings from
    // before the bytes are read when there are no bytes.
    const QVariantList native = settings.value(QStringLiteral("recentNative")).toList();
    m_recent.clear();
    for (const QVariant &bytes : native)
        m_recent << LocalPath::fromNative(bytes.toByteArray());
    if (native.isEmpty())
        m_recent = settings.value(QStringLiteral("recent")).toStringList();
    rebuildRecentMenu();
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    writeSplitters();
    writeOptions();
}

void MainWindow::writeSplitters() const
{
    QSettings settings;
    if (auto *split = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        settings.setValue(QStringLiteral("window/mainSplitter"), split->saveState());
    if (auto *split = findChild<QSplitter *>(QStringLiteral("rightSplitter")))
        settings.setValue(QStringLiteral("window/rightSplitter"), split->saveState());
}

void MainWindow::writeOptions() const
{
    QSettings settings;
    const JobSpec spec = m_options->spec();
    settings.setValue(QStringLiteral("options/workers"), spec.workers);
    settings.setValue(QStringLiteral("options/mode"), countingModeName(spec.mode));
    settings.setValue(QStringLiteral("options/chunkSize"), spec.chunkSize);
    QVariantList native;
    for (const QString &path : m_recent)
        native << LocalPath::toNative(path);
    settings.setValue(QStringLiteral("recentNative"), native);
    settings.remove(QStringLiteral("recent"));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_queue->hasActiveJobs()) {
        const ResumeController::CloseAnswer answer = m_resume->askToClose();
        if (answer == ResumeController::DontQuit) {
            event->ignore();
            return;
        }
        // Workers stop at their next checkpoint; the jobs are destroyed with the window. They
        // stay "interrupted" in the history: they did not end, the session did.
        m_closing = true;
        if (answer == ResumeController::KeepForLater) {
            m_resume->keepActiveJobsForLater(); // offered again at the next start
        } else {
            m_resume->discardActiveJobs();
            m_queue->cancelAll();
        }
    }
    writeSettings();
    event->accept();
}

void MainWindow::stopJobsAndQuit()
{
    m_closing = true;
    m_queue->cancelAll();
    writeSettings();
    // Leaves every event loop, a dialog's too. Not quit(): in Qt 6 it closes the windows
    // first, and the window's close event would ask whether to stop the jobs, with nobody there.
    QCoreApplication::exit(0);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        // Not toLocalFile(): it decodes %E9 of a Latin-1 name to U+FFFD, and the name is lost.
        if (url.isLocalFile())
            paths << LocalPath::fromNative(
                QByteArray::fromPercentEncoding(url.path(QUrl::FullyEncoded).toLatin1()));
    }
    // Result files open in the explorer; texts, folders and the rest join the next job.
    const ResultFileDetector::Split split = ResultFileDetector::split(paths);
    if (!split.results.isEmpty())
        openResults(split.results);
    addInputs(split.texts);
    event->acceptProposedAction();
}
