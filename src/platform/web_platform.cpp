#include "platform/web_platform.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <imgui.h>

#include <GLES3/gl3.h>

#include "platform/js_bridge.h"
#include "widget/damage.h"

namespace dateline {
namespace {

constexpr const char* kCanvas = "#canvas";
constexpr double kIdleStepMs = 50;  // between idle steps: the page's own work goes first

// The keys the widget understands; everything else is left to the page.
bool key_from_code(const char* code, Key& key) {
    struct Entry {
        const char* code;
        Key key;
    };
    static constexpr Entry kKeys[] = {
        {"Tab", Key::Tab},           {"Enter", Key::Enter},         {"NumpadEnter", Key::Enter},
        {"Space", Key::Space},       {"Escape", Key::Escape},       {"ArrowLeft", Key::Left},
        {"ArrowRight", Key::Right},  {"ArrowUp", Key::Up},          {"ArrowDown", Key::Down},
        {"Equal", Key::Plus},        {"NumpadAdd", Key::Plus},      {"Minus", Key::Minus},
        {"NumpadSubtract", Key::Minus},
    };
    for (const Entry& e : kKeys) {
        if (std::strcmp(code, e.code) == 0) {
            key = e.key;
            return true;
        }
    }
    return false;
}

WebPlatform* from(void* self) { return static_cast<WebPlatform*>(self); }

}  // namespace

void WebPlatform::init() {
    start_ms_ = emscripten_get_now();
    dateline_js_bind_canvas();

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendPlatformName = "dateline_web";
    io.BackendPlatformUserData = this;
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    GlRenderer::declare(io);

    // Every registration here has its twin in shutdown().
    emscripten_set_mousemove_callback(kCanvas, this, EM_FALSE, on_mouse);
    emscripten_set_mousedown_callback(kCanvas, this, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(kCanvas, this, EM_FALSE, on_mouse);
    // A press that starts on the canvas may be released anywhere.
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, this, EM_FALSE, on_mouse);
    emscripten_set_wheel_callback(kCanvas, this, EM_FALSE, on_wheel);
    // Keys go to the canvas element only: the widget hears them while it has
    // focus and never takes them from the host page's own fields.
    emscripten_set_keydown_callback(kCanvas, this, EM_FALSE, on_key);
    emscripten_set_keyup_callback(kCanvas, this, EM_FALSE, on_key);
    emscripten_set_focus_callback(kCanvas, this, EM_FALSE, on_focus);
    emscripten_set_blur_callback(kCanvas, this, EM_FALSE, on_focus);
    emscripten_set_touchstart_callback(kCanvas, this, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(kCanvas, this, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(kCanvas, this, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(kCanvas, this, EM_FALSE, on_touch);
    emscripten_set_webglcontextlost_callback(kCanvas, this, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(kCanvas, this, EM_FALSE, on_context_restored);
}

bool WebPlatform::create_context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;  // ImGui anti-aliases its own geometry
    attrs.premultipliedAlpha = EM_TRUE;
    // A frame redraws only the tiles that changed (widget/damage.h); the rest
    // of the canvas must keep its pixels.
    attrs.preserveDrawingBuffer = EM_TRUE;
    // Emscripten otherwise asks for every extension the browser offers, one
    // synchronous round trip each, before the first frame; WebGL2 core is all
    // the renderer uses.
    attrs.enableExtensionsByDefault = EM_FALSE;
    gl_ = emscripten_webgl_create_context(kCanvas, &attrs);
    if (gl_ <= 0) return false;
    emscripten_webgl_make_context_current(gl_);
    GLint viewport_dims[2] = {0, 0};
    GLint renderbuffer = 0;
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport_dims);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    max_canvas_dim_ = std::max(1024, std::min({viewport_dims[0], viewport_dims[1], renderbuffer}));

    renderer_.init();
    return true;
}

bool WebPlatform::attach(Widget* widget) {
    widget_ = widget;
    // The first frame waits for no animation frame. It is measured before
    // the context exists (which sizes the canvas to the content, see
    // render_frame), so the context's drawing buffer is made at its final
    // size instead of being reallocated (7-40 ms here; a browser without
    // WebGL2, which is rare, has measured for nothing). Then it is drawn now,
    // and the browser shows it with its next paint.
    read_css_size();
    render_frame(emscripten_get_now());
    if (!create_context()) {
        give_up();
        return false;
    }
    // A GPU that allows less than the size guessed before: within its limits.
    if (max_canvas_dim_ < kGuessedMaxDim) on_resize();
    if (content_height_ > 0 && visible_) render_frame(emscripten_get_now());
    return true;
}

// The canvas cannot draw (no WebGL2, or shaders that did not link): no more
// frames, and the page shows its HTML article instead.
void WebPlatform::give_up() {
    if (raf_) emscripten_cancel_animation_frame(raf_);
    raf_ = 0;
    widget_ = nullptr;
    dateline_js_unavailable();
}

void WebPlatform::shutdown() {
    emscripten_set_mousemove_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_mousedown_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_mouseleave_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, nullptr);
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_keydown_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_keyup_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_focus_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_blur_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchstart_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchmove_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchend_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_webglcontextlost_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    emscripten_set_webglcontextrestored_callback(kCanvas, nullptr, EM_FALSE, nullptr);
    if (raf_) emscripten_cancel_animation_frame(raf_);
    if (gl_ > 0) renderer_.shutdown();
    ImGui::DestroyContext();
    if (gl_ > 0) emscripten_webgl_destroy_context(gl_);
}

// The one place that decides the canvas's scale: CSS size x DPR, rounded,
// at least 1. DPR is read again every time because browser zoom changes it.
//
// The canvas is as tall as the content so the page does the scrolling; a
// long article on a 3x phone would need a backing store beyond the GPU's
// limits (it wraps around: the bottom is drawn over the top) and tens of MB
// of memory. Such canvases get a lower scale: slightly softer text, never a
// broken or memory-hungry one.
void WebPlatform::read_css_size() {
    constexpr double kMaxPixels = 8.0 * 1024 * 1024;  // 32 MB of RGBA backing store
    emscripten_get_element_css_size(kCanvas, &css_w_, &css_h_);
    double scale = emscripten_get_device_pixel_ratio();
    const double w_css = std::max(1.0, css_w_), h_css = std::max(1.0, css_h_);
    scale = std::min({scale, max_canvas_dim_ / w_css, max_canvas_dim_ / h_css, std::sqrt(kMaxPixels / (w_css * h_css))});
    dpr_ = std::max(scale, 0.25);
}

void WebPlatform::on_resize() {
    const double old_w = css_w_, old_h = css_h_, old_dpr = dpr_;
    read_css_size();
    // Hidden (display: none on the canvas or an ancestor: a closed tab or
    // accordion) it measures 0 wide. The canvas keeps its drawing buffer and
    // the page its height; showing it again resizes and redraws.
    if (hidden()) return;
    const int w = std::max(1, static_cast<int>(std::lround(css_w_ * dpr_)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h_ * dpr_)));
    int cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size(kCanvas, &cur_w, &cur_h);
    // The page's ResizeObserver also reports sizes the module set itself.
    if (cur_w == w && cur_h == h && old_w == css_w_ && old_h == css_h_ && old_dpr == dpr_) return;
    if (cur_w != w || cur_h != h) emscripten_set_canvas_element_size(kCanvas, w, h);
    full_redraw_ = true;  // a resized canvas starts blank, and the layout may have moved
    wake();
}

void WebPlatform::wake(int frames) {
    frames_left_ = std::max(frames_left_, frames);
    // Off screen or without a GL context the frames wait; set_visible and the
    // restore callback ask again.
    if (!raf_ && visible_ && !context_lost_ && frames_left_ > 0) {
        raf_ = emscripten_request_animation_frame(on_animation_frame, this);
    }
}

void WebPlatform::set_visible(bool visible) {
    visible_ = visible;
    if (visible) {
        wake(1);
    } else if (raf_) {
        emscripten_cancel_animation_frame(raf_);
        raf_ = 0;
    }
}

EM_BOOL WebPlatform::on_context_lost(int, const void*, void* self) {
    WebPlatform* p = from(self);
    p->context_lost_ = true;
    if (p->raf_) emscripten_cancel_animation_frame(p->raf_);
    p->raf_ = 0;
    return EM_TRUE;  // preventDefault: tells the browser we want the context back
}

EM_BOOL WebPlatform::on_context_restored(int, const void*, void* self) {
    WebPlatform* p = from(self);
    emscripten_webgl_make_context_current(p->gl_);
    // Every GL object died with the context. Forgetting them marks ImGui's
    // textures destroyed, and ImGui asks for them again (font atlas included)
    // on the next frame.
    p->renderer_.forget();
    p->renderer_.init();
    p->context_lost_ = false;
    p->full_redraw_ = true;
    p->wake();
    return EM_TRUE;
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
    // Laid out at no width, the article would be a column of single
    // characters, tens of thousands of pixels tall, reported to the page.
    if (!widget_ || hidden()) return;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(css_w_), static_cast<float>(css_h_));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(dpr_), static_cast<float>(dpr_));
    // After an idle stretch the real gap can be minutes; ImGui only needs a
    // positive, plausible step.
    const double dt = last_time_ms_ > 0 ? (now_ms - last_time_ms_) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(std::min(std::max(dt, 1e-4), 0.1));
    last_time_ms_ = now_ms;

    const ColorScheme scheme = dateline_js_prefers_dark() ? ColorScheme::Dark : ColorScheme::Light;
    ImGui::NewFrame();
    // Whole CSS pixels: a fractional canvas height makes the browser rescale
    // the whole backing store by a hair, which softens every glyph.
    const float content = std::ceil(widget_->frame(scheme, now_ms / 1000.0));
    // Only on a change: writing the canvas's style, even the same value,
    // is a call into the page on every frame.
    const bool hand = ImGui::GetMouseCursor() == ImGuiMouseCursor_Hand;
    if (hand != hand_cursor_) {
        hand_cursor_ = hand;
        dateline_js_set_cursor(hand);
    }
    ImGui::Render();
    if (content_height_ == 0 && content > 0) {
        // The first frame only measures: the canvas is about to take the
        // content's height, and rasterizing a frame at the old size would be
        // thrown away (ImGui keeps its texture requests for the next render).
        content_height_ = content;
        dateline_js_content_height(content);
        // Now, not when the page's ResizeObserver reports it after the next
        // animation frame, which would rasterize that frame at the old size.
        on_resize();
        return;
    }

    if (gl_ <= 0) return;
    int fb_w = 0, fb_h = 0;
    emscripten_get_canvas_element_size(kCanvas, &fb_w, &fb_h);
    // Only the tiles whose triangles changed since the last frame are cleared
    // and drawn again (widget/damage.h); a frame that changed nothing draws
    // nothing.
    ImDrawData* data = ImGui::GetDrawData();
    const ImU32 page = theme_for(scheme).page;
    const std::vector<Rect>& damaged = damage_.update(*data, page, full_redraw_);
    full_redraw_ = false;
    // A renderer that cannot draw never reports ready, and the page shows its
    // HTML article instead.
    if (!renderer_.render(*data, fb_w, fb_h, page, damaged)) {
        give_up();
        return;
    }
    ++frames_drawn_;
    dateline_js_frame_drawn();
    notify_page();
    if (widget_->animating()) wake(1);

    // The page sizes the canvas to the content so the page, not the canvas,
    // scrolls. A new height resizes the canvas, which wakes another frame.
    if (std::fabs(content - content_height_) >= 0.5f) {
        content_height_ = content;
        dateline_js_content_height(content);
    } else if (!ready_sent_ && std::fabs(css_h_ - content_height_) < 1.0 && frames_drawn_ >= 1) {
        // Complete: fonts baked, layout settled, canvas at its final size.
        ready_sent_ = true;
        const std::string slug(widget_->article().slug);
        dateline_js_ready(emscripten_get_now() - start_ms_, slug.c_str());
        emscripten_set_timeout(on_idle, kIdleStepMs, this);
    }
}

