#include "compiler/map_encode.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace dateline {

namespace {

using namespace map_format;

void put_u8(std::string& out, std::uint8_t v) {
    out.push_back(static_cast<char>(v));
}

void put_u16(std::string& out, std::uint16_t v) {
    put_u8(out, static_cast<std::uint8_t>(v));
    put_u8(out, static_cast<std::uint8_t>(v >> 8));
}

void put_u32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) put_u8(out, static_cast<std::uint8_t>(v >> (8 * i)));
}

void put_f32(std::string& out, double v) {
    const float f = static_cast<float>(v);
    std::uint32_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    put_u32(out, bits);
}

void set_u32(std::string& out, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out[at + i] = static_cast<char>(static_cast<std::uint8_t>(v >> (8 * i)));
}

void put_varint(std::string& out, std::uint32_t v) {
    while (v >= 0x80) {
        put_u8(out, static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    put_u8(out, static_cast<std::uint8_t>(v));
}

struct Quantized {
    std::int32_t x, y;
    bool operator==(const Quantized& o) const { return x == o.x && y == o.y; }
};

struct Counts {
    std::uint32_t polygons = 0, parts = 0, points = 0;
};

class LayerWriter {
public:
    explicit LayerWriter(const PackLayer& layer)
        : q_lon_(stored_quantum(layer.quantum_lon)), q_lat_(stored_quantum(layer.quantum_lat)) {}

    std::vector<Quantized> quantize(const std::vector<LatLon>& points) const {
        std::vector<Quantized> out;
        out.reserve(points.size());
        for (const LatLon& p : points) {
            out.push_back({static_cast<std::int32_t>(std::lround(p.lon / q_lon_)),
                           static_cast<std::int32_t>(std::lround(p.lat / q_lat_))});
        }
        return out;
    }

    void points(const std::vector<Quantized>& q) {
        for (const Quantized& p : q) {
            put_varint(data, zigzag(p.x - last_.x));
            put_varint(data, zigzag(p.y - last_.y));
            last_ = p;
        }
        counts.points += static_cast<std::uint32_t>(q.size());
    }

    std::string data;
    Counts counts;

private:
    double q_lon_, q_lat_;
    Quantized last_{0, 0};
};

// Drops repeated points (and a closing repeat); a dropped point's outgoing
// edge takes over its flag.
void drop_repeats(std::vector<Quantized>& q, std::vector<bool>& real) {
    std::vector<Quantized> pts;
    std::vector<bool> flags;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (!pts.empty() && pts.back() == q[i]) {
            flags.back() = real[i];
            continue;
        }
        pts.push_back(q[i]);
        flags.push_back(real[i]);
    }
    while (pts.size() > 1 && pts.back() == pts.front()) {
        pts.pop_back();
        flags.pop_back();
    }
    q = std::move(pts);
    real = std::move(flags);
}

void write_polygons(const PackLayer& layer, LayerWriter& w) {
    for (const PackPolygon& polygon : layer.polygons) {
        std::vector<std::vector<Quantized>> rings;
        std::vector<std::vector<bool>> flags;
        for (const PackRing& ring : polygon.rings) {
            std::vector<Quantized> q = w.quantize(ring.points);
            std::vector<bool> real = ring.real;
            real.resize(q.size(), true);
            drop_repeats(q, real);
            if (q.size() < 3) continue;
            rings.push_back(std::move(q));
            flags.push_back(std::move(real));
        }
        if (rings.empty()) continue;
        put_varint(w.data, static_cast<std::uint32_t>(rings.size()));
        for (std::size_t r = 0; r < rings.size(); ++r) {
            put_varint(w.data, static_cast<std::uint32_t>(rings[r].size()));
            // Runs of edges alternate real, clipped, real... starting real.
            std::vector<std::uint32_t> runs{0};
            bool kind = true;
            for (bool real : flags[r]) {
                if (real != kind) {
                    runs.push_back(0);
                    kind = real;
                }
                ++runs.back();
            }
            put_varint(w.data, static_cast<std::uint32_t>(runs.size()));
            for (std::uint32_t length : runs) put_varint(w.data, length);
            w.points(rings[r]);
        }
        w.counts.polygons += 1;
        w.counts.parts += static_cast<std::uint32_t>(rings.size());
    }
}

void write_lines(const PackLayer& layer, LayerWriter& w) {
    for (const auto& line : layer.lines) {
        std::vector<Quantized> q = w.quantize(line);
        std::vector<Quantized> distinct;
        for (const Quantized& p : q) {
            if (distinct.empty() || !(distinct.back() == p)) distinct.push_back(p);
        }
        if (distinct.size() < 2) continue;
        put_varint(w.data, static_cast<std::uint32_t>(distinct.size()));
        w.points(distinct);
        w.counts.parts += 1;
    }
}

}  // namespace

double stored_quantum(double q) {
    return static_cast<double>(static_cast<float>(q));
}

std::string encode_map_pack(const PackHeader& header, const std::vector<PackLayer>& layers) {
    std::string out;
    out.append(reinterpret_cast<const char*>(kMagic), sizeof kMagic);
    put_u8(out, kVersion);
    put_u8(out, static_cast<std::uint8_t>(layers.size()));
    put_u16(out, 0);
    put_u32(out, 0);  // total size, patched below
    put_f32(out, header.center.lat);
    put_f32(out, header.center.lon);
    put_f32(out, header.home_span_km);
    put_f32(out, header.bounds.x0);
    put_f32(out, header.bounds.y0);
    put_f32(out, header.bounds.x1);
    put_f32(out, header.bounds.y1);

    std::vector<std::string> bodies;
    std::vector<Counts> counts;
    for (const PackLayer& layer : layers) {
        LayerWriter w(layer);
        if (layer.kind == LayerKind::Borders)
            write_lines(layer, w);
        else
            write_polygons(layer, w);
        bodies.push_back(std::move(w.data));
        counts.push_back(w.counts);
    }
    std::size_t offset = kHeaderSize + layers.size() * kLayerEntrySize;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const bool lines = layers[i].kind == LayerKind::Borders;
        put_u8(out, static_cast<std::uint8_t>(layers[i].kind));
        put_u8(out, static_cast<std::uint8_t>(lines ? Geometry::Lines : Geometry::Polygons));
        put_u16(out, 0);
        put_f32(out, layers[i].quantum_lon);
        put_f32(out, layers[i].quantum_lat);
        put_u32(out, static_cast<std::uint32_t>(offset));
        put_u32(out, static_cast<std::uint32_t>(bodies[i].size()));
        put_u32(out, counts[i].polygons);
        put_u32(out, counts[i].parts);
        put_u32(out, counts[i].points);
        offset += bodies[i].size();
    }
    for (const std::string& body : bodies) out += body;
    set_u32(out, 8, static_cast<std::uint32_t>(out.size()));
    return out;
}

}  // namespace dateline
