#include <cstdio>
#include <future>
#include <optional>
#include <vector>

#include <imgui.h>

#include "app/offscreen_context.h"
#include "app/runs.h"
#include "app/session.h"
#include "core/data_paths.h"
#include "core/content.h"
#include "core/frame_report.h"
#include "core/image.h"
#include "core/output_file.h"
#include "core/scene.h"

namespace dorsal {

namespace {

// ImGui sizes auto-fitting windows over a couple of frames; the picture is taken once it settles.
constexpr int kSettleFrames = 3;

void printMessages(const AtlasState& atlas) {
    for (const Message& message : atlas.messages()) std::fprintf(stderr, "dorsal: %s\n", message.text.c_str());
}

}  // namespace

int runOffscreen(const Options& options) {
    // A scene that cannot be read fails first, in one line (SceneError), before anything is made.
    const std::optional<Scene> scene =
        options.scene.empty() ? std::nullopt : std::optional<Scene>(readSceneFile(options.scene));
    const std::filesystem::path modelPath = scene                    ? (scene->model.empty() ? builtInModelPath() : scene->model)
                                            : options.model.empty() ? builtInModelPath()
                                                                    : options.model;
    const std::filesystem::path contentDir = options.contentDir.empty() ? builtInContentPath() : options.contentDir;
    const std::optional<NodeNames> names = options.names.empty() ? std::nullopt : std::optional(loadNodeNames(options.names));
    // A bad --output, --report or --save-scene fails before the slow part, and never replaces what
    // the picture is made from.
    const std::vector<std::filesystem::path> inputs{modelPath, contentDir};
    if (!options.output.empty()) checkImageTarget(options.output, inputs);
    if (!options.report.empty()) checkOutputTarget(options.report, inputs, "report", "report.json");
    if (!options.saveScene.empty()) checkOutputTarget(options.saveScene, inputs, "scene", "scene.dorsal");
    // The model and the content load beside each other and beside the graphics context.
    std::future<Content> content = loadContentBeside(contentDir);
    std::future<Model> model = scene ? std::future<Model>() : loadModelBeside(modelPath);
    OffscreenContext context;
    Session session(1.0f, content.get(), shaderDirectory());
    session.setBuildsDetailLevels(false);  // one picture: every frame draws at full detail
    if (names) session.useNames(*names);
    AtlasState& atlas = session.atlas();
    atlas.setStartView(options.view);
    // Presentation first: the camera frames what is shown for its layout.
    atlas.setPresenting(options.present);
    atlas.setFrame(options.width, options.height, options.showUi, session.uiScale());
    session.warmUpDrawing(options.width, options.height);  // while the model loads
    const bool ready = scene ? session.openScene(options.scene, false)
                             : session.loadModel(model) && atlas.applyStart(options.start);
    if (!ready) {
        printMessages(atlas);
        return 1;
    }
    if (!options.saveScene.empty()) writeSceneFile(options.saveScene, session.scene());
    if (options.output.empty()) {
        printMessages(atlas);
        return 0;
    }
    // The panels settle over a few frames; only the last is drawn.
    for (int frame = 0; frame < kSettleFrames; ++frame) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(options.width), static_cast<float>(options.height));
        io.DeltaTime = 1.0f / 60.0f;
        if (frame + 1 < kSettleFrames) {
            session.layOutPanels(options.width, options.height, options.showUi);
        } else {
            session.composeFrame(options.width, options.height, options.showUi);
        }
    }
    writeImage(options.output, session.renderer().readFrame());
    if (!options.report.empty()) {
        FrameFacts facts;
        facts.width = options.width;
        facts.height = options.height;
        facts.picture = options.output.string();
        facts.model = modelPath.string();
        facts.entry = atlas.openEntry();
        facts.view = std::string(viewPresetName(atlas.camera().nearestPreset()));
        facts.looks = atlas.looks();
        facts.pixels = session.renderer().visiblePixels(*atlas.model(), atlas.camera(), facts.looks, atlas.layout().scene);
        facts.labelled = session.labelledNodes();
        for (std::size_t i = 0; i < atlas.pins().size(); ++i) {
            facts.pins.push_back({atlas.pins()[i].node, atlas.pins()[i].note, atlas.pinPixel(i), atlas.pinSeen(i)});
        }
        facts.layout = atlas.layout();
        if (!session.caption().empty()) facts.caption = session.caption();
        facts.toolbarFits = session.toolbarFits();
        writeFileAtomically(options.report, frameReportJson(*atlas.model(), atlas.content(), facts));
    }
    printMessages(atlas);  // warnings: what the picture may lack
    return 0;
}

}  // namespace dorsal
