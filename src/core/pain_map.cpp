#include "core/pain_map.h"

#include <algorithm>

#include "core/atlas.h"

namespace dorsal {

namespace {

enum class Sides { Left, Right, Both };

glm::vec3 mirrored(glm::vec3 p) {
    p.x = -p.x;
    return p;
}

// Adds `shape` unless it is there already (two trigger points may send pain to one region).
void addZone(const Ellipsoid& shape, std::vector<Ellipsoid>& zones) {
    const bool known = std::any_of(zones.begin(), zones.end(), [&](const Ellipsoid& zone) {
        return zone == shape;
    });
    if (!known) zones.push_back(shape);
}

void addRegion(const Content& content, const std::string& id, Sides sides, std::vector<Ellipsoid>& zones) {
    const Region* region = content.region(id);
    if (!region) return;
    for (const Ellipsoid& shape : region->shapes) {
        if (region->side != "both") {  // midline: as it is
            addZone(shape, zones);
            continue;
        }
        if (sides != Sides::Right) addZone(shape, zones);
        if (sides != Sides::Left) addZone({mirrored(shape.centre), shape.radii}, zones);
    }
}

// The trigger points of `muscle` on each of `nodes` (its sides), numbered as the entry lists them.
void addMarks(const Model& model, const Muscle& muscle, const std::vector<int>& nodes,
              const std::vector<std::string>& onlyReferringTo, std::vector<TriggerMark>& marks) {
    for (std::size_t i = 0; i < muscle.triggerPoints.size(); ++i) {
        const TriggerPoint& point = muscle.triggerPoints[i];
        if (!point.at) continue;
        const bool refersThere =
            onlyReferringTo.empty() ||
            std::any_of(point.referralRegions.begin(), point.referralRegions.end(), [&](const std::string& r) {
                return std::find(onlyReferringTo.begin(), onlyReferringTo.end(), r) != onlyReferringTo.end();
            });
        if (!refersThere) continue;
        for (int node : nodes) {
            const bool right = model.nodes[static_cast<std::size_t>(node)].name.ends_with(".R");
            marks.push_back({right ? mirrored(*point.at) : *point.at, node, static_cast<int>(i) + 1});
        }
    }
}

}  // namespace

PainMap painMapFor(const Model& model, const Content& content, const std::optional<std::string>& entry,
                   const Highlight& highlight) {
    PainMap map;
    if (!entry) return map;
    if (const PainPattern* pain = content.pain(*entry)) {
        const Sides sides = pain->side == "left" ? Sides::Left : pain->side == "right" ? Sides::Right : Sides::Both;
        for (const std::string& region : pain->feltIn) addRegion(content, region, sides, map.zones);
        for (const std::string& id : pain->primaryMuscles) {
            if (const Muscle* muscle = content.muscle(id)) {
                addMarks(model, *muscle, nodesOfEntry(model, content, id), pain->feltIn, map.marks);
            }
        }
    } else if (const Muscle* muscle = content.muscle(*entry)) {
        // The sides of the muscle on show: a click on one side maps that side only.
        std::vector<int> nodes;
        for (int node : nodesOfEntry(model, content, *entry)) {
            if (highlight.styleOf(model, node) != HighlightStyle::None) nodes.push_back(node);
        }
        const bool left = std::any_of(nodes.begin(), nodes.end(), [&](int n) {
            return !model.nodes[static_cast<std::size_t>(n)].name.ends_with(".R");
        });
        const bool right = std::any_of(nodes.begin(), nodes.end(), [&](int n) {
            return !model.nodes[static_cast<std::size_t>(n)].name.ends_with(".L");
        });
        if (left || right) {
            const Sides sides = left && right ? Sides::Both : left ? Sides::Left : Sides::Right;
            for (const TriggerPoint& point : muscle->triggerPoints) {
                for (const std::string& region : point.referralRegions) addRegion(content, region, sides, map.zones);
            }
            addMarks(model, *muscle, nodes, {}, map.marks);
        }
    }
    return map;
}

}  // namespace dorsal
