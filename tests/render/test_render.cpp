// Render tests: run the real dorsal binary offscreen (EGL, no display) and check the pixels.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/atlas_state.h"
#include "core/camera.h"
#include "core/content.h"
#include "core/image.h"
#include "core/model_loader.h"
#include "core/view_state.h"
#include "render/renderer.h"
#include "run_program.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

using test::RunResult;

// Runs dorsal with `args`; `environment` is a prefix such as "env -u DISPLAY".
RunResult runDorsal(const std::vector<std::string>& args, const std::string& name, const std::string& environment = "") {
    return test::runProgram(DORSAL_BINARY, args, test::scratchDir("run_" + name) / "output.txt", environment);
}

// Renders the two-box test scene (or `model`) and returns the picture.
Image render(const std::string& name, std::vector<std::string> extra, const std::filesystem::path& model) {
    const std::filesystem::path png = test::scratchDir("render_" + name) / (name + ".png");
    std::vector<std::string> args{"--model", model.string(), "--output", png.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult run = runDorsal(args, name);
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    return readPng(png);
}

std::filesystem::path boxes() { return test::dataDir() / "two_boxes.obj"; }

// The camera the binary ends up with for `--select name --no-ui` on `model`, from the same atlas
// state it drives (a look-up frames what it shows).
OrbitCamera cameraAfterSelect(const std::filesystem::path& model, const std::string& select, int width, int height,
                              ViewPreset view) {
    AtlasState atlas(loadContent(test::sourceDir() / "content"));
    atlas.setStartView(view);
    atlas.setFrame(width, height, false, 1.0f);
    atlas.setModel(loadModel(model));
    StartView start;
    start.select = select;
    REQUIRE(atlas.applyStart(start));
    return atlas.camera();
}

glm::ivec3 rgb(const Image& image, int x, int y) {
    const std::uint8_t* p = image.pixel(x, y);
    return {p[0], p[1], p[2]};
}

glm::ivec3 toBytes(const glm::vec3& c) { return glm::ivec3(glm::round(c * 255.0f)); }

bool near(const glm::ivec3& a, const glm::ivec3& b, int tolerance) {
    const glm::ivec3 d = glm::abs(a - b);
    return d.x <= tolerance && d.y <= tolerance && d.z <= tolerance;
}

// The selection colour is a strong blue; muscle, bone, skin and the background never are.
bool isSelectionBlue(const glm::ivec3& c) { return c.b > 150 && c.b > c.r + 60 && c.b > c.g + 10; }

constexpr int kWidth = 480;
constexpr int kHeight = 300;
const std::string kResolution = "480,300";

}  // namespace

TEST_CASE("the background gradient fills the frame where the model is not", "[render]") {
    const Image image = render("background", {"--no-ui", "--resolution", kResolution}, boxes());
    REQUIRE(image.width == kWidth);
    REQUIRE(image.height == kHeight);
    // Top and bottom corners: the gradient's two ends (within a step of the interpolation).
    CHECK(near(rgb(image, 2, 0), toBytes(Palette::kBackgroundTop), 3));
    CHECK(near(rgb(image, kWidth - 3, kHeight - 1), toBytes(Palette::kBackgroundBottom), 3));
    // Between the boxes, at mid height, there is only background: darker than the top, lighter than the bottom.
    const glm::ivec3 gap = rgb(image, kWidth / 2, kHeight / 2);
    CHECK(gap.b < toBytes(Palette::kBackgroundTop).b + 2);
    CHECK(gap.b > toBytes(Palette::kBackgroundBottom).b - 2);
}

TEST_CASE("the model is drawn in the middle of the view", "[render]") {
    const Image image = render("middle", {"--no-ui", "--resolution", kResolution}, boxes());
    // Seen from behind (the default view), the subject's left (+x, the left box) is on the image's left.
    OrbitCamera camera;
    const Model model = loadModel(boxes());
    camera.frame(model.bounds, static_cast<float>(kWidth) / kHeight, ViewPreset::Posterior);
    const glm::vec3 leftBox = camera.project(model.subtreeBounds(model.findNode("box_left")).centre(),
                                             {kWidth, kHeight});
    CHECK(leftBox.x < kWidth / 2);
    const glm::ivec3 drawn = rgb(image, static_cast<int>(leftBox.x), static_cast<int>(leftBox.y));
    INFO("pixel " << drawn.x << "," << drawn.y << "," << drawn.z);
    // Lit surface: much brighter than any background pixel.
    CHECK(drawn.r + drawn.g + drawn.b > 3 * 120);
}

TEST_CASE("a highlighted node's colour appears where that node projects, and only there", "[render]") {
    const Image image = render("highlight", {"--no-ui", "--resolution", kResolution, "--select", "box_right"}, boxes());
    const Model model = loadModel(boxes());
    const OrbitCamera camera = cameraAfterSelect(boxes(), "box_right", kWidth, kHeight, ViewPreset::Posterior);
    // The projected rectangle of the right box's corners.
    const auto [low, high] = camera.projectedRect(model.subtreeBounds(model.findNode("box_right")), {kWidth, kHeight}).value();
    int inside = 0;
    int outside = 0;
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            if (!isSelectionBlue(rgb(image, x, y))) continue;
            const bool within = x >= low.x - 1 && x <= high.x + 1 && y >= low.y - 1 && y <= high.y + 1;
            (within ? inside : outside)++;
        }
    }
    const int area = static_cast<int>((high.x - low.x) * (high.y - low.y));
    INFO("selection pixels inside " << inside << ", outside " << outside << ", box area " << area);
    CHECK(inside > area / 3);
    CHECK(outside == 0);

    // Control: without a selection there is no selection colour at all.
    const Image plain = render("highlight_control", {"--no-ui", "--resolution", kResolution}, boxes());
    int blue = 0;
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) blue += isSelectionBlue(rgb(plain, x, y)) ? 1 : 0;
    }
    CHECK(blue == 0);
}

TEST_CASE("the panels are in the picture unless --no-ui", "[render]") {
    const Image withUi = render("with_ui", {"--resolution", "800,500"}, boxes());
    const Image without = render("without_ui", {"--resolution", "800,500", "--no-ui"}, boxes());
    // Inside the side panel: the panel's flat dark grey with text, not the background gradient.
    const Viewport scene = frameLayout(800, 500, true, false, 1.0f).scene;
    int differing = 0;
    for (int y = 0; y < 500; y += 5) {
        for (int x = 0; x < scene.x; x += 5) differing += near(rgb(withUi, x, y), rgb(without, x, y), 4) ? 0 : 1;
    }
    CHECK(differing > (scene.x / 5) * 100 / 2);
    // The panel lists the scene's nodes: some light text pixels exist in it.
    int textPixels = 0;
    for (int y = 0; y < 500; ++y) {
        for (int x = 0; x < scene.x; ++x) textPixels += rgb(withUi, x, y).g > 180 ? 1 : 0;
    }
    CHECK(textPixels > 200);
}

// Baseline: the default view of the test scene, compared by the fraction of pixels whose largest
// channel difference exceeds 24 of 255. Threshold 1%: llvmpipe is deterministic for one build,
// and the margin absorbs anti-aliasing differences between Mesa versions on the edges.
TEST_CASE("the test scene matches its baseline image, and a different view does not", "[render][baseline]") {
    constexpr int kTolerance = 24;
    constexpr double kThreshold = 0.01;
    const Image baseline = readPng(test::sourceDir() / "tests" / "render" / "baselines" / "two_boxes_oblique.png");
    const Image image = render("baseline", {"--no-ui", "--resolution", "320,200", "--view", "oblique"}, boxes());
    const double difference = differingPixelFraction(image, baseline, kTolerance);
    INFO("differing pixels: " << difference * 100.0 << "%");
    CHECK(difference < kThreshold);

    // Control: the same scene from the front must fail the same comparison.
    const Image other = render("baseline_control", {"--no-ui", "--resolution", "320,200", "--view", "anterior"}, boxes());
    CHECK(differingPixelFraction(other, baseline, kTolerance) > kThreshold);
}

