#include "article/triangulate.h"

#include <algorithm>
#include <cmath>
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

bool same_point(const Vec2& p, const Vec2& q) { return p.x == q.x && p.y == q.y; }

// The ring's vertices bucketed in a uniform grid of about one vertex per
// cell. An ear test then looks only at the vertices near the candidate
// triangle instead of every vertex left: a coastline of thousands of points
// is triangulated in near-linear time, not quadratic (it used to cost tens of
// milliseconds before the first frame).
class Grid {
public:
    explicit Grid(const std::vector<Vec2>& ring) {
        lo_ = hi_ = ring[0];
        for (const Vec2& p : ring) {
            lo_ = {std::min(lo_.x, p.x), std::min(lo_.y, p.y)};
            hi_ = {std::max(hi_.x, p.x), std::max(hi_.y, p.y)};
        }
        const float w = std::max(hi_.x - lo_.x, 1e-6f), h = std::max(hi_.y - lo_.y, 1e-6f);
        const float cell = std::sqrt(w * h / static_cast<float>(ring.size()));
        cols_ = std::clamp(static_cast<int>(w / cell) + 1, 1, 1024);
        rows_ = std::clamp(static_cast<int>(h / cell) + 1, 1, 1024);
        sx_ = static_cast<float>(cols_) / w;
        sy_ = static_cast<float>(rows_) / h;
        // Counting sort of the vertices into cells (compressed rows).
        start_.assign(static_cast<std::size_t>(cols_ * rows_) + 1, 0);
        for (const Vec2& p : ring) ++start_[cell_of(p) + 1];
        for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
        items_.resize(ring.size());
        std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
        for (std::size_t i = 0; i < ring.size(); ++i) items_[fill[cell_of(ring[i])]++] = static_cast<std::uint32_t>(i);
    }

    // Calls f(vertex) for every vertex in the cells the box [a, b] touches,
    // until f returns false; returns whether it never did.
    template <typename F>
    bool all_near(Vec2 a, Vec2 b, F&& f) const {
        const int c0 = col(a.x), c1 = col(b.x), r0 = row(a.y), r1 = row(b.y);
        for (int r = r0; r <= r1; ++r) {
            const std::size_t base = static_cast<std::size_t>(r * cols_);
            for (std::uint32_t k = start_[base + static_cast<std::size_t>(c0)]; k < start_[base + static_cast<std::size_t>(c1) + 1]; ++k) {
                if (!f(items_[k])) return false;
            }
        }
        return true;
    }

private:
    int col(float x) const { return std::clamp(static_cast<int>((x - lo_.x) * sx_), 0, cols_ - 1); }
    int row(float y) const { return std::clamp(static_cast<int>((y - lo_.y) * sy_), 0, rows_ - 1); }
    std::size_t cell_of(const Vec2& p) const { return static_cast<std::size_t>(row(p.y) * cols_ + col(p.x)); }

    Vec2 lo_, hi_;
    int cols_ = 1, rows_ = 1;
    float sx_ = 1, sy_ = 1;
    std::vector<std::uint32_t> start_, items_;
};

}  // namespace

void triangulate_ring(const std::vector<Vec2>& ring, std::uint32_t base, std::vector<std::uint32_t>& out) {
    const std::size_t n = ring.size();
    if (n < 3) return;
    // Work counter-clockwise (positive signed area): walk the ring backwards if need be.
    double area = 0;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        area += static_cast<double>(ring[j].x) * ring[i].y - static_cast<double>(ring[i].x) * ring[j].y;
    }
    const bool forward = area >= 0;
    // The polygon left to cut, as a doubly linked ring of vertex indices.
    std::vector<std::uint32_t> next(n), prev(n);
    std::vector<bool> alive(n, true);
    for (std::size_t i = 0; i < n; ++i) {
        const auto after = static_cast<std::uint32_t>((i + 1) % n), before = static_cast<std::uint32_t>((i + n - 1) % n);
        next[i] = forward ? after : before;
        prev[i] = forward ? before : after;
    }
    const Grid grid(ring);
    const auto emit = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        out.push_back(base + a);
        out.push_back(base + b);
        out.push_back(base + c);
    };

    std::size_t left = n;
    std::size_t misses = 0;  // consecutive vertices that were not ears
    std::uint32_t i = forward ? 0 : static_cast<std::uint32_t>(n - 1);
    while (left > 3) {
        const std::uint32_t ip = prev[i], in = next[i];
        const Vec2& a = ring[ip];
        const Vec2& b = ring[i];
        const Vec2& c = ring[in];
        const float turn = cross(a, b, c);
        bool ear = turn > 0;
        if (ear) {
            const Vec2 lo{std::min({a.x, b.x, c.x}), std::min({a.y, b.y, c.y})};
            const Vec2 hi{std::max({a.x, b.x, c.x}), std::max({a.y, b.y, c.y})};
            ear = grid.all_near(lo, hi, [&](std::uint32_t k) {
                if (!alive[k] || k == ip || k == i || k == in) return true;
                const Vec2& p = ring[k];
                // Points equal to a corner (duplicates) do not block the ear.
                if (same_point(p, a) || same_point(p, b) || same_point(p, c)) return true;
                return !inside_triangle(p, a, b, c);
            });
        }
        if (ear || turn == 0) {
            // Degenerate (collinear) corners are dropped without a triangle.
            if (ear) emit(ip, i, in);
            next[ip] = in;
            prev[in] = ip;
            alive[i] = false;
            --left;
            i = in;
            misses = 0;
            continue;
        }
        if (++misses > left) {
            // No ear left: the remainder is not simple. Close it with a fan.
            for (std::uint32_t k = next[i]; next[k] != i; k = next[k]) emit(i, k, next[k]);
            return;
        }
        i = in;
    }
    if (cross(ring[prev[i]], ring[i], ring[next[i]]) != 0) emit(prev[i], i, next[i]);
}

}  // namespace dateline
