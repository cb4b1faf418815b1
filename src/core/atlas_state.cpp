#include "core/atlas_state.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <type_traits>
#include <utility>

#include "core/atlas.h"
#include "core/data_paths.h"
#include "core/picking.h"
#include "core/text.h"

namespace dorsal {

// --- ShowingHistory ---

void ShowingHistory::push(const Showing& item) {
    if (item.empty()) {
        clear();
        return;
    }
    if (!blank_ && items_[position_] == item) return;
    if (!items_.empty()) items_.resize(position_ + 1);
    items_.push_back(item);
    position_ = items_.size() - 1;
    blank_ = false;
}

void ShowingHistory::replaceCurrent(const Showing& item) {
    if (blank_ || item.empty()) {
        push(item);
        return;
    }
    items_[position_] = item;
}

bool ShowingHistory::canGoBack() const { return blank_ ? !items_.empty() : position_ > 0; }

bool ShowingHistory::canGoForward() const { return !items_.empty() && position_ + 1 < items_.size(); }

std::optional<Showing> ShowingHistory::back() {
    if (!canGoBack()) return std::nullopt;
    if (blank_) {
        blank_ = false;  // back to what was on show before it was cleared
    } else {
        --position_;
    }
    return items_[position_];
}

std::optional<Showing> ShowingHistory::forward() {
    if (!canGoForward()) return std::nullopt;
    blank_ = false;
    return items_[++position_];
}

Showing ShowingHistory::current() const { return blank_ ? Showing{} : items_[position_]; }

void ShowingHistory::forgetPicks() {
    std::vector<Showing> kept;
    bool currentKept = false;
    std::size_t position = 0;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const Showing item{items_[i].entry, std::nullopt};
        // Steps that differed only by their picks become one; steps that were only picks go.
        if (!item.empty() && (kept.empty() || kept.back() != item)) kept.push_back(item);
        if (i == position_) {
            currentKept = !item.empty();
            position = kept.empty() ? 0 : kept.size() - 1;
        }
    }
    items_ = std::move(kept);
    position_ = position;
    if (!currentKept) blank_ = true;
}

// --- AtlasState ---

AtlasState::AtlasState(Content content)
    : content_(std::move(content)), search_(content_), problems_(content_.problems) {
    reportProblems();
    resetCamera();
}

void AtlasState::reportProblems() {
    std::erase(messages_, Message{problemsMessage_});
    problemsMessage_.clear();
    if (content_.safety.failure) {
        problemsMessage_ = "Safety information could not be loaded (" + content_.safety.failure->format() +
                           "): see a clinician for any warning sign, and fix the safety file.";
    } else if (!problems_.empty()) {
        const auto skipped =
            std::count_if(problems_.begin(), problems_.end(), [](const ContentProblem& p) { return p.skipped; });
        problemsMessage_ = std::to_string(problems_.size()) + (problems_.size() == 1 ? " problem" : " problems") +
                           " in the content at " + content_.root.string() +
                           (skipped ? "; some entries were skipped" : "") +
                           ". The side panel lists them; dorsal check shows the same.";
    }
    if (!problemsMessage_.empty()) addMessage(problemsMessage_);
}

void AtlasState::setModel(Model model) {
    model_ = std::move(model);
    // What went wrong with models before (one that failed to load, the last one's warnings) is over.
    for (const Message& message : std::exchange(modelMessages_, {})) std::erase(messages_, message);
    strata_ = strataOfNodes(*model_, content_);
    // The built-in model must hold every muscle of the content; a model from elsewhere (an import
    // of part of an atlas) may hold some, which is worth a word but is no fault of the content.
    const std::string modelName = std::filesystem::path(model_->sourcePath).filename().string();
    const std::vector<std::string> muscles = muscleIdsOf(*model_);
    const bool builtIn = std::filesystem::path(model_->sourcePath) == builtInModelPath();
    problems_ = contentProblemsWithModel(content_, muscles, modelName, builtIn ? ModelCoverage::Whole : ModelCoverage::Partial);
    reportProblems();
    if (!builtIn && content_.folderFound) {
        const auto shown = static_cast<std::size_t>(std::count_if(
            content_.muscles.begin(), content_.muscles.end(),
            [&](const Muscle& muscle) { return std::find(muscles.begin(), muscles.end(), muscle.id) != muscles.end(); }));
        if (shown < content_.muscles.size()) {
            addModelMessage(modelName + " shows " + std::to_string(shown) + " of the atlas's " +
                            std::to_string(content_.muscles.size()) +
                            " muscles; the others' entries open without a structure to light up",
                            MessageSeverity::Information);
        }
    }
    for (const std::string& warning : model_->warnings) addModelMessage(warning);
    const bool labels = view_.labels;
    view_ = ViewState{};
    view_.labels = labels;
    history_.forgetPicks();
    std::erase_if(pins_, [&](const Pin& pin) { return model_->findNode(pin.node) < 0; });
    selectedPin_.reset();
    pinMode_ = false;
    refresh(Origin::Click);
    resetCamera();
}

bool AtlasState::open(const std::string& id, Origin origin) {
    if (!content_.kindOf(id)) return false;
    show(Showing{id, std::nullopt}, origin, true);
    return true;
}

