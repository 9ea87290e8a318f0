#include "article/text_layout.h"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

namespace dateline {
namespace {

// A monospace measure: 10px per character (UTF-8 aware), so expectations
// can be computed by hand.
float mono_width(const void*, std::string_view text) {
    float w = 0;
    for (std::size_t i = 0; i < text.size(); i += utf8_length(static_cast<unsigned char>(text[i]))) w += 10;
    return w;
}
constexpr TextMeasure kMono{nullptr, mono_width};

std::string_view line_text(std::string_view text, const TextLine& l) { return text.substr(l.begin, l.end - l.begin); }

TEST(text_layout, wraps_at_spaces_within_the_width) {
    const std::string_view text = "The two leaders spoke behind closed doors";
    const TextLayout layout = layout_text(text, 160, 20, kMono);  // 16 characters per line
    ASSERT_EQ(layout.lines.size(), 3u);
    EXPECT_EQ(line_text(text, layout.lines[0]), "The two leaders");
    EXPECT_EQ(line_text(text, layout.lines[1]), "spoke behind");
    EXPECT_EQ(line_text(text, layout.lines[2]), "closed doors");
    for (const TextLine& l : layout.lines) EXPECT_LE(l.width, 160);
    EXPECT_FLOAT_EQ(layout.lines[2].y, 40);
    EXPECT_FLOAT_EQ(layout.height(), 60);
}

TEST(text_layout, lines_cover_every_word_once_at_phone_tablet_and_desktop_widths) {
    const std::string text =
        "Putin described the meeting as “long overdue” and expressed hope that the discussions would "
        "pave the path towards peace in Ukraine.";
    for (float width : {320.0f, 768.0f, 1280.0f}) {
        const TextLayout layout = layout_text(text, width, 28, kMono);
        std::string joined;
        for (const TextLine& l : layout.lines) {
            EXPECT_LE(l.width, width);
            joined += (joined.empty() ? "" : " ") + std::string(line_text(text, l));
        }
        EXPECT_EQ(joined, text) << "width " << width;
    }
}

TEST(text_layout, breaks_a_word_longer_than_the_line_between_characters) {
    const std::string word(10000, 'x');
    const TextLayout layout = layout_text(word, 320, 20, kMono);
    ASSERT_EQ(layout.lines.size(), 10000u / 32u + (10000 % 32 ? 1 : 0));
    for (const TextLine& l : layout.lines) EXPECT_LE(l.width, 320);
    EXPECT_EQ(layout.lines.back().end, 10000u);
}

TEST(text_layout, never_splits_a_utf8_character) {
    const std::string word = "ééééééééééééééé";  // 15 two-byte characters
    const TextLayout layout = layout_text(word, 40, 20, kMono);
    for (const TextLine& l : layout.lines) {
        EXPECT_EQ(l.begin % 2, 0u);
        EXPECT_EQ(l.end % 2, 0u);
    }
}

TEST(text_layout, range_across_a_line_break_gives_one_rect_per_line) {
    const std::string_view text = "aaa bbb ccc ddd";
    const TextLayout layout = layout_text(text, 70, 20, kMono);  // "aaa bbb" / "ccc ddd"
    ASSERT_EQ(layout.lines.size(), 2u);
    const auto rects = range_rects(layout, text, 4, 11, kMono);  // "bbb ccc"
    ASSERT_EQ(rects.size(), 2u);
    EXPECT_FLOAT_EQ(rects[0].x, 40);
    EXPECT_FLOAT_EQ(rects[0].w, 30);
    EXPECT_FLOAT_EQ(rects[0].y, 0);
    EXPECT_FLOAT_EQ(rects[1].x, 0);
    EXPECT_FLOAT_EQ(rects[1].w, 30);
    EXPECT_FLOAT_EQ(rects[1].y, 20);
    EXPECT_TRUE(rects[1].contains(5, 25));
    EXPECT_FALSE(rects[0].overlaps(rects[1]));
}

// A canvas can be 0 px wide for a frame (hidden, or mid-resize), which makes
// the text columns negative. One character per line then, never a loop: a
// word ending exactly at a line's cut once made an empty word that fit no
// line, and the lines grew until the module ran out of memory.
TEST(text_layout, a_width_of_zero_negative_or_nan_gives_one_character_per_line) {
    const std::string_view text = "a bc  d";
    for (float width : {0.0f, -5.0f, -1000.0f, std::nanf("")}) {
        const TextLayout layout = layout_text(text, width, 20, kMono);
        std::string joined;
        for (const TextLine& l : layout.lines) {
            EXPECT_EQ(l.end - l.begin, 1u) << "width " << width;
            joined += line_text(text, l);
        }
        EXPECT_EQ(joined, "abcd") << "width " << width;
    }
}

TEST(text_layout, empty_text_has_one_empty_line) {
    const TextLayout layout = layout_text("", 100, 20, kMono);
    ASSERT_EQ(layout.lines.size(), 1u);
    EXPECT_EQ(layout.lines[0].begin, layout.lines[0].end);
}

}  // namespace
}  // namespace dateline
