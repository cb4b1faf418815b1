#include "app/session.h"

#include <algorithm>
#include <chrono>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <utility>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "app/handout_pictures.h"
#include "core/data_paths.h"
#include "core/detail.h"
#include "core/model_loader.h"
#include "core/output_file.h"
#include "core/text.h"
#include "handout/handout_pdf.h"
#include "render/gl.h"
#include "ui/panel_layers.h"

namespace dorsal {

namespace {

// ImGui sizes auto-fitting windows (the labels) over a couple of frames; a still is taken once they
// settle.
constexpr int kStillSettleFrames = 3;

// What the panels see of `state` in a frame drawn with `looks`.
UiFrame panelsFrame(const AtlasState& state, const std::vector<NodeLook>& looks, bool panelsShown) {
    UiFrame frame;
    frame.atlas = &state;
    frame.looks = &looks;
    frame.layout = state.layout();
    frame.panelsShown = panelsShown;
    return frame;
}

// Hands memory freed since the last call back to the system. glibc keeps freed memory for reuse,
// and a load leaves tens of megabytes free in its thread's arena (Assimp's copy of the scene).
void releaseFreedMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

}  // namespace

class Session::StillPainter {
public:
    // Creates the context and its OpenGL backend and loads the fonts at `uiScale`; leaves the
    // current ImGui context as it was.
    explicit StillPainter(float uiScale) {
        ImGuiContext* previous = ImGui::GetCurrentContext();
        context_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(context_);
        if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
            ImGui::DestroyContext(context_);
            ImGui::SetCurrentContext(previous);
            throw RenderError("Dear ImGui cannot use this OpenGL context");
        }
        // Stills are the same everywhere: the default text size, scaled as asked.
        interface_ = std::make_unique<Interface>(uiScale, Settings::kDefaultFontSize, Settings::kDefaultPresentationScale);
        ImGui::SetCurrentContext(previous);
    }
    ~StillPainter() {
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(context_);
        interface_.reset();
        ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext(context_);
        ImGui::SetCurrentContext(previous == context_ ? nullptr : previous);
    }
    StillPainter(const StillPainter&) = delete;
    StillPainter& operator=(const StillPainter&) = delete;

    ImGuiContext* context() const { return context_; }
    Interface& interface() { return *interface_; }

private:
    ImGuiContext* context_ = nullptr;
    std::unique_ptr<Interface> interface_;
};

Session::Session(float screenScale, Content content, const std::filesystem::path& shaderDir)
    : atlas_(std::move(content)) {
    // First, so that a shader that cannot be read or built throws before ImGui holds anything.
    renderer_ = std::make_unique<Renderer>(shaderDir);
    IMGUI_CHECKVERSION();
    imgui_ = ImGui::CreateContext();
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        ImGui::DestroyContext(imgui_);
        throw RenderError("Dear ImGui cannot use this OpenGL context");
    }
    interface_ = std::make_unique<Interface>(screenScale, settings().fontSize, settings().presentationScale);
    if (!interface_->fontWarning().empty()) atlas_.addMessage(interface_->fontWarning());
}

Session::~Session() {
    still_.reset();
    renderer_.reset();
    interface_.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(imgui_);
}

void Session::useSettingsIn(const std::filesystem::path& folder) {
    settings_ = SettingsFile(folder);
    if (const std::string problem = settings_.load(); !problem.empty()) atlas_.addMessage(problem);
    textSizeChanged_ = true;
}

void Session::changeSettings(const Settings& settings) {
    const Settings before = settings_.settings();
    if (const std::string problem = settings_.change(settings); !problem.empty()) atlas_.addMessage(problem);
    if (settings.fontSize != before.fontSize || settings.presentationScale != before.presentationScale) {
        textSizeChanged_ = true;
    }
}

