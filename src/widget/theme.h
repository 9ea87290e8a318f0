// Colours, type sizes and ImGui style for the editorial look: no window
// chrome, no borders, no default blue; a page, not a debug tool.
#pragma once

#include <cstdint>

#include <imgui.h>

#include "article/article.h"

namespace dateline {

enum class ColorScheme { Light, Dark };

struct Theme {
    ImU32 page;
    ImU32 text;
    ImU32 muted;       // dek, byline, roles
    ImU32 rule;        // hairlines, card borders
    ImU32 surface;     // cards, panel
    ImU32 accent;      // links, focus ring, the story's place
    ImU32 quote_mark;  // background of marked quotes
    ImU32 water;
    ImU32 land;
    ImU32 border;      // country borders
    ImU32 pin;
};

const Theme& theme_for(ColorScheme scheme);
// The theme with the article's accents, where it gives them.
Theme theme_with_accents(ColorScheme scheme, const ThemeAccents& accents);

// Colour for the i-th speaker: the Okabe–Ito palette, distinguishable with
// the common colour-vision deficiencies, in variants that keep text on them
// (light) or them as text (dark) readable.
ImU32 speaker_color(ColorScheme scheme, std::size_t index);

// WCAG 2.x contrast ratio between two opaque colours (1..21).
float contrast_ratio(ImU32 a, ImU32 b);

// Applies the theme to the current context's ImGuiStyle.
void apply_style(const Theme& theme);

}  // namespace dateline
