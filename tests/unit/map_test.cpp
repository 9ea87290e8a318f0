#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "article/map_pack.h"
#include "compiler/map_build.h"
#include "compiler/map_clip.h"
#include "compiler/map_encode.h"
#include "compiler/output_dir.h"
#include "compiler/topojson.h"

namespace dateline {
namespace {

const std::string kAtlas = DATELINE_SOURCE_DIR "/node_modules/world-atlas";
const LatLon kAnchorage{61.22, -149.90};
const LatLon kMoscow{55.75, 37.62};

// A square of two arcs (one shared with a triangle, which uses it reversed),
// quantized and delta-encoded with a transform.
const char* kTinyTopology = R"({
  "type": "Topology",
  "transform": {"scale": [0.5, 0.25], "translate": [-10, 20]},
  "objects": {
    "shapes": {"type": "GeometryCollection", "geometries": [
      {"type": "Polygon", "id": "sq", "arcs": [[0, 1]]},
      {"type": "GeometryCollection", "geometries": [
        {"type": "MultiPolygon", "id": 7, "arcs": [[[-2, 2]]]}
      ]},
      {"type": "Point", "coordinates": [0, 0]}
    ]}
  },
  "arcs": [
    [[0, 0], [4, 0], [0, 8]],
    [[4, 8], [-4, 0], [0, -8]],
    [[4, 8], [4, -4], [-8, -4]]
  ]
})";

TEST(map_topojson, decodes_transform_and_deltas) {
    Topology t;
    std::string error;
    ASSERT_TRUE(parse_topology(kTinyTopology, t, error)) << error;
    ASSERT_EQ(t.arcs.size(), 3u);
    // Arc 0: (0,0) (4,0) (4,8) in quanta -> lon = x/2 - 10, lat = y/4 + 20.
    ASSERT_EQ(t.arcs[0].size(), 3u);
    EXPECT_DOUBLE_EQ(t.arcs[0][1].lon, -8);
    EXPECT_DOUBLE_EQ(t.arcs[0][1].lat, 20);
    EXPECT_DOUBLE_EQ(t.arcs[0][2].lon, -8);
    EXPECT_DOUBLE_EQ(t.arcs[0][2].lat, 22);
    ASSERT_EQ(t.objects.count("shapes"), 1u);
    const auto& shapes = t.objects.at("shapes");
    ASSERT_EQ(shapes.size(), 3u);  // the nested collection is flattened
    EXPECT_EQ(shapes[0].id, "sq");
    EXPECT_EQ(shapes[1].id, "7");
}

TEST(map_topojson, joins_arcs_into_rings_and_reverses_with_tilde) {
    Topology t;
    std::string error;
    ASSERT_TRUE(parse_topology(kTinyTopology, t, error)) << error;
    const std::vector<GeoPolygon> polygons = object_polygons(t, "shapes");
    ASSERT_EQ(polygons.size(), 2u);
    const GeoRing& square = polygons[0][0];
    // Two 3-point arcs share one point: 5 points, closed.
    ASSERT_EQ(square.size(), 5u);
    EXPECT_DOUBLE_EQ(square.front().lon, square.back().lon);
    EXPECT_DOUBLE_EQ(square.front().lat, square.back().lat);
    EXPECT_DOUBLE_EQ(square[3].lon, -10);  // arc 1's middle point (0, 8)
    EXPECT_DOUBLE_EQ(square[3].lat, 22);
    // ~1 walks arc 1 backwards: (0,0) (0,8) (4,8), then arc 2.
    const GeoRing& triangle = polygons[1][0];
    ASSERT_EQ(triangle.size(), 5u);
    EXPECT_DOUBLE_EQ(triangle[0].lon, -10);
    EXPECT_DOUBLE_EQ(triangle[0].lat, 20);
    EXPECT_DOUBLE_EQ(triangle[1].lat, 22);
    EXPECT_DOUBLE_EQ(triangle[2].lon, -8);
    EXPECT_DOUBLE_EQ(triangle.back().lon, triangle.front().lon);
    EXPECT_DOUBLE_EQ(triangle.back().lat, triangle.front().lat);
}

