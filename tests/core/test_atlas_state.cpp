// The rules of an atlas session (AtlasState), on the built-in model and content, without OpenGL.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>

#include "core/atlas.h"
#include "core/atlas_state.h"
#include "core/labels.h"
#include "core/model_loader.h"
#include "built_in.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;

namespace {

int node(const std::string& name) {
    const int index = test::builtInModel().findNode(name);
    REQUIRE(index >= 0);
    return index;
}

std::vector<int> sorted(std::vector<int> nodes) {
    std::sort(nodes.begin(), nodes.end());
    return nodes;
}

bool visible(const AtlasState& atlas, const std::string& name) {
    return atlas.looks()[static_cast<std::size_t>(node(name))].visible;
}

bool sameCamera(const OrbitCamera& a, const OrbitCamera& b) {
    return glm::distance(a.eye(), b.eye()) < 1e-5f && glm::distance(a.target(), b.target()) < 1e-5f;
}

}  // namespace

TEST_CASE("a click on a structure without an entry closes the entry on show", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    REQUIRE(atlas.open("psoas_major", Origin::LookUp));
    CHECK(atlas.openEntry() == "psoas_major");
    atlas.click(node("bone.vertebra_l3"), false);
    CHECK_FALSE(atlas.openEntry().has_value());
    CHECK(atlas.highlight().selected == std::vector<int>{node("bone.vertebra_l3")});
    // Back brings the psoas entry and both its sides back.
    atlas.back();
    CHECK(atlas.openEntry() == "psoas_major");
    CHECK(sorted(atlas.highlight().selected) ==
          sorted({node("muscle.psoas_major.L"), node("muscle.psoas_major.R")}));
}

TEST_CASE("back and forward restore exactly what was on show, one clicked side included", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.click(node("muscle.psoas_major.L"), false);
    CHECK(atlas.openEntry() == "psoas_major");
    CHECK(atlas.highlight().selected == std::vector<int>{node("muscle.psoas_major.L")});
    atlas.open("latissimus_dorsi", Origin::LookUp);
    atlas.back();
    CHECK(atlas.openEntry() == "psoas_major");
    CHECK(atlas.highlight().selected == std::vector<int>{node("muscle.psoas_major.L")});
    atlas.forward();
    CHECK(atlas.openEntry() == "latissimus_dorsi");
    CHECK(atlas.highlight().selected.size() == 2);
    CHECK_FALSE(atlas.canGoForward());
}

TEST_CASE("Esc clears what is on show but keeps the history, so Back brings it back", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.open("trapezius_descending", Origin::LookUp);
    atlas.open("psoas_major", Origin::LookUp);
    atlas.run(CommandId::ClearSelection);
    CHECK_FALSE(atlas.openEntry().has_value());
    CHECK(atlas.highlight().empty());
    REQUIRE(atlas.canGoBack());
    atlas.run(CommandId::Back);
    CHECK(atlas.openEntry() == "psoas_major");
    atlas.run(CommandId::Back);
    CHECK(atlas.openEntry() == "trapezius_descending");
    CHECK_FALSE(atlas.canGoBack());
}

TEST_CASE("isolation follows the highlight: another pain pattern's muscles show, not disappear", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.open("low_back_pain", Origin::LookUp);
    atlas.run(CommandId::Isolate);
    CHECK(atlas.view().isolate);
    CHECK(visible(atlas, "muscle.quadratus_lumborum.L"));
    CHECK_FALSE(visible(atlas, "muscle.biceps_femoris.L"));
    atlas.open("hamstring_tightness", Origin::LookUp);
    CHECK(atlas.view().isolate);  // the user set it: it stays
    CHECK(visible(atlas, "muscle.biceps_femoris.L"));
    CHECK(visible(atlas, "muscle.semitendinosus.R"));
    CHECK_FALSE(visible(atlas, "muscle.quadratus_lumborum.L"));
    // With nothing highlighted there is nothing to isolate: everything shows again.
    atlas.clear();
    CHECK_FALSE(atlas.view().isolate);
    CHECK(visible(atlas, "muscle.quadratus_lumborum.L"));
}

TEST_CASE("a look-up turns to the view its muscles are best seen from, and cuts away what covers them", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    // The psoas lies deep in the belly: it is shown from the front, the abdominal wall see-through.
    atlas.open("psoas_major", Origin::LookUp);
    const glm::vec3 towardsEye = atlas.camera().eye() - atlas.camera().target();
    CHECK(towardsEye.z > 0.0f);  // in front (the model faces +Z)
    const std::vector<int>& cut = atlas.seeThrough();
    CHECK(std::find(cut.begin(), cut.end(), node("muscle.rectus_abdominis.L")) != cut.end());
    const std::vector<NodeLook> looks = atlas.looks();
    CHECK_FALSE(looks[static_cast<std::size_t>(node("muscle.psoas_major.L"))].ghost);
    CHECK(looks[static_cast<std::size_t>(node("muscle.rectus_abdominis.L"))].ghost);
    // The latissimus dorsi is seen from behind; the psoas's see-through structures are solid again.
    atlas.open("latissimus_dorsi", Origin::LookUp);
    CHECK((atlas.camera().eye() - atlas.camera().target()).z < 0.0f);
    CHECK_FALSE(atlas.looks()[static_cast<std::size_t>(node("muscle.rectus_abdominis.L"))].ghost);
    CHECK_FALSE(atlas.looks()[static_cast<std::size_t>(node("muscle.latissimus_dorsi.L"))].ghost);
}

