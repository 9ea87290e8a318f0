#include "article/map_detail.h"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

namespace dateline {
namespace {

constexpr float kPiF = 3.14159265f;

// A wobbly circle of radius ~100 km: 2000 points, detail at every scale.
std::vector<Vec2> wobbly_ring(float cx = 0, float cy = 0, float r = 100) {
    std::vector<Vec2> ring;
    for (int i = 0; i < 2000; ++i) {
        const float a = 2 * kPiF * static_cast<float>(i) / 2000;
        const float radius = r + 3 * std::sin(a * 40) + 0.5f * std::sin(a * 400);
        ring.push_back({cx + radius * std::cos(a), cy + radius * std::sin(a)});
    }
    return ring;
}

double triangles_area(const DetailLayer& layer) {
    double total = 0;
    for (const DetailPiece& p : layer.pieces) {
        for (std::uint32_t t = 0; t + 2 < p.index_count; t += 3) {
            const Vec2& a = layer.points[p.first + layer.triangles[p.first_index + t]];
            const Vec2& b = layer.points[p.first + layer.triangles[p.first_index + t + 1]];
            const Vec2& c = layer.points[p.first + layer.triangles[p.first_index + t + 2]];
            total += std::fabs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
        }
    }
    return total;
}

float distance_to_polyline(const Vec2& p, const std::vector<Vec2>& line) {
    float best = 1e30f;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const Vec2 &a = line[i], &b = line[i + 1];
        const float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        const float t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
        best = std::min(best, std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
    }
    return best;
}

TEST(map_detail, levels_double_their_tolerance_and_level_zero_is_the_data) {
    MapDetail detail(0.5f);
    EXPECT_EQ(detail.tolerance(0), 0.0f);
    EXPECT_EQ(detail.tolerance(1), 0.5f);
    EXPECT_EQ(detail.tolerance(3), 2.0f);
    detail.add_coast(wobbly_ring());
    EXPECT_EQ(detail.level(0.1f).coast.points.size(), 2000u);  // finer than level 1: the data
    EXPECT_EQ(detail.level(0.1f).tolerance_km, 0.0f);
    EXPECT_EQ(detail.level(2.5f).tolerance_km, 2.0f);            // the coarsest within the budget
    EXPECT_EQ(detail.level(1e9f).tolerance_km, detail.tolerance(MapDetail::kLevels - 1));
}

TEST(map_detail, levels_are_built_once_and_only_when_asked_for) {
    MapDetail detail(0.5f);
    detail.add_land(wobbly_ring());
    EXPECT_EQ(detail.levels_built(), 0);
    const MapLevel& a = detail.level(1.0f);
    EXPECT_EQ(detail.levels_built(), 1);
    EXPECT_EQ(&detail.level(1.2f), &a);  // same level, same object
    EXPECT_EQ(detail.levels_built(), 1);
    detail.level(8.0f);
    EXPECT_EQ(detail.levels_built(), 2);
}

TEST(map_detail, coarser_levels_keep_fewer_points_and_stay_within_their_tolerance) {
    MapDetail detail(0.25f);
    const std::vector<Vec2> line = wobbly_ring();
    detail.add_coast(line);
    std::size_t previous = line.size() + 1;
    for (int k = 0; k < MapDetail::kLevels; ++k) {
        const MapLevel& level = detail.level(detail.tolerance(k));
        ASSERT_EQ(level.coast.pieces.size(), 1u);
        const std::vector<Vec2>& simple = level.coast.points;
        EXPECT_LT(simple.size(), previous) << "level " << k;
        previous = simple.size();
        // Douglas–Peucker's promise: every original point is within the tolerance.
        float worst = 0;
        for (const Vec2& p : line) worst = std::max(worst, distance_to_polyline(p, simple));
        EXPECT_LE(worst, detail.tolerance(k) * 1.001f + 1e-4f) << "level " << k;
    }
    EXPECT_LT(previous, 200u);  // the coarsest level is a few dozen points, not 2000
}

TEST(map_detail, simplified_land_keeps_its_area_and_is_fully_triangulated) {
    MapDetail detail(0.25f);
    detail.add_land(wobbly_ring());
    const double exact = triangles_area(detail.level(0).land);
    EXPECT_NEAR(exact, kPiF * 100 * 100, 0.02 * kPiF * 100 * 100);
    for (int k = 1; k < MapDetail::kLevels; ++k) {
        const MapLevel& level = detail.level(detail.tolerance(k));
        ASSERT_EQ(level.land.pieces.size(), 1u);
        const DetailPiece& piece = level.land.pieces[0];
        EXPECT_EQ(piece.index_count, 3 * (piece.count - 2)) << "a simple ring of n points has n - 2 triangles";
        // Area changes by at most the perimeter times the tolerance.
        EXPECT_NEAR(triangles_area(level.land), exact, 2 * kPiF * 100 * detail.tolerance(k)) << "level " << k;
    }
}

TEST(map_detail, specks_smaller_than_the_tolerance_leave_coarse_levels_only) {
    MapDetail detail(1.0f);
    detail.add_land({{0, 0}, {1, 0}, {1, 1}, {0, 1}});  // a 1 km islet
    detail.add_lake({{10, 10}, {11, 10}, {11, 11}});
    EXPECT_EQ(detail.level(0).land.pieces.size(), 1u);
    EXPECT_EQ(detail.level(0).lakes.pieces.size(), 1u);
    EXPECT_TRUE(detail.level(4).land.pieces.empty());
    EXPECT_TRUE(detail.level(4).lakes.pieces.empty());
}

TEST(map_detail, each_piece_box_holds_its_points_for_culling) {
    MapDetail detail(0.5f);
    detail.add_land(wobbly_ring(500, -300, 50));
    detail.add_border({{0, 0}, {10, 5}, {-3, 20}});
    const MapLevel& level = detail.level(0);
    for (const DetailLayer* layer : {&level.land, &level.borders}) {
        for (const DetailPiece& piece : layer->pieces) {
            for (std::uint32_t i = 0; i < piece.count; ++i) {
                const Vec2& p = layer->points[piece.first + i];
                EXPECT_TRUE(p.x >= piece.box.x0 && p.x <= piece.box.x1 && p.y >= piece.box.y0 && p.y <= piece.box.y1);
            }
        }
    }
    EXPECT_TRUE(level.borders.pieces[0].box.overlaps({-4, 18, -2, 25}));
    EXPECT_FALSE(level.land.pieces[0].box.overlaps({0, 0, 100, 100}));
}

TEST(map_detail, idle_time_builds_the_levels_nearest_the_view_first_then_stops) {
    MapDetail detail(0.5f);
    detail.add_land(wobbly_ring());
    detail.level(detail.tolerance(3));  // the view asks for level 3
    std::vector<int> order;
    bool more = true;
    while (more) {
        more = detail.build_more(100);
        for (int k = 0; k < MapDetail::kLevels; ++k) {
            if (detail.built(k) && std::find(order.begin(), order.end(), k) == order.end() && k != 3) order.push_back(k);
        }
        ASSERT_LE(order.size(), static_cast<std::size_t>(MapDetail::kLevels));
    }
    EXPECT_EQ(order, (std::vector<int>{2, 4, 1, 5, 0, 6}));
    EXPECT_EQ(detail.levels_built(), MapDetail::kLevels);
    EXPECT_FALSE(detail.build_more(100));
    // Building ahead changes nothing a view sees.
    EXPECT_EQ(detail.level(detail.tolerance(2)).tolerance_km, detail.tolerance(2));
}

TEST(map_detail, a_view_builds_only_the_pieces_it_shows) {
    MapDetail detail(0.5f);
    detail.add_land(wobbly_ring(0, 0));
    detail.add_land(wobbly_ring(1000, 0));
    detail.add_coast(wobbly_ring(1000, 0));
    const Box near_origin{-150, -150, 150, 150};
    const MapLevel& level = detail.level(detail.tolerance(2), near_origin);
    ASSERT_EQ(level.land.pieces.size(), 1u);
    EXPECT_TRUE(level.land.pieces[0].box.overlaps(near_origin));
    EXPECT_TRUE(level.coast.pieces.empty());
    EXPECT_FALSE(detail.built(2));
    // Panning to the rest builds it into the same level.
    EXPECT_EQ(&detail.level(detail.tolerance(2), {850, -150, 1150, 150}), &level);
    EXPECT_EQ(level.land.pieces.size(), 2u);
    EXPECT_EQ(level.coast.pieces.size(), 1u);
    EXPECT_TRUE(detail.built(2));
}

TEST(map_detail, an_idle_step_stops_at_its_budget) {
    MapDetail detail(0.5f);
    for (int i = 0; i < 5; ++i) detail.add_land(wobbly_ring(500.0f * static_cast<float>(i), 0));
    const Box nowhere{5000, 5000, 5001, 5001};
    detail.level(detail.tolerance(1), nowhere);
    EXPECT_TRUE(detail.build_more(3000));  // 2000-point rings: stops after the second
    EXPECT_EQ(detail.level(detail.tolerance(1), nowhere).land.pieces.size(), 2u);
    EXPECT_TRUE(detail.build_more(6000));
    EXPECT_TRUE(detail.built(1));
}

TEST(map_detail, a_detail_of_one_level_is_the_data_alone) {
    MapDetail detail(1.0f, 1);
    detail.add_land(wobbly_ring());
    EXPECT_EQ(detail.level(1e9f).tolerance_km, 0.0f);
    EXPECT_EQ(detail.level(1e9f).land.points.size(), 2000u);
    EXPECT_FALSE(detail.build_more(1));
    EXPECT_EQ(detail.levels_built(), 1);
}

}  // namespace
}  // namespace dateline
