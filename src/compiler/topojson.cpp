#include "compiler/topojson.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace dateline {

namespace {

using nlohmann::json;

struct Transform {
    bool quantized = false;
    double sx = 1, sy = 1, tx = 0, ty = 0;
};

// Quantized arcs store the first position absolutely and the rest as deltas.
bool decode_arcs(const json& arcs, const Transform& t, std::vector<GeoLine>& out, std::string& error) {
    if (!arcs.is_array()) {
        error = "\"arcs\" is not an array";
        return false;
    }
    out.reserve(arcs.size());
    for (const json& arc : arcs) {
        if (!arc.is_array()) {
            error = "an arc is not an array";
            return false;
        }
        GeoLine line;
        line.reserve(arc.size());
        double x = 0, y = 0;
        for (const json& position : arc) {
            if (!position.is_array() || position.size() < 2 || !position[0].is_number() ||
                !position[1].is_number()) {
                error = "an arc position is not [x, y]";
                return false;
            }
            const double px = position[0].get<double>(), py = position[1].get<double>();
            if (t.quantized) {
                x += px;
                y += py;
                line.push_back({y * t.sy + t.ty, x * t.sx + t.tx});
            } else {
                line.push_back({py, px});
            }
        }
        out.push_back(std::move(line));
    }
    return true;
}

class GeometryReader {
public:
    GeometryReader(std::size_t arc_count, std::string& error) : arc_count_(arc_count), error_(error) {}

    bool refs(const json& j, ArcRefs& out) {
        if (!j.is_array()) return fail("arc references are not an array");
        for (const json& r : j) {
            if (!r.is_number_integer()) return fail("an arc reference is not an integer");
            const long long v = r.get<long long>();
            const long long index = v < 0 ? ~v : v;
            if (index >= static_cast<long long>(arc_count_)) return fail("an arc reference is out of range");
            out.push_back(static_cast<int>(v));
        }
        return true;
    }

    bool polygon(const json& rings, TopoGeometry& g) {
        if (!rings.is_array()) return fail("polygon arcs are not an array");
        std::vector<ArcRefs> polygon;
        for (const json& ring : rings) {
            ArcRefs r;
            if (!refs(ring, r)) return false;
            polygon.push_back(std::move(r));
        }
        g.polygons.push_back(std::move(polygon));
        return true;
    }

    // Appends the geometry (or, for a collection, its members) to `out`.
    bool geometry(const json& j, std::vector<TopoGeometry>& out) {
        if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
            return fail("a geometry has no type");
        const std::string type = j["type"].get<std::string>();
        if (type == "GeometryCollection") {
            if (!j.contains("geometries") || !j["geometries"].is_array())
                return fail("a collection has no geometries");
            for (const json& member : j["geometries"]) {
                if (!geometry(member, out)) return false;
            }
            return true;
        }
        TopoGeometry g;
        if (j.contains("id")) g.id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
        const json empty = json::array();
        const json& arcs = j.contains("arcs") ? j["arcs"] : empty;
        if (type == "Polygon") {
            if (!polygon(arcs, g)) return false;
        } else if (type == "MultiPolygon") {
            if (!arcs.is_array()) return fail("multipolygon arcs are not an array");
            for (const json& p : arcs) {
                if (!polygon(p, g)) return false;
            }
        } else if (type == "LineString") {
            ArcRefs r;
            if (!refs(arcs, r)) return false;
            g.lines.push_back(std::move(r));
        } else if (type == "MultiLineString") {
            if (!arcs.is_array()) return fail("multilinestring arcs are not an array");
            for (const json& l : arcs) {
                ArcRefs r;
                if (!refs(l, r)) return false;
                g.lines.push_back(std::move(r));
            }
        }
        // Points and null geometries carry no arcs: kept, empty, so
        // geometry indices still match the document.
        out.push_back(std::move(g));
        return true;
    }

private:
    bool fail(const char* why) {
        error_ = why;
        return false;
    }

