// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/jobcard.h"

#include "core/format/progressformat.h"
#include "ui/explorer/contextmenukey.h"
#include "ui/monitor/elidedlabel.h"
#include "ui/monitor/progressscale.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr qint64 SpeedWindowMs = 3000;

// The final sort's pace on this machine, ns per ProgressFormat::sortSteps(), from the last job
// whose sort was long enough to measure; negative until then (the calibrated default). Shared by
// every card: it is the machine's pace, not a job's.
double g_sortNsPerStep = -1;
constexpr qint64 MeasurableSortWords = 1 << 16;

QString seconds(qint64 ms)
{
    return ms < 60000 ? JobCard::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1))
                      : ProgressFormat::duration(ms);
}

} // namespace

JobCard::JobCard(CountJob *job, QWidget *parent)
    : QFrame(parent)
    , m_job(job)
{
    createWidgets();
    m_title->setToolTip(job->spec().paths.join(QLatin1Char('\n')));
    connect(m_pauseButton, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->setPaused(!m_job->isPaused());
    });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    connect(job, &CountJob::progressChanged, this, &JobCard::updateProgress);
    connect(job, &CountJob::stateChanged, this, &JobCard::updateState);
    connect(job, &CountJob::pausedChanged, this, [this] {
        // Time spent paused is neither slow progress nor a stall.
        m_samples.clear();
        m_lastMoveMs = m_last.workingMs;
        updateState();
    });
    connect(job, &CountJob::cancellingChanged, this, &JobCard::updateState);
    connect(job, &CountJob::finished, this, &JobCard::updateFinished);
    m_paceTimer = new QTimer(this);
    m_paceTimer->setInterval(100);
    connect(m_paceTimer, &QTimer::timeout, this, &JobCard::updateSortBar);
    updateState();
    updateProgress(job->progress());
}

JobCard::JobCard(std::shared_ptr<const CountResult> result, const QString &title,
                 const QStringList &paths, QWidget *parent)
    : QFrame(parent)
    , m_opened(std::move(result))
    , m_openedTitle(title)
    , m_openedPaths(paths)
{
    createWidgets();
    QStringList read;
    for (const FileReport &file : m_opened->files)
        read << file.path();
    m_title->setToolTip(read.join(QLatin1Char('\n')));
    hideRunControls(); // nothing runs
    updateEndButtons();
    updateOpened();
}

JobCard::JobCard(const JobRecord &record, QWidget *parent)
    : QFrame(parent)
    , m_record(record)
    , m_historyId(record.id)
{
    createWidgets();
    m_title->setToolTip(record.spec.paths.join(QLatin1Char('\n')));
    hideRunControls(); // its work is over; it can run again
    m_earlier->show();
    updateEndButtons();
    updateRecord();
}

void JobCard::hideRunControls()
{
    // A card with no job under way: no bars to fill, nothing to pause or cancel.
    for (QWidget *w : findChildren<QWidget *>()) {
        if (w->property("phaseRow").toBool())
            w->hide();
    }
    m_pauseButton->setEnabled(false);
    m_pauseButton->hide();
    m_cancelButton->setEnabled(false);
    m_cancelButton->hide();
}

