# SPDX-License-Identifier: GPL-3.0-or-later
# wordmill-mpi under a real mpirun with 1 to 4 ranks, against wordmill-cli on the same inputs.
find_program(WORDMILL_MPIRUN NAMES mpirun mpiexec)
if(NOT TARGET wordmill-mpi OR NOT WORDMILL_MPIRUN)
    message(STATUS "wordmill-mpi or mpirun not found: tst_mpi is not built")
    return()
endif()
wordmill_add_tests(LIBS Qt6::Core)
target_compile_definitions(tst_mpi PRIVATE
    WORDMILL_CLI_PATH="$<TARGET_FILE:wordmill-cli>"
    WORDMILL_MPI_PATH="$<TARGET_FILE:wordmill-mpi>"
    WORDMILL_MPIRUN="${WORDMILL_MPIRUN}"
    WORDMILL_READFAULTS_PATH="$<TARGET_FILE:readfaults>")
add_dependencies(tst_mpi wordmill-cli wordmill-mpi readfaults)