bool AtlasState::selectByName(const std::string& name) {
    if (const std::optional<std::string> id = search_.entryNamed(name)) return open(*id, Origin::LookUp);
    const int node = model_ ? model_->findNode(name) : -1;
    if (node >= 0) {
        Showing item;
        item.picked = std::vector<int>{node};
        const std::string entry = entryOfNode(*model_, content_, node);
        if (!entry.empty()) item.entry = entry;
        show(item, Origin::LookUp, true);
        return true;
    }
    addMessage(unknownNameMessage(name));
    return false;
}

void AtlasState::click(int node, bool additive) {
    if (!model_ || node < 0 || static_cast<std::size_t>(node) >= model_->nodes.size()) return;
    const std::string entry = entryOfNode(*model_, content_, node);
    if (!additive) {
        Showing item;
        item.picked = std::vector<int>{node};
        if (!entry.empty()) item.entry = entry;
        show(item, Origin::Click, true);
        return;
    }
    // Ctrl+click: the selected nodes as they are now, with `node` added or taken out.
    Showing item = history_.current();
    std::vector<int> picked = item.picked ? *item.picked : highlight_.selected;
    const auto at = std::find(picked.begin(), picked.end(), node);
    if (at != picked.end()) {
        picked.erase(at);
        // Taking out the last one: a pain pattern (or stretch, ...) stays open with its muscles;
        // a muscle's entry, which was the selection, closes.
        if (picked.empty()) {
            const bool entryIsTheSelection = item.entry && (content_.muscle(*item.entry) || content_.group(*item.entry));
            if (!item.entry || entryIsTheSelection) return clear();
            return show(Showing{item.entry, std::nullopt}, Origin::Click, false);
        }
    } else {
        picked.push_back(node);
    }
    // The open entry stays; with none open, the clicked structure's entry opens.
    if (!item.entry && !entry.empty()) item.entry = entry;
    item.picked = picked;
    show(item, Origin::Click, false);
}

void AtlasState::clear() {
    history_.clear();
    refresh(Origin::Click);
}

void AtlasState::clickEmpty() {
    Showing item = history_.current();
    if (!item.entry) return clear();
    if (item.picked && item.picked->empty()) return;
    item.picked = std::vector<int>{};
    show(item, Origin::Click, true);
}

void AtlasState::back() {
    if (const std::optional<Showing> item = history_.back()) refresh(Origin::LookUp);
}

void AtlasState::forward() {
    if (const std::optional<Showing> item = history_.forward()) refresh(Origin::LookUp);
}

void AtlasState::show(const Showing& item, Origin origin, bool step) {
    if (step) {
        history_.push(item);
    } else {
        history_.replaceCurrent(item);
    }
    refresh(origin);
}

void AtlasState::refresh(Origin origin) {
    const Showing item = history_.current();
    highlight_ = Highlight{};
    if (model_) {
        if (item.entry) highlight_ = highlightForEntry(*model_, content_, *item.entry);
        if (item.picked) highlight_.selected = *item.picked;
    }
    if (highlight_.empty()) view_.isolate = false;
    painMap_ = model_ ? painMapFor(*model_, content_, item.entry, highlight_) : PainMap{};
    if (origin == Origin::LookUp) lookAtHighlight();
}

const PainMap& AtlasState::painMap() const {
    static const PainMap none;
    if (!view_.painMap) return none;
    return whereMode_ && !openEntry() ? markedMap_ : painMap_;
}

std::optional<RegionOnSide> AtlasState::regionUnder(glm::vec2 cursor) const {
    if (!model_) return std::nullopt;
    // Any surface drawn counts here, the skin and the see-through ones too: it is the body's
    // surface that is pointed at.
    const Viewport scene = layout().scene;
    const std::vector<NodeLook> nodeLooks = looks();
    const Ray ray = camera_.rayThrough(cursor - glm::vec2(scene.x, scene.y), glm::vec2(scene.width, scene.height));
    const std::optional<PickHit> hit = pickNearest(*model_, ray, [&](const Part& part) {
        return nodeLooks[static_cast<std::size_t>(part.node)].visible;
    });
    return hit ? regionAt(content_, hit->point) : std::nullopt;
}

std::optional<RegionOnSide> AtlasState::markAt(glm::vec2 cursor, bool startStroke, bool additive) {
    if (startStroke && !additive) marked_.clear();
    const std::optional<RegionOnSide> region = regionUnder(cursor);
    if (region && std::find(marked_.begin(), marked_.end(), *region) == marked_.end()) marked_.push_back(*region);
    updateMarkedMap();
    return region;
}

void AtlasState::toggleRegion(const RegionOnSide& region) {
    if (!content_.region(region.id)) return;
    const auto at = std::find(marked_.begin(), marked_.end(), region);
    if (at == marked_.end()) {
        marked_.push_back(region);
    } else {
        marked_.erase(at);
    }
    updateMarkedMap();
}

void AtlasState::updateMarkedMap() {
    markedMap_ = PainMap{};
    for (const RegionOnSide& region : marked_) {
        for (const Ellipsoid& shape : shapesOf(content_, region)) markedMap_.zones.push_back(shape);
    }
}

std::vector<WhereResult> AtlasState::whereResults() const {
    std::vector<std::string> ids;
    for (const RegionOnSide& region : marked_) {
        if (std::find(ids.begin(), ids.end(), region.id) == ids.end()) ids.push_back(region.id);
    }
    return whatHurtsIn(content_, ids);
}

