#pragma once
// A bounding-volume hierarchy over one mesh's triangles, so that a ray finds its nearest triangle
// in a few dozen tests instead of one per triangle: picking and hovering stay instant on models
// of millions of triangles.

#include <cstdint>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

namespace dorsal {

struct Ray;

// The point of the triangle (a, b, c) nearest to p; degenerate triangles are allowed.
glm::vec3 nearestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);

class TriangleTree {
public:
    // Builds the tree over the triangles `indices` (three per triangle) into `positions`.
    // Indices must be valid; an empty list gives an empty tree.
    void build(const std::vector<glm::vec3>& positions, const std::vector<std::uint32_t>& indices);
    bool empty() const { return nodes_.empty(); }

    // The distance along `ray` to the nearest triangle (either side counts) closer than
    // `maxDistance`, or nullopt. `positions` and `indices` must be those the tree was built over.
    // `triangle`, when given, receives the number of the triangle hit.
    std::optional<float> nearestHit(const Ray& ray, const std::vector<glm::vec3>& positions,
                                    const std::vector<std::uint32_t>& indices, float maxDistance,
                                    std::uint32_t* triangle = nullptr) const;

    // The point of the triangles nearest to `point`, or nullopt for an empty tree. `positions` and
    // `indices` must be those the tree was built over.
    std::optional<glm::vec3> nearestPoint(const glm::vec3& point, const std::vector<glm::vec3>& positions,
                                          const std::vector<std::uint32_t>& indices) const;

private:
    struct Node {
        glm::vec3 min;
        glm::vec3 max;
        std::uint32_t first = 0;  // a leaf: its first triangle in triangles_; an inner node: its right
                                  // child, with the left one just before it
        std::uint32_t count = 0;  // triangles in a leaf; 0 for an inner node
    };
    std::vector<Node> nodes_;
    std::vector<std::uint32_t> triangles_;  // triangle numbers, grouped by leaf
};

}  // namespace dorsal
