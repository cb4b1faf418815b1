// Internal: the two ways muscles are shaped. Sheets (flat and fan-shaped muscles) are lofted
// through fibre curves, laid onto what is already built and thickened outward; spindles (long
// muscles) are swept along a path and narrowed where they would enter what is already built.
#pragma once

#include "builder.hpp"

#include <functional>
#include <vector>

namespace dorsal::modelgen {

struct SheetOptions {
    int nu = 28;  // samples along the fibres
    int nv = 18;  // samples across the fibres
    // Total thickness at (u along the fibres, v across them), metres.
    std::function<float(float u, float v)> thickness = [](float, float) { return 0.004f; };
    // Which way is out: the sheet lies on what is inside and grows towards this direction.
    std::function<glm::vec3(glm::vec3 p)> outward;
    bool drape = true;        // lay the deep face onto what is already built
    float gap = 0.0008f;      // clearance above it
    float reach_in = 0.012f;  // how far inwards the sheet may sink to meet the surface below
    float reach_out = 0.035f; // how far outwards it looks for things it must lie over
    std::uint8_t mask = kAny; // what counts as "below"
    int smooth = 24;          // smoothing passes of the lift field
    float min_thickness = 0.0009f;
    // The origin (u = 0) and insertion (u = 1) rows lie on bone, not on other muscles: their lift
    // only clears bone, and the sheet dives to them from the layer it lies on.
    bool pin_origin = true;
    bool pin_insertion = true;
    // Beyond this fraction of the fibre length the sheet is left where it was designed (free
    // tendons that twist, such as those of latissimus dorsi and pectoralis major).
    float drape_until = 1.0f;
    // Where the rows fall along the fibres: row fraction t -> arc-length fraction (denser where the
    // derivative is small).
    std::function<float(float)> u_warp;
    // Round the sheet's side edges (v = 0 and v = 1) to this fraction of the width; a negative
    // edge_round0 / edge_round1 means "use edge_round" (set one to ~0 where the sheet meets the next
    // part of the same muscle).
    float edge_round = 0.12f;
    float edge_round0 = -1.0f;
    float edge_round1 = -1.0f;
    // Taper the ends (u = 0, u = 1) over this fraction of the length.
    float end_taper = 0.08f;
    // Across the fibres, space the samples evenly by fibre (each given fibre stays one sample
    // column from origin to insertion, as sheet_parts needs) rather than by arc length.
    bool across_by_fibre = false;
};

// fibres[f] = control points of fibre f, from origin to insertion; all fibres have the same
// number of control points, and neighbouring fibres run side by side.
Mesh sheet(Builder& b, const std::vector<Polyline>& fibres, const SheetOptions& o);

// One sheet cut across its fibres into parts that meet edge to edge (one muscle's parts, draped
// together): cuts are sample columns, increasing, inside (0, nv - 1); part k spans the columns from
// cuts[k - 1] to cuts[k] (from 0, to nv - 1 at the ends), so neighbouring parts share a column.
std::vector<Mesh> sheet_parts(Builder& b, const std::vector<Polyline>& fibres, const SheetOptions& o, const std::vector<int>& cuts);

// The raw mid-surface of a sheet (no draping), for splitting one muscle into parts: rows along u.
std::vector<Polyline> sheet_surface(const std::vector<Polyline>& fibres, int nu, int nv,
                                   const std::function<float(float)>& u_warp = {}, bool across_by_fibre = false);

struct SpindleOptions {
    int nu = 40;
    int ring = 16;
    // Semi-axes of the section at u: x along the side direction, y across.
    std::function<glm::vec2(float u)> radii = [](float) { return glm::vec2(0.01f); };
    // Side direction (first semi-axis) at u and point p; it is made perpendicular to the path.
    std::function<glm::vec3(float u, glm::vec3 p)> side;
    bool deflate = true;      // narrow the section where it would enter what is already built
    std::uint8_t mask = kAny;
    float gap = 0.0008f;
    float min_radius = 0.0012f;
    float squareness = 2.0f;
};

Mesh spindle(Builder& b, const Polyline& control, const SpindleOptions& o);

// Radius profile helpers: a spindle belly between two tendons.
glm::vec2 belly(float u, glm::vec2 max, float tendon0, float tendon1, float peak = 0.5f);

// The outermost surface of what is built along the line through p in direction dir: walks in
// from p + dir * reach until it meets something; returns that point (or p if nothing is met).
glm::vec3 outer_surface(const Builder& b, glm::vec3 p, glm::vec3 dir, float reach, std::uint8_t mask = kAny);

// The point on the current surface of what is built: from p, move along dir until the cells are
// empty (outward) or until just before they are full (inward). Used to place attachment points.
glm::vec3 surface_along(const Builder& b, glm::vec3 p, glm::vec3 dir, float max_dist, std::uint8_t mask = kAny);

}  // namespace dorsal::modelgen
