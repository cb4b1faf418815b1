#pragma once
// "Where does it hurt?": from a place on the body to the regions it lies in, and from regions to
// the pain patterns felt there and the muscles that can send pain there, ranked, each with why.

#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/content.h"

namespace dorsal {

// A region on one side of the body: "lower_back" on the right, or a midline region.
struct RegionOnSide {
    std::string id;
    std::string side;  // "left", "right" or "midline"

    bool operator==(const RegionOnSide&) const = default;
};

// The region `point` (in the model frame, on or near the skin) lies in: of the regions whose
// shapes hold it, the one it lies deepest in (in each shape's own scale; regions overlap a little
// at their borders). Regions of both sides hold their mirror image too. nullopt outside them all.
std::optional<RegionOnSide> regionAt(const Content& content, const glm::vec3& point);

// "Lower back (right side)", or the region's name for a midline one.
std::string regionOnSideName(const Content& content, const RegionOnSide& region);

// The shapes of a region on its side, in the model frame (a right side's mirrored from the left).
std::vector<Ellipsoid> shapesOf(const Content& content, const RegionOnSide& region);

struct WhereResult {
    std::string id;
    EntryKind kind = EntryKind::Muscle;
    double score = 0.0;  // higher is likelier
    std::string why;     // one sentence: "trigger point 2 of quadratus lumborum refers here"
};

// What can hurt in `regions` (ids; sides do not change which muscles refer there), best first:
// the pain patterns felt there (ranked by how many of the regions they name, and whether a region
// is the first they list), and the muscles whose trigger points refer pain there or that a pain
// pattern felt there names, ranked by how many such reasons they have. Ties go by name. Unknown
// region ids are ignored.
std::vector<WhereResult> whatHurtsIn(const Content& content, const std::vector<std::string>& regions);

}  // namespace dorsal