void JobCard::createWidgets()
{
    setObjectName(QStringLiteral("jobCard"));
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_title = new ElidedLabel(QString(), this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("jobState"));
    m_state->setFont(bold);

    m_problems = new QPushButton(this);
    m_problems->setObjectName(QStringLiteral("problemsButton"));
    m_problems->setFlat(true);
    m_problems->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_problems->hide();

    m_pauseButton = new QPushButton(this);
    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    m_pauseButton->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));
    m_retryButton = new QPushButton(this);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_retryButton->hide();
    m_openButton = new QPushButton(this);
    m_openButton->setObjectName(QStringLiteral("openResultButton"));
    m_openButton->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_openButton->hide();
    // Shown only once nothing runs: a running job is stopped by Cancel, never by removing it.
    m_removeButton = new QToolButton(this);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setAutoRaise(true);
    m_removeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_removeButton->hide();

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_problems);
    header->addWidget(m_state);
    header->addSpacing(8);
    header->addWidget(m_pauseButton);
    header->addWidget(m_cancelButton);
    header->addWidget(m_retryButton);
    header->addWidget(m_openButton);
    header->addWidget(m_removeButton);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(3);
    const char *objectNames[PhaseCount] = {"scanBar", "mapBar", "reduceBar", "finalizeBar"};
    QLabel *labels[PhaseCount] = {};
    for (int i = 0; i < PhaseCount; ++i) {
        auto *label = labels[i] = new QLabel(this);
        m_bars[i] = new QProgressBar(this);
        m_bars[i]->setObjectName(QLatin1String(objectNames[i]));
        m_bars[i]->setRange(0, ProgressScale::Steps);
        m_bars[i]->setValue(0);
        m_bars[i]->setTextVisible(false);
        m_bars[i]->setMaximumHeight(m_bars[i]->fontMetrics().height());
        label->setBuddy(m_bars[i]);
        m_barTexts[i] = new QLabel(this);
        m_barTexts[i]->setObjectName(QLatin1String(objectNames[i]) + QLatin1String("Text"));
        for (QWidget *w : {static_cast<QWidget *>(label), static_cast<QWidget *>(m_bars[i]),
                           static_cast<QWidget *>(m_barTexts[i])})
            w->setProperty("phaseRow", true); // hidden on an opened result's card
        m_barTexts[i]->setMinimumWidth(
            m_barTexts[i]->fontMetrics().horizontalAdvance(QStringLiteral("99.9 GiB of 99.9 GiB")));
        QPalette muted = m_barTexts[i]->palette();
        muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        m_barTexts[i]->setPalette(muted);
        grid->addWidget(label, i, 0);
        grid->addWidget(m_bars[i], i, 1);
        grid->addWidget(m_barTexts[i], i, 2);
    }
    grid->setColumnStretch(1, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("jobStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->installEventFilter(this);

    // The file being read, when the job has several: the title names the first input only.
    m_reading = new ElidedLabel(this);
    m_reading->setObjectName(QStringLiteral("jobReading"));
    QPalette muted = m_reading->palette();
    muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_reading->setPalette(muted);
    m_reading->hide();

    // When an earlier session's job ran, and its problems: it has no file list to show them.
    m_earlier = new ElidedLabel(this);
    m_earlier->setObjectName(QStringLiteral("jobEarlier"));
    m_earlier->setPalette(muted);
    m_earlier->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addLayout(grid);
    layout->addWidget(m_status);
    layout->addWidget(m_reading);
    layout->addWidget(m_earlier);

    m_texts.add([this, labels] {
        m_title->setText(title());
        setAccessibleName(tr("Job: %1").arg(m_title->text()));
        m_problems->setAccessibleName(tr("Show problem files"));
        m_pauseButton->setAccessibleName(tr("Pause or resume this job"));
        m_cancelButton->setText(tr("Cancel"));
        m_cancelButton->setAccessibleName(tr("Cancel this job"));
        m_cancelButton->setToolTip(tr("Cancel this job (Esc)"));
        m_retryButton->setText(tr("Retry"));
        m_retryButton->setAccessibleName(tr("Run this job again"));
        m_retryButton->setToolTip(tr("Run this job again with the same inputs and options"));
        m_openButton->setText(tr("Open Counts"));
        m_openButton->setToolTip(tr("Open the counts this job saved to a file"));
        m_removeButton->setAccessibleName(tr("Remove this job"));
        m_removeButton->setToolTip(tr("Remove this job and free its results (Del)"));
        const QString names[PhaseCount] = {tr("Scan"), tr("Count"), tr("Merge"), tr("Sort")};
        for (int i = 0; i < PhaseCount; ++i) {
            labels[i]->setText(names[i]);
            m_bars[i]->setAccessibleName(tr("%1 progress").arg(names[i]));
        }
    });
    connect(m_problems, &QPushButton::clicked, this, [this] { Q_EMIT problemsClicked(this); });
    connect(m_retryButton, &QPushButton::clicked, this, [this] { Q_EMIT retryRequested(this); });
    connect(m_removeButton, &QToolButton::clicked, this, [this] { Q_EMIT removeRequested(this); });
    connect(m_openButton, &QPushButton::clicked, this,
            [this] { Q_EMIT openResultRequested(this); });
}

void JobCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_texts.retranslate();
        if (m_opened)
            updateOpened();
        if (m_record)
            updateRecord();
        if (m_job) { // the state, bars and status line are written anew in the new language
            updateProgress(m_last);
            if (m_job->isFinished())
                updateFinished();
            else
                updateState();
        }
    }
    QFrame::changeEvent(event);
}

