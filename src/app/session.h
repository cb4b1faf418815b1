#pragma once
// Everything one run of Dorsal shows: the model, the knowledge base, the camera, the view state,
// the renderer and the panels. The window and the offscreen path both draw through composeFrame().

#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/atlas.h"
#include "core/camera.h"
#include "core/content.h"
#include "core/model.h"
#include "core/search.h"
#include "core/view_state.h"
#include "render/renderer.h"
#include "ui/interface.h"

struct ImGuiContext;

namespace dorsal {

class Session {
public:
    // Needs a current OpenGL 3.3 core context. Creates the ImGui context and its OpenGL backend,
    // loads the content at `contentDir` (problems are kept, never fatal) and builds the renderer's
    // shaders from `shaderDir`. Throws RenderError when a shader cannot be read or does not build.
    Session(float uiScale, ViewPreset initialView, const std::filesystem::path& contentDir,
            const std::filesystem::path& shaderDir);
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

    // Opens an entry of the knowledge base in the entry panel and highlights what it stands for;
    // with `frame` (a person looked it up), the camera moves to it, and x-ray turns on when it
    // shows a deep muscle. Returns false (and changes nothing) for an unknown id.
    bool openEntry(const std::string& id, bool frame = false);
    // Selects by a name from the command line: an entry id ("psoas_major", "low_back_pain") or a
    // node name ("muscle.psoas_major.L"). Returns false, with a message suggesting the closest
    // ids, when neither exists.
    bool selectByName(const std::string& name);
    // Hides what a name from the command line stands for: an entry's structures (both sides of a
    // muscle, a group's members) or a node. Returns false, with a message suggesting the closest
    // ids, when neither exists.
    bool hideByName(const std::string& name);
    // A click on a node in 3D: selects it (added to the selection with `additive`) and opens its
    // entry when it has one.
    void selectNode(int node, bool additive);
    void clearSelection();
    void goBack();
    void goForward();
    void focusSearch() { focusSearch_ = true; }

    // Draws one frame of `width` x `height` into the renderer's target, with the panels when
    // `showUi` and the labels always. The caller has started the platform's ImGui frame (display
    // size, input) beforehand.
    void composeFrame(int width, int height, bool showUi);

    const Model* model() const { return model_ ? &*model_ : nullptr; }
    const Content& content() const { return content_; }
    OrbitCamera& camera() { return camera_; }
    ViewState& view() { return view_; }
    Renderer& renderer() { return *renderer_; }
    std::vector<std::string>& messages() { return messages_; }
    float uiScale() const { return interface_->scale(); }
    // Remembers the frame size so that the layout and camera framing match the next frame.
    void setFrameSize(int width, int height, bool showUi);
    FrameLayout layoutNow() const;
    // Points the camera at the whole model from the initial view, at once.
    void resetCamera();
    // Moves the camera to the highlighted structures, keeping the direction of view.
    void frameHighlight();
    // Turns the camera to look from `preset` at the whole model.
    void viewFrom(ViewPreset preset);
    // Shows only what is highlighted (and frames it); hides the selection; shows everything.
    void isolateHighlight();
    void hideSelection();
    void showAll();
    // Hides `node` (with everything below it), or shows it again when it is hidden.
    void toggleHidden(int node);

    // With animation on (the window), camera moves glide over a third of a second; without (the
    // offscreen and bench runs), they happen at once.
    void setCameraAnimation(bool on) { animateCamera_ = on; }
    bool cameraMoving() const { return cameraMove_.has_value(); }
    // The look of each node this frame, from the view state.
    std::vector<NodeLook> looks() const;
    // The structure under pixel `cursor` of the 3D view: visible, solid parts only (the skin and
    // x-ray ghosts are seen through). -1 for none.
    int nodeAt(glm::vec2 cursor) const;
    bool& helpOpen() { return helpOpen_; }
    ViewPreset initialView() const { return initialView_; }
    // The structure under the mouse, named in a tooltip; -1 for none.
    void setHoveredNode(int node) { hoveredNode_ = node; }

private:
    void adoptModel(Model model);
    // "no entry or structure named ..." with the closest ids and node names.
    std::string unknownNameMessage(const std::string& name) const;
    void applyUiRequests(const UiFrame& frame);
    // A camera showing the whole model from `preset` in the 3D view.
    OrbitCamera wholeModelFrom(ViewPreset preset) const;
    // Moves the camera to `to`, gliding when animation is on.
    void moveCamera(const OrbitCamera& to);
    void advanceCameraMove();

    struct CameraMove {
        OrbitCamera from;
        OrbitCamera to;
        std::chrono::steady_clock::time_point start;
    };

    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<Interface> interface_;
    std::unique_ptr<Renderer> renderer_;
    Content content_;
    SearchIndex search_;
    EntryHistory history_;
    std::optional<Model> model_;
    OrbitCamera camera_;
    ViewPreset initialView_;
    ViewState view_;
    std::vector<Stratum> strata_;  // one per node of the model
    std::optional<CameraMove> cameraMove_;
    bool animateCamera_ = false;
    bool helpOpen_ = false;
    int hoveredNode_ = -1;
    std::vector<std::string> messages_;
    std::future<Model> pending_;
    std::filesystem::path pendingPath_;
    int frameWidth_ = 1280;
    int frameHeight_ = 800;
    bool frameShowsUi_ = true;
    bool focusSearch_ = false;
};

}  // namespace dorsal