TargetGroups AtlasState::targetGroups() const {
    TargetGroups groups;
    if (!model_) return groups;
    const Showing item = history_.current();
    if (!highlight_.selected.empty()) {
        groups.push_back(highlight_.selected);
    } else if (item.entry) {
        // The entry's muscles in the order it lists them: the first matter most. For a pain felt on
        // both sides at once, each side of a muscle must be seen, so each is a group of its own.
        const PainPattern* pain = content_.pain(*item.entry);
        const bool eachSide = pain && pain->side == "both";
        for (const std::string& muscle : primaryMusclesOf(content_, *item.entry)) {
            std::vector<int> nodes = nodesOfEntry(*model_, content_, muscle);
            if (eachSide) {
                for (int node : nodes) groups.push_back({node});
            } else if (!nodes.empty()) {
                groups.push_back(std::move(nodes));
            }
        }
    }
    return groups;
}

namespace {

// Which way the skin faces where `shape` holds it: the mean of the skin's normals inside it, level
// (no up or down); zero where the shape holds none of the skin.
glm::vec3 skinFacing(const Model& model, const Ellipsoid& shape) {
    glm::vec3 sum(0.0f);
    for (const Part& part : model.parts) {
        if (part.material != MaterialKind::Skin) continue;
        for (std::size_t i = 0; i < part.positions.size(); ++i) {
            if (shape.contains(part.positions[i])) sum += part.normals[i];
        }
    }
    sum.y = 0.0f;
    return glm::length(sum) > 0.0f ? glm::normalize(sum) : glm::vec3(0.0f);
}

}  // namespace

std::vector<glm::vec3> AtlasState::sidesWherePainIsFelt() const {
    const std::optional<std::string> entry = openEntry();
    const PainPattern* pain = entry ? content_.pain(*entry) : nullptr;
    if (!pain || !model_) return {};
    // Which way the skin faces where it is felt, summed over the regions as given (for the left):
    // the back of the thigh faces back even though the thigh lies to the side of the body's middle.
    glm::vec3 left(0.0f);
    for (const std::string& id : pain->feltIn) {
        const Region* region = content_.region(id);
        if (!region) continue;
        glm::vec3 facing(0.0f);
        for (const Ellipsoid& shape : region->shapes) facing += skinFacing(*model_, shape);
        if (glm::length(facing) > 0.0f) left += glm::normalize(facing);
    }
    const glm::vec3 right(-left.x, 0.0f, left.z);
    // A pain felt mostly behind or in front is best seen from there, wherever on the body; one felt
    // mostly at the sides (the outer hip), from one side, either one, when it can be felt on
    // either side. Directions that cancel (the groin and the lower back) prefer no side.
    const float count = static_cast<float>(std::max<std::size_t>(1, pain->feltIn.size()));
    const float frontOrBack = std::abs(left.z);
    const float sideways = std::abs(left.x);
    constexpr float kClear = 0.3f;  // of the regions' directions, on average, to count as a side
    if (frontOrBack >= sideways) {
        if (frontOrBack < kClear * count) return {};
        return {glm::vec3(0.0f, 0.0f, left.z > 0.0f ? 1.0f : -1.0f)};
    }
    if (pain->side == "both" || sideways < kClear * count) return {};
    return {glm::normalize(left), glm::normalize(right)};
}

void AtlasState::lookAtHighlight() {
    const TargetGroups groups = targetGroups();
    if (groups.empty()) return;
    // The view is framed on the main muscles; related ones may reach beyond it.
    Bounds box;
    for (const std::vector<int>& group : groups) {
        for (int node : group) box.add(model_->subtreeBounds(node));
    }
    box = withRoomAround(box);
    const float aspect = layout().openArea.aspect();
    const auto framedFrom = [&](ViewPreset preset) {
        OrbitCamera camera;
        camera.frame(model_->bounds, aspect, preset);
        camera.fit(box, aspect);
        return camera;
    };
    ViewPreset preset = ViewPreset::Posterior;
    if (viewOfNextLookUp_) {
        preset = *std::exchange(viewOfNextLookUp_, std::nullopt);
    } else {
        const std::vector<NodeLook> plain = lookOfNodes(*model_, strata_, view_, highlight_);
        const auto solid = [&](int node) {
            const NodeLook& look = plain[static_cast<std::size_t>(node)];
            return look.visible && !look.ghost;
        };
        preset = bestViewFor(*model_, groups, [&](ViewPreset p) { return framedFrom(p).eye(); }, solid,
                             sidesWherePainIsFelt())
                     .preset;
    }
    moveCamera(centredInOpenArea(framedFrom(preset)));
}

const std::vector<int>& AtlasState::seeThrough() const {
    static const std::vector<int> none;
    if (!model_ || !view_.cutaway || view_.xray || highlight_.empty()) return none;
    const OrbitCamera& eyeCamera = cameraGoal();
    const glm::vec3 direction = glm::normalize(eyeCamera.eye() - eyeCamera.target());
    // A turn of a few degrees changes little of what covers what; the cutaway follows bigger ones.
    constexpr float kCosOfFollowAngle = 0.9986f;  // 3 degrees
    if (cutaway_ && cutaway_->highlight == highlight_ && cutaway_->view == view_ &&
        glm::dot(cutaway_->eyeDirection, direction) > kCosOfFollowAngle) {
        return cutaway_->seeThrough;
    }
    const std::vector<NodeLook> plain = lookOfNodes(*model_, strata_, view_, highlight_);
    const auto solid = [&](int node) {
        const NodeLook& look = plain[static_cast<std::size_t>(node)];
        return look.visible && !look.ghost;
    };
    cutaway_ = CutawayCache{
        cutawayFor(*model_, targetGroups(), eyeCamera.eye(), solid, highlight_.secondary).seeThrough, direction,
        highlight_, view_};
    return cutaway_->seeThrough;
}

