#pragma once
// Ray casting against the model's parts, for clicks and hovering in the 3D view.

#include <functional>
#include <optional>

#include "core/camera.h"
#include "core/model.h"

namespace dorsal {

struct PickHit {
    int part = -1;
    int node = -1;
    float distance = 0.0f;  // along the ray, in model units
    glm::vec3 point{0.0f};
};

// Which parts a ray may hit; parts rejected by it are seen through (skin, hidden parts).
using PartFilter = std::function<bool(const Part&)>;

// The nearest triangle of an accepted part along `ray` (both sides of a triangle count), or nullopt.
// Searches each part's triangle tree, which loadModel builds; a part built by other means needs
// `part.tree.build(part.positions, part.indices)` first, or it is never hit.
std::optional<PickHit> pickNearest(const Model& model, const Ray& ray, const PartFilter& accept = {});

// Möller-Trumbore: the distance along the ray to triangle (a, b, c), or nullopt when it misses.
std::optional<float> intersectTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);
// The entry distance of the ray into `box` (0 when it starts inside), or nullopt when it misses.
std::optional<float> intersectBox(const Ray& ray, const Bounds& box);

}  // namespace dorsal
