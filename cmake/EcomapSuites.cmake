# Every test suite is a ctest test of the native build, so one ctest run is the whole
# test run (./ecomap test):
#   - unit tests: one ctest test per Catch test case (label "unit", "ui");
#   - other suites (asan, fuzz, cli, schema, browser, ...): one ctest test each, labelled
#     "suite" and with the suite's name, that runs the suite's own runner through
#     cmake/ecomap_suite.sh and writes its count of checks to ${ECOMAP_RESULTS_DIR};
#   - set-up steps (building the asan, fuzz and web presets): ctest fixtures, labelled
#     "setup", that the suites needing them require.
# cmake/ecomap_tally.py turns the run (ctest's JUnit file + the counts) into the per-suite
# lines and the final "ecomap: N passed, M failed".

set(ECOMAP_SUITE_DRIVER ${PROJECT_SOURCE_DIR}/cmake/ecomap_suite.sh)
set(ECOMAP_RESULTS_DIR ${CMAKE_BINARY_DIR}/suites)   # NAME.log and NAME.counts per suite

# ecomap_add_setup(NAME PRESET preset [TIMEOUT seconds])
# A step that configures (first time) and builds a CMake preset; suites name it in REQUIRES.
function(ecomap_add_setup name)
    cmake_parse_arguments(ARG "" "PRESET;TIMEOUT" "" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 3600)
    endif()
    add_test(NAME ${name} COMMAND bash ${ECOMAP_SUITE_DRIVER} build ${ARG_PRESET}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(${name} PROPERTIES FIXTURES_SETUP ${name} LABELS setup
        RUN_SERIAL TRUE TIMEOUT ${ARG_TIMEOUT})
endfunction()

# ecomap_add_suite(NAME [FORMAT line|tap|ctest|exit] [REQUIRES setup...] [SERIAL]
#                  [TIMEOUT seconds] [WORKING_DIRECTORY dir] COMMAND command args...)
# Registers one suite. Its runner reports its checks in FORMAT (see cmake/ecomap_suite.sh;
# "line" is a last line "NAME: N passed, M failed"). SERIAL keeps other tests from running
# beside it (browser and fuzz runs are timing- and CPU-sensitive). This is the one place
# to add a suite: call it from tests/CMakeLists.txt.
function(ecomap_add_suite name)
    cmake_parse_arguments(ARG "SERIAL" "FORMAT;TIMEOUT;WORKING_DIRECTORY" "REQUIRES;COMMAND" ${ARGN})
    if(NOT ARG_FORMAT)
        set(ARG_FORMAT line)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 1800)
    endif()
    if(NOT ARG_WORKING_DIRECTORY)
        set(ARG_WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    endif()
    add_test(NAME ${name}
        COMMAND bash ${ECOMAP_SUITE_DRIVER} run ${name} ${ARG_FORMAT} ${ECOMAP_RESULTS_DIR} -- ${ARG_COMMAND}
        WORKING_DIRECTORY ${ARG_WORKING_DIRECTORY})
    set_tests_properties(${name} PROPERTIES LABELS "suite;${name}" TIMEOUT ${ARG_TIMEOUT})
    if(ARG_REQUIRES)
        set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED "${ARG_REQUIRES}")
    endif()
    if(ARG_SERIAL)
        set_tests_properties(${name} PROPERTIES RUN_SERIAL TRUE)
    endif()
endfunction()
