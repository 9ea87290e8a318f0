// C declarations of the functions in bridge.js.
#pragma once

extern "C" {
void dateline_js_bind_canvas();
void dateline_js_set_cursor(int pointer);
void dateline_js_content_height(double css_height);
void dateline_js_ready(double first_frame_ms, const char* slug);
void dateline_js_frame_drawn();
void dateline_js_unavailable();
int dateline_js_prefers_dark();
int dateline_js_reduced_motion();
int dateline_js_mode();  // 0 full, 1 companion
void dateline_js_selected(const char* type, const char* id, const char* fragment);
void dateline_js_copy_link(const char* fragment);
}
