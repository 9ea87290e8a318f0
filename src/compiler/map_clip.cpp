#include "compiler/map_clip.h"

#include <algorithm>
#include <cmath>

#include "article/simplify.h"

namespace dateline {

namespace {

constexpr double kDensifyDeg = 0.25;            // longest edge in lon/lat before projecting
constexpr double kMaxTurnRad = 10 * kPi / 180;  // largest step around the clamp circle
constexpr int kMaxDepth = 24;

PlanePoint lerp(PlanePoint a, PlanePoint b, double t) {
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

bool same(PlanePoint a, PlanePoint b) {
    return std::fabs(a.x - b.x) < 1e-9 && std::fabs(a.y - b.y) < 1e-9;
}

bool artificial_edge(LatLon a, LatLon b) {
    const bool antimeridian =
        std::fabs(std::fabs(a.lon) - 180) < 1e-9 && std::fabs(std::fabs(b.lon) - 180) < 1e-9;
    const bool pole = std::fabs(a.lat) > 89.99 && std::fabs(b.lat) > 89.99;
    return antimeridian || pole;
}

// Liang–Barsky: the part [t0, t1] of segment a->b inside the rectangle.
bool clip_segment(PlanePoint a, PlanePoint b, const PlaneRect& r, double& t0, double& t1) {
    t0 = 0;
    t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - r.x0, r.x1 - a.x, a.y - r.y0, r.y1 - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    return true;
}

// Position along the rectangle's boundary, counter-clockwise from the
// bottom-left corner: 0..1 bottom, 1..2 right, 2..3 top, 3..4 left.
double perimeter_param(PlanePoint p, const PlaneRect& r) {
    const double d[4] = {std::fabs(p.y - r.y0), std::fabs(p.x - r.x1), std::fabs(p.y - r.y1),
                         std::fabs(p.x - r.x0)};
    const int side = static_cast<int>(std::min_element(d, d + 4) - d);
    const double w = r.width() > 0 ? r.width() : 1, h = r.height() > 0 ? r.height() : 1;
    switch (side) {
        case 0:
            return std::clamp((p.x - r.x0) / w, 0.0, 1.0);
        case 1:
            return 1 + std::clamp((p.y - r.y0) / h, 0.0, 1.0);
        case 2:
            return 2 + std::clamp((r.x1 - p.x) / w, 0.0, 1.0);
        default:
            return std::fmod(3 + std::clamp((r.y1 - p.y) / h, 0.0, 1.0), 4.0);
    }
}

PlanePoint corner(int k, const PlaneRect& r) {
    switch (((k % 4) + 4) % 4) {
        case 0:
            return {r.x0, r.y0};
        case 1:
            return {r.x1, r.y0};
        case 2:
            return {r.x1, r.y1};
        default:
            return {r.x0, r.y1};
    }
}

// A piece of a ring inside the rectangle, from where it enters to where it leaves.
struct Fragment {
    PlanePath points;
    std::vector<bool> real;  // one per edge between consecutive points
    double enter = 0, leave = 0;
};

PlaneRing reversed(const PlaneRing& ring) {
    const std::size_t n = ring.points.size();
    PlaneRing out;
    out.points.assign(ring.points.rbegin(), ring.points.rend());
    out.real.resize(n);
    // New edge i runs backwards along old edge n - 2 - i (mod n).
    for (std::size_t i = 0; i < n; ++i) out.real[i] = ring.real[(2 * n - 2 - i) % n];
    return out;
}

// Removes repeated points; a removed point's outgoing edge takes over.
void drop_repeats(PlaneRing& ring) {
    PlaneRing out;
    const std::size_t n = ring.points.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (!out.points.empty() && same(out.points.back(), ring.points[i])) {
            out.real.back() = ring.real[i];
            continue;
        }
        out.points.push_back(ring.points[i]);
        out.real.push_back(ring.real[i]);
    }
    while (out.points.size() > 1 && same(out.points.back(), out.points.front())) {
        out.points.pop_back();
        out.real.pop_back();
    }
    ring = std::move(out);
}

std::vector<PlaneRing> clip_ccw_ring(const PlaneRing& ring, const PlaneRect& rect) {
    const PlanePath& p = ring.points;
    const std::size_t n = p.size();
    std::size_t start = n;  // a vertex outside the rectangle
    for (std::size_t i = 0; i < n; ++i) {
        if (!rect.contains(p[i])) {
            start = i;
            break;
        }
    }
    if (start == n) return {ring};  // wholly inside: a convex clip region cannot be crossed

    std::vector<Fragment> fragments;
    Fragment current;
    bool inside = false;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (start + k) % n;
        const PlanePoint a = p[i], b = p[(i + 1) % n];
        double t0, t1;
        if (!clip_segment(a, b, rect, t0, t1)) {
            // Only rounding can leave a ring this way from inside; close the
            // fragment where it is.
            if (inside) {
                inside = false;
                current.leave = perimeter_param(current.points.back(), rect);
                fragments.push_back(std::move(current));
            }
            continue;
        }
        if (!inside) {
            current = Fragment{};
            current.points.push_back(lerp(a, b, t0));
            current.enter = perimeter_param(current.points.back(), rect);
            inside = true;
        }
        current.points.push_back(t1 < 1 ? lerp(a, b, t1) : b);
        current.real.push_back(ring.real[i]);
        if (t1 < 1 || !rect.contains(b)) {
            inside = false;
            current.leave = perimeter_param(current.points.back(), rect);
            // A ring that only touches the rectangle adds no area.
            const bool touches_only = std::all_of(current.points.begin(), current.points.end(),
                                                  [&](PlanePoint q) { return same(q, current.points[0]); });
            if (!touches_only) fragments.push_back(std::move(current));
        }
    }