QString JobCard::titleFor(const JobSpec &spec)
{
    QStringList names;
    if (spec.sampleBytes > 0)
        names << ProgressFormat::sampleName(spec.sampleBytes);
    for (const QString &path : spec.paths) {
        const QFileInfo info(QDir::cleanPath(path)); // a dropped folder may end with '/'
        names << (info.fileName().isEmpty() ? path : info.fileName());
    }
    if (names.isEmpty())
        return tr("Nothing to count");
    if (names.size() == 1)
        return names.first();
    return tr("%1 and %n more", nullptr, int(names.size() - 1)).arg(names.first());
}

QString JobCard::title() const
{
    if (m_opened)
        return m_openedTitle;
    return titleFor(retrySpec());
}

JobSpec JobCard::retrySpec() const
{
    if (m_record)
        return m_record->spec;
    return m_job ? m_job->spec() : JobSpec();
}

QStringList JobCard::openedPaths() const
{
    if (m_record)
        return m_record->kind == JobRecord::OpenedResults ? m_record->spec.paths : QStringList();
    return m_openedPaths;
}

void JobCard::updateRecord()
{
    const JobRecord &r = *m_record;
    QString state;
    QColor color = QColor(0xc0, 0x39, 0x2b);
    if (r.kind == JobRecord::OpenedResults) {
        // As it was shown when opened: files merged and words, and when.
        m_state->setText(tr("Opened"));
        m_state->setAccessibleName(tr("State: %1").arg(m_state->text()));
        showOpenedSummary(r.totals);
        m_openButton->setToolTip(tr("Open these result files again"));
        m_earlier->setText(
            tr("From an earlier session, %1")
                .arg(QLocale().toString(r.when.toLocalTime(), QLocale::ShortFormat)));
        return;
    }
    switch (r.state) {
    case JobRecord::Done:
        state = ProgressFormat::stateName(CountJob::Done);
        color = QColor(0x1b, 0x8a, 0x2f);
        break;
    case JobRecord::Cancelled:
        state = ProgressFormat::stateName(CountJob::Cancelled);
        break;
    case JobRecord::Failed:
        state = ProgressFormat::stateName(CountJob::Failed);
        break;
    case JobRecord::Interrupted:
        state = tr("Interrupted");
        color = QColor(0xb3, 0x6b, 0x00);
        break;
    }
    QPalette pal = m_state->palette();
    pal.setColor(QPalette::WindowText, color);
    m_state->setPalette(pal);
    m_state->setText(state);
    m_state->setAccessibleName(tr("State: %1").arg(state));

    switch (r.state) {
    case JobRecord::Done: {
        // The summary the status bar gave when the job ended, from the figures kept.
        CountResult summary;
        summary.totals = r.totals;
        m_status->setText(ProgressFormat::summaryLine(summary));
        break;
    }
    case JobRecord::Cancelled:
        m_status->setText(tr("Cancelled: no counts"));
        break;
    case JobRecord::Failed:
        m_status->setText(r.errorText);
        break;
    case JobRecord::Interrupted:
        m_status->setText(tr("WordMill quit before this job ended: no counts"));
        break;
    }
    const QString when = QLocale().toString(r.when.toLocalTime(), QLocale::ShortFormat);
    QString earlier = tr("From an earlier session, %1").arg(when);
    if (r.totals.filesSkipped > 0)
        earlier += QStringLiteral(" · ")
            + ProgressFormat::withCount(
                       tr("%n file(s) could not be counted", nullptr, int(r.totals.filesSkipped)),
                       r.totals.filesSkipped);
    m_earlier->setText(earlier);
    m_earlier->setToolTip(r.resultPath.isEmpty() ? QString()
                                                 : tr("Counts saved to %1").arg(r.resultPath));
}

