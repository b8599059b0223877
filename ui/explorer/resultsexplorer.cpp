// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/explorer/resultsexplorer.h"

#include "core/engine/countjob.h"
#include "core/engine/countresult.h"
#include "core/format/progressformat.h"
#include "core/results/atomicoutputfile.h"
#include "core/results/resultindex.h"
#include "core/results/resultwriter.h"
#include "core/text/localpath.h"
#include "ui/explorer/resultsmodel.h"
#include "ui/explorer/resultstablemenu.h"
#include "ui/explorer/stopwords.h"
#include "ui/explorer/topwordschart.h"
#include "ui/explorer/zipfchart.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <utility>

namespace {

constexpr int MaxChartWords = 100;

// Runs on a worker thread.
void computeQuery(QPromise<std::shared_ptr<ResultsExplorer::QueryOutput>> &promise,
                  std::shared_ptr<const ResultIndex> index, ResultQuery query, int generation);

} // namespace

ResultsExplorer::ResultsExplorer(QWidget *parent)
    : QWidget(parent)
    , m_model(new ResultsModel(this))
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setClearButtonEnabled(true);
    m_regex = new QCheckBox(this);
    m_regex->setObjectName(QStringLiteral("regexCheck"));
    m_ignoreAccents = new QCheckBox(this);
    m_ignoreAccents->setObjectName(QStringLiteral("ignoreAccentsCheck"));
    // On by default where words carry accents the user may not type: Spanish, at first.
    m_ignoreAccents->setChecked(QLocale().language() == QLocale::Spanish);
    m_query.ignoreAccents = m_ignoreAccents->isChecked();
    m_minCount = new QSpinBox(this);
    m_minCount->setObjectName(QStringLiteral("minCountSpin"));
    m_minCount->setRange(1, std::numeric_limits<int>::max());
    m_minCount->setGroupSeparatorShown(true);
    m_hideStopWords = new QCheckBox(this);
    m_hideStopWords->setObjectName(QStringLiteral("stopWordsCheck"));
    auto *editStop = new QToolButton(this);
    // A push button, not a tool button: a QToolButton with an instant popup leaves no room for
    // the menu arrow that the style draws over its text, which cut "Export" and "Exportar".
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    auto *exportMenu = new QMenu(m_export);
    QAction *exportShown = exportMenu->addAction(QString(), this, [this] { exportRows(true); });
    QAction *exportAll = exportMenu->addAction(QString(), this, [this] { exportRows(false); });
    m_export->setMenu(exportMenu);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    // The two ways of reading the filter, one above the other: the row stays narrow enough for
    // a small screen.
    auto *matching = new QVBoxLayout;
    matching->setSpacing(0);
    matching->addWidget(m_regex);
    matching->addWidget(m_ignoreAccents);
    filterRow->addLayout(matching);
    filterRow->addWidget(m_minCount);
    filterRow->addWidget(m_hideStopWords);
    filterRow->addWidget(editStop);
    filterRow->addWidget(m_export);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("resultsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("resultsStatus"));
    QPalette muted = m_status->palette();
    muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_status->setPalette(muted);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("resultsView"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(ResultsModel::RankColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(ResultsModel::WordColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setHighlightSections(false);
    fitColumnsToHeaders();
    connect(m_model, &QAbstractItemModel::headerDataChanged, this,
            &ResultsExplorer::fitColumnsToHeaders);
    auto *copy = new QShortcut(QKeySequence::Copy, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &ResultsExplorer::copySelection);
    new ResultsTableMenu(
        m_view, [this] { copySelection(); }, exportShown);

    m_topChart = new TopWordsChart(this);
    m_zipfChart = new ZipfChart(this);
    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("resultViews"));
    m_views->setDocumentMode(true);
    m_views->addTab(m_view, QString());
    m_views->addTab(m_topChart, QString());
    m_views->addTab(m_zipfChart, QString());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(filterRow);
    layout->addWidget(m_status);
    layout->addWidget(m_views, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_query.text = text;
        runQuery();
    });
    connect(m_ignoreAccents, &QCheckBox::toggled, this, [this](bool on) {
        m_query.ignoreAccents = on;
        runQuery();
    });
    connect(m_regex, &QCheckBox::toggled, this, [this](bool on) {
        m_query.regex = on;
        runQuery();
    });
    connect(m_minCount, &QSpinBox::valueChanged, this, [this](int n) {
        m_query.minCount = quint64(n);
        runQuery();
    });
    connect(m_hideStopWords, &QCheckBox::toggled, this, [this](bool on) {
        if (on && !m_stopWords)
            m_stopWords = StopWords::parse(StopWords::text());
        m_query.stopWords = on ? m_stopWords : nullptr;
        runQuery();
    });
    connect(editStop, &QToolButton::clicked, this, &ResultsExplorer::editStopWords);
    connect(m_model, &ResultsModel::sortRequested, this, [this](int column, Qt::SortOrder order) {
        m_query.column = ResultQuery::Column(column);
        m_query.descending = order == Qt::DescendingOrder;
        runQuery();
    });
    connect(m_topChart, &TopWordsChart::topCountChanged, this, [this] { runQuery(); });
    // A finished future keeps its result until the watcher is given another one: an index or
    // rows left there would keep a result the user removed (and its memory) alive. So each is
    // read once and the watcher given an empty ready future in its place (whose own finished()
    // finds nothing to do).
    connect(&m_indexWatcher, &QFutureWatcherBase::finished, this, [this] {
        const auto index = m_indexWatcher.result();
        if (index) // else this is the empty one
            m_indexWatcher.setFuture(
                QtFuture::makeReadyFuture(std::shared_ptr<const ResultIndex>()));
        if (!index || index->sharedResult() != m_result)
            return; // built for a result no longer shown
        m_index = index;
        m_model->setIndex(index);
        runQuery();
    });
    connect(&m_exportWatcher, &QFutureWatcherBase::finished, this, [this] {
        m_export->setEnabled(bool(m_result));
        const QString error = m_exportWatcher.result();
        const std::shared_ptr<const CountResult> written = std::exchange(m_exporting, nullptr);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export"), error);
        else
            Q_EMIT exported(written, m_exportPath, m_exportAll);
    });
    connect(&m_queryWatcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_queryWatcher.isCanceled())
            return; // replaced by a newer query, or the filter became invalid
        const auto output = m_queryWatcher.result();
        if (output)
            m_queryWatcher.setFuture(QtFuture::makeReadyFuture(std::shared_ptr<QueryOutput>()));
        if (output && output->rows && output->generation == m_generation) {
            m_busy = false;
            applyQuery(*output);
        }
    });
    m_texts.add([=] {
        m_filter->setPlaceholderText(tr("Filter words…"));
        m_filter->setAccessibleName(tr("Filter words"));
        m_regex->setText(tr("Re&gex"));
        m_regex->setToolTip(tr("Treat the filter as a regular expression (case-insensitive)"));
        m_ignoreAccents->setText(tr("Ignore &accents"));
        m_ignoreAccents->setToolTip(
            tr("\"corazon\" finds \"corazón\"; \"ñ\" stays a letter of its own"));
        m_minCount->setPrefix(tr("count ≥ "));
        m_minCount->setAccessibleName(tr("Minimum count"));
        m_hideStopWords->setText(tr("Hide sto&p words"));
        m_hideStopWords->setToolTip(
            tr("Hide common English and Spanish words (the list can be edited)"));
        editStop->setText(tr("Edit…"));
        editStop->setToolTip(tr("Edit the stop words"));
        editStop->setAccessibleName(tr("Edit the stop words"));
        m_export->setText(tr("&Export"));
        exportShown->setText(tr("Export Shown Rows…"));
        exportAll->setText(tr("Export All Rows…"));
        m_view->setAccessibleName(tr("Word counts"));
        m_views->setTabText(0, tr("Table"));
        m_views->setTabText(1, tr("Top words"));
        m_views->setTabText(2, tr("Zipf plot"));
    });
    setResult(nullptr, QString());
}

