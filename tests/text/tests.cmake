# SPDX-License-Identifier: GPL-3.0-or-later
# The Unicode rules every layer shares (core/text), as pure functions.
wordmill_add_tests(LIBS wordmill_text)