void JobCard::updateOpened()
{
    // Files merged and words: read from result files, the size and speed of the counting that
    // made them are not known, so the card does not pretend to ("0 B · 0:00 · 0.0 MB/s").
    m_state->setText(tr("Opened"));
    m_state->setAccessibleName(tr("State: %1").arg(m_state->text()));
    showOpenedSummary(m_opened->totals);
}

void JobCard::showOpenedSummary(const CountTotals &t)
{
    QStringList parts;
    parts << ProgressFormat::withCount(tr("%n result file(s) merged", nullptr, int(t.filesCounted)),
                                       t.filesCounted)
          << tr("%1 words").arg(ProgressFormat::count(t.words))
          << tr("%1 distinct").arg(ProgressFormat::count(t.distinctWords));
    if (t.filesSkipped > 0) {
        parts << ProgressFormat::withCount(
            tr("%n file(s) could not be read", nullptr, int(t.filesSkipped)), t.filesSkipped);
        m_problems->setText(ProgressFormat::withCount(
            tr("%n problem(s)", nullptr, int(t.filesSkipped)), t.filesSkipped));
        m_problems->show();
    }
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

QWidget *JobCard::titleLabel() const
{
    return m_title;
}

void JobCard::setSelected(bool selected)
{
    m_selected = selected;
    // A tint of the selection colour, as item views draw a selected row: a selected card must
    // look chosen, never dimmer than the others.
    QPalette pal = palette();
    const QColor base = QApplication::palette(this).color(QPalette::Base);
    const QColor highlight = QApplication::palette(this).color(QPalette::Highlight);
    pal.setColor(QPalette::Base,
                 selected ? QColor::fromRgbF(base.redF() * 0.8f + highlight.redF() * 0.2f,
                                             base.greenF() * 0.8f + highlight.greenF() * 0.2f,
                                             base.blueF() * 0.8f + highlight.blueF() * 0.2f)
                          : base);
    setPalette(pal);
    setBackgroundRole(QPalette::Base);
    update();
}

void JobCard::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    if (!m_selected)
        return;
    QPainter painter(this);
    QPen pen(palette().color(QPalette::Highlight), hasFocus() ? 3 : 2);
    pen.setJoinStyle(Qt::MiterJoin);
    painter.setPen(pen);
    const int inset = int(pen.width()) / 2;
    painter.drawRect(rect().adjusted(inset, inset, -inset - 1, -inset - 1));
}

