#include "compiler/map_build.h"

#include <algorithm>
#include <cmath>

#include "compiler/output_dir.h"

namespace dateline {

namespace {

constexpr double kKmPerDegree = kPi * kEarthRadiusKm / 180;
// Tolerances as fractions of a view's width. Around the initial view: 2/3 of
// a pixel at 4x zoom on a 1000 px map (rounding adds at most half as much
// again). Elsewhere, seen when the map zooms out to show faraway places
// together: 2/3 of a pixel at 2x zoom of that whole view.
constexpr double kFinePixels = 6000;
constexpr double kCoarsePixels = 3000;
// Islands and slivers smaller than this many tolerances are not drawn.
constexpr double kSpeckTolerances = 3;
// The locator shows the world a few hundred pixels wide: a degree is a pixel or two.
constexpr double kWorldToleranceDeg = 0.4;
constexpr double kWorldQuantumDeg = 0.2;
constexpr double kWorldSpeckDeg = 1.5;
// The widest landscape view the widget fits places into, as width / height.
constexpr double kFitAspect = 1.5;
// Beyond this the projection's distortion is no longer a reader's map.
constexpr double kMaxMapAngleDeg = 120;

// How many times the ring turns around the projection centre, counter-clockwise positive.
int winding_around_origin(const PlanePath& ring) {
    double turn = 0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const PlanePoint a = ring[i], b = ring[(i + 1) % n];
        turn += std::atan2(a.x * b.y - a.y * b.x, a.x * b.x + a.y * b.y);
    }
    return static_cast<int>(std::lround(turn / (2 * kPi)));
}

PlaneRing rect_ring(const PlaneRect& r) {
    return {{{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}}, std::vector<bool>(4, false)};
}

bool is_rect_ring(const PlaneRing& ring, const PlaneRect& r) {
    if (ring.points.size() != 4) return false;
    return std::all_of(ring.points.begin(), ring.points.end(), [&](PlanePoint p) {
        return (p.x == r.x0 || p.x == r.x1) && (p.y == r.y0 || p.y == r.y1);
    });
}

// Back to longitude/latitude, continuous along the path around the centre.
std::vector<LatLon> to_geo(const Projection& projection, const PlanePath& path) {
    std::vector<LatLon> out;
    out.reserve(path.size());
    for (const PlanePoint& p : path) {
        LatLon g;
        if (!projection.inverse(p, g)) continue;  // outside the globe: never within bounds
        if (!out.empty()) g.lon = unwrap_lon(g.lon, out.back().lon);
        out.push_back(g);
    }
    return out;
}

void add_box(PlaneRect& r, PlanePoint p, double margin) {
    r.x0 = std::min(r.x0, p.x - margin);
    r.y0 = std::min(r.y0, p.y - margin);
    r.x1 = std::max(r.x1, p.x + margin);
    r.y1 = std::max(r.y1, p.y + margin);
}

bool valid(LatLon p) {
    return std::isfinite(p.lat) && std::isfinite(p.lon) && std::fabs(p.lat) <= 90;
}

// The quanta for a layer: the finest tolerance, so rounding moves a point by
// at most half of it; a degree of longitude is longest at the layer's most
// equatorward point, which decides.
void set_quanta(PackLayer& layer, double tolerance_km) {
    double min_abs_lat = 90;
    auto visit = [&](const std::vector<LatLon>& points) {
        for (const LatLon& p : points) min_abs_lat = std::min(min_abs_lat, std::fabs(p.lat));
    };
    for (const PackPolygon& polygon : layer.polygons) {
        for (const PackRing& ring : polygon.rings) visit(ring.points);
    }
    for (const auto& line : layer.lines) visit(line);
    layer.quantum_lat = tolerance_km / kKmPerDegree;
    layer.quantum_lon = layer.quantum_lat / std::max(std::cos(min_abs_lat * kPi / 180), 0.05);
}

bool load_topology(const std::string& path, Topology& out, std::string& error) {
    std::string text;
    if (!read_file(path, text)) {
        error = "cannot read " + path;
        return false;
    }
    if (!parse_topology(text, out, error)) {
        error = path + ": " + error;
        return false;
    }
    return true;
}

}  // namespace

