#pragma once
// Dear ImGui panels. Each panel draws itself from the UiFrame and writes the user's wishes back
// into it; panels never talk to each other or to OpenGL.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/camera.h"
#include "core/content.h"
#include "core/model.h"
#include "core/search.h"
#include "core/view_state.h"

struct ImFont;

namespace dorsal {

// What the panels see and may change during one frame.
struct UiFrame {
    const Model* model = nullptr;  // null while no model is loaded
    const Content* content = nullptr;
    const SearchIndex* search = nullptr;
    ViewState* view = nullptr;
    const OrbitCamera* camera = nullptr;
    const std::vector<NodeLook>* looks = nullptr;  // this frame's look of each node
    FrameLayout layout;
    bool panelsShown = true;  // false: only the labels are drawn (offscreen --no-ui)
    bool* helpOpen = nullptr;  // the keyboard help (F1)
    int hoveredNode = -1;      // the structure under the mouse in the 3D view, or -1
    std::optional<std::string> currentEntry;  // the entry on show
    bool canGoBack = false;
    bool canGoForward = false;
    std::string loadingWhat;                        // non-empty while a model loads in the background
    std::vector<std::string>* messages = nullptr;  // errors and warnings; panels may dismiss them
    bool focusSearch = false;                       // Ctrl+F was pressed

    // Requests back to the app, carried out after the frame's panels are drawn.
    std::optional<std::filesystem::path> openModel;
    std::optional<std::string> openEntry;
    bool frameEntry = false;  // move the camera to the entry opened
    std::optional<int> selectNode;
    bool goBack = false;
    bool goForward = false;
    bool closeEntry = false;
    bool frameSelection = false;
    std::optional<ViewPreset> viewPreset;
    bool resetView = false;
    bool isolateSelection = false;
    bool hideSelection = false;
    bool showAll = false;
    std::optional<int> toggleHidden;  // a structure to hide, or to show again when hidden
    std::optional<int> isolateNode;   // a structure to show alone
};

// The fonts the panels use: body text, bold headings, and the larger entry titles.
struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
};

class Panel {
public:
    virtual ~Panel() = default;
    virtual void draw(UiFrame& frame) = 0;
};

class Interface {
public:
    // Sets the style for `uiScale` (1 on a normal screen, 2 on a high-DPI one) and loads the fonts.
    // Needs a current ImGui context. A missing DejaVu font falls back to ImGui's own, with a warning
    // returned by fontWarning().
    explicit Interface(float uiScale);
    ~Interface();

    void draw(UiFrame& frame);
    const std::string& fontWarning() const { return fontWarning_; }
    float scale() const { return scale_; }

private:
    float scale_;
    Fonts fonts_;
    std::string fontWarning_;
    std::vector<std::unique_ptr<Panel>> panels_;
};

}  // namespace dorsal
