#include "core/view_state.h"

#include <algorithm>
#include <cmath>

#include "core/model.h"

namespace dorsal {

namespace {

constexpr std::array<std::string_view, kPeelableStrata> kStratumNames{"skin", "superficial", "intermediate", "deep",
                                                                      "bones"};

bool withinAny(const Model& model, int node, const std::vector<int>& nodes) {
    return std::any_of(nodes.begin(), nodes.end(), [&](int n) { return model.isWithin(node, n); });
}

}  // namespace

HighlightStyle Highlight::styleOf(const Model& model, int node) const {
    if (withinAny(model, node, selected)) return HighlightStyle::Selected;
    if (withinAny(model, node, primary)) return HighlightStyle::Primary;
    if (withinAny(model, node, secondary)) return HighlightStyle::Secondary;
    return HighlightStyle::None;
}

std::optional<Stratum> stratumFromName(std::string_view name) {
    for (std::size_t i = 0; i < kStratumNames.size(); ++i) {
        if (kStratumNames[i] == name) return static_cast<Stratum>(i);
    }
    return std::nullopt;
}

std::string_view stratumName(Stratum stratum) {
    const auto index = static_cast<std::size_t>(stratum);
    return index < kStratumNames.size() ? kStratumNames[index] : "other";
}

std::optional<SideShown> sideShownFromName(std::string_view name) {
    if (name == "both") return SideShown::Both;
    if (name == "left") return SideShown::Left;
    if (name == "right") return SideShown::Right;
    return std::nullopt;
}

void ViewState::peel(int depth) {
    for (int i = 0; i < kPeelableStrata; ++i) strataShown[static_cast<std::size_t>(i)] = i >= depth;
}

int ViewState::peelDepth() const {
    int depth = 0;
    while (depth < kPeelableStrata - 1 && !strataShown[static_cast<std::size_t>(depth)]) ++depth;
    return depth;
}

void ViewState::showAll() {
    strataShown.fill(true);
    side = SideShown::Both;
    xray = false;
    isolate = false;
    cutaway = true;
    hidden.clear();
}

std::vector<NodeLook> lookOfNodes(const Model& model, const std::vector<Stratum>& strata, const ViewState& view,
                                  const Highlight& highlight, const std::vector<int>& seeThrough) {
    std::vector<NodeLook> looks(model.nodes.size());
    const bool anyHighlight = !highlight.empty();
    const bool isolating = view.isolate && anyHighlight;
    // Each set's reach worked out once for all nodes: asking node by node walks up the tree for
    // each, which grows with the square of its depth.
    const std::vector<bool> selected = model.nodesWithin(highlight.selected);
    const std::vector<bool> primary = model.nodesWithin(highlight.primary);
    const std::vector<bool> secondary = model.nodesWithin(highlight.secondary);
    const std::vector<bool> hidden = model.nodesWithin(view.hidden);
    const std::vector<bool> cutAway = model.nodesWithin(seeThrough);
    for (std::size_t i = 0; i < looks.size(); ++i) {
        NodeLook& look = looks[i];
        look.style = selected[i]    ? HighlightStyle::Selected
                     : primary[i]   ? HighlightStyle::Primary
                     : secondary[i] ? HighlightStyle::Secondary
                                    : HighlightStyle::None;
        const Stratum stratum = i < strata.size() ? strata[i] : Stratum::Other;
        const bool stratumShown =
            stratum == Stratum::Other || view.strataShown[static_cast<std::size_t>(stratum)];
        const std::string& name = model.nodes[i].name;
        const bool left = name.ends_with(".L");
        const bool right = name.ends_with(".R");
        const bool sideShown = view.side == SideShown::Both || (!left && !right) ||
                               (view.side == SideShown::Left ? left : right);
        const bool highlighted = look.style != HighlightStyle::None;
        look.visible = stratumShown && sideShown && !hidden[i] && (!isolating || highlighted);
        // X-ray keeps the highlight solid; with nothing highlighted it keeps the skeleton solid.
        look.ghost = cutAway[i] || (view.xray && !highlighted && (anyHighlight || stratum != Stratum::Bone));
        look.dimmed = anyHighlight && !highlighted && view.others == OthersStyle::Dimmed;
        look.overGhosts = highlighted && !look.ghost && (view.xray || !seeThrough.empty());
    }
    return looks;
}

std::vector<glm::vec2> layoutLabels(const std::vector<LabelRequest>& labels, const Viewport& area, float margin) {
    std::vector<glm::vec2> placed(labels.size());
    const float centreX = static_cast<float>(area.x) + 0.5f * static_cast<float>(area.width);
    const float top = static_cast<float>(area.y) + margin;
    const float bottom = static_cast<float>(area.y + area.height) - margin;
    for (const bool leftColumn : {true, false}) {
        std::vector<std::size_t> column;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if ((labels[i].anchor.x < centreX) == leftColumn) column.push_back(i);
        }
        std::sort(column.begin(), column.end(),
                  [&](std::size_t a, std::size_t b) { return labels[a].anchor.y < labels[b].anchor.y; });
        // Down the column: each box centred on its anchor's height when there is room, else just
        // below the one above. Then, if the last spills over the bottom, push the boxes back up.
        float nextTop = top;
        for (std::size_t i : column) {
            const float wanted = labels[i].anchor.y - 0.5f * labels[i].size.y;
            placed[i].y = std::max(wanted, nextTop);
            nextTop = placed[i].y + labels[i].size.y + margin;
        }
        float limit = bottom;
        for (auto it = column.rbegin(); it != column.rend(); ++it) {
            placed[*it].y = std::max(std::min(placed[*it].y, limit - labels[*it].size.y), top);
            limit = placed[*it].y - margin;
        }
        for (std::size_t i : column) {
            placed[i].x = leftColumn ? static_cast<float>(area.x) + margin
                                     : static_cast<float>(area.x + area.width) - margin - labels[i].size.x;
        }
    }
    return placed;
}

