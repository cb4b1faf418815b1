#include <catch2/catch.hpp>

#include "core/model_loader.h"
#include "core/picking.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Detail::Approx;

TEST_CASE("a ray hits a triangle inside it and misses one beside it", "[picking]") {
    //   c
    //   | \      triangle in the z = 0 plane; rays come from z = +1 looking down -z
    //   a---b
    const glm::vec3 a(0, 0, 0), b(1, 0, 0), c(0, 1, 0);
    const Ray through{{0.2f, 0.2f, 1.0f}, {0, 0, -1}};
    REQUIRE(intersectTriangle(through, a, b, c).has_value());
    CHECK(*intersectTriangle(through, a, b, c) == Approx(1.0f));
    const Ray beside{{0.8f, 0.8f, 1.0f}, {0, 0, -1}};
    CHECK_FALSE(intersectTriangle(beside, a, b, c).has_value());
    const Ray away{{0.2f, 0.2f, 1.0f}, {0, 0, 1}};
    CHECK_FALSE(intersectTriangle(away, a, b, c).has_value());
}

TEST_CASE("a ray enters a box at its near face", "[picking]") {
    Bounds box;
    box.add({-1, -1, -1});
    box.add({1, 1, 1});
    CHECK(*intersectBox({{0, 0, 5}, {0, 0, -1}}, box) == Approx(4.0f));
    CHECK(*intersectBox({{0, 0, 0}, {0, 0, -1}}, box) == Approx(0.0f));
    CHECK_FALSE(intersectBox({{3, 0, 5}, {0, 0, -1}}, box).has_value());
}

TEST_CASE("picking finds the nearest box and skips rejected parts", "[picking]") {
    const Model model = loadModel(test::dataDir() / "two_boxes.obj");
    // From the front (+z), straight at the left box (x = +0.3).
    const Ray atLeft{{0.3f, 1.0f, 3.0f}, {0, 0, -1}};
    const std::optional<PickHit> hit = pickNearest(model, atLeft);
    REQUIRE(hit.has_value());
    CHECK(model.nodes[static_cast<std::size_t>(hit->node)].name == "box_left");
    CHECK(hit->point.z == Approx(0.125f));
    // Between the boxes there is nothing.
    CHECK_FALSE(pickNearest(model, {{0.0f, 1.0f, 3.0f}, {0, 0, -1}}).has_value());
    // Along x through both boxes: the nearer one wins, unless it is filtered out.
    const Ray alongX{{2.0f, 0.9f, 0.0f}, {-1, 0, 0}};
    CHECK(model.nodes[static_cast<std::size_t>(pickNearest(model, alongX)->node)].name == "box_left");
    const int leftNode = model.findNode("box_left");
    const std::optional<PickHit> behind =
        pickNearest(model, alongX, [&](const Part& part) { return part.node != leftNode; });
    REQUIRE(behind.has_value());
    CHECK(model.nodes[static_cast<std::size_t>(behind->node)].name == "box_right");
}
