// The map's geometry in plane km at as many levels of detail as the views
// need. The packed map holds enough points for the closest zoom; drawn whole
// at the home view that is ~10 points per pixel (130,000 indices a frame,
// most of them invisible). A piece of a level is simplified (Douglas–Peucker)
// and triangulated the first time a view shows it, so loading costs only what
// the first frame draws (about half of one level at the home view), and each
// frame draws about what a pixel grid can show. Pieces carry bounding boxes
// so a zoomed-in view skips what is off screen.
#pragma once

#include <array>
#include <cfloat>
#include <cstdint>
#include <memory>
#include <vector>

#include "article/triangulate.h"

namespace dateline {

struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const Box& o) const { return x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1; }
    bool contains(const Box& o) const { return x0 <= o.x0 && o.x1 <= x1 && y0 <= o.y0 && o.y1 <= y1; }
    static Box everything() { return {-FLT_MAX, -FLT_MAX, FLT_MAX, FLT_MAX}; }
};

// A ring or a line of a level: its points are points[first .. first + count);
// a filled ring's triangles are triangles[first_index .. + index_count),
// numbered from the ring's first point.
struct DetailPiece {
    std::uint32_t first = 0, count = 0;
    std::uint32_t first_index = 0, index_count = 0;
    Box box;
};

// A level's pieces are built as views reach them, so they come in no
// particular order; pieces of one layer share a colour, so none is needed.
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
    // times; level 0 is the data unsimplified. `levels` below kLevels keeps
    // only the finest ones (1: the data as it is).
    explicit MapDetail(float finest_km, int levels = kLevels) : finest_km_(finest_km), levels_(levels) {}

    void add_land(std::vector<Vec2> ring) { add(kLand, std::move(ring)); }
    void add_lake(std::vector<Vec2> ring) { add(kLakes, std::move(ring)); }
    void add_coast(std::vector<Vec2> line) { add(kCoast, std::move(line)); }
    void add_border(std::vector<Vec2> line) { add(kBorders, std::move(line)); }

    // The coarsest level whose points stray from the data by at most
    // `max_error_km`, with every piece that can show in `visible` built now
    // if no view needed it before. Pieces elsewhere wait for a view that
    // shows them, or for idle time.
    const MapLevel& level(float max_error_km, const Box& visible = Box::everything());
    // Builds pieces no view has needed yet, about `point_budget` points of
    // the data's worth (one step of idle work), the level last asked for
    // first, then the levels nearest to it; false when all are built.
    // Zooming and panning then never wait for a triangulation.
    bool build_more(std::size_t point_budget);
    int levels_built() const;  // levels with every piece built
    bool built(int level) const;
    float tolerance(int level) const;

private:
    enum Kind { kLand, kLakes, kCoast, kBorders, kKinds };
    struct Source {
        std::vector<Vec2> points;
        Box box;
    };
    struct Level {
        MapLevel data;
        std::array<std::vector<bool>, kKinds> done;
        std::size_t left = 0;  // sources not built yet
    };

    float finest_km_;
    int levels_;
    std::array<std::vector<Source>, kKinds> sources_;
    std::array<std::unique_ptr<Level>, kLevels> built_;
    int last_asked_ = 0;

    void add(Kind kind, std::vector<Vec2> points);
    Level& at(int k);
    // Builds source i of `kind`; returns its number of points.
    std::size_t build(Level& level, Kind kind, std::size_t i);
};

}  // namespace dateline
