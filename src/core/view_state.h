#pragma once
// How the model is shown (the view modes), how each node looks, and where things sit in the
// frame. AtlasState owns the view state and changes it; the renderer and the panels read it.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

namespace dorsal {

struct Model;

// A rectangle of the frame in pixels, origin at the top-left (as windows and ImGui count).
struct Viewport {
    int x = 0;
    int y = 0;
    int width = 1;
    int height = 1;

    float aspect() const { return static_cast<float>(width) / static_cast<float>(height > 0 ? height : 1); }
    bool operator==(const Viewport&) const = default;
};

// How a part is drawn: the selection, or one of the two styles for related structures (the
// primary and secondary muscles of a pain pattern).
enum class HighlightStyle { None, Selected, Primary, Secondary };

struct Highlight {
    std::vector<int> selected;   // nodes, each with everything below it
    std::vector<int> primary;
    std::vector<int> secondary;

    bool empty() const { return selected.empty() && primary.empty() && secondary.empty(); }
    bool operator==(const Highlight&) const = default;
    // The style of `node`: the strongest of the sets that hold it or one of its ancestors.
    HighlightStyle styleOf(const Model& model, int node) const;
};

// Where a structure lies, from the outside in; layers peel in this order.
enum class Stratum { Skin, Superficial, Intermediate, Deep, Bone, Other };
inline constexpr int kPeelableStrata = 5;  // Skin to Bone; Other (unnamed geometry) always shows

// The names used on the command line and in the UI: "skin", "superficial", "intermediate",
// "deep", "bones". nullopt for anything else (and for Other).
std::optional<Stratum> stratumFromName(std::string_view name);
std::string_view stratumName(Stratum stratum);

enum class SideShown { Both, Left, Right };
std::optional<SideShown> sideShownFromName(std::string_view name);  // "both", "left", "right"

// How the structures that are not highlighted are drawn while something is.
enum class OthersStyle { Normal, Dimmed };

struct ViewState {
    std::array<bool, kPeelableStrata> strataShown{true, true, true, true, true};
    SideShown side = SideShown::Both;
    OthersStyle others = OthersStyle::Normal;
    bool xray = false;          // everything but the highlight (or but the bones) translucent
    bool cutaway = true;        // what covers the highlighted muscles see-through (the app picks it)
    bool painMap = true;        // where the entry on show hurts, painted, and its trigger points
    bool labels = true;         // names of highlighted muscles with leader lines
    bool isolate = false;       // only the highlight shows (everything, when nothing is highlighted)
    std::vector<int> hidden;    // nodes hidden by the user

    bool operator==(const ViewState&) const = default;
    // Peels from the skin down: hides the first `depth` strata (0: none; 4: all but the bones).
    void peel(int depth);
    // How many strata are peeled from the outside: 0 to 4 (what the peel slider shows).
    int peelDepth() const;
    // Everything visible again: all strata, both sides, no isolation, nothing hidden, no x-ray,
    // the cutaway on.
    void showAll();
};

// How one node is drawn this frame.
struct NodeLook {
    bool visible = true;
    bool ghost = false;  // drawn faint and translucent, and seen through when picking
    bool dimmed = false;
    bool overGhosts = false;  // x-ray's highlight: drawn after the ghosts, so nothing veils it
    HighlightStyle style = HighlightStyle::None;
    bool operator==(const NodeLook&) const = default;
};

// The look of every node of `model`, given each node's stratum (`strata`, one per node), the view
// state, the highlight, and the nodes the cutaway makes see-through (`seeThrough`). A hidden node
// hides its children. Highlighted nodes are never dimmed, and ghosts only when the cutaway makes
// them see-through (a less important muscle over a more important one).
std::vector<NodeLook> lookOfNodes(const Model& model, const std::vector<Stratum>& strata, const ViewState& view,
                                  const Highlight& highlight, const std::vector<int>& seeThrough = {});

// Panel sizes at a UI scale of 1, in pixels.
inline constexpr int kSidePanelWidth = 330;
inline constexpr int kEntryPanelWidth = 420;
inline constexpr int kViewToolbarHeight = 100;
// Dear ImGui's main menu bar: its font (16 px) and twice its frame padding (3 px).
inline constexpr int kMenuBarHeight = 22;

// In presentation, the panels are out of the way and slide in over the 3D view on demand.
inline constexpr int kPresentationToolbarHeight = 44;
inline constexpr int kPresentationToolbarWidth = 760;

// How far each panel has slid in over the 3D view in presentation: 0 out of sight, 1 all in.
struct PanelSlide {
    float side = 0.0f;
    float entry = 0.0f;

    bool operator==(const PanelSlide&) const = default;
};

struct FrameLayout {
    Viewport menuBar;     // across the top; height 0 without panels and in presentation
    Viewport scene;       // the 3D view
    Viewport sidePanel;   // left: search and the model's structures; width 0 when not drawn
    Viewport entryPanel;  // right, over the 3D view: the open entry; width 0 when none is open
    Viewport toolbar;     // under the 3D view (in presentation, over its bottom edge); height 0 without panels
    // The part of the 3D view that no panel covers: framing, labels and messages keep to it.
    Viewport openArea;
    bool presenting = false;
};

// Where everything lies in a frame of `width` x `height`. Without panels the 3D view is the whole
// frame. With them, the menu bar is across the top and the view toolbar across the bottom (the
// whole width, so that its buttons fit a narrow window; it never covers the model); between them
// the side panel is on the left and the entry panel (when an entry is open) on the right, over the
// 3D view: opening an entry never resizes the view, so the model stays under the cursor. The
// panels shrink so that the open area keeps at least 40% of the width.
FrameLayout frameLayout(int width, int height, bool panelsShown, bool entryOpen, float uiScale);

// The presentation layout: the 3D view fills the frame; a reduced toolbar sits at the bottom
// centre; the side panel and the entry panel (when an entry is open) lie over the view's left
// and right edges as far as `slide` says, and are not drawn when slid out.
FrameLayout presentationLayout(int width, int height, bool entryOpen, float uiScale, PanelSlide slide);

// A label to place in the 3D view: the point it names and the size of its text box, in pixels.
struct LabelRequest {
    glm::vec2 anchor;
    glm::vec2 size;
};

// Where each label's box goes (its top-left corner), in the same order as `labels`: in a column
// down the left or right edge of `area` (the side nearer its anchor), in the order of the anchors'
// heights so that leader lines do not cross, never overlapping each other, and inside `area`
// when they fit. `margin` is the space kept from the edges and between boxes.
std::vector<glm::vec2> layoutLabels(const std::vector<LabelRequest>& labels, const Viewport& area, float margin);

}  // namespace dorsal
