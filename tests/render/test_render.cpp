// Render tests: run the real dorsal binary offscreen (EGL, no display) and check the pixels.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/camera.h"
#include "core/content.h"
#include "core/image.h"
#include "core/model_loader.h"
#include "core/view_state.h"
#include "render/renderer.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

struct RunResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

// Single-quoted for the shell (the test paths hold no single quotes).
std::string quote(const std::string& s) {
    std::string quoted;
    quoted.append(1, '\'').append(s).append(1, '\'');
    return quoted;
}

// Runs dorsal with `args`; `environment` is a prefix such as "env -u DISPLAY".
RunResult runDorsal(const std::vector<std::string>& args, const std::string& name, const std::string& environment = "") {
    const std::filesystem::path log = test::scratchDir("run_" + name) / "output.txt";
    std::string command = environment + " " + quote(DORSAL_BINARY);
    for (const std::string& arg : args) command.append(" ").append(quote(arg));
    command += " > " + quote(log.string()) + " 2>&1";
    const int status = std::system(command.c_str());
    RunResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    result.output = text.str();
    return result;
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
    OrbitCamera camera;
    camera.frame(model.bounds, static_cast<float>(kWidth) / kHeight, ViewPreset::Posterior);
    // The projected rectangle of the right box's corners.
    const auto [low, high] = camera.projectedRect(model.subtreeBounds(model.findNode("box_right")), {kWidth, kHeight});
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
    const std::filesystem::path model = test::dataDir() / "corrupt.glb";
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

std::filesystem::path builtInModel() { return test::sourceDir() / "assets" / "models" / "dorsal-back.glb"; }

// The related-structure amber: bright, red well above blue.
bool isRelatedAmber(const glm::ivec3& c) { return c.r > 200 && c.g > 130 && c.b < 120 && c.r - c.b > 110; }

// The pixel rectangle covering `nodes` as the app frames the whole model in a w x h view.
std::pair<glm::vec2, glm::vec2> projectedRect(const Model& model, const std::vector<int>& nodes, int w, int h,
                                              ViewPreset preset) {
    OrbitCamera camera;
    camera.frame(model.bounds, static_cast<float>(w) / static_cast<float>(h), preset);
    Bounds box;
    for (int node : nodes) box.add(model.subtreeBounds(node));
    return camera.projectedRect(box, glm::vec2(w, h));
}

}  // namespace

TEST_CASE("selecting psoas major by its id lights it where it projects, seen from the front", "[render][content]") {
    const Image image = render("select_psoas", {"--no-ui", "--resolution", "600,800", "--view", "anterior", "--select",
                                                "psoas_major"}, builtInModel());
    const Model model = loadModel(builtInModel());
    const std::vector<int> psoas{model.findNode("muscle.psoas_major.L"), model.findNode("muscle.psoas_major.R")};
    REQUIRE(psoas[0] >= 0);
    REQUIRE(psoas[1] >= 0);
    const auto [low, high] = projectedRect(model, psoas, 600, 800, ViewPreset::Anterior);
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
    for (int y = 0; y < 800; ++y) {
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
    CHECK_THAT(wrong.output, Contains("no entry with id \"quadratus_lumborom\"; did you mean quadratus_lumborum"));
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

// Counts the pixels of a picture of the built-in model that `predicate` accepts, within columns
// [x0, x1) (the whole width by default).
template <typename Predicate>
int countPixels(const Image& image, Predicate predicate, int x0 = 0, int x1 = -1) {
    if (x1 < 0) x1 = image.width;
    int count = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = x0; x < x1; ++x) count += predicate(rgb(image, x, y)) ? 1 : 0;
    }
    return count;
}

// Muscle red as the model draws it: red well above green and blue.
bool isMuscleRed(const glm::ivec3& c) { return c.r > 90 && c.r > c.g + 50 && c.r > c.b + 50; }

Image renderBuiltIn(const std::string& name, std::vector<std::string> args) {
    args.insert(args.end(), {"--no-ui", "--resolution", "400,600"});
    return render(name, args, builtInModel());
}

}  // namespace

TEST_CASE("isolating a muscle leaves only it on show", "[render][explore]") {
    const Image isolated = renderBuiltIn("isolate", {"--select", "latissimus_dorsi", "--isolate"});
    const Image control = renderBuiltIn("isolate_control", {"--select", "latissimus_dorsi"});
    const int blue = countPixels(isolated, isSelectionBlue);
    INFO("isolated: blue " << blue << ", red " << countPixels(isolated, isMuscleRed) << "; control red "
                           << countPixels(control, isMuscleRed));
    CHECK(blue > 2000);
    CHECK(countPixels(isolated, isMuscleRed) == 0);
    CHECK(countPixels(control, isMuscleRed) > 2000);
}

TEST_CASE("a peeled layer disappears and the layers below it show", "[render][explore]") {
    const Image all = renderBuiltIn("peel_none", {"--select", "trapezius"});
    const Image peeled = renderBuiltIn("peel_superficial", {"--select", "trapezius", "--layers",
                                                             "intermediate,deep,bones"});
    INFO("trapezius blue with every layer " << countPixels(all, isSelectionBlue) << ", with the superficial peeled "
                                            << countPixels(peeled, isSelectionBlue));
    CHECK(countPixels(all, isSelectionBlue) > 1000);
    CHECK(countPixels(peeled, isSelectionBlue) == 0);
    CHECK(countPixels(peeled, isMuscleRed) > 1000);  // the deeper muscles are still there
}

