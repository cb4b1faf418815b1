#include <chrono>
#include <cstdio>

#include "app/handout_pictures.h"
#include "app/offscreen_context.h"
#include "app/runs.h"
#include "app/session.h"
#include "core/data_paths.h"
#include "handout/handout_pdf.h"

namespace dorsal {

int runHandout(const Options& options) {
    const std::filesystem::path modelPath = options.model.empty() ? builtInModelPath() : options.model;
    const std::filesystem::path contentDir = options.contentDir.empty() ? builtInContentPath() : options.contentDir;
    // A bad --output, subject or stretch fails before the slow part, creating nothing.
    checkHandoutTarget(options.output, {modelPath, contentDir});
    Content content = loadContent(contentDir);
    Handout handout = planHandout(content, SearchIndex(content), options.start.select, options.stretches, options.note,
                                  handoutDate(std::chrono::system_clock::now()));
    if (!handout.picturePlans.empty()) {
        OffscreenContext context;
        Session session(1.0f, std::move(content), shaderDirectory());
        AtlasState& atlas = session.atlas();
        bool pinned = session.loadModel(modelPath);
        for (const PinRequest& pin : options.start.pins) pinned = pinned && atlas.addPinNear(pin.at, pin.note);
        if (!pinned) {
            for (const Message& message : atlas.messages()) std::fprintf(stderr, "dorsal: %s\n", message.text.c_str());
            return 1;
        }
        drawHandoutPictures(session, atlas, handout, options.paper);
    }
    writeHandout(options.output, handout, options.paper, {modelPath, contentDir});
    std::printf("Saved handout to %s\n", options.output.string().c_str());
    return 0;
}

}  // namespace dorsal
