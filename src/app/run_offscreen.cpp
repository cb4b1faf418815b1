#include <cstdio>

#include <imgui.h>

#include "app/offscreen_context.h"
#include "app/runs.h"
#include "app/session.h"
#include "core/content.h"
#include "core/image.h"

namespace dorsal {

namespace {

// ImGui sizes auto-fitting windows over a couple of frames; the picture is taken once it settles.
constexpr int kSettleFrames = 3;

}  // namespace

bool applyStartOptions(const Options& options, Session& session) {
    if (!options.select.empty() && !session.selectByName(options.select)) return false;
    for (const std::string& name : options.hide) {
        if (!session.hideByName(name)) return false;
    }
    ViewState& view = session.view();
    view.xray = options.xray;
    view.others = options.dimOthers ? OthersStyle::Dimmed : OthersStyle::Normal;
    view.strataShown = options.strataShown;
    view.side = options.side;
    if (options.isolate) session.isolateHighlight();
    return true;
}

int runOffscreen(const Options& options) {
    // A bad --output fails before the slow part, and never replaces what the picture is made from.
    checkImageTarget(options.output, {options.model.empty() ? builtInModelPath() : options.model,
                                      options.contentDir.empty() ? builtInContentPath() : options.contentDir});
    OffscreenContext context;
    Session session(1.0f, options.view, options.contentDir.empty() ? builtInContentPath() : options.contentDir);
    session.setFrameSize(options.width, options.height, options.showUi);
    const std::filesystem::path modelPath = options.model.empty() ? builtInModelPath() : options.model;
    bool ok = session.loadModel(modelPath);
    if (ok) ok = applyStartOptions(options, session);
    session.view().labels = options.labels;
    if (!ok) {
        for (const std::string& message : session.messages()) std::fprintf(stderr, "dorsal: %s\n", message.c_str());
        return 1;
    }
    for (int frame = 0; frame < kSettleFrames; ++frame) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(options.width), static_cast<float>(options.height));
        io.DeltaTime = 1.0f / 60.0f;
        session.composeFrame(options.width, options.height, options.showUi);
    }
    writeImage(options.output, session.renderer().readFrame());
    return 0;
}

}  // namespace dorsal
