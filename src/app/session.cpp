#include "app/session.h"

#include <algorithm>
#include <utility>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "core/model_loader.h"
#include "core/picking.h"
#include "core/text.h"

namespace dorsal {

Session::Session(float uiScale, ViewPreset initialView, const std::filesystem::path& contentDir,
                 const std::filesystem::path& shaderDir)
    : content_(loadContent(contentDir)), search_(content_), initialView_(initialView) {
    // First, so that a shader that cannot be read or built throws before ImGui holds anything.
    renderer_ = std::make_unique<Renderer>(shaderDir);
    IMGUI_CHECKVERSION();
    imgui_ = ImGui::CreateContext();
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        ImGui::DestroyContext(imgui_);
        throw RenderError("Dear ImGui cannot use this OpenGL context");
    }
    interface_ = std::make_unique<Interface>(uiScale);
    if (!interface_->fontWarning().empty()) messages_.push_back(interface_->fontWarning());
    const auto skipped = std::count_if(content_.problems.begin(), content_.problems.end(),
                                       [](const ContentProblem& p) { return p.skipped; });
    if (!content_.problems.empty()) {
        messages_.push_back(std::to_string(content_.problems.size()) + " problem(s) in the content at " +
                            contentDir.string() + (skipped ? "; some entries were skipped" : "") +
                            ". The side panel lists them; dorsal check shows them all.");
    }
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
    history_.clear();
    model_ = std::move(model);
    strata_ = strataOfNodes(*model_, content_);
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

bool Session::openEntry(const std::string& id, bool frame) {
    if (!content_.kindOf(id)) return false;
    history_.open(id);
    view_.highlight = model_ ? highlightForEntry(*model_, content_, id) : Highlight{};
    if (frame) {
        // A deep muscle looked up by name (or a pain pattern's deep primary muscle) is hidden
        // under others from every side: x-ray shows it.
        const auto isDeep = [&](int node) { return strata_[static_cast<std::size_t>(node)] == Stratum::Deep; };
        const Highlight& h = view_.highlight;
        const bool deep = std::any_of(h.selected.begin(), h.selected.end(), isDeep) ||
                          std::any_of(h.primary.begin(), h.primary.end(), isDeep);
        if (deep) view_.xray = true;
        frameHighlight();
    }
    return true;
}

bool Session::selectByName(const std::string& name) {
    if (openEntry(name, false)) return true;
    const int node = model_ ? model_->findNode(name) : -1;
    if (node >= 0) {
        selectNode(node, false);
        return true;
    }
    messages_.push_back(unknownNameMessage(name));
    return false;
}

bool Session::hideByName(const std::string& name) {
    std::vector<int> nodes;
    if (model_) {
        if (content_.kindOf(name)) nodes = nodesOfEntry(*model_, content_, name);
        const int node = model_->findNode(name);
        if (nodes.empty() && node >= 0) nodes.push_back(node);
    }
    if (nodes.empty()) {
        messages_.push_back(unknownNameMessage(name));
        return false;
    }
    view_.hidden.insert(view_.hidden.end(), nodes.begin(), nodes.end());
    return true;
}

std::string Session::unknownNameMessage(const std::string& name) const {
    std::vector<std::string> candidates = content_.allIds();
    if (model_) {
        for (const Node& n : model_->nodes) candidates.push_back(n.name);
    }
    const std::vector<std::string> close = closestMatches(name, candidates, 3);
    std::string message = "no entry or structure named \"" + name + "\"";
    for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "; did you mean ") + close[i];
    return message + (close.empty() ? "" : "?");
}

void Session::selectNode(int node, bool additive) {
    if (!model_) return;
    Highlight& h = view_.highlight;
    if (!additive) h = Highlight{};
    const auto at = std::find(h.selected.begin(), h.selected.end(), node);
    if (at != h.selected.end()) {
        h.selected.erase(at);  // a second Ctrl+click takes it out again
        return;
    }
    h.selected.push_back(node);
    const std::string entry = entryOfNode(*model_, content_, node);
    if (!entry.empty()) history_.open(entry);
}

void Session::clearSelection() {
    view_.highlight = Highlight{};
    history_.clear();
}

void Session::goBack() {
    if (const std::optional<std::string> id = history_.back()) {
        view_.highlight = model_ ? highlightForEntry(*model_, content_, *id) : Highlight{};
    }
}

void Session::goForward() {
    if (const std::optional<std::string> id = history_.forward()) {
        view_.highlight = model_ ? highlightForEntry(*model_, content_, *id) : Highlight{};
    }
}

void Session::setFrameSize(int width, int height, bool showUi) {
    frameWidth_ = width;
    frameHeight_ = height;
    frameShowsUi_ = showUi;
}

FrameLayout Session::layoutNow() const {
    return frameLayout(frameWidth_, frameHeight_, frameShowsUi_, history_.current().has_value(), uiScale());
}

void Session::resetCamera() {
    cameraMove_.reset();
    camera_ = wholeModelFrom(initialView_);
}

