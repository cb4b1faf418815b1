#include "core/detail_build.h"

#include <utility>

#include "core/detail.h"

namespace dorsal {

DetailLevelBuild::DetailLevelBuild(const Model& model) : sourcePath_(model.sourcePath) {
    parts_.reserve(model.parts.size());
    for (const Part& part : model.parts) parts_.push_back({part.positions, part.indices, {}});
    worker_ = std::jthread([this](std::stop_token stop) {
        for (PartTriangles& triangles : parts_) {
            if (stop.stop_requested()) break;
            Part scratch;
            scratch.positions = std::move(triangles.positions);
            scratch.indices = std::move(triangles.indices);
            buildDetailLevels(scratch);
            triangles.positions = std::move(scratch.positions);
            triangles.indices = std::move(scratch.indices);
            triangles.levels = std::move(scratch.coarser);
        }
        finished_ = true;
        finished_.notify_all();
    });
}

DetailLevelBuild::~DetailLevelBuild() {
    worker_.request_stop();
    // The jthread joins as it goes.
}

void DetailLevelBuild::wait() { finished_.wait(false); }

bool DetailLevelBuild::installInto(Model& model) {
    wait();
    if (model.sourcePath != sourcePath_ || model.parts.size() != parts_.size()) return false;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
        if (model.parts[i].indices != parts_[i].indices) return false;
    }
    for (std::size_t i = 0; i < parts_.size(); ++i) model.parts[i].coarser = std::move(parts_[i].levels);
    return true;
}

}  // namespace dorsal
