# SPDX-License-Identifier: GPL-3.0-or-later
wordmill_add_tests(LIBS wordmill_results wordmill_format wordmill_engine)
