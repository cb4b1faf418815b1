#include <catch2/catch.hpp>

#include <cmath>

#include "core/atlas.h"
#include "core/model_loader.h"
#include "core/shapes.h"
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

namespace {

// The nearest hit of every triangle of `part`, one by one: what the tree must agree with.
std::optional<float> everyTriangle(const Part& part, const Ray& ray) {
    std::optional<float> best;
    for (std::size_t i = 0; i + 2 < part.indices.size(); i += 3) {
        const std::optional<float> t = intersectTriangle(ray, part.positions[part.indices[i]],
                                                         part.positions[part.indices[i + 1]],
                                                         part.positions[part.indices[i + 2]]);
        if (t && (!best || *t < *best)) best = t;
    }
    return best;
}

}  // namespace

TEST_CASE("the triangle tree finds the same nearest hit as testing every triangle", "[picking]") {
    Part sphere = makeSphere(0.3f, 40, 60);
    sphere.tree.build(sphere.positions, sphere.indices);
    // Rays from a ring of eyes around the sphere towards points scattered about its middle.
    int hits = 0;
    for (int i = 0; i < 200; ++i) {
        const float angle = 0.1f * static_cast<float>(i);
        const glm::vec3 eye(2.0f * std::cos(angle), 0.01f * static_cast<float>(i % 37) - 0.2f, 2.0f * std::sin(angle));
        const glm::vec3 aim(0.35f * std::sin(1.7f * angle), 0.35f * std::cos(2.3f * angle), 0.0f);
        const Ray ray{eye, glm::normalize(aim - eye)};
        const std::optional<float> expected = everyTriangle(sphere, ray);
        const std::optional<float> found = sphere.tree.nearestHit(ray, sphere.positions, sphere.indices, 1e9f);
        REQUIRE(found.has_value() == expected.has_value());
        if (expected) {
            CHECK(*found == Approx(*expected));
            ++hits;
        }
    }
    CHECK(hits > 50);   // the test means something: many rays hit ...
    CHECK(hits < 200);  // ... and some miss
}

TEST_CASE("a part's triangle tree is built the first time it is picked, not before", "[picking]") {
    Model model;
    model.nodes.push_back(Node{"muscle.sphere", -1, {}, {0}});
    model.parts.push_back(makeSphere(0.3f, 20, 30));
    model.parts[0].node = 0;
    model.bounds = model.parts[0].bounds;
    CHECK(model.parts[0].tree.empty());
    const Ray ray{{0.0f, 0.0f, 2.0f}, {0.0f, 0.0f, -1.0f}};
    const std::optional<PickHit> hit = pickNearest(model, ray);
    REQUIRE(hit.has_value());
    CHECK(hit->distance == Approx(1.7f).margin(0.01f));
    CHECK_FALSE(model.parts[0].tree.empty());
    // A ray that misses the part's box builds nothing.
    Model other = model;
    other.parts[0].tree = TriangleTree();
    CHECK_FALSE(pickNearest(other, Ray{{5.0f, 5.0f, 2.0f}, {0.0f, 0.0f, -1.0f}}).has_value());
    CHECK(other.parts[0].tree.empty());
}

TEST_CASE("picking the built-in model finds the muscle a person clicks", "[picking][model]") {
    const Model model = loadModel(test::builtInModelFile());
    const auto notSkin = [](const Part& part) { return part.material != MaterialKind::Skin; };
    const auto nameOfHit = [&](const Ray& ray) {
        const std::optional<PickHit> hit = pickNearest(model, ray, notSkin);
        return hit ? model.nodes[static_cast<std::size_t>(hit->node)].name : std::string("nothing");
    };
    // Aimed from behind at the middle of each muscle's box, at its height and across from it.
    const auto fromBehindAt = [&](const std::string& node) {
        const glm::vec3 centre = model.subtreeBounds(model.findNode(node)).centre();
        return Ray{{centre.x, centre.y, model.bounds.min.z - 1.0f}, {0.0f, 0.0f, 1.0f}};
    };
    const auto fromTheFrontAt = [&](const std::string& node) {
        const glm::vec3 centre = model.subtreeBounds(model.findNode(node)).centre();
        return Ray{{centre.x, centre.y, model.bounds.max.z + 1.0f}, {0.0f, 0.0f, -1.0f}};
    };
    // The glTF model faces +Z: the back is towards -Z.
    CHECK(nameOfHit(fromBehindAt("muscle.gluteus_maximus.L")) == "muscle.gluteus_maximus.L");
    CHECK(nameOfHit(fromBehindAt("muscle.latissimus_dorsi.R")) == "muscle.latissimus_dorsi.R");
    CHECK(nameOfHit(fromTheFrontAt("muscle.rectus_abdominis.L")) == "muscle.rectus_abdominis.L");
    // The psoas lies deep: from the front the abdominal wall is hit first; with the wall seen
    // through (as x-ray does) the psoas itself.
    const Ray atPsoas = fromTheFrontAt("muscle.psoas_major.R");
    CHECK(nameOfHit(atPsoas) != "muscle.psoas_major.R");
    ViewState view;
    Highlight highlight;
    highlight.selected = {model.findNode("muscle.psoas_major.R")};
    view.xray = true;
    const std::vector<NodeLook> looks = lookOfNodes(model, strataOfNodes(model, Content{}), view, highlight);
    const std::optional<PickHit> throughWall = pickNearest(model, atPsoas, [&](const Part& part) {
        const NodeLook& look = looks[static_cast<std::size_t>(part.node)];
        return look.visible && !look.ghost;
    });
    REQUIRE(throughWall.has_value());
    CHECK(model.nodes[static_cast<std::size_t>(throughWall->node)].name == "muscle.psoas_major.R");
}
