#pragma once
// One run of Dorsal with OpenGL: the atlas state, the renderer, the panels and the background model
// loads. The window, the offscreen picture and the bench all draw through composeFrame(); what the
// app does lives in AtlasState, which this class only drives.

#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>

#include "core/atlas_state.h"
#include "core/image.h"
#include "core/model_loads.h"
#include "core/node_names.h"
#include "core/scene.h"
#include "core/settings.h"
#include "render/renderer.h"
#include "ui/interface.h"

struct ImGuiContext;

namespace dorsal {

// Where a frame's time goes, in milliseconds, summed over the frames measured.
struct FramePhaseTimes {
    double panels = 0.0;      // laying out the panels and labels (CPU)
    double scene = 0.0;       // clearing the scene and drawing the model (or keeping the one drawn)
    double resolve = 0.0;     // laying the multisampled scene over the background, in the frame
    double overlay = 0.0;     // drawing the panels and labels over it
};

// Starts reading a model file on a thread of its own (loadModel), so that it loads beside the
// content and the graphics context rather than after them; Session::loadModel(pending) takes it.
std::future<Model> loadModelBeside(const std::filesystem::path& path);
// The same for the content (loadContent).
std::future<Content> loadContentBeside(const std::filesystem::path& folder);

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

    // Saves the 3D view with its labels and without panels (the camera as it is) at the size and
    // to the file `request` says, through renderStill; a notice says where, or a message the
    // one-line error. Call between frames.
    void savePicture(const PictureRequest& request);

    // Renames the nodes of every model taken in from now on by `names` (a --names file), before
    // anything else sees them, so that colours, layers, search, picking and the content follow.
    void useNames(NodeNames names) { names_ = std::move(names); }

    // Loads a model now (or imports a folder of BodyParts3D files first: loadModelOrImport),
    // replacing the current one. On failure keeps the current model, adds the one-line error to
    // the atlas's messages and returns false.
    bool loadModel(const std::filesystem::path& path);
    // The same for a model being loaded elsewhere (by loadModelBeside): waits for it.
    bool loadModel(std::future<Model>& pending);
    // Starts loading in the background, cancelling a load in progress; never blocks. `start` is
    // applied once this model is in (the command line's --select and friends at start-up); a
    // folder is imported simplified to `importBudget` triangles when given.
    void startLoading(const std::filesystem::path& path, std::optional<StartView> start = std::nullopt,
                      std::optional<std::size_t> importBudget = std::nullopt);
    // --- scenes ---
    // Everything on screen as a scene, the built-in model named as such.
    Scene scene() const;
    // Opens the scene file `path`: reads it, loads its model when another one is shown (in the
    // background when `background`, applying the scene once it is in), and shows it. A file that
    // cannot be read, or a model that does not load, is a one-line message, and what is on screen
    // stays. Returns false when the file cannot be read or (not in the background) the model fails.
    bool openScene(const std::filesystem::path& path, bool background);
    // Saves the scene to `path`; false, with the one-line reason as a message, when it cannot.
    bool saveScene(const std::filesystem::path& path);
    // The scene file last opened or saved, or empty; whether what is on screen differs from it.
    const std::filesystem::path& scenePath() const { return scenePath_; }
    bool sceneModified() const;

    // Takes a finished background load in; returns true when one finished (successfully or not).
    bool pollLoading();
    bool loading() const { return loads_.busy(); }
    // Whether a model's levels of detail are built after its first frame (the window: later frames
    // are cheaper) or never (a single picture needs none).
    void setBuildsDetailLevels(bool builds) { buildsDetailLevels_ = builds; }
    // Where composeFrame's frames go: the window's framebuffer (a window) or the renderer's picture
    // target (the default: a picture, the bench).
    void setFrameTarget(Renderer::FrameTarget target) { frameTarget_ = target; }
    // Whether composeFrame's frames are seen as they are drawn (the window, and the bench that
    // measures it): then a scene in motion (AtlasState::cameraInMotion) is drawn the faster way a
    // software renderer has (Renderer::SceneMotion). Pictures (the default) are drawn in full.
    void setLiveView(bool live) { liveView_ = live; }
    // Compiles what drawing a frame of `width` x `height` needs (Renderer::warmUp; in motion too
    // when the view is live), before the first model is taken in: call it while the model loads
    // on another thread.
    void warmUpDrawing(int width, int height) {
        if (!atlas_.model()) renderer_->warmUp(width, height, atlas_.layout().scene, liveView_);
    }
    // Builds the model's levels of detail now if they are still wanted, waits for them and draws
    // with them from the next frame.
    void finishDetailLevels();

    // Runs a command of the table, including the app's own (Quit, OpenModel).
    void run(CommandId id);
    bool quitRequested() const { return quit_; }

