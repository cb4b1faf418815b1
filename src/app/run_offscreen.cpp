#include <cstdio>

#include <imgui.h>

#include "app/offscreen_context.h"
#include "app/runs.h"
#include "app/session.h"
#include "core/data_paths.h"
#include "core/content.h"
#include "core/frame_report.h"
#include "core/image.h"
#include "core/output_file.h"

namespace dorsal {

namespace {

// ImGui sizes auto-fitting windows over a couple of frames; the picture is taken once it settles.
constexpr int kSettleFrames = 3;

void printMessages(const AtlasState& atlas) {
    for (const std::string& message : atlas.messages()) std::fprintf(stderr, "dorsal: %s\n", message.c_str());
}

}  // namespace

int runOffscreen(const Options& options) {
    const std::filesystem::path modelPath = options.model.empty() ? builtInModelPath() : options.model;
    const std::filesystem::path contentDir = options.contentDir.empty() ? builtInContentPath() : options.contentDir;
    // A bad --output or --report fails before the slow part, and never replaces what the picture
    // is made from.
    checkImageTarget(options.output, {modelPath, contentDir});
    if (!options.report.empty()) checkOutputTarget(options.report, {modelPath, contentDir}, "report", "report.json");
    OffscreenContext context;
    Session session(1.0f, loadContent(contentDir), shaderDirectory());
    AtlasState& atlas = session.atlas();
    atlas.setStartView(options.view);
    // Presentation first: the camera frames what is shown for its layout.
    atlas.setPresenting(options.present);
    atlas.setFrame(options.width, options.height, options.showUi, session.uiScale());
    if (!session.loadModel(modelPath) || !atlas.applyStart(options.start)) {
        printMessages(atlas);
        return 1;
    }
    for (int frame = 0; frame < kSettleFrames; ++frame) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(options.width), static_cast<float>(options.height));
        io.DeltaTime = 1.0f / 60.0f;
        session.composeFrame(options.width, options.height, options.showUi);
    }
    // Without panels, the picture the window's File > Save picture... makes.
    writeImage(options.output, options.showUi ? session.renderer().readFrame()
                                              : session.renderPicture(options.width, options.height));
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
        facts.layout = atlas.layout();
        if (!session.caption().empty()) facts.caption = session.caption();
        facts.toolbarFits = session.toolbarFits();
        writeFileAtomically(options.report, frameReportJson(*atlas.model(), atlas.content(), facts));
    }
    printMessages(atlas);  // warnings: what the picture may lack
    return 0;
}

}  // namespace dorsal
