#pragma once
// The pain map: where an entry's pain is felt, painted on the body, and its trigger points marked
// on their muscles. A pain pattern paints the regions it is felt in (and marks the trigger points
// of its main muscles that send pain there); a muscle paints where its trigger points send pain and
// marks them.

#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/content.h"
#include "core/model.h"
#include "core/view_state.h"

namespace dorsal {

struct TriggerMark {
    glm::vec3 at{0.0f};  // in the model frame, on the muscle's side
    int node = -1;       // the muscle's node it lies on
    int number = 0;      // 1 for the muscle's first trigger point, as its entry lists them
};

struct PainMap {
    std::vector<Ellipsoid> zones;  // in the model frame, each side where it applies
    std::vector<TriggerMark> marks;

    bool empty() const { return zones.empty() && marks.empty(); }
    bool operator==(const PainMap&) const = default;
};

// The pain map of `entry` shown on `model` with `highlight` (which sides of a muscle are shown):
// - a pain pattern: its `felt_in` regions, on the left, the right or both sides as its `side`
//   says ("either" paints both), and the trigger points of its primary muscles whose referral
//   regions are among them;
// - a muscle: the referral regions of its trigger points, and the points, on each side of it that
//   is highlighted;
// - anything else, or no entry: an empty map.
// Regions of `side = "both"` are given for the left and mirrored for the right (x negated); so are
// trigger points (`at`, on the left muscle). Points without `at` are not marked.
PainMap painMapFor(const Model& model, const Content& content, const std::optional<std::string>& entry,
                   const Highlight& highlight);

}  // namespace dorsal
