#include "app/session.h"

#include <utility>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "core/data_paths.h"
#include "core/model_loader.h"

namespace dorsal {

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
    // The built-in model is always one click away; other files go to the recent list.
    if (std::filesystem::path(model.sourcePath) != builtInModelPath()) {
        Settings settings = settings_.settings();
        settings.recentModels.remember(model.sourcePath);
        changeSettings(settings);
    }
    renderer_->setModel(model);
    atlas_.setModel(std::move(model));
}

bool Session::loadModel(const std::filesystem::path& path) {
    try {
        adoptModel(dorsal::loadModel(path));
        return true;
    } catch (const ModelLoadError& error) {
        atlas_.addModelMessage(error.what());
        return false;
    }
}

void Session::startLoading(const std::filesystem::path& path, std::optional<StartView> start) {
    startAfterLoad_ = std::move(start);
    loads_.start(path);
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
    return true;
}

void Session::run(CommandId id) {
    Settings settings = settings_.settings();
    switch (id) {
        case CommandId::Quit: quit_ = true; break;
        case CommandId::OpenModel: openModelDialog_ = true; break;
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

Image Session::renderPicture(int width, int height) {
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 display = io.DisplaySize;
    const int hoveredNode = std::exchange(hoveredNode_, -1);
    const std::optional<RegionOnSide> hoveredRegion = std::exchange(hoveredRegion_, std::nullopt);
    const AtlasState::Frame window = atlas_.frame();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    composeFrame(width, height, false);
    Image picture = renderer_->readFrame();
    io.DisplaySize = display;
    hoveredNode_ = hoveredNode;
    hoveredRegion_ = hoveredRegion;
    atlas_.setFrame(window.width, window.height, window.panelsShown, window.uiScale);
    return picture;
}

void Session::savePicture(const PictureRequest& request) {
    try {
        checkImageTarget(request.path);
        writeImage(request.path, renderPicture(request.width, request.height));
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
    if (frame.openModel) startLoading(*frame.openModel);
    if (frame.changeSettings) changeSettings(*frame.changeSettings);
    if (frame.savePicture) pictureToSave_ = frame.savePicture;
}

void Session::composeFrame(int width, int height, bool showUi) {
    applyTextSize();
    if (std::optional<PictureRequest> picture = std::exchange(pictureToSave_, std::nullopt)) savePicture(*picture);
    atlas_.setFrame(width, height, showUi, uiScale());
    std::vector<NodeLook> looks = atlas_.looks();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    UiFrame frame;
    frame.atlas = &atlas_;
    frame.looks = &looks;
    frame.layout = atlas_.layout();
    frame.panelsShown = showUi;
    frame.hoveredNode = hoveredNode_;
    frame.hoveredRegion = hoveredRegion_;
    frame.loading = loads_.loadingPath();
    frame.loadingProgress = loads_.progress();
    frame.focusSearch = atlas_.takeSearchFocus();
    frame.openModelDialog = std::exchange(openModelDialog_, false);
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
    looks = atlas_.looks();  // the panels' requests (isolate, hide, ...) show in this very frame

    renderer_->beginFrame(width, height);
    if (const Model* model = atlas_.model()) {
        renderer_->drawScene(*model, atlas_.camera(), looks, atlas_.layout().scene, atlas_.painMap().zones);
    }
    renderer_->resolveFrame();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace dorsal
