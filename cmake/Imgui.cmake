# Dear ImGui, unpacked into the build tree by scripts/fetch-imgui.sh.
# Provides dateline::imgui (core only: the renderer is src/platform/gl_renderer.cpp).

set(DATELINE_IMGUI_DIR "${PROJECT_SOURCE_DIR}/build/third_party/imgui-1.92.2b+ds"
    CACHE PATH "Dear ImGui 1.92 sources (fetched by scripts/fetch-imgui.sh)")
if(NOT EXISTS "${DATELINE_IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "Dear ImGui not found in ${DATELINE_IMGUI_DIR}.\n"
                      "Run `make deps` (scripts/bootstrap.sh) or set DATELINE_IMGUI_DIR.")
endif()

add_library(dateline_imgui STATIC
  ${DATELINE_IMGUI_DIR}/imgui.cpp
  ${DATELINE_IMGUI_DIR}/imgui_draw.cpp
  ${DATELINE_IMGUI_DIR}/imgui_tables.cpp
  ${DATELINE_IMGUI_DIR}/imgui_widgets.cpp)
add_library(dateline::imgui ALIAS dateline_imgui)
# SYSTEM: upstream code is not held to our warning flags.
target_include_directories(dateline_imgui SYSTEM PUBLIC ${DATELINE_IMGUI_DIR})
target_compile_definitions(dateline_imgui PUBLIC
  IMGUI_USER_CONFIG="${PROJECT_SOURCE_DIR}/src/widget/dateline_imconfig.h")
