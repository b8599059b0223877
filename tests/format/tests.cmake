# SPDX-License-Identifier: GPL-3.0-or-later
wordmill_add_tests(LIBS wordmill_format wordmill_engine)