void ResultsExplorer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_texts.retranslate();
        m_model->retranslate(); // new headers: fitColumnsToHeaders() follows
        updateSummary();
    }
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitColumnsToHeaders();
    QWidget::changeEvent(event);
}

void ResultsExplorer::fitColumnsToHeaders()
{
    // Headers are cut, not elided, when too wide, and some languages' are long ("Porcentaje
    // acumulado"): every column but the word's, which takes what is left, gets the width its
    // header asks for, and never less than the default, so that English keeps its layout.
    QHeaderView *header = m_view->horizontalHeader();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (header->sectionResizeMode(column) == QHeaderView::Stretch)
            continue;
        header->resizeSection(
            column, std::max(header->defaultSectionSize(), header->sectionSizeHint(column)));
    }
}

ResultsExplorer::~ResultsExplorer()
{
    m_queryWatcher.future().cancel();
    m_indexWatcher.waitForFinished();
    m_queryWatcher.waitForFinished();
    m_exportWatcher.waitForFinished();
}

bool ResultsExplorer::isBusy() const
{
    // Not the watchers' isRunning(): a worker may be done while its answer still waits in the
    // event queue, and the view is not up to date until that answer is applied.
    return m_busy;
}

void ResultsExplorer::setJob(CountJob *job)
{
    if (job && job == m_job)
        return; // already shown, and followed until it ends
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    if (!job) {
        setResult(nullptr, QString());
        return;
    }
    m_title = QString();
    m_inputs = job->spec().paths;
    m_sample = job->spec().sampleBytes > 0;
    if (job->result()) {
        showResult(job->result());
        return;
    }
    showResult(nullptr);
    if (job->isFinished())
        return; // cancelled or failed: no counts, and its last top words are no longer true
    connect(job, &CountJob::liveWordsChanged, this, &ResultsExplorer::updateLive);
    connect(job, &CountJob::finished, this, [this, job] {
        disconnect(job, &CountJob::liveWordsChanged, this, nullptr);
        showResult(job->result());
    });
    quint64 words = 0;
    const QList<WordCount> live = job->liveWords(&words);
    updateLive(live, words);
}

