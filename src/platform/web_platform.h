// dateline web platform backend for Dear ImGui, on emscripten/html5.h.
// Draws with GlRenderer (gl_renderer.h) on a WebGL2 context.
//
// Implemented features:
//   [X] Binds to the canvas the page gives the module (Module.canvas), not the first on the page
//   [X] Backing store = round(CSS size x devicePixelRatio), DPR re-read on every resize; capped
//       for very tall canvases (GL size limits, memory on phones) by lowering the scale
//   [X] Render on demand: animation frames only after input/resize/data or while animating
//   [X] Redraw only the tiles whose triangles changed (widget/damage.h); nothing if none did
//   [X] The first frame is measured and drawn at start-up, without waiting for an animation frame
//   [X] Mouse position, buttons, hand cursor; taps arrive as the browser's compatibility mouse events
//   [X] Keys only while the canvas has focus; preventDefault only when the widget used the key
//   [X] Wheel scrolls the page; ctrl/cmd+wheel over the map zooms it
//   [X] Selection, copy-link and ready notifications to the page (bridge.js)
//   [X] Two-finger pinch and pan over the map; one finger always scrolls the page
//   [X] Paused while off screen (the page reports visibility): no frames, input still recorded
//   [X] WebGL context loss: stop drawing; on restore re-create the renderer (fonts re-upload)
// Missing features or issues:
//   [ ] Inertia for touch drags (the widget has no inner scrolling yet)
//
// State lives in one WebPlatform object reached through io.BackendPlatformUserData.
#pragma once

#include <cstdint>

#include <emscripten/html5.h>

#include "platform/gl_renderer.h"
#include "widget/damage.h"
#include "widget/widget.h"

namespace dateline {

class WebPlatform {
public:
    // Creates the ImGui context and listens to the canvas "#canvas".
    void init();
    // Starts drawing `widget` (created after init, once fonts can be loaded):
    // measures it, creates the WebGL2 context and draws the first frame.
    // False if WebGL2 is unavailable (the page then keeps its HTML article).
    bool attach(Widget* widget);
    void shutdown();

    // Called from JS when the canvas's CSS box or the DPR may have changed.
    void on_resize();
    // Asks for a few frames so hover and click states settle.
    void wake(int frames = 3);
    // The page reports whether the canvas is on screen.
    void set_visible(bool visible);

private:
    static EM_BOOL on_animation_frame(double time, void* self);
    static EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void* self);
    static EM_BOOL on_wheel(int type, const EmscriptenWheelEvent* e, void* self);
    static EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void* self);
    static EM_BOOL on_focus(int type, const EmscriptenFocusEvent* e, void* self);
    static EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void* self);
    static EM_BOOL on_context_lost(int type, const void* reserved, void* self);
    static EM_BOOL on_context_restored(int type, const void* reserved, void* self);
    static void on_idle(void* self);
    bool create_context();
    void give_up();
    void read_css_size();  // CSS size and the scale to draw at
    bool hidden() const { return css_w_ < 1; }
    void render_frame(double now_ms);
    void notify_page();

    Widget* widget_ = nullptr;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl_ = 0;
    GlRenderer renderer_;
    double css_w_ = 0, css_h_ = 0, dpr_ = 1;  // dpr_: the scale actually used (may be capped)
    // Until the context exists: what current GPUs allow (it is read then).
    static constexpr int kGuessedMaxDim = 8192;
    int max_canvas_dim_ = kGuessedMaxDim;
    double last_time_ms_ = 0;
    double start_ms_ = 0;
    long raf_ = 0;
    int frames_left_ = 0;
    float content_height_ = 0;
    bool ready_sent_ = false;
    int frames_drawn_ = 0;
    bool visible_ = true;
    bool context_lost_ = false;
    bool full_redraw_ = true;  // the next frame redraws the whole canvas
    bool hand_cursor_ = false;
    DamageTracker damage_;
};

}  // namespace dateline
