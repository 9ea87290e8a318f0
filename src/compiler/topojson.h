// A TopoJSON reader for the world-atlas files (Natural Earth): quantized,
// delta-encoded arcs shared between geometries, assembled into rings and
// lines in longitude/latitude. Only what the map needs: Polygon,
// MultiPolygon, LineString, MultiLineString and nested GeometryCollections.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "article/geo.h"

namespace dateline {

using GeoLine = std::vector<LatLon>;
using GeoRing = std::vector<LatLon>;      // closed: the last point equals the first
using GeoPolygon = std::vector<GeoRing>;  // outer ring first, then holes

// An arc reference: i is arc i as stored, ~i (that is -i - 1) is arc i reversed.
using ArcRefs = std::vector<int>;

struct TopoGeometry {
    std::string id;                              // "840" for a country; may be empty
    std::vector<std::vector<ArcRefs>> polygons;  // polygon -> ring -> arcs
    std::vector<ArcRefs> lines;                  // line -> arcs
};

struct Topology {
    std::vector<GeoLine> arcs;  // decoded to absolute longitude/latitude
    // Each object's geometries, collections flattened in document order.
    std::map<std::string, std::vector<TopoGeometry>> objects;
};

// Fails (with a reason) on malformed JSON or topology, including arc
// references out of range.
bool parse_topology(std::string_view json, Topology& out, std::string& error);

// The points of the arcs joined end to end; each arc after the first drops
// its first point, which repeats the previous arc's last.
GeoLine join_arcs(const Topology& topology, const ArcRefs& refs);

// Every polygon of an object, rings assembled.
std::vector<GeoPolygon> object_polygons(const Topology& topology, const std::string& object);

// The arcs that two different geometries of the object share, each once:
// for countries, the land borders between them (coasts belong to one
// country only; arcs a country shares with itself are not borders).
std::vector<GeoLine> object_inner_mesh(const Topology& topology, const std::string& object);

}  // namespace dateline