TEST(map_topojson, mesh_keeps_only_arcs_between_different_geometries) {
    Topology t;
    std::string error;
    ASSERT_TRUE(parse_topology(kTinyTopology, t, error)) << error;
    const std::vector<GeoLine> mesh = object_inner_mesh(t, "shapes");
    ASSERT_EQ(mesh.size(), 1u);  // arc 1, shared by the square and the triangle
    EXPECT_DOUBLE_EQ(mesh[0][0].lon, -8);
    EXPECT_DOUBLE_EQ(mesh[0][0].lat, 22);
}

TEST(map_topojson, rejects_broken_topologies) {
    Topology t;
    std::string error;
    EXPECT_FALSE(parse_topology("{", t, error));
    EXPECT_FALSE(parse_topology(R"({"type": "FeatureCollection"})", t, error));
    EXPECT_FALSE(parse_topology(
        R"({"type": "Topology", "arcs": [[[0, 0], [1, 1]]],
            "objects": {"x": {"type": "Polygon", "arcs": [[5]]}}})",
        t, error));
    EXPECT_NE(error.find("out of range"), std::string::npos) << error;
    EXPECT_FALSE(parse_topology(R"({"type": "Topology", "arcs": [[[0, "a"]]], "objects": {}})", t, error));
}

// Real data, parsed once for all tests.
class MapWorldAtlas : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        static bool loaded = false;
        if (loaded) return;
        loaded = true;
        std::string error;
        for (auto [name, topology] : {std::pair{"land-50m", &land_}, std::pair{"countries-50m", &countries_},
                                      std::pair{"land-110m", &world_}}) {
            std::string text;
            ASSERT_TRUE(read_file(kAtlas + "/" + name + ".json", text)) << "run `make deps` for world-atlas";
            ASSERT_TRUE(parse_topology(text, *topology, error)) << error;
        }
    }

    static std::string blob(const MapRequest& request) {
        std::string out, error;
        EXPECT_TRUE(build_map_from(request, land_, countries_, world_, out, error)) << error;
        return out;
    }

    static MapPack decode(const std::string& blob) {
        MapPack pack;
        EXPECT_TRUE(decode_map_pack(reinterpret_cast<const std::uint8_t*>(blob.data()), blob.size(), pack));
        return pack;
    }

    static Topology land_, countries_, world_;
};

Topology MapWorldAtlas::land_, MapWorldAtlas::countries_, MapWorldAtlas::world_;

MapRequest default_request() {
    MapRequest r;
    r.center = {61.2, -149.9};
    r.span_km = 4500;
    r.include = {kAnchorage};
    return r;
}

// The largest jump in longitude between neighbours along any ring or line.
double largest_lon_step(const std::vector<std::vector<LatLon>>& paths) {
    double worst = 0;
    for (const auto& path : paths) {
        for (std::size_t i = 0; i < path.size(); ++i) {
            const LatLon a = path[i], b = path[(i + 1) % path.size()];
            worst = std::max(worst, std::fabs(b.lon - a.lon));
        }
    }
    return worst;
}

TEST(map_clip, ring_across_the_antimeridian_comes_out_whole) {
    MapPlan plan;
    std::string error;
    MapRequest request;
    request.center = {60, -175};
    request.span_km = 3000;
    ASSERT_TRUE(plan_map(request, plan, error)) << error;
    // An island from 170E to 170W around the centre, written as its source
    // would: longitudes in [-180, 180], outer ring clockwise.
    const GeoRing island = {{55, 170},  {62, 170},  {62, 179}, {62, -179}, {62, -170},
                            {55, -170}, {55, -179}, {55, 179}, {55, 170}};
    const PackPolygon out = map_polygon(plan, {island});
    ASSERT_EQ(out.rings.size(), 1u);
    const std::vector<LatLon>& ring = out.rings[0].points;
    EXPECT_LT(largest_lon_step({ring}), 30);
    double west = 1e9, east = -1e9;
    for (const LatLon& p : ring) {
        west = std::min(west, p.lon);
        east = std::max(east, p.lon);
        EXPECT_NEAR(std::fabs(p.lon - request.center.lon), 0, 180);
    }
    // 20 degrees wide, continuous around 175W: from 190W to 170W.
    EXPECT_NEAR(west, -190, 0.01);
    EXPECT_NEAR(east, -170, 0.01);
    // All of it is coast: no edge was made by clipping.
    EXPECT_TRUE(std::all_of(out.rings[0].real.begin(), out.rings[0].real.end(), [](bool b) { return b; }));
}

