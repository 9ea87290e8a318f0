#include "article/map_pack.h"

#include <cmath>
#include <cstring>
#include <initializer_list>
#include <utility>

namespace dateline {

namespace {

using namespace map_format;

std::uint32_t read_u32(const std::uint8_t* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

float read_f32(const std::uint8_t* p) {
    const std::uint32_t bits = read_u32(p);
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

// Bounds-checked LEB128 reading over one layer's bytes.
class Reader {
public:
    Reader(const std::uint8_t* begin, const std::uint8_t* end) : p_(begin), end_(end) {}

    bool varint(std::uint32_t& out) {
        std::uint32_t value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (p_ == end_) return false;
            const std::uint8_t byte = *p_++;
            if (shift == 28 && (byte & 0x70) != 0) return false;  // beyond 32 bits
            value |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) {
                out = value;
                return true;
            }
        }
        return false;
    }
    bool at_end() const { return p_ == end_; }

private:
    const std::uint8_t* p_;
    const std::uint8_t* end_;
};

struct LayerEntry {
    std::uint8_t kind = 0;
    std::uint8_t geometry = 0;
    float q_lon = 0, q_lat = 0;
    std::uint32_t offset = 0, size = 0;
    std::uint32_t polygon_count = 0, part_count = 0, point_count = 0;
};

// Reads the coordinates of one line or ring, each a delta from the previous
// point of the layer, into layer.lonlat.
class PointDecoder {
public:
    PointDecoder(const LayerEntry& e, double center_lon) : e_(e), center_lon_(center_lon) {}

