// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/format/retranslator.h"

#include "core/engine/wordcount.h"
#include "core/results/resultquery.h"
#include "ui/explorer/exportoptions.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <vector>

class CountJob;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class ResultIndex;
class ResultsModel;
class TopWordsChart;
class ZipfChart;
struct CountResult;

/*!
    \brief The results explorer: the counts of one job (or of opened result files) as a table
    to sort, filter, chart, copy and export; while a job runs, its provisional top words.

    Sorting and filtering run on a worker thread over a ResultIndex built once per result, so
    the window stays responsive with millions of words: a newer request cancels an older one.
*/
class ResultsExplorer final : public QWidget
{
    Q_OBJECT

public:
    //! What a query hands back to the GUI thread: the rows, and what the charts need of them.
    struct QueryOutput
    {
        int generation = 0;
        std::shared_ptr<const std::vector<quint32>> rows; // null if the query was cancelled
        std::vector<quint64> countsDescending;
        std::vector<quint64> ranks; // of countsDescending, as the table shows them; empty if 1..n
        QList<QPair<QString, quint64>> top; // the most frequent rows, most frequent first
    };

    explicit ResultsExplorer(QWidget *parent = nullptr);
    ~ResultsExplorer() override;

    //! Shows \a job: its live top words while it runs, its counts once Done.
    void setJob(CountJob *job);
    //! Shows counts that come from elsewhere (opened result files); \a title says what they are.
    void setResult(std::shared_ptr<const CountResult> result, const QString &title);

    ResultsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *regexCheck() const { return m_regex; }
    QCheckBox *ignoreAccentsCheck() const { return m_ignoreAccents; }
    QSpinBox *minCountSpin() const { return m_minCount; }
    QCheckBox *stopWordsCheck() const { return m_hideStopWords; }
    TopWordsChart *topWordsChart() const { return m_topChart; }
    ZipfChart *zipfChart() const { return m_zipfChart; }
    QTabWidget *views() const { return m_views; }
    //! True from a change of result, sort or filter until the view shows it.
    bool isBusy() const;

    //! Writes the rows shown (or all rows) to \a path in the format its suffix names (a .csv
    //! as ExportOptions::Csv).
    bool exportTo(const QString &path, bool shownRowsOnly, QString *error) const;
    //! Writes the rows shown (or all rows) to \a path in \a format, whatever its suffix.
    bool exportTo(const QString &path, ExportOptions::Format format, bool shownRowsOnly,
                  QString *error) const;
    //! The name the Export dialog suggests, from the job's inputs or the files opened.
    QString suggestedExportName(ExportOptions::Format format) const;
    //! The selected rows as TSV lines, as copied to the clipboard.
    QString selectedRowsAsTsv() const;

Q_SIGNALS:
    //! A sort or filter was applied (or a new result shown and indexed).
    void viewUpdated();
    //! Export wrote \a result's rows to \a path: all of them, or only those shown.
    void exported(std::shared_ptr<const CountResult> result, const QString &path, bool allRows);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showResult(std::shared_ptr<const CountResult> result);
    void runQuery();
    void applyQuery(const QueryOutput &output);
    void updateSummary();
    void updateLive(const QList<WordCount> &words, quint64 wordsSoFar);
    void exportRows(bool shownRowsOnly);
    std::shared_ptr<const std::vector<quint32>> rowsToExport(bool shownRowsOnly) const;
    void editStopWords();
    void copySelection() const;
    void fitColumnsToHeaders();

    QPointer<CountJob> m_job;
    QString m_title;
    QStringList m_inputs; // what was counted or opened, for the name Export suggests
    bool m_sample = false; // the job counted the generated sample
    std::shared_ptr<const CountResult> m_result;
    std::shared_ptr<const ResultIndex> m_index;
    std::shared_ptr<const WordTable> m_stopWords;
    ResultQuery m_query;
    int m_generation = 0;
    bool m_busy = false; // a result is being indexed or a query run, and not yet shown
    QFutureWatcher<std::shared_ptr<const ResultIndex>> m_indexWatcher;
    QFutureWatcher<std::shared_ptr<QueryOutput>> m_queryWatcher;
    QFutureWatcher<QString> m_exportWatcher; // the error, empty when written
    std::shared_ptr<const CountResult> m_exporting; // what m_exportWatcher writes, and where
    QString m_exportPath;
    bool m_exportAll = false;

    ResultsModel *m_model = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_regex = nullptr;
    QCheckBox *m_ignoreAccents = nullptr;
    QSpinBox *m_minCount = nullptr;
    QCheckBox *m_hideStopWords = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_views = nullptr;
    QTableView *m_view = nullptr;
    TopWordsChart *m_topChart = nullptr;
    ZipfChart *m_zipfChart = nullptr;
    Retranslator m_texts;
};
