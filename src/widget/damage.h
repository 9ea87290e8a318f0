// Which pixels a frame must redraw. The canvas is as tall as the article
// (millions of pixels on a phone at 3x), while a frame usually changes a
// little of it: a hover thickens one underline, a pan moves the map, a
// selection marks a quote and a card. Redrawing all of it on every frame is
// what made interaction cost a whole canvas of rasterization each time.
//
// The canvas is cut into tiles. Each tile gets a hash of every triangle that
// can touch its pixels, in drawing order, with the texture and clip rectangle
// it is drawn with. Equal hashes mean the tile's pixels are the same as in
// the last frame (same clear colour, same triangles in the same order), so
// only tiles whose hash changed are cleared and drawn again; the rest of the
// canvas keeps its pixels (the context preserves its drawing buffer). This is
// exact by construction: nothing in the widget has to report what it changed.
// Hashing a command's triangles into tiles is most of the cost, so it is
// done only for commands whose content changed (see CommandTiles).
#pragma once

#include <cstdint>
#include <vector>

#include <imgui.h>

#include "article/text_layout.h"

namespace dateline {

class DamageTracker {
public:
    static constexpr float kTile = 32;  // CSS px

    // Compares `data` with the last frame and returns the rectangles (display
    // coordinates, disjoint, whole tiles clipped to the display) whose pixels
    // may differ: empty when nothing changed, one rectangle for the whole
    // display when most of it did, their bounding box when they are many. `everything`: the canvas was resized or
    // lost, or nothing was drawn before. `seed` stands for what is not in the
    // draw data but shows in every pixel (the clear colour).
    const std::vector<Rect>& update(const ImDrawData& data, std::uint64_t seed, bool everything);

private:
    // What one draw command adds to the tiles it touches. A command whose
    // content key equals the last frame's command at the same place adds
    // the same again, without going through its triangles (most commands
    // during a pan or a hover: the article's text is one).
    struct Contribution {
        std::uint32_t tile;
        std::uint64_t hash;
    };
    struct CommandTiles {
        std::uint64_t key = 0;
        std::vector<Contribution> tiles;
    };

    void hash_triangles(const ImDrawData& data);
    void hash_command(const ImDrawList& list, const ImDrawCmd& cmd, std::uint64_t command, const ImVec2& origin,
                      CommandTiles& out);
    void merge_damage(const ImDrawData& data);

    int cols_ = 0, rows_ = 0;
    float device_px_ = 1;  // one device pixel in CSS px
    std::vector<std::uint64_t> hashes_, last_;
    std::vector<std::uint64_t> vertex_hashes_;  // of the list being hashed
    std::vector<CommandTiles> commands_;        // every command of the last frame, in drawing order
    std::vector<std::uint64_t> scratch_;        // per tile, while a command is hashed
    std::vector<std::uint32_t> touched_;        // tiles the command touched, each once
    std::vector<bool> damaged_;
    std::vector<Rect> rects_;
};

}  // namespace dateline