void JobCard::contextMenuEvent(QContextMenuEvent *event)
{
    Q_EMIT clicked(this); // the menu acts on this card: it becomes the selected one
    QMenu menu;
    QAction *pause = nullptr;
    QAction *cancel = nullptr;
    QAction *stopAndKeep = nullptr;
    QAction *retry = nullptr;
    if (m_job) {
        pause = menu.addAction(m_pauseButton->text());
        pause->setEnabled(m_pauseButton->isEnabled());
        cancel = menu.addAction(m_cancelButton->text());
        cancel->setEnabled(m_cancelButton->isEnabled());
        stopAndKeep = menu.addAction(tr("Stop and Keep"));
        stopAndKeep->setToolTip(
            tr("End the job, keeping the counts of the files counted completely"));
        stopAndKeep->setEnabled(m_job->state() == CountJob::Counting
                                || m_job->state() == CountJob::Merging);
        retry = menu.addAction(m_retryButton->text());
        retry->setEnabled(isRetryable());
        menu.addSeparator();
    } else if (isRetryable()) {
        retry = menu.addAction(m_retryButton->text());
    }
    QAction *open = nullptr;
    if (m_openButton->isVisible())
        open = menu.addAction(m_openButton->text());
    if (m_record)
        menu.addSeparator();
    QAction *up = nullptr;
    QAction *down = nullptr;
    QAction *hold = nullptr;
    if (isQueued()) {
        up = menu.addAction(tr("Start Sooner"));
        down = menu.addAction(tr("Start Later"));
        hold = menu.addAction(m_held ? tr("Release") : tr("Hold"));
        menu.addSeparator();
    }
    QAction *remove = menu.addAction(tr("Remove"));
    remove->setEnabled(isRemovable());
    // Acted on once the menu is closed: removing the card inside the menu's own event loop
    // could destroy the card under this function.
    QAction *chosen = menu.exec(event->globalPos());
    if (!chosen)
        return;
    if (chosen == pause)
        m_pauseButton->click();
    else if (chosen == cancel)
        m_cancelButton->click();
    else if (chosen == stopAndKeep && m_job)
        m_job->stopAndKeep();
    else if (chosen == retry)
        Q_EMIT retryRequested(this);
    else if (chosen == open)
        Q_EMIT openResultRequested(this);
    else if (chosen == remove)
        Q_EMIT removeRequested(this);
    else if (chosen == up)
        Q_EMIT moveRequested(this, -1);
    else if (chosen == down)
        Q_EMIT moveRequested(this, 1);
    else if (chosen == hold)
        Q_EMIT holdRequested(this, !m_held);
}

void JobCard::keyPressEvent(QKeyEvent *event)
{
    // Shift+F10 opens the card's menu as the Menu key does (Qt turns only the Menu key into a
    // context menu event), as the results table's and the charts' menus open.
    if (ContextMenuKey::opensMenu(event)) {
        const QPoint at(width() / 2, height() / 2);
        QContextMenuEvent menu(QContextMenuEvent::Keyboard, at, mapToGlobal(at));
        contextMenuEvent(&menu);
        event->accept();
        return;
    }
    QFrame::keyPressEvent(event);
}

bool JobCard::isRemovable() const
{
    return !m_job || m_job->isFinished();
}

bool JobCard::isQueued() const
{
    return m_job && m_job->state() == CountJob::Queued && !m_job->isFinished();
}

void JobCard::setHeld(bool held)
{
    m_held = held;
    if (m_job)
        updateStateLabel();
}

bool JobCard::isRetryable() const
{
    if (m_record) // an earlier job runs again; opened results are opened again instead
        return m_record->kind == JobRecord::CountedTexts;
    return m_job && (m_job->state() == CountJob::Cancelled || m_job->state() == CountJob::Failed);
}

void JobCard::updateEndButtons()
{
    // Once the job has ended, Pause and Cancel give their room to what can still be done.
    const bool ended = isRemovable();
    if (m_job) {
        m_pauseButton->setVisible(!ended);
        m_cancelButton->setVisible(!ended);
    }
    m_retryButton->setVisible(isRetryable());
    // Checked when the card is made: a file deleted since then is refused by Open Results.
    // Opened results open again only whole: some of their files would make other counts.
    bool openable
        = m_record && !m_record->resultPath.isEmpty() && QFileInfo::exists(m_record->resultPath);
    if (m_record && m_record->kind == JobRecord::OpenedResults) {
        openable = !m_record->spec.paths.isEmpty()
            && std::all_of(m_record->spec.paths.cbegin(), m_record->spec.paths.cend(),
                           [](const QString &path) { return QFileInfo::exists(path); });
    }
    m_openButton->setVisible(openable);
    m_removeButton->setVisible(ended);
}

void JobCard::focusInEvent(QFocusEvent *event)
{
    QFrame::focusInEvent(event);
    update();
}

void JobCard::focusOutEvent(QFocusEvent *event)
{
    QFrame::focusOutEvent(event);
    update();
}

void JobCard::mousePressEvent(QMouseEvent *event)
{
    QFrame::mousePressEvent(event);
    Q_EMIT clicked(this);
}