bool plan_map(const MapRequest& request, MapPlan& plan, std::string& error) {
    if (!valid(request.center)) {
        error = "the map centre is not a latitude,longitude";
        return false;
    }
    if (!(request.span_km >= 10 && request.span_km <= 20000)) {
        error = "the map span must be between 10 and 20000 km";
        return false;
    }
    if (!std::isfinite(request.margin_km)) {
        error = "the map margin is not a number";
        return false;
    }
    const double margin = request.margin_km < 0 ? request.span_km / 4 : request.margin_km;
    plan.projection = Projection(request.center);
    const double half = request.span_km / 2;
    plan.home = {-half - margin, -half - margin, half + margin, half + margin};
    // The widget zooms out to show faraway places together with the centre
    // in a landscape viewport: the data must fill that wider view too.
    PlaneRect places{-margin, -margin, margin, margin};
    for (const LatLon& place : request.include) {
        if (!valid(place)) {
            error = "a place to include is not a latitude,longitude";
            return false;
        }
        add_box(places, plan.projection.forward(place), margin);
    }
    const double grow = std::max(0.0, kFitAspect * places.height() - places.width()) / 2;
    places.x0 -= grow;
    places.x1 += grow;
    plan.bounds = plan.home;
    add_box(plan.bounds, {places.x0, places.y0}, 0);
    add_box(plan.bounds, {places.x1, places.y1}, 0);
    const double max_km = 2 * kEarthRadiusKm * std::sin(kMaxMapAngleDeg / 2 * kPi / 180);
    for (PlanePoint c :
         {PlanePoint{plan.bounds.x0, plan.bounds.y0}, PlanePoint{plan.bounds.x1, plan.bounds.y1},
          PlanePoint{plan.bounds.x0, plan.bounds.y1}, PlanePoint{plan.bounds.x1, plan.bounds.y0}}) {
        if (std::hypot(c.x, c.y) > max_km) {
            error =
                "the map would reach more than 120 degrees from its centre: its span is too wide or its "
                "places too far apart for one regional map";
            return false;
        }
    }
    const double widest = std::max(plan.bounds.width(), plan.bounds.height());
    plan.tolerance = {request.span_km / kFinePixels,
                      std::max(request.span_km / kFinePixels, widest / kCoarsePixels), plan.home};
    return true;
}

PackPolygon map_polygon(const MapPlan& plan, const GeoPolygon& polygon) {
    const ClipProjector projector(plan.projection, plan.bounds);
    PackPolygon out;
    for (std::size_t k = 0; k < polygon.size(); ++k) {
        const PlaneRing ring = projector.ring(polygon[k]);
        if (ring.points.size() < 3) continue;
        // Source outer rings run clockwise (Natural Earth through world-atlas)
        // and the projection keeps orientation, so an outer ring that winds
        // counter-clockwise around the centre (or a hole clockwise) encloses
        // the far side of the globe: its area is outside it. Rings combine
        // by even-odd, so adding the whole rectangle turns it inside out.
        const int winding = winding_around_origin(ring.points);
        const bool inverted = k == 0 ? winding > 0 : winding < 0;
        std::vector<PlaneRing> pieces = clip_ring(ring, plan.bounds);
        if (inverted) {
            if (pieces.size() == 1 && is_rect_ring(pieces[0], plan.bounds)) continue;
            pieces.push_back(rect_ring(plan.bounds));
        }
        for (const PlaneRing& piece : pieces) {
            if (extent_of(piece.points) < kSpeckTolerances * plan.tolerance.at(piece.points[0])) continue;
            const PlaneRing simple = simplify_ring(piece, plan.tolerance);
            if (simple.points.empty()) continue;
            PackRing geo{to_geo(plan.projection, simple.points), simple.real};
            if (geo.points.size() != geo.real.size()) continue;
            out.rings.push_back(std::move(geo));
        }
    }
    return out;
}

std::vector<GeoLine> map_line(const MapPlan& plan, const GeoLine& line) {
    const ClipProjector projector(plan.projection, plan.bounds);
    std::vector<GeoLine> out;
    for (const PlanePath& piece : clip_line(projector.line(line), plan.bounds)) {
        if (extent_of(piece) < plan.tolerance.at(piece[0])) continue;
        out.push_back(to_geo(plan.projection, simplify_path(piece, plan.tolerance)));
    }
    return out;
}

