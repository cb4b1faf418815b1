// The shipped content's places on the built-in model: every trigger point lies on its muscle, and
// every region paints a patch of the skin, so that the pain map shows them where they are.

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/content.h"
#include "core/model_loader.h"
#include "built_in.h"
#include "test_paths.h"

using namespace dorsal;

namespace {

// The point of triangle (a, b, c) nearest to p: inside the face, on an edge or at a corner,
// whichever region of the triangle's plane p projects into.
glm::vec3 nearestOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) return b;
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) return c;
    const float onC = d1 * d4 - d3 * d2;  // barycentric weights, scaled
    const float onB = d5 * d2 - d1 * d6;
    const float onA = d3 * d6 - d5 * d4;
    if (onC <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
    if (onB <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
    if (onA <= 0.0f && d4 - d3 >= 0.0f && d5 - d6 >= 0.0f) {
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    }
    const float sum = onA + onB + onC;
    return a + ab * (onB / sum) + ac * (onC / sum);
}

// The distance from p to the nearest triangle drawn for `node` (not its children).
float distanceToNode(const Model& model, int node, const glm::vec3& p) {
    float nearest = std::numeric_limits<float>::max();
    for (int index : model.nodes[static_cast<std::size_t>(node)].parts) {
        const Part& part = model.parts[static_cast<std::size_t>(index)];
        for (std::size_t i = 0; i + 2 < part.indices.size(); i += 3) {
            const glm::vec3 q = nearestOnTriangle(p, part.positions[part.indices[i]], part.positions[part.indices[i + 1]],
                                                  part.positions[part.indices[i + 2]]);
            nearest = std::min(nearest, glm::distance(p, q));
        }
    }
    return nearest;
}

// How many vertices of the parts drawn for `node` (of every part, for -1) lie inside `shape`.
std::size_t verticesInside(const Model& model, const Ellipsoid& shape, int node) {
    std::size_t count = 0;
    for (const Part& part : model.parts) {
        if (node >= 0 && part.node != node) continue;
        count += static_cast<std::size_t>(
            std::count_if(part.positions.begin(), part.positions.end(), [&](const glm::vec3& p) { return shape.contains(p); }));
    }
    return count;
}

}  // namespace

TEST_CASE("the nearest point of a triangle is found on its face, its edges and its corners", "[content][model]") {
    const glm::vec3 a(0.0f), b(1.0f, 0.0f, 0.0f), c(0.0f, 1.0f, 0.0f);
    CHECK(nearestOnTriangle({0.25f, 0.25f, 2.0f}, a, b, c) == glm::vec3(0.25f, 0.25f, 0.0f));  // over the face
    CHECK(nearestOnTriangle({0.5f, -1.0f, 0.0f}, a, b, c) == glm::vec3(0.5f, 0.0f, 0.0f));     // beyond edge ab
    CHECK(nearestOnTriangle({-1.0f, 0.5f, 0.0f}, a, b, c) == glm::vec3(0.0f, 0.5f, 0.0f));     // beyond edge ac
    CHECK(nearestOnTriangle({1.0f, 1.0f, 0.0f}, a, b, c) == glm::vec3(0.5f, 0.5f, 0.0f));      // beyond edge bc
    CHECK(nearestOnTriangle({-1.0f, -1.0f, 1.0f}, a, b, c) == a);
    CHECK(nearestOnTriangle({3.0f, -0.5f, 0.0f}, a, b, c) == b);
    CHECK(nearestOnTriangle({-0.5f, 3.0f, 0.0f}, a, b, c) == c);
}

TEST_CASE("every trigger point of the shipped content says where it lies, on its muscle of the built-in model",
          "[content][shipped][model]") {
    // A mark more than this far from its muscle would float beside it or sink into its neighbour;
    // the points were placed on the surface, rounded to millimetres.
    constexpr float kMaxDistance = 0.008f;
    const Model& model = test::builtInModel();
    const Content& content = test::shippedContent();
    std::size_t points = 0;
    for (const Muscle& muscle : content.muscles) {
        // `at` is given on the left muscle; a midline muscle (the diaphragm) has one node.
        int node = model.findNode("muscle." + muscle.id + ".L");
        if (node < 0) node = model.findNode("muscle." + muscle.id);
        INFO("muscle " << muscle.id);
        REQUIRE(node >= 0);
        for (std::size_t i = 0; i < muscle.triggerPoints.size(); ++i) {
            const TriggerPoint& point = muscle.triggerPoints[i];
            INFO(muscle.id << " trigger point " << i + 1 << " (" << point.location << ")");
            CHECK(point.at.has_value());
            if (!point.at) continue;
            const float distance = distanceToNode(model, node, *point.at);
            INFO("it lies " << distance * 1000.0f << " mm from " << model.nodes[static_cast<std::size_t>(node)].name);
            CHECK(distance <= kMaxDistance);
            ++points;
        }
    }
    CHECK(points >= 70);
}

TEST_CASE("every region of the shipped content paints a patch of the built-in model's skin, on each side",
          "[content][shipped][model]") {
    // With the skin's vertices about 8 mm apart, this is a patch some 3 cm across: a
    // shape that holds fewer grazes the body or floats inside or outside it.
    constexpr std::size_t kMinSkinVertices = 20;
    // The built-in model ends at the elbows and just below the knees: these shapes (numbered from
    // 1) lie where a whole-body model has its forearm, hand and ankle, and hold nothing of this one.
    const std::set<std::pair<std::string, int>> beyondTheModel = {
        {"forearm_hand", 2}, {"forearm_hand", 3}, {"lower_leg", 2}};
    const Model& model = test::builtInModel();
    const int skin = model.findNode("skin");
    REQUIRE(skin >= 0);
    const Content& content = test::shippedContent();
    REQUIRE_FALSE(content.regions.empty());
    for (const Region& region : content.regions) {
        for (std::size_t i = 0; i < region.shapes.size(); ++i) {
            const Ellipsoid& left = region.shapes[i];
            std::vector<std::pair<std::string, Ellipsoid>> sides = {{region.side == "both" ? "left" : "midline", left}};
            if (region.side == "both") {
                sides.push_back({"right", {glm::vec3(-left.centre.x, left.centre.y, left.centre.z), left.radii}});
            }
            const bool beyond = beyondTheModel.count({region.id, static_cast<int>(i) + 1}) > 0;
            for (const auto& [side, shape] : sides) {
                INFO("region " << region.id << " shape " << i + 1 << ", " << side << " side");
                if (beyond) {
                    CHECK(verticesInside(model, shape, -1) == 0);
                } else {
                    CHECK(verticesInside(model, shape, skin) >= kMinSkinVertices);
                }
            }
        }
    }
}
