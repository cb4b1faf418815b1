#include "core/triangle_tree.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "core/camera.h"
#include "core/picking.h"

namespace dorsal {

namespace {

constexpr std::uint32_t kLeafSize = 16;

// The entry distance of a ray into a box, given the ray's inverse direction; nullopt on a miss.
std::optional<float> enterBox(const glm::vec3& origin, const glm::vec3& inverse, const glm::vec3& min,
                              const glm::vec3& max, float maxDistance) {
    const glm::vec3 t0 = (min - origin) * inverse;
    const glm::vec3 t1 = (max - origin) * inverse;
    const glm::vec3 low = glm::min(t0, t1);
    const glm::vec3 high = glm::max(t0, t1);
    const float enter = std::max({low.x, low.y, low.z, 0.0f});
    const float exit = std::min({high.x, high.y, high.z, maxDistance});
    if (enter > exit) return std::nullopt;
    return enter;
}

// Squared distance from p to the box [min, max] (0 inside).
float squaredDistanceToBox(const glm::vec3& p, const glm::vec3& min, const glm::vec3& max) {
    const glm::vec3 outside = glm::max(min - p, glm::max(glm::vec3(0.0f), p - max));
    return glm::dot(outside, outside);
}

}  // namespace

glm::vec3 nearestPointOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    // Which feature of the triangle is nearest (a vertex, an edge or the face), from the signs of
    // p's barycentric projections; each region is tested once.
    const glm::vec3 ab = b - a;
    const glm::vec3 ac = c - a;
    const glm::vec3 ap = p - a;
    const float d1 = glm::dot(ab, ap);
    const float d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp);
    const float d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) {
        const float denominator = d1 - d3;
        return denominator > 0.0f ? a + ab * (d1 / denominator) : a;
    }
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp);
    const float d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) {
        const float denominator = d2 - d6;
        return denominator > 0.0f ? a + ac * (d2 / denominator) : a;
    }
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f) {
        const float denominator = (d4 - d3) + (d5 - d6);
        return denominator > 0.0f ? b + (c - b) * ((d4 - d3) / denominator) : b;
    }
    const float sum = va + vb + vc;
    if (sum <= 0.0f) return a;  // a degenerate triangle that no test above caught
    return a + ab * (vb / sum) + ac * (vc / sum);
}

void TriangleTree::build(const std::vector<glm::vec3>& positions, const std::vector<std::uint32_t>& indices) {
    nodes_.clear();
    const std::size_t triangleCount = indices.size() / 3;
    triangles_.resize(triangleCount);
    std::iota(triangles_.begin(), triangles_.end(), std::uint32_t{0});
    if (triangleCount == 0) return;
    // Each triangle's box and centre, worked out once: the split loop then reads them in order.
    std::vector<glm::vec3> lows(triangleCount);
    std::vector<glm::vec3> highs(triangleCount);
    std::vector<glm::vec3> centres(triangleCount);
    for (std::size_t t = 0; t < triangleCount; ++t) {
        const glm::vec3& a = positions[indices[3 * t]];
        const glm::vec3& b = positions[indices[3 * t + 1]];
        const glm::vec3& c = positions[indices[3 * t + 2]];
        lows[t] = glm::min(a, glm::min(b, c));
        highs[t] = glm::max(a, glm::max(b, c));
        centres[t] = (lows[t] + highs[t]) * 0.5f;
    }
    nodes_.reserve(2 * triangleCount / kLeafSize + 1);

    // Depth first, splitting each node's triangles at the median of its longest extent.
    struct Pending {
        std::uint32_t node;
        std::uint32_t first;
        std::uint32_t count;
    };
    std::vector<Pending> stack{{0, 0, static_cast<std::uint32_t>(triangleCount)}};
    nodes_.push_back({});
    while (!stack.empty()) {
        const Pending job = stack.back();
        stack.pop_back();
        glm::vec3 min(std::numeric_limits<float>::max());
        glm::vec3 max(std::numeric_limits<float>::lowest());
        glm::vec3 centreMin = min;
        glm::vec3 centreMax = max;
        for (std::uint32_t i = job.first; i < job.first + job.count; ++i) {
            const std::uint32_t t = triangles_[i];
            min = glm::min(min, lows[t]);
            max = glm::max(max, highs[t]);
            centreMin = glm::min(centreMin, centres[t]);
            centreMax = glm::max(centreMax, centres[t]);
        }
        nodes_[job.node].min = min;
        nodes_[job.node].max = max;
        if (job.count <= kLeafSize) {
            nodes_[job.node].first = job.first;
            nodes_[job.node].count = job.count;
            continue;
        }
        const glm::vec3 extent = centreMax - centreMin;
        const int axis = extent.x > extent.y ? (extent.x > extent.z ? 0 : 2) : (extent.y > extent.z ? 1 : 2);
        const auto begin = triangles_.begin() + job.first;
        const auto middle = begin + job.count / 2;
        std::nth_element(begin, middle, begin + job.count,
                         [&](std::uint32_t a, std::uint32_t b) { return centres[a][axis] < centres[b][axis]; });
        const auto left = static_cast<std::uint32_t>(nodes_.size());
        nodes_.push_back({});
        const auto right = static_cast<std::uint32_t>(nodes_.size());
        nodes_.push_back({});
        nodes_[job.node].first = right;
        nodes_[job.node].count = 0;
        stack.push_back({right, job.first + job.count / 2, job.count - job.count / 2});
        stack.push_back({left, job.first, job.count / 2});
    }
}

