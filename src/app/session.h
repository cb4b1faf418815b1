#pragma once
// Everything one run of Dorsal shows: the model, the camera, the view state, the renderer and
// the panels. The window and the offscreen path both draw their frames through composeFrame().

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/command_line.h"
#include "core/camera.h"
#include "core/model.h"
#include "core/view_state.h"
#include "render/renderer.h"
#include "ui/interface.h"

struct ImGuiContext;

namespace dorsal {

class Session {
public:
    // Needs a current OpenGL 3.3 core context. Creates the ImGui context and its OpenGL backend.
    // Throws RenderError when the shaders do not build.
    Session(float uiScale, ViewPreset initialView);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Loads a model now, replacing the current one. On failure keeps the current model, adds the
    // one-line error to messages() and returns false.
    bool loadModel(const std::filesystem::path& path);
    // Starts loading in the background; pollLoading() picks the result up on this thread.
    void startLoading(const std::filesystem::path& path);
    // Returns true when a background load finished (successfully or not) since the last call.
    bool pollLoading();
    bool loading() const { return pending_.valid(); }

    // Highlights the node named `name`. Returns false, with a message suggesting close names,
    // when the model has no such node.
    bool selectNode(const std::string& name);

    // Draws one frame of `width` x `height` into the renderer's target. With `showUi`, the caller
    // has started the platform's ImGui frame (display size, input) beforehand.
    void composeFrame(int width, int height, bool showUi);

    const Model* model() const { return model_ ? &*model_ : nullptr; }
    OrbitCamera& camera() { return camera_; }
    ViewState& view() { return view_; }
    Renderer& renderer() { return *renderer_; }
    std::vector<std::string>& messages() { return messages_; }
    float uiScale() const { return interface_->scale(); }
    // The frame size the camera was last framed for; used to frame a newly loaded model.
    void setFrameSize(int width, int height, bool showUi);
    Viewport sceneViewportNow() const;
    // Points the camera at the whole model (or the selection) from the initial view.
    void resetCamera();
    void frameSelection();

private:
    void adoptModel(Model model);

    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<Interface> interface_;
    std::unique_ptr<Renderer> renderer_;
    std::optional<Model> model_;
    OrbitCamera camera_;
    ViewPreset initialView_;
    ViewState view_;
    std::vector<std::string> messages_;
    std::future<Model> pending_;
    std::filesystem::path pendingPath_;
    int frameWidth_ = 1280;
    int frameHeight_ = 800;
    bool frameShowsUi_ = true;
};

}  // namespace dorsal