// Work ahead of the reader (levels of detail for zooming), one bounded step
// per timer tick after the first complete frame; no animation frame is
// requested, and nothing is left to do after a few steps.
void WebPlatform::on_idle(void* self) {
    WebPlatform* p = from(self);
    if (p->widget_ && p->widget_->prepare()) emscripten_set_timeout(on_idle, kIdleStepMs, self);
}

EM_BOOL WebPlatform::on_mouse(int type, const EmscriptenMouseEvent* e, void* self) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    } else if (type != EMSCRIPTEN_EVENT_MOUSEUP) {
        // mouseup is heard on the document, whose "target" coordinates are
        // viewport coordinates: the canvas's own events already placed the pointer.
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
    WebPlatform* p = from(self);
    Key key;
    // Shortcuts with ctrl/alt/meta belong to the browser and the page.
    if (!p->widget_ || e->ctrlKey || e->altKey || e->metaKey || !key_from_code(e->code, key)) return EM_FALSE;
    if (type != EMSCRIPTEN_EVENT_KEYDOWN) return EM_FALSE;
    const bool used = p->widget_->key(key, e->shiftKey);
    if (used) p->wake();
    // preventDefault only for what the widget used: an unused Tab moves focus
    // on through the page, unused arrows and Space scroll it.
    return used ? EM_TRUE : EM_FALSE;
}