TEST_CASE("a missing model fails the offscreen run with one line and no PNG", "[render][errors]") {
    const std::filesystem::path dir = test::scratchDir("missing_model");
    const std::filesystem::path png = dir / "never.png";
    const std::filesystem::path model = dir / "nothing_here.glb";
    const RunResult run = runDorsal({"--model", model.string(), "--output", png.string()}, "missing_model");
    CHECK(run.exitCode == 1);
    CHECK(run.output == "dorsal: " + model.string() + ": file not found\n");
    CHECK_FALSE(std::filesystem::exists(png));
}

TEST_CASE("a corrupt model fails the offscreen run with Assimp's reason", "[render][errors]") {
    const std::filesystem::path png = test::scratchDir("corrupt_model") / "never.png";
    // A glTF binary whose one chunk is whole JSON that is no glTF (it lacks "asset").
    const std::string json = "{\"nodes\":[]}   ";
    std::string bytes = "glTF";
    const auto u32 = [&bytes](std::uint32_t value) {
        for (int i = 0; i < 4; ++i) bytes += static_cast<char>(value >> (8 * i) & 0xffu);
    };
    u32(2);
    u32(static_cast<std::uint32_t>(20 + json.size()));
    u32(static_cast<std::uint32_t>(json.size()));
    bytes += "JSON" + json;
    const std::filesystem::path model = test::scratchDir("corrupt_model") / "no_asset.glb";
    std::ofstream(model, std::ios::binary) << bytes;
    const RunResult run = runDorsal({"--model", model.string(), "--output", png.string()}, "corrupt_model");
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, Contains(model.string() + ": cannot be read (Assimp: "));
    CHECK_FALSE(std::filesystem::exists(png));
}

TEST_CASE("an unknown structure for --select suggests close names", "[render][errors]") {
    const std::filesystem::path png = test::scratchDir("unknown_select") / "never.png";
    const RunResult run =
        runDorsal({"--model", boxes().string(), "--output", png.string(), "--select", "box_rihgt"}, "unknown_select");
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, Contains("no entry or structure named \"box_rihgt\"; did you mean box_right"));
    CHECK_FALSE(std::filesystem::exists(png));
}

TEST_CASE("an unwritable output path is one line naming it", "[render][errors]") {
    const std::filesystem::path png = test::dataDir() / "no_such_folder" / "out.png";
    const RunResult run = runDorsal({"--model", boxes().string(), "--output", png.string()}, "unwritable");
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, Contains(png.string() + ": cannot write the file"));
}

TEST_CASE("the window refuses to start without a display and says how to run headless", "[render][errors]") {
    const RunResult run = runDorsal({"--model", boxes().string()}, "no_display", "env -u DISPLAY -u WAYLAND_DISPLAY");
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, Contains("cannot open a window") && Contains("--output"));
}

// --- The built-in model and the knowledge base -------------------------------------------------

namespace {

std::filesystem::path builtInModel() { return test::builtInModelFile(); }

// The related-structure amber: bright, red well above blue.
bool isRelatedAmber(const glm::ivec3& c) { return c.r > 200 && c.g > 130 && c.b < 120 && c.r - c.b > 110; }

// The pixel rectangle covering `nodes` as seen by `camera` in a w x h view.
std::pair<glm::vec2, glm::vec2> projectedRect(const Model& model, const std::vector<int>& nodes, int w, int h,
                                              const OrbitCamera& camera) {
    Bounds box;
    for (int node : nodes) box.add(model.subtreeBounds(node));
    return camera.projectedRect(box, glm::vec2(w, h)).value();
}

}  // namespace

TEST_CASE("selecting psoas major by its id lights it where it projects, seen from the front", "[render][content]") {
    const Image image = render("select_psoas", {"--no-ui", "--resolution", "600,800", "--view", "anterior", "--select",
                                                "psoas_major"}, builtInModel());
    const Model model = loadModel(builtInModel());
    const std::vector<int> psoas{model.findNode("muscle.psoas_major.L"), model.findNode("muscle.psoas_major.R")};
    REQUIRE(psoas[0] >= 0);
    REQUIRE(psoas[1] >= 0);
    const OrbitCamera camera = cameraAfterSelect(builtInModel(), "psoas_major", 600, 800, ViewPreset::Anterior);
    const auto [low, high] = projectedRect(model, psoas, 600, 800, camera);
    int inside = 0;
    int outside = 0;
    int leftHalf = 0;
    for (int y = 0; y < 800; ++y) {
        for (int x = 0; x < 600; ++x) {
            if (!isSelectionBlue(rgb(image, x, y))) continue;
            const bool within = x >= low.x - 2 && x <= high.x + 2 && y >= low.y - 2 && y <= high.y + 2;
            (within ? inside : outside)++;
            leftHalf += x < 300 ? 1 : 0;
        }
    }
    INFO("blue inside " << inside << ", outside " << outside);
    CHECK(inside > 300);
    CHECK(outside == 0);
    // Both sides are selected: blue on both halves of the picture.
    CHECK(leftHalf > inside / 5);
    CHECK(leftHalf < inside * 4 / 5);
}

TEST_CASE("a pain pattern shows its muscles in the related styles and selects nothing", "[render][content]") {
    const Image image =
        render("select_pain", {"--no-ui", "--resolution", "480,640", "--select", "low_back_pain"}, builtInModel());
    int amber = 0;
    int blue = 0;
    for (int y = 0; y < 640; ++y) {
        for (int x = 0; x < 480; ++x) {
            amber += isRelatedAmber(rgb(image, x, y)) ? 1 : 0;
            blue += isSelectionBlue(rgb(image, x, y)) ? 1 : 0;
        }
    }
    INFO("amber " << amber << ", blue " << blue);
    CHECK(amber > 500);
    CHECK(blue == 0);
}

TEST_CASE("an open entry fills the right-hand panel with text", "[render][content]") {
    const Image open = render("entry_open", {"--resolution", "1280,800", "--select", "latissimus_dorsi"}, builtInModel());
    const Image closed = render("entry_closed", {"--resolution", "1280,800"}, builtInModel());
    const FrameLayout layout = frameLayout(1280, 800, true, true, 1.0f);
    int textOpen = 0;
    int textClosed = 0;
    for (int y = layout.entryPanel.y; y < layout.entryPanel.y + layout.entryPanel.height; ++y) {
        for (int x = layout.entryPanel.x + 10; x < 1270; ++x) {
            textOpen += rgb(open, x, y).g > 200 ? 1 : 0;
            textClosed += rgb(closed, x, y).g > 200 ? 1 : 0;
        }
    }
    INFO("light pixels with the entry open " << textOpen << ", closed " << textClosed);
    CHECK(textOpen > 3000);
    CHECK(textClosed < textOpen / 10);
}

TEST_CASE("an unknown entry id for --select fails with the closest ids", "[render][content][errors]") {
    const std::filesystem::path png = test::scratchDir("unknown_entry") / "never.png";
    const RunResult run = runDorsal({"--output", png.string(), "--select", "psoaz_major"}, "unknown_entry");
    CHECK(run.exitCode == 1);
    CHECK(run.output == "dorsal: no entry or structure named \"psoaz_major\"; did you mean psoas_major?\n");
    CHECK_FALSE(std::filesystem::exists(png));
}

TEST_CASE("dorsal info prints an entry and refuses an unknown id", "[content][cli]") {
    const RunResult info = runDorsal({"info", "quadratus_lumborum"}, "info");
    CHECK(info.exitCode == 0);
    CHECK_THAT(info.output, Contains("Quadratus lumborum\n") && Contains("Origin\n") && Contains("Insertion\n"));
    const RunResult wrong = runDorsal({"info", "quadratus_lumborom"}, "info_wrong");
    CHECK(wrong.exitCode == 1);
    CHECK_THAT(wrong.output, Contains("no entry with the id or name \"quadratus_lumborom\"; did you mean quadratus_lumborum"));
}

