# SPDX-License-Identifier: GPL-3.0-or-later
wordmill_add_tests(LIBS wordmill_explorer wordmill_monitor wordmill_results wordmill_format
                        wordmill_engine)
wordmill_add_benchmark(bench_ui_explorer
    LIBS wordmill_explorer wordmill_monitor wordmill_results wordmill_format wordmill_engine)
