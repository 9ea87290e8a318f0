#include "article/geo.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dateline {
namespace {

const LatLon kAnchorage{61.22, -149.90};
const LatLon kMoscow{55.75, 37.62};

double plane_distance(PlanePoint a, PlanePoint b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

TEST(geo, wraps_longitudes_into_one_turn) {
    EXPECT_DOUBLE_EQ(wrap_lon(190), -170);
    EXPECT_DOUBLE_EQ(wrap_lon(-190), 170);
    EXPECT_DOUBLE_EQ(wrap_lon(180), -180);
    EXPECT_DOUBLE_EQ(wrap_lon(-540), -180);
    EXPECT_DOUBLE_EQ(wrap_lon(37.5), 37.5);
}

TEST(geo, unwraps_around_a_central_meridian) {
    // Chukotka, seen from Alaska, lies west of Alaska: less than -180.
    EXPECT_DOUBLE_EQ(unwrap_lon(175, -150), -185);
    EXPECT_DOUBLE_EQ(unwrap_lon(-175, 170), 185);
    // Moscow, seen from Alaska's central meridian, is far to the west.
    EXPECT_NEAR(unwrap_lon(37.62, -149.9), -322.38, 1e-9);
    for (double lon = -720; lon <= 720; lon += 13.7) {
        const double u = unwrap_lon(lon, -149.9);
        EXPECT_GE(u, -149.9 - 180);
        EXPECT_LT(u, -149.9 + 180);
        EXPECT_NEAR(wrap_lon(u), wrap_lon(lon), 1e-9);
    }
}

TEST(geo, projects_the_centre_to_the_origin) {
    const Projection p(kAnchorage);
    const PlanePoint o = p.forward(kAnchorage);
    EXPECT_NEAR(o.x, 0, 1e-9);
    EXPECT_NEAR(o.y, 0, 1e-9);
    // North is up and east is right.
    EXPECT_GT(p.forward({62.22, -149.90}).y, 100);
    EXPECT_GT(p.forward({61.22, -148.90}).x, 40);
}

TEST(geo, forward_then_inverse_is_the_identity) {
    for (const LatLon center : {kAnchorage, kMoscow, LatLon{90, 0}, LatLon{-89.5, 120}, LatLon{0, 179.9}}) {
        const Projection p(center);
        for (double lat = -85; lat <= 85; lat += 5) {
            for (double lon = -180; lon < 180; lon += 7.5) {
                const LatLon g{lat, lon};
                if (central_angle(center, g) > 170 * kPi / 180) continue;  // near the antipode
                LatLon back;
                ASSERT_TRUE(p.inverse(p.forward(g), back));
                EXPECT_NEAR(back.lat, lat, 1e-7);
                EXPECT_NEAR(wrap_lon(back.lon - lon), 0, 1e-7) << lat << "," << lon;
                // Longitudes come back around the central meridian.
                EXPECT_LE(std::fabs(back.lon - center.lon), 180 + 1e-9);
            }
        }
    }
}

TEST(geo, inverse_fails_off_the_globe) {
    const Projection p(kAnchorage);
    LatLon out;
    EXPECT_FALSE(p.inverse({2 * kEarthRadiusKm + 10, 0}, out));
    EXPECT_TRUE(p.inverse({2 * kEarthRadiusKm - 10, 0}, out));
}

TEST(geo, the_antimeridian_is_an_ordinary_line) {
    const Projection p(kAnchorage);
    const PlanePoint west = p.forward({65, 179.9}), east = p.forward({65, -179.9});
    // 0.2 degrees of longitude at 65N is about 9.4 km.
    EXPECT_LT(plane_distance(west, east), 12);
    EXPECT_GT(plane_distance(west, east), 7);
    // And it runs on without a jump, Chukotka to Alaska.
    PlanePoint previous = p.forward({65, 170});
    for (double lon = 170.5; lon <= 200; lon += 0.5) {
        const PlanePoint q = p.forward({65, lon > 180 ? lon - 360 : lon});
        EXPECT_LT(plane_distance(previous, q), 30) << lon;
        previous = q;
    }
}

TEST(geo, keeps_areas_and_is_true_near_the_centre) {
    const Projection p(kAnchorage);
    // 100 km north of the centre is 100 km up the map.
    const double dlat = 100 / (kPi * kEarthRadiusKm / 180);
    EXPECT_NEAR(p.forward({kAnchorage.lat + dlat, kAnchorage.lon}).y, 100, 0.01);
    // A 1x1 degree cell far from the centre keeps its area (equal-area).
    auto cell_area = [&](double lat, double lon) {
        const PlanePoint a = p.forward({lat, lon}), b = p.forward({lat, lon + 1}),
                         c = p.forward({lat + 1, lon + 1}), d = p.forward({lat + 1, lon});
        return std::fabs((a.x * b.y - b.x * a.y) + (b.x * c.y - c.x * b.y) + (c.x * d.y - d.x * c.y) +
                         (d.x * a.y - a.x * d.y)) /
               2;
    };
    const double r = kEarthRadiusKm, rad = kPi / 180;
    auto true_area = [&](double lat) {
        return r * r * rad * (std::sin((lat + 1) * rad) - std::sin(lat * rad));
    };
    EXPECT_NEAR(cell_area(55, 37) / true_area(55), 1, 0.01);
    EXPECT_NEAR(cell_area(66, 175) / true_area(66), 1, 0.01);
}

TEST(geo, measures_anchorage_to_moscow) {
    EXPECT_NEAR(distance_km(kAnchorage, kMoscow), 6992, 10);
    EXPECT_NEAR(distance_km(kMoscow, kMoscow), 0, 1e-9);
    EXPECT_NEAR(distance_km({0, 0}, {0, 180}), kPi * kEarthRadiusKm, 1e-6);
}

TEST(geo, great_circle_from_anchorage_to_moscow_goes_over_the_arctic) {
    const std::vector<LatLon> arc = great_circle_points(kAnchorage, kMoscow, 64);
    ASSERT_EQ(arc.size(), 64u);
    EXPECT_DOUBLE_EQ(arc.front().lat, kAnchorage.lat);
    EXPECT_DOUBLE_EQ(arc.front().lon, kAnchorage.lon);
    EXPECT_DOUBLE_EQ(arc.back().lat, kMoscow.lat);
    EXPECT_NEAR(wrap_lon(arc.back().lon), kMoscow.lon, 1e-9);
    double max_lat = -90;
    const double step = distance_km(kAnchorage, kMoscow) / 63;
    for (std::size_t i = 0; i < arc.size(); ++i) {
        max_lat = std::max(max_lat, arc[i].lat);
        if (i == 0) continue;
        EXPECT_NEAR(distance_km(arc[i - 1], arc[i]), step, 1e-6);
        EXPECT_LT(std::fabs(arc[i].lon - arc[i - 1].lon), 90) << "longitudes are continuous";
    }
    EXPECT_GT(max_lat, 70);
}

TEST(geo, great_circle_handles_degenerate_endpoints) {
    const auto same = great_circle_points(kMoscow, kMoscow, 5);
    ASSERT_EQ(same.size(), 5u);
    for (const LatLon& p : same) EXPECT_NEAR(distance_km(p, kMoscow), 0, 1e-6);
    const auto half = great_circle_points({0, 0}, {0, 180}, 3);
    EXPECT_NEAR(distance_km(half[0], half[1]), kPi * kEarthRadiusKm / 2, 1e-6);
    EXPECT_EQ(great_circle_points(kMoscow, kAnchorage, 1).size(), 2u);
}

MapView test_view() {
    MapView view({{0, 0}, 4500}, {-3000, -3000, 3000, 3000}, 500, 6000);
    view.set_viewport({10, 20, 1000, 700});
    return view;
}

TEST(geo, view_maps_plane_to_screen_and_back) {
    const MapView view = test_view();
    const ScreenPoint c = view.to_screen({0, 0});
    EXPECT_DOUBLE_EQ(c.x, 510);
    EXPECT_DOUBLE_EQ(c.y, 370);
    const ScreenPoint ne = view.to_screen({450, 450});
    EXPECT_DOUBLE_EQ(ne.x, 610);  // 4500 km across 1000 px
    EXPECT_DOUBLE_EQ(ne.y, 270);  // north is up
    const PlanePoint back = view.to_plane({123, 456});
    const ScreenPoint again = view.to_screen(back);
    EXPECT_NEAR(again.x, 123, 1e-9);
    EXPECT_NEAR(again.y, 456, 1e-9);
}

TEST(geo, zoom_keeps_the_point_under_the_pointer) {
    MapView view = test_view();
    const ScreenPoint anchor{300, 250};
    const PlanePoint under = view.to_plane(anchor);
    view.zoom_around(2, anchor);
    EXPECT_NEAR(view.state().span_km, 2250, 1e-9);
    const ScreenPoint after = view.to_screen(under);
    EXPECT_NEAR(after.x, anchor.x, 1e-6);
    EXPECT_NEAR(after.y, anchor.y, 1e-6);
    view.zoom_around(1.5, {900, 600});
    view.zoom_around(0.8, {100, 100});
    const PlanePoint under2 = view.to_plane({512, 345});
    view.zoom_around(1.25, {512, 345});
    EXPECT_NEAR(view.to_screen(under2).x, 512, 1e-6);
    EXPECT_NEAR(view.to_screen(under2).y, 345, 1e-6);
}

TEST(geo, zoom_stops_at_its_limits) {
    MapView view = test_view();
    for (int i = 0; i < 50; ++i) view.zoom_around(2, {200, 200});
    EXPECT_DOUBLE_EQ(view.state().span_km, 500);
    for (int i = 0; i < 50; ++i) view.zoom_around(0.5, {200, 200});
    EXPECT_DOUBLE_EQ(view.state().span_km, 6000);
    view.zoom_around(0, {0, 0});  // ignored
    view.zoom_around(std::nan(""), {0, 0});
    EXPECT_DOUBLE_EQ(view.state().span_km, 6000);
}

TEST(geo, panning_never_leaves_the_data) {
    MapView view = test_view();
    for (int i = 0; i < 100; ++i) view.pan_px(-500, 300);
    // The visible area stays inside the bounds: the right edge at most at x1.
    const double half_w = view.state().span_km / 2, half_h = view.state().span_km * 0.7 / 2;
    EXPECT_NEAR(view.state().center.x + half_w, 3000, 1e-9);
    EXPECT_NEAR(view.state().center.y + half_h, 3000, 1e-9);  // dragged down: north comes into view
    // Zoomed out wider than the bounds, the view centres on them.
    view.zoom_around(0.1, {0, 0});
    EXPECT_NEAR(view.state().center.x, 0, 1e-9);
    view.set_state({{1e12, std::nan("")}, 1000});
    EXPECT_TRUE(std::isfinite(view.state().center.y));
    view.reset();
    EXPECT_DOUBLE_EQ(view.state().span_km, 4500);
    EXPECT_DOUBLE_EQ(view.zoom(), 1);
}

TEST(geo, fit_shows_anchorage_and_moscow) {
    const Projection p(kAnchorage);
    const PlanePoint a = p.forward(kAnchorage), m = p.forward(kMoscow);
    const PlaneRect both{std::min(a.x, m.x), std::min(a.y, m.y), std::max(a.x, m.x), std::max(a.y, m.y)};
    MapView view({{0, 0}, 4500}, {both.x0 - 1000, both.y0 - 1000, both.x1 + 1000, both.y1 + 1000}, 500,
                 20000);
    view.set_viewport({0, 0, 1000, 700});
    view.set_state(view.fit(both, 40));
    for (const PlanePoint q : {a, m}) {
        const ScreenPoint s = view.to_screen(q);
        EXPECT_GE(s.x, 40 - 1e-6);
        EXPECT_LE(s.x, 960 + 1e-6);
        EXPECT_GE(s.y, 40 - 1e-6);
        EXPECT_LE(s.y, 660 + 1e-6);
    }
    const ViewState mid = interpolate(view.home(), view.state(), 0.5);
    EXPECT_NEAR(mid.span_km, std::sqrt(view.home().span_km * view.state().span_km), 1e-6);
    EXPECT_DOUBLE_EQ(interpolate(view.home(), view.state(), 1).span_km, view.state().span_km);
}

}  // namespace
}  // namespace dateline
