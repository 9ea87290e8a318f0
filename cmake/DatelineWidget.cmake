# dateline_add_widget(<slug> <article.json>)
#
# Compiles one article into a widget published in ${DATELINE_DIST_DIR}/<slug>/:
#   article JSON --dateline compile--> generated C++ data, semantic HTML, charset, page
#   charset --hb-subset--> font subsets --dateline embed--> C++ arrays
#   platform + widget + generated sources --em++--> dateline.js + dateline.wasm
# Adding an article is adding a JSON file: no C++ changes.

if(NOT DATELINE_TOOL OR NOT EXISTS "${DATELINE_TOOL}")
  message(FATAL_ERROR "The wasm build needs the native `dateline` tool: build the native preset "
                      "first and pass -DDATELINE_TOOL=<path> (the Makefile does both).")
endif()
find_program(DATELINE_HB_SUBSET hb-subset REQUIRED)
include(DatelinePages)  # dateline_add_pages(): editor page and offline single file
set(DATELINE_FONT_DIR "/usr/share/fonts/truetype/noto" CACHE PATH "Where the Noto fonts are")
set(DATELINE_WORLD_ATLAS_DIR "${PROJECT_SOURCE_DIR}/node_modules/world-atlas" CACHE PATH
    "npm world-atlas (Natural Earth TopoJSON), installed by scripts/bootstrap.sh")

# name -> file; each becomes dateline_font_<name>() in the module.
set(DATELINE_FONTS serif=NotoSerif-Regular.ttf serif_bold=NotoSerif-Bold.ttf
                   sans=NotoSans-Regular.ttf sans_bold=NotoSans-Bold.ttf)

set(DATELINE_WIDGET_LINK_OPTIONS
  -sMODULARIZE=1
  -sEXPORT_NAME=createDatelineModule
  -sENVIRONMENT=web
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sFILESYSTEM=0
  -sDYNAMIC_EXECUTION=0
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=4194304
  -sTOTAL_STACK=131072
  -sMALLOC=emmalloc
  -sEXPORTED_RUNTIME_METHODS=[stringToUTF8,UTF8ToString]
  "SHELL:--extern-post-js ${PROJECT_SOURCE_DIR}/web/register-module.js")

function(dateline_add_widget slug article)
  set(gen "${CMAKE_BINARY_DIR}/gen/${slug}")
  set(out "${DATELINE_DIST_DIR}/${slug}")

  add_custom_command(
    OUTPUT ${gen}/article/article_data.cpp ${gen}/article/charset.txt ${gen}/article/index.html
           ${gen}/article/article.html ${gen}/article/map.bin
    COMMAND "${DATELINE_TOOL}" compile "${article}" --out "${gen}/article"
            --page "${PROJECT_SOURCE_DIR}/shell.html" --world-atlas "${DATELINE_WORLD_ATLAS_DIR}"
    DEPENDS "${article}" "${DATELINE_TOOL}" "${PROJECT_SOURCE_DIR}/shell.html"
    COMMENT "dateline: compiling ${slug}"
    VERBATIM)

  set(font_sources)
  foreach(entry IN LISTS DATELINE_FONTS)
    string(REPLACE "=" ";" pair "${entry}")
    list(GET pair 0 name)
    list(GET pair 1 file)
    # Only the glyphs this article can show; no hinting or OpenType layout
    # tables, which the stb_truetype rasterizer never reads.
    add_custom_command(
      OUTPUT ${gen}/fonts/${name}.cpp
      COMMAND ${CMAKE_COMMAND} -E make_directory "${gen}/fonts"
      COMMAND "${DATELINE_HB_SUBSET}" "--font-file=${DATELINE_FONT_DIR}/${file}"
              "--text-file=${gen}/article/charset.txt" "--output-file=${gen}/fonts/${name}.ttf"
              --no-hinting --drop-tables+=GSUB,GPOS,GDEF,kern,DSIG
      COMMAND "${DATELINE_TOOL}" embed "${gen}/fonts/${name}.ttf" "dateline_font_${name}"
              "${gen}/fonts/${name}.cpp"
      DEPENDS ${gen}/article/charset.txt "${DATELINE_TOOL}"
      COMMENT "dateline: subsetting ${file} for ${slug}"
      VERBATIM)
    list(APPEND font_sources ${gen}/fonts/${name}.cpp)
  endforeach()

  add_custom_command(
    OUTPUT ${gen}/map.cpp
    COMMAND "${DATELINE_TOOL}" embed "${gen}/article/map.bin" dateline_map "${gen}/map.cpp"
    DEPENDS ${gen}/article/map.bin "${DATELINE_TOOL}"
    VERBATIM)

  set(target dateline_widget_${slug})
  add_executable(${target}
    ${PROJECT_SOURCE_DIR}/src/platform/main_web.cpp
    ${gen}/article/article_data.cpp
    ${gen}/map.cpp
    ${font_sources})
  target_link_libraries(${target} PRIVATE dateline::platform)
  target_link_options(${target} PRIVATE ${DATELINE_WIDGET_LINK_OPTIONS})
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME dateline
    SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/widgets/${slug}"
    LINK_DEPENDS "${PROJECT_SOURCE_DIR}/web/register-module.js")

  # Publish the module; its page and the shared page assets follow below.
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E make_directory "${out}"
    COMMAND ${CMAKE_COMMAND} -E copy_if_different
            "${CMAKE_BINARY_DIR}/widgets/${slug}/dateline.js"
            "${CMAKE_BINARY_DIR}/widgets/${slug}/dateline.wasm" "${out}/"
    VERBATIM)
  # index.html can change without the module relinking.
  add_custom_target(${target}_page ALL
    COMMAND ${CMAKE_COMMAND} -E make_directory "${out}"
    COMMAND ${CMAKE_COMMAND} -E copy_if_different "${gen}/article/index.html" "${gen}/article/article.html" "${out}/"
    COMMAND ${CMAKE_COMMAND} -E copy_if_different
            "${PROJECT_SOURCE_DIR}/web/dateline.css" "${PROJECT_SOURCE_DIR}/web/favicon.svg"
            "${DATELINE_DIST_DIR}/"
    DEPENDS ${gen}/article/index.html ${gen}/article/article.html
            "${PROJECT_SOURCE_DIR}/web/dateline.css"
            "${PROJECT_SOURCE_DIR}/web/favicon.svg"
    VERBATIM)
  dateline_add_pages(${slug} "${gen}" "${out}")
endfunction()
