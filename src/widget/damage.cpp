#include "widget/damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace dateline {
namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;
// More rectangles than this are drawn as their bounding box: each one is a
// pass over the draw commands, whose vertices the GPU transforms every time
// (a selection made 29 passes and 333k indices in the benchmark).
constexpr std::size_t kMaxRects = 6;
// Above this many triangles per tile of its clip rectangle a command is
// tracked as one piece (see hash_command); text is 1-4, the map ~70.
constexpr unsigned kDenseTriangles = 16;

// FNV-1a over 32-bit words: every hashed struct is a multiple of 4 bytes.
std::uint64_t mix(std::uint64_t h, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i + 4 <= size; i += 4) {
        std::uint32_t word;
        std::memcpy(&word, bytes + i, 4);
        h = (h ^ word) * kFnvPrime;
    }
    return h;
}

// Inlined by hand-holding: at -Oz the call stays, once per triangle corner.
__attribute__((always_inline)) inline int tile_of(float v, int count) {
    const int t = static_cast<int>(v * (1.0f / DamageTracker::kTile));  // below 0 either way clamps to 0
    return t < 0 ? 0 : (t >= count ? count - 1 : t);
}

}  // namespace

const std::vector<Rect>& DamageTracker::update(const ImDrawData& data, std::uint64_t seed, bool everything) {
    const ImVec2 size = data.DisplaySize;
    const int cols = std::max(1, static_cast<int>(std::ceil(size.x / kTile)));
    const int rows = std::max(1, static_cast<int>(std::ceil(size.y / kTile)));
    const std::size_t n = static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows);
    if (cols != cols_ || rows != rows_ || last_.size() != n) everything = true;
    cols_ = cols;
    rows_ = rows;
    device_px_ = data.FramebufferScale.x > 0 ? 1.0f / data.FramebufferScale.x : 1.0f;

    hashes_.assign(n, mix(kFnvOffset, &seed, sizeof seed));
    hash_triangles(data);
    damaged_.assign(n, false);
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) {
        damaged_[i] = everything || hashes_[i] != last_[i];
        count += damaged_[i] ? 1 : 0;
    }
    last_.swap(hashes_);

    rects_.clear();
    if (count == 0) return rects_;
    const Rect whole{data.DisplayPos.x, data.DisplayPos.y, size.x, size.y};
    if (count * 2 > n) {
        rects_.push_back(whole);
        return rects_;
    }
    merge_damage(data);
    if (rects_.size() > kMaxRects) {
        Rect box = rects_[0];
        for (const Rect& r : rects_) {
            const float x1 = std::max(box.x + box.w, r.x + r.w), y1 = std::max(box.y + box.h, r.y + r.h);
            box.x = std::min(box.x, r.x);
            box.y = std::min(box.y, r.y);
            box.w = x1 - box.x;
            box.h = y1 - box.y;
        }
        rects_.assign(1, box);
    }
    return rects_;
}

void DamageTracker::hash_triangles(const ImDrawData& data) {
    const ImVec2 origin = data.DisplayPos;
    // What places every triangle on the tiles, besides its vertices.
    struct Frame {
        ImVec2 origin;
        float pad;
        std::int32_t cols, rows;
    } frame{origin, device_px_, cols_, rows_};
    const std::uint64_t placement = mix(kFnvOffset, &frame, sizeof frame);
    scratch_.resize(hashes_.size());
    std::size_t n = 0;
    for (const ImDrawList* list : data.CmdLists) {
        // Each vertex once: triangles share most of theirs (a polyline's
        // fringe, a fan).
        vertex_hashes_.resize(static_cast<std::size_t>(list->VtxBuffer.Size));
        for (int v = 0; v < list->VtxBuffer.Size; ++v) {
            vertex_hashes_[static_cast<std::size_t>(v)] = mix(kFnvOffset, &list->VtxBuffer.Data[v], sizeof(ImDrawVert));
        }
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0) continue;
            // The content key: placement, clip rectangle, texture and every
            // corner in order. One multiply per index, against a box, a clip
            // and a walk over tiles per triangle.
            std::uint64_t command = mix(kFnvOffset, &cmd.ClipRect, sizeof cmd.ClipRect);
            // The texture as referenced (GetTexID asserts before the first upload).
            command = mix(command, &cmd.TexRef._TexData, sizeof cmd.TexRef._TexData);
            command = mix(command, &cmd.TexRef._TexID, sizeof cmd.TexRef._TexID);
            std::uint64_t key = (placement ^ command) * kFnvPrime;
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            const std::uint64_t* vh = vertex_hashes_.data() + cmd.VtxOffset;
            for (unsigned i = 0; i < cmd.ElemCount; ++i) key = (key ^ vh[idx[i]]) * kFnvPrime;
            if (n == commands_.size()) commands_.emplace_back();
            CommandTiles& tiles = commands_[n++];
            if (tiles.key != key) {
                tiles.key = key;
                hash_command(*list, cmd, command, origin, tiles);
            }
            // In drawing order: the same commands in another order are other pixels.
            for (const Contribution& c : tiles.tiles) hashes_[c.tile] = (hashes_[c.tile] ^ c.hash) * kFnvPrime;
        }
    }
    commands_.resize(n);
}

