# Runs `dateline check` on one malformed article and compares its stderr, byte
# for byte, with the fixture's .expected file; the exit code must be 2 and
# stdout empty. Where a .expected-json file exists, `check --format=json`'s
# stdout must equal it too (exit 2, stderr empty). Run from the repository
# root so paths in messages are relative.
#
#   cmake -DTOOL=<dateline> -DFIXTURE=tests/fixtures/malformed/NN-name.json -P expect_invalid.cmake
#   add -DUPDATE=ON to rewrite the .expected file from the tool's output (then review the diff).
cmake_minimum_required(VERSION 3.20)
string(REGEX REPLACE "\\.json$" ".expected" expected_file "${FIXTURE}")
set(expected_json_file "${expected_file}-json")
execute_process(COMMAND "${TOOL}" check "${FIXTURE}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(UPDATE)
  file(WRITE "${expected_file}" "${err}")
  return()
endif()
if(NOT EXISTS "${expected_file}")
  message(FATAL_ERROR "${expected_file} is missing; create it with -DUPDATE=ON and review it")
endif()
file(READ "${expected_file}" expected)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "exit code ${rc}, expected 2 (invalid article)\nstderr:\n${err}")
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "stdout should be empty for an invalid article, got:\n${out}")
endif()
if(NOT err STREQUAL expected)
  message(FATAL_ERROR "stderr differs from ${expected_file}\n--- expected\n${expected}--- actual\n${err}")
endif()
if(EXISTS "${expected_json_file}")
  execute_process(COMMAND "${TOOL}" check --format=json "${FIXTURE}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  file(READ "${expected_json_file}" expected)
  if(NOT rc EQUAL 2 OR NOT err STREQUAL "" OR NOT out STREQUAL expected)
    message(FATAL_ERROR "check --format=json: exit ${rc}\nstderr:\n${err}\n--- expected stdout\n${expected}--- actual\n${out}")
  endif()
endif()