TEST_CASE("dorsal info takes a nickname as the window's search does", "[content][cli]") {
    const RunResult lats = runDorsal({"info", "lats"}, "info_lats");
    CHECK(lats.exitCode == 0);
    CHECK_THAT(lats.output, StartsWith("Latissimus dorsi\n"));
    const RunResult ql = runDorsal({"info", "QL"}, "info_ql");
    CHECK(ql.exitCode == 0);
    CHECK_THAT(ql.output, StartsWith("Quadratus lumborum\n"));
}

TEST_CASE("dorsal search prints one result a line, best first, and says what the atlas lacks", "[content][cli][search]") {
    const RunResult back = runDorsal({"search", "my lower back hurts"}, "search_back");
    CHECK(back.exitCode == 0);
    CHECK_THAT(back.output, StartsWith("low_back_pain\tpain\tLower back pain\n"));
    // Every line is ID<TAB>KIND<TAB>TITLE.
    std::istringstream lines(back.output);
    int count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        INFO(line);
        CHECK(std::count(line.begin(), line.end(), '\t') == 2);
    }
    CHECK(count >= 3);
    // Unquoted words are one query.
    CHECK(runDorsal({"search", "my", "lower", "back", "hurts"}, "search_words").output == back.output);

    const RunResult sartorius = runDorsal({"search", "sartorius"}, "search_sartorius");
    CHECK(sartorius.exitCode == 0);
    CHECK_THAT(sartorius.output, StartsWith("rectus_femoris\tmuscle\tRectus femoris\n") &&
                                     Contains("\nThe sartorius is not in this atlas yet. Nearest in the atlas: Rectus femoris, "));

    const RunResult nothing = runDorsal({"search", "zzqxv"}, "search_nothing");
    CHECK(nothing.exitCode == 1);
    CHECK(nothing.output == "dorsal: nothing found for \"zzqxv\"; try a muscle (psoas), a nickname (lats), where it "
                            "hurts (my lower back hurts) or a stretch (chin tuck)\n");

    const RunResult small = runDorsal({"search", "lumbago", "--content", (test::dataDir() / "content_good").string()},
                                      "search_content");
    CHECK(small.exitCode == 0);
    CHECK(small.output == "low_back_pain\tpain\tLower back pain\n");
}

TEST_CASE("dorsal check prints file:line:column problems and exits 1 on broken content", "[content][cli]") {
    const std::filesystem::path dir = test::scratchDir("check_broken");
    std::filesystem::copy(test::dataDir() / "content_good", dir / "content", std::filesystem::copy_options::recursive);
    std::ofstream(dir / "content" / "guides" / "sitting.toml", std::ios::app) << "mood = \"grumpy\"\n";
    const RunResult run = runDorsal({"check", (dir / "content").string(), "--model", boxes().string()}, "check_broken");
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, Contains((dir / "content" / "guides" / "sitting.toml").string() + ":9:1: unknown key \"mood\""));
}

// --- Exploring: isolate, peel, x-ray, sides, presets, labels -----------------------------------

namespace {

Image renderBuiltIn(const std::string& name, std::vector<std::string> args) {
    args.insert(args.end(), {"--no-ui", "--resolution", "400,600"});
    return render(name, args, builtInModel());
}

}  // namespace

// --- Exploring the built-in model, read from the report ------------------------------------------

namespace {

// What --report says of one picture: per node, its visible pixels and whether it is labelled.
struct Reported {
    std::map<std::string, std::uint64_t> pixels;
    std::map<std::string, bool> labelled;
    std::map<std::string, std::string> entryOf;
};

// The pixels of every node of `entry` (both sides of a muscle) in `shown`.
std::uint64_t pixelsOf(const Reported& shown, const std::string& entry) {
    std::uint64_t sum = 0;
    for (const auto& [node, id] : shown.entryOf) sum += id == entry ? shown.pixels.at(node) : 0;
    return sum;
}

// Renders the built-in model with `args` and returns the picture and the report as JSON.
std::pair<Image, nlohmann::json> renderBuiltInReport(const std::string& name, const std::vector<std::string>& extra) {
    const std::filesystem::path dir = test::scratchDir("report_" + name);
    std::vector<std::string> args{"--output", (dir / "picture.png").string(), "--report", (dir / "report.json").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult run = runDorsal(args, "report_" + name);
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    std::ifstream in(dir / "report.json");
    return {readPng(dir / "picture.png"), nlohmann::json::parse(in)};
}

Reported renderWithReport(const std::string& name, const std::vector<std::string>& extra) {
    const nlohmann::json report = renderBuiltInReport(name, extra).second;
    Reported result;
    for (const nlohmann::json& structure : report.at("structures")) {
        const std::string node = structure.at("node");
        result.pixels[node] = structure.at("visible_pixels");
        result.labelled[node] = structure.at("labelled");
        if (!structure.at("entry").is_null()) result.entryOf[node] = structure.at("entry");
    }
    return result;
}

}  // namespace

// The built-in model as the render tests show it: small and without panels.
Reported reportBuiltIn(const std::string& name, std::vector<std::string> args) {
    args.insert(args.end(), {"--no-ui", "--resolution", "400,600"});
    return renderWithReport(name, args);
}

TEST_CASE("isolating a muscle leaves only it on show", "[render][explore]") {
    const Reported isolated = reportBuiltIn("isolate", {"--select", "latissimus_dorsi", "--isolate"});
    const Reported control = reportBuiltIn("isolate_control", {"--select", "latissimus_dorsi"});
    int othersShown = 0;
    for (const auto& [node, pixels] : isolated.pixels) {
        const auto entry = isolated.entryOf.find(node);
        const bool lats = entry != isolated.entryOf.end() && entry->second == "latissimus_dorsi";
        if (!lats && pixels > 0) ++othersShown;
    }
    int othersInControl = 0;
    for (const auto& [node, pixels] : control.pixels) othersInControl += pixels > 0 ? 1 : 0;
    INFO("structures shown besides the latissimus: isolated " << othersShown << ", control " << othersInControl);
    CHECK(pixelsOf(isolated, "latissimus_dorsi") > 2000);
    CHECK(othersShown == 0);
    CHECK(othersInControl > 20);
}

TEST_CASE("a peeled layer disappears and the layers below it show", "[render][explore]") {
    const Reported all = reportBuiltIn("peel_none", {"--select", "trapezius"});
    const Reported peeled = reportBuiltIn("peel_superficial", {"--select", "trapezius", "--layers", "intermediate,deep,bones"});
    INFO("trapezius with every layer " << pixelsOf(all, "trapezius_transverse") << ", with the superficial peeled "
                                       << pixelsOf(peeled, "trapezius_transverse"));
    CHECK(pixelsOf(all, "trapezius_transverse") > 1000);
    CHECK(pixelsOf(peeled, "trapezius_transverse") == 0);
    CHECK(pixelsOf(peeled, "rhomboid_major") > 500);  // what lay under it
}

TEST_CASE("x-ray and the cutaway show the selected muscle behind the others", "[render][explore]") {
    // Psoas major lies deep in front of the spine: from behind it is hidden until the rest (x-ray)
    // or what covers it (the cutaway, on by default) turns see-through.
    const Reported solid = reportBuiltIn("xray_off", {"--select", "psoas_major", "--view", "posterior", "--no-cutaway"});
    const Reported xray =
        reportBuiltIn("xray_on", {"--select", "psoas_major", "--view", "posterior", "--no-cutaway", "--xray"});
    const Reported cutaway = reportBuiltIn("xray_cutaway", {"--select", "psoas_major", "--view", "posterior"});
    INFO("psoas pixels from behind: solid " << pixelsOf(solid, "psoas_major") << ", x-ray " << pixelsOf(xray, "psoas_major")
                                            << ", cutaway " << pixelsOf(cutaway, "psoas_major"));
    CHECK(pixelsOf(solid, "psoas_major") < 100);
    CHECK(pixelsOf(xray, "psoas_major") > 1000);
    CHECK(pixelsOf(cutaway, "psoas_major") > 1000);
}

TEST_CASE("each view preset shows the expected side of the body", "[render][explore]") {
    const auto from = [](const std::string& muscle, const std::string& view) {
        return reportBuiltIn(muscle + "_" + view, {"--select", muscle, "--view", view, "--no-cutaway"});
    };
    const std::uint64_t trapeziusBehind = pixelsOf(from("trapezius", "posterior"), "trapezius_transverse");
    const std::uint64_t trapeziusFront = pixelsOf(from("trapezius", "anterior"), "trapezius_transverse");
    const std::uint64_t rectusFront = pixelsOf(from("rectus_abdominis", "anterior"), "rectus_abdominis");
    const std::uint64_t rectusBehind = pixelsOf(from("rectus_abdominis", "posterior"), "rectus_abdominis");
    INFO("trapezius (middle part): posterior " << trapeziusBehind << ", anterior " << trapeziusFront
                                               << "; rectus abdominis: anterior " << rectusFront << ", posterior "
                                               << rectusBehind);
    CHECK(trapeziusBehind > 3000);
    CHECK(trapeziusFront < trapeziusBehind / 4);
    CHECK(rectusFront > 1500);
    CHECK(rectusBehind < 50);
    // Left and right: the latissimus dorsi seen from the left shows the left one.
    const Reported fromLeft = from("latissimus_dorsi", "left");
    CHECK(fromLeft.pixels.at("muscle.latissimus_dorsi.L") > 1500);
    CHECK(fromLeft.pixels.at("muscle.latissimus_dorsi.R") < fromLeft.pixels.at("muscle.latissimus_dorsi.L") / 10);
}

TEST_CASE("showing one side hides the other side's muscles", "[render][explore]") {
    const Reported left = reportBuiltIn("side_left", {"--select", "latissimus_dorsi", "--side", "left"});
    CHECK(left.pixels.at("muscle.latissimus_dorsi.L") > 1000);
    CHECK(left.pixels.at("muscle.latissimus_dorsi.R") == 0);
    CHECK(left.pixels.at("muscle.gluteus_maximus.R") == 0);
}

// How many pixels labels add to the picture `args` make: the same picture with and without them.
int labelPixels(const std::string& name, const std::vector<std::string>& args) {
    std::vector<std::string> labelled = args;
    labelled.push_back("--labels");
    const Image with = renderBuiltIn(name + "_labelled", labelled);
    const Image without = renderBuiltIn(name + "_plain", args);
    REQUIRE(with.width == without.width);
    return static_cast<int>(differingPixelFraction(with, without, 24) * with.width * with.height + 0.5);
}

TEST_CASE("labels name the highlighted muscles beside the model", "[render][explore]") {
    const int psoas = labelPixels("labels_psoas", {"--select", "psoas_major", "--view", "anterior"});
    INFO("pixels the labels add: " << psoas);
    CHECK(psoas > 400);
    // Control: with nothing highlighted there is nothing to label.
    CHECK(labelPixels("labels_none", {"--view", "anterior"}) == 0);
}

TEST_CASE("a muscle hidden behind others gets no label until x-ray or the cutaway shows it", "[render][explore]") {
    const std::vector<std::string> fromBehind{"--select", "psoas_major", "--view", "posterior"};
    std::vector<std::string> covered = fromBehind;
    covered.push_back("--no-cutaway");
    std::vector<std::string> xray = covered;
    xray.push_back("--xray");
    const int hidden = labelPixels("label_hidden", covered);
    const int throughXray = labelPixels("label_xray", xray);
    const int throughCutaway = labelPixels("label_cutaway", fromBehind);
    INFO("label pixels from behind: covered " << hidden << ", x-ray " << throughXray << ", cutaway " << throughCutaway);
    CHECK(hidden == 0);
    CHECK(throughXray > 400);
    CHECK(throughCutaway > 400);
}

TEST_CASE("hiding by entry id takes both sides away, and an unknown name is refused", "[render][explore]") {
    const Reported hidden = reportBuiltIn("hide_lats", {"--select", "latissimus_dorsi", "--hide", "latissimus_dorsi"});
    const Reported shown = reportBuiltIn("hide_control", {"--select", "latissimus_dorsi"});
    CHECK(pixelsOf(hidden, "latissimus_dorsi") == 0);
    CHECK(pixelsOf(shown, "latissimus_dorsi") > 2000);

    const std::filesystem::path png = test::scratchDir("hide_unknown") / "never.png";
    const RunResult run = runDorsal({"--output", png.string(), "--hide", "rectus_abdominus"}, "hide_unknown");
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, Contains("no entry or structure named \"rectus_abdominus\"; did you mean rectus_abdominis"));
    CHECK_FALSE(std::filesystem::exists(png));
}

