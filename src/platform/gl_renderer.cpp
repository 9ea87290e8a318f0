#include "platform/gl_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <GLES3/gl3.h>

namespace dateline {
namespace {

constexpr GLuint kPos = 0, kUv = 1, kColor = 2;

constexpr const char* kVertexShader = R"(#version 300 es
uniform vec4 u_transform;  // display coordinates to clip space: scale xy, offset zw
in vec2 a_pos;
in vec2 a_uv;
in vec4 a_color;
out vec2 v_uv;
out vec4 v_color;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = vec4(a_pos * u_transform.xy + u_transform.zw, 0.0, 1.0);
}
)";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() {
    o_color = v_color * texture(u_texture, v_uv);
}
)";

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

GLuint gl_name(const ImTextureData& tex) { return static_cast<GLuint>(static_cast<std::intptr_t>(tex.TexID)); }

// A command's clip rectangle (display coordinates) in framebuffer pixels,
// rounded the way ImGui's reference backends round them.
PixelBox to_pixels(float x0, float y0, float x1, float y1, ImVec2 scale, int fb_h) {
    const float lx = x0 * scale.x, ly = y0 * scale.y, hx = x1 * scale.x, hy = y1 * scale.y;
    const int x = static_cast<int>(lx), y = static_cast<int>(static_cast<float>(fb_h) - hy);
    return {x, y, x + static_cast<int>(hx - lx), y + static_cast<int>(hy - ly)};
}

// An area to redraw (display coordinates) in framebuffer pixels. Both edges
// round down, so areas that share an edge in display coordinates share it in
// pixels too: no pixel between two damaged tiles is left out or drawn twice.
PixelBox to_area(float x0, float y0, float x1, float y1, ImVec2 scale, int fb_w, int fb_h) {
    const auto px = [](float v, float s, int limit) {
        return std::clamp(static_cast<int>(std::floor(v * s + 1e-3f)), 0, limit);
    };
    return {px(x0, scale.x, fb_w), fb_h - px(y1, scale.y, fb_h), px(x1, scale.x, fb_w), fb_h - px(y0, scale.y, fb_h)};
}

}  // namespace

bool GlRenderer::program_ready() {
    if (linked_ == Link::Unknown) {
        GLint linked = GL_FALSE;
        glGetProgramiv(program_, GL_LINK_STATUS, &linked);
        linked_ = linked == GL_TRUE ? Link::Ok : Link::Failed;
        if (linked_ == Link::Ok) {
            // Binding the program waits for the link too: it belongs here.
            glUseProgram(program_);
            u_transform_ = glGetUniformLocation(program_, "u_transform");
            glUniform1i(glGetUniformLocation(program_, "u_texture"), 0);
        }
    }
    return linked_ == Link::Ok;
}

void GlRenderer::declare(ImGuiIO& io) {
    io.BackendRendererName = "dateline_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
}

void GlRenderer::init() {
    const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    program_ = glCreateProgram();
    glAttachShader(program_, vs);
    glAttachShader(program_, fs);
    // Fixed attribute locations: nothing to look up.
    glBindAttribLocation(program_, kPos, "a_pos");
    glBindAttribLocation(program_, kUv, "a_uv");
    glBindAttribLocation(program_, kColor, "a_color");
    glLinkProgram(program_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    // The link status is asked for (and the program bound, which waits for
    // the link as well) at the first render, in program_ready: the GPU
    // process compiles while the first frame is laid out, instead of the page
    // waiting for it here.
    linked_ = Link::Unknown;

    // The vertex array keeps the buffer bindings and the vertex layout;
    // glBufferData refills the same buffers every frame.
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ebo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
    glEnableVertexAttribArray(kPos);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColor);
    const auto offset = [](std::size_t o) { return reinterpret_cast<const void*>(o); };
    glVertexAttribPointer(kPos, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, col)));

    // ImGui's blending, set once: nothing else draws on this context.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glActiveTexture(GL_TEXTURE0);
    // Atlas updates are tightly packed rows of the whole atlas.
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
}

void GlRenderer::shutdown() {
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
        if (tex->RefCount == 1 && tex->TexID != ImTextureID_Invalid) destroy_texture(*tex, true);
    }
    glDeleteBuffers(1, &vbo_);
    glDeleteBuffers(1, &ebo_);
    glDeleteVertexArrays(1, &vao_);
    glDeleteProgram(program_);
    program_ = vao_ = vbo_ = ebo_ = 0;
    ImGui::GetIO().BackendFlags &= ~ImGuiBackendFlags_RendererHasTextures;
}

void GlRenderer::forget() {
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
        if (tex->TexID != ImTextureID_Invalid) destroy_texture(*tex, false);
    }
    program_ = vao_ = vbo_ = ebo_ = 0;
}