void ResultsExplorer::setResult(std::shared_ptr<const CountResult> result, const QString &title)
{
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = nullptr;
    m_title = title;
    m_inputs.clear();
    m_sample = false;
    if (result) {
        for (const FileReport &file : result->files)
            m_inputs.append(file.path());
    }
    showResult(std::move(result));
}

void ResultsExplorer::showResult(std::shared_ptr<const CountResult> result)
{
    m_queryWatcher.future().cancel();
    ++m_generation;
    m_result = std::move(result);
    m_index.reset();
    m_busy = bool(m_result); // until indexed and queried
    m_model->setResult(m_result);
    m_model->setLiveWords({}, 0);
    m_view->horizontalHeader()->setSortIndicator(
        int(m_query.column), m_query.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    const bool haveResult = bool(m_result);
    const QList<QWidget *> controls
        = {m_filter, m_regex, m_ignoreAccents, m_minCount, m_hideStopWords, m_export};
    for (QWidget *w : controls)
        w->setEnabled(haveResult);
    m_topChart->setWords({});
    m_zipfChart->setCounts({});
    // A running job has no counts yet, only live top words (updateLive()).
    const bool counting = !m_result && m_job && !m_job->isFinished();
    m_topChart->setCounting(counting);
    m_zipfChart->setCounting(counting);
    updateSummary();
    if (!m_result)
        return;
    // The table shows at once in output order; ranks, word order and the query come after.
    m_indexWatcher.setFuture(QtConcurrent::run([shown = m_result] {
        return std::shared_ptr<const ResultIndex>(std::make_shared<ResultIndex>(shown));
    }));
}

void ResultsExplorer::runQuery()
{
    if (!m_result)
        return;
    const QString error = m_query.errorString();
    if (!error.isEmpty()) {
        // The rows stay as they are: a query still running must not replace them, or this text.
        m_queryWatcher.future().cancel();
        ++m_generation;
        m_busy = !m_index;
        m_status->setText(tr("Invalid regular expression: %1").arg(error));
        return;
    }
    if (!m_index) {
        m_status->setText(
            tr("Indexing %1 words…").arg(ProgressFormat::count(quint64(m_result->size()))));
        return; // runs when the index is ready
    }
    m_queryWatcher.future().cancel();
    m_status->setText(tr("Filtering…"));
    m_busy = true;
    m_queryWatcher.setFuture(QtConcurrent::run(computeQuery, m_index, m_query, ++m_generation));
}

void ResultsExplorer::applyQuery(const QueryOutput &output)
{
    m_model->setRows(output.rows);
    QList<QPair<QString, quint64>> top = output.top;
    m_topChart->setWords(top);
    m_zipfChart->setCounts(output.countsDescending, output.ranks);
    const qsizetype shown = qsizetype(output.rows->size());
    m_status->setText(shown == m_result->size()
                          ? tr("Showing all %1 words").arg(ProgressFormat::count(quint64(shown)))
                          : tr("Showing %1 of %2 words")
                                .arg(ProgressFormat::count(quint64(shown)),
                                     ProgressFormat::count(quint64(m_result->size()))));
    Q_EMIT viewUpdated();
}

void ResultsExplorer::updateSummary()
{
    if (!m_result) {
        if (!m_job)
            m_summary->setText(tr("Select a job to see its counts, or open result files."));
        else if (m_job->state() == CountJob::Cancelled)
            m_summary->setText(tr("This job was cancelled: it has no counts."));
        else if (m_job->state() == CountJob::Failed)
            m_summary->setText(tr("This job failed: %1").arg(m_job->errorString()));
        else
            m_summary->setText(tr("The full counts appear here when the job is done."));
        m_status->clear();
        return;
    }
    const CountTotals &t = m_result->totals;
    QStringList parts;
    if (!m_title.isEmpty())
        parts << m_title;
    parts << tr("%1 words").arg(ProgressFormat::count(quint64(t.words)))
          << tr("%1 distinct").arg(ProgressFormat::count(quint64(t.distinctWords)));
    if (!m_job && t.bytes == 0 && t.filesCounted > 0) {
        // Merged from result files (ResultReader::merge()): the size and the time of the
        // counting that made them are not known, and "0 B · 0:00 · 0.0 MB/s" would be false.
        parts << ProgressFormat::withCount(
            tr("%n result file(s) merged", nullptr, int(t.filesCounted)), t.filesCounted);
    } else if (t.filesCounted > 0 || t.bytes > 0) {
        const double speed = double(t.bytes) * 1000.0 / double(std::max<qint64>(1, t.totalMs));
        parts << ProgressFormat::withCount(tr("%n file(s)", nullptr, int(t.filesCounted)),
                                           t.filesCounted)
              << ProgressFormat::bytes(t.bytes) << ProgressFormat::duration(t.totalMs)
              << ProgressFormat::speed(speed);
    }
    if (t.filesSkipped > 0)
        parts << ProgressFormat::withCount(tr("%n file(s) skipped", nullptr, int(t.filesSkipped)),
                                           t.filesSkipped);
    if (t.overlongWords > 0)
        parts << ProgressFormat::withCount(
            tr("%n word(s) over 1,000 bytes not counted", nullptr, int(t.overlongWords)),
            t.overlongWords);
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

void ResultsExplorer::updateLive(const QList<WordCount> &words, quint64 wordsSoFar)
{
    if (m_result)
        return;
    m_model->setLiveWords(words, wordsSoFar);
    // The bar chart shows the same provisional words as the table; the Zipf plot waits
    // (ZipfChart::setCounting()).
    QList<QPair<QString, quint64>> top;
    top.reserve(words.size());
    for (const WordCount &w : words)
        top.append({QString::fromUtf8(w.word), w.count});
    m_topChart->setWords(top);
    m_summary->setText(words.isEmpty()
                           ? tr("The top words appear here while the job counts.")
                           : tr("Top %1 words so far, of %2 counted: provisional until the job is "
                                "done")
                                 .arg(words.size())
                                 .arg(ProgressFormat::count(quint64(wordsSoFar))));
}

QString ResultsExplorer::selectedRowsAsTsv() const
{
    if (!m_result)
        return {};
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    std::vector<quint32> entries;
    entries.reserve(size_t(rows.size()));
    for (const QModelIndex &row : std::as_const(rows))
        entries.push_back(m_model->entryAt(row.row()));
    return QString::fromUtf8(ResultWriter::tsv(*m_result, entries));
}

void ResultsExplorer::copySelection() const
{
    const QString text = selectedRowsAsTsv();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

namespace {

// Runs on any thread: the result, its index and the rows are immutable once shown. The table
// CSVs need the ranks: an index not built yet is built here.
QString writeRows(std::shared_ptr<const CountResult> result,
                  std::shared_ptr<const ResultIndex> index,
                  std::shared_ptr<const std::vector<quint32>> rows, const QString &path,
                  ExportOptions::Format format)
{
    // Not QSaveFile: run as root it renamed its temporary file over a device (/dev/null became
    // a plain file), and over a FIFO for anyone; this one writes those in place, as the
    // command line's -o does.
    AtomicOutputFile output(LocalPath::toNative(path));
    if (!output.open())
        return ResultsExplorer::tr("%1: %2").arg(path, output.errorString());
    QIODevice &file = *output.device();
    bool written = false;
    switch (format) {
    case ExportOptions::Csv:
    case ExportOptions::SpreadsheetCsv:
        if (!index)
            index = std::make_shared<const ResultIndex>(result);
        written = ResultWriter::writeTableCsv(
            *index, *rows, format == ExportOptions::Csv ? CsvDialect::Comma : CsvDialect::Semicolon,
            &file);
        break;
    case ExportOptions::Tsv:
    case ExportOptions::Json:
    case ExportOptions::FormatCount:
        written = ResultWriter::write(
            *result, *rows, format == ExportOptions::Tsv ? ResultFormat::Tsv : ResultFormat::Json,
            &file);
        break;
    }
    if (!written)
        return ResultsExplorer::tr("%1: %2").arg(path, file.errorString());
    if (!output.commit())
        return ResultsExplorer::tr("%1: %2").arg(path, output.errorString());
    return {};
}

} // namespace

std::shared_ptr<const std::vector<quint32>> ResultsExplorer::rowsToExport(bool shownRowsOnly) const
{
    if (shownRowsOnly && m_model->rows())
        return m_model->rows();
    return std::shared_ptr<const std::vector<quint32>>(m_result, &m_result->order);
}

bool ResultsExplorer::exportTo(const QString &path, bool shownRowsOnly, QString *error) const
{
    ExportOptions::Format format = ExportOptions::Csv;
    if (ExportOptions::fixedPath(path, ExportOptions::Csv, &format) != path) {
        *error = tr("%1: choose a name ending in .csv, .tsv or .json").arg(path);
        return false;
    }
    return exportTo(path, format, shownRowsOnly, error);
}

bool ResultsExplorer::exportTo(const QString &path, ExportOptions::Format format,
                               bool shownRowsOnly, QString *error) const
{
    if (!m_result) {
        *error = tr("There are no counts to export.");
        return false;
    }
    *error = writeRows(m_result, m_index, rowsToExport(shownRowsOnly), path, format);
    return error->isEmpty();
}

QString ResultsExplorer::suggestedExportName(ExportOptions::Format format) const
{
    return ExportOptions::suggestedFileName(m_inputs, m_sample, format);
}

void ResultsExplorer::exportRows(bool shownRowsOnly)
{
    if (!m_result || m_exportWatcher.isRunning())
        return;
    const ExportOptions::Format suggested = ExportOptions::defaultFormat(QLocale());
    QFileDialog dialog(this, shownRowsOnly ? tr("Export Shown Rows") : tr("Export All Rows"));
    dialog.setObjectName(QStringLiteral("exportDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilters(ExportOptions::nameFilters());
    dialog.selectNameFilter(ExportOptions::nameFilter(suggested));
    dialog.selectFile(suggestedExportName(suggested));
    // The dialog adds the suffix itself before it asks whether to replace a file: "counts"
    // replacing "counts.csv" is asked about too.
    dialog.setDefaultSuffix(ExportOptions::suffix(suggested));
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog](const QString &filter) {
        dialog.setDefaultSuffix(ExportOptions::suffix(ExportOptions::formatOfFilter(filter)));
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    // Native dialogs may not add the suffix: fixedPath() does it for them.
    ExportOptions::Format format = suggested;
    const QString path = ExportOptions::fixedPath(
        dialog.selectedFiles().constFirst(),
        ExportOptions::formatOfFilter(dialog.selectedNameFilter()), &format);
    // Millions of rows take a while to write: not on the GUI thread.
    m_export->setEnabled(false);
    m_exporting = m_result;
    m_exportPath = path;
    m_exportAll = !shownRowsOnly || !m_model->rows();
    m_exportWatcher.setFuture(
        QtConcurrent::run(writeRows, m_result, m_index, rowsToExport(shownRowsOnly), path, format));
}

void ResultsExplorer::editStopWords()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Stop Words"));
    auto *intro = new QLabel(tr("One word per line; lines starting with # are comments. "
                                "Saved in %1.")
                                 .arg(StopWords::userFile()),
                             &dialog);
    intro->setWordWrap(true);
    auto *edit = new QPlainTextEdit(StopWords::text(), &dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel
                                             | QDialogButtonBox::RestoreDefaults,
                                         &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, edit,
            [edit] { edit->setPlainText(StopWords::defaultText()); });
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    dialog.resize(420, 520);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!StopWords::save(edit->toPlainText(), &error)) {
        QMessageBox::warning(this, tr("Stop Words"),
                             tr("Could not save the stop words: %1").arg(error));
        return;
    }
    m_stopWords = StopWords::parse(edit->toPlainText());
    if (m_hideStopWords->isChecked()) {
        m_query.stopWords = m_stopWords;
        runQuery();
    }
}

namespace {

// Runs on a worker thread.
void computeQuery(QPromise<std::shared_ptr<ResultsExplorer::QueryOutput>> &promise,
                  std::shared_ptr<const ResultIndex> index, ResultQuery query, int generation)
{
    auto output = std::make_shared<ResultsExplorer::QueryOutput>();
    output->generation = generation;
    auto rows = std::make_shared<std::vector<quint32>>(
        query.run(*index, [&promise] { return promise.isCanceled(); }));
    if (promise.isCanceled())
        return;
    const WordTable &table = *index->result().table;
    const std::vector<quint32> &shown = *rows;
    // Charts show the rows that pass the filter, most frequent first, whatever the table's order:
    // the first rows in output order, and every count. Every order but the words' is output order
    // or its reverse; in word order, marking each row's rank and reading the marks in rank order
    // gives output order in linear time (copying and sorting millions took tens of milliseconds).
    std::vector<quint64> &counts = output->countsDescending;
    counts.reserve(shown.size());
    // The Zipf plot of a filtered list keeps the table's ranks; with every row shown they are
    // the positions, and millions of them need not be stored.
    const bool filtered = shown.size() != index->byCount().size();
    if (filtered)
        output->ranks.reserve(shown.size());
    const auto add = [&](quint32 entry) {
        const WordTable::Entry &e = table.entry(entry);
        if (output->top.size() < MaxChartWords) {
            const QByteArrayView word = table.word(entry);
            output->top.append({QString::fromUtf8(word.data(), word.size()), e.count});
        }
        counts.push_back(e.count);
        if (filtered)
            output->ranks.push_back(index->rank(entry));
    };
    if (query.column == ResultQuery::Word) {
        const std::vector<quint32> &order = index->byCount();
        std::vector<quint8> shownAtRank(order.size(), 0);
        for (const quint32 entry : shown)
            shownAtRank[index->rank(entry) - 1] = 1;
        for (size_t rank = 0; rank < order.size(); ++rank) {
            if (shownAtRank[rank])
                add(order[rank]);
        }
    } else if (shown.size() > 1 && index->rank(shown.front()) > index->rank(shown.back())) {
        std::for_each(shown.rbegin(), shown.rend(), add);
    } else {
        std::for_each(shown.begin(), shown.end(), add);
    }
    output->rows = std::move(rows);
    promise.addResult(std::move(output));
}

} // namespace
