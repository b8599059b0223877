// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/jobspec.h"
#include "core/format/retranslator.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

/*!
    \brief The next job: its inputs, worker count, counting mode and chunk size, and Start.
*/
class OptionsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit OptionsPanel(QWidget *parent = nullptr);

    //! The options as a spec, with the inputs chosen so far.
    JobSpec spec() const;
    QStringList inputs() const { return m_inputs; }
    void addInputs(const QStringList &paths);
    //! Takes \a paths out of the next job's inputs.
    void removeInputs(const QStringList &paths);
    void clearInputs();
    //! One row per input; Delete removes the selected ones.
    QListWidget *inputList() const { return m_inputList; }
    QPushButton *removeInputButton() const { return m_remove; }

    void setWorkers(int workers);
    void setMode(CountingMode mode);
    void setChunkSize(qint64 bytes);

    QPushButton *startButton() const { return m_start; }

Q_SIGNALS:
    void startRequested();
    void inputsChanged();
    //! The workers, mode or chunk size changed, by the user or by a setter.
    void optionsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateInputs();
    void removeSelectedInputs();

    QStringList m_inputs;
    QLabel *m_noInputs = nullptr;
    QListWidget *m_inputList = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_clear = nullptr;
    QSpinBox *m_workers = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_chunk = nullptr;
    QPushButton *m_start = nullptr;
    Retranslator m_texts;
};