void Session::applyTextSize() {
    if (!std::exchange(textSizeChanged_, false)) return;
    interface_->setTextSize(settings().fontSize, settings().presentationScale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void Session::adoptModel(Model model) {
    if (names_) applyNodeNames(model, *names_);
    // The built-in model is always one click away; other files go to the recent list.
    if (std::filesystem::path(model.sourcePath) != builtInModelPath()) {
        Settings settings = settings_.settings();
        settings.recentModels.remember(model.sourcePath);
        changeSettings(settings);
    }
    detailBuild_.reset();
    detailLevelsWanted_ = !hasDetailLevels(model);
    // Before the upload, whose copies would otherwise come on top of what the load left free
    // (the peak of the bench on the built-in model: 208 MiB trimmed after, 195 trimmed before).
    releaseFreedMemory();
    const bool replacing = atlas_.model() != nullptr;
    renderer_->setModel(model);
    atlas_.setModel(std::move(model));
    if (replacing) releaseFreedMemory();  // the previous model
}

void Session::takeFinishedDetailLevels() {
    if (!detailBuild_ || !detailBuild_->finished()) return;
    if (atlas_.installDetailLevels(*detailBuild_)) renderer_->setModel(*atlas_.model());
    detailBuild_.reset();
    detailLevelsWanted_ = false;
}

void Session::finishDetailLevels() {
    if (detailLevelsWanted_ && !detailBuild_ && atlas_.model()) detailBuild_ = std::make_unique<DetailLevelBuild>(*atlas_.model());
    if (detailBuild_) detailBuild_->wait();
    takeFinishedDetailLevels();
}

std::future<Model> loadModelBeside(const std::filesystem::path& path) {
    return std::async(std::launch::async, [path] { return loadModelOrImport(path, nullptr); });
}

std::future<Content> loadContentBeside(const std::filesystem::path& folder) {
    return std::async(std::launch::async, [folder] { return loadContent(folder); });
}

bool Session::loadModel(const std::filesystem::path& path) {
    std::future<Model> pending = std::async(std::launch::deferred, [&path] { return loadModelOrImport(path, nullptr); });
    return loadModel(pending);
}

bool Session::loadModel(std::future<Model>& pending) {
    try {
        adoptModel(pending.get());
        return true;
    } catch (const ModelLoadError& error) {
        atlas_.addModelMessage(error.what());
        return false;
    }
}

void Session::startLoading(const std::filesystem::path& path, std::optional<StartView> start,
                           std::optional<std::size_t> importBudget) {
    startAfterLoad_ = std::move(start);
    sceneAfterLoad_.reset();
    loads_.start(path, importBudget);
}

namespace {

bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec;
    return std::filesystem::equivalent(a, b, ec);
}

}  // namespace

Scene Session::scene() const {
    Scene scene = atlas_.scene();
    if (sameFile(scene.model, builtInModelPath())) scene.model.clear();
    return scene;
}

bool Session::sceneModified() const { return savedScene_ && scene() != *savedScene_; }

void Session::showScene(const Scene& scene, const std::filesystem::path& path) {
    if (!atlas_.applyScene(scene, printable(path.string()))) return;
    scenePath_ = path;
    savedScene_ = this->scene();
    rememberScene(path);
}

bool Session::openScene(const std::filesystem::path& path, bool background) {
    Scene scene;
    try {
        scene = readSceneFile(path);
    } catch (const SceneError& error) {
        atlas_.addMessage(error.what());
        return false;
    }
    const std::filesystem::path model = scene.model.empty() ? builtInModelPath() : scene.model;
    const Model* shown = atlas_.model();
    if (shown && sameFile(shown->sourcePath, model)) {
        showScene(scene, path);
        return true;
    }
    if (background) {
        startLoading(model);
        sceneAfterLoad_.emplace(std::move(scene), path);
        return true;
    }
    if (!loadModel(model)) return false;
    showScene(scene, path);
    return true;
}

bool Session::saveScene(const std::filesystem::path& path) {
    try {
        writeSceneFile(path, scene());
    } catch (const FileError& error) {
        atlas_.addMessage(error.what());
        return false;
    }
    scenePath_ = path;
    savedScene_ = scene();
    rememberScene(path);
    return true;
}

void Session::rememberScene(const std::filesystem::path& path) {
    Settings settings = settings_.settings();
    settings.recentScenes.remember(path);
    changeSettings(settings);
}

bool Session::pollLoading() {
    std::optional<ModelLoads::Result> result = loads_.poll();
    if (!result) return false;
    if (!result->model) {
        atlas_.addModelMessage(result->error);
        return true;
    }
    adoptModel(std::move(*result->model));
    if (startAfterLoad_) atlas_.applyStart(*std::exchange(startAfterLoad_, std::nullopt));
    if (sceneAfterLoad_) {
        const auto [scene, path] = *std::exchange(sceneAfterLoad_, std::nullopt);
        showScene(scene, path);
    }
    return true;
}

void Session::run(CommandId id) {
    Settings settings = settings_.settings();
    switch (id) {
        case CommandId::Quit: quit_ = true; break;
        case CommandId::OpenModel: openModelDialog_ = true; break;
        case CommandId::Handout: handoutDialog_ = true; break;
        case CommandId::OpenScene: sceneDialog_ = SceneDialog::Open; break;
        case CommandId::SaveScene:
            if (!scenePath_.empty()) {
                saveScene(scenePath_);
                break;
            }
            [[fallthrough]];  // the first save asks where
        case CommandId::SaveSceneAs: sceneDialog_ = SceneDialog::Save; break;
        case CommandId::SavePicture: savePictureDialog_ = true; break;
        case CommandId::Settings: openSettings_ = true; break;
        case CommandId::FontBigger:
        case CommandId::FontSmaller:
        case CommandId::FontReset:
            settings.fontSize = id == CommandId::FontReset ? Settings::kDefaultFontSize
                                : Settings::clampFontSize(settings.fontSize + (id == CommandId::FontBigger ? 1.0f : -1.0f) *
                                                                                  Settings::kFontSizeStep);
            changeSettings(settings);
            break;
        default: break;
    }
    atlas_.run(id);
}

std::vector<std::filesystem::path> Session::inputs() const {
    std::vector<std::filesystem::path> files{atlas_.content().root};
    if (const Model* model = atlas_.model()) files.push_back(model->sourcePath);
    return files;
}

void Session::savePicture(const PictureRequest& request) {
    try {
        checkImageTarget(request.path, inputs());
        // What the open part of the window shows, in the middle of the picture.
        const AtlasState::Frame window = atlas_.frame();
        atlas_.setFrame(request.width, request.height, false, uiScale());
        atlas_.centreInOpenArea();
        const Image picture = renderStill(atlas_, request.width, request.height, uiScale());
        atlas_.setFrame(window.width, window.height, window.panelsShown, window.uiScale);
        atlas_.centreInOpenArea();
        writeImage(request.path, picture);
        atlas_.setNotice("Saved picture to " + request.path.string());
    } catch (const FileError& error) {
        atlas_.addMessage(error.what());
    }
}

void Session::carryOut(const UiFrame& frame) {
    for (const Request& request : frame.requests) {
        if (const CommandId* id = std::get_if<CommandId>(&request)) {
            run(*id);
        } else {
            atlas_.apply(request);
        }
    }
    if (frame.cancelLoading) loads_.cancel();
    if (frame.openModel) startLoading(*frame.openModel, std::nullopt, frame.importBudget);
    if (frame.handout) {
        startSlowJob("Writing the handout to " + frame.handout->output.string() + "...",
                     [this, request = *frame.handout] { writeHandoutOf(request); });
    }
    if (frame.openScene) openScene(*frame.openScene, true);
    if (frame.saveScene) saveScene(*frame.saveScene);
    if (frame.changeSettings) changeSettings(*frame.changeSettings);
    if (frame.savePicture) {
        startSlowJob("Saving the picture to " + frame.savePicture->path.string() + "...",
                     [this, request = *frame.savePicture] { savePicture(request); });
    }
}

void Session::writeHandoutOf(const HandoutRequest& request) {
    const std::optional<std::string> entry = atlas_.openEntry();
    if (!entry) return;
    try {
        Handout handout = planHandout(atlas_.content(), atlas_.search(), *entry, request.stretches, request.note,
                                      handoutDate(std::chrono::system_clock::now()));
        // Before the pictures, so that a bad path is told at once.
        checkHandoutTarget(request.output, inputs());
        drawHandoutPictures(*this, atlas_, handout, request.paper);
        writeHandout(request.output, handout, request.paper, inputs());
        atlas_.setNotice("Saved handout to " + request.output.string());
    } catch (const std::exception& error) {
        atlas_.addMessage(error.what());
    }
}

void Session::startSlowJob(std::string notice, std::function<void()> job) {
    atlas_.setNotice(std::move(notice));
    slowJob_ = SlowJob{std::move(job)};
}

namespace {

// Adds the time since `since` to `slot` once the GL work queued so far is done, and restarts it.
void finishPhase(FramePhaseTimes* phases, double FramePhaseTimes::*slot, std::chrono::steady_clock::time_point& since) {
    if (!phases) return;
    glFinish();
    const auto now = std::chrono::steady_clock::now();
    phases->*slot += std::chrono::duration<double, std::milli>(now - since).count();
    since = now;
}

}  // namespace

void Session::composeFrame(int width, int height, bool showUi, FramePhaseTimes* phases) {
    auto phaseStart = std::chrono::steady_clock::now();
    const std::vector<NodeLook> looks = layOutFrame(width, height, showUi);
    finishPhase(phases, &FramePhaseTimes::panels, phaseStart);
    const Renderer::SceneMotion motion =
        liveView_ && atlas_.cameraInMotion() ? Renderer::SceneMotion::Moving : Renderer::SceneMotion::Still;
    // In the window the panels beside the 3D view are kept with the background while they stay
    // the same; only the rest of them is drawn over each frame.
    ImDrawData& panels = *ImGui::GetDrawData();
    PanelLayers layers;
    ImDrawData under;
    ImDrawData over = panels;
    std::optional<Renderer::KeptLayer> kept;
    if (liveView_) {
        layers = splitPanelLayers(panels, atlas_.layout().scene);
        under = panelLayer(panels, layers.under);
        over = panelLayer(panels, layers.over);
        kept = Renderer::KeptLayer{layers.underKey, [&under] { ImGui_ImplOpenGL3_RenderDrawData(&under); }};
    }
    drawModel(atlas_, looks, width, height, frameTarget_, phases, motion, kept ? &*kept : nullptr);
    phaseStart = std::chrono::steady_clock::now();
    ImGui_ImplOpenGL3_RenderDrawData(&over);
    finishPhase(phases, &FramePhaseTimes::overlay, phaseStart);
    // After the model's first frame, not before it: the levels only make later frames cheaper.
    if (buildsDetailLevels_ && detailLevelsWanted_ && !detailBuild_ && atlas_.model()) {
        detailBuild_ = std::make_unique<DetailLevelBuild>(*atlas_.model());
    }
}

void Session::layOutPanels(int width, int height, bool showUi) { (void)layOutFrame(width, height, showUi); }

std::vector<NodeLook> Session::layOutFrame(int width, int height, bool showUi) {
    takeFinishedDetailLevels();
    if (slowJob_ && slowJob_->framesToWait-- <= 0) std::exchange(slowJob_, std::nullopt)->run();
    applyTextSize();
    atlas_.setFrame(width, height, showUi, uiScale());
    const std::vector<NodeLook> looks = atlas_.looks();  // the panels hold a pointer to it
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    UiFrame frame = panelsFrame(atlas_, looks, showUi);
    frame.hoveredNode = hoveredNode_;
    frame.hoveredRegion = hoveredRegion_;
    frame.loading = loads_.loadingPath();
    frame.loadingProgress = loads_.progress();
    frame.focusSearch = atlas_.takeSearchFocus();
    frame.openModelDialog = std::exchange(openModelDialog_, false);
    frame.handoutDialog = std::exchange(handoutDialog_, false);
    frame.sceneDialog = std::exchange(sceneDialog_, SceneDialog::None);
    frame.scenePath = scenePath_;
    frame.savePictureDialog = std::exchange(savePictureDialog_, false);
    frame.openSettings = std::exchange(openSettings_, false);
    frame.settings = &settings_.settings();
    interface_->draw(frame);
    ImGui::Render();
    labelled_ = frame.labelled;
    caption_ = frame.caption;
    toolbarFits_ = frame.toolbarFits;
    dialogOpen_ = frame.dialogOpen;
    carryOut(frame);
    return atlas_.looks();  // the panels' requests (isolate, hide, ...) show in this very frame
}

void Session::drawModel(const AtlasState& state, const std::vector<NodeLook>& looks, int width, int height,
                        Renderer::FrameTarget target, FramePhaseTimes* phases, Renderer::SceneMotion motion,
                        const Renderer::KeptLayer* kept) {
    auto phaseStart = std::chrono::steady_clock::now();
    renderer_->beginFrame(width, height, state.layout().scene, motion);
    if (const Model* model = state.model()) {
        renderer_->drawScene(*model, state.camera(), looks, state.layout().scene, state.painMap().zones);
    }
    finishPhase(phases, &FramePhaseTimes::scene, phaseStart);
    renderer_->resolveFrame(target, kept);
    finishPhase(phases, &FramePhaseTimes::resolve, phaseStart);
}

Image Session::renderStill(AtlasState& state, int width, int height, float uiScale) {
    if (!still_ || still_->interface().scale() != uiScale) {
        still_.reset();
        still_ = std::make_unique<StillPainter>(uiScale);
    }
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(still_->context());
    state.setFrame(width, height, false, uiScale);
    const std::vector<NodeLook> looks = state.looks();
    for (int frame = 0; frame < kStillSettleFrames; ++frame) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DeltaTime = 1.0f / 60.0f;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        UiFrame ui = panelsFrame(state, looks, false);
        still_->interface().draw(ui);
        ImGui::Render();
        drawModel(state, looks, width, height, Renderer::FrameTarget::Picture);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    ImGui::SetCurrentContext(previous);
    return renderer_->readFrame();
}

}  // namespace dorsal
