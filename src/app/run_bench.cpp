#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <vector>

#include <glm/gtc/constants.hpp>
#include <imgui.h>

#include "app/offscreen_context.h"
#include "app/runs.h"
#include "app/session.h"
#include "core/bench_model.h"
#include "core/content.h"
#include "core/data_paths.h"
#include "core/detail.h"
#include "core/model_loader.h"
#include "core/picking.h"
#include "core/search.h"
#include "core/shapes.h"
#include "render/gl.h"

namespace dorsal {

namespace {

using Clock = std::chrono::steady_clock;

// Taken during static initialisation, before main: the closest the program gets to its start.
const Clock::time_point processStart = Clock::now();

constexpr int kLoadRuns = 5;
constexpr int kContentRuns = 10;
// A person typing names and then sentences, one search per keystroke.
constexpr std::string_view kTypedQueries[] = {"psoas major", "hip flexor", "my lower back hurts",
                                              "pain between my shoulder blades"};
constexpr int kWarmUpFrames = 10;
constexpr int kMeasuredFrames = 240;
// Wheel steps in for the close-up turn: the body then fills the view.
constexpr float kCloseUpZoomSteps = 6.0f;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const std::size_t index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

// Peak resident memory of this process in MiB, from Linux's /proc; 0 where unknown.
double peakMemoryMiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    }
    return 0.0;
}

void renderOneFrame(Session& session, const Options& options, FramePhaseTimes* phases = nullptr) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(options.width), static_cast<float>(options.height));
    io.DeltaTime = 1.0f / 60.0f;
    session.composeFrame(options.width, options.height, true, phases);
}

// Picking times in milliseconds for rays through a 24 x 24 grid of pixels over where the model
// appears, framed as the app frames it; `hits` counts the rays that found a structure.
std::vector<double> timePicking(const Model& model, const Viewport& scene, int& hits) {
    OrbitCamera camera;
    camera.frame(model.bounds, scene.aspect(), ViewPreset::Posterior);
    const glm::vec2 size(static_cast<float>(scene.width), static_cast<float>(scene.height));
    // Framed, the model lies in front of the eye, so that its rectangle exists.
    const auto [low, high] = camera.projectedRect(model.bounds, size).value();
    constexpr int kGrid = 24;
    std::vector<double> times;
    hits = 0;
    for (int gy = 0; gy < kGrid; ++gy) {
        for (int gx = 0; gx < kGrid; ++gx) {
            const glm::vec2 pixel = low + (high - low) * (glm::vec2(gx, gy) + 0.5f) / static_cast<float>(kGrid);
            const Clock::time_point start = Clock::now();
            const bool hit = pickNearest(model, camera.rayThrough(pixel, size)).has_value();
            times.push_back(millisecondsSince(start));
            hits += hit ? 1 : 0;
        }
    }
    return times;
}

// A model of about two million triangles in one mesh, the hardest case for picking.
Model twoMillionTriangleModel(double& buildMilliseconds) {
    Model model;
    model.nodes.push_back(Node{"dense sphere", -1, {}, {0}});
    model.parts.push_back(makeSphere(0.5f, 1001, 1000));
    const Clock::time_point start = Clock::now();
    model.parts[0].tree.build(model.parts[0].positions, model.parts[0].indices);
    buildMilliseconds = millisecondsSince(start);
    model.bounds = model.parts[0].bounds;
    return model;
}

// Quoted for a POSIX shell.
std::string shellQuoted(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// The figures of a BodyParts3D-size model (core/bench_model.h), measured by a bench of its own in
// a process of its own, so that its start and its peak memory are its own; printed with the prefix
// "large_model_". Returns false when it could not be measured.
bool printLargeModelFigures(const Options& options) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() / "dorsal-bench-model.glb";
    try {
        writeBenchModel(path);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "dorsal: cannot write the large bench model: %s\n", error.what());
        return false;
    }
    const std::string command = shellQuoted(std::filesystem::read_symlink("/proc/self/exe").string()) +
                                " bench --model " + shellQuoted(path.string()) + " --resolution " +
                                std::to_string(options.width) + "," + std::to_string(options.height);
    FILE* child = popen(command.c_str(), "r");
    if (!child) return false;
    constexpr std::string_view kKept[] = {"model_load_median", "start_to_first_offscreen_frame", "first_frame_phases",
                                          "detail_levels_after_first_frame", "frame_time_median", "frame_time_p95",
                                          "frame_phases_mean", "frame_time_full_resolution", "peak_memory:"};
    char line[1024];
    while (std::fgets(line, sizeof line, child)) {
        const std::string_view text(line);
        if (std::any_of(std::begin(kKept), std::end(kKept), [&](std::string_view key) { return text.rfind(key, 0) == 0; })) {
            std::printf("large_model_%s", line);
        }
    }
    return pclose(child) == 0;
}

}  // namespace