TEST_CASE("a pain pattern's first muscles are never hidden by later ones or by secondary ones", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.open("upper_back_pain", Origin::LookUp);  // rhomboids first, the trapezius over them later
    const std::vector<int>& cut = atlas.seeThrough();
    CHECK(std::find(cut.begin(), cut.end(), node("muscle.trapezius_transverse.L")) != cut.end());
    CHECK(std::find(cut.begin(), cut.end(), node("muscle.rhomboid_major.L")) == cut.end());
    atlas.open("piriformis_syndrome", Origin::LookUp);  // piriformis under the gluteus maximus (secondary)
    CHECK(std::find(atlas.seeThrough().begin(), atlas.seeThrough().end(), node("muscle.gluteus_maximus.R")) !=
          atlas.seeThrough().end());
}

TEST_CASE("x-ray and the cutaway are the user's to switch; show all turns x-ray off and the cutaway on", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.run(CommandId::ToggleXray);
    REQUIRE(atlas.view().xray);
    atlas.open("latissimus_dorsi", Origin::LookUp);
    CHECK(atlas.view().xray);
    atlas.run(CommandId::ToggleXray);
    atlas.run(CommandId::ToggleCutaway);
    atlas.open("psoas_major", Origin::LookUp);
    CHECK_FALSE(atlas.view().xray);
    CHECK(atlas.seeThrough().empty());  // the user turned the cutaway off: the psoas stays covered
    atlas.run(CommandId::ShowAll);
    CHECK(atlas.view().cutaway);
    CHECK_FALSE(atlas.seeThrough().empty());
}

TEST_CASE("the command line's --select is a look-up, like search in the window", "[state]") {
    AtlasState fromCommandLine = test::builtInAtlas();
    StartView start;
    start.select = "low_back_pain";
    REQUIRE(fromCommandLine.applyStart(start));
    AtlasState fromWindow = test::builtInAtlas();
    fromWindow.open("low_back_pain", Origin::LookUp);
    CHECK(fromCommandLine.highlight().primary == fromWindow.highlight().primary);
    CHECK(sameCamera(fromCommandLine.camera(), fromWindow.camera()));
    CHECK(fromCommandLine.seeThrough() == fromWindow.seeThrough());
    // --view chooses the side; the cutaway follows it.
    AtlasState fromBehind = test::builtInAtlas();
    start.select = "psoas_major";
    start.view = ViewPreset::Posterior;
    REQUIRE(fromBehind.applyStart(start));
    CHECK((fromBehind.camera().eye() - fromBehind.camera().target()).z < 0.0f);
    CHECK_FALSE(fromBehind.looks()[static_cast<std::size_t>(node("muscle.psoas_major.R"))].ghost);
    CHECK_FALSE(fromBehind.seeThrough().empty());
}

TEST_CASE("the start's --select and --hide take the names and nicknames search resolves, and ids and node names", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    REQUIRE(atlas.selectByName("lats"));
    CHECK(atlas.openEntry() == "latissimus_dorsi");
    REQUIRE(atlas.selectByName("QL"));
    CHECK(atlas.openEntry() == "quadratus_lumborum");
    REQUIRE(atlas.selectByName("traps"));  // shared by the group and its parts: the group
    CHECK(atlas.openEntry() == "trapezius");
    REQUIRE(atlas.selectByName("Upper trapezius"));
    CHECK(atlas.openEntry() == "trapezius_descending");
    REQUIRE(atlas.selectByName("muscle.psoas_major.L"));  // a node name still works
    CHECK(atlas.highlight().selected == std::vector<int>{node("muscle.psoas_major.L")});
    CHECK(atlas.messages().empty());
    REQUIRE(atlas.hideByName("lats"));
    CHECK_FALSE(visible(atlas, "muscle.latissimus_dorsi.L"));
    CHECK_FALSE(visible(atlas, "muscle.latissimus_dorsi.R"));
    // What search would only find is not a name: no guessing at start.
    CHECK_FALSE(atlas.selectByName("my lower back hurts"));
}

TEST_CASE("unknown names at start are one message each with suggestions; the valid rest applies", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    StartView start;
    start.select = "psoaz_major";
    start.hide = {"latissimus_dorsi", "trapezoid"};
    CHECK_FALSE(atlas.applyStart(start));
    REQUIRE(atlas.messages().size() == 2);
    CHECK(atlas.messages()[0].text.find("\"trapezoid\"") != std::string::npos);
    CHECK(atlas.messages()[1].text == "no entry or structure named \"psoaz_major\"; did you mean psoas_major?");
    CHECK_FALSE(visible(atlas, "muscle.latissimus_dorsi.L"));
}

