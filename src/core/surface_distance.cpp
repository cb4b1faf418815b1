#include "core/surface_distance.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "core/triangle_tree.h"

namespace dorsal {

namespace {

glm::vec3 corner(const TriangleSurface& s, std::size_t triangle, int k) { return s.positions[s.indices[3 * triangle + k]]; }

// Distances from each point to the nearest point of `surface`.
std::vector<float> distancesTo(const std::vector<glm::vec3>& points, const TriangleSurface& surface) {
    TriangleTree tree;
    tree.build(surface.positions, surface.indices);
    std::vector<float> distances;
    distances.reserve(points.size());
    for (const glm::vec3& p : points) distances.push_back(glm::distance(p, *tree.nearestPoint(p, surface.positions, surface.indices)));
    return distances;
}

float meanOf(const std::vector<float>& values) {
    return static_cast<float>(std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size()));
}

}  // namespace

std::vector<glm::vec3> samplePointsOnSurface(const TriangleSurface& surface, std::size_t count) {
    const std::size_t triangles = surface.indices.size() / 3;
    std::vector<double> cumulativeArea(triangles);
    double total = 0.0;
    for (std::size_t t = 0; t < triangles; ++t) {
        const glm::vec3 a = corner(surface, t, 0);
        total += 0.5 * glm::length(glm::cross(corner(surface, t, 1) - a, corner(surface, t, 2) - a));
        cumulativeArea[t] = total;
    }
    std::vector<glm::vec3> points;
    if (count == 0 || !(total > 0.0)) return points;
    points.reserve(count);
    // Point i falls at area (i + 1/2) / count of the way through the triangles, so that points are
    // spread by area without randomness; inside its triangle, the additive recurrence of the
    // plastic number spreads the barycentric coordinates evenly.
    constexpr double kStepU = 0.7548776662466927;
    constexpr double kStepV = 0.5698402909980532;
    std::size_t t = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const double at = (static_cast<double>(i) + 0.5) / static_cast<double>(count) * total;
        while (t + 1 < triangles && cumulativeArea[t] < at) ++t;
        double u = std::fmod(0.5 + kStepU * static_cast<double>(i + 1), 1.0);
        double v = std::fmod(0.5 + kStepV * static_cast<double>(i + 1), 1.0);
        if (u + v > 1.0) {
            u = 1.0 - u;
            v = 1.0 - v;
        }
        const glm::vec3 a = corner(surface, t, 0);
        points.push_back(a + static_cast<float>(u) * (corner(surface, t, 1) - a) + static_cast<float>(v) * (corner(surface, t, 2) - a));
    }
    return points;
}

SurfaceDistance measureSurfaceDistance(const TriangleSurface& first, const TriangleSurface& second,
                                       std::size_t samplesPerSurface) {
    const std::vector<glm::vec3> onFirst = samplePointsOnSurface(first, samplesPerSurface);
    const std::vector<glm::vec3> onSecond = samplePointsOnSurface(second, samplesPerSurface);
    if (onFirst.empty() || onSecond.empty())
        throw std::invalid_argument("measureSurfaceDistance: each surface needs triangles with area, and samples");
    std::vector<float> forward = distancesTo(onFirst, second);
    std::vector<float> backward = distancesTo(onSecond, first);
    SurfaceDistance result;
    result.meanFirstToSecond = meanOf(forward);
    result.meanSecondToFirst = meanOf(backward);
    result.mean = 0.5f * (result.meanFirstToSecond + result.meanSecondToFirst);
    std::vector<float> pooled = std::move(forward);
    pooled.insert(pooled.end(), backward.begin(), backward.end());
    const auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(pooled.size()))) - 1;
    std::nth_element(pooled.begin(), pooled.begin() + static_cast<std::ptrdiff_t>(rank), pooled.end());
    result.percentile90 = pooled[rank];
    return result;
}

}  // namespace dorsal
