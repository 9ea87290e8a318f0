// Builds an article's packed map (docs/map-format.md) from the world-atlas
// TopoJSON files (Natural Earth): detailed land and borders clipped to the
// area around the article's places, and coarse land of the whole world for
// the locator. Everything is derived at build time; nothing is committed.
#pragma once

#include <string>
#include <vector>

#include "article/geo.h"
#include "compiler/map_clip.h"
#include "compiler/map_encode.h"
#include "compiler/topojson.h"

namespace dateline {

struct MapRequest {
    LatLon center;                // centre of the projection and of the initial view
    double span_km = 4500;        // width of the initial view
    double margin_km = -1;        // room around the view and every place; < 0: span / 4
    std::vector<LatLon> include;  // places that must be on the map, with the margin
};

// Where the map has data and how finely, derived from a request.
struct MapPlan {
    Projection projection;
    PlaneRect home;  // the initial view (a span-wide square) plus the margin
    // Where the data ends: home, and every included place plus the margin,
    // widened so a landscape view that fits them all has data everywhere.
    PlaneRect bounds;
    // Fine inside `home` (good to about 4x zoom of the initial view),
    // coarser outside it, where the reader looks only when the map zooms out
    // to show two distant places together (good to about 2x of that view).
    Tolerance tolerance;
};

bool plan_map(const MapRequest& request, MapPlan& plan, std::string& error);

// One source polygon clipped to the plan's bounds and simplified, in
// longitude/latitude continuous around the plan's centre. Empty when
// nothing of it is on the map.
PackPolygon map_polygon(const MapPlan& plan, const GeoPolygon& polygon);
// The same for a line; clipping may cut it into several.
std::vector<GeoLine> map_line(const MapPlan& plan, const GeoLine& line);
// Coarse land of the whole world cut at the meridian opposite `center_lon`.
PackLayer world_layer(const std::vector<GeoPolygon>& land, double center_lon);

// The blob from topologies already parsed: land-50m ("land"), countries-50m
// ("countries") and land-110m ("land").
bool build_map_from(const MapRequest& request, const Topology& land, const Topology& countries,
                    const Topology& world, std::string& blob_out, std::string& error);

// `world_atlas_dir` holds land-50m.json, countries-50m.json and land-110m.json.
bool build_map(const MapRequest& request, const std::string& world_atlas_dir, std::string& blob_out,
               std::string& error);

}  // namespace dateline
