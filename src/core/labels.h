#pragma once
// Which highlighted structures get a label in the 3D view, and the point each label points at. The
// panels draw them; the offscreen report lists them; both from this one choice.

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/camera.h"
#include "core/content.h"
#include "core/model.h"
#include "core/view_state.h"

namespace dorsal {

struct Label {
    std::string text;  // the entry's name ("Psoas major"), or the node's readable name
    HighlightStyle style = HighlightStyle::None;
    int node = -1;     // the node it names
    glm::vec2 anchor{0.0f};  // a point of the node seen from the eye, in pixels of the frame
};

// The labels for this frame, most important first, at most `capacity` of them:
// - only highlighted structures that are drawn (a secondary muscle only when solid, not cut away)
//   with a point of their surface seen from the eye (nothing solid in front of it) and not seen
//   through the body from the wrong side (unless `xray` makes everything else see-through), the
//   label pointing at the seen point nearest the middle of the structure on screen;
// - the selection and a pain pattern's primary muscles in the order the highlight lists them, each
//   side of a muscle with its own label so that both sides are marked; then the secondary muscles,
//   one label for both sides, while there is room.
// `scene` is the 3D view's rectangle in the frame, which `camera` looks through.
std::vector<Label> chooseLabels(const Model& model, const Content& content, const Highlight& highlight,
                                const std::vector<NodeLook>& looks, const OrbitCamera& camera, const Viewport& scene,
                                std::size_t capacity, bool xray);

// The forms of a structure's name a label may show, longest first: the name, then (when it ends
// in a parenthesis) the name without it: "Trapezius, upper part (descending)", "Trapezius, upper
// part". A name is never cut inside a word; a label too narrow for the last form wraps it.
std::vector<std::string> labelNameForms(const std::string& name);

}  // namespace dorsal
