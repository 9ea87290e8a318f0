// Which pixels a frame must redraw. The canvas is as tall as the article
// (millions of pixels on a phone at 3x), but a pan, a zoom or a flight moves
// only the map: when nothing outside the map's rectangle changed since the
// last frame, only that rectangle is cleared and drawn, and the rest of the
// canvas keeps its pixels (the context preserves its drawing buffer).
#pragma once

#include <cstdint>

#include <imgui.h>

#include "article/text_layout.h"

namespace dateline {

// A digest of every draw command that is not clipped to `inside`: its clip
// rectangle, texture and the vertices it draws. Equal digests mean the frame
// drew the same pixels outside `inside`.
std::uint64_t digest_outside(const ImDrawData& data, const Rect& inside);

}  // namespace dateline