TEST_CASE("a look-up frames what it shows; a click leaves the camera where it is", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    const OrbitCamera whole = atlas.camera();
    atlas.click(node("muscle.gluteus_maximus.L"), false);
    CHECK(sameCamera(atlas.camera(), whole));
    atlas.open("levator_scapulae", Origin::LookUp);
    CHECK_FALSE(sameCamera(atlas.camera(), whole));
    CHECK(atlas.camera().distance() < whole.distance());
    CHECK(atlas.camera().target().y > whole.target().y);  // the neck is above the middle of the body
    // F frames what is highlighted from where the camera looks now.
    atlas.run(CommandId::ViewLeft);
    atlas.run(CommandId::FrameHighlight);
    CHECK((atlas.camera().eye() - atlas.camera().target()).x > 0.0f);
}

TEST_CASE("Ctrl+click adds to the selection and takes out again, keeping the entry on show", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.open("low_back_pain", Origin::LookUp);
    const std::vector<int> primary = atlas.highlight().primary;
    atlas.click(node("muscle.gluteus_maximus.L"), true);
    CHECK(atlas.openEntry() == "low_back_pain");
    CHECK(atlas.highlight().primary == primary);
    CHECK(atlas.highlight().selected == std::vector<int>{node("muscle.gluteus_maximus.L")});
    atlas.click(node("muscle.gluteus_maximus.R"), true);
    CHECK(atlas.highlight().selected.size() == 2);
    atlas.click(node("muscle.gluteus_maximus.L"), true);
    atlas.click(node("muscle.gluteus_maximus.R"), true);
    CHECK(atlas.openEntry() == "low_back_pain");  // the pain pattern stays with its muscles
    CHECK(atlas.highlight().selected.empty());
    CHECK(atlas.highlight().primary == primary);
    // A muscle's entry is its selection: taking out both sides closes it.
    atlas.open("psoas_major", Origin::LookUp);
    atlas.click(node("muscle.psoas_major.L"), true);
    atlas.click(node("muscle.psoas_major.R"), true);
    CHECK_FALSE(atlas.openEntry().has_value());
    CHECK(atlas.highlight().empty());
}

TEST_CASE("hide takes the selection away and clears it; show all brings everything back", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.open("latissimus_dorsi", Origin::LookUp);
    atlas.run(CommandId::HideSelection);
    CHECK(atlas.highlight().empty());
    CHECK_FALSE(visible(atlas, "muscle.latissimus_dorsi.L"));
    CHECK_FALSE(visible(atlas, "muscle.latissimus_dorsi.R"));
    atlas.run(CommandId::PeelMore);
    atlas.run(CommandId::PeelMore);
    CHECK(atlas.view().peelDepth() == 2);
    atlas.run(CommandId::CycleSide);
    CHECK(atlas.view().side == SideShown::Left);
    atlas.run(CommandId::ShowAll);
    CHECK(visible(atlas, "muscle.latissimus_dorsi.L"));
    CHECK(atlas.view().peelDepth() == 0);
    CHECK(atlas.view().side == SideShown::Both);
}

TEST_CASE("a camera move glides over a third of a second when animated", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.setCameraAnimation(true);
    const OrbitCamera start = atlas.camera();
    atlas.run(CommandId::ViewLeft);
    CHECK(atlas.cameraMoving());
    CHECK(sameCamera(atlas.camera(), start));
    const OrbitCamera goal = atlas.cameraGoal();
    atlas.advanceTime(AtlasState::kCameraMoveSeconds / 2.0f);
    CHECK_FALSE(sameCamera(atlas.camera(), start));
    CHECK_FALSE(sameCamera(atlas.camera(), goal));
    atlas.advanceTime(AtlasState::kCameraMoveSeconds);
    CHECK_FALSE(atlas.cameraMoving());
    CHECK(sameCamera(atlas.camera(), goal));
    // Dragging stops a glide where it is.
    atlas.run(CommandId::ViewAnterior);
    atlas.orbit(10.0f, 0.0f);
    CHECK_FALSE(atlas.cameraMoving());
}

TEST_CASE("the camera is in motion while dragged, zoomed or gliding, and settles a moment after", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    // A view set at once (a picture, the command line) is never motion.
    atlas.run(CommandId::ViewLeft);
    CHECK_FALSE(atlas.cameraInMotion());
    CHECK_FALSE(atlas.animating());

    for (const auto& move : std::vector<std::function<void()>>{[&] { atlas.orbit(10.0f, 0.0f); },
                                                                [&] { atlas.pan(5.0f, 5.0f); },
                                                                [&] { atlas.zoomTowards({640.0f, 400.0f}, 1.0f); }}) {
        move();
        CHECK(atlas.cameraInMotion());
        CHECK(atlas.animating());  // so that the window goes on to draw the still frame
        atlas.advanceTime(AtlasState::kSettleSeconds / 2.0f);
        CHECK(atlas.cameraInMotion());
        move();  // another step of the same drag starts the wait again
        atlas.advanceTime(AtlasState::kSettleSeconds / 2.0f);
        CHECK(atlas.cameraInMotion());
        atlas.advanceTime(AtlasState::kSettleSeconds / 2.0f);
        CHECK_FALSE(atlas.cameraInMotion());
        CHECK_FALSE(atlas.animating());
    }

    atlas.setCameraAnimation(true);
    atlas.run(CommandId::ViewAnterior);
    CHECK(atlas.cameraInMotion());
    atlas.advanceTime(AtlasState::kCameraMoveSeconds);
    CHECK_FALSE(atlas.cameraInMotion());
}

