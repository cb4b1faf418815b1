// Scenes (.dorsal files), pins and recent files: the text round trip, hostile files, and scenes and
// pins in an atlas session on the built-in model.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <random>

#include "core/atlas_state.h"
#include "core/model_loader.h"
#include "core/scene.h"
#include "built_in.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;

namespace {

// A scene with every field away from its default.
Scene everyField(const std::filesystem::path& model) {
    Scene scene;
    scene.model = model;
    scene.camera = {glm::vec3(0.0123f, 1.1f, -0.25f), 2.9f, 0.31f, 1.75f};
    scene.entry = "low_back_pain";
    scene.selected = std::vector<std::string>{"muscle.quadratus_lumborum.L", "muscle.psoas_major.R"};
    scene.strataShown = {false, true, false, true, true};
    scene.side = SideShown::Left;
    scene.xray = true;
    scene.cutaway = false;
    scene.painMap = false;
    scene.dim = true;
    scene.labels = false;
    scene.isolate = true;
    scene.hidden = {"bone.vertebra_l3", "skin"};
    scene.whereMode = true;
    scene.marked = {{"lower_back", "left"}, {"sacrum", "midline"}};
    scene.pins = {Pin{"muscle.trapezius_descending.L", glm::vec3(0.1f, 1.45f, -0.08f), glm::vec3(0.0f, 0.6f, -0.8f),
                      "tender here, \"sharp\" \\ 6/10"},
                  Pin{"muscle.gluteus_maximus.R", glm::vec3(-0.09f, 0.95f, -0.12f), glm::vec3(0.0f, 0.0f, -1.0f), ""}};
    return scene;
}

std::filesystem::path writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

// Reading `file` fails with one line that names it.
std::string refusal(const std::filesystem::path& file) {
    try {
        readSceneFile(file);
    } catch (const SceneError& error) {
        const std::string message = error.what();
        CHECK_THAT(message, StartsWith(file.string() + ": "));
        CHECK(message.find('\n') == std::string::npos);
        return message;
    }
    FAIL("read " << file << " without an error");
    return {};
}

bool sameCamera(const OrbitCamera& a, const OrbitCamera& b) {
    return a.target() == b.target() && a.yaw() == b.yaw() && a.pitch() == b.pitch() && a.distance() == b.distance();
}

}  // namespace

TEST_CASE("a scene's text reads back as exactly the same scene, every field", "[scene]") {
    const std::filesystem::path dir = test::scratchDir("scene_round_trip");
    const std::filesystem::path file = dir / "client.dorsal";
    SECTION("a model beside the scene is written by its name") {
        const Scene scene = everyField(dir / "back.glb");
        const std::string text = sceneToToml(scene, file);
        CHECK_THAT(text, Contains("model = \"back.glb\""));
        CHECK(parseScene(text, file) == scene);
    }
    SECTION("a model elsewhere by its absolute path") {
        const Scene scene = everyField("/opt/models/back.glb");
        const std::string text = sceneToToml(scene, file);
        CHECK_THAT(text, Contains("model = \"/opt/models/back.glb\""));
        CHECK(parseScene(text, file) == scene);
    }
    SECTION("the built-in model as built-in, and the defaults") {
        const Scene scene;
        const std::string text = sceneToToml(scene, file);
        CHECK_THAT(text, Contains("model = \"built-in\""));
        CHECK_THAT(text, Contains("format = \"dorsal-scene\""));
        CHECK_THAT(text, Contains("version = 1"));
        CHECK(parseScene(text, file) == scene);
    }
    SECTION("a scene opened and saved again is the same scene (a pin's normal is not normalised twice)") {
        // Found by the saved-files fuzzer: a hand-edited normal that is not unit length.
        Scene scene = everyField(dir / "back.glb");
        std::string text = sceneToToml(scene, file);
        const std::string normal = "normal = [0.27573144, 0.43151498, -0.5889337]";
        text.replace(text.find("normal = "), text.find('\n', text.find("normal = ")) - text.find("normal = "), normal);
        const Scene opened = parseScene(text, file);
        CHECK(glm::length(opened.pins.front().normal) == Approx(1.0f).margin(1e-6f));
        CHECK(parseScene(sceneToToml(opened, file), file) == opened);
    }
    SECTION("through the file, written atomically") {
        const Scene scene = everyField(dir / "back.glb");
        writeSceneFile(file, scene);
        CHECK(readSceneFile(file) == scene);
        // Only the scene is left in the folder: no temporary file beside it.
        CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
    }
}