// --- The command line and the picture file -----------------------------------------------------

namespace {

bool isOneLine(const std::string& text) { return !text.empty() && text.find('\n') == text.size() - 1; }

std::set<std::string> namesIn(const std::filesystem::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

std::string firstBytes(const std::filesystem::path& path, std::size_t count) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(count, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(count));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

}  // namespace

TEST_CASE("unknown options and extra arguments of every command end in one line, never a crash", "[cli][errors]") {
    const std::string content = (test::sourceDir() / "content").string();
    const std::vector<std::vector<std::string>> wrong{
        {"info", "psoas_major", "--bogus"},    {"info", "psoas_major", "extra"},
        {"check", "--bogus"},                  {"check", content, "extra"},
        {"bench", "--resolution", "320,240", "--bogus"}, {"bench", "extra"},
        {"--bogus"},                           {"a.glb", "b.glb"},
        {"info", "psoas_major", "--model", boxes().string()}, {"--model"},
        {"--view", "\xff\xfe\n"},              {"--select", std::string(100 * 1024, 's'), "--bogus"}};
    for (std::size_t i = 0; i < wrong.size(); ++i) {
        const RunResult run = runDorsal(wrong[i], "cli_wrong_" + std::to_string(i));
        INFO("case " << i << ": " << run.output.substr(0, 300));
        CHECK(run.exitCode == 2);  // -1 would be a signal
        CHECK(isOneLine(run.output));
        CHECK(run.output.rfind("dorsal: ", 0) == 0);
    }
    // Options that make sense for a command are taken there.
    const RunResult info = runDorsal({"info", "psoas_major", "--content", content}, "cli_info_content");
    CHECK(info.exitCode == 0);
    CHECK_THAT(info.output, Contains("Psoas major\n"));
}

TEST_CASE("dorsal FILE renders FILE as --model FILE does", "[render][cli]") {
    const std::filesystem::path png = test::scratchDir("positional_model") / "positional.png";
    const RunResult run = runDorsal({boxes().string(), "--output", png.string(), "--no-ui", "--resolution", "320,200"},
                                    "positional_model");
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    const Image byOption = render("option_model", {"--no-ui", "--resolution", "320,200"}, boxes());
    CHECK(differingPixelFraction(readPng(png), byOption, 0) == 0.0);
}

TEST_CASE("an output picture is a JPEG for .jpg and .jpeg and a PNG for .png", "[render][cli]") {
    const std::filesystem::path dir = test::scratchDir("output_types");
    const std::vector<std::string> common{"--model", boxes().string(), "--no-ui", "--resolution", kResolution};
    for (const char* name : {"picture.png", "picture.jpg", "picture.jpeg"}) {
        std::vector<std::string> args = common;
        args.insert(args.end(), {"--output", (dir / name).string()});
        const RunResult run = runDorsal(args, std::string("output_") + name);
        INFO(run.output);
        CHECK(run.exitCode == 0);
    }
    CHECK(firstBytes(dir / "picture.png", 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    CHECK(firstBytes(dir / "picture.jpg", 3) == std::string("\xff\xd8\xff", 3));
    CHECK(firstBytes(dir / "picture.jpeg", 3) == std::string("\xff\xd8\xff", 3));
    // The JPEG is the same picture, give or take the compression.
    CHECK(differingPixelFraction(readPng(dir / "picture.jpg"), readPng(dir / "picture.png"), 24) < 0.02);
    CHECK(namesIn(dir) == std::set<std::string>{"picture.png", "picture.jpg", "picture.jpeg"});
}

TEST_CASE("a bad --output target fails before rendering, in one line, and creates nothing", "[render][cli][errors]") {
    const std::filesystem::path dir = test::scratchDir("bad_targets");
    REQUIRE(::mkfifo((dir / "pipe.png").c_str(), 0600) == 0);
    std::filesystem::create_directory(dir / "folder.png");
    std::ofstream(dir / "real.png") << "keep me";
    std::filesystem::create_symlink("real.png", dir / "link.png");
    // The model under a picture's name too (a hard link), and a content folder holding a picture.
    std::filesystem::copy_file(boxes(), dir / "model.obj");
    std::filesystem::create_hard_link(dir / "model.obj", dir / "model.png");
    std::filesystem::copy(test::dataDir() / "content_good", dir / "content", std::filesystem::copy_options::recursive);
    std::ofstream(dir / "content" / "figure.png") << "a figure";
    const std::set<std::string> before = namesIn(dir);

    const std::vector<std::pair<std::string, std::string>> targets{
        {"pipe.png", ": is a named pipe, not a file"},
        {"folder.png", ": is a folder; give a file name inside it, such as picture.png"},
        {"link.png", ": is a symbolic link; give the file it points to (dorsal does not write through links)"},
        {"model.png", ": is a file the picture is made from; write the picture elsewhere"},
        {"content/figure.png", ": is a file of " + (dir / "content").string() +
                                   ", which the picture is made from; write the picture elsewhere"},
        {"no_such_folder/out.png", ": cannot write the file (the folder " + (dir / "no_such_folder").string() +
                                       " does not exist)"}};
    for (const auto& [name, reason] : targets) {
        const std::filesystem::path target = dir / name;
        const RunResult run = runDorsal(
            {"--model", (dir / "model.obj").string(), "--content", (dir / "content").string(), "--output", target.string()},
            "bad_target");
        INFO(name);
        CHECK(run.exitCode == 1);
        CHECK(run.output == "dorsal: " + target.string() + reason + "\n");
    }
    CHECK(namesIn(dir) == before);
    CHECK(firstBytes(dir / "real.png", 100) == "keep me");
    CHECK(firstBytes(dir / "content" / "figure.png", 100) == "a figure");
    CHECK(std::filesystem::is_fifo(dir / "pipe.png"));

    // A device: refused by its name at once, and by its kind where the test may make one.
    const RunResult null = runDorsal({"--output", "/dev/null"}, "bad_target_null");
    CHECK(null.exitCode == 2);
    CHECK(null.output == "dorsal: --output /dev/null: no picture type in the name; end it in .png, .jpg or .jpeg\n");
    if (::mknod((dir / "device.png").c_str(), S_IFCHR | 0600, makedev(1, 3)) == 0) {
        const RunResult device = runDorsal({"--model", boxes().string(), "--output", (dir / "device.png").string()},
                                           "bad_target_device");
        CHECK(device.exitCode == 1);
        CHECK(device.output == "dorsal: " + (dir / "device.png").string() + ": is a device, not a file\n");
        CHECK(std::filesystem::is_character_file(dir / "device.png"));
    } else {
        WARN("not allowed to make a device node here; the device target is checked in test_core only");
    }
}

// ulimit -f makes a write fail part-way as a full disk does (EFBIG rather than ENOSPC); dorsal
// ignores the SIGXFSZ that would otherwise kill it, and reports the failure.
TEST_CASE("a file size limit fails --output with the system's reason and no partial file", "[render][cli][errors]") {
    const std::filesystem::path dir = test::scratchDir("file_size_limit");
    const std::filesystem::path png = dir / "big.png";
    const RunResult run = runDorsal({"--model", boxes().string(), "--output", png.string(), "--resolution", kResolution,
                                     "--no-ui"},
                                    "file_size_limit", "prlimit --fsize=16384");
    CHECK(run.exitCode == 1);
    CHECK(run.output == "dorsal: " + png.string() + ": cannot write the file (File too large)\n");
    CHECK(namesIn(dir).empty());
}

// A real full disk: a 16 KiB tmpfs in a private mount namespace, which needs root (or the right
// capabilities) and a root that can be made private (not in a chroot); skipped with a warning
// elsewhere. After dorsal, the shell lists what is left.
TEST_CASE("a full disk fails --output with \"No space left on device\" and no partial file", "[render][cli][errors]") {
    const std::filesystem::path dir = test::scratchDir("disk_full");
    const std::filesystem::path png = dir / "full.png";
    const std::string probe = "unshare --mount --propagation private sh -c 'mount -t tmpfs -o size=16k tmpfs \"" +
                              dir.string() + "\"' > /dev/null 2>&1";
    if (std::system(probe.c_str()) != 0) {
        WARN("cannot mount a small tmpfs in a private mount namespace here (needs root, and no chroot); the full "
             "disk is not tested");
        return;
    }
    const std::string script = "mount -t tmpfs -o size=16k tmpfs \"" + dir.string() +
                               "\" || exit 77; \"$0\" \"$@\"; status=$?; ls -A \"" + dir.string() +
                               "\"; exit $status";
    const RunResult run =
        runDorsal({"--model", boxes().string(), "--output", png.string(), "--resolution", kResolution, "--no-ui"},
                  "disk_full", "unshare --mount --propagation private sh -c '" + script + "'");
    CHECK(run.exitCode == 1);
    CHECK(run.output == "dorsal: " + png.string() + ": cannot write the file (No space left on device)\n");
}

// --- Bad content -------------------------------------------------------------------------------

namespace {

// "word word ... wor": exactly `bytes` bytes of words.
std::string words(std::size_t bytes) {
    std::string text;
    while (text.size() < bytes) text += text.empty() ? "word" : " word";
    text.resize(bytes);
    return text;
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::string quotedList(const std::string& item, int count) {
    std::string list = "[";
    for (int i = 0; i < count; ++i) list += (i ? ", " : "") + quoted(item);
    return list + "]";
}

// A copy of the small test content whose psoas major and red flag fill every field to its limit.
// The muscle's 200 nicknames make a subtitle of 40,000 characters: more than one ImGui text call
// can draw (it aborts past about 16,000), so the panel must draw it in pieces.
std::filesystem::path contentAtLimits(const std::string& name) {
    const std::filesystem::path dir = test::scratchDir(name) / "content";
    std::filesystem::copy(test::dataDir() / "content_good", dir, std::filesystem::copy_options::recursive);
    const std::string text = quoted(words(kMaxTextBytes));
    const std::string name200 = quoted(words(kMaxNameBytes));
    std::ofstream muscle(dir / "muscles" / "psoas_major.toml", std::ios::trunc);
    muscle << "id = \"psoas_major\"\nname = " << name200 << "\nnicknames = " << quotedList(words(kMaxNameBytes), 200)
           << "\nlatin = " << name200 << "\ngroup = \"iliopsoas\"\nlayer = \"deep\"\nregion = \"lower_back\"\n";
    for (const char* field : {"summary", "origin", "insertion", "action", "innervation", "posture_role", "when_tight",
                              "when_weak", "palpation", "cautions"}) {
        muscle << field << " = " << text << "\n";
    }
    muscle << "posture_evidence = \"limited\"\npain_patterns = [\"low_back_pain\"]\ntechniques = [\"compression\"]\n"
           << "stretches = [\"lunge_stretch\"]\nsources = " << quotedList(words(kMaxTextBytes), 5) << "\n";
    for (int i = 0; i < 5; ++i) {
        muscle << "[[trigger_points]]\nlocation = " << text << "\nreferral = " << text
               << "\nreferral_regions = [\"lower_back\"]\nevidence = \"limited\"\n";
    }
    muscle.close();
    std::ofstream safety(dir / "safety.toml", std::ios::trunc);
    safety << "notice = " << text << "\nsources = [\"Test source\"]\n[[red_flag]]\nid = \"cauda_equina_signs\"\nname = "
           << name200 << "\nsigns = " << text << "\naction = " << text
           << "\n[[contraindication]]\nid = \"dvt\"\nname = \"Test\"\nwhy = \"Test.\"\naction = \"Test.\"\n";
    return dir;
}

// Light text pixels in the entry panel of a 1280x800 picture.
int entryPanelText(const Image& image) {
    const FrameLayout layout = frameLayout(1280, 800, true, true, 1.0f);
    int count = 0;
    for (int y = 0; y < 800; ++y) {
        for (int x = layout.entryPanel.x + 10; x < 1270; ++x) count += rgb(image, x, y).g > 200 ? 1 : 0;
    }
    return count;
}

}  // namespace

TEST_CASE("an entry with every field at its size limit checks clean, opens and renders", "[render][content][hostile]") {
    const std::filesystem::path dir = contentAtLimits("entry_at_limit");
    const Content content = loadContent(dir);
    INFO(content.problems.size() << " problems, the first: " << (content.problems.empty() ? "" : content.problems.front().format()));
    REQUIRE(content.problems.empty());
    for (const std::string id : {"psoas_major", "low_back_pain", "cauda_equina_signs"}) {
        INFO(id);
        const Image image =
            render("entry_at_limit_" + id, {"--content", dir.string(), "--resolution", "1280,800", "--select", id}, boxes());
        CHECK(entryPanelText(image) > 3000);
    }
}

TEST_CASE("an entry opens with a red warning when the safety file is missing", "[render][content][safety]") {
    const std::filesystem::path dir = test::scratchDir("safety_missing_render") / "content";
    std::filesystem::copy(test::dataDir() / "content_good", dir, std::filesystem::copy_options::recursive);
    const auto urgentRed = [](const glm::ivec3& c) { return c.r > 220 && c.g > 80 && c.g < 150 && c.b > 70 && c.b < 140; };
    const auto redInEntry = [&](const Image& image) {
        const FrameLayout layout = frameLayout(1280, 800, true, true, 1.0f);
        int count = 0;
        for (int y = 0; y < 800; ++y) {
            for (int x = layout.entryPanel.x + 10; x < 1270; ++x) count += urgentRed(rgb(image, x, y)) ? 1 : 0;
        }
        return count;
    };
    const std::vector<std::string> args{"--content", dir.string(), "--resolution", "1280,800", "--select", "lunge_stretch"};
    const int safe = redInEntry(render("safety_present", args, boxes()));
    std::filesystem::remove(dir / "safety.toml");
    const int warned = redInEntry(render("safety_missing", args, boxes()));
    INFO("warning-red pixels with the safety file " << safe << ", without " << warned);
    CHECK(safe < 20);
    CHECK(warned > 300);
}

TEST_CASE("dorsal info fails, and says why, when the safety information cannot be loaded", "[content][cli][safety]") {
    const std::filesystem::path dir = test::scratchDir("info_no_safety") / "content";
    std::filesystem::copy(test::dataDir() / "content_good", dir, std::filesystem::copy_options::recursive);
    {
        const RunResult run = runDorsal({"--content", dir.string(), "info", "low_back_pain"}, "info_safe");
        CHECK(run.exitCode == 0);
        CHECK_THAT(run.output, Contains("! Education, not diagnosis\n  Test notice."));
    }
    std::ofstream(dir / "safety.toml", std::ios::trunc) << "notice = \"Test notice.\"\n";
    const RunResult run = runDorsal({"--content", dir.string(), "info", "low_back_pain"}, "info_no_safety");
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, StartsWith("dorsal: " + (dir / "safety.toml").string() + ":1:1: the safety information"));
    CHECK_THAT(run.output, Contains("it has no red flags, it has no contraindications"));
    CHECK_THAT(run.output, Contains("Lower back pain\n") && Contains("! Safety information could not be loaded\n") &&
                               Contains("Some warning signs for this could not be loaded (cauda_equina_signs)"));
}

TEST_CASE("dorsal check on a missing folder says so in one line, and counts what it prints", "[content][cli]") {
    const std::filesystem::path missing = test::scratchDir("check_missing") / "no_such_folder";
    const RunResult run = runDorsal({"check", missing.string()}, "check_missing");
    CHECK(run.exitCode == 2);
    CHECK(run.output == "dorsal: content folder " + missing.string() + ": no such folder\n");
    // The count is of the lines printed: content and model coverage together.
    const std::filesystem::path good = test::dataDir() / "content_good";
    const RunResult withModel = runDorsal({"check", good.string(), "--model", boxes().string()}, "check_count");
    CHECK(withModel.exitCode == 1);
    CHECK_THAT(withModel.output, Contains("\"iliacus\" is not in the model two_boxes.obj") &&
                                     Contains("\"psoas_major\" is not in the model two_boxes.obj") &&
                                     Contains(good.string() + ": 2 problems"));
}

TEST_CASE("dorsal info suggests a long id from a typo of its first word", "[content][cli]") {
    const RunResult run = runDorsal({"info", "psoaz"}, "info_psoaz");
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, Contains("no entry with the id or name \"psoaz\"; did you mean psoas_major"));
}

// --- Pain patterns show their culprits ---------------------------------------------------------


TEST_CASE("the report counts what each structure shows, and what the labels name", "[render][report]") {
    const Reported lats = renderWithReport("lats", {"--select", "latissimus_dorsi", "--labels", "--no-ui"});
    CHECK(lats.pixels.at("muscle.latissimus_dorsi.L") > 5000);
    CHECK(lats.labelled.at("muscle.latissimus_dorsi.L"));
    CHECK(lats.entryOf.at("muscle.latissimus_dorsi.L") == "latissimus_dorsi");
    CHECK_FALSE(lats.labelled.at("muscle.psoas_major.L"));
    // Hidden: no pixels; without --labels: no labels.
    const Reported hidden =
        renderWithReport("lats_hidden", {"--select", "latissimus_dorsi", "--hide", "latissimus_dorsi", "--no-ui"});
    CHECK(hidden.pixels.at("muscle.latissimus_dorsi.L") == 0);
    CHECK_FALSE(hidden.labelled.at("muscle.latissimus_dorsi.L"));
}

TEST_CASE("every pain pattern shows each of its primary muscles, labelled, in its default picture", "[render][report][pain]") {
    const Content content = loadContent(test::sourceDir() / "content");
    REQUIRE(content.pains.size() >= 10);
    for (const PainPattern& pain : content.pains) {
        const Reported shown = renderWithReport(pain.id, {"--select", pain.id, "--labels"});
        for (const std::string& muscle : pain.primaryMuscles) {
            // Both sides of a pattern felt on both sides; at least one side of one felt on either.
            int sidesShown = 0;
            int sides = 0;
            for (const auto& [node, entry] : shown.entryOf) {
                if (entry != muscle) continue;
                ++sides;
                if (shown.pixels.at(node) > 0 && shown.labelled.at(node)) ++sidesShown;
            }
            INFO(pain.id << ": " << muscle << " shown and labelled on " << sidesShown << " of " << sides << " sides");
            CHECK(sides > 0);
            CHECK(sidesShown >= (pain.side == "both" ? sides : 1));
        }
    }
}

TEST_CASE("the pain map paints the regions a pain is felt in, in its own dotted colour", "[render][painmap]") {
    const std::vector<std::string> lowBack{"--select", "quadratus_lumborum", "--view", "posterior", "--no-ui",
                                           "--resolution", "400,600"};
    std::vector<std::string> without = lowBack;
    without.push_back("--no-pain-map");
    const Image mapped = render("painmap_on", lowBack, builtInModel());
    const Image plain = render("painmap_off", without, builtInModel());
    // The pixels the map changes turn towards crimson-magenta: on average bluer against green
    // than they were (muscle is red, bone ivory; the map's colour is red and blue over green).
    int changed = 0;
    double blueOverGreenMapped = 0.0;
    double blueOverGreenPlain = 0.0;
    for (int y = 0; y < mapped.height; ++y) {
        for (int x = 0; x < mapped.width; ++x) {
            const glm::ivec3 a = rgb(mapped, x, y);
            const glm::ivec3 b = rgb(plain, x, y);
            const glm::ivec3 d = glm::abs(a - b);
            if (std::max({d.x, d.y, d.z}) <= 24) continue;
            ++changed;
            blueOverGreenMapped += a.b - a.g;
            blueOverGreenPlain += b.b - b.g;
        }
    }
    INFO("pixels the map changes: " << changed << "; blue over green, with the map "
                                    << blueOverGreenMapped / std::max(changed, 1) << ", without "
                                    << blueOverGreenPlain / std::max(changed, 1));
    CHECK(changed > 2000);
    CHECK(blueOverGreenMapped / changed > blueOverGreenPlain / changed + 15.0);
}

TEST_CASE("dorsal where lists what can cause pain at a region or a point, one tab-separated line each", "[content][cli][where]") {
    const RunResult region = runDorsal({"where", "lower_back"}, "where_region");
    CHECK(region.exitCode == 0);
    std::istringstream lines(region.output);
    std::string line;
    int results = 0;
    bool first = true;
    while (std::getline(lines, line)) {
        if (line.find('\t') == std::string::npos) continue;  // the heading and notice on stderr
        ++results;
        const std::size_t tabs = static_cast<std::size_t>(std::count(line.begin(), line.end(), '\t'));
        CHECK(tabs == 3);  // ID, KIND, SCORE, WHY
        if (first) CHECK_THAT(line, StartsWith("low_back_pain\tpain\t"));
        first = false;
    }
    CHECK(results > 5);
    const Content content = loadContent(test::sourceDir() / "content");
    const glm::vec3 c = content.region("neck_back")->shapes.front().centre;
    const RunResult point = runDorsal({"where", std::to_string(c.x) + "," + std::to_string(c.y) + "," + std::to_string(c.z)},
                                      "where_point");
    CHECK(point.exitCode == 0);
    CHECK_THAT(point.output, Contains("Back of the neck") && Contains("\tmuscle\t"));
    const RunResult unknown = runDorsal({"where", "lower_bak"}, "where_unknown");
    CHECK(unknown.exitCode == 1);
    CHECK_THAT(unknown.output, Contains("no body region named \"lower_bak\"; did you mean lower_back"));
    const RunResult outside = runDorsal({"where", "5,5,5"}, "where_outside");
    CHECK(outside.exitCode == 1);
    CHECK_THAT(outside.output, Contains("lies in no body region"));
    CHECK(runDorsal({"where"}, "where_nothing").exitCode == 2);
}

TEST_CASE("starting with --where marks and paints the sore area", "[render][where]") {
    const std::vector<std::string> view{"--view", "posterior", "--no-ui", "--resolution", "300,500"};
    std::vector<std::string> marked = view;
    marked.insert(marked.end(), {"--where", "lower_back,buttock"});
    const Image withMarks = render("where_marked", marked, builtInModel());
    const Image plain = render("where_plain", view, builtInModel());
    CHECK(differingPixelFraction(withMarks, plain, 24) > 0.02);
}

namespace {

nlohmann::json readJson(const std::filesystem::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

// The pin colour of the markers' heads.
bool isPinGreen(const glm::ivec3& c) { return near(c, {22, 196, 127}, 30); }

}  // namespace

TEST_CASE("a saved scene opens to the same picture and the same report", "[render][scene]") {
    const std::filesystem::path dir = test::scratchDir("scene_round_trip_render");
    const std::string scene = (dir / "client.dorsal").string();
    const std::vector<std::string> common{"--resolution", "640,480"};
    std::vector<std::string> first{"--select", "low_back_pain", "--hide", "bone.vertebra_l3", "--dim", "--labels",
                                   "--pin", "0.06,1.42,-0.09:tender here", "--pin", "-0.1,1.0,-0.1:pain 6/10",
                                   "--save-scene", scene, "--output", (dir / "a.png").string(),
                                   "--report", (dir / "a.json").string()};
    first.insert(first.end(), common.begin(), common.end());
    const RunResult saved = runDorsal(first, "scene_save");
    INFO(saved.output);
    REQUIRE(saved.exitCode == 0);

    std::vector<std::string> second{"--scene", scene, "--output", (dir / "b.png").string(), "--report",
                                    (dir / "b.json").string()};
    second.insert(second.end(), common.begin(), common.end());
    const RunResult opened = runDorsal(second, "scene_open");
    INFO(opened.output);
    REQUIRE(opened.exitCode == 0);
    const Image a = readPng(dir / "a.png");
    const Image b = readPng(dir / "b.png");
    CHECK(a.rgba == b.rgba);
    nlohmann::json reportA = readJson(dir / "a.json");
    nlohmann::json reportB = readJson(dir / "b.json");
    reportA.erase("picture");
    reportB.erase("picture");
    CHECK(reportA == reportB);
    CHECK(reportB.at("entry") == "low_back_pain");
    CHECK(reportB.at("pins").size() == 2);

    // The control: the same scene turned a little is another picture, so the comparison can fail.
    std::ifstream in(scene);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t yaw = text.find("yaw = ");
    REQUIRE(yaw != std::string::npos);
    text.insert(yaw + 6, "0.1 + ");  // not TOML: refused
    std::ofstream(dir / "broken.dorsal") << text;
    text.erase(yaw + 6, 6);
    text.replace(yaw + 6, text.find('\n', yaw) - yaw - 6, "2.9");
    std::ofstream(dir / "turned.dorsal") << text;
    std::vector<std::string> turned{"--scene", (dir / "turned.dorsal").string(), "--output", (dir / "c.png").string()};
    turned.insert(turned.end(), common.begin(), common.end());
    REQUIRE(runDorsal(turned, "scene_turned").exitCode == 0);
    CHECK(readPng(dir / "c.png").rgba != a.rgba);

    // A broken scene: one line naming the file, and no picture.
    const RunResult broken = runDorsal({"--scene", (dir / "broken.dorsal").string(), "--output",
                                        (dir / "d.png").string()}, "scene_broken");
    CHECK(broken.exitCode == 1);
    CHECK_THAT(broken.output, StartsWith("dorsal: " + (dir / "broken.dorsal").string() + ": line "));
    CHECK(std::count(broken.output.begin(), broken.output.end(), '\n') == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "d.png"));
}

TEST_CASE("a pin shows on the body with its note, and faint from the other side", "[render][pins]") {
    const std::filesystem::path dir = test::scratchDir("pin_render");
    const auto renderPin = [&](const std::string& name, const std::string& pin, const std::string& view) {
        const RunResult run = runDorsal({"--pin", pin, "--view", view, "--no-ui", "--resolution", "480,640", "--output",
                                         (dir / (name + ".png")).string(), "--report", (dir / (name + ".json")).string()},
                                        "pin_" + name);
        INFO(run.output);
        REQUIRE(run.exitCode == 0);
        return std::pair{readPng(dir / (name + ".png")), readJson(dir / (name + ".json")).at("pins").at(0)};
    };
    const auto [noted, pin] = renderPin("noted", "0.12,1.2,-0.1:tight", "posterior");
    CHECK(pin.at("node") == "muscle.latissimus_dorsi.L");
    CHECK(pin.at("note") == "tight");
    CHECK(pin.at("seen") == true);
    REQUIRE(pin.at("x").is_number());
    const int x = static_cast<int>(pin.at("x").get<float>());
    const int y = static_cast<int>(pin.at("y").get<float>());
    // The marker's round head stands above the point, in the pin colour.
    CHECK(isPinGreen(rgb(noted, x, y - 16)));
    // The note: the picture without it differs only to the right of the head, where its box is.
    const auto [bare, barePin] = renderPin("bare", "0.12,1.2,-0.1:", "posterior");
    int differentInBox = 0;
    int differentElsewhere = 0;
    for (int py = 0; py < noted.height; ++py) {
        for (int px = 0; px < noted.width; ++px) {
            if (rgb(noted, px, py) == rgb(bare, px, py)) continue;
            const bool inBox = px > x && px < x + 120 && std::abs(py - (y - 16)) < 20;
            ++(inBox ? differentInBox : differentElsewhere);
        }
    }
    CHECK(differentInBox > 100);
    CHECK(differentElsewhere == 0);
    // From the front the pin on the back is behind the body: drawn faint, not as if in front.
    const auto [front, frontPin] = renderPin("front", "0.12,1.2,-0.1:tight", "anterior");
    CHECK(frontPin.at("seen") == false);
    if (frontPin.at("x").is_number()) {
        const int fx = static_cast<int>(frontPin.at("x").get<float>());
        const int fy = static_cast<int>(frontPin.at("y").get<float>());
        CHECK_FALSE(isPinGreen(rgb(front, fx, fy - 16)));
    }
}

// --- Presentation, the toolbar, pictures and settings --------------------------------------------

namespace {

// How many pixels of the rectangle from (x0, y0) to (x1, y1) have the panels' colour.
int panelPixels(const Image& image, int x0, int y0, int x1, int y1) {
    const glm::ivec3 panel(27, 29, 34);  // UiColours::kPanel at 97% over the dark background
    int count = 0;
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) count += near(rgb(image, x, y), panel, 4) ? 1 : 0;
    }
    return count;
}

}  // namespace

