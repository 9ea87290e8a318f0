#include "widget/map_pane.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

namespace dateline {
namespace {

constexpr float kPi = 3.14159265f;
constexpr float kEarthKm = 6371.0f;
constexpr float kButton = 44.0f;
constexpr float kMinZoom = 0.5f, kMaxZoom = 8.0f;

ImVec2 v(float x, float y) { return ImVec2(x, y); }
float rad(float deg) { return deg * kPi / 180.0f; }

}  // namespace

MapPane::MapPane(const Article& article) : article_(article) { reset(); }

void MapPane::reset() {
    const MapSpec& m = article_.map;
    center_lat_ = m.center_lat;
    center_lon_ = m.center_lon;
    if (m.span_km <= 0 && m.primary != kNone) {
        center_lat_ = article_.places[static_cast<std::size_t>(m.primary)].lat;
        center_lon_ = article_.places[static_cast<std::size_t>(m.primary)].lon;
    }
    pan_x_ = pan_y_ = 0;
    zoom_ = 1;
}

// Orthographic projection around the map's centre, in km: a region across
// the antimeridian stays continuous because longitudes enter only as
// differences from the centre.
MapPane::Point MapPane::project(float lat, float lon) const {
    const float la = rad(lat), l0 = rad(center_lat_), dl = rad(lon - center_lon_);
    const float x = kEarthKm * std::cos(la) * std::sin(dl);
    const float y = kEarthKm * (std::cos(l0) * std::sin(la) - std::sin(l0) * std::cos(la) * std::cos(dl));
    const float span = article_.map.span_km > 0 ? article_.map.span_km : 3000.0f;
    const float px_per_km = rect_.w / span * zoom_;
    return {rect_.x + rect_.w * 0.5f + pan_x_ + x * px_per_km, rect_.y + rect_.h * 0.5f + pan_y_ - y * px_per_km};
}

void MapPane::pan(float dx, float dy) {
    // Keep the centre of the story within reach: at most one map-width away.
    pan_x_ = std::clamp(pan_x_ + dx, -rect_.w * zoom_, rect_.w * zoom_);
    pan_y_ = std::clamp(pan_y_ + dy, -rect_.h * zoom_, rect_.h * zoom_);
}

void MapPane::zoom(float factor, float x, float y) {
    const float next = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
    const float applied = next / zoom_;
    // Keep the point under the pointer fixed.
    const float cx = rect_.x + rect_.w * 0.5f, cy = rect_.y + rect_.h * 0.5f;
    pan_x_ = (pan_x_ - (x - cx)) * applied + (x - cx);
    pan_y_ = (pan_y_ - (y - cy)) * applied + (y - cy);
    zoom_ = next;
    pan(0, 0);
}

void MapPane::zoom_step(int direction) {
    zoom(direction > 0 ? 1.5f : 1.0f / 1.5f, rect_.x + rect_.w * 0.5f, rect_.y + rect_.h * 0.5f);
}

void MapPane::draw(const Rect& rect, const Theme& theme, const Fonts& fonts, TargetList& targets,
                   const Target& hover, std::int16_t shown_place, double time_s) {
    rect_ = rect;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    targets.add({TargetType::None, kNone, Control::Map, rect});
    draw->PushClipRect(v(rect.x, rect.y), v(rect.x + rect.w, rect.y + rect.h), true);
    draw->AddRectFilled(v(rect.x, rect.y), v(rect.x + rect.w, rect.y + rect.h), theme.water, 6.0f);

    if (shown_place != shown_place_) {
        shown_place_ = shown_place;
        arc_start_s_ = time_s;
    }
    const float arc_t = std::clamp(static_cast<float>(time_s - arc_start_s_) / 0.8f, 0.0f, 1.0f);
    animating_ = arc_t < 1.0f && shown_place_ != kNone;

    const Face label{fonts.sans_bold, 13.0f};
    for (std::uint16_t index : article_.map.pinned) {
        const Place& place = article_.places[index];
        const Point p = project(place.lat, place.lon);
        const bool primary = static_cast<std::int16_t>(index) == article_.map.primary;
        const bool shown = static_cast<std::int16_t>(index) == shown_place_;
        const Target t{TargetType::Place, static_cast<std::int16_t>(index), Control::None,
                       {p.x - 22, p.y - 22, 44, 44}};
        if (!rect.contains(p.x, p.y)) continue;
        targets.add(t);
        const float r = (primary || shown) ? 8.0f : 6.0f;
        draw->AddCircleFilled(v(p.x, p.y), r + 2, theme.page);
        draw->AddCircleFilled(v(p.x, p.y), r, primary || shown ? theme.pin : theme.muted);
        if (hover.same_item(t)) draw->AddCircle(v(p.x, p.y), r + 5, theme.pin, 0, 2.0f);
        draw->AddText(label.font, label.size, v(p.x + 12, p.y - 9), theme.text, place.name.data(),
                      place.name.data() + place.name.size());
    }
    draw->PopClipRect();

    // Zoom controls: 44px targets in the top-right corner.
    // Icons are drawn, not typeset: fonts are subset to the article's text.
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
            // Reset: a circular arrow, drawn so it needs no glyph.
            draw->PathArcTo(center, 8.0f, -kPi * 0.35f, kPi * 1.35f, 16);
            draw->PathStroke(theme.text, 0, 2.0f);
            const ImVec2 tip(center.x + 8.0f * std::cos(-kPi * 0.35f), center.y + 8.0f * std::sin(-kPi * 0.35f));
            draw->AddTriangleFilled(v(tip.x - 4, tip.y - 4), v(tip.x + 4, tip.y - 1), v(tip.x - 1, tip.y + 5), theme.text);
        }
        by += kButton + 6;
    }
}

}  // namespace dateline