FrameLayout frameLayout(int width, int height, bool panelsShown, bool entryOpen, float uiScale) {
    FrameLayout layout;
    if (!panelsShown) {
        layout.menuBar = {0, 0, width, 0};
        layout.scene = {0, 0, width, height};
        layout.sidePanel = {0, 0, 0, height};
        layout.entryPanel = {width, 0, 0, height};
        layout.toolbar = {0, height, width, 0};
        layout.openArea = layout.scene;
        return layout;
    }
    // Both panels shrink alike when together they would take more than 60% of the width; the side
    // panel's width does not depend on whether the entry panel is open, so the view never moves.
    float side = static_cast<float>(kSidePanelWidth) * uiScale;
    float entry = static_cast<float>(kEntryPanelWidth) * uiScale;
    const float panelsMax = 0.6f * static_cast<float>(width);
    if (side + entry > panelsMax) {
        const float shrink = panelsMax / (side + entry);
        side *= shrink;
        entry *= shrink;
    }
    if (!entryOpen) entry = 0.0f;
    const int sideWidth = static_cast<int>(side + 0.5f);
    const int entryWidth = static_cast<int>(entry + 0.5f);
    const int top = std::min(static_cast<int>(static_cast<float>(kMenuBarHeight) * uiScale + 0.5f), height / 4);
    const int below = height - top;
    const int toolbarHeight = std::min(static_cast<int>(static_cast<float>(kViewToolbarHeight) * uiScale + 0.5f), below / 3);
    const int middle = std::max(1, below - toolbarHeight);
    layout.menuBar = {0, 0, width, top};
    layout.sidePanel = {0, top, sideWidth, middle};
    layout.entryPanel = {width - entryWidth, top, entryWidth, middle};
    layout.scene = {sideWidth, top, std::max(1, width - sideWidth), middle};
    layout.openArea = {sideWidth, top, std::max(1, width - sideWidth - entryWidth), middle};
    layout.toolbar = {0, height - toolbarHeight, width, toolbarHeight};
    return layout;
}

FrameLayout presentationLayout(int width, int height, bool entryOpen, float uiScale, PanelSlide slide) {
    FrameLayout layout;
    layout.presenting = true;
    layout.menuBar = {0, 0, width, 0};
    layout.scene = {0, 0, width, height};
    const int toolbarHeight =
        std::min(static_cast<int>(static_cast<float>(kPresentationToolbarHeight) * uiScale + 0.5f), height / 4);
    const int toolbarWidth =
        std::min(static_cast<int>(static_cast<float>(kPresentationToolbarWidth) * uiScale + 0.5f), width);
    layout.toolbar = {(width - toolbarWidth) / 2, height - toolbarHeight, toolbarWidth, toolbarHeight};
    layout.openArea = {0, 0, width, std::max(1, height - toolbarHeight)};
    // Each panel at most 45% of the width, so that both in at once still leave the model a strip.
    const float most = 0.45f * static_cast<float>(width);
    const int sideWidth = static_cast<int>(std::min(static_cast<float>(kSidePanelWidth) * uiScale, most) + 0.5f);
    const int entryWidth = static_cast<int>(std::min(static_cast<float>(kEntryPanelWidth) * uiScale, most) + 0.5f);
    const float sideIn = std::clamp(slide.side, 0.0f, 1.0f);
    const float entryIn = entryOpen ? std::clamp(slide.entry, 0.0f, 1.0f) : 0.0f;
    layout.sidePanel = {static_cast<int>(std::lround(-static_cast<float>(sideWidth) * (1.0f - sideIn))), 0,
                        sideIn > 0.0f ? sideWidth : 0, height};
    layout.entryPanel = {width - static_cast<int>(std::lround(static_cast<float>(entryWidth) * entryIn)), 0,
                         entryIn > 0.0f ? entryWidth : 0, height};
    return layout;
}

}  // namespace dorsal