TEST(map_clip, clipping_keeps_the_area_inside_and_marks_cut_edges) {
    const PlaneRect rect{0, 0, 10, 10};
    // A clockwise "U" that leaves the rectangle through its bottom twice.
    PlaneRing u;
    u.points = {{2, 5}, {8, 5}, {8, -5}, {6, -5}, {6, 3}, {4, 3}, {4, -5}, {2, -5}};
    ASSERT_LT(signed_area(u.points), 0);
    u.real.assign(u.points.size(), true);
    const std::vector<PlaneRing> pieces = clip_ring(u, rect);
    ASSERT_EQ(pieces.size(), 1u);  // joined along the rectangle's edge, no bridge
    EXPECT_NEAR(signed_area(pieces[0].points), -(6 * 5 - 2 * 3), 1e-9);
    const int cut = static_cast<int>(std::count(pieces[0].real.begin(), pieces[0].real.end(), false));
    EXPECT_EQ(cut, 2);  // the two stretches of the bottom edge
    // A ring around the whole rectangle fills it; one beside it adds nothing.
    PlaneRing around{{{-5, -5}, {15, -5}, {15, 15}, {-5, 15}}, std::vector<bool>(4, true)};
    const auto whole = clip_ring(around, rect);
    ASSERT_EQ(whole.size(), 1u);
    EXPECT_NEAR(signed_area(whole[0].points), 100, 1e-9);
    PlaneRing beside{{{20, 0}, {30, 0}, {30, 10}, {20, 10}}, std::vector<bool>(4, true)};
    EXPECT_TRUE(clip_ring(beside, rect).empty());
    // A line crossing the rectangle twice comes out as two pieces.
    const auto lines = clip_line({{-5, 2}, {5, 2}, {5, 20}, {8, 20}, {8, 5}, {20, 5}}, rect);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_DOUBLE_EQ(lines[0].front().x, 0);
    EXPECT_DOUBLE_EQ(lines[1].back().x, 10);
}

TEST(map_clip, simplification_keeps_ends_and_shape) {
    PlanePath wiggly;
    for (int i = 0; i <= 100; ++i)
        wiggly.push_back({static_cast<double>(i), (i % 2) * 0.01 + (i == 50 ? 5 : 0)});
    const PlanePath simple = simplify_path(wiggly, Tolerance::uniform(0.1));
    // The ends, the spike and its feet; the wiggles are gone.
    ASSERT_EQ(simple.size(), 5u);
    EXPECT_DOUBLE_EQ(simple.front().x, 0);
    EXPECT_DOUBLE_EQ(simple[2].y, 5.0);
    EXPECT_DOUBLE_EQ(simple.back().x, 100);
}

TEST_F(MapWorldAtlas, the_bering_region_comes_out_whole) {
    MapPlan plan;
    std::string error;
    ASSERT_TRUE(plan_map(default_request(), plan, error)) << error;
    bool chukotka = false;
    for (const GeoPolygon& polygon : object_polygons(land_, "land")) {
        const PackPolygon out = map_polygon(plan, polygon);
        std::vector<std::vector<LatLon>> rings;
        for (const PackRing& r : out.rings) rings.push_back(r.points);
        EXPECT_LT(largest_lon_step(rings), 30);
        for (const PackRing& r : out.rings) {
            // Eurasia's ring reaches across 180 into Chukotka's tip: on this
            // map both sides are in one ring, west of -180 and east of it.
            const bool west =
                std::any_of(r.points.begin(), r.points.end(), [](LatLon p) { return p.lon < -185; });
            const bool east =
                std::any_of(r.points.begin(), r.points.end(), [](LatLon p) { return p.lon > -175; });
            chukotka = chukotka || (west && east);
        }
    }
    EXPECT_TRUE(chukotka);
    // The decoded layers of the blob are continuous too.
    const MapPack pack = decode(blob(default_request()));
    for (const MapLayer* layer : {&pack.land, &pack.coast, &pack.borders}) {
        for (const MapPart& part : layer->parts) {
            for (std::uint32_t i = 1; i < part.count; ++i) {
                const float a = layer->lonlat[2 * (part.first + i - 1)],
                            b = layer->lonlat[2 * (part.first + i)];
                EXPECT_LT(std::fabs(b - a), 30);
            }
        }
    }
}