int runBench(const Options& options) {
    const std::filesystem::path modelPath = options.model.empty() ? builtInModelPath() : options.model;

    // From the start of the process to the first frame, phase by phase.
    const double untilMain = millisecondsSince(processStart);
    Clock::time_point phaseStart = Clock::now();
    const auto phase = [&phaseStart] {
        const Clock::time_point now = Clock::now();
        const double milliseconds = std::chrono::duration<double, std::milli>(now - phaseStart).count();
        phaseStart = now;
        return milliseconds;
    };
    // As `dorsal --output` does: the model and the content load beside the graphics context.
    std::future<Content> contentLoad =
        loadContentBeside(options.contentDir.empty() ? builtInContentPath() : options.contentDir);
    std::future<Model> pendingModel = loadModelBeside(modelPath);
    OffscreenContext context;
    const double contextTime = phase();
    Session session(1.0f, contentLoad.get(), shaderDirectory());
    const double sessionTime = phase();
    AtlasState& atlas = session.atlas();
    atlas.setStartView(options.view);
    atlas.setFrame(options.width, options.height, true, session.uiScale());
    session.warmUpDrawing(options.width, options.height);  // while the model loads, as a picture does
    if (!session.loadModel(pendingModel)) {
        std::fprintf(stderr, "dorsal: %s\n", atlas.messages().back().text.c_str());
        return 1;
    }
    const double modelTime = phase();
    renderOneFrame(session, options);
    (void)session.renderer().readFrame();
    const double drawTime = phase();
    const double firstFrame = millisecondsSince(processStart);
    // The window builds them after its first frame; the frames below are measured with them.
    phase();
    const bool levelsStored = hasDetailLevels(*atlas.model());
    session.finishDetailLevels();
    const double detailLevelsTime = phase();

    // Frames as the window draws them.
    session.setLiveView(true);
    for (int i = 0; i < kWarmUpFrames; ++i) renderOneFrame(session, options);
    glFinish();
    // The camera turns once around the model over the measured frames, as a person orbiting it
    // would, so every side and every level of detail is counted.
    const float dragPerFrame = 2.0f * glm::pi<float>() / OrbitCamera::kOrbitRadiansPerPixel / kMeasuredFrames;
    ImGuiIO& io = ImGui::GetIO();
    const auto timeFrames = [&](bool turning) {
        std::vector<double> frames;
        for (int i = 0; i < kMeasuredFrames; ++i) {
            const Clock::time_point start = Clock::now();
            if (turning) {
                atlas.orbit(dragPerFrame, 0.0f);
            } else {
                // The pointer runs down the side panel's list, lighting one row after another.
                const float along = static_cast<float>(i) / kMeasuredFrames;
                io.MousePos = ImVec2(0.08f * static_cast<float>(options.width),
                                     (0.18f + 0.65f * along) * static_cast<float>(options.height));
            }
            renderOneFrame(session, options);
            glFinish();  // count the frame when the pixels exist, not when the commands are queued
            frames.push_back(millisecondsSince(start));
        }
        return frames;
    };
    const std::vector<double> frames = timeFrames(true);
    // The same turn again, finishing the GL work after each phase to see where a frame goes.
    FramePhaseTimes phases;
    for (int i = 0; i < kMeasuredFrames; ++i) {
        atlas.orbit(dragPerFrame, 0.0f);
        renderOneFrame(session, options, &phases);
    }
    // The camera settled, the pointer moving over the panels: the scene is kept, and the panels
    // are drawn again when a row lights up.
    atlas.advanceTime(AtlasState::kSettleSeconds);
    renderOneFrame(session, options);
    const std::vector<double> panelFrames = timeFrames(false);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // the pointer leaves
    // Turning with every frame drawn in full, as pictures are (and as a GPU draws the window's).
    session.setLiveView(false);
    const std::vector<double> fullFrames = timeFrames(true);
    // Close up, as the window draws it: zoomed in on the middle of the view until the body fills
    // it, turning again.
    session.setLiveView(true);
    const Viewport scene = atlas.layout().scene;
    atlas.zoomTowards(glm::vec2(scene.x, scene.y) + glm::vec2(scene.width, scene.height) * 0.5f, kCloseUpZoomSteps);
    const std::vector<double> closeUpFrames = timeFrames(true);
    // The app's own peak: what follows (loading the model and
    // the content again, the synthetic picking model) is the bench's, not the app's.
    const double appPeakMemory = peakMemoryMiB();

    std::vector<double> loads;
    for (int i = 0; i < kLoadRuns; ++i) {
        const Clock::time_point start = Clock::now();
        const Model model = loadModel(modelPath);
        loads.push_back(millisecondsSince(start));
    }

    const std::filesystem::path contentDir = options.contentDir.empty() ? builtInContentPath() : options.contentDir;
    std::vector<double> contentLoads;
    for (int i = 0; i < kContentRuns; ++i) {
        const Clock::time_point start = Clock::now();
        const Content content = loadContent(contentDir);
        (void)contentProblemsWithModel(content, muscleIdsOf(*atlas.model()), modelPath.filename().string());
        contentLoads.push_back(millisecondsSince(start));
    }
    const SearchIndex& index = atlas.search();
    std::vector<double> keystrokes;
    for (std::string_view query : kTypedQueries) {
        for (std::size_t length = 1; length <= query.size(); ++length) {
            const Clock::time_point start = Clock::now();
            const SearchAnswer answer = index.search(query.substr(0, length));
            keystrokes.push_back(millisecondsSince(start));
        }
    }

    int hits = 0;
    const std::vector<double> picks = timePicking(*atlas.model(), atlas.layout().scene, hits);
    double denseTreeBuild = 0.0;
    const Model dense = twoMillionTriangleModel(denseTreeBuild);
    int denseHits = 0;
    const std::vector<double> densePicks = timePicking(dense, atlas.layout().scene, denseHits);

    std::printf("# dorsal bench: %s, %dx%d with panels, %s, %d MSAA samples\n", modelPath.string().c_str(),
                options.width, options.height, context.kind().c_str(), session.renderer().samples());
    std::printf("model_load_median: %.1f ms\n", percentile(loads, 0.5));
    std::printf("start_to_first_offscreen_frame: %.1f ms\n", firstFrame);
    std::printf("first_frame_phases: start %.1f, graphics context %.1f, content, shaders and panels %.1f,"
                " model (what is left of its load) %.1f, first frame %.1f ms (model and content load beside the"
                " context)\n", untilMain, contextTime, sessionTime, modelTime, drawTime);
    if (levelsStored) {
        std::printf("detail_levels_after_first_frame: none built (the model file stores them)\n");
    } else {
        std::printf("detail_levels_after_first_frame: %.1f ms (on a thread of their own; frames are drawn meanwhile)\n",
                    detailLevelsTime);
    }
    std::printf("content_load_and_check_median: %.1f ms\n", percentile(contentLoads, 0.5));
    std::printf("search_per_keystroke_median: %.3f ms\n", percentile(keystrokes, 0.5));
    std::printf("search_per_keystroke_max: %.3f ms\n", percentile(keystrokes, 1.0));
    std::printf("picking_per_click_median: %.3f ms (%zu clicks over the model, %d on a structure)\n",
                percentile(picks, 0.5), picks.size(), hits);
    std::printf("picking_per_click_max: %.3f ms\n", percentile(picks, 1.0));
    std::printf("picking_2m_triangles_per_click_median: %.3f ms (%zu triangles in one mesh, %d of %zu clicks hit)\n",
                percentile(densePicks, 0.5), dense.triangleCount(), denseHits, densePicks.size());
    std::printf("picking_2m_triangles_per_click_max: %.3f ms\n", percentile(densePicks, 1.0));
    std::printf("picking_2m_triangles_tree_build: %.0f ms\n", denseTreeBuild);
    std::printf("frame_time_median: %.2f ms\n", percentile(frames, 0.5));
    std::printf("frame_time_p95: %.2f ms\n", percentile(frames, 0.95));
    std::printf("frames_measured: %d frames, orbiting once around the model, as the window draws them (%s)\n",
                kMeasuredFrames,
                session.renderer().software() ? "a software renderer: the scene at half resolution while it turns"
                                              : "in full");
    const auto perFrame = [](double total) { return total / kMeasuredFrames; };
    std::printf("frame_phases_mean: panels %.2f, scene %.2f, resolve %.2f, overlay %.2f ms"
                " (the GL work finished after each)\n",
                perFrame(phases.panels), perFrame(phases.scene), perFrame(phases.resolve), perFrame(phases.overlay));
    std::printf("frame_time_full_resolution_median: %.2f ms\n", percentile(fullFrames, 0.5));
    std::printf("frame_time_full_resolution_p95: %.2f ms (the same turn, every frame in full)\n",
                percentile(fullFrames, 0.95));
    std::printf("frame_time_close_up_median: %.2f ms\n", percentile(closeUpFrames, 0.5));
    std::printf("frame_time_close_up_p95: %.2f ms (the same turn, zoomed in until the body fills the view)\n",
                percentile(closeUpFrames, 0.95));
    std::printf("frame_time_panels_only_median: %.2f ms\n", percentile(panelFrames, 0.5));
    std::printf("frame_time_panels_only_p95: %.2f ms (the camera still, the pointer moving down the side panel's list)\n",
                percentile(panelFrames, 0.95));
    std::printf("peak_memory: %.0f MiB\n", appPeakMemory);
    std::printf("peak_memory_with_2m_triangle_picking_model: %.0f MiB\n", peakMemoryMiB());
    if (options.model.empty()) {
        std::printf("# the large model: %d structures, %d triangles (core/bench_model.h)\n", kBenchStructures,
                    kBenchStructures * kBenchTrianglesPerStructure);
        std::fflush(stdout);
        if (!printLargeModelFigures(options)) return 1;
    }
    return 0;
}

}  // namespace dorsal
