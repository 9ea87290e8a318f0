#include "widget/map_pane.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

namespace dateline {
namespace {

constexpr float kButton = 44.0f;
constexpr double kFlightSeconds = 0.9;
constexpr double kArcSeconds = 0.8;

ImVec2 v(float x, float y) { return ImVec2(x, y); }

LatLon place_latlon(const Place& p) { return {p.lat, p.lon}; }

double ease(double t) { return t < 0.5 ? 2 * t * t : 1 - std::pow(-2 * t + 2, 2) / 2; }

std::vector<Vec2> project_part(const MapLayer& layer, const MapPart& part, const Projection& projection) {
    std::vector<Vec2> plane(part.count);
    for (std::uint32_t i = 0; i < part.count; ++i) {
        const std::size_t k = 2 * static_cast<std::size_t>(part.first + i);
        const PlanePoint p = projection.forward({layer.lonlat[k + 1], layer.lonlat[k]});
        plane[i] = {static_cast<float>(p.x), static_cast<float>(p.y)};
    }
    return plane;
}

bool ring_contains(const std::vector<Vec2>& ring, Vec2 p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Vec2 &a = ring[i], &b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

// Projects a layer's polygons into plane km. Polygons fill by the even-odd
// rule, and a clipped polygon's rings come in no particular order, so a ring
// is land when an even number of the polygon's other rings enclose it and a
// hole (lake) when the number is odd.
void add_polygons(const MapLayer& layer, const Projection& projection, MapDetail& detail) {
    std::vector<std::vector<Vec2>> rings;
    for (const MapPolygon& polygon : layer.polygons) {
        rings.clear();
        for (std::uint32_t r = 0; r < polygon.ring_count; ++r) {
            rings.push_back(project_part(layer, layer.parts[polygon.first_ring + r], projection));
        }
        for (std::size_t r = 0; r < rings.size(); ++r) {
            if (rings[r].size() < 3) continue;
            int depth = 0;
            for (std::size_t o = 0; o < rings.size(); ++o) {
                if (o != r && rings[o].size() >= 3 && ring_contains(rings[o], rings[r][0])) ++depth;
            }
            if (depth % 2) detail.add_lake(std::move(rings[r]));
            else detail.add_land(std::move(rings[r]));
        }
    }
}

}  // namespace

MapPane::MapPane(const Article& article, Span<std::uint8_t> packed) : article_(article) {
    MapPack pack;
    if (!packed.empty() && decode_map_pack(packed.data, packed.size, pack)) {
        load(pack);
    } else {
        // No map data: a plain view around the article's centre.
        const MapSpec& m = article_.map;
        projection_ = Projection({m.center_lat, m.center_lon});
        const double span = m.span_km > 0 ? m.span_km : 3000;
        view_ = MapView({{0, 0}, span}, {-span * 2, -span * 2, span * 2, span * 2}, span / 8, span * 4);
    }
}

void MapPane::load(const MapPack& pack) {
    has_data_ = true;
    projection_ = Projection(pack.center);
    // The reader may zoom in 8x and out until every place of the article fits.
    double max_span = pack.home_span_km * 1.5;
    for (const Place& p : article_.places) {
        const PlanePoint q = projection_.forward(place_latlon(p));
        max_span = std::max(max_span, 2.6 * std::max(std::fabs(q.x), std::fabs(q.y)));
    }
    // The reader may pan to every place, even beyond the detailed data.
    PlaneRect bounds = pack.bounds;
    for (const Place& p : article_.places) {
        const PlanePoint q = projection_.forward(place_latlon(p));
        const double margin = pack.home_span_km / 4;
        bounds = {std::min(bounds.x0, q.x - margin), std::min(bounds.y0, q.y - margin),
                  std::max(bounds.x1, q.x + margin), std::max(bounds.y1, q.y + margin)};
    }
    view_ = MapView({{0, 0}, pack.home_span_km}, bounds, pack.home_span_km / 8, max_span);
    // Level 1 keeps ~4000 points across the home view: finer than any
    // screen shows it; the level drawn is picked per frame by scale.
    detail_ = MapDetail(static_cast<float>(pack.home_span_km / 4000));
    add_polygons(pack.land, projection_, detail_);
    for (const MapPart& part : pack.coast.parts) detail_.add_coast(project_part(pack.coast, part, projection_));
    for (const MapPart& part : pack.borders.parts) detail_.add_border(project_part(pack.borders, part, projection_));
    detail_bounds_ = pack.bounds;
    // Far from the story the coarse world layer stands in for the detail.
    // The equal-area projection is continuous everywhere but at the antipode,
    // so rings project to simple polygons; one touching the antipode itself
    // (the edge of the projection's disk) is left out.
    for (const MapPolygon& polygon : pack.world_land.polygons) {
        const MapPart& ring = pack.world_land.parts[polygon.first_ring];
        std::vector<Vec2> plane(ring.count);
        bool usable = true;
        for (std::uint32_t i = 0; i < ring.count && usable; ++i) {
            const std::size_t k = 2 * static_cast<std::size_t>(ring.first + i);
            const LatLon ll{pack.world_land.lonlat[k + 1], pack.world_land.lonlat[k]};
            usable = central_angle(pack.center, ll) < kPi * (175.0 / 180.0);
            const PlanePoint p = projection_.forward(ll);
            plane[i] = {static_cast<float>(p.x), static_cast<float>(p.y)};
        }
        if (!usable) continue;
        world_plane_.add_land(std::move(plane));
    }

    // The locator is a plain equirectangular world centred on the map.
    world_lon0_ = static_cast<float>(pack.center.lon);
    for (const MapPolygon& polygon : pack.world_land.polygons) {
        const MapPart& ring = pack.world_land.parts[polygon.first_ring];
        std::vector<Vec2> plane(ring.count);
        for (std::uint32_t i = 0; i < ring.count; ++i) {
            const std::size_t k = 2 * static_cast<std::size_t>(ring.first + i);
            plane[i] = {pack.world_land.lonlat[k] - world_lon0_, pack.world_land.lonlat[k + 1]};
        }
        triangulate_ring(plane, static_cast<std::uint32_t>(world_.points.size()), world_.triangles);
        world_.points.insert(world_.points.end(), plane.begin(), plane.end());
    }
}

bool MapPane::prepare() {
    // 2-20 ms of simplifying and triangulating in a cold wasm module on a
    // slow machine: short enough not to hold up the page's own work, and the
    // whole map is ready about a second after the first frame.
    constexpr std::size_t kStepPoints = 12000;
    return has_data_ && (detail_.build_more(kStepPoints) || world_plane_.build_more(kStepPoints));
}

void MapPane::reset() {
    flight_start_s_ = -1;
    view_.reset();
}

void MapPane::pan(float dx, float dy) {
    flight_start_s_ = -1;  // the reader takes over from any animation
    view_.pan_px(dx, dy);
}

void MapPane::zoom(float factor, float x, float y) {
    flight_start_s_ = -1;
    view_.zoom_around(factor, {x, y});
}

void MapPane::zoom_step(int direction) {
    zoom(direction > 0 ? 1.5f : 1.0f / 1.5f, rect_.x + rect_.w * 0.5f, rect_.y + rect_.h * 0.5f);
}

void MapPane::start_flight(const ViewState& to, double time_s) {
    if (reduced_motion_) {
        view_.set_state(to);
        flight_start_s_ = -1;
        return;
    }
    flight_from_ = view_.state();
    flight_to_ = to;
    flight_start_s_ = time_s;
}

ImVec2 MapPane::screen(PlanePoint p) const {
    const ScreenPoint s = view_.to_screen(p);
    return v(static_cast<float>(s.x), static_cast<float>(s.y));
}

void MapPane::fill(const DetailLayer& layer, const Box& visible, ImU32 color) const {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    for (const DetailPiece& piece : layer.pieces) {
        if (!piece.box.overlaps(visible)) continue;
        draw->PrimReserve(static_cast<int>(piece.index_count), static_cast<int>(piece.count));
        const ImDrawIdx base = static_cast<ImDrawIdx>(draw->_VtxCurrentIdx);
        for (std::uint32_t i = 0; i < piece.count; ++i) draw->PrimWriteVtx(screen(layer.points[piece.first + i]), uv, color);
        for (std::uint32_t i = 0; i < piece.index_count; ++i) {
            draw->PrimWriteIdx(static_cast<ImDrawIdx>(base + layer.triangles[piece.first_index + i]));
        }
    }
}

void MapPane::stroke(const DetailLayer& layer, const Box& visible, ImU32 color, float thickness) const {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    std::vector<ImVec2>& screen_points = scratch_;
    for (const DetailPiece& piece : layer.pieces) {
        if (!piece.box.overlaps(visible)) continue;
        screen_points.clear();
        for (std::uint32_t i = 0; i < piece.count; ++i) screen_points.push_back(screen(layer.points[piece.first + i]));
        draw->AddPolyline(screen_points.data(), static_cast<int>(screen_points.size()), color, 0, thickness);
    }
}

void MapPane::draw_arc(const Theme& theme, double time_s) const {
    if (shown_place_ == kNone || article_.map.primary == kNone || shown_place_ == article_.map.primary) return;
    const LatLon a = place_latlon(article_.places[static_cast<std::size_t>(article_.map.primary)]);
    const LatLon b = place_latlon(article_.places[static_cast<std::size_t>(shown_place_)]);
    const double t = reduced_motion_ ? 1.0 : std::clamp((time_s - arc_start_s_) / kArcSeconds, 0.0, 1.0);
    const std::vector<LatLon> path = great_circle_points(a, b, 64);
    const std::size_t n = std::max<std::size_t>(2, static_cast<std::size_t>(std::ceil(ease(t) * 63)) + 1);
    std::vector<ImVec2> points;
    for (std::size_t i = 0; i < n && i < path.size(); ++i) points.push_back(screen(projection_.forward(path[i])));
    ImGui::GetWindowDrawList()->AddPolyline(points.data(), static_cast<int>(points.size()), theme.pin, 0, 2.5f);
}

void MapPane::draw_locator(const Rect& rect, const Theme& theme) const {
    if (world_.triangles.empty()) return;
    // 360° x 180° at 1/2.7 px per degree, in the bottom-left corner.
    const float w = std::min(120.0f, rect.w * 0.3f), h = w / 2;
    const float x0 = rect.x + 8, y0 = rect.y + rect.h - h - 8;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(v(x0, y0), v(x0 + w, y0 + h), theme.water, 3.0f);
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    const auto at = [&](float lon, float lat) { return v(x0 + (lon / 360.0f + 0.5f) * w, y0 + (0.5f - lat / 180.0f) * h); };
    draw->PrimReserve(static_cast<int>(world_.triangles.size()), static_cast<int>(world_.points.size()));
    const ImDrawIdx base = static_cast<ImDrawIdx>(draw->_VtxCurrentIdx);
    for (const Vec2& p : world_.points) draw->PrimWriteVtx(at(p.x, p.y), uv, theme.border);
    for (std::uint32_t i : world_.triangles) draw->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
    // The part of the globe the map shows: its corners, back on the sphere.
    const Viewport& vp = view_.viewport();
    float min_lon = 1e9f, max_lon = -1e9f, min_lat = 1e9f, max_lat = -1e9f;
    for (double fx : {0.0, 0.5, 1.0}) {
        for (double fy : {0.0, 0.5, 1.0}) {
            LatLon ll;
            if (!projection_.inverse(view_.to_plane({vp.x + fx * vp.w, vp.y + fy * vp.h}), ll)) continue;
            const float lon = static_cast<float>(unwrap_lon(ll.lon, world_lon0_) - world_lon0_);
            min_lon = std::min(min_lon, lon);
            max_lon = std::max(max_lon, lon);
            min_lat = std::min(min_lat, static_cast<float>(ll.lat));
            max_lat = std::max(max_lat, static_cast<float>(ll.lat));
        }
    }
    if (min_lon <= max_lon) draw->AddRect(at(min_lon, max_lat), at(max_lon, min_lat), theme.pin, 0, 0, 1.5f);
    draw->AddRect(v(x0, y0), v(x0 + w, y0 + h), theme.rule, 3.0f);
}

void MapPane::draw(const Rect& rect, const Theme& theme, const Fonts& fonts, TargetList& targets,
                   const Target& hover, std::int16_t shown_place, double time_s) {
    rect_ = rect;
    now_s_ = time_s;
    view_.set_viewport({rect.x, rect.y, rect.w, rect.h});

    // A newly shown place: fly to a view holding it and the primary place.
    if (shown_place != shown_place_) {
        shown_place_ = shown_place;
        arc_start_s_ = time_s;
        if (shown_place != kNone) {
            const PlanePoint p = projection_.forward(place_latlon(article_.places[static_cast<std::size_t>(shown_place)]));
            PlaneRect r{p.x, p.y, p.x, p.y};
            if (article_.map.primary != kNone) {
                const PlanePoint q = projection_.forward(place_latlon(article_.places[static_cast<std::size_t>(article_.map.primary)]));
                r = {std::min(p.x, q.x), std::min(p.y, q.y), std::max(p.x, q.x), std::max(p.y, q.y)};
            }
            const ViewState fit = view_.fit(r, 60);
            // Never zoom in further than home just to show one place.
            start_flight(fit.span_km < view_.home().span_km ? ViewState{fit.center, view_.home().span_km} : fit, time_s);
        } else {
            start_flight(view_.home(), time_s);
        }
    }
    animating_ = false;
    if (flight_start_s_ >= 0) {
        const double t = std::clamp((time_s - flight_start_s_) / kFlightSeconds, 0.0, 1.0);
        view_.set_state(interpolate(flight_from_, flight_to_, ease(t)));
        if (t >= 1) flight_start_s_ = -1;
        animating_ = t < 1;
    }
    if (!reduced_motion_ && shown_place_ != kNone && time_s - arc_start_s_ < kArcSeconds) animating_ = true;

    ImDrawList* draw = ImGui::GetWindowDrawList();
    targets.add({TargetType::None, kNone, Control::Map, rect});
    draw->PushClipRect(v(rect.x, rect.y), v(rect.x + rect.w, rect.y + rect.h), true);
    draw->AddRectFilled(v(rect.x, rect.y), v(rect.x + rect.w, rect.y + rect.h), theme.water, 6.0f);
    if (has_data_) {
        // Coarse land everywhere, then water over the area the detail
        // covers, then the detail: no coarse coastline pokes out beside it.
        const PlanePoint a = view_.to_plane({rect.x, rect.y}), b = view_.to_plane({rect.x + rect.w, rect.y + rect.h});
        const Box visible{static_cast<float>(std::min(a.x, b.x)), static_cast<float>(std::min(a.y, b.y)),
                          static_cast<float>(std::max(a.x, b.x)), static_cast<float>(std::max(a.y, b.y))};
        // A view inside the detail (the home view) shows none of the coarse land.
        const Box detail{static_cast<float>(detail_bounds_.x0), static_cast<float>(detail_bounds_.y0),
                         static_cast<float>(detail_bounds_.x1), static_cast<float>(detail_bounds_.y1)};
        if (!detail.contains(visible)) {
            fill(world_plane_.level(0, visible).land, visible, theme.land);
            draw->AddRectFilled(screen(PlanePoint{detail_bounds_.x0, detail_bounds_.y1}),
                                screen(PlanePoint{detail_bounds_.x1, detail_bounds_.y0}), theme.water);
        }
        // The level whose simplification stays under 3/4 of a device pixel.
        const float px_per_km = static_cast<float>(view_.to_screen({1, 0}).x - view_.to_screen({0, 0}).x);
        const float device_px_per_km = px_per_km * ImGui::GetIO().DisplayFramebufferScale.x;
        const MapLevel& level = detail_.level(0.75f / std::max(device_px_per_km, 1e-6f), visible);
        fill(level.land, visible, theme.land);
        fill(level.lakes, visible, theme.water);
        stroke(level.borders, visible, theme.border, 1.0f);
        stroke(level.coast, visible, theme.border, 1.0f);
    }
    draw_arc(theme, time_s);

    const Face label{fonts.sans_bold, 13.0f};
    for (std::uint16_t index : article_.map.pinned) {
        const Place& place = article_.places[index];
        const ImVec2 p = screen(projection_.forward(place_latlon(place)));
        if (!rect.contains(p.x, p.y)) continue;
        const Target t{TargetType::Place, static_cast<std::int16_t>(index), Control::None, {p.x - 22, p.y - 22, 44, 44}};
        targets.add(t);
        const bool primary = static_cast<std::int16_t>(index) == article_.map.primary;
        const bool shown = static_cast<std::int16_t>(index) == shown_place_;
        const float r = (primary || shown) ? 7.0f : 5.0f;
        draw->AddCircleFilled(p, r + 2, theme.page);
        draw->AddCircleFilled(p, r, primary || shown ? theme.pin : theme.muted);
        if (hover.same_item(t)) draw->AddCircle(p, r + 5, theme.pin, 0, 2.0f);
        // Labels sit right of the pin, or left when they would leave the map.
        const float w = label.width(place.name);
        const float lx = p.x + 12 + w > rect.x + rect.w - kButton - 12 ? p.x - 12 - w : p.x + 12;
        draw->AddRectFilled(v(lx - 3, p.y - 10), v(lx + w + 3, p.y + 9), (theme.page & 0x00FFFFFF) | 0xC0000000, 3.0f);
        draw->AddText(label.font, label.size, v(lx, p.y - 9), theme.text, place.name.data(), place.name.data() + place.name.size());
    }
    draw_locator(rect, theme);
    draw->PopClipRect();

    // Zoom controls: 44px targets in the top-right corner. Icons are drawn,
    // not typeset: fonts are subset to the article's text.
    float by = rect.y + 8;
    for (Control c : {Control::ZoomIn, Control::ZoomOut, Control::ResetView}) {
        const Target t{TargetType::None, kNone, c, {rect.x + rect.w - kButton - 8, by, kButton, kButton}};
        targets.add(t);
        draw->AddRectFilled(v(t.rect.x, t.rect.y), v(t.rect.x + kButton, t.rect.y + kButton),
                            hover.same_item(t) ? theme.surface : theme.page, 6.0f);
        draw->AddRect(v(t.rect.x, t.rect.y), v(t.rect.x + kButton, t.rect.y + kButton), theme.rule, 6.0f);
        const ImVec2 center(t.rect.x + kButton * 0.5f, t.rect.y + kButton * 0.5f);
        if (c != Control::ResetView) {
            draw->AddRectFilled(v(center.x - 8, center.y - 1), v(center.x + 8, center.y + 1), theme.text);
            if (c == Control::ZoomIn) draw->AddRectFilled(v(center.x - 1, center.y - 8), v(center.x + 1, center.y + 8), theme.text);
        } else {
            // Reset: a circular arrow.
            const float k = static_cast<float>(kPi);
            draw->PathArcTo(center, 8.0f, -k * 0.35f, k * 1.35f, 16);
            draw->PathStroke(theme.text, 0, 2.0f);
            const ImVec2 tip(center.x + 8.0f * std::cos(-k * 0.35f), center.y + 8.0f * std::sin(-k * 0.35f));
            draw->AddTriangleFilled(v(tip.x - 4, tip.y - 4), v(tip.x + 4, tip.y - 1), v(tip.x - 1, tip.y + 5), theme.text);
        }
        by += kButton + 6;
    }
}

}  // namespace dateline
