#include "core/view_state.h"

#include <algorithm>

#include "core/model.h"

namespace dorsal {

HighlightStyle Highlight::styleOf(const Model& model, int node) const {
    auto within = [&](const std::vector<int>& nodes) {
        return std::any_of(nodes.begin(), nodes.end(), [&](int n) { return model.isWithin(node, n); });
    };
    if (within(selected)) return HighlightStyle::Selected;
    if (within(primary)) return HighlightStyle::Primary;
    if (within(secondary)) return HighlightStyle::Secondary;
    return HighlightStyle::None;
}

FrameLayout frameLayout(int width, int height, bool panelsShown, bool entryOpen, float uiScale) {
    FrameLayout layout;
    if (!panelsShown) {
        layout.scene = {0, 0, width, height};
        layout.sidePanel = {0, 0, 0, height};
        layout.entryPanel = {width, 0, 0, height};
        return layout;
    }
    float side = static_cast<float>(kSidePanelWidth) * uiScale;
    float entry = entryOpen ? static_cast<float>(kEntryPanelWidth) * uiScale : 0.0f;
    const float panelsMax = 0.6f * static_cast<float>(width);
    if (side + entry > panelsMax) {
        const float shrink = panelsMax / (side + entry);
        side *= shrink;
        entry *= shrink;
    }
    const int sideWidth = static_cast<int>(side + 0.5f);
    const int entryWidth = static_cast<int>(entry + 0.5f);
    layout.sidePanel = {0, 0, sideWidth, height};
    layout.entryPanel = {width - entryWidth, 0, entryWidth, height};
    layout.scene = {sideWidth, 0, std::max(1, width - sideWidth - entryWidth), height};
    return layout;
}

}  // namespace dorsal