    // Draws one frame of `width` x `height` into the renderer's target, with the panels when
    // `showUi` and the labels always. The caller has started the platform's ImGui frame (display
    // size, input) beforehand. With `phases`, the GL work is finished after each phase and how long
    // each took is added there (for the bench: it costs the overlap of CPU and GPU work).
    void composeFrame(int width, int height, bool showUi, FramePhaseTimes* phases = nullptr);
    // The panels' part of composeFrame alone: lays them out and carries out what they ask, but
    // draws nothing. Dear ImGui sizes auto-fitting windows over a few frames; a picture lays them
    // out this way before the one frame it draws.
    void layOutPanels(int width, int height, bool showUi);
    // What is under the mouse, named in a tooltip: a structure (-1 for none), or in "where does it
    // hurt?" a body region.
    void setHovered(int node, std::optional<RegionOnSide> region) {
        hoveredNode_ = node;
        hoveredRegion_ = std::move(region);
    }
    // Draws `state` (an atlas other than the session's own, such as a copy of it opened on a
    // handout's subject) into a picture of `width` x `height` pixels, with its labels and pain map
    // but no panels, the labels at `uiScale`. It goes through this session's renderer (which must
    // hold the model `state` shows) and a Dear ImGui context of its own, so the window's view and
    // panels stay as they were; the window's next frame draws at its own size again.
    Image renderStill(AtlasState& state, int width, int height, float uiScale);

    // The nodes the labels of the last frame point at.
    const std::vector<int>& labelledNodes() const { return labelled_; }
    // The caption the last frame drew ("" for none), and whether its toolbar fit.
    const std::string& caption() const { return caption_; }
    bool toolbarFits() const { return toolbarFits_; }
    // Whether the last frame had a modal dialog open, which takes every key.
    bool dialogOpen() const { return dialogOpen_; }

private:
    // A Dear ImGui context of its own for renderStill, with fonts at its scale.
    class StillPainter;

    void adoptModel(Model model);
    // composeFrame's panels: lays them out, carries out their requests and returns the looks to draw.
    std::vector<NodeLook> layOutFrame(int width, int height, bool showUi);
    // Draws with the levels of detail from the next frame once their build has finished.
    void takeFinishedDetailLevels();
    // Draws the model as `state` shows it into the renderer's frame and resolves it; `motion` as
    // Renderer::beginFrame takes it, `kept` as Renderer::resolveFrame does.
    void drawModel(const AtlasState& state, const std::vector<NodeLook>& looks, int width, int height,
                   Renderer::FrameTarget target, FramePhaseTimes* phases = nullptr,
                   Renderer::SceneMotion motion = Renderer::SceneMotion::Still,
                   const Renderer::KeptLayer* kept = nullptr);
    // Shows `scene` read from `path`, its model being the one shown; remembers the file.
    void showScene(const Scene& scene, const std::filesystem::path& path);
    // The font size of the settings, taken in before a frame when it changed.
    void applyTextSize();
    void carryOut(const UiFrame& frame);
    // Runs `job`, which takes seconds (a handout, a large picture), at the start of the frame after
    // next, so that the frame between shows `notice` saying it is under way.
    void startSlowJob(std::string notice, std::function<void()> job);
    // The files this session reads (the content folder, the model), which nothing it writes may replace.
    std::vector<std::filesystem::path> inputs() const;
    // Puts `path` first among the recent scenes of the settings.
    void rememberScene(const std::filesystem::path& path);
    // Writes the handout of the entry on show, its pictures drawn offscreen; says in a message
    // where it went, or why it could not be made.
    void writeHandoutOf(const HandoutRequest& request);

    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<Interface> interface_;
    std::unique_ptr<Renderer> renderer_;
    AtlasState atlas_;
    ModelLoads loads_;
    std::optional<NodeNames> names_;
    std::optional<StartView> startAfterLoad_;
    // A scene waiting for its model to load in the background, and its file.
    std::optional<std::pair<Scene, std::filesystem::path>> sceneAfterLoad_;
    std::filesystem::path scenePath_;
    std::optional<Scene> savedScene_;  // the scene as opened or saved, to tell a change
    SceneDialog sceneDialog_ = SceneDialog::None;
    int hoveredNode_ = -1;
    std::optional<RegionOnSide> hoveredRegion_;
    std::vector<int> labelled_;
    std::unique_ptr<StillPainter> still_;
    struct SlowJob {
        std::function<void()> run;
        int framesToWait = 1;
    };
    std::optional<SlowJob> slowJob_;
    bool buildsDetailLevels_ = true;
    Renderer::FrameTarget frameTarget_ = Renderer::FrameTarget::Picture;
    bool liveView_ = false;
    bool detailLevelsWanted_ = false;  // the model has none yet
    std::unique_ptr<DetailLevelBuild> detailBuild_;
    std::string caption_;
    bool toolbarFits_ = true;
    bool dialogOpen_ = false;
    SettingsFile settings_{std::filesystem::path()};
    bool textSizeChanged_ = false;
    bool openModelDialog_ = false;
    bool handoutDialog_ = false;
    bool savePictureDialog_ = false;
    bool openSettings_ = false;
    bool quit_ = false;
};

}  // namespace dorsal
