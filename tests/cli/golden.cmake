# Compiles an article twice into two directories and requires every output to
# be byte-identical, so generated C++ never changes without a change in the
# article (and the build never recompiles for nothing).
#
#   cmake -DTOOL=<dateline> -DARTICLE=<file.json> -DPAGE=<shell.html> -DWORK=<dir> -P golden.cmake
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE "${WORK}")
foreach(run a b)
  execute_process(COMMAND "${TOOL}" compile "${ARTICLE}" --out "${WORK}/${run}" --page "${PAGE}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dateline compile failed (${rc}):\n${err}")
  endif()
endforeach()
file(GLOB written RELATIVE "${WORK}/a" "${WORK}/a/*")
file(GLOB written_again RELATIVE "${WORK}/b" "${WORK}/b/*")
list(SORT written)
list(SORT written_again)
if(NOT written STREQUAL written_again)
  message(FATAL_ERROR "two runs wrote different files: [${written}] and [${written_again}]")
endif()
foreach(name article.html article_data.cpp charset.txt index.html)
  if(NOT name IN_LIST written)
    message(FATAL_ERROR "compile did not write ${name} (it wrote [${written}])")
  endif()
endforeach()
foreach(name IN LISTS written)
  file(SHA256 "${WORK}/a/${name}" first)
  file(SHA256 "${WORK}/b/${name}" second)
  if(NOT first STREQUAL second)
    message(FATAL_ERROR "${name} differs between two runs on the same article")
  endif()
endforeach()
