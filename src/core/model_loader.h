#pragma once
// Reads any model Assimp can read (glTF/GLB, OBJ, FBX, STL, PLY, ...) into a dorsal::Model.

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "core/model.h"

namespace dorsal {

// Thrown when a model cannot be used. what() is one line: "<path>: <cause>", where the cause
// includes Assimp's own error text when Assimp reported one.
class ModelLoadError : public std::runtime_error {
public:
    ModelLoadError(const std::filesystem::path& path, const std::string& cause);
    const std::filesystem::path& path() const { return path_; }
    const std::string& cause() const { return cause_; }

private:
    std::filesystem::path path_;
    std::string cause_;
};

// Shared between a loading thread and the thread that started it.
struct LoadControl {
    std::atomic<bool> cancelled{false};
    std::atomic<float> progress{0.0f};  // 0..1, for a progress bar
};

// Thrown by loadModel when LoadControl::cancelled was set.
class ModelLoadCancelled : public ModelLoadError {
public:
    explicit ModelLoadCancelled(const std::filesystem::path& path) : ModelLoadError(path, "loading was cancelled") {}
};

// Loads the model at `path`: triangulates, generates smooth normals where missing, and bakes every
// node's transform into its parts so that all geometry is in the model frame.
// Returns a model with at least one part. Throws ModelLoadError for a missing or unreadable file,
// an unsupported format, a truncated or corrupt file, or a model without triangle meshes.
// With `control`, reports progress and stops with ModelLoadCancelled soon after it is cancelled.
Model loadModel(const std::filesystem::path& path, LoadControl* control = nullptr);

}  // namespace dorsal
