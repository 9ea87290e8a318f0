#include "widget/fonts.h"

#include <cfloat>
#include <cstdio>

#include <imgui.h>

namespace dateline {
namespace {

ImFont* add_font(const Span<std::uint8_t>& file, const char* name) {
    if (file.empty()) return nullptr;
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

float measure_width(const void* face, std::string_view text) {
    return static_cast<const Face*>(face)->width(text);
}

}  // namespace

Fonts load_fonts(const FontFiles& files) {
    Fonts fonts;
    fonts.serif = add_font(files.serif, "Noto Serif");
    fonts.serif_bold = add_font(files.serif_bold, "Noto Serif Bold");
    fonts.sans = add_font(files.sans, "Noto Sans");
    fonts.sans_bold = add_font(files.sans_bold, "Noto Sans Bold");
    // A missing face falls back to one that exists rather than crashing.
    if (!fonts.serif_bold) fonts.serif_bold = fonts.serif;
    if (!fonts.sans) fonts.sans = fonts.serif;
    if (!fonts.sans_bold) fonts.sans_bold = fonts.sans;
    return fonts;
}

float Face::width(std::string_view text) const {
    if (text.empty()) return 0.0f;
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

TextMeasure Face::measure() const { return {this, measure_width}; }

}  // namespace dateline
