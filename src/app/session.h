#pragma once
// One run of Dorsal with OpenGL: the atlas state, the renderer, the panels and the background model
// loads. The window, the offscreen picture and the bench all draw through composeFrame(); what the
// app does lives in AtlasState, which this class only drives.

#include <filesystem>
#include <memory>
#include <optional>

#include "core/atlas_state.h"
#include "core/image.h"
#include "core/model_loads.h"
#include "core/settings.h"
#include "render/renderer.h"
#include "ui/interface.h"

struct ImGuiContext;

namespace dorsal {

class Session {
public:
    // Needs a current OpenGL 3.3 core context. Creates the ImGui context and its OpenGL backend,
    // takes the content of the session and builds the renderer's shaders from `shaderDir`.
    // `screenScale` is 1 on a normal screen, 2 on a high-DPI one. The settings are the defaults,
    // kept in memory, until useSettingsIn(). Throws RenderError when a shader cannot be read or
    // does not build.
    Session(float screenScale, Content content, const std::filesystem::path& shaderDir);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    AtlasState& atlas() { return atlas_; }
    Renderer& renderer() { return *renderer_; }
    float uiScale() const { return interface_->scale(); }

    // Reads the person's settings from `folder` (SettingsFile) and keeps them there from now on;
    // a problem with them becomes a message.
    void useSettingsIn(const std::filesystem::path& folder);
    const Settings& settings() const { return settings_.settings(); }
    // Takes changed settings: saved at once, the text size applied before the next frame.
    void changeSettings(const Settings& settings);

    // Renders the 3D view with its labels, without panels, at `width` x `height` (the camera as
    // it is). Call between frames.
    Image renderPicture(int width, int height);
    // Saves renderPicture() as `request` says, with a notice saying where, or the one-line error.
    void savePicture(const PictureRequest& request);

    // Loads a model now, replacing the current one. On failure keeps the current model, adds the
    // one-line error to the atlas's messages and returns false.
    bool loadModel(const std::filesystem::path& path);
    // Starts loading in the background, cancelling a load in progress; never blocks. `start` is
    // applied once this model is in (the command line's --select and friends at start-up).
    void startLoading(const std::filesystem::path& path, std::optional<StartView> start = std::nullopt);
    // Takes a finished background load in; returns true when one finished (successfully or not).
    bool pollLoading();
    bool loading() const { return loads_.busy(); }

    // Runs a command of the table, including the app's own (Quit, OpenModel).
    void run(CommandId id);
    bool quitRequested() const { return quit_; }

    // Draws one frame of `width` x `height` into the renderer's target, with the panels when
    // `showUi` and the labels always. The caller has started the platform's ImGui frame (display
    // size, input) beforehand.
    void composeFrame(int width, int height, bool showUi);
    // What is under the mouse, named in a tooltip: a structure (-1 for none), or in "where does it
    // hurt?" a body region.
    void setHovered(int node, std::optional<RegionOnSide> region) {
        hoveredNode_ = node;
        hoveredRegion_ = std::move(region);
    }
    // The nodes the labels of the last frame point at.
    const std::vector<int>& labelledNodes() const { return labelled_; }
    // The caption the last frame drew ("" for none), and whether its toolbar fit.
    const std::string& caption() const { return caption_; }
    bool toolbarFits() const { return toolbarFits_; }
    // Whether the last frame had a modal dialog open, which takes every key.
    bool dialogOpen() const { return dialogOpen_; }

private:
    void adoptModel(Model model);
    // The font size of the settings, taken in before a frame when it changed.
    void applyTextSize();
    void carryOut(const UiFrame& frame);

    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<Interface> interface_;
    std::unique_ptr<Renderer> renderer_;
    AtlasState atlas_;
    ModelLoads loads_;
    std::optional<StartView> startAfterLoad_;
    int hoveredNode_ = -1;
    std::optional<RegionOnSide> hoveredRegion_;
    std::vector<int> labelled_;
    std::string caption_;
    bool toolbarFits_ = true;
    bool dialogOpen_ = false;
    SettingsFile settings_{std::filesystem::path()};
    bool textSizeChanged_ = false;
    std::optional<PictureRequest> pictureToSave_;  // waits for the frame being drawn to finish
    bool openModelDialog_ = false;
    bool savePictureDialog_ = false;
    bool openSettings_ = false;
    bool quit_ = false;
};

}  // namespace dorsal
