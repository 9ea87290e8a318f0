// Dear ImGui configuration for Dateline, passed to every translation unit
// that includes ImGui through IMGUI_USER_CONFIG so the upstream sources stay
// pristine. Everything a news widget never shows is compiled out: it is
// download size the reader would pay for nothing.
#pragma once

#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_DEFAULT_FONT  // ProggyClean must never appear: fonts come from the article build
#define IMGUI_DISABLE_FILE_FUNCTIONS  // no .ini, no logging to files: the widget has no filesystem
#define IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS
// The map's land is one mesh of tens of thousands of vertices. With 16-bit
// indices ImGui splits meshes through ImDrawCmd::VtxOffset, which the OpenGL
// ES3 renderer cannot honour (no glDrawElementsBaseVertex in WebGL2): past
// 65,535 vertices everything after the map came out as garbage. WebGL2 draws
// 32-bit indices natively.
#define ImDrawIdx unsigned int
#ifdef __EMSCRIPTEN__
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_DEBUG_TOOLS
#endif