bool JobCard::eventFilter(QObject *watched, QEvent *event)
{
    // The title and status line keep their text selectable, so they take the press for
    // themselves: a press on them selects the card all the same.
    if (event->type() == QEvent::MouseButtonPress) {
        setFocus(Qt::MouseFocusReason);
        Q_EMIT clicked(this);
    }
    return QFrame::eventFilter(watched, event);
}

QString JobCard::statusText() const
{
    return m_status->text();
}
QString JobCard::stateText() const
{
    return m_state->text();
}

double JobCard::recentSpeed() const
{
    if (m_samples.size() < 2)
        return ProgressFormat::mapSpeed(m_last);
    const auto &[t0, b0] = m_samples.front();
    const auto &[t1, b1] = m_samples.back();
    return t1 > t0 ? double(b1 - b0) * 1000.0 / double(t1 - t0) : 0.0;
}

void JobCard::updateProgress(const JobProgress &p)
{
    if (!m_job)
        return;
    // Working time, not wall time: time spent paused is neither slow progress nor a stall.
    const qint64 now = p.workingMs;
    // What moves in the phase under way: files and bytes found while scanning (a scan hangs on
    // a file whose first bytes do not come), bytes counted after. A new phase is a move too.
    const CountJob::State phase = m_job->state();
    const qint64 amount = phase == CountJob::Scanning ? p.scan.done + p.bytesPlanned : p.map.done;
    if (amount != m_lastAmount || phase != m_lastPhase) {
        m_lastMoveMs = now;
        m_lastAmount = amount;
        m_lastPhase = phase;
    }
    m_samples.emplace_back(now, p.map.done);
    if (phase == CountJob::Counting && p.distinctSoFar > 0) {
        if (m_firstWords.first <= 0)
            m_firstWords = {p.map.done, p.distinctSoFar};
        const double growth = ProgressFormat::vocabularyGrowth(
            m_firstWords.first, m_firstWords.second, p.map.done, p.distinctSoFar);
        if (growth >= 0)
            m_vocabularyGrowth = growth;
    }
    while (m_samples.size() > 2 && m_samples.front().first < now - SpeedWindowMs)
        m_samples.pop_front();
    m_last = p;

    const CountJob::State state = m_job->state();
    // Scan: busy until it is over, since the amount to find is unknown.
    QProgressBar *scan = m_bars[Scan];
    if (p.scan.finished || m_job->isFinished()) {
        scan->setRange(0, ProgressScale::Steps);
        scan->setValue(p.scan.finished ? ProgressScale::Steps : 0);
    } else if (p.scan.started) {
        scan->setRange(0, 0);
    }
    m_barTexts[Scan]->setText(
        p.scan.started ? ProgressFormat::withCount(tr("%n file(s), %1", nullptr, int(p.scan.done)),
                                                   p.scan.done)
                             .arg(ProgressFormat::bytes(p.bytesPlanned))
                       : QString());
    m_bars[Map]->setValue(ProgressScale::scaled(p.map.done, p.map.total));
    m_barTexts[Map]->setText(p.map.started ? tr("%1 of %2")
                                                 .arg(ProgressFormat::bytes(p.map.done),
                                                      ProgressFormat::bytes(p.map.total))
                                           : QString());
    // In bytes, as the Count bar: counted in chunks, a folder's small files (a chunk each) and
    // its big ones (many) made the two bars disagree about how far the same work was.
    m_bars[Reduce]->setValue(ProgressScale::scaled(p.bytesMerged, p.map.total));
    m_barTexts[Reduce]->setText(p.reduce.started ? tr("%1 of %2")
                                                       .arg(ProgressFormat::bytes(p.bytesMerged),
                                                            ProgressFormat::bytes(p.map.total))
                                                 : QString());
    if (p.finalize.done != m_sortDone) {
        m_sortDone = p.finalize.done;
        m_sortDoneAtMs = p.finalize.elapsedMs;
    }
    m_sinceReport.start();
    updateSortBar();
    const auto result = m_job->result();
    if (result)
        m_barTexts[Finalize]->setText(
            tr("%1 distinct words")
                .arg(ProgressFormat::count(quint64(result->totals.distinctWords))));
    else if (p.finalize.started && p.finalize.total > 0)
        m_barTexts[Finalize]->setText(tr("%1 %").arg(p.finalize.done * 100 / p.finalize.total));
    else
        m_barTexts[Finalize]->clear();
    if (state == CountJob::Done) { // every phase is over, even those that had nothing to do
        for (QProgressBar *bar : m_bars)
            bar->setValue(ProgressScale::Steps);
    }

    if (p.filesSkipped > 0) {
        m_problems->setText(ProgressFormat::withCount(
            tr("%n problem(s)", nullptr, int(p.filesSkipped)), p.filesSkipped));
        m_problems->setToolTip(ProgressFormat::withCount(
            tr("%n file(s) could not be counted: click to see why", nullptr, int(p.filesSkipped)),
            p.filesSkipped));
        m_problems->show();
    }

    if (!m_job->isFinished())
        updateStatusLine();
    updateReadingLine();
}

