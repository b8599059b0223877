# SPDX-License-Identifier: GPL-3.0-or-later
include(${CMAKE_CURRENT_LIST_DIR}/monitor/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/explorer/tests.cmake)

if(WORDMILL_BENCHMARKS)
    # The README's screenshots, taken from the real window by .ci/screenshots.
    add_executable(wordmill-screenshots ${CMAKE_CURRENT_LIST_DIR}/screenshots.cpp)
    target_link_libraries(wordmill-screenshots PRIVATE wordmill_monitor wordmill_explorer
                                                       wordmill_format)
    target_compile_definitions(wordmill-screenshots PRIVATE
                               WORDMILL_CORPUS_DIR="${WORDMILL_CORPUS_DIR}")
    if(WORDMILL_TESTS_WITHOUT_LTO)
        # A tool, not a measured program: an LTO link of the whole UI took a minute of CPU.
        set_target_properties(wordmill-screenshots PROPERTIES INTERPROCEDURAL_OPTIMIZATION OFF)
        target_link_options(wordmill-screenshots PRIVATE -fno-lto)
    endif()
endif()
