// Surface distance: the measure the shape tool reports (generated structure against a real one).
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/surface_distance.h"
#include "core/triangle_tree.h"

using namespace dorsal;

namespace {

// A square of side `size` in the plane z = `z`, two triangles:
//   (0,s) 3---2 (s,s)
//         | / |
//   (0,0) 0---1 (s,0)
TriangleSurface square(float size, float z) {
    return {{{0, 0, z}, {size, 0, z}, {size, size, z}, {0, size, z}}, {0, 1, 2, 0, 2, 3}};
}

}  // namespace

TEST_CASE("the nearest point of a triangle is its vertex, edge or face point as p lies", "[surface_distance]") {
    const glm::vec3 a(0, 0, 0), b(1, 0, 0), c(0, 1, 0);
    CHECK(nearestPointOnTriangle({-1, -1, 0}, a, b, c) == a);                          // beyond a vertex
    CHECK(nearestPointOnTriangle({2, -0.5f, 0}, a, b, c) == b);
    CHECK(glm::distance(nearestPointOnTriangle({0.5f, -1, 0}, a, b, c), glm::vec3(0.5f, 0, 0)) < 1e-6f);  // beside an edge
    CHECK(glm::distance(nearestPointOnTriangle({1, 1, 0}, a, b, c), glm::vec3(0.5f, 0.5f, 0)) < 1e-6f);   // the long edge
    CHECK(glm::distance(nearestPointOnTriangle({0.2f, 0.3f, 5}, a, b, c), glm::vec3(0.2f, 0.3f, 0)) < 1e-6f);  // above the face
    // A triangle squashed to a segment still gives a point of that segment.
    const glm::vec3 q = nearestPointOnTriangle({0.5f, 1, 0}, a, b, glm::vec3(0.5f, 0, 0));
    CHECK(glm::distance(q, glm::vec3(0.5f, 0, 0)) < 1e-6f);
}

TEST_CASE("the tree finds the same nearest point as trying every triangle", "[surface_distance]") {
    // A strip of 200 thin triangles bent along a curve, and points around it.
    TriangleSurface strip;
    for (int i = 0; i <= 100; ++i) {
        const float t = static_cast<float>(i) * 0.05f;
        strip.positions.push_back({t, std::sin(t), 0});
        strip.positions.push_back({t, std::sin(t), 0.3f});
    }
    for (std::uint32_t i = 0; i < 100; ++i) {
        const std::uint32_t k = 2 * i;
        strip.indices.insert(strip.indices.end(), {k, k + 2, k + 1, k + 1, k + 2, k + 3});
    }
    TriangleTree tree;
    tree.build(strip.positions, strip.indices);
    for (int i = 0; i < 60; ++i) {
        const glm::vec3 p(static_cast<float>(i) * 0.09f - 0.3f, std::cos(static_cast<float>(i)) * 1.5f, static_cast<float>(i % 7) * 0.1f - 0.2f);
        float brute = 1e9f;
        for (std::size_t t = 0; t < strip.indices.size(); t += 3)
            brute = std::min(brute, glm::distance(p, nearestPointOnTriangle(p, strip.positions[strip.indices[t]], strip.positions[strip.indices[t + 1]],
                                                                            strip.positions[strip.indices[t + 2]])));
        const std::optional<glm::vec3> found = tree.nearestPoint(p, strip.positions, strip.indices);
        REQUIRE(found);
        CHECK(glm::distance(p, *found) == Approx(brute).margin(1e-5));
    }
    CHECK_FALSE(TriangleTree().nearestPoint({0, 0, 0}, {}, {}));
}

TEST_CASE("points are sampled on the surface, spread by area, the same each time", "[surface_distance]") {
    // Two triangles side by side: the left of area 0.5, the right (base 3, height 1) of area 1.5.
    const TriangleSurface s{{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {4, 0, 0}, {1, 1, 0}}, {0, 1, 2, 3, 4, 5}};
    const auto points = samplePointsOnSurface(s, 4000);
    REQUIRE(points.size() == 4000);
    const auto inRight = std::count_if(points.begin(), points.end(), [](const glm::vec3& p) { return p.x + p.y > 1.0f + 1e-6f || p.x > 1.0f; });
    CHECK(static_cast<double>(inRight) / 4000.0 == Approx(0.75).margin(0.01));  // 1.5 of the area 2
    for (const glm::vec3& p : points) CHECK(p.z == 0.0f);
    CHECK(samplePointsOnSurface(s, 4000) == points);
    CHECK(samplePointsOnSurface(s, 0).empty());
    CHECK(samplePointsOnSurface({{{0, 0, 0}, {1, 0, 0}, {2, 0, 0}}, {0, 1, 2}}, 10).empty());  // no area
}

TEST_CASE("surface distance: 0 for the same surface, the gap for parallel ones, the far edge in the tail", "[surface_distance]") {
    const TriangleSurface a = square(0.1f, 0.0f);
    const SurfaceDistance same = measureSurfaceDistance(a, a, 2000);
    CHECK(same.mean < 1e-6f);
    CHECK(same.percentile90 < 1e-6f);

    const SurfaceDistance apart = measureSurfaceDistance(a, square(0.1f, 0.01f), 2000);
    CHECK(apart.mean == Approx(0.01f).margin(1e-5));
    CHECK(apart.percentile90 == Approx(0.01f).margin(1e-5));

    // A square of twice the side: half its points lie beyond the small one, far from it, so the
    // direction from it is worse than the direction to it, and the tail longer than the mean.
    const SurfaceDistance larger = measureSurfaceDistance(a, square(0.2f, 0.0f), 4000);
    CHECK(larger.meanFirstToSecond < 1e-6f);
    CHECK(larger.meanSecondToFirst > 0.02f);
    CHECK(larger.mean == Approx(0.5f * larger.meanSecondToFirst));
    CHECK(larger.percentile90 > larger.mean);

    CHECK_THROWS_AS(measureSurfaceDistance(a, TriangleSurface{}, 100), std::invalid_argument);
}
