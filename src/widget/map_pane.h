// The map: land, coasts and borders from the article's packed map, pins for
// its places, +/−/reset buttons, a locator inset, and, when a quote names a
// place, a view that takes in that place with a great-circle arc from the
// story's primary place. Pan and zoom state lives here.
#pragma once

#include <vector>

#include "article/article.h"
#include "article/geo.h"
#include "article/map_detail.h"
#include "article/map_pack.h"
#include "article/triangulate.h"
#include "widget/fonts.h"
#include "widget/targets.h"
#include "widget/theme.h"

namespace dateline {

class MapPane {
public:
    // `packed` is the article's packed map (docs/map-format.md); without one
    // (or with a corrupt one) the map shows pins on plain water.
    MapPane(const Article& article, Span<std::uint8_t> packed);

    // Draws into `rect` and registers the map's targets (the map itself,
    // pins, zoom buttons) in reading order.
    void draw(const Rect& rect, const Theme& theme, const Fonts& fonts, TargetList& targets,
              const Target& hover, std::int16_t shown_place, double time_s);

    void pan(float dx, float dy);
    void zoom(float factor, float x, float y);  // around a point in canvas px
    void zoom_step(int direction);               // buttons and keys: around the centre
    void reset();
    void set_reduced_motion(bool reduced) { reduced_motion_ = reduced; }
    bool animating() const { return animating_; }
    // One short step of work ahead of the reader (pieces of the map no view
    // has shown yet); false when none is left.
    bool prepare();

private:
    struct Shape {  // the locator's world, triangulated once
        std::vector<Vec2> points;
        std::vector<std::uint32_t> triangles;
    };
    void load(const MapPack& pack);
    ImVec2 screen(PlanePoint p) const;
    ImVec2 screen(Vec2 p) const { return screen(PlanePoint{p.x, p.y}); }
    void fill(const DetailLayer& layer, const Box& visible, ImU32 color) const;
    void stroke(const DetailLayer& layer, const Box& visible, ImU32 color, float thickness) const;
    void draw_locator(const Rect& rect, const Theme& theme) const;
    void draw_arc(const Theme& theme, double time_s) const;
    void start_flight(const ViewState& to, double time_s);

    const Article& article_;
    Projection projection_;
    MapView view_;
    bool has_data_ = false;
    MapDetail detail_{1};  // land, lakes, coasts and borders by level of detail
    MapDetail world_plane_{1, 1};  // coarse land of the far world, in plane km (drawn as packed)
    PlaneRect detail_bounds_{};
    mutable std::vector<ImVec2> scratch_;  // a polyline's screen points, kept between frames
    Shape world_;  // locator: equirectangular, x = lon - centre lon, y = lat
    float world_lon0_ = 0;

    Rect rect_{};
    std::int16_t shown_place_ = kNone;
    ViewState flight_from_{}, flight_to_{};
    double flight_start_s_ = -1;
    double arc_start_s_ = 0;
    double now_s_ = 0;
    bool reduced_motion_ = false;
    bool animating_ = false;
};

}  // namespace dateline
