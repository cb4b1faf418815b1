#pragma once
// What the user has chosen to look at, and where things sit in the frame. The UI changes the
// view state; the renderer and the app read it.

#include <vector>

namespace dorsal {

struct Model;

// A rectangle of the frame in pixels, origin at the top-left (as windows and ImGui count).
struct Viewport {
    int x = 0;
    int y = 0;
    int width = 1;
    int height = 1;

    float aspect() const { return static_cast<float>(width) / static_cast<float>(height > 0 ? height : 1); }
};

// How a part is drawn: the selection, or one of the two styles for related structures (the
// primary and secondary muscles of a pain pattern).
enum class HighlightStyle { None, Selected, Primary, Secondary };

struct Highlight {
    std::vector<int> selected;   // nodes, each with everything below it
    std::vector<int> primary;
    std::vector<int> secondary;

    bool empty() const { return selected.empty() && primary.empty() && secondary.empty(); }
    // The style of `node`: the strongest of the sets that hold it or one of its ancestors.
    HighlightStyle styleOf(const Model& model, int node) const;
};

struct ViewState {
    Highlight highlight;
};

// Panel widths at a UI scale of 1, in pixels.
inline constexpr int kSidePanelWidth = 330;
inline constexpr int kEntryPanelWidth = 420;

struct FrameLayout {
    Viewport scene;       // the 3D view
    Viewport sidePanel;   // left: search and the model's structures
    Viewport entryPanel;  // right: the open entry; width 0 when none is open
};

// Where everything lies in a frame of `width` x `height`. Without panels the 3D view is the whole
// frame. With them, the side panel is on the left, the entry panel (when an entry is open) on the
// right, and the panels shrink so that the 3D view keeps at least 40% of the width.
FrameLayout frameLayout(int width, int height, bool panelsShown, bool entryOpen, float uiScale);

}  // namespace dorsal
