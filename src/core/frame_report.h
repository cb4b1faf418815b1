#pragma once
// The offscreen report (--report FILE.json): for a rendered frame, what each structure shows —
// how many pixels of it are seen, its role in the highlight, and whether it is labelled. Tests and
// scripts read it instead of guessing from colours.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/model.h"
#include "core/view_state.h"

namespace dorsal {

// A pin as the picture shows it.
struct PinFact {
    std::string node;
    std::string note;
    std::optional<glm::vec2> pixel;  // where its point is in the picture; nullopt when not drawn
    bool seen = false;               // nothing solid in front of it (else it is drawn faint)
};

struct FrameFacts {
    int width = 0;                        // of the picture, in pixels
    int height = 0;
    std::string picture;                  // the picture file, as given
    std::string model;                    // the model file
    std::optional<std::string> entry;     // the entry on show
    std::string view;                     // "posterior", ... the side the camera is nearest to
    std::vector<NodeLook> looks;          // per node
    std::vector<std::uint64_t> pixels;    // per node: its visible pixels (Renderer::visiblePixels)
    std::vector<int> labelled;            // the nodes the labels point at
    std::vector<PinFact> pins;
    FrameLayout layout;                   // where the 3D view and the panels lay
    std::optional<std::string> caption;   // presentation's caption as drawn, if any
    bool toolbarFits = true;              // the toolbar's items all fit in it (no scrolling)
};

// The report as JSON: {"picture", "width", "height", "model", "entry" (or null), "view",
// "presenting", "caption" (or null), "scene", "side_panel", "entry_panel", "toolbar" (each
// {"x", "y", "width", "height"}: a width or height of 0 is not drawn), "toolbar_fits",
// "structures": [{"node", "entry" (or null), "visible_pixels", "role", "see_through", "labelled"}],
// one structure per node with geometry of its own, in the model's order. "role" is "selected",
// "primary", "secondary" or "none"; "see_through" is true for x-ray's and the cutaway's ghosts and
// the skin; "visible_pixels" is as FrameFacts::pixels says, and 0 for a hidden structure; and
// "pins": [{"node", "note", "x", "y" (null when not drawn), "seen"}].
std::string frameReportJson(const Model& model, const Content& content, const FrameFacts& facts);

}  // namespace dorsal
