#include "compiler/article_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "compiler/map_build.h"
#include "compiler/utf8.h"

namespace dateline {

MapRequest article_map_request(const Article& a) {
    MapRequest request;
    const MapSpec& m = a.map;
    if (m.span_km > 0) {
        request.center = {m.center_lat, m.center_lon};
        request.span_km = m.span_km;
    } else if (m.primary != kNone) {
        const Place& p = a.places[static_cast<std::size_t>(m.primary)];
        request.center = {p.lat, p.lon};
        request.span_km = 1500;
    } else {
        request.span_km = 6000;  // no place at all: a wide view around the centre given
    }
    // Detailed land only around the story: a place far away (Moscow seen
    // from Anchorage) is shown on the coarse world layer, which the widget
    // draws under the detail. Wrapping a continent-wide extent in detailed
    // data would cost far more bytes than a reader's zoomed-out view needs.
    const double reach_km = 1.5 * request.span_km;
    std::vector<bool> shown(a.places.size, false);
    for (std::uint16_t i : m.pinned) shown[i] = true;
    for (const Quote& q : a.quotes) {
        if (q.place != kNone) shown[static_cast<std::size_t>(q.place)] = true;
    }
    for (std::size_t i = 0; i < a.places.size; ++i) {
        const LatLon p{a.places[i].lat, a.places[i].lon};
        if (shown[i] && distance_km(request.center, p) <= reach_km) request.include.push_back(p);
    }
    return request;
}

namespace {

bool plans(const MapRequest& request) {
    MapPlan plan;
    std::string ignored;
    return plan_map(request, plan, ignored);
}

std::string km(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f km", value);
    return text;
}

}  // namespace

// A pin far outside the map whose coordinates, swapped or with a sign
// flipped, would put it inside the initial view: almost always a typing slip
// (maps and spreadsheets give "lon, lat"; western longitudes are negative).
void check_pins(const Article& a, const MapRequest& request, JsonReader& reader) {
    const double reach_km = 1.5 * request.span_km;
    const double view_km = 0.75 * request.span_km;
    for (std::uint16_t i : a.map.pinned) {
        const Place& p = a.places[i];
        const double away = distance_km(request.center, {p.lat, p.lon});
        if (away <= reach_km) continue;
        struct Slip { LatLon at; const char* field; const char* what; };
        const Slip slips[] = {
            {{p.lon, p.lat}, "lat", "latitude and longitude swapped"},
            {{p.lat, -p.lon}, "lon", "the longitude's sign flipped"},
            {{-p.lat, p.lon}, "lat", "the latitude's sign flipped"},
        };
        for (const Slip& slip : slips) {
            if (std::fabs(slip.at.lat) > 90 || distance_km(request.center, slip.at) > view_km) continue;
            char fixed[96];
            std::snprintf(fixed, sizeof fixed, "\"lat\": %.6g, \"lon\": %.6g", slip.at.lat, slip.at.lon);
            reader.error("/places/" + std::to_string(i) + "/" + slip.field,
                         utf8::quoted(p.name) + " is pinned but lies " + km(away) + " from the map's centre, far "
                         "outside its view; with " + slip.what + " it would be " +
                         km(distance_km(request.center, slip.at)) + " from the centre: check its coordinates (" +
                         fixed + "?)");
            break;
        }
    }
}

void check_article_map(const Article& a, JsonReader& reader) {
    const MapRequest request = article_map_request(a);
    check_pins(a, request, reader);
    if (plans(request)) return;
    MapRequest alone = request;
    alone.include.clear();
    if (!plans(alone)) {
        // The widest span that plans on its own (the plan is monotonic in span).
        double lo = 10, hi = request.span_km;
        for (int i = 0; i < 40; ++i) {
            alone.span_km = (lo + hi) / 2;
            (plans(alone) ? lo : hi) = alone.span_km;
        }
        reader.error("/map/span_km",
                     "a map " + km(request.span_km) + " wide would reach more than 120 degrees from its centre, "
                     "more than one regional map can show; use a span of at most " + km(std::floor(lo)));
        return;
    }
    for (std::size_t i = 0; i < a.places.size; ++i) {
        const Place& p = a.places[i];
        MapRequest one = alone;
        one.include.push_back({p.lat, p.lon});
        const bool included = std::find_if(request.include.begin(), request.include.end(), [&](const LatLon& q) {
            return q.lat == p.lat && q.lon == p.lon;
        }) != request.include.end();
        if (!included || plans(one)) continue;
        reader.error("/places/" + std::to_string(i),
                     utf8::quoted(p.name) + " is " + km(distance_km(request.center, {p.lat, p.lon})) +
                         " from the map's centre: showing it in detail with a span of " + km(request.span_km) +
                         " would reach more than 120 degrees from the centre; move the map's centre nearer, "
                         "narrow the span (places farther than 1.5 spans are shown on the world map only), or "
                         "check its coordinates");
        return;
    }
    reader.error("/map", "the places pinned or quoted are too far apart for one regional map; narrow "
                         "\"span_km\" or move the map's centre");
}

bool build_article_map(const Article& a, const std::string& world_atlas_dir, std::string& blob, std::string& error) {
    return build_map(article_map_request(a), world_atlas_dir, blob, error);
}

}  // namespace dateline
