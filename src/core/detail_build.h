#pragma once
// Levels of detail built after the model is shown rather than before: they make later frames
// cheaper but the first frame does not need them, and building them was the slowest step of a
// load. The build works on its own copy of the triangles on a thread of its own; the caller moves
// the finished levels into the model it draws.

#include <atomic>
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

#include "core/model.h"

namespace dorsal {

class DetailLevelBuild {
public:
    // Starts building the levels of every part of `model` (see buildDetailLevels) on another thread.
    // Copies what it needs; `model` may change or go away meanwhile.
    explicit DetailLevelBuild(const Model& model);
    // Stops the build between parts and waits for its thread.
    ~DetailLevelBuild();
    DetailLevelBuild(const DetailLevelBuild&) = delete;
    DetailLevelBuild& operator=(const DetailLevelBuild&) = delete;

    bool finished() const { return finished_.load(); }
    // Waits until the build has finished.
    void wait();
    // Moves the built levels into `model` when it is the model the build started from (same file,
    // same parts with the same triangles) and returns true; returns false, changing nothing, for
    // another model. Waits for the build first. Call once.
    bool installInto(Model& model);

private:
    struct PartTriangles {
        std::vector<glm::vec3> positions;
        std::vector<std::uint32_t> indices;
        std::vector<DetailLevel> levels;
    };

    std::string sourcePath_;
    std::vector<PartTriangles> parts_;
    std::atomic<bool> finished_{false};
    std::jthread worker_;
};

}  // namespace dorsal
