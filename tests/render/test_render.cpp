// Render tests: run the real dorsal binary offscreen (EGL, no display) and check the pixels.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/camera.h"
#include "core/image.h"
#include "core/model_loader.h"
#include "core/view_state.h"
#include "render/renderer.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;

namespace {

struct RunResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

std::string quote(const std::string& s) { return "'" + s + "'"; }

// Runs dorsal with `args`; `environment` is a prefix such as "env -u DISPLAY".
RunResult runDorsal(const std::vector<std::string>& args, const std::string& name, const std::string& environment = "") {
    const std::filesystem::path log = test::scratchDir("run_" + name) / "output.txt";
    std::string command = environment + " " + quote(DORSAL_BINARY);
    for (const std::string& arg : args) command += " " + quote(arg);
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
    const Bounds box = model.subtreeBounds(model.findNode("box_right"));
    glm::vec2 low(1e9f), high(-1e9f);
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 p((corner & 1) ? box.max.x : box.min.x, (corner & 2) ? box.max.y : box.min.y,
                          (corner & 4) ? box.max.z : box.min.z);
        const glm::vec3 pixel = camera.project(p, {kWidth, kHeight});
        low = glm::min(low, glm::vec2(pixel));
        high = glm::max(high, glm::vec2(pixel));
    }
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
