#pragma once
// Showing what matters even when it lies deep: the view from which a set of target structures is
// best seen, and what covers them from there, to be drawn see-through (a cutaway). An atlas shows
// the psoas by lifting the abdominal wall away; Dorsal makes it see-through.

#include <functional>
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

// True when the sight line from `eye` to `point` (on `node`) meets nothing solid before it: the
// first part `solid` accepts along the line belongs to `node`, or lies within kSurfaceTolerance of
// the point.
bool seenFrom(const Model& model, const glm::vec3& eye, const glm::vec3& point, int node,
              const std::function<bool(const Part&)>& solid);

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
// nodes are chosen among those.
Cutaway cutawayFor(const Model& model, const TargetGroups& targets, const glm::vec3& eye,
                   const std::function<bool(int node)>& solid);

struct BestView {
    ViewPreset preset = ViewPreset::Posterior;
    Cutaway cutaway;
};

// Of the views from the front, back, left, right and oblique, the one from which `targets` are
// best seen after their cutaway: the most important groups weigh most, and a view that needs less
// made see-through wins a tie. `eyeFrom(preset)` is where the eye would be for that view.
BestView bestViewFor(const Model& model, const TargetGroups& targets,
                     const std::function<glm::vec3(ViewPreset)>& eyeFrom, const std::function<bool(int node)>& solid);

}  // namespace dorsal
