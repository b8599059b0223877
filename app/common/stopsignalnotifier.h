// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

/*!
    \brief Turns SIGINT, SIGTERM and SIGHUP into a Qt signal on the main thread (the self-pipe
    trick): the handler only writes the signal's number to a pipe, which is all a signal handler
    may safely do. Both programs stop through their ordinary cancel path, so a terminal closed
    or a `kill` from a service manager ends them as cleanly as Ctrl-C or the Quit menu.
*/
class StopSignalNotifier final : public QObject
{
    Q_OBJECT

public:
    explicit StopSignalNotifier(QObject *parent = nullptr);
    ~StopSignalNotifier() override;
    Q_DISABLE_COPY_MOVE(StopSignalNotifier)

    //! "SIGINT", "SIGTERM" or "SIGHUP": messages name the signal the way `kill -l` does.
    static QString signalName(int signalNumber);

Q_SIGNALS:
    //! \a signalNumber: SIGINT, SIGTERM or SIGHUP.
    void stopRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};
