// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

/*!
    \brief Turns SIGINT into a Qt signal on the main thread (the self-pipe trick): the handler
    only writes one byte, which is all a signal handler may safely do.
*/
class InterruptNotifier final : public QObject
{
    Q_OBJECT

public:
    explicit InterruptNotifier(QObject *parent = nullptr);
    ~InterruptNotifier() override;
    Q_DISABLE_COPY_MOVE(InterruptNotifier)

Q_SIGNALS:
    void interrupted();

private:
    QSocketNotifier *m_notifier = nullptr;
};
