// Colours and ImGui style for the editorial look: no window chrome, no
// borders, no default blue; a page, not a debug tool.
#pragma once

#include <imgui.h>

namespace dateline {

enum class ColorScheme { Light, Dark };

struct Theme {
    ImU32 page;
    ImU32 text;
    ImU32 muted;  // dek, byline
    ImU32 rule;
};

const Theme& theme_for(ColorScheme scheme);

// Applies the theme to the current context's ImGuiStyle.
void apply_theme(ColorScheme scheme);

}  // namespace dateline