TEST_CASE("a new model keeps the open entry, forgets clicked structures and resets the view", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.open("psoas_major", Origin::LookUp);
    // A structure with no entry of its own (the sacrum would open its glossary term).
    atlas.click(node("bone.vertebra_l3"), false);
    atlas.run(CommandId::ToggleDim);
    atlas.run(CommandId::Back);  // psoas again
    atlas.setModel(test::builtInModel());
    CHECK(atlas.openEntry() == "psoas_major");
    CHECK(atlas.highlight().selected.size() == 2);
    CHECK(atlas.view().others == OthersStyle::Normal);
    CHECK_FALSE(atlas.canGoForward());  // L3 was only a click: it is gone
}

TEST_CASE("the history drops what was ahead, and ignores showing the same thing twice", "[state]") {
    ShowingHistory history;
    CHECK(history.current().empty());
    CHECK_FALSE(history.back().has_value());
    const Showing a{"a", std::nullopt};
    const Showing b{"b", std::nullopt};
    const Showing c{"c", std::nullopt};
    history.push(a);
    history.push(b);
    history.push(b);
    history.push(c);
    CHECK(history.back() == b);
    CHECK(history.back() == a);
    CHECK_FALSE(history.canGoBack());
    CHECK(history.forward() == b);
    history.push(Showing{"d", std::nullopt});
    CHECK_FALSE(history.canGoForward());
    CHECK(history.back() == b);
    history.clear();
    CHECK(history.current().empty());
    CHECK(history.canGoForward());  // d is still ahead
    CHECK(history.back() == b);
}

TEST_CASE("keys reach the commands of the table, and letters reach a text box while typing", "[commands]") {
    CHECK(commandForKey({Key::X}, false) == CommandId::ToggleXray);
    CHECK(commandForKey({Key::Digit2}, false) == CommandId::ViewPosterior);
    CHECK(commandForKey({Key::Home}, false) == CommandId::ResetView);
    CHECK(commandForKey({Key::F, kCtrl}, false) == CommandId::Search);
    CHECK(commandForKey({Key::F, kCtrl}, true) == CommandId::Search);
    CHECK_FALSE(commandForKey({Key::X}, true).has_value());
    CHECK(commandForKey({Key::Left, kAlt}, true) == CommandId::Back);
    // Ctrl+S is not the side key: it saves the scene, also while a pin's note is being typed.
    CHECK(commandForKey({Key::S}, false) == CommandId::CycleSide);
    CHECK(commandForKey({Key::S, kCtrl}, false) == CommandId::SaveScene);
    CHECK(commandForKey({Key::S, kCtrl}, true) == CommandId::SaveScene);
    CHECK(commandForKey({Key::S, kCtrl | kShift}, false) == CommandId::SaveSceneAs);
    CHECK(commandForKey({Key::O, kCtrl}, false) == CommandId::OpenScene);
    CHECK(commandForKey({Key::N}, false) == CommandId::AddPin);
    CHECK_FALSE(commandForKey({Key::Delete}, true).has_value());  // Delete edits the text
    // Every command is listed once and every key is bound to one command.
    std::vector<KeyChord> seen;
    for (const CommandInfo& command : commandTable()) {
        CHECK(&commandInfo(command.id) == &command);
        CHECK_FALSE(command.label.empty());
        CHECK_FALSE(command.help.empty());
        for (const KeyChord& chord : command.keys) {
            INFO(keyName(chord));
            CHECK(std::find(seen.begin(), seen.end(), chord) == seen.end());
            seen.push_back(chord);
        }
    }
    CHECK(keysText(commandInfo(CommandId::ResetView)) == "R, Home");
    CHECK(keyName({Key::Left, kAlt}) == "Alt+Left");
}

