// The map's geometry in plane km at as many levels of detail as the views
// need. The packed map holds enough points for the closest zoom; drawn whole
// at the home view that is ~10 points per pixel (130,000 indices a frame,
// most of them invisible). A level is simplified (Douglas–Peucker) and
// triangulated the first time a view asks for it, so loading costs only the
// level the first frame draws, and each frame draws about what a pixel grid
// can show. Pieces carry bounding boxes so a zoomed-in view skips what is off
// screen.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "article/triangulate.h"

namespace dateline {

struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const Box& o) const { return x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1; }
};

// A ring or a line of a level: its points are points[first .. first + count);
// a filled ring's triangles are triangles[first_index .. + index_count),
// numbered from the ring's first point.
struct DetailPiece {
    std::uint32_t first = 0, count = 0;
    std::uint32_t first_index = 0, index_count = 0;
    Box box;
};

struct DetailLayer {
    std::vector<Vec2> points;
    std::vector<std::uint32_t> triangles;  // filled layers only
    std::vector<DetailPiece> pieces;
};

struct MapLevel {
    float tolerance_km = 0;  // 0: the data as packed
    DetailLayer land, lakes, coast, borders;
};

class MapDetail {
public:
    static constexpr int kLevels = 7;

    // `finest_km` is the tolerance of level 1; level k > 1 doubles it k - 1
    // times; level 0 is the data unsimplified.
    explicit MapDetail(float finest_km) : finest_km_(finest_km) {}

    void add_land(std::vector<Vec2> ring) { land_.push_back(std::move(ring)); }
    void add_lake(std::vector<Vec2> ring) { lakes_.push_back(std::move(ring)); }
    void add_coast(std::vector<Vec2> line) { coast_.push_back(std::move(line)); }
    void add_border(std::vector<Vec2> line) { borders_.push_back(std::move(line)); }

    // The coarsest level whose points stray from the data by at most
    // `max_error_km` (built now if no view needed it before).
    const MapLevel& level(float max_error_km);
    // Builds one level no view has asked for yet, the nearest to the last one
    // asked for first; false when all are built. Called in idle time, so that
    // zooming never waits for a triangulation (tens of ms for the finest).
    bool build_one_more();
    int levels_built() const;
    bool built(int level) const { return levels_[static_cast<std::size_t>(level)] != nullptr; }
    float tolerance(int level) const;

private:
    float finest_km_;
    std::vector<std::vector<Vec2>> land_, lakes_, coast_, borders_;
    std::array<std::unique_ptr<MapLevel>, kLevels> levels_;
    int last_asked_ = 0;
    void build(int k);
};

}  // namespace dateline
