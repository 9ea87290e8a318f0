// Triangulation of simple polygons (ear clipping), done once when the map is
// loaded so that drawing a frame only transforms vertices: the projection is
// fixed per map and pan/zoom are affine, so triangles stay valid.
#pragma once

#include <cstdint>
#include <vector>

namespace dateline {

struct Vec2 {
    float x = 0, y = 0;
};

// Appends to `out` the indices (into `ring`, offset by `base`) of triangles
// covering the ring. The ring may be either orientation; repeated and
// collinear points are tolerated. A ring that is not simple (simplification
// can produce small self-touches) still terminates: what is left when no ear
// can be found is closed with a fan.
void triangulate_ring(const std::vector<Vec2>& ring, std::uint32_t base, std::vector<std::uint32_t>& out);

}  // namespace dateline