TEST_CASE("the README's key table is the command table", "[commands][readme]") {
    std::ifstream in(test::sourceDir() / "README.md");
    const std::string readme{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const std::string begin = "<!-- key table: made by `dorsal keys --markdown` -->\n";
    const std::string end = "<!-- end of key table -->";
    const std::size_t from = readme.find(begin);
    const std::size_t to = readme.find(end);
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    INFO("paste the output of `dorsal keys --markdown` between the markers in README.md");
    CHECK(readme.substr(from + begin.size(), to - from - begin.size()) == keyTableMarkdown());
}

TEST_CASE("labels mark both sides of the main muscles, only where they are seen", "[state][labels]") {
    AtlasState atlas = test::builtInAtlas();
    const auto labelsNow = [&](std::size_t capacity) {
        return chooseLabels(*atlas.model(), atlas.content(), atlas.highlight(), atlas.looks(), atlas.camera(),
                            atlas.layout().scene, capacity, atlas.view().xray);
    };
    atlas.open("psoas_major", Origin::LookUp);
    std::vector<Label> labels = labelsNow(20);
    REQUIRE(labels.size() == 2);
    CHECK(labels[0].text == "Psoas major");
    CHECK(sorted({labels[0].node, labels[1].node}) == sorted({node("muscle.psoas_major.L"), node("muscle.psoas_major.R")}));
    const Viewport scene = atlas.layout().scene;
    for (const Label& label : labels) {
        CHECK(label.anchor.x >= static_cast<float>(scene.x));
        CHECK(label.anchor.x < static_cast<float>(scene.x + scene.width));
        CHECK(label.style == HighlightStyle::Selected);
    }
    // Seen from behind without the cutaway, the psoas is covered: no label points at it.
    atlas.run(CommandId::ToggleCutaway);
    atlas.run(CommandId::ViewPosterior);
    CHECK(labelsNow(20).empty());
    // A pain pattern: primary muscles first, each side; secondary ones once; never over capacity.
    atlas.run(CommandId::ToggleCutaway);
    atlas.open("piriformis_syndrome", Origin::LookUp);
    labels = labelsNow(20);
    REQUIRE(labels.size() >= 2);
    CHECK(labels[0].style == HighlightStyle::Primary);
    CHECK(labels[0].text == "Piriformis");
    bool secondarySeen = false;
    std::vector<std::string> secondaryNames;
    for (const Label& label : labels) {
        if (label.style == HighlightStyle::Secondary) {
            secondarySeen = true;
            CHECK(std::find(secondaryNames.begin(), secondaryNames.end(), label.text) == secondaryNames.end());
            secondaryNames.push_back(label.text);
        } else {
            CHECK_FALSE(secondarySeen);  // no primary after a secondary one
        }
    }
    CHECK(labelsNow(3).size() <= 3);
}

TEST_CASE("the window counts the same content problems as dorsal check", "[state][content]") {
    const Content content = loadContent(test::dataDir() / "content_good");
    AtlasState atlas(content);
    CHECK(atlas.messages().empty());  // clean on its own
    atlas.setModel(test::builtInModel());
    const std::vector<ContentProblem> expected = contentProblemsWithModel(content, muscleIdsOf(test::builtInModel()), "dorsal-back.glb");
    REQUIRE(atlas.problems().size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) CHECK(atlas.problems()[i].format() == expected[i].format());
    REQUIRE(atlas.messages().size() == 1);
    CHECK(atlas.messages()[0].text.rfind(std::to_string(expected.size()) + " problems in the content at ", 0) == 0);
    // A second model replaces the message rather than adding another.
    atlas.setModel(test::builtInModel());
    CHECK(atlas.messages().size() == 1);
}

TEST_CASE("a model from elsewhere may hold only some muscles: said once, not counted as content problems", "[state][content]") {
    AtlasState atlas(test::shippedContent());
    atlas.setModel(loadModel(test::dataDir() / "two_boxes.obj"));
    for (const ContentProblem& problem : atlas.problems()) CHECK(problem.format().find("is not in the model") == std::string::npos);
    const std::vector<Message>& messages = atlas.messages();
    CHECK(std::count_if(messages.begin(), messages.end(), [](const Message& message) {
              return message.text.find("two_boxes.obj shows ") == 0 &&
                     message.text.find(" of the atlas's 54 muscles") != std::string::npos;
          }) == 1);
    // The built-in model must hold them all, and holds them: no such word.
    atlas.setModel(test::builtInModel());
    CHECK(std::none_of(atlas.messages().begin(), atlas.messages().end(),
                       [](const Message& message) { return message.text.find(" of the atlas's ") != std::string::npos; }));
}

TEST_CASE("how much of the atlas a model shows is information; what failed stays an error", "[state][content]") {
    AtlasState atlas(test::shippedContent());
    atlas.setModel(loadModel(test::dataDir() / "two_boxes.obj"));
    REQUIRE(atlas.messages().size() == 1);
    CHECK_THAT(atlas.messages()[0].text, Contains(" of the atlas's 54 muscles"));
    CHECK(atlas.messages()[0].severity == MessageSeverity::Information);
    // A model that fails to load, as the window reports it, and an unknown name are errors.
    try {
        loadModel(test::dataDir() / "no_such_model.glb");
    } catch (const ModelLoadError& error) {
        atlas.addModelMessage(error.what());
    }
    StartView start;
    start.select = "psoaz_major";
    CHECK_FALSE(atlas.applyStart(start));
    REQUIRE(atlas.messages().size() == 3);
    CHECK_THAT(atlas.messages()[1].text, Contains("no_such_model.glb"));
    CHECK(atlas.messages()[1].severity == MessageSeverity::Error);
    CHECK_THAT(atlas.messages()[2].text, Contains("\"psoaz_major\""));
    CHECK(atlas.messages()[2].severity == MessageSeverity::Error);
    // The note, like the load error, lasts until the next model; dismissing it takes it away before.
    atlas.apply(request::DismissMessage{0});
    REQUIRE(atlas.messages().size() == 2);
    CHECK_THAT(atlas.messages()[0].text, Contains("no_such_model.glb"));
    atlas.setModel(test::builtInModel());
    REQUIRE(atlas.messages().size() == 1);
    CHECK(atlas.messages()[0].severity == MessageSeverity::Error);
}

TEST_CASE("the pain map paints where a pain is felt and where a muscle's trigger points send it", "[state][painmap]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.open("low_back_pain", Origin::LookUp);
    const Content& content = test::shippedContent();
    const PainPattern& pain = *content.pain("low_back_pain");
    // Each region felt in, on both sides for a pain felt on either side.
    std::size_t shapes = 0;
    for (const std::string& id : pain.feltIn) {
        const Region& region = *content.region(id);
        shapes += region.shapes.size() * (region.side == "both" ? 2 : 1);
    }
    CHECK(atlas.painMap().zones.size() == shapes);
    const Ellipsoid lowerBack = content.region("lower_back")->shapes.front();
    const auto has = [&](const glm::vec3& centre) {
        const std::vector<Ellipsoid>& zones = atlas.painMap().zones;
        return std::any_of(zones.begin(), zones.end(), [&](const Ellipsoid& z) { return z.centre == centre; });
    };
    CHECK(has(lowerBack.centre));
    CHECK(has(glm::vec3(-lowerBack.centre.x, lowerBack.centre.y, lowerBack.centre.z)));  // the mirror
    // A muscle: where its trigger points send pain. One clicked side maps that side only.
    atlas.open("trapezius_descending", Origin::LookUp);
    const std::vector<std::string>& referral = content.muscle("trapezius_descending")->triggerPoints.front().referralRegions;
    REQUIRE_FALSE(referral.empty());
    const Ellipsoid first = content.region(referral.front())->shapes.front();
    CHECK(has(first.centre));
    atlas.click(node("muscle.trapezius_descending.R"), false);
    if (content.region(referral.front())->side == "both") {
        CHECK(has(glm::vec3(-first.centre.x, first.centre.y, first.centre.z)));
        CHECK_FALSE(has(first.centre));
    }
    // Off with P; nothing for a bone or a stretch.
    atlas.run(CommandId::TogglePainMap);
    CHECK(atlas.painMap().empty());
    atlas.run(CommandId::TogglePainMap);
    atlas.click(node("bone.sacrum"), false);
    CHECK(atlas.painMap().empty());
}

TEST_CASE("where does it hurt: a place on the body names its region and what can cause pain there", "[state][where]") {
    const Content& content = test::shippedContent();
    const Ellipsoid lowerBack = content.region("lower_back")->shapes.front();
    // The centre of a shape of both sides lies in it on the left; its mirror on the right.
    CHECK(regionAt(content, lowerBack.centre) == RegionOnSide{"lower_back", "left"});
    const glm::vec3 mirror(-lowerBack.centre.x, lowerBack.centre.y, lowerBack.centre.z);
    CHECK(regionAt(content, mirror) == RegionOnSide{"lower_back", "right"});
    CHECK(regionOnSideName(content, {"lower_back", "right"}) == "Lower back (right side)");
    CHECK_FALSE(regionAt(content, glm::vec3(3.0f, 3.0f, 3.0f)).has_value());
    // The pain pattern mainly felt there first; muscles with the trigger points that refer there.
    const std::vector<WhereResult> results = whatHurtsIn(content, {"lower_back"});
    REQUIRE(results.size() > 3);
    CHECK(results.front().id == "low_back_pain");
    CHECK(results.front().kind == EntryKind::Pain);
    const auto quadratus = std::find_if(results.begin(), results.end(),
                                        [](const WhereResult& r) { return r.id == "quadratus_lumborum"; });
    REQUIRE(quadratus != results.end());
    CHECK(quadratus->why.find("trigger point") != std::string::npos);
    for (std::size_t i = 1; i < results.size(); ++i) CHECK(results[i - 1].score >= results[i].score);
    CHECK(whatHurtsIn(content, {"no_such_region"}).empty());
}

TEST_CASE("where does it hurt: a click on the back marks the region there, a drag adds, Ctrl keeps", "[state][where]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.run(CommandId::WhereItHurts);
    REQUIRE(atlas.whereMode());
    atlas.run(CommandId::ViewPosterior);
    const Viewport scene = atlas.layout().scene;
    const glm::vec2 size(static_cast<float>(scene.width), static_cast<float>(scene.height));
    const auto cursorAt = [&](const glm::vec3& p) {
        return glm::vec2(scene.x, scene.y) + glm::vec2(atlas.camera().project(p, size));
    };
    const Ellipsoid lowerBack = test::shippedContent().region("lower_back")->shapes.front();
    const std::optional<RegionOnSide> marked = atlas.markAt(cursorAt(lowerBack.centre), true, false);
    REQUIRE(marked.has_value());
    CHECK(*marked == RegionOnSide{"lower_back", "left"});
    CHECK(atlas.markedRegions().size() == 1);
    CHECK(atlas.whereResults().front().id == "low_back_pain");
    CHECK_FALSE(atlas.painMap().zones.empty());  // the marked region is painted
    // A drag's later points add; a new click starts again, unless with Ctrl.
    const glm::vec3 mirror(-lowerBack.centre.x, lowerBack.centre.y, lowerBack.centre.z);
    atlas.markAt(cursorAt(mirror), false, true);
    CHECK(atlas.markedRegions().size() == 2);
    atlas.markAt(cursorAt(mirror), true, false);
    CHECK(atlas.markedRegions() == std::vector<RegionOnSide>{{"lower_back", "right"}});
    atlas.markAt(cursorAt(lowerBack.centre), true, true);
    CHECK(atlas.markedRegions().size() == 2);
    // The keyboard route; leaving the mode forgets the marks.
    atlas.toggleRegion({"neck_back", "midline"});
    CHECK(atlas.markedRegions().size() == 3);
    atlas.run(CommandId::WhereItHurts);
    CHECK(atlas.markedRegions().empty());
    // From the command line: --where marks both sides.
    AtlasState started = test::builtInAtlas();
    StartView start;
    start.where = {"lower_back"};
    REQUIRE(started.applyStart(start));
    CHECK(started.whereMode());
    CHECK(started.markedRegions().size() == 2);
}

TEST_CASE("a click on empty space clears the selection but keeps the entry being read", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.click(node("muscle.psoas_major.L"), false);
    REQUIRE(atlas.openEntry() == "psoas_major");
    REQUIRE_FALSE(atlas.highlight().selected.empty());
    atlas.clickEmpty();
    CHECK(atlas.openEntry() == "psoas_major");
    CHECK(atlas.highlight().selected.empty());
    // Back brings the selection back; Esc still closes everything.
    atlas.back();
    CHECK(atlas.highlight().selected == std::vector<int>{node("muscle.psoas_major.L")});
    atlas.run(CommandId::ClearSelection);
    CHECK_FALSE(atlas.openEntry());
    // With no entry open it clears what was clicked.
    atlas.click(node("skin"), false);
    atlas.clickEmpty();
    CHECK(atlas.showing().empty());
}

TEST_CASE("an open entry leaves the 3D view as it is and a look-up frames into the open part", "[state][layout]") {
    AtlasState atlas = test::builtInAtlas();
    const OrbitCamera before = atlas.camera();
    const Viewport scene = atlas.layout().scene;
    atlas.click(node("muscle.latissimus_dorsi.L"), false);
    REQUIRE(atlas.openEntry());
    CHECK(sameCamera(atlas.camera(), before));
    CHECK(atlas.layout().scene.width == scene.width);
    // A look-up centres what it shows in the part of the view the entry panel leaves open.
    atlas.open("psoas_major", Origin::LookUp);
    const FrameLayout frame = atlas.layout();
    Bounds psoas;
    for (const char* name : {"muscle.psoas_major.L", "muscle.psoas_major.R"}) psoas.add(test::builtInModel().subtreeBounds(node(name)));
    const glm::vec3 onScreen = atlas.camera().project(psoas.centre(), glm::vec2(frame.scene.width, frame.scene.height));
    const float openCentre = static_cast<float>(frame.openArea.x - frame.scene.x) + 0.5f * frame.openArea.width;
    CHECK(onScreen.x == Approx(openCentre).margin(2.0f));
}

TEST_CASE("presentation fills the frame; Esc leaves it and restores the layout", "[state][present]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.open("psoas_major", Origin::LookUp);
    const FrameLayout normal = atlas.layout();
    atlas.run(CommandId::TogglePresentation);
    REQUIRE(atlas.presenting());
    CHECK(atlas.layout().presenting);
    CHECK(atlas.layout().scene.width == 1280);
    CHECK(atlas.layout().scene.height == 800);
    CHECK(atlas.layout().sidePanel.width == 0);
    CHECK(atlas.layout().entryPanel.width == 0);
    // The panels come in on demand, at once without animation.
    atlas.revealPanels(true, false);
    CHECK(atlas.layout().sidePanel.x == 0);
    CHECK(atlas.layout().entryPanel.width == 0);
    // Esc leaves presentation and keeps what is on show.
    atlas.run(CommandId::ClearSelection);
    CHECK_FALSE(atlas.presenting());
    CHECK(atlas.openEntry() == "psoas_major");
    CHECK(atlas.layout().scene.width == normal.scene.width);
    CHECK(atlas.layout().entryPanel.width == normal.entryPanel.width);
    CHECK(atlas.layout().menuBar.height == normal.menuBar.height);
}

TEST_CASE("presentation panels slide in over a fifth of a second when animated", "[state][present]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.setCameraAnimation(true);
    atlas.setPresenting(true);
    atlas.revealPanels(true, true);
    CHECK(atlas.animating());
    atlas.advanceTime(0.5f * AtlasState::kPanelSlideSeconds);
    CHECK(atlas.panelSlide().side == Approx(0.5f));
    atlas.advanceTime(AtlasState::kPanelSlideSeconds);
    CHECK(atlas.panelSlide().side == 1.0f);
    CHECK_FALSE(atlas.animating());
    atlas.revealPanels(false, false);
    atlas.advanceTime(0.25f * AtlasState::kPanelSlideSeconds);
    CHECK(atlas.panelSlide().side == Approx(0.75f));
}

TEST_CASE("the caption names what is shown", "[state][present]") {
    AtlasState atlas = test::builtInAtlas();
    CHECK(atlas.caption().empty());
    atlas.open("psoas_major", Origin::LookUp);
    CHECK(atlas.caption() == "Psoas major \u2014 where it sends pain");
    atlas.run(CommandId::TogglePainMap);
    CHECK(atlas.caption() == "Psoas major");
    atlas.run(CommandId::TogglePainMap);
    const PainPattern& pain = test::shippedContent().pains.front();
    atlas.open(pain.id, Origin::LookUp);
    CHECK(atlas.caption() == pain.name + " \u2014 the muscles that can cause it");
    atlas.run(CommandId::ClearSelection);
    atlas.click(node("skin"), false);
    CHECK(atlas.caption() == displayNameOfNode(test::builtInModel(), test::shippedContent(), node("skin")));
}

TEST_CASE("a model that loads takes away the errors of models that did not", "[state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.addMessage("a message about something else");
    atlas.addModelMessage("/x/broken.glb: not a model file");
    REQUIRE(atlas.messages().size() == 2);
    atlas.setModel(test::builtInModel());
    CHECK(atlas.messages() == std::vector<Message>{{"a message about something else", MessageSeverity::Error}});
}

TEST_CASE("a long label name is shortened at its parenthesis, never inside a word", "[labels]") {
    CHECK(labelNameForms("Trapezius, upper part (descending)") ==
          std::vector<std::string>{"Trapezius, upper part (descending)", "Trapezius, upper part"});
    CHECK(labelNameForms("Psoas major") == std::vector<std::string>{"Psoas major"});
    CHECK(labelNameForms("(odd)") == std::vector<std::string>{"(odd)"});
    CHECK(labelNameForms("A (b) c") == std::vector<std::string>{"A (b) c"});
}

TEST_CASE("entering and leaving presentation keeps what is in the middle of the view in the middle", "[state][present]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.open("psoas_major", Origin::LookUp);
    const auto middleOfOpenArea = [&] {
        const FrameLayout frame = atlas.layout();
        const glm::vec2 size(frame.scene.width, frame.scene.height);
        Bounds psoas;
        for (const char* name : {"muscle.psoas_major.L", "muscle.psoas_major.R"}) {
            psoas.add(test::builtInModel().subtreeBounds(node(name)));
        }
        const glm::vec3 p = atlas.camera().project(psoas.centre(), size);
        return glm::vec2(p.x, p.y) + glm::vec2(frame.scene.x, frame.scene.y) -
               (glm::vec2(frame.openArea.x, frame.openArea.y) + 0.5f * glm::vec2(frame.openArea.width, frame.openArea.height));
    };
    REQUIRE(glm::length(middleOfOpenArea()) < 60.0f);  // framed there by the look-up
    const glm::vec2 normal = middleOfOpenArea();
    atlas.setPresenting(true);
    CHECK(glm::length(middleOfOpenArea() - normal) < 40.0f);
    atlas.setPresenting(false);
    CHECK(glm::length(middleOfOpenArea() - normal) < 1.0f);
}

TEST_CASE("a picture without the panels centres what the window centres in its open part", "[state][picture]") {
    AtlasState atlas = test::builtInAtlas();
    REQUIRE(atlas.open("psoas_major", Origin::LookUp));
    // The entry panel covers the right of the view: a look-up shifts the lens to the left.
    const glm::vec2 windowShift = atlas.camera().lensShift();
    CHECK(windowShift.x < -0.01f);
    const glm::vec3 eye = atlas.camera().eye();

    atlas.setFrame(900, 700, false, 1.0f);
    atlas.centreInOpenArea();
    CHECK(atlas.camera().lensShift().x == Approx(0.0f).margin(1e-6f));
    CHECK(atlas.camera().lensShift().y == Approx(0.0f).margin(1e-6f));
    CHECK(glm::distance(atlas.camera().eye(), eye) < 1e-5f);  // the eye stays put

    atlas.setFrame(1280, 800, true, 1.0f);
    atlas.centreInOpenArea();
    CHECK(atlas.camera().lensShift().x == Approx(windowShift.x).margin(1e-6f));
    CHECK(atlas.camera().lensShift().y == Approx(windowShift.y).margin(1e-6f));
}

TEST_CASE("clicking a bone the glossary explains opens its explanation, the bone lit", "[state][glossary]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.click(node("bone.sacrum"), false);
    CHECK(atlas.openEntry() == "sacrum");
    CHECK(test::shippedContent().kindOf("sacrum") == EntryKind::Term);
    CHECK(atlas.highlight().selected == std::vector<int>{node("bone.sacrum")});
}