// Each touched tile starts from `command` (clip rectangle and texture), so the
// same triangles drawn with another texture or clip are other pixels.
void DamageTracker::hash_command(const ImDrawList& list, const ImDrawCmd& cmd, std::uint64_t command,
                                 const ImVec2& origin, CommandTiles& out) {
    // A triangle's pixels: its box, one device pixel wider on every side
    // (coverage and scissors round to whole pixels), within its clip rectangle.
    const float pad = device_px_;
    const ImVec4 clip(cmd.ClipRect.x - origin.x - pad, cmd.ClipRect.y - origin.y - pad,
                      cmd.ClipRect.z - origin.x + pad, cmd.ClipRect.w - origin.y + pad);
    out.tiles.clear();
    // A dense command (the map: ~70 triangles per tile) changes as a whole
    // (a pan moves all of it), and walking its triangles costs more than
    // drawing its area again: every tile of its clip rectangle takes its key.
    const int cc0 = tile_of(clip.x, cols_), cc1 = tile_of(clip.z, cols_);
    const int cr0 = tile_of(clip.y, rows_), cr1 = tile_of(clip.w, rows_);
    const unsigned clip_tiles = static_cast<unsigned>((cc1 - cc0 + 1) * (cr1 - cr0 + 1));
    if (cmd.ElemCount / 3 > kDenseTriangles * clip_tiles) {
        if (clip.x >= clip.z || clip.y >= clip.w) return;  // clipped away: never drawn
        for (int r = cr0; r <= cr1; ++r) {
            for (int col = cc0; col <= cc1; ++col) {
                out.tiles.push_back({static_cast<std::uint32_t>(r * cols_ + col), out.key});
            }
        }
        return;
    }
    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
    const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
    const std::uint64_t* vh = vertex_hashes_.data() + cmd.VtxOffset;
    touched_.clear();
    for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawVert& a = vtx[idx[i]];
        const ImDrawVert& b = vtx[idx[i + 1]];
        const ImDrawVert& c = vtx[idx[i + 2]];
        // Plain comparisons: at -Oz std::min/std::max of a list stay calls,
        // and this loop runs for every triangle of a changed command.
        float x0 = a.pos.x, x1 = a.pos.x, y0 = a.pos.y, y1 = a.pos.y;
        for (const ImDrawVert* p : {&b, &c}) {
            x0 = p->pos.x < x0 ? p->pos.x : x0;
            x1 = p->pos.x > x1 ? p->pos.x : x1;
            y0 = p->pos.y < y0 ? p->pos.y : y0;
            y1 = p->pos.y > y1 ? p->pos.y : y1;
        }
        x0 = x0 - origin.x - pad;
        y0 = y0 - origin.y - pad;
        x1 = x1 - origin.x + pad;
        y1 = y1 - origin.y + pad;
        x0 = x0 > clip.x ? x0 : clip.x;
        y0 = y0 > clip.y ? y0 : clip.y;
        x1 = x1 < clip.z ? x1 : clip.z;
        y1 = y1 < clip.w ? y1 : clip.w;
        if (x0 >= x1 || y0 >= y1) continue;  // clipped away: never drawn
        std::uint64_t t = (vh[idx[i]] ^ kFnvOffset) * kFnvPrime;
        t = (t ^ vh[idx[i + 1]]) * kFnvPrime;
        t = (t ^ vh[idx[i + 2]]) * kFnvPrime;
        const int c0 = tile_of(x0, cols_), c1 = tile_of(x1, cols_);
        const int r0 = tile_of(y0, rows_), r1 = tile_of(y1, rows_);
        for (int r = r0; r <= r1; ++r) {
            const std::size_t row = static_cast<std::size_t>(r) * static_cast<std::size_t>(cols_);
            for (int col = c0; col <= c1; ++col) {
                const std::size_t tile = row + static_cast<std::size_t>(col);
                // Zero marks a tile this command has not touched yet (a fold
                // landing on exactly zero restarts the tile: a 2^-64 chance).
                if (scratch_[tile] == 0) {
                    touched_.push_back(static_cast<std::uint32_t>(tile));
                    scratch_[tile] = command;
                }
                scratch_[tile] = (scratch_[tile] ^ t) * kFnvPrime;
            }
        }
    }
    for (std::uint32_t tile : touched_) {
        out.tiles.push_back({tile, scratch_[tile]});
        scratch_[tile] = 0;
    }
}

// Damaged tiles as few rectangles: runs along each row, and a run continues
// the rectangle above it when it spans the same columns.
void DamageTracker::merge_damage(const ImDrawData& data) {
    struct Open {
        int c0, c1, r0;
        bool continued;
    };
    std::vector<Open> open;
    const auto close = [&](const Open& o, int r1) {
        const float x = static_cast<float>(o.c0) * kTile, y = static_cast<float>(o.r0) * kTile;
        const float w = std::min(static_cast<float>(o.c1) * kTile, data.DisplaySize.x) - x;
        const float h = std::min(static_cast<float>(r1) * kTile, data.DisplaySize.y) - y;
        rects_.push_back({data.DisplayPos.x + x, data.DisplayPos.y + y, w, h});
    };
    for (int r = 0; r <= rows_; ++r) {
        for (Open& o : open) o.continued = false;
        std::vector<Open> started;
        for (int c = 0; r < rows_ && c < cols_;) {
            if (!damaged_[static_cast<std::size_t>(r * cols_ + c)]) {
                ++c;
                continue;
            }
            const int c0 = c;
            while (c < cols_ && damaged_[static_cast<std::size_t>(r * cols_ + c)]) ++c;
            const auto above = std::find_if(open.begin(), open.end(),
                                            [&](const Open& o) { return o.c0 == c0 && o.c1 == c && !o.continued; });
            if (above != open.end()) above->continued = true;
            else started.push_back({c0, c, r, true});
        }
        for (const Open& o : open) {
            if (!o.continued) close(o, r);
        }
        open.erase(std::remove_if(open.begin(), open.end(), [](const Open& o) { return !o.continued; }), open.end());
        open.insert(open.end(), started.begin(), started.end());
    }
}

}  // namespace dateline