void Session::frameHighlight() {
    if (!model_) return;
    Bounds box;
    for (const std::vector<int>* nodes : {&view_.highlight.selected, &view_.highlight.primary, &view_.highlight.secondary}) {
        for (int node : *nodes) box.add(model_->subtreeBounds(node));
    }
    if (box.empty()) return;
    OrbitCamera to = cameraMove_ ? cameraMove_->to : camera_;
    to.fit(box, layoutNow().scene.aspect());
    moveCamera(to);
}

void Session::viewFrom(ViewPreset preset) { moveCamera(wholeModelFrom(preset)); }

OrbitCamera Session::wholeModelFrom(ViewPreset preset) const {
    OrbitCamera camera;
    camera.frame(model_ ? model_->bounds : Bounds{}, layoutNow().scene.aspect(), preset);
    return camera;
}

void Session::isolateHighlight() {
    const Highlight& h = view_.highlight;
    view_.isolated.clear();
    for (const std::vector<int>* nodes : {&h.selected, &h.primary, &h.secondary}) {
        view_.isolated.insert(view_.isolated.end(), nodes->begin(), nodes->end());
    }
    frameHighlight();
}

void Session::hideSelection() {
    const std::vector<int>& selected = view_.highlight.selected;
    view_.hidden.insert(view_.hidden.end(), selected.begin(), selected.end());
    clearSelection();
}

void Session::showAll() { view_.showAll(); }

void Session::toggleHidden(int node) {
    std::vector<int>& hidden = view_.hidden;
    const auto at = std::find(hidden.begin(), hidden.end(), node);
    if (at == hidden.end()) {
        hidden.push_back(node);
    } else {
        hidden.erase(at);
    }
}

void Session::moveCamera(const OrbitCamera& to) {
    if (!animateCamera_) {
        camera_ = to;
        cameraMove_.reset();
        return;
    }
    cameraMove_ = CameraMove{camera_, to, std::chrono::steady_clock::now()};
}

void Session::advanceCameraMove() {
    if (!cameraMove_) return;
    constexpr float kMoveSeconds = 0.35f;
    const float t = std::chrono::duration<float>(std::chrono::steady_clock::now() - cameraMove_->start).count() /
                    kMoveSeconds;
    camera_ = OrbitCamera::between(cameraMove_->from, cameraMove_->to, t);
    if (t >= 1.0f) cameraMove_.reset();
}

std::vector<NodeLook> Session::looks() const {
    return model_ ? lookOfNodes(*model_, strata_, view_) : std::vector<NodeLook>{};
}

int Session::nodeAt(glm::vec2 cursor) const {
    if (!model_) return -1;
    const Viewport scene = layoutNow().scene;
    const std::vector<NodeLook> nodeLooks = looks();
    const Ray ray = camera_.rayThrough(cursor - glm::vec2(scene.x, scene.y), glm::vec2(scene.width, scene.height));
    const std::optional<PickHit> hit = pickNearest(*model_, ray, [&](const Part& part) {
        const NodeLook& look = nodeLooks[static_cast<std::size_t>(part.node)];
        return look.visible && !look.ghost && part.material != MaterialKind::Skin;
    });
    return hit ? hit->node : -1;
}

void Session::applyUiRequests(const UiFrame& frame) {
    if (frame.openModel) startLoading(*frame.openModel);
    if (frame.openEntry) openEntry(*frame.openEntry, frame.frameEntry);
    if (frame.selectNode) selectNode(*frame.selectNode, false);
    if (frame.goBack) goBack();
    if (frame.goForward) goForward();
    if (frame.closeEntry) clearSelection();
    if (frame.frameSelection) frameHighlight();
    if (frame.viewPreset) viewFrom(*frame.viewPreset);
    if (frame.resetView) viewFrom(initialView_);
    if (frame.isolateSelection) isolateHighlight();
    if (frame.hideSelection) hideSelection();
    if (frame.showAll) showAll();
    if (frame.toggleHidden) toggleHidden(*frame.toggleHidden);
    if (frame.isolateNode) {
        selectNode(*frame.isolateNode, false);
        isolateHighlight();
    }
}

void Session::composeFrame(int width, int height, bool showUi) {
    setFrameSize(width, height, showUi);
    advanceCameraMove();
    std::vector<NodeLook> nodeLooks = looks();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    UiFrame frame;
    frame.model = model();
    frame.content = &content_;
    frame.search = &search_;
    frame.view = &view_;
    frame.camera = &camera_;
    frame.looks = &nodeLooks;
    frame.layout = layoutNow();
    frame.panelsShown = showUi;
    frame.helpOpen = &helpOpen_;
    frame.hoveredNode = hoveredNode_;
    frame.currentEntry = history_.current();
    frame.canGoBack = history_.canGoBack();
    frame.canGoForward = history_.canGoForward();
    frame.messages = &messages_;
    frame.focusSearch = std::exchange(focusSearch_, false);
    if (pending_.valid()) frame.loadingWhat = pendingPath_.filename().string();
    interface_->draw(frame);
    ImGui::Render();
    applyUiRequests(frame);
    nodeLooks = looks();  // the panels' requests (isolate, hide, ...) show in this very frame

    renderer_->beginFrame(width, height);
    if (model_) renderer_->drawScene(*model_, camera_, nodeLooks, layoutNow().scene);
    renderer_->resolveFrame();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace dorsal