void JobCard::updateSortBar()
{
    const JobProgress &p = m_last;
    qint64 now = p.finalize.elapsedMs;
    if (m_job && m_job->state() == CountJob::Sorting && !m_job->isPaused())
        now += m_sinceReport.elapsed();
    m_sortShown = p.finalize.started
        ? ProgressScale::paced(p.finalize.done, p.finalize.total, m_sortDoneAtMs, now, m_sortShown)
        : 0;
    m_bars[Finalize]->setValue(m_sortShown);
}

void JobCard::updateReadingLine()
{
    const bool counting = m_job->state() == CountJob::Counting && m_last.scan.done > 1;
    const FileReport file = counting ? m_job->currentFile() : FileReport();
    const bool shown = !file.nativePath.isEmpty() || file.isSample || file.isStream;
    if (shown) {
        m_reading->setText(tr("Reading %1").arg(ProgressFormat::fileName(file)));
        m_reading->setToolTip(file.path());
    }
    m_reading->setVisible(shown);
}

void JobCard::updateStatusLine()
{
    const JobProgress &p = m_last;
    const CountJob::State state = m_job->state();
    const bool stalled = (state == CountJob::Scanning || state == CountJob::Counting)
        && !m_job->isPaused() && p.workingMs - m_lastMoveMs >= StallMs;
    if (stalled != m_stalled) {
        m_stalled = stalled;
        updateStateLabel();
    }
    ProgressFormat::StatusLineOptions options;
    options.withStateName = false; // the state label beside the bars says it
    options.paused = m_job->isPaused();
    options.stalled = stalled;
    options.bytesPerSecond = recentSpeed();
    options.sortNsPerStep = g_sortNsPerStep;
    options.vocabularyGrowth = m_vocabularyGrowth;
    m_status->setText(ProgressFormat::statusLine(state, p, options));
}

