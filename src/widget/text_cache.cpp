#include "widget/text_cache.h"

#include <imgui.h>

namespace dateline {

const TextLayout& TextCache::get(const Face& face, std::string_view text, float width, float line_height) {
    // Resizing through many widths (a window drag) must not grow memory forever.
    if (layouts_.size() > 512) layouts_.clear();
    const Key key{text.data(), text.size(), face.font, face.size, width};
    auto it = layouts_.find(key);
    if (it != layouts_.end()) return it->second;
    return layouts_.emplace(key, layout_text(text, width, line_height, face.measure())).first->second;
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
