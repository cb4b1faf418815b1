#include <catch2/catch.hpp>

#include "core/atlas.h"
#include "core/camera.h"
#include "core/content.h"
#include "core/model_loader.h"
#include "core/view_state.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Detail::Approx;

namespace {

// root -> skin, bone.spine, muscle.a.L, muscle.a.R, muscle.deep.L
Model smallModel() {
    Model model;
    model.nodes.push_back(Node{"root", -1, {1, 2, 3, 4, 5}, {}});
    for (const char* name : {"skin", "bone.spine", "muscle.a.L", "muscle.a.R", "muscle.deep.L"}) {
        model.nodes.push_back(Node{name, 0, {}, {}});
    }
    return model;
}

const std::vector<Stratum> kStrata{Stratum::Other, Stratum::Skin, Stratum::Bone, Stratum::Superficial,
                                   Stratum::Superficial, Stratum::Deep};

std::vector<bool> visible(const std::vector<NodeLook>& looks) {
    std::vector<bool> shown;
    for (const NodeLook& look : looks) shown.push_back(look.visible);
    return shown;
}

}  // namespace

TEST_CASE("everything shows until the user hides, isolates, peels or picks a side", "[view]") {
    const Model model = smallModel();
    ViewState view;
    const Highlight none;
    CHECK(visible(lookOfNodes(model, kStrata, view, none)) == std::vector<bool>{true, true, true, true, true, true});

    // Isolation shows only the highlight, and everything while nothing is highlighted.
    view.isolate = true;
    Highlight one;
    one.selected = {3};
    CHECK(visible(lookOfNodes(model, kStrata, view, one)) == std::vector<bool>{false, false, false, true, false, false});
    CHECK(visible(lookOfNodes(model, kStrata, view, none)) == std::vector<bool>(6, true));
    view.isolate = false;

    view.hidden = {4};
    CHECK(visible(lookOfNodes(model, kStrata, view, none)) == std::vector<bool>{true, true, true, true, false, true});
    view.hidden = {0};  // hiding a parent hides all below it
    CHECK(visible(lookOfNodes(model, kStrata, view, none)) == std::vector<bool>(6, false));
    view.hidden.clear();

    view.peel(2);  // skin and superficial muscles peeled
    CHECK(view.peelDepth() == 2);
    CHECK(visible(lookOfNodes(model, kStrata, view, none)) == std::vector<bool>{true, false, true, false, false, true});
    view.peel(4);  // bones only (and what has no stratum)
    CHECK(visible(lookOfNodes(model, kStrata, view, none)) == std::vector<bool>{true, false, true, false, false, false});

    view.showAll();
    view.side = SideShown::Left;
    CHECK(visible(lookOfNodes(model, kStrata, view, none)) == std::vector<bool>{true, true, true, true, false, true});
    view.side = SideShown::Right;
    CHECK(visible(lookOfNodes(model, kStrata, view, none)) == std::vector<bool>{true, true, true, false, true, false});
    view.showAll();
    CHECK(view.side == SideShown::Both);
    CHECK(view.peelDepth() == 0);
}

TEST_CASE("x-ray ghosts all but the highlight, or all but the bones when nothing is highlighted", "[view]") {
    const Model model = smallModel();
    ViewState view;
    view.xray = true;
    Highlight highlight;
    std::vector<NodeLook> looks = lookOfNodes(model, kStrata, view, highlight);
    CHECK(looks[1].ghost);         // skin
    CHECK_FALSE(looks[2].ghost);   // bone
    CHECK(looks[3].ghost);         // muscle
    highlight.selected = {3};
    looks = lookOfNodes(model, kStrata, view, highlight);
    CHECK(looks[2].ghost);
    CHECK_FALSE(looks[3].ghost);
    CHECK(looks[3].overGhosts);
    CHECK(looks[3].style == HighlightStyle::Selected);

    view.xray = false;
    view.others = OthersStyle::Dimmed;
    looks = lookOfNodes(model, kStrata, view, highlight);
    CHECK(looks[4].dimmed);
    CHECK_FALSE(looks[3].dimmed);
    CHECK_FALSE(looks[3].overGhosts);
}