    std::vector<PlaneRing> out;
    if (fragments.empty()) {
        // No crossing: the ring holds the whole rectangle or none of it.
        if (ring_contains(p, rect.center())) {
            PlaneRing whole;
            for (int k = 0; k < 4; ++k) whole.points.push_back(corner(k, rect));
            whole.real.assign(4, false);
            out.push_back(std::move(whole));
        }
        return out;
    }

    // Counter-clockwise, the area is on the left: from where a fragment
    // leaves, walk the boundary counter-clockwise to the nearest entry.
    std::vector<bool> used(fragments.size(), false);
    for (std::size_t first = 0; first < fragments.size(); ++first) {
        if (used[first]) continue;
        PlaneRing joined;
        std::size_t cur = first;
        for (std::size_t guard = 0; guard <= fragments.size(); ++guard) {
            used[cur] = true;
            const Fragment& f = fragments[cur];
            joined.points.insert(joined.points.end(), f.points.begin(), f.points.end());
            joined.real.insert(joined.real.end(), f.real.begin(), f.real.end());
            std::size_t next = first;
            double best = std::fmod(fragments[first].enter - f.leave + 4, 4.0);
            for (std::size_t g = 0; g < fragments.size(); ++g) {
                if (used[g]) continue;
                const double d = std::fmod(fragments[g].enter - f.leave + 4, 4.0);
                if (d < best) {
                    best = d;
                    next = g;
                }
            }
            joined.real.push_back(false);  // from the leaving point along the boundary
            for (double k = std::floor(f.leave) + 1; k - f.leave < best; ++k) {
                joined.points.push_back(corner(static_cast<int>(k), rect));
                joined.real.push_back(false);
            }
            if (next == first) break;
            cur = next;
        }
        drop_repeats(joined);
        if (joined.points.size() >= 3) out.push_back(std::move(joined));
    }
    return out;
}

double segment_distance(PlanePoint p, PlanePoint a, PlanePoint b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

}  // namespace

double signed_area(const PlanePath& ring) {
    double twice = 0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const PlanePoint a = ring[i], b = ring[(i + 1) % n];
        twice += a.x * b.y - b.x * a.y;
    }
    return twice / 2;
}

bool ring_contains(const PlanePath& ring, PlanePoint p) {
    bool in = false;
    for (std::size_t i = 0, n = ring.size(), j = n - 1; i < n; j = i++) {
        const PlanePoint a = ring[i], b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
    }
    return in;
}

ClipProjector::ClipProjector(const Projection& projection, const PlaneRect& rect) : projection_(projection) {
    double corner_km = 0;
    for (int k = 0; k < 4; ++k) {
        const PlanePoint c = corner(k, rect);
        corner_km = std::max(corner_km, std::hypot(c.x, c.y));
    }
    limit_km_ = std::min(corner_km * 1.1 + 10, 2 * kEarthRadiusKm - 1);
}

PlanePoint ClipProjector::clamped(PlanePoint p) const {
    const double rho = std::hypot(p.x, p.y);
    if (rho <= limit_km_) return p;
    return {p.x * limit_km_ / rho, p.y * limit_km_ / rho};
}

// Emits the start of a -> b and whatever points keep the path from cutting
// across the clamp circle; the end point is the next edge's start.
void ClipProjector::edge(LatLon a, LatLon b, PlanePath& out, int depth) const {
    const PlanePoint pa = projection_.forward(a), pb = projection_.forward(b);
    const double near = 0.9 * limit_km_;
    if (depth < kMaxDepth && std::hypot(pa.x, pa.y) > near && std::hypot(pb.x, pb.y) > near) {
        const double turn = std::fabs(std::atan2(pa.x * pb.y - pa.y * pb.x, pa.x * pb.x + pa.y * pb.y));
        if (turn > kMaxTurnRad) {
            const LatLon mid{(a.lat + b.lat) / 2, a.lon + wrap_lon(b.lon - a.lon) / 2};
            edge(a, mid, out, depth + 1);
            edge(mid, b, out, depth + 1);
            return;
        }
    }
    out.push_back(clamped(pa));
}

