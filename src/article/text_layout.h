// Word wrapping and hit geometry for flowing text, independent of any UI
// library: the widget draws what this computes, and tests check it natively.
//
// Text is UTF-8. Lines break at spaces; a word wider than the line (a URL, a
// hostile 10,000-character word) is broken between characters so nothing is
// ever clipped. Ranges (quotes) may cross line breaks: they yield one
// rectangle per line they touch.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dateline {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;

    bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
    bool overlaps(const Rect& o) const {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
};

// Width of a run of text in the font being laid out. Widths must be additive
// (width(ab) == width(a) + width(b)), which holds for fonts without kerning.
struct TextMeasure {
    const void* context = nullptr;
    float (*width)(const void* context, std::string_view text) = nullptr;

    float operator()(std::string_view text) const { return width(context, text); }
};

struct TextLine {
    std::uint32_t begin = 0;  // byte offsets into the text; trailing spaces excluded
    std::uint32_t end = 0;
    float y = 0;  // top of the line box, relative to the paragraph
    float width = 0;
};

struct TextLayout {
    std::vector<TextLine> lines;
    float line_height = 0;
    float height() const { return line_height * static_cast<float>(lines.size()); }
};

TextLayout layout_text(std::string_view text, float max_width, float line_height, const TextMeasure& measure);

// One rectangle per line that the byte range [begin, end) touches, relative
// to the paragraph's top-left corner.
std::vector<Rect> range_rects(const TextLayout& layout, std::string_view text, std::uint32_t begin,
                              std::uint32_t end, const TextMeasure& measure);

// Length in bytes of the UTF-8 sequence starting with `lead`.
inline std::uint32_t utf8_length(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

}  // namespace dateline
