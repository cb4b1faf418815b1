#include <catch2/catch.hpp>

#include "core/atlas.h"
#include "test_paths.h"

using namespace dorsal;

namespace {

// A model with the node names of the built-in one and no geometry:
//   root
//   +-- muscles
//   |   +-- muscle.psoas_major.L, muscle.psoas_major.R, muscle.iliacus.L
//   +-- bone.sacrum
Model namedModel() {
    Model model;
    auto add = [&](const std::string& name, int parent) {
        model.nodes.push_back({name, parent, {}, {}});
        const int index = static_cast<int>(model.nodes.size()) - 1;
        if (parent >= 0) model.nodes[static_cast<std::size_t>(parent)].children.push_back(index);
        return index;
    };
    const int root = add("root", -1);
    const int muscles = add("muscles", root);
    add("muscle.psoas_major.L", muscles);
    add("muscle.psoas_major.R", muscles);
    add("muscle.iliacus.L", muscles);
    add("bone.sacrum", root);
    return model;
}

const Content& goodContent() {
    static const Content content = loadContent(test::dataDir() / "content_good");
    return content;
}

}  // namespace

TEST_CASE("an entry stands for its nodes on both sides; a group for its members'", "[atlas]") {
    const Model model = namedModel();
    CHECK(nodesOfEntry(model, goodContent(), "psoas_major") == std::vector<int>{2, 3});
    CHECK(nodesOfEntry(model, goodContent(), "iliopsoas") == std::vector<int>{4, 2, 3});  // members in file order
    CHECK(nodesOfEntry(model, goodContent(), "sacrum") == std::vector<int>{5});
    CHECK(nodesOfEntry(model, goodContent(), "low_back_pain").empty());
}

TEST_CASE("opening an entry chooses what lights up", "[atlas]") {
    const Model model = namedModel();
    const Highlight muscle = highlightForEntry(model, goodContent(), "psoas_major");
    CHECK(muscle.selected == std::vector<int>{2, 3});
    CHECK(muscle.primary.empty());
    // A pain pattern: primary psoas, secondary iliacus, nothing selected.
    const Highlight pain = highlightForEntry(model, goodContent(), "low_back_pain");
    CHECK(pain.selected.empty());
    CHECK(pain.primary == std::vector<int>{2, 3});
    CHECK(pain.secondary == std::vector<int>{4});
    CHECK(pain.styleOf(model, 2) == HighlightStyle::Primary);
    CHECK(pain.styleOf(model, 4) == HighlightStyle::Secondary);
    CHECK(pain.styleOf(model, 5) == HighlightStyle::None);
    // A stretch lights its target muscles.
    CHECK(highlightForEntry(model, goodContent(), "lunge_stretch").primary == std::vector<int>{2, 3, 4});
    CHECK(highlightForEntry(model, goodContent(), "nothing_by_this_id").empty());
}

TEST_CASE("selecting a parent node highlights everything below it", "[atlas]") {
    const Model model = namedModel();
    Highlight h;
    h.selected = {1};
    CHECK(h.styleOf(model, 3) == HighlightStyle::Selected);
    CHECK(h.styleOf(model, 5) == HighlightStyle::None);
}

TEST_CASE("nodes read with their content names and sides", "[atlas]") {
    const Model model = namedModel();
    CHECK(displayNameOfNode(model, goodContent(), 2) == "Psoas major (left)");
    CHECK(displayNameOfNode(model, goodContent(), 3) == "Psoas major (right)");
    CHECK(displayNameOfNode(model, goodContent(), 5) == "Sacrum");  // no entry: from the node name
    CHECK(entryOfNode(model, goodContent(), 2) == "psoas_major");
    CHECK(entryOfNode(model, goodContent(), 5).empty());
}
