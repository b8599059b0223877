// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/console.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstdio>

void Console::printErr(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool Console::printOut(const QByteArray &bytes)
{
    errno = 0;
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return true;
    printErr(QCoreApplication::translate("CommandLineTool",
                                         "wordmill-cli: cannot write the output: %1\n")
                 .arg(qt_error_string(errno)));
    return false;
}
