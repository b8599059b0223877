// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

//! Standard output and standard error of the command-line programs.
namespace Console {

//! Writes \a text to stderr in the locale's encoding, at once.
void printErr(const QString &text);
//! False, with the reason on stderr, when stdout cannot take \a bytes (a full disk, a closed
//! pipe): a help text or a result that silently went nowhere must not exit 0.
bool printOut(const QByteArray &bytes);

} // namespace Console
