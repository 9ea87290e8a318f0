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

void add_piece(DetailLayer& layer, const std::vector<Vec2>& points, bool filled) {
    DetailPiece piece;
    piece.first = static_cast<std::uint32_t>(layer.points.size());
    piece.count = static_cast<std::uint32_t>(points.size());
    piece.box = box_of(points);
    if (filled) {
        piece.first_index = static_cast<std::uint32_t>(layer.triangles.size());
        triangulate_ring(points, 0, layer.triangles);
        piece.index_count = static_cast<std::uint32_t>(layer.triangles.size()) - piece.first_index;
    }
    layer.points.insert(layer.points.end(), points.begin(), points.end());
    layer.pieces.push_back(piece);
}

// Rings smaller than the tolerance (islets, ponds) would be specks at this
// level's scale: they are left out rather than drawn as slivers.
void build_filled(const std::vector<std::vector<Vec2>>& rings, float tolerance, DetailLayer& layer) {
    for (const std::vector<Vec2>& ring : rings) {
        if (ring.size() < 3) continue;
        const Box b = box_of(ring);
        if (tolerance > 0 && std::max(b.x1 - b.x0, b.y1 - b.y0) < 2 * tolerance) continue;
        const std::vector<Vec2> simple = simplify_ring(ring, tolerance);
        if (simple.size() >= 3) add_piece(layer, simple, true);
    }
}

void build_lines(const std::vector<std::vector<Vec2>>& lines, float tolerance, DetailLayer& layer) {
    for (const std::vector<Vec2>& line : lines) {
        if (line.size() < 2) continue;
        const Box b = box_of(line);
        if (tolerance > 0 && std::max(b.x1 - b.x0, b.y1 - b.y0) < 2 * tolerance) continue;
        add_piece(layer, simplify_line(line, tolerance), false);
    }
}

}  // namespace

float MapDetail::tolerance(int level) const {
    return level == 0 ? 0.0f : finest_km_ * static_cast<float>(1 << (level - 1));
}

void MapDetail::build(int k) {
    auto level = std::make_unique<MapLevel>();
    level->tolerance_km = tolerance(k);
    build_filled(land_, level->tolerance_km, level->land);
    build_filled(lakes_, level->tolerance_km, level->lakes);
    build_lines(coast_, level->tolerance_km, level->coast);
    build_lines(borders_, level->tolerance_km, level->borders);
    levels_[static_cast<std::size_t>(k)] = std::move(level);
}

const MapLevel& MapDetail::level(float max_error_km) {
    int k = kLevels - 1;
    while (k > 0 && !(tolerance(k) <= max_error_km)) --k;
    if (!levels_[static_cast<std::size_t>(k)]) build(k);
    last_asked_ = k;
    return *levels_[static_cast<std::size_t>(k)];
}

bool MapDetail::build_one_more() {
    for (int distance = 1; distance < kLevels; ++distance) {
        for (int k : {last_asked_ - distance, last_asked_ + distance}) {
            if (k >= 0 && k < kLevels && !levels_[static_cast<std::size_t>(k)]) {
                build(k);
                return true;
            }
        }
    }
    return false;
}

int MapDetail::levels_built() const {
    return static_cast<int>(std::count_if(levels_.begin(), levels_.end(), [](const auto& l) { return l != nullptr; }));
}

}  // namespace dateline