    bool read(Reader& r, std::uint32_t n, MapLayer& layer) {
        for (std::uint32_t i = 0; i < n; ++i) {
            std::uint32_t dx, dy;
            if (!r.varint(dx) || !r.varint(dy)) return false;
            x_ += unzigzag(dx);
            y_ += unzigzag(dy);
            // Keeps the accumulators far from overflow and the values sane.
            if (x_ < -kLimit || x_ > kLimit || y_ < -kLimit || y_ > kLimit) return false;
            const double lon = static_cast<double>(x_) * e_.q_lon;
            const double lat = static_cast<double>(y_) * e_.q_lat;
            if (lat < -90.5 || lat > 90.5 || std::fabs(lon - center_lon_) > 720) return false;
            layer.lonlat.push_back(static_cast<float>(lon));
            layer.lonlat.push_back(static_cast<float>(lat));
        }
        return true;
    }

private:
    static constexpr std::int64_t kLimit = std::int64_t{1} << 31;
    const LayerEntry& e_;
    double center_lon_;
    std::int64_t x_ = 0, y_ = 0;
};

bool decode_lines(const LayerEntry& e, Reader& r, double center_lon, MapLayer& layer) {
    PointDecoder points(e, center_lon);
    for (std::uint32_t i = 0; i < e.part_count; ++i) {
        std::uint32_t n;
        if (!r.varint(n) || n < 2 || n > e.point_count - layer.point_count()) return false;
        layer.parts.push_back({static_cast<std::uint32_t>(layer.point_count()), n});
        if (!points.read(r, n, layer)) return false;
    }
    return true;
}

// Visible (coast) edges of one ring as lines; `visible[i]` is the edge from
// point i to point i + 1 (the last one closes the ring).
void append_visible_edges(const MapLayer& land, const MapPart& ring, const std::vector<bool>& visible,
                          MapLayer& coast) {
    const std::uint32_t n = ring.count;
    auto point = [&](std::uint32_t i) {
        const std::size_t k = 2 * (ring.first + i % n);
        coast.lonlat.push_back(land.lonlat[k]);
        coast.lonlat.push_back(land.lonlat[k + 1]);
    };
    std::uint32_t start = 0;  // an edge that begins a visible run
    while (start < n && !(visible[start] && !visible[(start + n - 1) % n])) ++start;
    if (start == n) {
        if (!visible[0]) return;  // no visible edge
        // The whole ring is coast: a closed line.
        const MapPart line{static_cast<std::uint32_t>(coast.point_count()), n + 1};
        for (std::uint32_t i = 0; i <= n; ++i) point(i);
        coast.parts.push_back(line);
        return;
    }
    for (std::uint32_t k = 0; k < n;) {
        const std::uint32_t i = (start + k) % n;
        if (!visible[i]) {
            ++k;
            continue;
        }
        MapPart line{static_cast<std::uint32_t>(coast.point_count()), 0};
        point(i);
        while (k < n && visible[(start + k) % n]) {
            point(start + k + 1);
            ++k;
        }
        line.count = static_cast<std::uint32_t>(coast.point_count()) - line.first;
        coast.parts.push_back(line);
    }
}

bool decode_polygons(const LayerEntry& e, Reader& r, double center_lon, MapLayer& layer, MapLayer* coast) {
    PointDecoder points(e, center_lon);
    std::vector<bool> visible;
    for (std::uint32_t i = 0; i < e.polygon_count; ++i) {
        std::uint32_t rings;
        if (!r.varint(rings) || rings < 1 || rings > e.part_count - layer.parts.size()) return false;
        layer.polygons.push_back({static_cast<std::uint32_t>(layer.parts.size()), rings});
        for (std::uint32_t k = 0; k < rings; ++k) {
            std::uint32_t n, runs;
            if (!r.varint(n) || n < 3 || n > e.point_count - layer.point_count()) return false;
            if (!r.varint(runs) || runs < 1 || runs > n + 1) return false;
            visible.assign(n, false);
            std::uint32_t edge = 0;
            for (std::uint32_t run = 0; run < runs; ++run) {
                std::uint32_t length;
                if (!r.varint(length) || length > n - edge) return false;
                // Runs alternate visible, hidden, visible... starting visible.
                if (run % 2 == 0) {
                    for (std::uint32_t j = 0; j < length; ++j) visible[edge + j] = true;
                }
                edge += length;
            }
            if (edge != n) return false;
            const MapPart ring{static_cast<std::uint32_t>(layer.point_count()), n};
            layer.parts.push_back(ring);
            if (!points.read(r, n, layer)) return false;
            if (coast) append_visible_edges(layer, ring, visible, *coast);
        }
    }
    return true;
}

bool finite_all(std::initializer_list<float> values) {
    for (float v : values) {
        if (!std::isfinite(v)) return false;
    }
    return true;
}

bool read_entry(const std::uint8_t* p, std::size_t total, std::size_t directory_end, LayerEntry& e) {
    e.kind = p[0];
    e.geometry = p[1];
    e.q_lon = read_f32(p + 4);
    e.q_lat = read_f32(p + 8);
    e.offset = read_u32(p + 12);
    e.size = read_u32(p + 16);
    e.polygon_count = read_u32(p + 20);
    e.part_count = read_u32(p + 24);
    e.point_count = read_u32(p + 28);
    if (!finite_all({e.q_lon, e.q_lat}) || !(e.q_lon > 0) || !(e.q_lat > 0)) return false;
    if (e.q_lon > 10 || e.q_lat > 10) return false;
    const std::uint64_t end = std::uint64_t{e.offset} + e.size;
    if (e.offset < directory_end || end > total) return false;
    // Every point takes at least two bytes and every part or polygon at least
    // one, so no count can exceed the layer's size: this bounds allocations.
    if (e.point_count > e.size / 2 || e.part_count > e.size || e.polygon_count > e.size) return false;
    if (e.geometry == static_cast<std::uint8_t>(Geometry::Lines)) return e.polygon_count == 0;
    return e.geometry == static_cast<std::uint8_t>(Geometry::Polygons);
}

}  // namespace

bool decode_map_pack(const std::uint8_t* data, std::size_t size, MapPack& out) {
    out = MapPack{};
    if (data == nullptr || size < kHeaderSize) return false;
    if (std::memcmp(data, kMagic, sizeof kMagic) != 0 || data[4] != kVersion) return false;
    const std::size_t layer_count = data[5];
    if (layer_count > kMaxLayers || read_u32(data + 8) != size) return false;
    const std::size_t directory_end = kHeaderSize + layer_count * kLayerEntrySize;
    if (directory_end > size) return false;

    const float lat = read_f32(data + 12), lon = read_f32(data + 16), span = read_f32(data + 20);
    const float x0 = read_f32(data + 24), y0 = read_f32(data + 28);
    const float x1 = read_f32(data + 32), y1 = read_f32(data + 36);
    if (!finite_all({lat, lon, span, x0, y0, x1, y1})) return false;
    if (std::fabs(lat) > 90 || std::fabs(lon) > 360 || !(span > 0) || !(x0 < x1) || !(y0 < y1)) return false;
    MapPack pack;
    pack.center = {lat, lon};
    pack.home_span_km = span;
    pack.bounds = {x0, y0, x1, y1};

    bool seen[256] = {};
    for (std::size_t i = 0; i < layer_count; ++i) {
        LayerEntry e;
        if (!read_entry(data + kHeaderSize + i * kLayerEntrySize, size, directory_end, e)) return false;
        if (seen[e.kind]) return false;
        seen[e.kind] = true;
        MapLayer* layer = nullptr;
        MapLayer* coast = nullptr;
        switch (static_cast<LayerKind>(e.kind)) {
            case LayerKind::WorldLand:
                layer = &pack.world_land;
                break;
            case LayerKind::Land:
                layer = &pack.land;
                coast = &pack.coast;
                break;
            case LayerKind::Borders:
                layer = &pack.borders;
                break;
        }
        if (layer == nullptr) continue;  // a newer kind of layer: not for this decoder
        const bool polygons = e.geometry == static_cast<std::uint8_t>(Geometry::Polygons);
        if (polygons != (layer != &pack.borders)) return false;
        layer->lonlat.reserve(2 * std::size_t{e.point_count});
        layer->parts.reserve(e.part_count);
        layer->polygons.reserve(e.polygon_count);
        Reader r(data + e.offset, data + e.offset + e.size);
        const bool ok =
            polygons ? decode_polygons(e, r, lon, *layer, coast) : decode_lines(e, r, lon, *layer);
        if (!ok || !r.at_end() || layer->point_count() != e.point_count ||
            layer->parts.size() != e.part_count || layer->polygons.size() != e.polygon_count) {
            return false;
        }
    }
    out = std::move(pack);
    return true;
}

}  // namespace dateline