EM_BOOL WebPlatform::on_wheel(int, const EmscriptenWheelEvent* e, void* self) {
    WebPlatform* p = from(self);
    if (!p->widget_) return EM_FALSE;
    const bool zoom = e->mouse.ctrlKey || e->mouse.metaKey;  // trackpad pinch arrives as ctrl+wheel
    const bool used = p->widget_->wheel(static_cast<float>(e->mouse.targetX), static_cast<float>(e->mouse.targetY),
                                        static_cast<float>(e->deltaY), zoom);
    if (used) p->wake();
    return used ? EM_TRUE : EM_FALSE;
}

// One finger belongs to the page (scrolling); taps reach the widget as the
// browser's compatibility mouse events. Two fingers over the map pinch and pan
// it, and only then is the gesture kept from the browser.
EM_BOOL WebPlatform::on_touch(int type, const EmscriptenTouchEvent* e, void* self) {
    WebPlatform* p = from(self);
    if (!p->widget_) return EM_FALSE;
    const EmscriptenTouchPoint* a = nullptr;
    const EmscriptenTouchPoint* b = nullptr;
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        // touchend lists lifted fingers as changed; they no longer count.
        if ((type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) && t.isChanged) continue;
        (a ? b : a) = &t;
        if (b) break;
    }
    ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    const bool two = a && b;
    const bool used = p->widget_->pinch(two, two ? static_cast<float>(a->targetX) : 0, two ? static_cast<float>(a->targetY) : 0,
                                        two ? static_cast<float>(b->targetX) : 0, two ? static_cast<float>(b->targetY) : 0);
    if (used) p->wake();
    return used && two ? EM_TRUE : EM_FALSE;
}

EM_BOOL WebPlatform::on_focus(int type, const EmscriptenFocusEvent*, void* self) {
    WebPlatform* p = from(self);
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    if (p->widget_) p->widget_->focus(type == EMSCRIPTEN_EVENT_FOCUS);
    p->wake();
    return EM_FALSE;
}

void WebPlatform::notify_page() {
    const Article& a = widget_->article();
    if (widget_->take_selection_change()) {
        const Selection s = widget_->selection().current();
        const std::string id(selection_id(a, s));
        dateline_js_selected(target_type_name(s.type), id.c_str(), format_fragment(a, s).c_str());
    }
    if (widget_->take_copy_request()) {
        dateline_js_copy_link(format_fragment(a, widget_->selection().current()).c_str());
    }
}

}  // namespace dateline