void GlRenderer::destroy_texture(ImTextureData& tex, bool delete_gl_object) {
    if (delete_gl_object) {
        const GLuint name = gl_name(tex);
        glDeleteTextures(1, &name);
    }
    tex.SetTexID(ImTextureID_Invalid);
    tex.SetStatus(ImTextureStatus_Destroyed);
}

void GlRenderer::update_texture(ImTextureData& tex) {
    if (tex.Status == ImTextureStatus_WantCreate) {
        IM_ASSERT(tex.Format == ImTextureFormat_RGBA32);
        GLuint name = 0;
        glGenTextures(1, &name);
        glBindTexture(GL_TEXTURE_2D, name);
        // Bilinear: ImGui's anti-aliased lines sample the atlas between texels.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, tex.Width, tex.Height, 0, GL_RGBA, GL_UNSIGNED_BYTE, tex.GetPixels());
        tex.SetTexID(static_cast<ImTextureID>(name));
        tex.SetStatus(ImTextureStatus_OK);
    } else if (tex.Status == ImTextureStatus_WantUpdates) {
        // New glyphs land in unused parts of the atlas: upload those
        // rectangles straight out of the atlas's rows (WebGL2 has ROW_LENGTH).
        glBindTexture(GL_TEXTURE_2D, gl_name(tex));
        glPixelStorei(GL_UNPACK_ROW_LENGTH, tex.Width);
        for (const ImTextureRect& r : tex.Updates) {
            glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.w, r.h, GL_RGBA, GL_UNSIGNED_BYTE, tex.GetPixelsAt(r.x, r.y));
        }
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        tex.SetStatus(ImTextureStatus_OK);
    } else if (tex.Status == ImTextureStatus_WantDestroy && tex.UnusedFrames > 0) {
        destroy_texture(tex, true);
    }
}

bool GlRenderer::render(ImDrawData& data, int fb_w, int fb_h, ImU32 clear, const std::vector<Rect>& only) {
    if (!program_ready()) return false;
    if (fb_w <= 0 || fb_h <= 0 || data.DisplaySize.x <= 0 || data.DisplaySize.y <= 0) return true;
    if (data.Textures) {
        for (ImTextureData* tex : *data.Textures) {
            if (tex->Status != ImTextureStatus_OK) update_texture(*tex);
        }
    }

    // Nothing damaged (a hover that changed nothing): no GL call at all.
    if (only.empty()) return true;
    glViewport(0, 0, fb_w, fb_h);
    const ImVec2 pos = data.DisplayPos, size = data.DisplaySize;
    glUniform4f(u_transform_, 2.0f / size.x, -2.0f / size.y, -1.0f - 2.0f * pos.x / size.x, 1.0f + 2.0f * pos.y / size.y);

    // Pixels: the display size may differ from the canvas by a rounding.
    const ImVec2 scale(static_cast<float>(fb_w) / size.x, static_cast<float>(fb_h) / size.y);
    boxes_.clear();
    for (const Rect& r : only) {
        const PixelBox box = to_area(r.x - pos.x, r.y - pos.y, r.x + r.w - pos.x, r.y + r.h - pos.y, scale, fb_w, fb_h);
        if (!box.empty()) boxes_.push_back(box);
    }
    if (boxes_.empty()) return true;
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(clear);
    glClearColor(c.x, c.y, c.z, 1.0f);
    for (const PixelBox& box : boxes_) {
        glScissor(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
        glClear(GL_COLOR_BUFFER_BIT);
    }

    GLuint bound_texture = 0;
    for (const ImDrawList* list : data.CmdLists) {
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        // Areas are disjoint, so drawing them one after another keeps every
        // pixel's drawing order.
        for (const PixelBox& area : boxes_) {
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                // Dateline adds no callbacks; ImGui's own reset request needs nothing here.
                if (cmd.UserCallback || cmd.ElemCount == 0) continue;
                PixelBox box = to_pixels(cmd.ClipRect.x - pos.x, cmd.ClipRect.y - pos.y, cmd.ClipRect.z - pos.x,
                                         cmd.ClipRect.w - pos.y, scale, fb_h);
                box = {std::max(box.x0, area.x0), std::max(box.y0, area.y0), std::min(box.x1, area.x1),
                       std::min(box.y1, area.y1)};
                if (box.empty()) continue;
                glScissor(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
                const GLuint texture = static_cast<GLuint>(static_cast<std::intptr_t>(cmd.GetTexID()));
                if (texture != bound_texture) {
                    glBindTexture(GL_TEXTURE_2D, texture);
                    bound_texture = texture;
                }
                glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_INT,
                               reinterpret_cast<const void*>(static_cast<std::uintptr_t>(cmd.IdxOffset) * sizeof(ImDrawIdx)));
            }
        }
    }
    return true;
}

}  // namespace dateline