void JobCard::updateState()
{
    if (!m_job)
        return;
    updateStateLabel();
    const CountJob::State state = m_job->state();
    const bool active = !m_job->isFinished() && !m_job->isCancelling();
    m_pauseButton->setEnabled(active && state != CountJob::Queued);
    m_pauseButton->setText(m_job->isPaused() ? tr("Resume") : tr("Pause"));
    m_pauseButton->setIcon(
        style()->standardIcon(m_job->isPaused() ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_cancelButton->setEnabled(active);
    // The Sort bar moves between the sort's steps while it runs (see updateSortBar()).
    const bool sorting = state == CountJob::Sorting && active && !m_job->isPaused();
    if (sorting != m_paceTimer->isActive()) {
        if (sorting)
            m_paceTimer->start();
        else
            m_paceTimer->stop();
    }
    updateEndButtons();
    if (!m_job->isFinished())
        updateStatusLine();
    updateReadingLine();
}

void JobCard::updateStateLabel()
{
    const CountJob::State state = m_job->state();
    QString text = ProgressFormat::stateName(state);
    QColor color = palette().color(QPalette::WindowText);
    if (m_job->isCancelling()) {
        text = tr("Cancelling…");
        color = QColor(0xb3, 0x6b, 0x00);
    } else if (m_held && state == CountJob::Queued) {
        text = tr("Held");
        color = QColor(0xb3, 0x6b, 0x00);
    } else if (m_job->isPaused() && !m_job->isFinished()) {
        text = tr("Paused");
        color = QColor(0xb3, 0x6b, 0x00);
    } else if (state == CountJob::Done && m_job->result() && m_job->result()->partial) {
        text = tr("Done (partial)"); // Stop and keep: the counts of some files only
        color = QColor(0xb3, 0x6b, 0x00);
    } else if (state == CountJob::Done) {
        color = QColor(0x1b, 0x8a, 0x2f);
    } else if (state == CountJob::Cancelled || state == CountJob::Failed) {
        color = QColor(0xc0, 0x39, 0x2b);
    } else if (m_stalled) {
        text = tr("%1 (stalled)").arg(text);
    }
    QPalette pal = m_state->palette();
    pal.setColor(QPalette::WindowText, color);
    m_state->setPalette(pal);
    m_state->setText(text);
    m_state->setAccessibleName(tr("State: %1").arg(text));
}

void JobCard::updateFinished()
{
    updateState();
    if (!m_job)
        return;
    const JobProgress p = m_job->progress();
    updateProgress(p);
    switch (m_job->state()) {
    case CountJob::Done: {
        const auto result = m_job->result();
        const CountTotals &t = result->totals;
        const double speed = double(t.bytes) * 1000.0 / double(std::max<qint64>(1, t.totalMs));
        if (qint64(t.distinctWords) >= MeasurableSortWords && t.finalizeMs > 0)
            g_sortNsPerStep
                = double(t.finalizeMs) * 1e6 / ProgressFormat::sortSteps(qint64(t.distinctWords));
        m_status->setText(tr("%1 in %2 (%3) · scan %4 · count %5 · sort %6")
                              .arg(ProgressFormat::bytes(t.bytes),
                                   ProgressFormat::duration(t.totalMs),
                                   ProgressFormat::speed(speed), seconds(t.scanMs),
                                   seconds(t.countMs), seconds(t.finalizeMs)));
        // The speed above is over the working time; the time spent paused is said apart.
        if (ProgressFormat::showsTimeInAll(t.totalMs, t.wallMs))
            m_status->setText(
                tr("%1 · %2 in all").arg(m_status->text(), ProgressFormat::duration(t.wallMs)));
        if (result->partial) // Stop and keep: say first that these are not all the counts
            m_status->setText(
                ProgressFormat::withCount(tr("Partial: %1 of %n file(s) complete, %2 of %3",
                                             nullptr, int(result->filesPlanned)),
                                          result->filesPlanned)
                    .arg(ProgressFormat::count(quint64(t.filesCounted)),
                         ProgressFormat::bytes(t.bytes),
                         ProgressFormat::bytes(result->bytesPlanned))
                + QStringLiteral(" · ") + m_status->text());
        break;
    }
    case CountJob::Cancelled:
        if (!p.scan.started) {
            m_status->setText(tr("Cancelled before it started: nothing was counted"));
            break;
        }
        {
            // The times as the line before said them: working time, and the wall time apart when
            // time was spent paused (the wall time alone made a paused job look slower).
            const QString working = ProgressFormat::duration(p.workingMs);
            const QString wall = ProgressFormat::duration(p.elapsedMs);
            const QString done = ProgressFormat::bytes(p.map.done);
            const QString total = ProgressFormat::bytes(p.map.total);
            if (!ProgressFormat::showsTimeInAll(p.workingMs, p.elapsedMs))
                m_status->setText(
                    tr("Cancelled after %1 at %2 of %3: no counts").arg(working, done, total));
            else
                m_status->setText(
                    tr("Cancelled after %1 working (%2 in all) at %3 of %4: no counts")
                        .arg(working, wall, done, total));
            break;
        }
    case CountJob::Failed:
        m_status->setText(m_job->errorString());
        break;
    default:
        break;
    }
}
