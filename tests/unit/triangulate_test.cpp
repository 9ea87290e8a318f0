#include "article/triangulate.h"

#include <cmath>

#include <gtest/gtest.h>

namespace dateline {
namespace {

double triangles_area(const std::vector<Vec2>& ring, const std::vector<std::uint32_t>& tris) {
    double total = 0;
    for (std::size_t t = 0; t + 2 < tris.size(); t += 3) {
        const Vec2 &a = ring[tris[t]], &b = ring[tris[t + 1]], &c = ring[tris[t + 2]];
        total += std::fabs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
    }
    return total;
}

TEST(triangulate, a_concave_ring_is_covered_exactly_in_either_orientation) {
    // An L shape: area 3.
    std::vector<Vec2> ring = {{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}};
    for (int pass = 0; pass < 2; ++pass) {
        std::vector<std::uint32_t> tris;
        triangulate_ring(ring, 0, tris);
        EXPECT_EQ(tris.size(), 4u * 3u);
        EXPECT_NEAR(triangles_area(ring, tris), 3.0, 1e-6);
        ring = std::vector<Vec2>(ring.rbegin(), ring.rend());
    }
}

TEST(triangulate, indices_are_offset_by_base_and_degenerate_points_are_skipped) {
    const std::vector<Vec2> ring = {{0, 0}, {1, 0}, {2, 0}, {2, 2}, {2, 2}, {0, 2}};
    std::vector<std::uint32_t> tris;
    triangulate_ring(ring, 100, tris);
    ASSERT_FALSE(tris.empty());
    for (std::uint32_t i : tris) EXPECT_GE(i, 100u);
    std::vector<std::uint32_t> local;
    for (std::uint32_t i : tris) local.push_back(i - 100);
    EXPECT_NEAR(triangles_area(ring, local), 4.0, 1e-6);
}

TEST(triangulate, a_self_touching_ring_terminates) {
    const std::vector<Vec2> bowtie = {{0, 0}, {2, 2}, {2, 0}, {0, 2}};
    std::vector<std::uint32_t> tris;
    triangulate_ring(bowtie, 0, tris);
    EXPECT_EQ(tris.size() % 3, 0u);
}

TEST(triangulate, a_circle_of_many_points_keeps_its_area) {
    std::vector<Vec2> ring;
    for (int i = 0; i < 500; ++i) {
        const float a = static_cast<float>(i) * 2 * 3.14159265f / 500;
        ring.push_back({std::cos(a) * 100, std::sin(a) * 100});
    }
    std::vector<std::uint32_t> tris;
    triangulate_ring(ring, 0, tris);
    EXPECT_EQ(tris.size(), 498u * 3u);
    EXPECT_NEAR(triangles_area(ring, tris), 3.14159265 * 100 * 100, 3.14159265 * 100 * 100 * 0.001);
}

}  // namespace
}  // namespace dateline
