# Compiles an article twice into two directories and requires every output to
# be byte-identical, so generated C++ never changes without a change in the
# article (and the build never recompiles for nothing). With -DEXPECTED=<dir>,
# the outputs must also equal the committed ones there, file for file: a change
# to what the compiler writes shows in review as a diff of those files.
#
#   cmake -DTOOL=<dateline> -DARTICLE=<file.json> -DPAGE=<shell.html> -DWORK=<dir> [-DEXPECTED=<dir>] -P golden.cmake
#   add -DUPDATE=ON (with EXPECTED) to rewrite the committed outputs, then review the diff.
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
if(EXPECTED)
  set(compared article.html article_data.cpp charset.txt index.html slug.txt)
  foreach(name IN LISTS compared)
    if(UPDATE)
      file(MAKE_DIRECTORY "${EXPECTED}")
      configure_file("${WORK}/a/${name}" "${EXPECTED}/${name}" COPYONLY)
    elseif(NOT EXISTS "${EXPECTED}/${name}")
      message(FATAL_ERROR "${EXPECTED}/${name} is missing; create it with -DUPDATE=ON and review it")
    else()
      file(SHA256 "${WORK}/a/${name}" got)
      file(SHA256 "${EXPECTED}/${name}" want)
      if(NOT got STREQUAL want)
        message(FATAL_ERROR "${name} differs from the committed ${EXPECTED}/${name}: if the change is "
                            "meant, rerun with -DUPDATE=ON and commit the new file")
      endif()
    endif()
  endforeach()
endif()
