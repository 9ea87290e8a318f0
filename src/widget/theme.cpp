#include "widget/theme.h"

namespace dateline {
namespace {

constexpr ImU32 rgb(unsigned hex) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF);
}

constexpr Theme kLight = {rgb(0xFFFFFF), rgb(0x1A1A1A), rgb(0x595959), rgb(0xD9D9D9)};
constexpr Theme kDark = {rgb(0x121212), rgb(0xECECEC), rgb(0xA8A8A8), rgb(0x3A3A3A)};

}  // namespace

const Theme& theme_for(ColorScheme scheme) { return scheme == ColorScheme::Dark ? kDark : kLight; }

void apply_theme(ColorScheme scheme) {
    const Theme& t = theme_for(scheme);
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