TEST_CASE("presentation: the 3D view fills the frame, with a caption and no side panel", "[render][present]") {
    const auto [picture, report] =
        renderBuiltInReport("present", {"--present", "--select", "psoas_major", "--labels", "--resolution", "1280,720"});
    CHECK(report.at("presenting") == true);
    CHECK(report.at("caption") == "Psoas major \u2014 where it sends pain");
    const nlohmann::json& scene = report.at("scene");
    CHECK(scene.at("x") == 0);
    CHECK(scene.at("y") == 0);
    CHECK(scene.at("width") == 1280);
    CHECK(scene.at("height") == 720);
    CHECK(report.at("side_panel").at("width") == 0);
    CHECK(report.at("entry_panel").at("width") == 0);
    CHECK(report.at("toolbar_fits") == true);
    // The reduced toolbar sits at the bottom centre, narrower than the frame.
    CHECK(report.at("toolbar").at("width") < 1280);
    // No panel along the left and right edges, where the side and entry panels would be.
    // (The upper half: lower down the background's gradient comes near the panels' colour.)
    CHECK(panelPixels(picture, 0, 40, 300, 360) < 500);
    CHECK(panelPixels(picture, 980, 40, 1280, 360) < 500);  // right of the caption
    // The caption: a dark band with light text at the top centre.
    int light = 0;
    for (int y = 16; y < 70; ++y) {
        for (int x = 400; x < 880; ++x) light += rgb(picture, x, y).g > 220 ? 1 : 0;
    }
    CHECK(light > 300);
    // The control: the same without --present has the side panel on the left.
    const auto [normal, normalReport] =
        renderBuiltInReport("present_control", {"--select", "psoas_major", "--labels", "--resolution", "1280,720"});
    CHECK(normalReport.at("presenting") == false);
    CHECK(normalReport.at("caption").is_null());
    CHECK(panelPixels(normal, 0, 40, 300, 360) > 50000);
}