TEST_CASE("a broken, truncated or newer scene file is one line naming the file", "[scene][hostile]") {
    const std::filesystem::path dir = test::scratchDir("scene_hostile");
    const std::string good = sceneToToml(everyField(dir / "back.glb"), dir / "good.dorsal");

    CHECK_THAT(refusal(dir / "missing.dorsal"), Contains("no such file"));
    CHECK_THAT(refusal(writeFile(dir / "empty.dorsal", "")), Contains("empty"));
    CHECK_THAT(refusal(writeFile(dir / "truncated.dorsal", good.substr(0, good.size() / 2))),
               Contains("damaged") || Contains("missing") || Contains("must be"));
    // Cut short anywhere, at a line's end or in its middle, it is refused, never read in part.
    for (std::size_t end = 0; end + 1 < good.size(); ++end) {
        if (good[end] != '\n' && end % 7 != 0) continue;
        INFO("cut after byte " << end);
        CHECK_THROWS_AS(parseScene(good.substr(0, end + 1), dir / "cut.dorsal"), SceneError);
    }
    CHECK_THAT(refusal(writeFile(dir / "syntax.dorsal", "format = \"dorsal-scene\"\nversion = = 1\n")),
               Contains("line 2"));
    std::string binary(4096, '\0');
    std::mt19937 random(7);
    for (char& c : binary) c = static_cast<char>(random());
    CHECK_THAT(refusal(writeFile(dir / "binary.dorsal", binary)), Contains("binary") || Contains("not a scene"));
    CHECK_THAT(refusal(writeFile(dir / "huge.dorsal", good + std::string(kMaxSceneFileBytes, '#'))),
               Contains("larger than"));
    std::string deep = "format = \"dorsal-scene\"\nversion = 1\nx = ";
    deep += std::string(100000, '[') + std::string(100000, ']') + "\n";
    CHECK_THAT(refusal(writeFile(dir / "deep.dorsal", deep)), Contains("nested"));
    std::string nan = good;
    nan.replace(nan.find("yaw = ") + 6, nan.find('\n', nan.find("yaw = ")) - nan.find("yaw = ") - 6, "nan");
    CHECK_THAT(refusal(writeFile(dir / "nan.dorsal", nan)), Contains("\"yaw\" must be a finite number"));
    std::string newer = good;
    newer.replace(newer.find("version = 1"), 11, "version = 2");
    CHECK_THAT(refusal(writeFile(dir / "newer.dorsal", newer)),
               EndsWith("saved by a newer Dorsal (scene version 2; this one reads 1)"));
    std::string format = good;
    format.replace(format.find("dorsal-scene"), 12, "dorsal-views");
    CHECK_THAT(refusal(writeFile(dir / "format.dorsal", format)), Contains("not a Dorsal scene"));
    CHECK_THAT(refusal(writeFile(dir / "typo.dorsal", good + "\n[view2]\nxray = true\n")), Contains("unknown key \"view2\""));
    std::string longNote = good;
    longNote.replace(longNote.find("note = \"\""), 9, "note = \"" + std::string(200, 'a') + "\"");
    CHECK_THAT(refusal(writeFile(dir / "long_note.dorsal", longNote)), Contains("at most 120"));

    REQUIRE(::mkfifo((dir / "fifo.dorsal").c_str(), 0600) == 0);
    CHECK_THAT(refusal(dir / "fifo.dorsal"), Contains("not a regular file"));
    std::filesystem::create_directory(dir / "folder");
    std::filesystem::create_directory_symlink(dir / "folder", dir / "link.dorsal");
    CHECK_THAT(refusal(dir / "link.dorsal"), Contains("is a folder"));
}