TEST_F(MapWorldAtlas, the_far_side_of_the_globe_never_fills_the_map) {
    MapPlan plan;
    std::string error;
    MapRequest north;
    north.center = {89, 0};  // Antarctica is a ring around the antipode here
    north.span_km = 3000;
    ASSERT_TRUE(plan_map(north, plan, error)) << error;
    for (const GeoPolygon& polygon : object_polygons(world_, "land")) {
        const PackPolygon out = map_polygon(plan, polygon);
        for (const PackRing& r : out.rings) {
            for (const LatLon& p : r.points) EXPECT_GT(p.lat, 50);
        }
    }
}

TEST_F(MapWorldAtlas, default_map_fits_its_budget) {
    const std::string b = blob(default_request());
    EXPECT_LE(b.size(), 60u * 1024);
    EXPECT_GE(b.size(), 5u * 1024);  // and has real detail
    const MapPack pack = decode(b);
    EXPECT_NEAR(pack.center.lat, 61.2, 1e-5);
    EXPECT_NEAR(pack.center.lon, -149.9, 1e-5);
    EXPECT_DOUBLE_EQ(pack.home_span_km, 4500);
    EXPECT_GT(pack.land.polygons.size(), 20u);
    EXPECT_GT(pack.coast.parts.size(), 20u);
    EXPECT_GE(pack.borders.parts.size(), 1u);  // Alaska - Canada
    EXPECT_GT(pack.world_land.polygons.size(), 20u);
    const Projection projection(pack.center);
    EXPECT_TRUE(pack.bounds.contains(projection.forward(kAnchorage)));
    // The locator's land lies within 180 degrees of the centre, give or take
    // half its quantum of 0.2 degrees.
    for (std::size_t i = 0; i < pack.world_land.point_count(); ++i) {
        EXPECT_GE(pack.world_land.lonlat[2 * i], pack.center.lon - 180 - 0.101);
        EXPECT_LE(pack.world_land.lonlat[2 * i], pack.center.lon + 180 + 0.101);
    }
}

TEST_F(MapWorldAtlas, a_wider_map_includes_moscow_with_room_around_it) {
    MapRequest request = default_request();
    request.include.push_back(kMoscow);
    const std::string b = blob(request);
    const MapPack pack = decode(b);
    const Projection projection(pack.center);
    const PlanePoint moscow = projection.forward(kMoscow);
    EXPECT_TRUE(pack.bounds.contains(moscow));
    const double margin = request.span_km / 4;
    EXPECT_GE(moscow.y + margin, pack.bounds.y1 - 1);
    EXPECT_LE(moscow.y + margin, pack.bounds.y1 + 1);
    // Land around Moscow came along (it is inland: a land ring surrounds it).
    bool near_moscow = false;
    for (std::size_t i = 0; i < pack.land.point_count(); ++i) {
        const LatLon p{pack.land.lonlat[2 * i + 1], pack.land.lonlat[2 * i]};
        near_moscow = near_moscow || distance_km(p, kMoscow) < 1500;
    }
    EXPECT_TRUE(near_moscow);
    EXPECT_LE(b.size(), 80u * 1024);
}

TEST_F(MapWorldAtlas, refuses_a_map_around_half_the_world) {
    MapRequest request = default_request();
    request.include.push_back({-33.87, 151.21});  // Sydney
    std::string out, error;
    EXPECT_FALSE(build_map_from(request, land_, countries_, world_, out, error));
    EXPECT_NE(error.find("120 degrees"), std::string::npos) << error;
    request = default_request();
    request.span_km = 0;
    EXPECT_FALSE(build_map_from(request, land_, countries_, world_, out, error));
}

