// The widget's typefaces, loaded from font files compiled into the module.
// Fonts are subset per article at build time (hb-subset), so each holds only
// the glyphs that article and the UI can draw.
#pragma once

#include "article/article.h"

struct ImFont;

namespace dateline {

struct FontFiles {
    Span<std::uint8_t> serif;       // Noto Serif Regular: body text
    Span<std::uint8_t> serif_bold;  // Noto Serif Bold: headline
};

struct Fonts {
    ImFont* serif = nullptr;
    ImFont* serif_bold = nullptr;
};

// Adds the fonts to the current ImGui context's atlas. The atlas reads the
// bytes in place (they live in the module's data segment for its lifetime).
Fonts load_fonts(const FontFiles& files);

}  // namespace dateline
