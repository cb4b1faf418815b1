#pragma once
// Showing what matters even when it lies deep: the view from which a set of target structures is
// best seen, and what covers them from there, to be drawn see-through (a cutaway). An atlas shows
// the psoas by lifting the abdominal wall away; Dorsal makes it see-through.

#include <functional>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "core/camera.h"
#include "core/model.h"

namespace dorsal {

// Up to `count` points spread over the surface of `node`'s own parts (every k-th vertex), for
// sight lines and label anchors. Empty for a node without geometry.
std::vector<glm::vec3> surfaceSamples(const Model& model, int node, std::size_t count);

// How far a surface may lie behind the point a sight line aims at and still count as that point:
// the thickness of a fascia, so that touching muscles do not hide each other's edges.
inline constexpr float kSurfaceTolerance = 0.004f;

// True when the sight line from `eye` to `point` (a point of a surface) meets nothing solid before
// it: the first part `solid` accepts along the line lies within kSurfaceTolerance of the point. A
// point on the far side of a solid is not seen, whatever the solid.
bool seenFrom(const Model& model, const glm::vec3& eye, const glm::vec3& point,
              const std::function<bool(const Part&)>& solid);

// How deep in the body `point` lies along the line of sight from `eye`: 0 where that line enters
// the skin, 1 where it leaves it again. Above about a half, the point is seen through the body from
// the wrong side (a muscle of the belly from behind; kFarSide). nullopt when the model has no skin along
// that line.
std::optional<float> depthInBody(const Model& model, const glm::vec3& eye, const glm::vec3& point);
inline constexpr float kFarSide = 0.6f;

// A group of nodes shown as one (a muscle's left and right), most important group first.
using TargetGroups = std::vector<std::vector<int>>;

struct Cutaway {
    std::vector<int> seeThrough;  // nodes to draw see-through, so that the targets show
    std::vector<float> seen;      // per group, the fraction of its sample points seen afterwards
};

// What to draw see-through so that `targets` are seen from `eye`: every structure that covers a
// target, except a target that is more important than (listed before) the one it covers, so that
// a less important target never hides a more important one and an important one stays solid.
// `solid(node)` says what is drawn solid now (visible, not a ghost, not the skin); see-through
// nodes are chosen among those. Of the `related` nodes (a pain pattern's secondary muscles), those
// seen mostly through the body from the wrong side are made see-through too: they would show
// through the hole the cutaway makes.
Cutaway cutawayFor(const Model& model, const TargetGroups& targets, const glm::vec3& eye,
                   const std::function<bool(int node)>& solid, const std::vector<int>& related = {});

struct BestView {
    ViewPreset preset = ViewPreset::Posterior;
    Cutaway cutaway;
};

// Of the views from the front, back, left, right and oblique, the one from which `targets` are
// best seen after their cutaway: the most important groups weigh most, a view that needs less
// made see-through wins a tie, and a view from one of the `preferred` directions (from the body
// towards the eye, such as the side where a pain is felt) counts for more. `eyeFrom(preset)` is
// where the eye would be for that view.
BestView bestViewFor(const Model& model, const TargetGroups& targets,
                     const std::function<glm::vec3(ViewPreset)>& eyeFrom, const std::function<bool(int node)>& solid,
                     const std::vector<glm::vec3>& preferred = {});

}  // namespace dorsal
