#include "article/triangulate.h"

#include <cstddef>

namespace dateline {
namespace {

float cross(const Vec2& a, const Vec2& b, const Vec2& c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

bool inside_triangle(const Vec2& p, const Vec2& a, const Vec2& b, const Vec2& c) {
    // Counter-clockwise triangle: p is inside (or on an edge) when on the left of all three edges.
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

}  // namespace

void triangulate_ring(const std::vector<Vec2>& ring, std::uint32_t base, std::vector<std::uint32_t>& out) {
    const std::size_t n = ring.size();
    if (n < 3) return;
    // Work counter-clockwise (positive signed area).
    double area = 0;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        area += static_cast<double>(ring[j].x) * ring[i].y - static_cast<double>(ring[i].x) * ring[j].y;
    }
    std::vector<std::uint32_t> idx(n);
    for (std::size_t i = 0; i < n; ++i) idx[i] = static_cast<std::uint32_t>(area >= 0 ? i : n - 1 - i);

    std::size_t misses = 0;  // consecutive vertices that were not ears
    std::size_t i = 0;
    while (idx.size() > 3) {
        const std::size_t m = idx.size();
        const std::size_t ip = (i + m - 1) % m, in = (i + 1) % m;
        const Vec2& a = ring[idx[ip]];
        const Vec2& b = ring[idx[i]];
        const Vec2& c = ring[idx[in]];
        bool ear = cross(a, b, c) > 0;
        for (std::size_t k = 0; ear && k < m; ++k) {
            if (k == ip || k == i || k == in) continue;
            const Vec2& p = ring[idx[k]];
            // Points equal to a corner (duplicates) do not block the ear.
            if ((p.x == a.x && p.y == a.y) || (p.x == b.x && p.y == b.y) || (p.x == c.x && p.y == c.y)) continue;
            ear = !inside_triangle(p, a, b, c);
        }
        if (ear || cross(a, b, c) == 0) {
            // Degenerate (collinear) corners are dropped without a triangle.
            if (ear) {
                out.push_back(base + idx[ip]);
                out.push_back(base + idx[i]);
                out.push_back(base + idx[in]);
            }
            idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(i));
            if (i >= idx.size()) i = 0;
            misses = 0;
            continue;
        }
        if (++misses > idx.size()) {
            // No ear left: the remainder is not simple. Close it with a fan.
            for (std::size_t k = 1; k + 1 < idx.size(); ++k) {
                out.push_back(base + idx[0]);
                out.push_back(base + idx[k]);
                out.push_back(base + idx[k + 1]);
            }
            return;
        }
        i = (i + 1) % idx.size();
    }
    if (cross(ring[idx[0]], ring[idx[1]], ring[idx[2]]) != 0) {
        for (std::uint32_t k : idx) out.push_back(base + k);
    }
}

}  // namespace dateline
