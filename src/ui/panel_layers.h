#pragma once
// The panels' drawing in two layers, so that the panels beside the 3D view need not be drawn again
// while only the view changes: on a software renderer they cost a turning frame about 3 ms.

#include <string>
#include <vector>

#include <imgui.h>

#include "core/view_state.h"

namespace dorsal {

// A frame's ImGui draw lists (windows), each in one of two layers, in their order.
struct PanelLayers {
    // Lists wholly outside the 3D view that no list of the upper layer drawn before them
    // overlaps: drawing them under the scene, before it, gives the same picture.
    std::vector<ImDrawList*> under;
    // The rest: over the 3D view (labels, pins, the pain map's marks, messages, popups), and
    // whatever a list of this layer drawn before it overlaps.
    std::vector<ImDrawList*> over;
    // What the lower layer draws, byte for byte (vertices, indices, commands, display): the same
    // key, the same pixels.
    std::string underKey;
};

// Sorts the lists of `frame` (after ImGui::Render) by whether anything they draw meets `scene`
// (the 3D view, in the frame's pixels from its top left) or an earlier list of the upper layer.
PanelLayers splitPanelLayers(const ImDrawData& frame, const Viewport& scene);

// `frame` with only `lists` in it, to draw one layer; it points into `lists`, which must outlive it.
ImDrawData panelLayer(const ImDrawData& frame, std::vector<ImDrawList*>& lists);

}  // namespace dorsal
