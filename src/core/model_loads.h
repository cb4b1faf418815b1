#pragma once
// Models loaded off the calling thread, so that a window never waits for one. One load is wanted
// at a time: starting another cancels the one before, whose thread stops soon on its own and whose
// result is dropped.

#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/bodyparts3d_import.h"
#include "core/model.h"
#include "core/model_loader.h"

namespace dorsal {

class ModelLoads {
public:
    // How a file becomes a model: loadModelOrImport (a model file, or a folder of BodyParts3D
    // files imported first, simplified to the import budget when given), or a stand-in in tests.
    using Loader = std::function<Model(const std::filesystem::path&, std::optional<std::size_t> importBudget, LoadControl*)>;

    explicit ModelLoads(Loader loader = [](const std::filesystem::path& path, std::optional<std::size_t> importBudget,
                                           LoadControl* control) { return loadModelOrImport(path, control, importBudget); })
        : loader_(std::move(loader)) {}
    // Cancels every load and waits for their threads.
    ~ModelLoads();
    ModelLoads(const ModelLoads&) = delete;
    ModelLoads& operator=(const ModelLoads&) = delete;

    // Starts loading `path` on another thread, cancelling the load in progress; a folder is
    // imported simplified to `importBudget` triangles when given. Never blocks.
    void start(const std::filesystem::path& path, std::optional<std::size_t> importBudget = std::nullopt);
    // Cancels the load in progress; nothing will be reported for it.
    void cancel();

    struct Result {
        std::filesystem::path path;
        std::optional<Model> model;  // the model, or nullopt with `error` set
        std::string error;           // one line naming the file and the cause
    };
    // The wanted load once it has finished (a model or an error), then nullopt until the next one.
    // Never throws: every failure inside a load, whatever its kind, comes back as `error`.
    std::optional<Result> poll();

    bool busy() const { return current_ != nullptr; }
    // The file being loaded and how far it is (0..1); empty and 0 when idle.
    std::filesystem::path loadingPath() const { return current_ ? current_->path : std::filesystem::path(); }
    float progress() const { return current_ ? current_->control.progress.load() : 0.0f; }

private:
    struct Load {
        std::filesystem::path path;
        LoadControl control;
        std::future<Model> result;
    };
    // Forgets cancelled loads whose threads have finished.
    void reapCancelled();

    Loader loader_;
    std::unique_ptr<Load> current_;
    std::vector<std::unique_ptr<Load>> cancelled_;
};

}  // namespace dorsal
