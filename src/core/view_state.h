#pragma once
// What the user has chosen to look at. The UI changes it; the renderer and the app read it.

#include <string>

namespace dorsal {

// A rectangle of the frame in pixels, origin at the top-left (as windows and ImGui count).
struct Viewport {
    int x = 0;
    int y = 0;
    int width = 1;
    int height = 1;

    float aspect() const { return static_cast<float>(width) / static_cast<float>(height > 0 ? height : 1); }
};

struct ViewState {
    int selectedNode = -1;  // highlighted with everything below it; -1 for none
};

}  // namespace dorsal

namespace dorsal {

// Width of the side panel at a UI scale of 1, in pixels.
inline constexpr int kSidePanelWidth = 330;

// Where the 3D view lies in a frame of `width` x `height`: right of the side panel when panels are
// shown (the panel never takes more than half the frame), the whole frame otherwise.
inline Viewport sceneViewport(int width, int height, bool panelsShown, float uiScale) {
    if (!panelsShown) return {0, 0, width, height};
    int panel = static_cast<int>(static_cast<float>(kSidePanelWidth) * uiScale + 0.5f);
    if (panel > width / 2) panel = width / 2;
    return {panel, 0, width - panel, height};
}

}  // namespace dorsal
