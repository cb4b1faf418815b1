#pragma once
// Dear ImGui panels. Each panel draws itself from the UiFrame and writes the user's wishes back
// into it; panels never talk to each other or to OpenGL.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/view_state.h"

namespace dorsal {

// What the panels see and may change during one frame.
struct UiFrame {
    const Model* model = nullptr;    // null while no model is loaded
    ViewState* view = nullptr;
    int width = 0;                   // frame size in pixels
    int height = 0;
    std::string loadingWhat;         // non-empty while a model loads in the background
    std::vector<std::string>* messages = nullptr;  // errors and warnings, newest last; panels may dismiss them

    // Requests back to the app.
    std::optional<std::filesystem::path> openModel;
    bool frameSelection = false;
};

class Panel {
public:
    virtual ~Panel() = default;
    virtual void draw(UiFrame& frame) = 0;
};

class Interface {
public:
    // Sets the style for `uiScale` (1 on a normal screen, 2 on a high-DPI one) and loads the font.
    // Needs a current ImGui context. A missing DejaVu font falls back to ImGui's own, with a warning
    // returned by fontWarning().
    explicit Interface(float uiScale);
    ~Interface();

    void draw(UiFrame& frame);
    const std::string& fontWarning() const { return fontWarning_; }
    float scale() const { return scale_; }

private:
    float scale_;
    std::string fontWarning_;
    std::vector<std::unique_ptr<Panel>> panels_;
};

}  // namespace dorsal