bool AtlasState::hideByName(const std::string& name) {
    std::vector<int> nodes;
    if (model_) {
        if (const std::optional<std::string> id = search_.entryNamed(name)) nodes = nodesOfEntry(*model_, content_, *id);
        const int node = model_->findNode(name);
        if (nodes.empty() && node >= 0) nodes.push_back(node);
    }
    if (nodes.empty()) {
        addMessage(unknownNameMessage(name));
        return false;
    }
    view_.hidden.insert(view_.hidden.end(), nodes.begin(), nodes.end());
    return true;
}

std::string AtlasState::unknownRegionMessage(const std::string& id) const {
    std::vector<std::string> ids;
    for (const Region& region : content_.regions) ids.push_back(region.id);
    const std::vector<std::string> close = closestMatches(id, ids, 3);
    std::string message = "no body region named \"" + id + "\"";
    for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "; did you mean ") + close[i];
    return message + (close.empty() ? "" : "?");
}

std::string AtlasState::unknownNameMessage(const std::string& name) const {
    std::vector<std::string> candidates = content_.allIds();
    if (model_) {
        for (const Node& n : model_->nodes) candidates.push_back(n.name);
    }
    const std::vector<std::string> close = closestMatches(name, candidates, 3);
    std::string message = "no entry or structure named \"" + name + "\"";
    for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "; did you mean ") + close[i];
    return message + (close.empty() ? "" : "?");
}

void AtlasState::toggleHidden(int node) {
    std::vector<int>& hidden = view_.hidden;
    const auto at = std::find(hidden.begin(), hidden.end(), node);
    if (at == hidden.end()) {
        hidden.push_back(node);
    } else {
        hidden.erase(at);
    }
}

void AtlasState::isolateNode(int node) {
    click(node, false);
    if (highlight_.empty()) return;
    view_.isolate = true;
    frameHighlight();
}

void AtlasState::setPeel(int depth) { view_.peel(std::clamp(depth, 0, kPeelableStrata - 1)); }

void AtlasState::setSide(SideShown side) { view_.side = side; }

void AtlasState::setStratumShown(Stratum stratum, bool shown) {
    const auto index = static_cast<std::size_t>(stratum);
    if (index < view_.strataShown.size()) view_.strataShown[index] = shown;
}

std::vector<NodeLook> AtlasState::looks() const {
    return model_ ? lookOfNodes(*model_, strata_, view_, highlight_, seeThrough()) : std::vector<NodeLook>{};
}

bool AtlasState::applyStart(const StartView& start) {
    bool ok = true;
    for (const std::string& name : start.hide) ok = hideByName(name) && ok;
    view_.xray = start.xray;
    view_.cutaway = start.cutaway;
    view_.painMap = start.painMap;
    view_.others = start.dimOthers ? OthersStyle::Dimmed : OthersStyle::Normal;
    view_.strataShown = start.strataShown;
    view_.side = start.side;
    view_.labels = start.labels;
    for (const std::string& id : start.where) {
        const Region* region = content_.region(id);
        if (!region) {
            addMessage(unknownRegionMessage(id));
            ok = false;
            continue;
        }
        whereMode_ = true;
        if (region->side == "both") {
            toggleRegion({id, "left"});
            toggleRegion({id, "right"});
        } else {
            toggleRegion({id, "midline"});
        }
    }
    for (const PinRequest& pin : start.pins) ok = addPinNear(pin.at, pin.note) && ok;
    viewOfNextLookUp_ = start.view;
    if (!start.select.empty()) ok = selectByName(start.select) && ok;
    viewOfNextLookUp_.reset();
    if (start.isolate && !highlight_.empty()) {
        view_.isolate = true;
        frameHighlight();
    }
    return ok;
}

