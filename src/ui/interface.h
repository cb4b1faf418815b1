#pragma once
// Dear ImGui panels. Each panel draws itself from the UiFrame and writes the user's wishes back
// into it; panels never talk to each other or to OpenGL.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/atlas_state.h"
#include "core/commands.h"
#include "core/handout.h"
#include "core/settings.h"

struct ImFont;

namespace dorsal {

// A handout the person asked for from the window, about the entry on show.
struct HandoutRequest {
    std::filesystem::path output;
    PaperSize paper = PaperSize::A4;
    std::string note;
    std::vector<std::string> stretches;  // the stretches and exercises chosen, in order
};
// Which scene dialog a command asked for.
enum class SceneDialog { None, Open, Save };
// A picture of the 3D view to save: where, and its size in pixels.
struct PictureRequest {
    std::filesystem::path path;
    int width = 0;
    int height = 0;
};

// What the panels see during one frame, and what they ask for. Panels never change the atlas
// state themselves: they add requests, which the app carries out after the panels are drawn.
struct UiFrame {
    const AtlasState* atlas = nullptr;
    const std::vector<NodeLook>* looks = nullptr;  // this frame's look of each node
    FrameLayout layout;        // the atlas's layout for this frame
    bool panelsShown = true;   // false: only the labels are drawn (offscreen --no-ui)
    int hoveredNode = -1;      // the structure under the mouse in the 3D view, or -1
    std::optional<RegionOnSide> hoveredRegion;  // in "where does it hurt?", the region under the mouse
    std::filesystem::path loading;  // the model loading in the background, or empty
    float loadingProgress = 0.0f;   // 0..1
    bool focusSearch = false;       // Search ran: the search box takes the keyboard
    bool openModelDialog = false;   // "Open model..." ran: the panels ask for a file
    bool handoutDialog = false;     // "Handout..." ran: the panels ask where to write it
    SceneDialog sceneDialog = SceneDialog::None;  // "Open scene..." or "Save scene..." ran
    std::filesystem::path scenePath;              // the scene file last opened or saved, or empty
    bool savePictureDialog = false; // "Save picture..." ran
    bool openSettings = false;      // "Settings..." ran
    const Settings* settings = nullptr;  // the person's settings (recent files, sizes, paper)

    // Requests back to the app, carried out after the frame's panels are drawn, in order.
    std::vector<Request> requests;
    std::optional<std::filesystem::path> openModel;
    std::optional<std::size_t> importBudget;  // with openModel: a folder's import is simplified to this many triangles
    std::optional<HandoutRequest> handout;
    std::optional<std::filesystem::path> openScene;
    std::optional<std::filesystem::path> saveScene;
    bool cancelLoading = false;
    std::optional<Settings> changeSettings;   // the settings as the person changed them
    std::optional<PictureRequest> savePicture;
    // What the panels drew that the app reports: the nodes the labels point at, the caption of
    // presentation mode ("" for none), and whether the toolbar's items all fit in it.
    std::vector<int> labelled;
    std::string caption;
    bool toolbarFits = true;
    bool dialogOpen = false;  // a modal dialog has the keyboard: keys are not commands
    // How much of the open area's bottom the pain map's legend took, in pixels (0: none); notes keep above it.
    float legendHeight = 0.0f;

    const Model* model() const { return atlas->model(); }
    const Content& content() const { return atlas->content(); }
    const ViewState& view() const { return atlas->view(); }
    const SearchIndex& search() const { return atlas->search(); }
    // Asks for a command of the table (the app's own, Quit and OpenModel, included).
    void run(CommandId id) { requests.emplace_back(id); }
};

// The fonts the panels use: body text, bold headings, the larger entry titles, and presentation
// mode's labels and caption.
struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImFont* presentation = nullptr;
    ImFont* caption = nullptr;
};

class Panel {
public:
    virtual ~Panel() = default;
    virtual void draw(UiFrame& frame) = 0;
};

class Interface {
public:
    // Sets the style for `screenScale` (1 on a normal screen, 2 on a high-DPI one) and the text
    // size (Settings::fontSize, presentationScale), and loads the fonts. Needs a current ImGui
    // context. A missing DejaVu font falls back to ImGui's own, with a warning returned by
    // fontWarning().
    Interface(float screenScale, float fontSize, float presentationScale);
    ~Interface();

    // Rebuilds the style and the fonts for another text size. Call between frames; the caller then
    // re-creates its renderer's font texture.
    void setTextSize(float fontSize, float presentationScale);
    void draw(UiFrame& frame);
    const std::string& fontWarning() const { return fontWarning_; }
    // The scale of everything in the interface: the screen's times the text size's.
    float scale() const { return scale_; }

private:
    float screenScale_;
    float scale_;
    Fonts fonts_;
    std::string fontWarning_;
    std::vector<std::unique_ptr<Panel>> panels_;
};

}  // namespace dorsal
