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
    glm::vec3 normal{0.0f, 0.0f, 1.0f};  // of the triangle hit, unit length, turned towards the ray's origin
};

// Which parts a ray may hit; parts rejected by it are seen through (skin, hidden parts).
using PartFilter = std::function<bool(const Part&)>;

// The nearest triangle of an accepted part along `ray` (both sides of a triangle count), or nullopt.
// Searches each part's triangle tree, built the first time the part is searched (triangleTreeOf).
std::optional<PickHit> pickNearest(const Model& model, const Ray& ray, const PartFilter& accept = {});

// The point of an accepted part's surface nearest to `point`, no farther than `maxDistance`, with
// its triangle's normal as the mesh winds it (outwards on a closed mesh); nullopt when none is that
// close. Looks at every triangle of the parts whose boxes come that close: for single requests
// (a pin given on the command line), not for every frame. `distance` is from `point`.
std::optional<PickHit> nearestSurfacePoint(const Model& model, const glm::vec3& point, float maxDistance,
                                           const PartFilter& accept = {});

// Möller-Trumbore: the distance along the ray to triangle (a, b, c), or nullopt when it misses.
std::optional<float> intersectTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);
// The entry distance of the ray into `box` (0 when it starts inside), or nullopt when it misses.
std::optional<float> intersectBox(const Ray& ray, const Bounds& box);

}  // namespace dorsal