void AtlasState::run(CommandId id) {
    switch (id) {
        case CommandId::ViewAnterior: return viewFrom(ViewPreset::Anterior);
        case CommandId::ViewPosterior: return viewFrom(ViewPreset::Posterior);
        case CommandId::ViewLeft: return viewFrom(ViewPreset::Left);
        case CommandId::ViewRight: return viewFrom(ViewPreset::Right);
        case CommandId::ViewSuperior: return viewFrom(ViewPreset::Superior);
        case CommandId::ViewOblique: return viewFrom(ViewPreset::Oblique);
        case CommandId::ResetView: return viewFrom(startView_);
        case CommandId::FrameHighlight: return frameHighlight();
        case CommandId::Isolate:
            view_.isolate = !view_.isolate && !highlight_.empty();
            if (view_.isolate) frameHighlight();
            return;
        case CommandId::HideSelection: {
            const std::vector<int> selected = highlight_.selected;
            if (selected.empty()) return;
            view_.hidden.insert(view_.hidden.end(), selected.begin(), selected.end());
            return clear();
        }
        case CommandId::ShowAll: return view_.showAll();
        case CommandId::ToggleXray: view_.xray = !view_.xray; return;
        case CommandId::ToggleCutaway: view_.cutaway = !view_.cutaway; return;
        case CommandId::TogglePainMap: view_.painMap = !view_.painMap; return;
        case CommandId::ToggleDim:
            view_.others = view_.others == OthersStyle::Dimmed ? OthersStyle::Normal : OthersStyle::Dimmed;
            return;
        case CommandId::ToggleLabels: view_.labels = !view_.labels; return;
        case CommandId::PeelMore: return setPeel(view_.peelDepth() + 1);
        case CommandId::PeelLess: return setPeel(view_.peelDepth() - 1);
        case CommandId::CycleSide: return setSide(static_cast<SideShown>((static_cast<int>(view_.side) + 1) % 3));
        case CommandId::ClearSelection:
            // Esc steps out of one thing: placing a pin, else presentation, else what is on show.
            if (pinMode_) {
                pinMode_ = false;
                return;
            }
            if (presenting_) return setPresenting(false);
            selectedPin_.reset();
            return clear();
        case CommandId::TogglePresentation: return setPresenting(!presenting_);
        case CommandId::WhereItHurts:
            whereMode_ = !whereMode_;
            if (!whereMode_) {
                marked_.clear();
                updateMarkedMap();
            }
            return;
        case CommandId::AddPin: pinMode_ = !pinMode_ && model_.has_value(); return;
        case CommandId::RemovePin:
            if (selectedPin_) removePin(*selectedPin_);
            return;
        case CommandId::Back: return back();
        case CommandId::Forward: return forward();
        case CommandId::Search: searchFocus_ = true; return;
        case CommandId::Help: helpOpen_ = !helpOpen_; return;
        case CommandId::OpenModel:
        case CommandId::Handout:
        case CommandId::OpenScene:
        case CommandId::SaveScene:
        case CommandId::SaveSceneAs:
        case CommandId::SavePicture:
        case CommandId::Settings:
        case CommandId::FontBigger:
        case CommandId::FontSmaller:
        case CommandId::FontReset:
        case CommandId::Quit: return;  // the app's
    }
}

void AtlasState::apply(const Request& request) {
    std::visit(
        [this](const auto& r) {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, CommandId>) {
                run(r);
            } else if constexpr (std::is_same_v<T, request::OpenEntry>) {
                open(r.id, r.origin);
            } else if constexpr (std::is_same_v<T, request::ClickNode>) {
                click(r.node, r.additive);
            } else if constexpr (std::is_same_v<T, request::ToggleHidden>) {
                toggleHidden(r.node);
            } else if constexpr (std::is_same_v<T, request::IsolateNode>) {
                isolateNode(r.node);
            } else if constexpr (std::is_same_v<T, request::SetPeel>) {
                setPeel(r.depth);
            } else if constexpr (std::is_same_v<T, request::SetSide>) {
                setSide(r.side);
            } else if constexpr (std::is_same_v<T, request::SetStratumShown>) {
                setStratumShown(r.stratum, r.shown);
            } else if constexpr (std::is_same_v<T, request::DismissMessage>) {
                dismissMessage(r.index);
            } else if constexpr (std::is_same_v<T, request::ToggleRegion>) {
                toggleRegion(r.region);
            } else if constexpr (std::is_same_v<T, request::SetPinNote>) {
                setPinNote(r.pin, r.note);
            } else if constexpr (std::is_same_v<T, request::RemovePin>) {
                removePin(r.pin);
            } else if constexpr (std::is_same_v<T, request::SelectPin>) {
                selectPin(r.pin);
            }
        },
        request);
}

void AtlasState::setFrame(int width, int height, bool panelsShown, float uiScale) {
    frame_ = {std::max(width, 1), std::max(height, 1), panelsShown, uiScale};
}

FrameLayout AtlasState::layout() const {
    const bool entryOpen = openEntry().has_value();
    if (presenting_ && frame_.panelsShown) {
        return presentationLayout(frame_.width, frame_.height, entryOpen, frame_.uiScale, slide_);
    }
    return frameLayout(frame_.width, frame_.height, frame_.panelsShown, entryOpen, frame_.uiScale);
}

void AtlasState::setPresenting(bool on) {
    presenting_ = on;
    slide_ = slideGoal_ = PanelSlide{};
    // What was in the middle of the open part of the view stays in the middle of the new one.
    centreInOpenArea();
}

void AtlasState::centreInOpenArea() {
    camera_ = centredInOpenArea(camera_);
    if (cameraMove_) cameraMove_->to = centredInOpenArea(cameraMove_->to);
}

glm::vec2 AtlasState::openAreaOffset() const {
    const FrameLayout frame = layout();
    const auto centre = [](const Viewport& area) {
        return glm::vec2(area.x, area.y) + 0.5f * glm::vec2(area.width, area.height);
    };
    return centre(frame.openArea) - centre(frame.scene);
}

void AtlasState::revealPanels(bool side, bool entry) {
    slideGoal_ = {side ? 1.0f : 0.0f, entry ? 1.0f : 0.0f};
    if (!animateCamera_) slide_ = slideGoal_;
}

