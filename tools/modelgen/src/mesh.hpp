// Triangle meshes: the geometry every bone, muscle and the skin is made of.
#pragma once

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <cstdint>
#include <vector>

namespace dorsal::modelgen {

// An indexed triangle mesh. `fibres` holds one unit direction per vertex (the muscle fibre
// direction; any unit vector for bone and skin). Triangles wind counter-clockwise seen from outside.
struct Mesh {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec3> fibres;
    // Per vertex: distance across the fibres in metres, along the surface from a seam; the renderer
    // draws fibre stripes from it. Empty when the mesh has none; append() fills 0 for meshes without.
    std::vector<float> stripes;
    std::vector<std::uint32_t> indices;

    std::size_t vertex_count() const { return positions.size(); }
    std::size_t triangle_count() const { return indices.size() / 3; }
    bool empty() const { return indices.empty(); }

    // Appends another mesh (its indices are shifted).
    void append(const Mesh& other);
    // Recomputes smooth, area-weighted vertex normals from the triangles.
    void compute_normals();
    // Makes every fibre direction unit length and perpendicular-safe (falls back to +Y when zero).
    void normalise_fibres();
    // Reverses the winding of all triangles.
    void flip_winding();
    // Signed volume (positive when the triangles face outward on a closed mesh).
    double signed_volume() const;
    // Axis-aligned bounds.
    void bounds(glm::vec3& lo, glm::vec3& hi) const;
};

// The mirror image across the plane x = 0 (the subject's left becomes right): positions, normals
// and fibres get x negated and the winding is flipped so the result still faces outward.
Mesh mirrored_x(const Mesh& m);

// Edges (vertex pairs after welding equal positions) that are not shared by exactly two triangles,
// with consistent opposite orientation. Zero for a closed, consistently oriented mesh.
std::size_t count_open_or_bad_edges(const Mesh& m);

// Rounds positions, normals and fibres to fixed binary grids so that the written bytes do not
// depend on the last bits of floating-point arithmetic.
void quantise(Mesh& m);

// Generalised winding number of point p with respect to a closed mesh (about 1 inside, 0 outside).
double winding_number(const Mesh& m, const glm::vec3& p);

}  // namespace dorsal::modelgen
