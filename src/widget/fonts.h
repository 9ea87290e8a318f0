// The widget's typefaces, loaded from font files compiled into the module.
// Fonts are subset per article at build time (hb-subset), so each holds only
// the glyphs that article and the UI can draw.
#pragma once

#include <string_view>

#include "article/article.h"
#include "article/text_layout.h"

struct ImFont;

namespace dateline {

struct FontFiles {
    Span<std::uint8_t> serif;       // Noto Serif Regular: body text
    Span<std::uint8_t> serif_bold;  // Noto Serif Bold: headline
    Span<std::uint8_t> sans;        // Noto Sans Regular: labels, roles
    Span<std::uint8_t> sans_bold;   // Noto Sans Bold: names, buttons
};

struct Fonts {
    ImFont* serif = nullptr;
    ImFont* serif_bold = nullptr;
    ImFont* sans = nullptr;
    ImFont* sans_bold = nullptr;
};

// Adds the fonts to the current ImGui context's atlas. The atlas reads the
// bytes in place (they live in the module's data segment for its lifetime).
Fonts load_fonts(const FontFiles& files);

// A face at a size: what text is measured and drawn with.
struct Face {
    ImFont* font = nullptr;
    float size = 16.0f;

    float width(std::string_view text) const;
    // For text_layout.h, which knows nothing of ImGui.
    TextMeasure measure() const;
};

}  // namespace dateline