TEST(map_pack, quantization_round_trip_is_within_half_a_quantum) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lat(50, 72), lon(-200, -120);
    PackLayer land;
    land.kind = map_format::LayerKind::Land;
    land.quantum_lon = 0.0123;
    land.quantum_lat = 0.0045;
    PackLayer borders;
    borders.kind = map_format::LayerKind::Borders;
    borders.quantum_lon = borders.quantum_lat = 0.003;
    std::vector<LatLon> originals_land, originals_lines;
    for (int p = 0; p < 20; ++p) {
        PackPolygon polygon;
        for (int r = 0; r < 1 + p % 3; ++r) {
            PackRing ring;
            for (int i = 0; i < 3 + (p * 7 + r) % 40; ++i) {
                ring.points.push_back({lat(rng), lon(rng)});
                ring.real.push_back((i / 3) % 2 == 0);
            }
            originals_land.insert(originals_land.end(), ring.points.begin(), ring.points.end());
            polygon.rings.push_back(std::move(ring));
        }
        land.polygons.push_back(std::move(polygon));
        std::vector<LatLon> line;
        for (int i = 0; i < 2 + p; ++i) line.push_back({lat(rng), lon(rng)});
        originals_lines.insert(originals_lines.end(), line.begin(), line.end());
        borders.lines.push_back(std::move(line));
    }
    const std::string b =
        encode_map_pack({{61.2, -149.9}, 4500, {-3000, -3000, 3000, 3000}}, {land, borders});
    MapPack pack;
    ASSERT_TRUE(decode_map_pack(reinterpret_cast<const std::uint8_t*>(b.data()), b.size(), pack));
    ASSERT_EQ(pack.land.point_count(), originals_land.size());
    ASSERT_EQ(pack.borders.point_count(), originals_lines.size());
    auto check = [](const MapLayer& layer, const std::vector<LatLon>& originals, double q_lon, double q_lat) {
        for (std::size_t i = 0; i < originals.size(); ++i) {
            // Half a quantum, plus float rounding of values near 200.
            EXPECT_LE(std::fabs(layer.lonlat[2 * i] - originals[i].lon), stored_quantum(q_lon) / 2 + 2e-5);
            EXPECT_LE(std::fabs(layer.lonlat[2 * i + 1] - originals[i].lat),
                      stored_quantum(q_lat) / 2 + 1e-5);
        }
    };
    check(pack.land, originals_land, land.quantum_lon, land.quantum_lat);
    check(pack.borders, originals_lines, borders.quantum_lon, borders.quantum_lat);
    ASSERT_EQ(pack.land.polygons.size(), 20u);
    EXPECT_EQ(pack.land.polygons[2].ring_count, 3u);
    EXPECT_EQ(pack.borders.parts[5].count, 7u);
    EXPECT_TRUE(pack.world_land.empty());
    EXPECT_NEAR(pack.bounds.x1, 3000, 1e-3);
}

TEST(map_pack, coast_is_the_real_edges_of_the_land) {
    PackLayer land;
    land.kind = map_format::LayerKind::Land;
    land.quantum_lon = land.quantum_lat = 0.5;
    PackRing ring;
    ring.points = {{0, 0}, {0, 10}, {10, 10}, {10, 0}};
    ring.real = {true, false, true, true};  // the edge (0,10)-(10,10) was cut
    land.polygons.push_back({{ring}});
    PackRing island;
    island.points = {{20, 20}, {20, 21}, {21, 21}};
    island.real = {true, true, true};
    land.polygons.push_back({{island}});
    const std::string b = encode_map_pack({{0, 0}, 100, {-1, -1, 1, 1}}, {land});
    MapPack pack;
    ASSERT_TRUE(decode_map_pack(reinterpret_cast<const std::uint8_t*>(b.data()), b.size(), pack));
    ASSERT_EQ(pack.coast.parts.size(), 2u);
    // From (10,10) round to (0,10): three edges, four points.
    EXPECT_EQ(pack.coast.parts[0].count, 4u);
    EXPECT_FLOAT_EQ(pack.coast.lonlat[0], 10);
    EXPECT_FLOAT_EQ(pack.coast.lonlat[1], 10);
    EXPECT_FLOAT_EQ(pack.coast.lonlat[6], 10);
    EXPECT_FLOAT_EQ(pack.coast.lonlat[7], 0);
    // The island is all coast: a closed line.
    EXPECT_EQ(pack.coast.parts[1].count, 4u);
}

