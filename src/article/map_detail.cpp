#include "article/map_detail.h"

#include <algorithm>
#include <cmath>

#include "article/simplify.h"

namespace dateline {
namespace {

float segment_distance(const Vec2& p, const Vec2& a, const Vec2& b) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len2 = dx * dx + dy * dy;
    const float t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
    const float ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy);
    return std::sqrt(ex * ex + ey * ey);  // std::hypot guards against overflow, at several times the cost
}

std::vector<Vec2> simplify_line(const std::vector<Vec2>& line, float tolerance) {
    if (tolerance <= 0) return line;
    std::vector<bool> keep;
    douglas_peucker(line.size(), [&](std::size_t i, std::size_t a, std::size_t b) {
        return segment_distance(line[i], line[a], line[b]) / tolerance;
    }, keep);
    std::vector<Vec2> out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (keep[i]) out.push_back(line[i]);
    }
    return out;
}

// A closed ring is simplified as two paths between its first point and the
// point farthest from it, so neither end is an arbitrary corner cut.
std::vector<Vec2> simplify_ring(const std::vector<Vec2>& ring, float tolerance) {
    if (tolerance <= 0 || ring.size() < 4) return ring;
    std::size_t far = 0;
    float best = -1;
    for (std::size_t i = 1; i < ring.size(); ++i) {
        const float dx = ring[i].x - ring[0].x, dy = ring[i].y - ring[0].y;
        const float d = dx * dx + dy * dy;
        if (d > best) {
            best = d;
            far = i;
        }
    }
    std::vector<Vec2> first(ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(far) + 1);
    std::vector<Vec2> second(ring.begin() + static_cast<std::ptrdiff_t>(far), ring.end());
    second.push_back(ring[0]);
    std::vector<Vec2> out = simplify_line(first, tolerance);
    const std::vector<Vec2> back = simplify_line(second, tolerance);
    out.insert(out.end(), back.begin() + 1, back.end() - 1);
    return out;
}

Box box_of(const std::vector<Vec2>& points) {
    Box b{points[0].x, points[0].y, points[0].x, points[0].y};
    for (const Vec2& p : points) {
        b = {std::min(b.x0, p.x), std::min(b.y0, p.y), std::max(b.x1, p.x), std::max(b.y1, p.y)};
    }
    return b;
}

void add_piece(DetailLayer& layer, const std::vector<Vec2>& points, const Box& box, bool filled) {
    DetailPiece piece;
    piece.first = static_cast<std::uint32_t>(layer.points.size());
    piece.count = static_cast<std::uint32_t>(points.size());
    piece.box = box;
    if (filled) {
        piece.first_index = static_cast<std::uint32_t>(layer.triangles.size());
        triangulate_ring(points, 0, layer.triangles);
        piece.index_count = static_cast<std::uint32_t>(layer.triangles.size()) - piece.first_index;
    }
    layer.points.insert(layer.points.end(), points.begin(), points.end());
    layer.pieces.push_back(piece);
}

}  // namespace

float MapDetail::tolerance(int level) const {
    return level == 0 ? 0.0f : finest_km_ * static_cast<float>(1 << (level - 1));
}

void MapDetail::add(Kind kind, std::vector<Vec2> points) {
    const std::size_t least = kind == kLand || kind == kLakes ? 3 : 2;
    if (points.size() < least) return;
    const Box box = box_of(points);
    sources_[kind].push_back({std::move(points), box});
    for (std::unique_ptr<Level>& level : built_) {
        if (!level) continue;
        level->done[kind].push_back(false);
        ++level->left;
    }
}

MapDetail::Level& MapDetail::at(int k) {
    std::unique_ptr<Level>& level = built_[static_cast<std::size_t>(k)];
    if (!level) {
        level = std::make_unique<Level>();
        level->data.tolerance_km = tolerance(k);
        for (int kind = 0; kind < kKinds; ++kind) {
            level->done[kind].assign(sources_[kind].size(), false);
            level->left += sources_[kind].size();
        }
    }
    return *level;
}

// Rings and lines smaller than the tolerance (islets, ponds) would be specks
// at the level's scale: they are left out rather than drawn as slivers.
std::size_t MapDetail::build(Level& level, Kind kind, std::size_t i) {
    level.done[kind][i] = true;
    --level.left;
    const Source& source = sources_[kind][i];
    const float tolerance = level.data.tolerance_km;
    const Box& b = source.box;
    if (tolerance > 0 && std::max(b.x1 - b.x0, b.y1 - b.y0) < 2 * tolerance) return source.points.size();
    const bool filled = kind == kLand || kind == kLakes;
    const std::vector<Vec2> simple = filled ? simplify_ring(source.points, tolerance)
                                            : simplify_line(source.points, tolerance);
    DetailLayer* layers[kKinds] = {&level.data.land, &level.data.lakes, &level.data.coast, &level.data.borders};
    if (simple.size() >= (filled ? 3u : 2u)) add_piece(*layers[kind], simple, box_of(simple), filled);
    return source.points.size();
}

const MapLevel& MapDetail::level(float max_error_km, const Box& visible) {
    int k = levels_ - 1;
    while (k > 0 && !(tolerance(k) <= max_error_km)) --k;
    Level& level = at(k);
    last_asked_ = k;
    for (int kind = 0; kind < kKinds && level.left > 0; ++kind) {
        const std::vector<Source>& sources = sources_[kind];
        for (std::size_t i = 0; i < sources.size(); ++i) {
            if (!level.done[kind][i] && sources[i].box.overlaps(visible)) build(level, static_cast<Kind>(kind), i);
        }
    }
    return level.data;
}

bool MapDetail::build_more(std::size_t point_budget) {
    std::size_t spent = 0;
    for (int distance = 0; distance < levels_; ++distance) {
        for (int k : {last_asked_ - distance, last_asked_ + distance}) {
            if (k < 0 || k >= levels_) continue;
            Level& level = at(k);
            for (int kind = 0; kind < kKinds && level.left > 0; ++kind) {
                for (std::size_t i = 0; i < sources_[kind].size() && level.left > 0; ++i) {
                    if (level.done[kind][i]) continue;
                    if (spent >= point_budget) return true;
                    spent += build(level, static_cast<Kind>(kind), i);
                }
            }
        }
    }
    return false;
}

bool MapDetail::built(int level) const {
    const std::unique_ptr<Level>& l = built_[static_cast<std::size_t>(level)];
    return l && l->left == 0;
}

int MapDetail::levels_built() const {
    int n = 0;
    for (int k = 0; k < levels_; ++k) n += built(k) ? 1 : 0;
    return n;
}

}  // namespace dateline
