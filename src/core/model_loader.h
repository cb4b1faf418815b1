#pragma once
// Reads a model file (glTF/GLB, OBJ, STL, PLY, OFF) into a dorsal::Model through Assimp, guarded
// against hostile files: whatever the file holds, loading ends in a model or in one ModelLoadError,
// never in a crash, a hang or runaway memory.

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

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
    std::atomic<float> progress{0.0f};  // 0..1, for a progress bar; only rises
};

// Thrown by loadModel when LoadControl::cancelled was set. what() is "<path>: loading was cancelled".
class ModelLoadCancelled : public ModelLoadError {
public:
    explicit ModelLoadCancelled(const std::filesystem::path& path);
};

// The extensions loadModel reads (".glb", ".gltf", ".obj", ".stl", ".ply", ".off"), for messages.
std::string readableModelExtensions();
// The same, one a string, for listing the files a person can open.
std::vector<std::string> readableModelExtensionList();

// Loads the model at `path`: triangulates, generates smooth normals where missing, and bakes every
// node's transform into its parts so that all geometry is in the model frame; finds which parts are
// closed, and takes the levels of detail a .glb of Dorsal's stores (others get theirs from
// DetailLevelBuild, after the first frame; triangle trees are built on a part's first pick).
// Triangles with
// invalid coordinates (NaN, infinite or absurdly large) are left out, and Model::warnings says so.
// Returns a model with at least one part.
// Throws ModelLoadError for a missing file or one that is not a regular file, an unsupported
// format, a truncated or corrupt file, a file that asks for absurd amounts of memory or nests
// absurdly deep, a file that refers to files outside its folder, a model without triangle meshes,
// and when memory runs out. Throws ModelLoadCancelled when `control` is cancelled; with a control,
// its progress reaches 1 when the model is loaded.
Model loadModel(const std::filesystem::path& path, LoadControl* control = nullptr);

}  // namespace dorsal
