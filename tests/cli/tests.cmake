# SPDX-License-Identifier: GPL-3.0-or-later
# wordmill-cli as a user runs it, through QProcess.
wordmill_add_tests(LIBS Qt6::Core)
