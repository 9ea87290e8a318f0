#include "widget/theme.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

constexpr float kAA = 4.5f;        // WCAG AA, body text
constexpr float kNonText = 3.0f;   // WCAG 1.4.11, UI components and graphics

TEST(theme, every_text_colour_meets_wcag_aa_on_its_backgrounds) {
    for (ColorScheme scheme : {ColorScheme::Light, ColorScheme::Dark}) {
        const Theme& t = theme_for(scheme);
        for (ImU32 bg : {t.page, t.surface, t.quote_mark}) {
            EXPECT_GE(contrast_ratio(t.text, bg), kAA);
            EXPECT_GE(contrast_ratio(t.muted, bg), kAA);
        }
        EXPECT_GE(contrast_ratio(t.text, t.land), kAA) << "map labels";
        EXPECT_GE(contrast_ratio(t.text, t.water), kAA) << "map labels";
        EXPECT_GE(contrast_ratio(t.accent, t.page), kNonText) << "focus ring";
        EXPECT_GE(contrast_ratio(t.pin, t.land), kNonText) << "pin";
    }
}

TEST(theme, speaker_colours_are_visible_and_carry_white_or_dark_monograms) {
    for (ColorScheme scheme : {ColorScheme::Light, ColorScheme::Dark}) {
        const Theme& t = theme_for(scheme);
        for (std::size_t i = 0; i < 7; ++i) {
            const ImU32 c = speaker_color(scheme, i);
            EXPECT_GE(contrast_ratio(c, t.page), kNonText) << "speaker " << i;
            // Monograms are drawn in the page colour on the speaker colour.
            EXPECT_GE(contrast_ratio(t.page, c), kNonText) << "monogram " << i;
        }
    }
}

TEST(theme, contrast_ratio_matches_the_wcag_reference_values) {
    EXPECT_NEAR(contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)), 21.0f, 0.01f);
    EXPECT_NEAR(contrast_ratio(IM_COL32(119, 119, 119, 255), IM_COL32(255, 255, 255, 255)), 4.48f, 0.01f);
    EXPECT_NEAR(contrast_ratio(IM_COL32(10, 20, 30, 255), IM_COL32(10, 20, 30, 255)), 1.0f, 0.001f);
}

TEST(theme, article_accents_replace_the_default_accent) {
    const Theme t = theme_with_accents(ColorScheme::Light, {0x123456, 0});
    EXPECT_EQ(t.accent, IM_COL32(0x12, 0x34, 0x56, 0xFF));
    EXPECT_EQ(theme_with_accents(ColorScheme::Dark, {0x123456, 0}).accent, theme_for(ColorScheme::Dark).accent);
}

}  // namespace
}  // namespace dateline
