#include "core/picking.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/triangle_tree.h"

namespace dorsal {

namespace {

// The unit normal of triangle (a, b, c) by its winding; +Z for a degenerate one.
glm::vec3 triangleNormal(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 n = glm::cross(b - a, c - a);
    const float length = glm::length(n);
    return length > 0.0f ? n / length : glm::vec3(0.0f, 0.0f, 1.0f);
}

}  // namespace

std::optional<float> intersectTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    constexpr float kEpsilon = 1e-9f;
    const glm::vec3 edge1 = b - a;
    const glm::vec3 edge2 = c - a;
    const glm::vec3 p = glm::cross(ray.direction, edge2);
    const float det = glm::dot(edge1, p);
    if (std::fabs(det) < kEpsilon) return std::nullopt;  // parallel to the triangle
    const float inverseDet = 1.0f / det;
    const glm::vec3 s = ray.origin - a;
    const float u = glm::dot(s, p) * inverseDet;
    if (u < 0.0f || u > 1.0f) return std::nullopt;
    const glm::vec3 q = glm::cross(s, edge1);
    const float v = glm::dot(ray.direction, q) * inverseDet;
    if (v < 0.0f || u + v > 1.0f) return std::nullopt;
    const float t = glm::dot(edge2, q) * inverseDet;
    if (t < 0.0f) return std::nullopt;
    return t;
}

std::optional<float> intersectBox(const Ray& ray, const Bounds& box) {
    if (box.empty()) return std::nullopt;
    float tNear = 0.0f;
    float tFar = std::numeric_limits<float>::max();
    for (int axis = 0; axis < 3; ++axis) {
        const float origin = ray.origin[axis];
        const float direction = ray.direction[axis];
        if (std::fabs(direction) < 1e-12f) {
            if (origin < box.min[axis] || origin > box.max[axis]) return std::nullopt;
            continue;
        }
        float t0 = (box.min[axis] - origin) / direction;
        float t1 = (box.max[axis] - origin) / direction;
        if (t0 > t1) std::swap(t0, t1);
        tNear = std::max(tNear, t0);
        tFar = std::min(tFar, t1);
        if (tNear > tFar) return std::nullopt;
    }
    return tNear;
}

std::optional<PickHit> pickNearest(const Model& model, const Ray& ray, const PartFilter& accept) {
    std::optional<PickHit> best;
    for (std::size_t partIndex = 0; partIndex < model.parts.size(); ++partIndex) {
        const Part& part = model.parts[partIndex];
        if (accept && !accept(part)) continue;
        const std::optional<float> entry = intersectBox(ray, part.bounds);
        if (!entry || (best && *entry > best->distance)) continue;
        const float limit = best ? best->distance : std::numeric_limits<float>::max();
        std::uint32_t triangle = 0;
        const std::optional<float> t = triangleTreeOf(part).nearestHit(ray, part.positions, part.indices, limit, &triangle);
        if (!t) continue;
        const glm::vec3 a = part.positions[part.indices[3 * triangle]];
        const glm::vec3 b = part.positions[part.indices[3 * triangle + 1]];
        const glm::vec3 c = part.positions[part.indices[3 * triangle + 2]];
        glm::vec3 normal = triangleNormal(a, b, c);
        if (glm::dot(normal, ray.direction) > 0.0f) normal = -normal;
        best = PickHit{static_cast<int>(partIndex), part.node, *t, ray.origin + ray.direction * *t, normal};
    }
    return best;
}

std::optional<PickHit> nearestSurfacePoint(const Model& model, const glm::vec3& point, float maxDistance,
                                           const PartFilter& accept) {
    std::optional<PickHit> best;
    float limit = maxDistance;
    for (std::size_t partIndex = 0; partIndex < model.parts.size(); ++partIndex) {
        const Part& part = model.parts[partIndex];
        if (accept && !accept(part)) continue;
        const glm::vec3 nearestInBox = glm::clamp(point, part.bounds.min, part.bounds.max);
        if (part.bounds.empty() || glm::distance(nearestInBox, point) > limit) continue;
        for (std::size_t i = 0; i + 2 < part.indices.size(); i += 3) {
            const glm::vec3 a = part.positions[part.indices[i]];
            const glm::vec3 b = part.positions[part.indices[i + 1]];
            const glm::vec3 c = part.positions[part.indices[i + 2]];
            const glm::vec3 onTriangle = nearestPointOnTriangle(point, a, b, c);
            const float distance = glm::distance(onTriangle, point);
            if (distance > limit) continue;
            limit = distance;
            best = PickHit{static_cast<int>(partIndex), part.node, distance, onTriangle, triangleNormal(a, b, c)};
        }
    }
    return best;
}

}  // namespace dorsal
