# dateline_add_pages(<slug> <gen_dir> <out_dir>)
#
# The pages around one article's widget, built after its module:
#   <out_dir>/embed.html               the editor's page: both embed snippets with copy
#                                      buttons, heights measured per column width, live previews
#                                      (web/embed.html + the compiled page's headline, by
#                                      scripts/make-pages.mjs)
#   <out_dir>/../<slug>.offline.html   one file that works from file:// with no request:
#                                      page, CSS, module, base64 wasm and loader inlined
#                                      (scripts/make-offline.mjs; fails over its byte budget)
# and, once for all articles, the shared files next to them: dateline-embed.js,
#   dateline-frame.js (iframe child and parent) and embed-editor.js, minified by
#   scripts/minify.mjs (terser); embed-editor.css; and pym.v1.min.js (npm pym.js, pinned
#   in package-lock.json) for the editor's Pym.js snippet.
# <gen_dir> is the article's generated directory (with article/index.html); the module
# comes from the target dateline_widget_<slug> in ${CMAKE_BINARY_DIR}/widgets/<slug>/.

find_program(DATELINE_NODE node REQUIRED)
set(DATELINE_OFFLINE_BUDGET 614400 CACHE STRING "Byte budget of each <slug>.offline.html (600 KB)")
# Empty: the editor page fills in its own URL in the browser.
set(DATELINE_PUBLIC_URL "" CACHE STRING
    "Public URL of dist/ (e.g. https://example.org/dateline/) for the editor page's snippets without JavaScript")

function(_dateline_pages_shared)
  if(TARGET dateline_pages_shared)
    return()
  endif()
  set(outputs)
  foreach(name IN ITEMS dateline-embed.js dateline-frame.js embed-editor.js)
    add_custom_command(
      OUTPUT "${DATELINE_DIST_DIR}/${name}"
      COMMAND "${DATELINE_NODE}" "${PROJECT_SOURCE_DIR}/scripts/minify.mjs"
              "${PROJECT_SOURCE_DIR}/web/${name}" "${DATELINE_DIST_DIR}/${name}"
      DEPENDS "${PROJECT_SOURCE_DIR}/web/${name}" "${PROJECT_SOURCE_DIR}/scripts/minify.mjs"
      COMMENT "dateline: minifying ${name}"
      VERBATIM)
    list(APPEND outputs "${DATELINE_DIST_DIR}/${name}")
  endforeach()
  set(files web/embed-editor.css node_modules/pym.js/dist/pym.v1.min.js)
  foreach(file IN LISTS files)
    get_filename_component(name "${file}" NAME)
    add_custom_command(
      OUTPUT "${DATELINE_DIST_DIR}/${name}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${DATELINE_DIST_DIR}"
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${PROJECT_SOURCE_DIR}/${file}" "${DATELINE_DIST_DIR}/${name}"
      DEPENDS "${PROJECT_SOURCE_DIR}/${file}"
      VERBATIM)
    list(APPEND outputs "${DATELINE_DIST_DIR}/${name}")
  endforeach()
  add_custom_target(dateline_pages_shared ALL DEPENDS ${outputs})
endfunction()

function(dateline_add_pages slug gen out)
  _dateline_pages_shared()
  set(page "${gen}/article/index.html")
  set(module_dir "${CMAKE_BINARY_DIR}/widgets/${slug}")
  get_filename_component(dist "${out}" DIRECTORY)
  set(editor "${out}/embed.html")
  set(offline "${dist}/${slug}.offline.html")

  set(public_url_args)
  if(DATELINE_PUBLIC_URL)
    set(public_url_args --public-url "${DATELINE_PUBLIC_URL}")
  endif()
  add_custom_command(
    OUTPUT "${editor}"
    COMMAND "${DATELINE_NODE}" "${PROJECT_SOURCE_DIR}/scripts/make-pages.mjs"
            --slug "${slug}" --page "${page}" --template "${PROJECT_SOURCE_DIR}/web/embed.html"
            --out "${editor}" ${public_url_args}
    DEPENDS "${page}" "${PROJECT_SOURCE_DIR}/web/embed.html" "${PROJECT_SOURCE_DIR}/scripts/make-pages.mjs"
    COMMENT "dateline: editor page for ${slug}"
    VERBATIM)

  # The target dependency rebuilds the file whenever the module relinks
  # (dateline.js and dateline.wasm come from the same link).
  add_custom_command(
    OUTPUT "${offline}"
    COMMAND "${DATELINE_NODE}" "${PROJECT_SOURCE_DIR}/scripts/make-offline.mjs"
            --page "${page}" --module "${module_dir}/dateline.js" --wasm "${module_dir}/dateline.wasm"
            --css "${PROJECT_SOURCE_DIR}/web/dateline.css" --embed "${DATELINE_DIST_DIR}/dateline-embed.js"
            --favicon "${PROJECT_SOURCE_DIR}/web/favicon.svg" --budget "${DATELINE_OFFLINE_BUDGET}"
            --out "${offline}"
    DEPENDS dateline_widget_${slug} "${page}" "${PROJECT_SOURCE_DIR}/scripts/make-offline.mjs"
            "${PROJECT_SOURCE_DIR}/web/dateline.css" "${DATELINE_DIST_DIR}/dateline-embed.js"
            "${PROJECT_SOURCE_DIR}/web/favicon.svg"
    COMMENT "dateline: offline single file for ${slug}"
    VERBATIM)

  add_custom_target(dateline_widget_${slug}_pages ALL DEPENDS "${editor}" "${offline}")
  add_dependencies(dateline_widget_${slug}_pages dateline_pages_shared)
endfunction()
