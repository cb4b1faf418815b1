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

// The distance from p to the nearest triangle drawn for `node` (not its children).
float distanceToNode(const Model& model, int node, const glm::vec3& p) {
    float nearest = std::numeric_limits<float>::max();
    for (int index : model.nodes[static_cast<std::size_t>(node)].parts) {
        const Part& part = model.parts[static_cast<std::size_t>(index)];
        if (const std::optional<glm::vec3> q = triangleTreeOf(part).nearestPoint(p, part.positions, part.indices))
            nearest = std::min(nearest, glm::distance(p, *q));
    }
    return nearest;
}

// How many vertices of the parts drawn for `node` lie inside `shape`.
std::size_t verticesInside(const Model& model, const Ellipsoid& shape, int node) {
    std::size_t count = 0;
    for (const Part& part : model.parts) {
        if (part.node != node) continue;
        count += static_cast<std::size_t>(
            std::count_if(part.positions.begin(), part.positions.end(), [&](const glm::vec3& p) { return shape.contains(p); }));
    }
    return count;
}

}  // namespace

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
            for (const auto& [side, shape] : sides) {
                INFO("region " << region.id << " shape " << i + 1 << ", " << side << " side");
                CHECK(verticesInside(model, shape, skin) >= kMinSkinVertices);
            }
        }
    }
}
