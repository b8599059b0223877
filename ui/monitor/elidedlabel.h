// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

/*!
    \brief A label that never widens its window: each line that does not fit is elided in the
    middle ("very-long-na…tail.txt"), so the start and the extension of a file name stay
    readable. The full text is for a tooltip, which the owner sets.
*/
class ElidedLabel final : public QWidget
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    explicit ElidedLabel(const QString &text, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    //! The lines as painted at the current width.
    QStringList shownLines() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};