std::string AtlasState::caption() const {
    const Showing item = history_.current();
    const bool painShown = view_.painMap && !painMap_.empty();
    if (item.entry) {
        std::string text = content_.nameOf(*item.entry);
        switch (content_.kindOf(*item.entry).value_or(EntryKind::Guide)) {
            case EntryKind::Muscle:
            case EntryKind::Group:
                if (painShown) text += " \u2014 where it sends pain";
                break;
            case EntryKind::Pain: text += " \u2014 the muscles that can cause it"; break;
            default: break;
        }
        return text;
    }
    if (item.picked && model_) {
        std::string text;
        for (int node : *item.picked) text += (text.empty() ? "" : ", ") + displayNameOfNode(*model_, content_, node);
        return text;
    }
    if (whereMode_ && !marked_.empty()) {
        std::string text = "Where it hurts: ";
        for (std::size_t i = 0; i < marked_.size(); ++i) text += (i ? ", " : "") + regionOnSideName(content_, marked_[i]);
        return text;
    }
    return {};
}

void AtlasState::advanceTime(float seconds) {
    const float step = seconds / kPanelSlideSeconds;
    const auto towards = [step](float& value, float goal) {
        value = value < goal ? std::min(goal, value + step) : std::max(goal, value - step);
    };
    towards(slide_.side, slideGoal_.side);
    towards(slide_.entry, slideGoal_.entry);
    noticeLeft_ -= seconds;
    if (noticeLeft_ <= 0.0f) notice_.clear();
    sinceCameraInput_ = std::min(sinceCameraInput_ + seconds, kSettleSeconds);
    if (!cameraMove_) return;
    cameraMove_->elapsed += seconds;
    const float t = cameraMove_->elapsed / kCameraMoveSeconds;
    camera_ = OrbitCamera::between(cameraMove_->from, cameraMove_->to, t);
    if (t >= 1.0f) cameraMove_.reset();
}

void AtlasState::orbit(float dxPixels, float dyPixels) {
    cameraMove_.reset();
    sinceCameraInput_ = 0.0f;
    camera_.orbit(dxPixels, dyPixels);
}

void AtlasState::pan(float dxPixels, float dyPixels) {
    cameraMove_.reset();
    sinceCameraInput_ = 0.0f;
    camera_.pan(dxPixels, dyPixels, static_cast<float>(layout().scene.height));
}

void AtlasState::zoomTowards(glm::vec2 cursor, float steps) {
    cameraMove_.reset();
    sinceCameraInput_ = 0.0f;
    const Viewport scene = layout().scene;
    camera_.zoomTowards(cursor - glm::vec2(scene.x, scene.y), glm::vec2(scene.width, scene.height), steps);
}

void AtlasState::resetCamera() {
    cameraMove_.reset();
    camera_ = wholeModelFrom(startView_);
}

void AtlasState::viewFrom(ViewPreset preset) { moveCamera(wholeModelFrom(preset)); }

void AtlasState::frameHighlight() {
    if (!model_) return;
    const Bounds box = highlightBounds();
    if (box.empty()) return;
    OrbitCamera to = cameraGoal();
    to.fit(box, layout().openArea.aspect());
    moveCamera(centredInOpenArea(to));
}

Bounds AtlasState::highlightBounds() const {
    Bounds box;
    for (const std::vector<int>* nodes : {&highlight_.selected, &highlight_.primary, &highlight_.secondary}) {
        for (int node : *nodes) box.add(model_->subtreeBounds(node));
    }
    return withRoomAround(box);
}

Bounds AtlasState::withRoomAround(Bounds box) {
    if (box.empty()) return box;
    // Some room around it, so that what lies next to it shows where it is.
    const glm::vec3 margin = 0.15f * box.size();
    box.add(box.min - margin);
    box.add(box.max + margin);
    return box;
}

OrbitCamera AtlasState::wholeModelFrom(ViewPreset preset) const {
    OrbitCamera camera;
    camera.frame(model_ ? model_->bounds : Bounds{}, layout().openArea.aspect(), preset);
    return centredInOpenArea(camera);
}

OrbitCamera AtlasState::centredInOpenArea(OrbitCamera camera) const {
    const glm::vec2 offset = openAreaOffset();
    const Viewport scene = layout().scene;
    camera.setLensShift({2.0f * offset.x / static_cast<float>(scene.width), -2.0f * offset.y / static_cast<float>(scene.height)});
    return camera;
}

void AtlasState::moveCamera(const OrbitCamera& to) {
    if (!animateCamera_) {
        camera_ = to;
        cameraMove_.reset();
        return;
    }
    cameraMove_ = CameraMove{camera_, to, 0.0f};
}

std::optional<PickHit> AtlasState::surfaceAt(glm::vec2 cursor) const {
    if (!model_) return std::nullopt;
    const Viewport scene = layout().scene;
    const std::vector<NodeLook> nodeLooks = looks();
    const Ray ray = camera_.rayThrough(cursor - glm::vec2(scene.x, scene.y), glm::vec2(scene.width, scene.height));
    return pickNearest(*model_, ray, [&](const Part& part) {
        const NodeLook& look = nodeLooks[static_cast<std::size_t>(part.node)];
        return look.visible && !look.ghost && part.material != MaterialKind::Skin;
    });
}

int AtlasState::nodeAt(glm::vec2 cursor) const {
    const std::optional<PickHit> hit = surfaceAt(cursor);
    return hit ? hit->node : -1;
}

// --- pins ---

Pin AtlasState::pinAt(const PickHit& hit, const std::string& note) const {
    return Pin{model_->nodes[static_cast<std::size_t>(hit.node)].name, hit.point, hit.normal, note};
}

