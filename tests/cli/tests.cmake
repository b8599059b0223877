# SPDX-License-Identifier: GPL-3.0-or-later
# wordmill-cli as a user runs it, through QProcess.
wordmill_add_tests(LIBS Qt6::Core)
# It reads the checkpoints it makes, to change an input whose state there it knows.
target_link_libraries(tst_cli_resume PRIVATE wordmill_engine)
