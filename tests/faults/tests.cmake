# SPDX-License-Identifier: GPL-3.0-or-later
# Read errors injected under wordmill-cli as a user runs it: readfaults is an LD_PRELOAD library
# (plain C, no Qt: it is loaded into the program before anything else) that fails or shortens the
# reads of chosen files; tst_readfaults runs the program with it.
enable_language(C)
add_library(readfaults SHARED ${CMAKE_CURRENT_LIST_DIR}/readfaults.c)
set_target_properties(readfaults PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON
                                            C_VISIBILITY_PRESET default)
target_link_libraries(readfaults PRIVATE ${CMAKE_DL_LIBS})

wordmill_add_tests(LIBS Qt6::Core)
target_compile_definitions(tst_readfaults PRIVATE
    WORDMILL_CLI_PATH="$<TARGET_FILE:wordmill-cli>"
    WORDMILL_READFAULTS_PATH="$<TARGET_FILE:readfaults>")
add_dependencies(tst_readfaults wordmill-cli readfaults)
