# SPDX-License-Identifier: GPL-3.0-or-later
wordmill_add_tests(LIBS wordmill_monitor wordmill_explorer wordmill_format wordmill_engine wordmill_text)
wordmill_add_benchmark(bench_ui_stall LIBS wordmill_monitor wordmill_format wordmill_engine)

# The desktop program's own command line is tested on the real binary.
target_compile_definitions(tst_ui_startup PRIVATE WORDMILL_DESKTOP_PATH="$<TARGET_FILE:wordmill>")
add_dependencies(tst_ui_startup wordmill)
