#include "widget/text_cache.h"

#include <imgui.h>

namespace dateline {

namespace {

// FNV-1a: short strings, called for every text block every frame.
std::uint64_t content_hash(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    return h;
}

}  // namespace

const TextLayout& TextCache::get(const Face& face, std::string_view text, float width, float line_height) {
    // Resizing through many widths (a window drag) must not grow memory forever.
    if (layouts_.size() > 512) layouts_.clear();
    const Key key{content_hash(text), face.font, face.size, width};
    Entry& entry = layouts_[key];
    if (entry.text != text || entry.layout.line_height != line_height || entry.layout.lines.empty()) {
        entry.text.assign(text);
        entry.layout = layout_text(text, width, line_height, face.measure());
    }
    return entry.layout;
}

float draw_wrapped(TextCache& cache, const Face& face, float x, float y, float width, std::string_view text,
                   unsigned color, float line_height_factor) {
    const float line_height = face.size * line_height_factor;
    const TextLayout& layout = cache.get(face, text, width, line_height);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float baseline_pad = (line_height - face.size) * 0.5f;
    for (const TextLine& line : layout.lines) {
        const char* begin = text.data() + line.begin;
        draw->AddText(face.font, face.size, ImVec2(x, y + line.y + baseline_pad), color, begin,
                      text.data() + line.end);
    }
    return layout.height();
}

}  // namespace dateline
