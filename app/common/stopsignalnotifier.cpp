// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/stopsignalnotifier.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {
int pipeFds[2] = {-1, -1};
constexpr int StopSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void onStopSignal(int signalNumber)
{
    const int savedErrno = errno; // write() may change it under the interrupted code's feet
    const char byte = char(signalNumber);
    [[maybe_unused]] const ssize_t n = ::write(pipeFds[1], &byte, 1);
    errno = savedErrno;
}
} // namespace

StopSignalNotifier::StopSignalNotifier(QObject *parent)
    : QObject(parent)
{
    if (::pipe2(pipeFds, O_NONBLOCK | O_CLOEXEC) != 0)
        return;
    m_notifier = new QSocketNotifier(pipeFds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char buffer[16];
        ssize_t n = 0;
        int last = 0;
        while ((n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0)
            last = buffer[n - 1];
        // Several signals in a burst ask for one stop; the last one names it.
        if (last != 0)
            Q_EMIT stopRequested(last);
    });
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signalNumber : StopSignals)
        ::sigaction(signalNumber, &action, nullptr);
}

StopSignalNotifier::~StopSignalNotifier()
{
    for (const int signalNumber : StopSignals)
        ::signal(signalNumber, SIG_DFL);
}

QString StopSignalNotifier::signalName(int signalNumber)
{
    switch (signalNumber) {
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGHUP:
        return QStringLiteral("SIGHUP");
    default:
        return QStringLiteral("signal %1").arg(signalNumber);
    }
}