std::optional<std::size_t> AtlasState::addPinAt(glm::vec2 cursor, const std::string& note) {
    if (const std::string problem = pinNoteProblem(note); !problem.empty()) {
        addMessage("A pin's note " + problem);
        return std::nullopt;
    }
    const std::optional<PickHit> hit = surfaceAt(cursor);
    if (!hit) return std::nullopt;
    pins_.push_back(pinAt(*hit, note));
    selectedPin_ = pins_.size() - 1;
    pinMode_ = false;
    return selectedPin_;
}

bool AtlasState::addPinNear(const glm::vec3& point, const std::string& note) {
    // Appended rather than "(" + ..., which GCC 12 warns about wrongly (-Wrestrict, its bug 105651).
    std::string where = "(";
    where += std::to_string(point.x) + ", " + std::to_string(point.y) + ", " + std::to_string(point.z) + ")";
    if (const std::string problem = pinNoteProblem(note); !problem.empty()) {
        addMessage("the note of the pin at " + where + " " + problem);
        return false;
    }
    // A point means the surface a finger pointing at it from outside the body (level, towards the
    // body's long axis) touches first, when that lies within reach; else the nearest surface of the
    // outermost layer near it (a finger on the back touches the trapezius, not the muscle under it).
    const auto solid = [](const Part& part) { return part.material != MaterialKind::Skin; };
    std::optional<PickHit> hit;
    if (model_) {
        const glm::vec3 centre = model_->bounds.centre();
        const glm::vec3 outwards(point.x - centre.x, 0.0f, point.z - centre.z);
        if (glm::length(outwards) > 1e-4f) {
            const glm::vec3 direction = glm::normalize(outwards);
            const Ray finger{point + direction * model_->bounds.radius(), -direction};
            hit = pickNearest(*model_, finger, solid);
            if (hit && glm::distance(hit->point, point) > kPinReach) hit.reset();
        }
    }
    for (int stratum = static_cast<int>(Stratum::Superficial); model_ && !hit && stratum <= static_cast<int>(Stratum::Other);
         ++stratum) {
        hit = nearestSurfacePoint(*model_, point, kPinReach, [&](const Part& part) {
            return solid(part) && strata_[static_cast<std::size_t>(part.node)] == static_cast<Stratum>(stratum);
        });
    }
    if (!hit) {
        addMessage("no structure of the model within " + std::to_string(static_cast<int>(kPinReach * 100.0f)) +
                   " cm of the pin at " + where + " (metres, in the model frame)");
        return false;
    }
    pins_.push_back(pinAt(*hit, note));
    return true;
}

bool AtlasState::movePin(std::size_t index, glm::vec2 cursor) {
    if (index >= pins_.size()) return false;
    const std::optional<PickHit> hit = surfaceAt(cursor);
    if (!hit) return false;
    pins_[index] = pinAt(*hit, pins_[index].note);
    return true;
}

void AtlasState::removePin(std::size_t index) {
    if (index >= pins_.size()) return;
    pins_.erase(pins_.begin() + static_cast<std::ptrdiff_t>(index));
    if (selectedPin_ == index) {
        selectedPin_.reset();
    } else if (selectedPin_ && *selectedPin_ > index) {
        --*selectedPin_;
    }
}

bool AtlasState::setPinNote(std::size_t index, const std::string& note) {
    if (index >= pins_.size()) return false;
    if (const std::string problem = pinNoteProblem(note); !problem.empty()) {
        addMessage("A pin's note " + problem);
        return false;
    }
    pins_[index].note = note;
    return true;
}

void AtlasState::selectPin(std::optional<std::size_t> index) {
    selectedPin_ = index && *index < pins_.size() ? index : std::nullopt;
}

std::optional<glm::vec2> AtlasState::pinPixel(std::size_t index) const {
    if (!model_ || index >= pins_.size()) return std::nullopt;
    const int node = model_->findNode(pins_[index].node);
    const std::vector<NodeLook> nodeLooks = looks();
    if (node < 0 || !nodeLooks[static_cast<std::size_t>(node)].visible) return std::nullopt;
    const Viewport scene = layout().scene;
    const glm::vec2 size(static_cast<float>(scene.width), static_cast<float>(scene.height));
    const glm::vec3 pixel = camera_.project(pins_[index].point, size);
    if (pixel.z < 0.0f || pixel.z > 1.0f || pixel.x < 0.0f || pixel.y < 0.0f || pixel.x >= size.x || pixel.y >= size.y) {
        return std::nullopt;
    }
    return glm::vec2(pixel) + glm::vec2(scene.x, scene.y);
}

bool AtlasState::pinSeen(std::size_t index) const {
    if (!model_ || index >= pins_.size()) return false;
    const std::vector<NodeLook> nodeLooks = looks();
    const Pin& pin = pins_[index];
    // A hair off the surface, so that the pin's own triangle does not count as in front of it.
    return seenFrom(*model_, camera_.eye(), pin.point + pin.normal * 0.001f, [&](const Part& part) {
        const NodeLook& look = nodeLooks[static_cast<std::size_t>(part.node)];
        return look.visible && !look.ghost && part.material != MaterialKind::Skin;
    });
}