TEST_CASE("x-ray shows the selected muscle behind the others", "[render][explore]") {
    // Psoas major lies deep in front of the spine: from behind it is hidden until the rest turns
    // see-through.
    const Image solid = renderBuiltIn("xray_off", {"--select", "psoas_major", "--view", "posterior"});
    const Image xray = renderBuiltIn("xray_on", {"--select", "psoas_major", "--view", "posterior", "--xray"});
    const int hidden = countPixels(solid, isSelectionBlue);
    const int seen = countPixels(xray, isSelectionBlue);
    INFO("psoas blue from behind: solid " << hidden << ", x-ray " << seen);
    CHECK(hidden < 100);
    CHECK(seen > 1000);
}

TEST_CASE("each view preset shows the expected side of the body", "[render][explore]") {
    const int trapeziusBehind = countPixels(renderBuiltIn("trapezius_posterior", {"--select", "trapezius", "--view", "posterior"}), isSelectionBlue);
    const int trapeziusFront = countPixels(renderBuiltIn("trapezius_anterior", {"--select", "trapezius", "--view", "anterior"}), isSelectionBlue);
    const int rectusFront = countPixels(renderBuiltIn("rectus_anterior", {"--select", "rectus_abdominis", "--view", "anterior"}), isSelectionBlue);
    const int rectusBehind = countPixels(renderBuiltIn("rectus_posterior", {"--select", "rectus_abdominis", "--view", "posterior"}), isSelectionBlue);
    INFO("trapezius: posterior " << trapeziusBehind << ", anterior " << trapeziusFront << "; rectus abdominis: anterior "
                                 << rectusFront << ", posterior " << rectusBehind);
    CHECK(trapeziusBehind > 3000);
    CHECK(trapeziusBehind > 4 * trapeziusFront);
    CHECK(rectusFront > 1500);
    CHECK(rectusBehind < 50);
    // Left and right: the latissimus dorsi seen from the left shows only the left one.
    const Image fromLeft = renderBuiltIn("lats_left_view", {"--select", "latissimus_dorsi", "--view", "left"});
    CHECK(countPixels(fromLeft, isSelectionBlue) > 1500);
}

TEST_CASE("showing one side hides the other side's muscles", "[render][explore]") {
    // From behind the body's left is on the picture's left.
    const Image left = renderBuiltIn("side_left", {"--select", "latissimus_dorsi", "--side", "left"});
    const int onLeft = countPixels(left, isSelectionBlue, 0, 200);
    const int onRight = countPixels(left, isSelectionBlue, 200, 400);
    INFO("blue on the picture's left " << onLeft << ", right " << onRight);
    CHECK(onLeft > 1000);
    CHECK(onRight < onLeft / 50);
}

TEST_CASE("labels name the highlighted muscles beside the model", "[render][explore]") {
    const Image labelled = renderBuiltIn("labels_on", {"--select", "psoas_major", "--view", "anterior", "--labels"});
    const Image plain = renderBuiltIn("labels_off", {"--select", "psoas_major", "--view", "anterior"});
    // The label boxes sit in columns at the picture's edges, where the model never is: light text
    // and blue frames appear there only with labels.
    const auto labelInk = [](const glm::ivec3& c) { return c.r > 200 && c.g > 200 && c.b > 200; };
    const int withLabels = countPixels(labelled, labelInk, 0, 60) + countPixels(labelled, labelInk, 340, 400);
    const int without = countPixels(plain, labelInk, 0, 60) + countPixels(plain, labelInk, 340, 400);
    INFO("light pixels at the edges: with labels " << withLabels << ", without " << without);
    CHECK(withLabels > 40);
    CHECK(without == 0);
}

TEST_CASE("a muscle hidden behind others gets no label until x-ray shows it", "[render][explore]") {
    const auto inkAtEdges = [](const Image& image) {
        const auto labelInk = [](const glm::ivec3& c) { return c.r > 200 && c.g > 200 && c.b > 200; };
        return countPixels(image, labelInk, 0, 60) + countPixels(image, labelInk, 340, 400);
    };
    const int hidden = inkAtEdges(renderBuiltIn("label_hidden", {"--select", "psoas_major", "--view", "posterior", "--labels"}));
    const int shown = inkAtEdges(renderBuiltIn("label_xray", {"--select", "psoas_major", "--view", "posterior", "--labels", "--xray"}));
    INFO("label ink from behind: solid " << hidden << ", x-ray " << shown);
    CHECK(hidden == 0);
    CHECK(shown > 40);
}

TEST_CASE("hiding by entry id takes both sides away, and an unknown name is refused", "[render][explore]") {
    const Image hidden = renderBuiltIn("hide_trapezius", {"--select", "latissimus_dorsi", "--hide", "latissimus_dorsi"});
    const Image shown = renderBuiltIn("hide_control", {"--select", "latissimus_dorsi"});
    CHECK(countPixels(hidden, isSelectionBlue) == 0);
    CHECK(countPixels(shown, isSelectionBlue) > 2000);

    const std::filesystem::path png = test::scratchDir("hide_unknown") / "never.png";
    const RunResult run = runDorsal({"--output", png.string(), "--hide", "rectus_abdominus"}, "hide_unknown");
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.output, Contains("no entry or structure named \"rectus_abdominus\"; did you mean rectus_abdominis"));
    CHECK_FALSE(std::filesystem::exists(png));
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
    CHECK(run.exitCode == 1);
    CHECK(run.output == missing.string() + ":1:1: content folder not found\n" + missing.string() + ": 1 problem\n");
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
    CHECK_THAT(run.output, Contains("no entry with id \"psoaz\"; did you mean psoas_major"));
}
