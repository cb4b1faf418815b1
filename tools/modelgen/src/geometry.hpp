// Curves and closed primitive shapes (tubes, ellipsoids, slabs) from which the model is built.
#pragma once

#include "mesh.hpp"

#include <glm/vec3.hpp>

#include <functional>
#include <vector>

namespace dorsal::modelgen {

using Polyline = std::vector<glm::vec3>;

// Smooth curve through the control points (centripetal Catmull-Rom), resampled to `n` points evenly
// spaced by arc length. Two control points give a straight line.
Polyline catmull_rom(const Polyline& control, int n);
// Resamples a polyline to `n` points evenly spaced by arc length.
Polyline resample(const Polyline& line, int n);
// Cubic Hermite segment from p0 (tangent t0) to p1 (tangent t1), `n` samples including both ends.
Polyline hermite(glm::vec3 p0, glm::vec3 t0, glm::vec3 p1, glm::vec3 t1, int n);
float length(const Polyline& line);
// Unit tangents of a polyline (central differences).
std::vector<glm::vec3> tangents(const Polyline& line);
// Point at fraction t (0..1) of arc length.
glm::vec3 point_at(const Polyline& line, float t);

// How the open ends of a tube are closed.
enum class Cap {
    Flat,  // a strip of quads across the end ring (ring point k joined to point M-1-k)
    Pole,  // a fan to one extra vertex (give the pole position)
};

// Closed tube through `rings` (each with the same even number of points, ordered the same way
// around the tube). `ring_fibres` gives one fibre direction per ring. Orientation is made outward by
// checking the signed volume. Normals are computed smooth.
Mesh tube(const std::vector<Polyline>& rings, const std::vector<glm::vec3>& ring_fibres, Cap start, Cap end,
          glm::vec3 start_pole = {}, glm::vec3 end_pole = {});

// Cross-section of a swept tube at one sample: semi-axes along `side` and along the other normal.
struct Section {
    float a = 0.01f;  // semi-axis along the side direction
    float b = 0.01f;  // semi-axis along tangent x side
    float squareness = 2.0f;  // superellipse exponent: 2 = ellipse, larger = boxier
};

// Sweeps a section along `path` (dense polyline). `side(i)` gives the reference for the section's
// first axis at sample i (it is made perpendicular to the tangent). Each end closes with a pole placed
// `pole_start` / `pole_end` beyond the end sample, or with a flat cap when that distance is 0.
Mesh sweep(const Polyline& path, const std::function<Section(int i, float u)>& section,
           const std::function<glm::vec3(int i, float u)>& side, int ring_points, float pole_start = 0.0f,
           float pole_end = 0.0f);

// Side vectors along a path without twist (parallel transport), starting from `hint` (any vector
// not parallel to the first tangent).
std::vector<glm::vec3> transported_sides(const Polyline& path, glm::vec3 hint);

// Closed ring-shaped tube (a torus-like loop) through the closed loop `path` (first point not
// repeated), circular section of radius r.
Mesh loop_tube(const Polyline& path, float r, int ring_points = 10);

// Ellipsoid with centre c and three (orthogonal) semi-axis vectors.
Mesh ellipsoid(glm::vec3 c, glm::vec3 ax, glm::vec3 ay, glm::vec3 az, int rings = 12, int segments = 16);

// A closed slab from a grid of points (nu rows along u, nv columns along v) on its two faces.
// `outer[i][j]` and `inner[i][j]` must not cross. Fibres per grid point.
Mesh slab(const std::vector<Polyline>& outer, const std::vector<Polyline>& inner,
          const std::vector<std::vector<glm::vec3>>& fibres);

}  // namespace dorsal::modelgen
