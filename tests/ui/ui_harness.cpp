#include "ui_harness.h"

#include <fstream>
#include <sstream>

namespace dateline::testing {
namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Span<std::uint8_t> span_of(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), static_cast<std::uint32_t>(s.size())};
}

}  // namespace

UiHarness::UiHarness(const Article& article, Mode mode, float width, float height, Span<std::uint8_t> map)
    : width_(width), height_(height) {
    const std::string dir = DATELINE_FONT_DIR "/";
    for (const char* name : {"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"}) {
        font_files_.push_back(read(dir + name));
    }
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
    const Fonts fonts = load_fonts({span_of(font_files_[0]), span_of(font_files_[1]), span_of(font_files_[2]),
                                    span_of(font_files_[3])});
    widget_ = new Widget(article, fonts, mode, map);
    frame();
}

UiHarness::~UiHarness() {
    delete widget_;
    ImGui::DestroyContext(context_);
}

float UiHarness::frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width_, height_);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = 1.0f / 60.0f;
    time_ += io.DeltaTime;
    ImGui::NewFrame();
    const float height = widget_->frame(ColorScheme::Light, time_);
    ImGui::Render();
    // Stand in for a renderer: every texture request succeeds.
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
        if (tex->Status == ImTextureStatus_WantDestroy) {
            tex->SetTexID(ImTextureID_Invalid);
            tex->SetStatus(ImTextureStatus_Destroyed);
            continue;
        }
        if (tex->Status == ImTextureStatus_WantCreate) tex->SetTexID(static_cast<ImTextureID>(1));
        if (tex->Status != ImTextureStatus_OK && tex->Status != ImTextureStatus_Destroyed) tex->SetStatus(ImTextureStatus_OK);
    }
    return height;
}

void UiHarness::resize(float width, float height) {
    width_ = width;
    height_ = height;
    frame();
}

void UiHarness::move(float x, float y) {
    ImGui::GetIO().AddMousePosEvent(x, y);
    frame();
}

void UiHarness::click(float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(x, y);
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    frame();
}

bool UiHarness::key(Key k, bool shift) {
    const bool used = widget_->key(k, shift);
    frame();
    return used;
}

const Target* UiHarness::find(TargetType type, std::int16_t index) const {
    for (const Target& t : widget_->targets().items()) {
        if (t.type == type && t.index == index) return &t;
    }
    return nullptr;
}

const Target* UiHarness::find(Control control) const {
    for (const Target& t : widget_->targets().items()) {
        if (t.control == control) return &t;
    }
    return nullptr;
}

}  // namespace dateline::testing
