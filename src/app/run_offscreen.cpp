#include <cstdio>

#include <imgui.h>

#include "app/offscreen_context.h"
#include "app/runs.h"
#include "app/session.h"
#include "core/data_paths.h"
#include "core/content.h"
#include "core/image.h"

namespace dorsal {

namespace {

// ImGui sizes auto-fitting windows over a couple of frames; the picture is taken once it settles.
constexpr int kSettleFrames = 3;

void printMessages(const AtlasState& atlas) {
    for (const std::string& message : atlas.messages()) std::fprintf(stderr, "dorsal: %s\n", message.c_str());
}

}  // namespace

int runOffscreen(const Options& options) {
    // A bad --output fails before the slow part, and never replaces what the picture is made from.
    checkImageTarget(options.output, {options.model.empty() ? builtInModelPath() : options.model,
                                      options.contentDir.empty() ? builtInContentPath() : options.contentDir});
    OffscreenContext context;
    Session session(1.0f, loadContent(options.contentDir.empty() ? builtInContentPath() : options.contentDir),
                    shaderDirectory());
    AtlasState& atlas = session.atlas();
    atlas.setStartView(options.view);
    atlas.setFrame(options.width, options.height, options.showUi, session.uiScale());
    const std::filesystem::path modelPath = options.model.empty() ? builtInModelPath() : options.model;
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
    writeImage(options.output, session.renderer().readFrame());
    printMessages(atlas);  // warnings: what the picture may lack
    return 0;
}

}  // namespace dorsal
