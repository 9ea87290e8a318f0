// Plane geometry for building the packed map: projecting source rings and
// lines so that nothing from the far side of the globe can cut across the
// map, clipping them to the map's rectangle, and simplifying them.
//
// Clipping happens in the projection plane, not in longitude/latitude, so a
// coast that crosses the antimeridian (the Aleutians, Chukotka) is just a
// line in the plane: it comes out whole, with nothing to split or rejoin.
#pragma once

#include <vector>

#include "article/geo.h"
#include "compiler/topojson.h"

namespace dateline {

using PlanePath = std::vector<PlanePoint>;

// A closed ring (the first point is not repeated at the end) with one flag
// per edge: real[i] is the edge from point i to point i + 1 (the last edge
// closes the ring). Real edges are coast; the others were made by clipping.
struct PlaneRing {
    PlanePath points;
    std::vector<bool> real;
};

double signed_area(const PlanePath& ring);  // > 0: counter-clockwise (y up)
bool ring_contains(const PlanePath& ring, PlanePoint p);

// Projects source geometry for clipping against `rect`. Edges are densified
// in longitude/latitude (Natural Earth draws its straight edges, such as the
// 49th parallel, in that space), and points far from the centre are pulled
// onto a circle just outside the rectangle, with extra points wherever that
// circle would otherwise be cut short: far-away geometry then stays outside
// the rectangle and keeps its winding around the map.
class ClipProjector {
public:
    ClipProjector(const Projection& projection, const PlaneRect& rect);

    // `ring` is closed (last point == first). Edges along the antimeridian or
    // a pole, which source data may use to cut polygons, are not real.
    PlaneRing ring(const GeoRing& ring) const;
    PlanePath line(const GeoLine& line) const;

private:
    void edge(LatLon a, LatLon b, PlanePath& out, int depth) const;
    PlanePoint clamped(PlanePoint p) const;

    const Projection& projection_;
    double limit_km_;
};

// Clips a ring to the rectangle; the result keeps its orientation and
// describes the same area inside the rectangle (no zero-width bridges along
// the edges: pieces come out as separate rings joined along the rectangle).
std::vector<PlaneRing> clip_ring(const PlaneRing& ring, const PlaneRect& rect);
std::vector<PlanePath> clip_line(const PlanePath& line, const PlaneRect& rect);

// How far simplification may move a point: `fine` inside `fine_zone`, where
// the reader looks first and zooms in, `coarse` elsewhere.
struct Tolerance {
    double fine = 0;
    double coarse = 0;
    PlaneRect fine_zone;

    static Tolerance uniform(double t) { return {t, t, {}}; }
    double at(PlanePoint p) const { return fine_zone.contains(p) ? fine : coarse; }
};

// Douglas–Peucker with the end points kept.
PlanePath simplify_path(const PlanePath& path, const Tolerance& tolerance);
// The same for a ring; the points where real and clipping edges meet are kept.
// Returns an empty ring when fewer than three points remain.
PlaneRing simplify_ring(const PlaneRing& ring, const Tolerance& tolerance);

// The largest of its width and height: for dropping specks.
double extent_of(const PlanePath& path);

}  // namespace dateline