TEST_CASE("a pin's note is short, one line, and free of control characters", "[scene][pins]") {
    CHECK(pinNoteProblem("tender here").empty());
    CHECK(pinNoteProblem("pain 6/10 — worse in the morning").empty());
    CHECK(pinNoteProblem(std::string(kMaxPinNoteBytes, 'a')).empty());
    CHECK_THAT(pinNoteProblem(std::string(kMaxPinNoteBytes + 1, 'a')), Contains("at most 120"));
    CHECK_THAT(pinNoteProblem("two\nlines"), Contains("line break"));
    CHECK_THAT(pinNoteProblem("bell\a"), Contains("U+0007"));
    CHECK_THAT(pinNoteProblem("evil\u202Etxt"), Contains("U+202E"));
}

TEST_CASE("an atlas shows a saved scene exactly: state, looks and camera", "[scene][state]") {
    AtlasState original = test::builtInAtlas();
    REQUIRE(original.open("low_back_pain", Origin::LookUp));
    original.click(test::builtInModel().findNode("muscle.quadratus_lumborum.L"), true);
    REQUIRE(original.hideByName("bone.vertebra_l3"));
    original.run(CommandId::ToggleXray);
    original.run(CommandId::ToggleDim);
    original.run(CommandId::CycleSide);
    original.setPeel(1);
    original.run(CommandId::WhereItHurts);
    original.toggleRegion({"lower_back", "left"});
    original.orbit(37.0f, -12.0f);
    REQUIRE(original.addPinNear(glm::vec3(0.05f, 1.0f, -0.1f), "tender here"));
    const Scene saved = original.scene();

    AtlasState reopened = test::builtInAtlas();
    REQUIRE(reopened.open("psoas_major", Origin::LookUp));
    REQUIRE(reopened.applyScene(saved, "test.dorsal"));
    CHECK(reopened.scene() == saved);
    CHECK(sameCamera(reopened.camera(), original.camera()));
    CHECK(reopened.highlight() == original.highlight());
    CHECK(reopened.view() == original.view());
    const std::vector<NodeLook> a = original.looks();
    const std::vector<NodeLook> b = reopened.looks();
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].visible == b[i].visible);
        CHECK(a[i].ghost == b[i].ghost);
        CHECK(a[i].style == b[i].style);
    }
    CHECK(reopened.painMap().zones.size() == original.painMap().zones.size());
    // Opening it was one step: Back returns to what was on show before.
    reopened.back();
    CHECK(reopened.openEntry() == "psoas_major");
}

TEST_CASE("a scene naming what the model lacks applies the rest, with one warning", "[scene][state]") {
    AtlasState atlas = test::builtInAtlas();
    Scene scene = atlas.scene();
    scene.entry = "latissimus_dorsi";
    scene.selected = std::vector<std::string>{"muscle.latissimus_dorsi.L", "muscle.no_such_muscle.L"};
    scene.hidden = {"bone.extra_rib"};
    scene.marked = {{"no_such_region", "left"}};
    scene.pins = {Pin{"muscle.gone.R", glm::vec3(0.0f, 1.0f, 0.0f), glm::vec3(0.0f, 0.0f, 1.0f), "lost"}};
    scene.xray = true;
    const std::size_t before = atlas.messages().size();
    REQUIRE(atlas.applyScene(scene, "other.dorsal"));
    CHECK(atlas.openEntry() == "latissimus_dorsi");
    CHECK(atlas.highlight().selected == std::vector<int>{test::builtInModel().findNode("muscle.latissimus_dorsi.L")});
    CHECK(atlas.view().xray);
    CHECK(atlas.pins().empty());
    CHECK(atlas.markedRegions().empty());
    REQUIRE(atlas.messages().size() == before + 1);
    const std::string& warning = atlas.messages().back().text;
    CHECK_THAT(warning, StartsWith("other.dorsal: "));
    CHECK_THAT(warning, Contains("muscle.no_such_muscle.L"));
    CHECK_THAT(warning, Contains("bone.extra_rib"));
    CHECK_THAT(warning, Contains("no_such_region"));
    CHECK_THAT(warning, Contains("muscle.gone.R"));
}

