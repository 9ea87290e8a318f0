#include "platform/web_platform.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <GLES3/gl3.h>

#include "platform/js_bridge.h"

namespace dateline {
namespace {

constexpr const char* kCanvas = "#canvas";

// The keys the widget understands; everything else is left to the page.
ImGuiKey key_from_code(const char* code) {
    struct Entry {
        const char* code;
        ImGuiKey key;
    };
    static constexpr Entry kKeys[] = {
        {"Tab", ImGuiKey_Tab},         {"Enter", ImGuiKey_Enter},
        {"NumpadEnter", ImGuiKey_KeypadEnter}, {"Space", ImGuiKey_Space},
        {"Escape", ImGuiKey_Escape},   {"ArrowLeft", ImGuiKey_LeftArrow},
        {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowUp", ImGuiKey_UpArrow},
        {"ArrowDown", ImGuiKey_DownArrow}, {"Equal", ImGuiKey_Equal},
        {"Minus", ImGuiKey_Minus},     {"NumpadAdd", ImGuiKey_KeypadAdd},
        {"NumpadSubtract", ImGuiKey_KeypadSubtract}, {"Digit0", ImGuiKey_0},
    };
    for (const Entry& e : kKeys) {
        if (std::strcmp(code, e.code) == 0) return e.key;
    }
    return ImGuiKey_None;
}

WebPlatform* from(void* self) { return static_cast<WebPlatform*>(self); }

}  // namespace

bool WebPlatform::init(const WebApp& app) {
    app_ = app;
    start_ms_ = emscripten_get_now();
    dateline_js_bind_canvas();

    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own geometry
    attrs.premultipliedAlpha = EM_TRUE;
    gl_ = emscripten_webgl_create_context(kCanvas, &attrs);
    if (gl_ <= 0) return false;
    emscripten_webgl_make_context_current(gl_);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendPlatformName = "dateline_web";
    io.BackendPlatformUserData = this;
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplOpenGL3_Init("#version 300 es");

    // Every registration here has its twin in shutdown().
    emscripten_set_mousemove_callback(kCanvas, this, EM_FALSE, on_mouse);
    emscripten_set_mousedown_callback(kCanvas, this, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(kCanvas, this, EM_FALSE, on_mouse);
    // A press that starts on the canvas may be released anywhere.
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, this, EM_FALSE, on_mouse);
    // Keys go to the canvas element only: the widget hears them while it has
    // focus and never takes them from the host page's own fields.
    emscripten_set_keydown_callback(kCanvas, this, EM_FALSE, on_key);
    emscripten_set_keyup_callback(kCanvas, this, EM_FALSE, on_key);
    emscripten_set_focus_callback(kCanvas, this, EM_FALSE, on_focus);
    emscripten_set_blur_callback(kCanvas, this, EM_FALSE, on_focus);

    on_resize();
    return true;
}

void WebPlatform::shutdown() {
    emscripten_set_mousemove_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_mousedown_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_mouseleave_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, nullptr);
    emscripten_set_keydown_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_keyup_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_focus_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_blur_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    if (raf_) emscripten_cancel_animation_frame(raf_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
    emscripten_webgl_destroy_context(gl_);
}

// The one place that decides the canvas size: CSS size x DPR, rounded, at
// least 1. DPR is read again every time because browser zoom changes it.
void WebPlatform::on_resize() {
    emscripten_get_element_css_size(kCanvas, &css_w_, &css_h_);
    dpr_ = emscripten_get_device_pixel_ratio();
    const int w = std::max(1, static_cast<int>(std::lround(css_w_ * dpr_)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h_ * dpr_)));
    int cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size(kCanvas, &cur_w, &cur_h);
    if (cur_w != w || cur_h != h) emscripten_set_canvas_element_size(kCanvas, w, h);
    wake();
}

void WebPlatform::wake(int frames) {
    frames_left_ = std::max(frames_left_, frames);
    if (!raf_) raf_ = emscripten_request_animation_frame(on_animation_frame, this);
}

EM_BOOL WebPlatform::on_animation_frame(double time, void* self) {
    WebPlatform* p = from(self);
    p->raf_ = 0;
    p->render_frame(time);
    if (p->frames_left_ > 0) p->wake(0);
    return EM_FALSE;  // one-shot: the next frame is requested only when needed
}

void WebPlatform::render_frame(double now_ms) {
    --frames_left_;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(css_w_), static_cast<float>(css_h_));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(dpr_), static_cast<float>(dpr_));
    // After an idle stretch the real gap can be minutes; ImGui only needs a
    // positive, plausible step.
    const double dt = last_time_ms_ > 0 ? (now_ms - last_time_ms_) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(std::min(std::max(dt, 1e-4), 0.1));
    last_time_ms_ = now_ms;

    const bool dark = dateline_js_prefers_dark() != 0;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    const float content = app_.frame(app_.user, dark);
    dateline_js_set_cursor(ImGui::GetMouseCursor() == ImGuiMouseCursor_Hand);
    ImGui::Render();

    int fb_w = 0, fb_h = 0;
    emscripten_get_canvas_element_size(kCanvas, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    const unsigned rgb = app_.clear_color(app_.user, dark);
    glClearColor(((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++frames_drawn_;
    dateline_js_frame_drawn();

    // The page sizes the canvas to the content so the page, not the canvas,
    // scrolls. A new height resizes the canvas, which wakes another frame.
    if (std::fabs(content - content_height_) >= 0.5f) {
        content_height_ = content;
        dateline_js_content_height(content);
    } else if (!ready_sent_ && std::fabs(css_h_ - content_height_) < 1.0 && frames_drawn_ >= 2) {
        // Complete: fonts baked, layout settled, canvas at its final size.
        ready_sent_ = true;
        dateline_js_ready(emscripten_get_now() - start_ms_, app_.slug);
    }
}

EM_BOOL WebPlatform::on_mouse(int type, const EmscriptenMouseEvent* e, void* self) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    } else {
        io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    }
    if ((type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) && e->button < 3) {
        // DOM buttons are 0 left, 1 middle, 2 right; ImGui's are 0 left, 1 right, 2 middle.
        static constexpr int kImGuiButton[3] = {0, 2, 1};
        io.AddMouseButtonEvent(kImGuiButton[e->button], type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    }
    from(self)->wake();
    return EM_FALSE;  // the page still sees every mouse event (text selection, focus)
}

EM_BOOL WebPlatform::on_key(int type, const EmscriptenKeyboardEvent* e, void* self) {
    const ImGuiKey key = key_from_code(e->code);
    if (key == ImGuiKey_None) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
    io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
    io.AddKeyEvent(key, type == EMSCRIPTEN_EVENT_KEYDOWN);
    from(self)->wake();
    // Tab must keep moving focus through the page until the widget has
    // targets of its own to move through (issue 3/5 adds them).
    return EM_FALSE;
}

EM_BOOL WebPlatform::on_focus(int type, const EmscriptenFocusEvent*, void* self) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    from(self)->wake();
    return EM_FALSE;
}

}  // namespace dateline