TEST_CASE("strata come from node names and the layer of each muscle's entry", "[view][model]") {
    const Model model = loadModel(test::builtInModelFile());
    const Content content = loadContent(test::sourceDir() / "content");
    const std::vector<Stratum> strata = strataOfNodes(model, content);
    const auto of = [&](const char* node) { return strata[static_cast<std::size_t>(model.findNode(node))]; };
    CHECK(of("skin") == Stratum::Skin);
    CHECK(of("bone.sacrum") == Stratum::Bone);
    CHECK(of("muscle.trapezius_descending.L") == Stratum::Superficial);
    CHECK(of("muscle.latissimus_dorsi.R") == Stratum::Superficial);
    CHECK(of("muscle.psoas_major.L") == Stratum::Deep);
    CHECK(of("muscle.multifidus.R") == Stratum::Deep);
    CHECK(of("muscle.diaphragm") == Stratum::Deep);
}

TEST_CASE("labels stack in side columns without overlapping and stay inside the view", "[view][labels]") {
    const Viewport area{300, 0, 600, 400};
    std::vector<LabelRequest> labels;
    // Twelve labels, all wanting the same height on the left, three on the right.
    for (int i = 0; i < 12; ++i) labels.push_back({{500.0f + static_cast<float>(i), 390.0f}, {120.0f, 24.0f}});
    for (int i = 0; i < 3; ++i) labels.push_back({{700.0f, 100.0f + 10.0f * static_cast<float>(i)}, {90.0f, 24.0f}});
    const std::vector<glm::vec2> boxes = layoutLabels(labels, area, 6.0f);
    REQUIRE(boxes.size() == labels.size());
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        INFO("label " << i);
        CHECK(boxes[i].x >= 300.0f);
        CHECK(boxes[i].x + labels[i].size.x <= 900.0f);
        CHECK(boxes[i].y >= 0.0f);
        CHECK(boxes[i].y + labels[i].size.y <= 400.0f);
        CHECK((boxes[i].x < 600.0f) == (labels[i].anchor.x < 600.0f));  // the side nearer its anchor
        for (std::size_t j = 0; j < i; ++j) {
            const bool apart = boxes[i].x + labels[i].size.x <= boxes[j].x || boxes[j].x + labels[j].size.x <= boxes[i].x ||
                               boxes[i].y + labels[i].size.y <= boxes[j].y || boxes[j].y + labels[j].size.y <= boxes[i].y;
            CHECK(apart);
        }
    }
    // A lone label sits level with what it names.
    const std::vector<glm::vec2> lone = layoutLabels({{{400.0f, 200.0f}, {100.0f, 20.0f}}}, area, 6.0f);
    CHECK(lone[0].y == Approx(190.0f));
}

TEST_CASE("a camera move eases from one view to the other the short way round", "[camera]") {
    Bounds box;
    box.add({-0.5f, 0.0f, -0.2f});
    box.add({0.5f, 1.8f, 0.2f});
    OrbitCamera from;
    from.frame(box, 1.0f, ViewPreset::Posterior);
    OrbitCamera to;
    to.frame(box, 1.0f, ViewPreset::Left);
    const auto same = [](const glm::vec3& a, const glm::vec3& b) { return glm::distance(a, b) < 1e-4f; };
    CHECK(same(OrbitCamera::between(from, to, 0.0f).eye(), from.eye()));
    CHECK(same(OrbitCamera::between(from, to, 1.0f).eye(), to.eye()));
    CHECK(same(OrbitCamera::between(from, to, 2.0f).eye(), to.eye()));
    // Halfway from behind to the left side the eye is behind and on the left, not in front.
    const OrbitCamera middle = OrbitCamera::between(from, to, 0.5f);
    const glm::vec3 halfway = middle.eye() - middle.target();
    const glm::vec3 behind = from.eye() - from.target();
    const glm::vec3 left = to.eye() - to.target();
    CHECK(glm::dot(halfway, behind) > 0.0f);
    CHECK(glm::dot(halfway, left) > 0.0f);
}