std::optional<std::size_t> AtlasState::pinNear(glm::vec2 cursor, float radius) const {
    std::optional<std::size_t> nearest;
    float best = radius;
    for (std::size_t i = 0; i < pins_.size(); ++i) {
        const std::optional<glm::vec2> pixel = pinPixel(i);
        if (!pixel) continue;
        const float distance = glm::distance(*pixel, cursor);
        if (distance <= best) {
            best = distance;
            nearest = i;
        }
    }
    return nearest;
}

// --- scenes ---

Scene AtlasState::scene() const {
    Scene scene;
    if (model_) {
        std::error_code ec;
        const std::filesystem::path absolute = std::filesystem::absolute(model_->sourcePath, ec);
        scene.model = (ec ? std::filesystem::path(model_->sourcePath) : absolute).lexically_normal();
    }
    const OrbitCamera& camera = cameraGoal();
    scene.camera = {camera.target(), camera.yaw(), camera.pitch(), camera.distance()};
    const Showing item = history_.current();
    scene.entry = item.entry;
    const auto nameOf = [&](int node) { return model_->nodes[static_cast<std::size_t>(node)].name; };
    if (item.picked && model_) {
        scene.selected.emplace();
        for (int node : *item.picked) scene.selected->push_back(nameOf(node));
    }
    scene.strataShown = view_.strataShown;
    scene.side = view_.side;
    scene.xray = view_.xray;
    scene.cutaway = view_.cutaway;
    scene.painMap = view_.painMap;
    scene.dim = view_.others == OthersStyle::Dimmed;
    scene.labels = view_.labels;
    scene.isolate = view_.isolate;
    if (model_) {
        for (int node : view_.hidden) {
            const std::string name = nameOf(node);
            if (std::find(scene.hidden.begin(), scene.hidden.end(), name) == scene.hidden.end()) {
                scene.hidden.push_back(name);
            }
        }
    }
    scene.whereMode = whereMode_;
    scene.marked = marked_;
    scene.pins = pins_;
    return scene;
}

bool AtlasState::applyScene(const Scene& scene, const std::string& source) {
    if (!model_) {
        addMessage(source + ": a scene needs a model to show it on");
        return false;
    }
    std::vector<std::string> skipped;
    const auto nodeNamed = [&](const std::string& name) {
        const int node = model_->findNode(name);
        if (node < 0) skipped.push_back("structure " + name);
        return node;
    };
    Showing item;
    if (scene.entry) {
        if (content_.kindOf(*scene.entry)) {
            item.entry = scene.entry;
        } else {
            skipped.push_back("entry " + *scene.entry);
        }
    }
    if (scene.selected) {
        std::vector<int> picked;
        for (const std::string& name : *scene.selected) {
            if (const int node = nodeNamed(name); node >= 0) picked.push_back(node);
        }
        if (!picked.empty() || scene.selected->empty()) item.picked = picked;
    }
    ViewState view;
    view.strataShown = scene.strataShown;
    view.side = scene.side;
    view.xray = scene.xray;
    view.cutaway = scene.cutaway;
    view.painMap = scene.painMap;
    view.others = scene.dim ? OthersStyle::Dimmed : OthersStyle::Normal;
    view.labels = scene.labels;
    view.isolate = scene.isolate;
    for (const std::string& name : scene.hidden) {
        if (const int node = nodeNamed(name); node >= 0) view.hidden.push_back(node);
    }
    std::vector<RegionOnSide> marked;
    for (const RegionOnSide& region : scene.marked) {
        if (content_.region(region.id)) {
            marked.push_back(region);
        } else {
            skipped.push_back("body region " + region.id);
        }
    }
    std::vector<Pin> pins;
    for (const Pin& pin : scene.pins) {
        if (model_->findNode(pin.node) >= 0) {
            pins.push_back(pin);
        } else {
            skipped.push_back("the pin \"" + pin.note + "\" on " + pin.node);
        }
    }

    view_ = view;
    whereMode_ = scene.whereMode;
    marked_ = std::move(marked);
    updateMarkedMap();
    pins_ = std::move(pins);
    selectedPin_.reset();
    pinMode_ = false;
    if (item.empty()) {
        history_.clear();
    } else {
        history_.push(item);
    }
    refresh(Origin::Click);
    view_.isolate = scene.isolate && !highlight_.empty();
    cameraMove_.reset();
    camera_ = wholeModelFrom(startView_);
    camera_.setPose(scene.camera.target, scene.camera.yaw, scene.camera.pitch, scene.camera.distance);
    if (!skipped.empty()) {
        std::string message = source + ": this model or content lacks what the scene names; skipped ";
        for (std::size_t i = 0; i < skipped.size() && i < 8; ++i) message += (i ? ", " : "") + skipped[i];
        if (skipped.size() > 8) message += " and " + std::to_string(skipped.size() - 8) + " more";
        addMessage(message);
    }
    return true;
}

void AtlasState::addMessage(std::string message) { messages_.push_back({std::move(message), MessageSeverity::Error}); }

void AtlasState::setNotice(std::string notice) {
    notice_ = std::move(notice);
    noticeLeft_ = kNoticeSeconds;
}

void AtlasState::addModelMessage(std::string message, MessageSeverity severity) {
    modelMessages_.push_back({message, severity});
    messages_.push_back({std::move(message), severity});
}

void AtlasState::dismissMessage(std::size_t index) {
    if (index < messages_.size()) messages_.erase(messages_.begin() + static_cast<std::ptrdiff_t>(index));
}

}  // namespace dorsal