    std::size_t arc_count_;
    std::string& error_;
};

bool read_transform(const json& doc, Transform& t, std::string& error) {
    if (!doc.contains("transform")) return true;
    const json& tr = doc["transform"];
    const auto pair = [](const json& j) {
        return j.is_array() && j.size() == 2 && j[0].is_number() && j[1].is_number();
    };
    if (!tr.is_object() || !tr.contains("scale") || !tr.contains("translate") || !pair(tr["scale"]) ||
        !pair(tr["translate"])) {
        error = "\"transform\" needs numeric \"scale\" and \"translate\" pairs";
        return false;
    }
    t.quantized = true;
    t.sx = tr["scale"][0].get<double>();
    t.sy = tr["scale"][1].get<double>();
    t.tx = tr["translate"][0].get<double>();
    t.ty = tr["translate"][1].get<double>();
    return true;
}

std::size_t arc_index(int ref) {
    return static_cast<std::size_t>(ref < 0 ? ~ref : ref);
}

}  // namespace

bool parse_topology(std::string_view text, Topology& out, std::string& error) {
    out = Topology{};
    const json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) {
        error = "not valid JSON";
        return false;
    }
    if (!doc.is_object() || doc.value("type", "") != "Topology") {
        error = "not a TopoJSON Topology";
        return false;
    }
    Transform transform;
    if (!read_transform(doc, transform, error)) return false;
    if (!doc.contains("arcs") || !decode_arcs(doc["arcs"], transform, out.arcs, error)) {
        if (error.empty()) error = "no \"arcs\"";
        return false;
    }
    if (!doc.contains("objects") || !doc["objects"].is_object()) {
        error = "no \"objects\"";
        return false;
    }
    GeometryReader reader(out.arcs.size(), error);
    for (const auto& [name, object] : doc["objects"].items()) {
        std::vector<TopoGeometry> geometries;
        if (!reader.geometry(object, geometries)) {
            error = "object \"" + name + "\": " + error;
            return false;
        }
        out.objects[name] = std::move(geometries);
    }
    return true;
}

GeoLine join_arcs(const Topology& topology, const ArcRefs& refs) {
    GeoLine points;
    for (int ref : refs) {
        const GeoLine& arc = topology.arcs[arc_index(ref)];
        const std::size_t start = points.empty() ? 0 : 1;
        if (ref >= 0) {
            for (std::size_t i = start; i < arc.size(); ++i) points.push_back(arc[i]);
        } else {
            for (std::size_t i = start; i < arc.size(); ++i) points.push_back(arc[arc.size() - 1 - i]);
        }
    }
    return points;
}

std::vector<GeoPolygon> object_polygons(const Topology& topology, const std::string& object) {
    std::vector<GeoPolygon> out;
    const auto it = topology.objects.find(object);
    if (it == topology.objects.end()) return out;
    for (const TopoGeometry& g : it->second) {
        for (const auto& rings : g.polygons) {
            GeoPolygon polygon;
            for (const ArcRefs& ring : rings) polygon.push_back(join_arcs(topology, ring));
            out.push_back(std::move(polygon));
        }
    }
    return out;
}

std::vector<GeoLine> object_inner_mesh(const Topology& topology, const std::string& object) {
    std::vector<GeoLine> out;
    const auto it = topology.objects.find(object);
    if (it == topology.objects.end()) return out;
    // The first geometry seen on each arc, and whether a different one also uses it.
    constexpr std::size_t kNobody = static_cast<std::size_t>(-1);
    std::vector<std::size_t> first_user(topology.arcs.size(), kNobody);
    std::vector<bool> shared(topology.arcs.size(), false);
    const std::vector<TopoGeometry>& geometries = it->second;
    for (std::size_t g = 0; g < geometries.size(); ++g) {
        auto visit = [&](int ref) {
            const std::size_t a = arc_index(ref);
            if (first_user[a] == kNobody)
                first_user[a] = g;
            else if (first_user[a] != g)
                shared[a] = true;
        };
        for (const auto& rings : geometries[g].polygons) {
            for (const ArcRefs& ring : rings) std::for_each(ring.begin(), ring.end(), visit);
        }
        for (const ArcRefs& line : geometries[g].lines) std::for_each(line.begin(), line.end(), visit);
    }
    for (std::size_t a = 0; a < topology.arcs.size(); ++a) {
        if (shared[a]) out.push_back(topology.arcs[a]);
    }
    return out;
}

}  // namespace dateline