namespace {

// Calls emit(a, b) for steps of at most kDensifyDeg along a -> b.
template <class Emit>
void densify(LatLon a, LatLon b, Emit emit) {
    const double dlon = wrap_lon(b.lon - a.lon), dlat = b.lat - a.lat;
    const int steps =
        std::max(1, static_cast<int>(std::ceil(std::max(std::fabs(dlon), std::fabs(dlat)) / kDensifyDeg)));
    LatLon from = a;
    for (int s = 1; s <= steps; ++s) {
        const double t = static_cast<double>(s) / steps;
        const LatLon to = s == steps ? b : LatLon{a.lat + dlat * t, a.lon + dlon * t};
        emit(from, to);
        from = to;
    }
}

}  // namespace

PlaneRing ClipProjector::ring(const GeoRing& ring) const {
    PlaneRing out;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const bool real = !artificial_edge(ring[i], ring[i + 1]);
        densify(ring[i], ring[i + 1], [&](LatLon a, LatLon b) {
            edge(a, b, out.points, 0);
            out.real.resize(out.points.size(), real);
        });
    }
    drop_repeats(out);
    return out;
}

PlanePath ClipProjector::line(const GeoLine& line) const {
    PlanePath out;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        densify(line[i], line[i + 1], [&](LatLon a, LatLon b) { edge(a, b, out, 0); });
    }
    if (!line.empty()) out.push_back(clamped(projection_.forward(line.back())));
    return out;
}

std::vector<PlaneRing> clip_ring(const PlaneRing& ring, const PlaneRect& rect) {
    if (ring.points.size() < 3) return {};
    if (signed_area(ring.points) >= 0) return clip_ccw_ring(ring, rect);
    std::vector<PlaneRing> out = clip_ccw_ring(reversed(ring), rect);
    for (PlaneRing& r : out) r = reversed(r);
    return out;
}

std::vector<PlanePath> clip_line(const PlanePath& line, const PlaneRect& rect) {
    std::vector<PlanePath> out;
    PlanePath current;
    auto finish = [&] {
        if (current.size() >= 2) out.push_back(std::move(current));
        current.clear();
    };
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const PlanePoint a = line[i], b = line[i + 1];
        double t0, t1;
        if (!clip_segment(a, b, rect, t0, t1)) {
            finish();
            continue;
        }
        const PlanePoint from = lerp(a, b, t0);
        if (current.empty() || !same(current.back(), from)) {
            finish();
            current.push_back(from);
        }
        current.push_back(t1 < 1 ? lerp(a, b, t1) : b);
        if (t1 < 1) finish();
    }
    finish();
    return out;
}

PlanePath simplify_path(const PlanePath& path, const Tolerance& tolerance) {
    // Each point against its own tolerance: fine near the story, coarse far away.
    std::vector<bool> keep;
    douglas_peucker(path.size(), [&](std::size_t i, std::size_t a, std::size_t b) {
        return segment_distance(path[i], path[a], path[b]) / tolerance.at(path[i]);
    }, keep);
    PlanePath out;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (keep[i]) out.push_back(path[i]);
    }
    return out;
}

PlaneRing simplify_ring(const PlaneRing& ring, const Tolerance& tolerance) {
    const std::size_t n = ring.points.size();
    if (n < 3) return {};
    // Anchors: where the edge kind changes, or, for a uniform ring, the
    // first point and the one farthest from it.
    std::vector<std::size_t> anchors;
    for (std::size_t i = 0; i < n; ++i) {
        if (ring.real[i] != ring.real[(i + n - 1) % n]) anchors.push_back(i);
    }
    if (anchors.empty()) {
        std::size_t far = 0;
        double best = -1;
        for (std::size_t i = 1; i < n; ++i) {
            const double d =
                std::hypot(ring.points[i].x - ring.points[0].x, ring.points[i].y - ring.points[0].y);
            if (d > best) {
                best = d;
                far = i;
            }
        }
        anchors = {0, far};
    }
    PlaneRing out;
    for (std::size_t k = 0; k < anchors.size(); ++k) {
        const std::size_t from = anchors[k], to = anchors[(k + 1) % anchors.size()];
        PlanePath piece;
        for (std::size_t i = from;; i = (i + 1) % n) {
            piece.push_back(ring.points[i]);
            if (i == to && piece.size() > 1) break;
        }
        const PlanePath simple = simplify_path(piece, tolerance);
        out.points.insert(out.points.end(), simple.begin(), simple.end() - 1);
        out.real.resize(out.points.size(), ring.real[from]);
    }
    if (out.points.size() < 3) return {};
    return out;
}

double extent_of(const PlanePath& path) {
    if (path.empty()) return 0;
    double x0 = path[0].x, x1 = x0, y0 = path[0].y, y1 = y0;
    for (const PlanePoint& p : path) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    return std::max(x1 - x0, y1 - y0);
}

}  // namespace dateline
