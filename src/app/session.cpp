#include "app/session.h"

#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include "core/model_loader.h"
#include "core/text.h"

namespace dorsal {

Session::Session(float uiScale, ViewPreset initialView) : initialView_(initialView) {
    IMGUI_CHECKVERSION();
    imgui_ = ImGui::CreateContext();
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        ImGui::DestroyContext(imgui_);
        throw RenderError("Dear ImGui cannot use this OpenGL context");
    }
    interface_ = std::make_unique<Interface>(uiScale);
    if (!interface_->fontWarning().empty()) messages_.push_back(interface_->fontWarning());
    renderer_ = std::make_unique<Renderer>();
}

Session::~Session() {
    if (pending_.valid()) pending_.wait();
    renderer_.reset();
    interface_.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(imgui_);
}

void Session::adoptModel(Model model) {
    view_ = ViewState{};
    model_ = std::move(model);
    renderer_->setModel(*model_);
    resetCamera();
}

bool Session::loadModel(const std::filesystem::path& path) {
    try {
        adoptModel(dorsal::loadModel(path));
        return true;
    } catch (const ModelLoadError& error) {
        messages_.push_back(error.what());
        return false;
    }
}

void Session::startLoading(const std::filesystem::path& path) {
    if (pending_.valid()) pending_.wait();  // one load at a time; the newest request wins
    pendingPath_ = path;
    pending_ = std::async(std::launch::async, [path] { return dorsal::loadModel(path); });
}

bool Session::pollLoading() {
    if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    try {
        adoptModel(pending_.get());
    } catch (const ModelLoadError& error) {
        messages_.push_back(error.what());
    }
    return true;
}

bool Session::selectNode(const std::string& name) {
    if (!model_) return false;
    const int node = model_->findNode(name);
    if (node >= 0) {
        view_.selectedNode = node;
        return true;
    }
    std::vector<std::string> names;
    for (const Node& n : model_->nodes) names.push_back(n.name);
    const std::vector<std::string> close = closestMatches(name, names, 3);
    std::string message = model_->sourcePath + ": no structure named \"" + name + "\"";
    if (!close.empty()) {
        message += "; did you mean ";
        for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "") + close[i];
        message += "?";
    }
    messages_.push_back(message);
    return false;
}

void Session::setFrameSize(int width, int height, bool showUi) {
    frameWidth_ = width;
    frameHeight_ = height;
    frameShowsUi_ = showUi;
}

Viewport Session::sceneViewportNow() const { return sceneViewport(frameWidth_, frameHeight_, frameShowsUi_, uiScale()); }

void Session::resetCamera() {
    camera_.frame(model_ ? model_->bounds : Bounds{}, sceneViewportNow().aspect(), initialView_);
}

void Session::frameSelection() {
    if (!model_ || view_.selectedNode < 0) return;
    camera_.fit(model_->subtreeBounds(view_.selectedNode), sceneViewportNow().aspect());
}

void Session::composeFrame(int width, int height, bool showUi) {
    setFrameSize(width, height, showUi);
    if (showUi) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        UiFrame frame;
        frame.model = model();
        frame.view = &view_;
        frame.width = width;
        frame.height = height;
        frame.messages = &messages_;
        if (pending_.valid()) frame.loadingWhat = pendingPath_.filename().string();
        interface_->draw(frame);
        ImGui::Render();
        if (frame.openModel) startLoading(*frame.openModel);
        if (frame.frameSelection) frameSelection();
    }

    renderer_->beginFrame(width, height);
    if (model_) renderer_->drawScene(*model_, camera_, view_, sceneViewportNow());
    renderer_->resolveFrame();
    if (showUi) ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace dorsal
