#include "article/text_layout.h"

#include <algorithm>

namespace dateline {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Longest prefix of text[begin, end) that fits `room`, cut between UTF-8
// characters; at least one character so layout always makes progress.
std::uint32_t fit_characters(std::string_view text, std::uint32_t begin, std::uint32_t end, float room,
                             const TextMeasure& measure) {
    std::uint32_t cut = begin;
    float used = 0;
    while (cut < end) {
        const std::uint32_t n = std::min(utf8_length(static_cast<unsigned char>(text[cut])), end - cut);
        const float w = measure(text.substr(cut, n));
        if (cut > begin && used + w > room) break;
        used += w;
        cut += n;
    }
    return cut;
}

}  // namespace

TextLayout layout_text(std::string_view text, float max_width, float line_height, const TextMeasure& measure) {
    TextLayout layout;
    layout.line_height = line_height;
    // No room (a hidden or mid-resize canvas makes columns negative) is one
    // character per line; NaN would otherwise fit whole words.
    if (!(max_width > 0)) max_width = 0;
    const std::uint32_t size = static_cast<std::uint32_t>(text.size());
    const float space = measure(" ");
    std::uint32_t i = 0;
    while (i < size && is_space(text[i])) ++i;

    TextLine line{i, i, 0, 0};
    auto finish_line = [&](std::uint32_t next_begin) {
        layout.lines.push_back(line);
        line = TextLine{next_begin, next_begin, layout.height(), 0};
    };

    while (i < size) {
        std::uint32_t word_end = i;
        while (word_end < size && !is_space(text[word_end])) ++word_end;
        const float word = measure(text.substr(i, word_end - i));
        const bool empty = line.end == line.begin;
        const float needed = empty ? word : line.width + space + word;
        if (needed <= max_width) {
            line.end = word_end;
            line.width = needed;
        } else if (!empty) {
            finish_line(i);
            continue;  // retry the word on a fresh line
        } else {
            // A single word wider than the line: break it between characters.
            const std::uint32_t cut = fit_characters(text, i, word_end, max_width, measure);
            line.end = cut;
            line.width = measure(text.substr(i, cut - i));
            finish_line(cut);
            i = cut;
            if (i < word_end) continue;
        }
        i = word_end;
        while (i < size && is_space(text[i])) ++i;
        // A line starts at its first word, never at the spaces before it.
        if (line.end == line.begin) line.begin = line.end = i;
    }
    if (line.end > line.begin || layout.lines.empty()) layout.lines.push_back(line);
    return layout;
}

std::vector<Rect> range_rects(const TextLayout& layout, std::string_view text, std::uint32_t begin,
                              std::uint32_t end, const TextMeasure& measure) {
    std::vector<Rect> rects;
    for (const TextLine& line : layout.lines) {
        const std::uint32_t b = std::max(begin, line.begin);
        const std::uint32_t e = std::min(end, line.end);
        if (b >= e) continue;
        const float x0 = measure(text.substr(line.begin, b - line.begin));
        const float x1 = x0 + measure(text.substr(b, e - b));
        rects.push_back({x0, line.y, x1 - x0, layout.line_height});
    }
    return rects;
}

}  // namespace dateline