std::optional<float> TriangleTree::nearestHit(const Ray& ray, const std::vector<glm::vec3>& positions,
                                              const std::vector<std::uint32_t>& indices, float maxDistance,
                                              std::uint32_t* triangle) const {
    if (nodes_.empty()) return std::nullopt;
    const glm::vec3 inverse = 1.0f / ray.direction;  // infinities are fine: the slab test handles them
    std::optional<float> best;
    float limit = maxDistance;
    std::vector<std::uint32_t> stack{0};
    while (!stack.empty()) {
        const Node& node = nodes_[stack.back()];
        stack.pop_back();
        if (!enterBox(ray.origin, inverse, node.min, node.max, limit)) continue;
        if (node.count > 0) {
            for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
                const std::uint32_t t = triangles_[i];
                const std::optional<float> hit = intersectTriangle(ray, positions[indices[3 * t]],
                                                                   positions[indices[3 * t + 1]],
                                                                   positions[indices[3 * t + 2]]);
                if (hit && *hit < limit) {
                    best = *hit;
                    limit = *hit;
                    if (triangle) *triangle = t;
                }
            }
            continue;
        }
        // The nearer child is searched first, so that farther boxes are often skipped.
        const std::uint32_t right = node.first;
        const std::uint32_t left = right - 1;  // the two children are made side by side
        const std::optional<float> toLeft =
            enterBox(ray.origin, inverse, nodes_[left].min, nodes_[left].max, limit);
        const std::optional<float> toRight =
            enterBox(ray.origin, inverse, nodes_[right].min, nodes_[right].max, limit);
        if (toLeft && toRight) {
            const bool leftFirst = *toLeft <= *toRight;
            stack.push_back(leftFirst ? right : left);
            stack.push_back(leftFirst ? left : right);
        } else if (toLeft) {
            stack.push_back(left);
        } else if (toRight) {
            stack.push_back(right);
        }
    }
    return best;
}

std::optional<glm::vec3> TriangleTree::nearestPoint(const glm::vec3& point, const std::vector<glm::vec3>& positions,
                                                    const std::vector<std::uint32_t>& indices) const {
    if (nodes_.empty()) return std::nullopt;
    glm::vec3 best(0.0f);
    float bestSquared = std::numeric_limits<float>::max();
    std::vector<std::uint32_t> stack{0};
    while (!stack.empty()) {
        const Node& node = nodes_[stack.back()];
        stack.pop_back();
        if (squaredDistanceToBox(point, node.min, node.max) >= bestSquared) continue;
        if (node.count > 0) {
            for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
                const std::uint32_t t = triangles_[i];
                const glm::vec3 q = nearestPointOnTriangle(point, positions[indices[3 * t]], positions[indices[3 * t + 1]],
                                                           positions[indices[3 * t + 2]]);
                const float squared = glm::dot(q - point, q - point);
                if (squared < bestSquared) {
                    bestSquared = squared;
                    best = q;
                }
            }
            continue;
        }
        // The nearer child last on the stack, so that it is searched first and prunes the other.
        const std::uint32_t right = node.first;
        const std::uint32_t left = right - 1;
        const bool leftNearer = squaredDistanceToBox(point, nodes_[left].min, nodes_[left].max) <=
                                squaredDistanceToBox(point, nodes_[right].min, nodes_[right].max);
        stack.push_back(leftNearer ? right : left);
        stack.push_back(leftNearer ? left : right);
    }
    return best;
}

}  // namespace dorsal
