// Writes the packed map (docs/map-format.md): coordinates quantized per
// layer, delta-encoded along the layer, zigzag and LEB128 varints.
#pragma once

#include <string>
#include <vector>

#include "article/geo.h"
#include "article/map_pack.h"

namespace dateline {

struct PackRing {
    std::vector<LatLon> points;  // not closed: the last point connects to the first
    std::vector<bool> real;      // per edge: coast (true) or made by clipping
};

struct PackPolygon {
    std::vector<PackRing> rings;  // filled with the even-odd rule
};

struct PackLayer {
    map_format::LayerKind kind = map_format::LayerKind::Land;
    double quantum_lon = 0.01;  // degrees per step; stored as float, used as stored
    double quantum_lat = 0.01;
    std::vector<PackPolygon> polygons;       // WorldLand and Land
    std::vector<std::vector<LatLon>> lines;  // Borders
};

struct PackHeader {
    LatLon center;
    double home_span_km = 0;
    PlaneRect bounds;
};

// Geometry that quantizes to fewer than 2 distinct points (lines) or 3
// (rings) is dropped.
std::string encode_map_pack(const PackHeader& header, const std::vector<PackLayer>& layers);

// The quantum as the decoder will see it (rounded to float).
double stored_quantum(double q);

}  // namespace dateline
