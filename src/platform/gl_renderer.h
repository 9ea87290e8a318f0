// Draws ImGui's draw data on the widget's WebGL2 context.
//
// Why not the stock imgui_impl_opengl3: it backs up and restores about twenty
// pieces of GL state around every frame with glGetIntegerv/glIsEnabled, so it
// can live inside someone else's engine. In a browser each of those is a
// synchronous round trip to the GPU process, and the first one in a frame
// waits until the previous frame has been rasterized: with a software GPU
// that is tens of milliseconds of the page's main thread per frame, spent
// waiting (docs/PERFORMANCE.md). The canvas's context is Dateline's alone, so
// this renderer sets its state once and never reads any back during a frame.
//
// Implemented features:
//   [X] ImGuiBackendFlags_RendererHasTextures: the dynamic font atlas is
//       created, updated in place (only the changed rectangles) and destroyed
//   [X] 32-bit indices (dateline_imconfig.h), so no VtxOffset
//   [X] Drawing only part of the canvas: the clear and every command are
//       scissored to the damaged rectangles, and the rest keeps its pixels
//   [X] Context loss: forget every GL name; ImGui re-creates its textures
#pragma once

#include <vector>

#include <imgui.h>

#include "article/text_layout.h"

namespace dateline {

// Framebuffer pixels in GL window coordinates (origin bottom left):
// [x0, x1) x [y0, y1).
struct PixelBox {
    int x0, y0, x1, y1;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

class GlRenderer {
public:
    // Tells ImGui what this renderer does, before its first frame (which
    // may come before the GL context: the first one only measures).
    static void declare(ImGuiIO& io);
    // With the context current; reads nothing back.
    void init();
    // Deletes the GL objects and ImGui's textures (while the context lives).
    void shutdown();
    // The context was lost: every GL name is already gone. ImGui re-creates
    // the textures on its next frame; init() builds the rest again.
    void forget();

    // Clears to `clear` and draws `data` onto a canvas of fb_w x fb_h pixels,
    // touching only the pixels inside the disjoint rectangles `only` (display
    // coordinates; widget/damage.h): the rest keeps what it showed.
    // False, drawing nothing, if the shaders did not compile or link (the
    // only thing this renderer ever reads back from GL, once).
    bool render(ImDrawData& data, int fb_w, int fb_h, ImU32 clear, const std::vector<Rect>& only);

private:
    bool program_ready();
    void update_texture(ImTextureData& tex);
    void destroy_texture(ImTextureData& tex, bool delete_gl_object);

    unsigned program_ = 0, vao_ = 0, vbo_ = 0, ebo_ = 0;
    int u_transform_ = -1;
    std::vector<PixelBox> boxes_;  // this frame's areas, kept to reuse the allocation
    enum class Link { Unknown, Ok, Failed } linked_ = Link::Unknown;
};

}  // namespace dateline