TEST_CASE("the toolbar's buttons all fit in a 640 x 480 window", "[render][layout]") {
    for (const char* select : {"psoas_major", ""}) {
        std::vector<std::string> args{"--resolution", "640,480"};
        if (*select) args.insert(args.end(), {"--select", select});
        const auto [picture, report] = renderBuiltInReport(std::string("toolbar_640_") + (*select ? "entry" : "none"), args);
        INFO("select " << select);
        CHECK(report.at("toolbar_fits") == true);
        CHECK(report.at("toolbar").at("width") == 640);
    }
    // The control: a 420 px wide window cannot hold them in the toolbar's three rows.
    const auto [narrow, narrowReport] = renderBuiltInReport("toolbar_420", {"--resolution", "420,480"});
    CHECK(narrowReport.at("toolbar_fits") == false);
}

TEST_CASE("an entry opened leaves the 3D view where it was", "[render][layout]") {
    const auto [open, openReport] = renderBuiltInReport("view_entry_open", {"--select", "psoas_major"});
    const auto [closed, closedReport] = renderBuiltInReport("view_entry_closed", {});
    CHECK(openReport.at("scene") == closedReport.at("scene"));
    CHECK(openReport.at("entry_panel").at("width") > 0);
}

TEST_CASE("dorsal settings reads XDG_CONFIG_HOME and never fails on a bad settings folder", "[settings][cli]") {
    const std::filesystem::path root = test::scratchDir("settings_cli");
    const auto run = [&](const std::filesystem::path& config, const std::string& name) {
        return runDorsal({"settings"}, "settings_" + name, "env XDG_CONFIG_HOME=" + test::shellQuoted(config.string()));
    };
    SECTION("missing: the defaults, and where the file would be") {
        const RunResult result = run(root / "missing", "missing");
        CHECK(result.exitCode == 0);
        CHECK_THAT(result.output, StartsWith("# " + (root / "missing" / "dorsal" / "settings.toml").string() + "\n"));
        CHECK_THAT(result.output, Contains("font_size = 16\n"));
        CHECK_FALSE(std::filesystem::exists(root / "missing"));  // reading creates nothing
    }
    SECTION("a settings file is read") {
        std::filesystem::create_directories(root / "good" / "dorsal");
        std::ofstream(root / "good" / "dorsal" / "settings.toml") << "version = 1\nfont_size = 22\npaper = \"letter\"\n";
        const RunResult result = run(root / "good", "good");
        CHECK(result.exitCode == 0);
        CHECK_THAT(result.output, Contains("font_size = 22\n"));
        CHECK_THAT(result.output, Contains("paper = 'letter'\n"));
    }
    SECTION("corrupt: one line naming the file, then the defaults") {
        std::filesystem::create_directories(root / "corrupt" / "dorsal");
        std::ofstream(root / "corrupt" / "dorsal" / "settings.toml") << "font_size = [[[\n";
        const RunResult result = run(root / "corrupt", "corrupt");
        CHECK(result.exitCode == 0);
        CHECK_THAT(result.output, StartsWith("dorsal: " + (root / "corrupt" / "dorsal" / "settings.toml").string() + ":1: "));
        CHECK_THAT(result.output, Contains("font_size = 16\n"));
    }
    SECTION("a file where the folder should be, and a folder that cannot be read") {
        std::ofstream(root / "file") << "not a folder";
        const RunResult file = run(root / "file", "file");
        CHECK(file.exitCode == 0);
        CHECK_THAT(file.output, Contains("font_size = 16\n"));
        std::filesystem::create_directories(root / "locked" / "dorsal");
        std::ofstream(root / "locked" / "dorsal" / "settings.toml") << "font_size = 20\n";
        std::filesystem::permissions(root / "locked", std::filesystem::perms::none);
        const RunResult locked = run(root / "locked", "locked");
        std::filesystem::permissions(root / "locked", std::filesystem::perms::owner_all);
        CHECK(locked.exitCode == 0);
        CHECK_THAT(locked.output, Contains("font_size = "));
    }
}

TEST_CASE("a picture is a real JPEG or PNG at the size asked, labels included", "[render][picture]") {
    const std::filesystem::path dir = test::scratchDir("picture_sizes");
    for (const auto& [name, size] : {std::pair{"small.jpg", "320,200"}, std::pair{"wide.png", "1000,300"}}) {
        const RunResult run =
            runDorsal({"--no-ui", "--labels", "--select", "psoas_major", "--resolution", size, "--output", (dir / name).string()},
                      std::string("picture_") + name);
        INFO(run.output);
        REQUIRE(run.exitCode == 0);
    }
    std::ifstream jpeg(dir / "small.jpg", std::ios::binary);
    char magic[3] = {};
    jpeg.read(magic, 3);
    CHECK(std::string(magic, 3) == std::string("\xff\xd8\xff", 3));
    const Image jpegImage = readPng(dir / "small.jpg");  // stb reads JPEG too
    CHECK(jpegImage.width == 320);
    CHECK(jpegImage.height == 200);
    const Image wide = readPng(dir / "wide.png");
    CHECK(wide.width == 1000);
    CHECK(wide.height == 300);
}
