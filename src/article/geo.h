// Geometry for regional maps of a spherical Earth: longitudes around a
// central meridian, the map projection, great circles, and the pan/zoom view
// that turns projected kilometres into screen pixels.
//
// The projection is the Lambert azimuthal equal-area projection on a sphere,
// centred on the map's centre. Why this one:
// - it has no seam: the antimeridian is an ordinary line through the map, so
//   Alaska, the Aleutians and Chukotka are drawn whole without special cases;
// - it works at any latitude, the poles included (a conic or Mercator does not);
// - distortion grows only with distance from the centre (about 2% in scale at
//   2,500 km, 15% at 7,000 km: Anchorage to Moscow), and areas stay true;
// - the whole sphere except the antipode fits inside a disk of radius 2R, so
//   any reasonable map extent is representable.
// Plane coordinates are kilometres, x towards the east and y towards the north
// at the centre.
#pragma once

#include <vector>

namespace dateline {

inline constexpr double kEarthRadiusKm = 6371.0088;  // IUGG mean radius
inline constexpr double kPi = 3.14159265358979323846;

struct LatLon {
    double lat = 0;  // degrees, north positive
    double lon = 0;  // degrees, east positive; may lie outside [-180, 180)
};

// Longitude in [-180, 180).
double wrap_lon(double lon);
// The same meridian expressed within [central - 180, central + 180), so a
// region across ±180° is continuous around its own central meridian.
double unwrap_lon(double lon, double central);

// Great-circle distance.
double distance_km(LatLon a, LatLon b);
// Angle at the Earth's centre between a and b, in radians.
double central_angle(LatLon a, LatLon b);
// n >= 2 points along the shorter great circle from a to b, both included.
// Longitudes are continuous along the path (no jump at ±180°), starting at
// a.lon. Antipodal endpoints have no unique path; one is chosen.
std::vector<LatLon> great_circle_points(LatLon a, LatLon b, int n);

struct PlanePoint {
    double x = 0;  // km east of the centre
    double y = 0;  // km north of the centre
};

struct PlaneRect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // x0 <= x1, y0 <= y1

    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    PlanePoint center() const { return {(x0 + x1) / 2, (y0 + y1) / 2}; }
    bool contains(PlanePoint p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
};

// Lambert azimuthal equal-area on a sphere of radius kEarthRadiusKm.
class Projection {
public:
    explicit Projection(LatLon center = {});

    LatLon center() const { return center_; }
    PlanePoint forward(LatLon p) const;
    // Fails only outside the disk of radius 2R, which holds the whole sphere.
    // The longitude comes back within [center.lon - 180, center.lon + 180].
    bool inverse(PlanePoint p, LatLon& out) const;

private:
    LatLon center_;
    double sin_lat0_ = 0, cos_lat0_ = 1;
};

struct ScreenPoint {
    double x = 0, y = 0;  // pixels, y down
};

struct Viewport {
    double x = 0, y = 0, w = 1, h = 1;  // pixels
};

// What part of the projected plane is on screen: a centre and the width, in
// km, that the viewport's width shows. Pure state, so the widget can animate
// between two of them.
struct ViewState {
    PlanePoint center;
    double span_km = 1000;
};

// Zoom interpolates the span geometrically so a zoom-out-and-in feels even.
ViewState interpolate(const ViewState& a, const ViewState& b, double t);

// Pan and zoom over a projected map, with limits that keep the reader near
// the data: the span stays within [min_span, max_span] and the visible area
// stays inside `bounds` whenever it is smaller than them (centred otherwise).
class MapView {
public:
    MapView() = default;
    MapView(const ViewState& home, const PlaneRect& bounds, double min_span_km, double max_span_km);

    void set_viewport(const Viewport& viewport);  // re-clamps: the aspect may change
    const Viewport& viewport() const { return viewport_; }

    const ViewState& state() const { return state_; }
    void set_state(const ViewState& s);  // clamped
    void reset() { set_state(home_); }
    const ViewState& home() const { return home_; }
    const PlaneRect& bounds() const { return bounds_; }

    double px_per_km() const { return viewport_.w / state_.span_km; }
    double zoom() const { return home_.span_km / state_.span_km; }  // 1 at home
    ScreenPoint to_screen(PlanePoint p) const;
    PlanePoint to_plane(ScreenPoint s) const;

    // Drag: the map follows the pointer by (dx, dy) pixels.
    void pan_px(double dx, double dy);
    // factor > 1 zooms in. The plane point under `anchor` stays under it
    // unless a limit is reached.
    void zoom_around(double factor, ScreenPoint anchor);
    // The view that shows `r` whole with `padding_px` on every side (clamped).
    ViewState fit(const PlaneRect& r, double padding_px) const;

private:
    ViewState clamped(ViewState s) const;

    ViewState home_;
    ViewState state_;
    PlaneRect bounds_{-1e9, -1e9, 1e9, 1e9};
    double min_span_ = 1;
    double max_span_ = 1e9;
    Viewport viewport_;
};

}  // namespace dateline
