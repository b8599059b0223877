// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitor/optionspanel.h"

#include "core/format/progressformat.h"
#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QThread>
#include <QVBoxLayout>

OptionsPanel::OptionsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("optionsPanel"));
    // The hint wraps; the names of the inputs are elided in the middle, so that a long one
    // cannot widen the window.
    m_noInputs = new QLabel(this);
    m_noInputs->setWordWrap(true);
    m_inputList = new QListWidget(this);
    m_inputList->setObjectName(QStringLiteral("inputsList"));
    m_inputList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_inputList->setTextElideMode(Qt::ElideMiddle);
    m_inputList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_inputList->setUniformItemSizes(true);
    m_inputList->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    // Delete belongs to the list while it has the keyboard: it only edits the next job's inputs.
    auto *removeKey = new QAction(m_inputList);
    removeKey->setShortcuts({QKeySequence(QKeySequence::Delete), QKeySequence(Qt::Key_Backspace)});
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    m_inputList->addAction(removeKey);
    connect(removeKey, &QAction::triggered, this, &OptionsPanel::removeSelectedInputs);
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeInputButton"));
    m_clear = new QPushButton(this);

    m_workers = new QSpinBox(this);
    m_workers->setObjectName(QStringLiteral("workersSpin"));
    m_workers->setRange(1, 2 * QThread::idealThreadCount());
    m_workers->setValue(QThread::idealThreadCount());

    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_mode->addItem(QString(), int(CountingMode::Words));
    m_mode->addItem(QString(), int(CountingMode::Whitespace));

    m_chunk = new QComboBox(this);
    m_chunk->setObjectName(QStringLiteral("chunkCombo"));
    for (qint64 size : {qint64(64) << 10, qint64(256) << 10, qint64(1) << 20, qint64(4) << 20,
                        qint64(16) << 20, qint64(64) << 20})
        m_chunk->addItem(ProgressFormat::bytes(size), size);
    setChunkSize(JobSpec::DefaultChunkSize);

    m_start = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_start->setDefault(true);

    auto *form = new QFormLayout;
    auto *workersLabel = new QLabel(this);
    auto *modeLabel = new QLabel(this);
    auto *chunkLabel = new QLabel(this);
    workersLabel->setBuddy(m_workers);
    modeLabel->setBuddy(m_mode);
    chunkLabel->setBuddy(m_chunk);
    form->addRow(workersLabel, m_workers);
    form->addRow(modeLabel, m_mode);
    form->addRow(chunkLabel, m_chunk);

    auto *title = new QLabel(this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_noInputs);
    layout->addWidget(m_inputList);
    auto *inputButtons = new QHBoxLayout;
    inputButtons->addWidget(m_remove);
    inputButtons->addWidget(m_clear);
    inputButtons->addStretch(1);
    layout->addLayout(inputButtons);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_start);
    layout->addStretch(1);

    m_texts.add([=] {
        title->setText(tr("Next job"));
        m_noInputs->setText(tr("No inputs yet: open files or a folder, or drop them here."));
        m_clear->setText(tr("Clear"));
        m_remove->setText(tr("Remove"));
        m_remove->setToolTip(tr("Remove the selected inputs from the next job (Del)"));
        m_remove->setAccessibleName(tr("Remove the selected inputs of the next job"));
        m_inputList->setAccessibleName(tr("Inputs of the next job"));
        m_clear->setAccessibleName(tr("Clear the inputs of the next job"));
        workersLabel->setText(tr("&Workers:"));
        m_workers->setToolTip(tr("Threads that count at once (this machine has %n core(s))",
                                 nullptr, QThread::idealThreadCount()));
        m_workers->setAccessibleName(tr("Workers"));
        modeLabel->setText(tr("&Mode:"));
        m_mode->setItemText(0, tr("Words"));
        m_mode->setItemData(0,
                            tr("Unicode words: letters, marks, numbers and inner apostrophes; "
                               "lowercased and normalised"),
                            Qt::ToolTipRole);
        m_mode->setItemText(1, tr("Whitespace"));
        m_mode->setItemData(1,
                            tr("Anything between ASCII spaces, tabs and line breaks; only A-Z "
                               "lowercased (the \"countwords\" benchmark's rules)"),
                            Qt::ToolTipRole);
        m_mode->setAccessibleName(tr("Counting mode"));
        chunkLabel->setText(tr("&Chunk size:"));
        m_chunk->setToolTip(tr("How much of a file one worker counts at a time"));
        m_chunk->setAccessibleName(tr("Chunk size"));
        for (int i = 0; i < m_chunk->count(); ++i) // sizes are written the locale's way
            m_chunk->setItemText(i, ProgressFormat::bytes(m_chunk->itemData(i).toLongLong()));
        m_start->setText(tr("&Start"));
        m_start->setAccessibleName(tr("Start counting the inputs"));
        updateInputs();
    });
    connect(m_clear, &QPushButton::clicked, this, &OptionsPanel::clearInputs);
    connect(m_remove, &QPushButton::clicked, this, &OptionsPanel::removeSelectedInputs);
    connect(m_inputList, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_inputList->selectedItems().isEmpty()); });
    connect(m_start, &QPushButton::clicked, this, &OptionsPanel::startRequested);
    connect(m_workers, &QSpinBox::valueChanged, this, &OptionsPanel::optionsChanged);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &OptionsPanel::optionsChanged);
    connect(m_chunk, &QComboBox::currentIndexChanged, this, &OptionsPanel::optionsChanged);
}

void OptionsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate();
    QWidget::changeEvent(event);
}

JobSpec OptionsPanel::spec() const
{
    JobSpec spec;
    spec.paths = m_inputs;
    spec.workers = m_workers->value();
    spec.mode = CountingMode(m_mode->currentData().toInt());
    spec.chunkSize = m_chunk->currentData().toLongLong();
    return spec;
}

void OptionsPanel::addInputs(const QStringList &paths)
{
    for (const QString &path : paths) {
        if (!m_inputs.contains(path))
            m_inputs.append(path);
    }
    updateInputs();
}

void OptionsPanel::removeInputs(const QStringList &paths)
{
    for (const QString &path : paths)
        m_inputs.removeAll(path);
    updateInputs();
}

void OptionsPanel::removeSelectedInputs()
{
    QStringList paths;
    int first = m_inputList->count();
    for (const QListWidgetItem *item : m_inputList->selectedItems()) {
        paths << item->data(Qt::UserRole).toString();
        first = std::min(first, m_inputList->row(item));
    }
    if (paths.isEmpty())
        return;
    removeInputs(paths);
    // The row that took the first removed one's place is selected, so Delete can go on.
    if (m_inputList->count() > 0) {
        m_inputList->setCurrentRow(std::min(first, m_inputList->count() - 1));
    } else {
        m_inputList->clearFocus();
    }
}

void OptionsPanel::clearInputs()
{
    m_inputs.clear();
    updateInputs();
}

void OptionsPanel::setWorkers(int workers)
{
    m_workers->setValue(workers);
}

void OptionsPanel::setMode(CountingMode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

void OptionsPanel::setChunkSize(qint64 bytes)
{
    const int i = m_chunk->findData(bytes);
    if (i >= 0)
        m_chunk->setCurrentIndex(i);
}

void OptionsPanel::updateInputs()
{
    m_inputList->clear();
    for (const QString &path : std::as_const(m_inputs)) {
        const QString name = QFileInfo(path).fileName();
        auto *item = new QListWidgetItem(name.isEmpty() ? path : name, m_inputList);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
    }
    // As tall as its rows, up to eight: one input must not take the room of ten.
    const int rows = std::clamp(int(m_inputs.size()), 1, 8);
    const int rowHeight = std::max(m_inputList->sizeHintForRow(0), fontMetrics().height());
    m_inputList->setFixedHeight(rows * rowHeight + 2 * m_inputList->frameWidth() + 2);
    m_noInputs->setVisible(m_inputs.isEmpty());
    m_inputList->setVisible(!m_inputs.isEmpty());
    m_remove->setEnabled(false);
    m_clear->setEnabled(!m_inputs.isEmpty());
    m_start->setEnabled(!m_inputs.isEmpty());
    Q_EMIT inputsChanged();
}
