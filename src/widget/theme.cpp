#include "widget/theme.h"

#include <cmath>
#include <utility>

namespace dateline {
namespace {

constexpr ImU32 rgb(unsigned hex) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF);
}

constexpr Theme kLight = {
    rgb(0xFFFFFF), rgb(0x1A1A1A), rgb(0x5C5C5C), rgb(0xDADADA), rgb(0xF6F5F2), rgb(0xA3242B),
    rgb(0xFBE7A8), rgb(0xDCE8F0), rgb(0xF4F1EA), rgb(0xB9B2A4), rgb(0xA3242B),
};
constexpr Theme kDark = {
    rgb(0x121212), rgb(0xECECEC), rgb(0xA9A9A9), rgb(0x3A3A3A), rgb(0x1E1E1E), rgb(0xFF8A80),
    rgb(0x3F3410), rgb(0x17222B), rgb(0x2A2A27), rgb(0x5F5A50), rgb(0xFF8A80),
};

// Okabe & Ito (2008). Light mode uses darker shades so white text on an
// avatar and the colour as a 3px rule both stay visible on white.
constexpr ImU32 kSpeakerLight[] = {rgb(0x0072B2), rgb(0xB35900), rgb(0x007A5A), rgb(0xAD4F87),
                                   rgb(0x8A6D00), rgb(0x3D7EA6), rgb(0xA63D00)};
constexpr ImU32 kSpeakerDark[] = {rgb(0x56B4E9), rgb(0xE69F00), rgb(0x2BC49A), rgb(0xCC79A7),
                                  rgb(0xF0E442), rgb(0x8FC7EA), rgb(0xFF7A3D)};

float channel(unsigned c) {
    const float s = static_cast<float>(c) / 255.0f;
    return s <= 0.04045f ? s / 12.92f : std::pow((s + 0.055f) / 1.055f, 2.4f);
}

float luminance(ImU32 c) {
    return 0.2126f * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152f * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722f * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}

}  // namespace

const Theme& theme_for(ColorScheme scheme) { return scheme == ColorScheme::Dark ? kDark : kLight; }

Theme theme_with_accents(ColorScheme scheme, const ThemeAccents& accents) {
    Theme t = theme_for(scheme);
    const std::uint32_t hex = scheme == ColorScheme::Dark ? accents.dark : accents.light;
    if (hex != 0) t.accent = t.pin = rgb(hex);
    return t;
}

ImU32 speaker_color(ColorScheme scheme, std::size_t index) {
    const ImU32* palette = scheme == ColorScheme::Dark ? kSpeakerDark : kSpeakerLight;
    return palette[index % (sizeof kSpeakerLight / sizeof kSpeakerLight[0])];
}

float contrast_ratio(ImU32 a, ImU32 b) {
    float la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05f) / (lb + 0.05f);
}

void apply_style(const Theme& t) {
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FrameBorderSize = 0;
    style.ItemSpacing = ImVec2(0, 0);
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(t.page);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
    style.Colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(t.rule);
}

}  // namespace dateline
