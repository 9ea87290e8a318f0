// The map: land, borders, pins for the article's places, +/−/reset buttons
// and, when a quote names a place, that place with an arc from the story's
// primary place. Pan and zoom state lives here.
#pragma once

#include <vector>

#include "article/article.h"
#include "widget/fonts.h"
#include "widget/targets.h"
#include "widget/theme.h"

namespace dateline {

class MapPane {
public:
    explicit MapPane(const Article& article);

    // Draws into `rect` and registers the map's targets (the map itself,
    // pins, zoom buttons) in reading order.
    void draw(const Rect& rect, const Theme& theme, const Fonts& fonts, TargetList& targets,
              const Target& hover, std::int16_t shown_place, double time_s);

    void pan(float dx, float dy);
    void zoom(float factor, float x, float y);  // around a point in canvas px
    void zoom_step(int direction);               // buttons and keys: around the centre
    void reset();
    bool animating() const { return animating_; }

private:
    struct Point { float x, y; };
    Point project(float lat, float lon) const;

    const Article& article_;
    Rect rect_{};
    float center_lat_ = 0, center_lon_ = 0;
    float pan_x_ = 0, pan_y_ = 0;
    float zoom_ = 1;
    std::int16_t shown_place_ = kNone;
    double arc_start_s_ = 0;
    bool animating_ = false;
};

}  // namespace dateline
