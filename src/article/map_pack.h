// The packed map: the clipped, simplified and quantized map data the
// compiler builds for one article, and its decoder, which runs in the wasm
// module. The byte layout is documented in docs/map-format.md.
//
// The decoder trusts nothing: every count, offset and varint is checked
// against the bytes that are there, and a blob that does not add up is
// rejected whole (decode_map_pack returns false), never read out of bounds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "article/geo.h"

namespace dateline {

namespace map_format {
inline constexpr std::uint8_t kMagic[4] = {'D', 'L', 'M', 'P'};
inline constexpr std::uint8_t kVersion = 1;
inline constexpr std::size_t kHeaderSize = 40;
inline constexpr std::size_t kLayerEntrySize = 32;
inline constexpr std::size_t kMaxLayers = 16;

enum class LayerKind : std::uint8_t {
    WorldLand = 1,  // polygons: coarse land of the whole world, for the locator
    Land = 2,       // polygons: detailed land clipped to the map's bounds
    Borders = 3,    // lines: country borders clipped to the map's bounds
};

enum class Geometry : std::uint8_t { Lines = 0, Polygons = 1 };

inline std::uint32_t zigzag(std::int32_t v) {
    return (static_cast<std::uint32_t>(v) << 1) ^ static_cast<std::uint32_t>(-(v < 0 ? 1 : 0));
}
inline std::int32_t unzigzag(std::uint32_t v) {
    return static_cast<std::int32_t>(v >> 1) ^ -static_cast<std::int32_t>(v & 1);
}
}  // namespace map_format

// A run of points inside MapLayer::lonlat: a line, or one ring of a polygon
// (closed implicitly: the last point connects back to the first).
struct MapPart {
    std::uint32_t first = 0;  // index of the first point
    std::uint32_t count = 0;
};

// Rings filled together with the even-odd rule (the first is the outer one;
// holes, if any, follow). MapLayer::parts[first_ring .. first_ring + ring_count).
struct MapPolygon {
    std::uint32_t first_ring = 0;
    std::uint32_t ring_count = 0;
};

struct MapLayer {
    std::vector<float> lonlat;  // lon, lat, lon, lat, ... in degrees
    std::vector<MapPart> parts;
    std::vector<MapPolygon> polygons;  // empty for line layers

    std::size_t point_count() const { return lonlat.size() / 2; }
    bool empty() const { return parts.empty(); }
};

struct MapPack {
    LatLon center;            // centre of the projection (see geo.h)
    double home_span_km = 0;  // width of the initial view
    PlaneRect bounds;         // where the detailed layers have data, in plane km
    // Longitudes of the detailed layers are continuous along every line and
    // ring, near center.lon (within ±180° except across the meridian opposite
    // to it, which only maps around a pole can contain). Project them with
    // Projection(center): no antimeridian handling is needed.
    MapLayer land;     // polygons
    MapLayer coast;    // lines: the edges of `land` that are real coast, not clip edges
    MapLayer borders;  // lines
    // Coarse land of the whole world, cut at the meridian opposite to
    // center.lon so every longitude lies within [center.lon - 180,
    // center.lon + 180]: ready for an equirectangular locator centred on the map.
    MapLayer world_land;
};

bool decode_map_pack(const std::uint8_t* data, std::size_t size, MapPack& out);

}  // namespace dateline
