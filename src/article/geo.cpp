#include "article/geo.h"

#include <algorithm>
#include <cmath>

namespace dateline {

namespace {

constexpr double kDeg = kPi / 180;

struct Vec3 {
    double x, y, z;
};

Vec3 to_vec(LatLon p) {
    const double lat = p.lat * kDeg, lon = p.lon * kDeg;
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

LatLon to_latlon(Vec3 v) {
    const double lat = std::atan2(v.z, std::sqrt(v.x * v.x + v.y * v.y));
    return {lat / kDeg, std::atan2(v.y, v.x) / kDeg};
}

double dot(Vec3 a, Vec3 b) {
    return a.x * b.x + a.y * b.y + a.z * b.z;
}
Vec3 cross(Vec3 a, Vec3 b) {
    return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
Vec3 scaled(Vec3 a, double s) {
    return {a.x * s, a.y * s, a.z * s};
}
Vec3 plus(Vec3 a, Vec3 b) {
    return {a.x + b.x, a.y + b.y, a.z + b.z};
}
double norm(Vec3 a) {
    return std::sqrt(dot(a, a));
}

}  // namespace

double wrap_lon(double lon) {
    double w = std::fmod(lon + 180.0, 360.0);
    if (w < 0) w += 360.0;
    return w - 180.0;
}

double unwrap_lon(double lon, double central) {
    return central + wrap_lon(lon - central);
}

double central_angle(LatLon a, LatLon b) {
    // atan2 of |cross| and dot stays accurate for tiny and near-antipodal angles.
    const Vec3 u = to_vec(a), v = to_vec(b);
    return std::atan2(norm(cross(u, v)), dot(u, v));
}

double distance_km(LatLon a, LatLon b) {
    return central_angle(a, b) * kEarthRadiusKm;
}

std::vector<LatLon> great_circle_points(LatLon a, LatLon b, int n) {
    n = std::max(n, 2);
    std::vector<LatLon> out;
    out.reserve(static_cast<std::size_t>(n));
    const Vec3 u = to_vec(a), v = to_vec(b);
    const double omega = central_angle(a, b);
    // The path lies in the plane of u and w, w being the unit vector
    // perpendicular to u towards v (or any perpendicular for antipodes).
    Vec3 w = plus(v, scaled(u, -dot(u, v)));
    if (norm(w) < 1e-12) {
        w = cross(u, Vec3{0, 0, 1});
        if (norm(w) < 1e-12) w = Vec3{1, 0, 0};  // u is a pole
    }
    w = scaled(w, 1 / norm(w));
    double previous_lon = a.lon;
    for (int i = 0; i < n; ++i) {
        const double t = omega * i / (n - 1);
        LatLon p = to_latlon(plus(scaled(u, std::cos(t)), scaled(w, std::sin(t))));
        if (i == 0)
            p = a;
        else if (i == n - 1)
            p = b;
        p.lon = unwrap_lon(p.lon, previous_lon);
        previous_lon = p.lon;
        out.push_back(p);
    }
    return out;
}

Projection::Projection(LatLon center)
    : center_(center), sin_lat0_(std::sin(center.lat * kDeg)), cos_lat0_(std::cos(center.lat * kDeg)) {}

PlanePoint Projection::forward(LatLon p) const {
    const double lat = p.lat * kDeg, dlon = (p.lon - center_.lon) * kDeg;
    const double sin_lat = std::sin(lat), cos_lat = std::cos(lat);
    const double cos_dlon = std::cos(dlon);
    const double cos_c = sin_lat0_ * sin_lat + cos_lat0_ * cos_lat * cos_dlon;
    // At the antipode every direction is equally right; pick south.
    if (cos_c <= -1 + 1e-15) return {0, -2 * kEarthRadiusKm};
    const double k = kEarthRadiusKm * std::sqrt(2 / (1 + cos_c));
    return {k * cos_lat * std::sin(dlon), k * (cos_lat0_ * sin_lat - sin_lat0_ * cos_lat * cos_dlon)};
}

bool Projection::inverse(PlanePoint p, LatLon& out) const {
    const double rho = std::sqrt(p.x * p.x + p.y * p.y);
    const double s = rho / (2 * kEarthRadiusKm);  // sin(c / 2)
    if (!(s <= 1 + 1e-12)) return false;
    if (rho < 1e-9) {
        out = center_;
        return true;
    }
    const double c = 2 * std::asin(std::min(s, 1.0));
    const double sin_c = std::sin(c), cos_c = std::cos(c);
    const double sin_lat = std::clamp(cos_c * sin_lat0_ + p.y * sin_c * cos_lat0_ / rho, -1.0, 1.0);
    const double dlon = std::atan2(p.x * sin_c, rho * cos_lat0_ * cos_c - p.y * sin_lat0_ * sin_c);
    out = {std::asin(sin_lat) / kDeg, center_.lon + dlon / kDeg};
    return true;
}

ViewState interpolate(const ViewState& a, const ViewState& b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    ViewState s;
    s.center = {a.center.x + (b.center.x - a.center.x) * t, a.center.y + (b.center.y - a.center.y) * t};
    s.span_km = a.span_km * std::pow(b.span_km / a.span_km, t);
    return s;
}

MapView::MapView(const ViewState& home, const PlaneRect& bounds, double min_span_km, double max_span_km)
    : home_(home), state_(home), bounds_(bounds), min_span_(min_span_km), max_span_(max_span_km) {
    if (max_span_ < min_span_) max_span_ = min_span_;
    home_ = clamped(home_);
    state_ = home_;
}

void MapView::set_viewport(const Viewport& viewport) {
    viewport_ = viewport;
    if (!(viewport_.w > 0)) viewport_.w = 1;
    if (!(viewport_.h > 0)) viewport_.h = 1;
    home_ = clamped(home_);
    state_ = clamped(state_);
}

void MapView::set_state(const ViewState& s) {
    state_ = clamped(s);
}

ViewState MapView::clamped(ViewState s) const {
    if (!std::isfinite(s.span_km) || !std::isfinite(s.center.x) || !std::isfinite(s.center.y)) return home_;
    s.span_km = std::clamp(s.span_km, min_span_, max_span_);
    const double half_w = s.span_km / 2;
    const double half_h = s.span_km * viewport_.h / viewport_.w / 2;
    // Each axis on its own: keep the visible range inside the bounds, or
    // centred on them when the bounds are the smaller.
    auto clamp_axis = [](double c, double half, double lo, double hi) {
        if (hi - lo <= 2 * half) return (lo + hi) / 2;
        return std::clamp(c, lo + half, hi - half);
    };
    s.center.x = clamp_axis(s.center.x, half_w, bounds_.x0, bounds_.x1);
    s.center.y = clamp_axis(s.center.y, half_h, bounds_.y0, bounds_.y1);
    return s;
}

ScreenPoint MapView::to_screen(PlanePoint p) const {
    const double k = px_per_km();
    return {viewport_.x + viewport_.w / 2 + (p.x - state_.center.x) * k,
            viewport_.y + viewport_.h / 2 - (p.y - state_.center.y) * k};
}

PlanePoint MapView::to_plane(ScreenPoint s) const {
    const double k = px_per_km();
    return {state_.center.x + (s.x - viewport_.x - viewport_.w / 2) / k,
            state_.center.y - (s.y - viewport_.y - viewport_.h / 2) / k};
}

void MapView::pan_px(double dx, double dy) {
    const double k = px_per_km();
    ViewState s = state_;
    s.center.x -= dx / k;
    s.center.y += dy / k;
    state_ = clamped(s);
}

void MapView::zoom_around(double factor, ScreenPoint anchor) {
    if (!(factor > 0)) return;
    const PlanePoint fixed = to_plane(anchor);
    ViewState s = state_;
    s.span_km = std::clamp(s.span_km / factor, min_span_, max_span_);
    const double k = viewport_.w / s.span_km;
    s.center.x = fixed.x - (anchor.x - viewport_.x - viewport_.w / 2) / k;
    s.center.y = fixed.y + (anchor.y - viewport_.y - viewport_.h / 2) / k;
    state_ = clamped(s);
}

ViewState MapView::fit(const PlaneRect& r, double padding_px) const {
    const double w = std::max(viewport_.w - 2 * padding_px, 1.0);
    const double h = std::max(viewport_.h - 2 * padding_px, 1.0);
    // The span (km across the whole viewport width) at which r fits inside
    // the padded area on both axes.
    const double km_per_px = std::max(r.width() / w, r.height() / h);
    ViewState s;
    s.center = r.center();
    s.span_km = km_per_px * viewport_.w;
    return clamped(s);
}

}  // namespace dateline