PackLayer world_layer(const std::vector<GeoPolygon>& land, double center_lon) {
    PackLayer layer;
    layer.kind = map_format::LayerKind::WorldLand;
    layer.quantum_lon = layer.quantum_lat = kWorldQuantumDeg;
    // Longitude and latitude as plane coordinates (equirectangular).
    const PlaneRect band{center_lon - 180, -90, center_lon + 180, 90};
    const Tolerance tolerance = Tolerance::uniform(kWorldToleranceDeg);
    for (const GeoPolygon& polygon : land) {
        PackPolygon out;
        for (const GeoRing& source : polygon) {
            if (source.size() < 4) continue;
            PlaneRing ring;
            double lon = unwrap_lon(source[0].lon, center_lon);
            for (std::size_t i = 0; i < source.size(); ++i) {
                if (i > 0) lon = unwrap_lon(source[i].lon, lon);
                ring.points.push_back({lon, source[i].lat});
                const bool pole = i + 1 < source.size() && std::fabs(source[i].lat) > 89.99 &&
                                  std::fabs(source[i + 1].lat) > 89.99;
                ring.real.push_back(!pole);
            }
            // A ring around a pole (Antarctica) comes back 360 degrees
            // away: close it along the pole instead.
            const PlanePoint first = ring.points.front(), last = ring.points.back();
            if (std::fabs(last.x - first.x) > 180) {
                double lat_sum = 0;
                for (const PlanePoint& p : ring.points) lat_sum += p.y;
                const double pole = lat_sum < 0 ? -90 : 90;
                ring.real.back() = false;
                ring.points.push_back({last.x, pole});
                ring.real.push_back(false);
                ring.points.push_back({first.x, pole});
                ring.real.push_back(false);
            } else {
                ring.points.pop_back();
                ring.real.pop_back();
            }
            double x0 = ring.points[0].x, x1 = x0;
            for (const PlanePoint& p : ring.points) {
                x0 = std::min(x0, p.x);
                x1 = std::max(x1, p.x);
            }
            for (double shift : {-360.0, 0.0, 360.0}) {
                if (x1 + shift < band.x0 || x0 + shift > band.x1) continue;
                PlaneRing shifted = ring;
                for (PlanePoint& p : shifted.points) p.x += shift;
                for (const PlaneRing& piece : clip_ring(shifted, band)) {
                    if (extent_of(piece.points) < kWorldSpeckDeg) continue;
                    const PlaneRing simple = simplify_ring(piece, tolerance);
                    if (simple.points.empty()) continue;
                    PackRing geo;
                    for (const PlanePoint& p : simple.points) geo.points.push_back({p.y, p.x});
                    geo.real = simple.real;
                    out.rings.push_back(std::move(geo));
                }
            }
        }
        if (!out.rings.empty()) layer.polygons.push_back(std::move(out));
    }
    return layer;
}

bool build_map_from(const MapRequest& request, const Topology& land, const Topology& countries,
                    const Topology& world, std::string& blob_out, std::string& error) {
    // The decoder sees the centre as floats; clip around exactly that.
    MapRequest rounded = request;
    rounded.center = {static_cast<float>(request.center.lat), static_cast<float>(request.center.lon)};
    MapPlan plan;
    if (!plan_map(rounded, plan, error)) return false;
    for (const auto& [topology, object] :
         {std::pair{&land, "land"}, std::pair{&countries, "countries"}, std::pair{&world, "land"}}) {
        if (topology->objects.count(object) == 0) {
            error = std::string("a world-atlas topology has no \"") + object + "\" object";
            return false;
        }
    }

    PackLayer detail;
    detail.kind = map_format::LayerKind::Land;
    for (const GeoPolygon& polygon : object_polygons(land, "land")) {
        PackPolygon clipped = map_polygon(plan, polygon);
        if (!clipped.rings.empty()) detail.polygons.push_back(std::move(clipped));
    }
    set_quanta(detail, plan.tolerance.fine);

    PackLayer borders;
    borders.kind = map_format::LayerKind::Borders;
    for (const GeoLine& line : object_inner_mesh(countries, "countries")) {
        for (GeoLine& piece : map_line(plan, line)) borders.lines.push_back(std::move(piece));
    }
    set_quanta(borders, plan.tolerance.fine);

    PackHeader header;
    header.center = rounded.center;
    header.home_span_km = request.span_km;
    header.bounds = plan.bounds;
    blob_out = encode_map_pack(header, {world_layer(object_polygons(world, "land"), rounded.center.lon),
                                        std::move(detail), std::move(borders)});
    return true;
}

bool build_map(const MapRequest& request, const std::string& world_atlas_dir, std::string& blob_out,
               std::string& error) {
    Topology land, countries, world;
    return load_topology(world_atlas_dir + "/land-50m.json", land, error) &&
           load_topology(world_atlas_dir + "/countries-50m.json", countries, error) &&
           load_topology(world_atlas_dir + "/land-110m.json", world, error) &&
           build_map_from(request, land, countries, world, blob_out, error);
}

}  // namespace dateline
