#include "compiler/article_map.h"

#include "compiler/map_build.h"

namespace dateline {

bool build_article_map(const Article& a, const std::string& world_atlas_dir, std::string& blob, std::string& error) {
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
    return build_map(request, world_atlas_dir, blob, error);
}

}  // namespace dateline