std::string small_blob() {
    PackLayer land;
    land.kind = map_format::LayerKind::Land;
    land.quantum_lon = land.quantum_lat = 0.01;
    PackRing ring;
    ring.points = {{60, -150}, {60, -140}, {65, -140}, {65, -150}};
    ring.real = {true, true, false, true};
    land.polygons.push_back({{ring}});
    PackLayer borders;
    borders.kind = map_format::LayerKind::Borders;
    borders.quantum_lon = borders.quantum_lat = 0.01;
    borders.lines.push_back({{60, -141}, {70, -141}});
    PackLayer world;
    world.kind = map_format::LayerKind::WorldLand;
    world.quantum_lon = world.quantum_lat = 0.2;
    world.polygons.push_back({{ring}});
    return encode_map_pack({{61.2, -149.9}, 4500, {-3000, -3000, 3000, 3000}}, {world, land, borders});
}

bool decodes(const std::string& b) {
    MapPack pack;
    return decode_map_pack(reinterpret_cast<const std::uint8_t*>(b.data()), b.size(), pack);
}

TEST(map_pack, rejects_truncated_blobs) {
    const std::string b = small_blob();
    ASSERT_TRUE(decodes(b));
    for (std::size_t n = 0; n < b.size(); ++n) EXPECT_FALSE(decodes(b.substr(0, n))) << n;
    EXPECT_FALSE(decodes(b + std::string(1, '\0')));
    MapPack pack;
    EXPECT_FALSE(decode_map_pack(nullptr, 0, pack));
}

TEST(map_pack, rejects_bad_headers) {
    const std::string good = small_blob();
    auto with = [&](std::size_t at, char byte) {
        std::string b = good;
        b[at] = byte;
        return b;
    };
    EXPECT_FALSE(decodes(with(0, 'X')));               // magic
    EXPECT_FALSE(decodes(with(4, 2)));                 // version
    EXPECT_FALSE(decodes(with(5, 17)));                // too many layers
    EXPECT_FALSE(decodes(with(8, 1)));                 // total size
    EXPECT_FALSE(decodes(with(40 + 12 + 3, '\x7f')));  // layer offset far beyond the end
    EXPECT_FALSE(decodes(with(40 + 28 + 3, '\x40')));  // absurd point count
    EXPECT_FALSE(decodes(with(40 + 32 + 1, 0)));       // land stored as lines
    EXPECT_FALSE(decodes(with(40 + 7, '\x7f')));       // quantum: absurdly large
    // A layer kind this decoder does not know is skipped, not an error.
    EXPECT_TRUE(decodes(with(40, 99)));
}

TEST(map_pack, survives_random_corruption) {
    const std::vector<std::string> samples = {small_blob(), [] {
                                                  // Real data: the default map, built straight from the atlas
                                                  // files.
                                                  std::string b, error;
                                                  EXPECT_TRUE(build_map(default_request(), kAtlas, b, error))
                                                      << error;
                                                  return b;
                                              }()};
    std::mt19937 rng(1234);
    int accepted = 0, rejected = 0;
    for (const std::string& good : samples) {
        for (int trial = 0; trial < 600; ++trial) {
            std::string b = good;
            const int flips = 1 + trial % 4;
            for (int f = 0; f < flips; ++f) {
                const std::size_t at = rng() % b.size();
                b[at] = static_cast<char>(trial % 3 == 0 ? rng() : b[at] ^ (1 << (rng() % 8)));
            }
            if (trial % 5 == 0) b.resize(rng() % b.size());
            MapPack pack;
            if (!decode_map_pack(reinterpret_cast<const std::uint8_t*>(b.data()), b.size(), pack)) {
                ++rejected;
                continue;
            }
            ++accepted;
            // Whatever decodes is consistent: every part lies inside its points.
            for (const MapLayer* layer : {&pack.land, &pack.coast, &pack.borders, &pack.world_land}) {
                for (const MapPart& part : layer->parts) {
                    ASSERT_LE(std::size_t{part.first} + part.count, layer->point_count());
                }
                for (const MapPolygon& polygon : layer->polygons) {
                    ASSERT_LE(std::size_t{polygon.first_ring} + polygon.ring_count, layer->parts.size());
                }
                for (float v : layer->lonlat) ASSERT_TRUE(std::isfinite(v));
            }
        }
    }
    EXPECT_GT(rejected, 0);
    // Flips inside coordinates still decode, so both outcomes happen.
    EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace dateline
