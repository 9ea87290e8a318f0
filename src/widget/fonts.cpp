#include "widget/fonts.h"

#include <cstdio>

#include <imgui.h>

namespace dateline {
namespace {

ImFont* add_font(const Span<std::uint8_t>& file, const char* name) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // static data, never freed
    // ImGui 1.92 rasterizes glyphs on demand at the framebuffer scale, so text
    // stays crisp at any devicePixelRatio without oversampling or style scaling.
    config.OversampleH = 1;
    config.OversampleV = 1;
    std::snprintf(config.Name, sizeof config.Name, "%s", name);
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<std::uint8_t*>(file.data),
                                                      static_cast<int>(file.size), 0.0f, &config);
}

}  // namespace

Fonts load_fonts(const FontFiles& files) {
    Fonts fonts;
    fonts.serif = add_font(files.serif, "Noto Serif");
    fonts.serif_bold = add_font(files.serif_bold, "Noto Serif Bold");
    return fonts;
}

}  // namespace dateline