TEST_CASE("a scene needs a model, and changes nothing without one", "[scene][state]") {
    AtlasState atlas(test::shippedContent());
    REQUIRE(atlas.open("psoas_major", Origin::LookUp));
    Scene scene;
    scene.entry = "latissimus_dorsi";
    CHECK_FALSE(atlas.applyScene(scene, "x.dorsal"));
    CHECK(atlas.openEntry() == "psoas_major");
}

TEST_CASE("pins go on the surface under the cursor, move, take notes and go", "[pins][state]") {
    AtlasState atlas = test::builtInAtlas();
    atlas.viewFrom(ViewPreset::Posterior);
    const Viewport view = atlas.layout().scene;
    const glm::vec2 middle(view.x + view.width / 2, view.y + view.height * 0.45f);
    const int under = atlas.nodeAt(middle);
    REQUIRE(under >= 0);

    atlas.run(CommandId::AddPin);
    CHECK(atlas.pinMode());
    const std::optional<std::size_t> pin = atlas.addPinAt(middle, "tender here");
    REQUIRE(pin == 0u);
    CHECK_FALSE(atlas.pinMode());
    CHECK(atlas.selectedPin() == 0u);
    const Pin placed = atlas.pins()[0];  // a copy: moving the pin replaces it
    CHECK(placed.node == test::builtInModel().nodes[static_cast<std::size_t>(under)].name);
    CHECK(std::abs(glm::length(placed.normal) - 1.0f) < 1e-4f);
    CHECK(placed.normal.z < 0.0f);  // the back faces -Z, towards the eye
    // It shows where it was placed, and is found there.
    const std::optional<glm::vec2> pixel = atlas.pinPixel(0);
    REQUIRE(pixel);
    CHECK(glm::distance(*pixel, middle) < 1.0f);
    CHECK(atlas.pinSeen(0));
    CHECK(atlas.pinNear(middle + glm::vec2(3.0f, 0.0f), 6.0f) == 0u);
    CHECK_FALSE(atlas.pinNear(middle + glm::vec2(30.0f, 0.0f), 6.0f));
    // Seen from the front it is behind the body.
    atlas.viewFrom(ViewPreset::Anterior);
    CHECK_FALSE(atlas.pinSeen(0));
    atlas.viewFrom(ViewPreset::Posterior);

    // Dragged up the screen, up the back (below the middle of the whole body is the gap between the legs).
    CHECK(atlas.movePin(0, middle + glm::vec2(0.0f, -60.0f)));
    CHECK(atlas.pins()[0].point.y > placed.point.y);
    CHECK(atlas.pins()[0].note == "tender here");
    CHECK_FALSE(atlas.movePin(0, glm::vec2(view.x + 2, view.y + 2)));  // nothing there: it stays

    CHECK(atlas.setPinNote(0, "pain 6/10"));
    CHECK_FALSE(atlas.setPinNote(0, std::string(200, 'x')));
    CHECK(atlas.pins()[0].note == "pain 6/10");

    CHECK_FALSE(atlas.addPinAt(glm::vec2(view.x + 2, view.y + 2)));
    atlas.run(CommandId::RemovePin);
    CHECK(atlas.pins().empty());
    CHECK_FALSE(atlas.selectedPin());
}

TEST_CASE("a pin given as a point goes to the nearest surface within reach", "[pins][state]") {
    AtlasState atlas = test::builtInAtlas();
    REQUIRE(atlas.addPinNear(glm::vec3(0.05f, 1.0f, -0.1f), "sore"));
    const Pin& pin = atlas.pins().back();
    CHECK(glm::distance(pin.point, glm::vec3(0.05f, 1.0f, -0.1f)) <= kPinReach);
    CHECK(pin.node != "skin");
    CHECK_FALSE(atlas.addPinNear(glm::vec3(2.0f, 1.0f, 0.0f), "far away"));
    CHECK_THAT(atlas.messages().back().text, Contains("no structure of the model within 5 cm"));
}
