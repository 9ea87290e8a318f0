// Word-wrapped layouts of the strings the widget draws, kept between frames:
// layout only changes when the width does, so an idle redraw (hover, focus)
// costs no text measurement.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "article/text_layout.h"
#include "widget/fonts.h"

namespace dateline {

class TextCache {
public:
    const TextLayout& get(const Face& face, std::string_view text, float width, float line_height);

private:
    // Keyed by content, not address: many drawn strings are built per frame
    // (bylines, labels), and a freed buffer's address is soon reused for
    // different text.
    struct Key {
        std::uint64_t hash;
        const void* font;
        float font_size, width;
        bool operator==(const Key& o) const {
            return hash == o.hash && font == o.font && font_size == o.font_size && width == o.width;
        }
    };
    struct Hash {
        std::size_t operator()(const Key& k) const {
            return static_cast<std::size_t>(k.hash ^ (std::hash<float>()(k.width) * 0x9E3779B97F4A7C15ull) ^
                                            std::hash<float>()(k.font_size));
        }
    };
    struct Entry {
        std::string text;  // guards against hash collisions
        TextLayout layout;
    };
    std::unordered_map<Key, Entry, Hash> layouts_;
};

// Draws wrapped text at (x, y) and returns its height.
float draw_wrapped(TextCache& cache, const Face& face, float x, float y, float width, std::string_view text,
                   unsigned color, float line_height_factor = 1.5f);

}  // namespace dateline
