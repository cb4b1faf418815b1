#pragma once
// Levels of detail: simplified copies of each part's triangles, so that a structure drawn a few
// pixels tall costs a few triangles. A software renderer spends most of a frame on triangles that
// cover less than a pixel; a real model has millions of them.

#include <span>
#include <vector>

#include "core/model.h"

namespace dorsal {

// Levels of about 1/2, 1/4, 1/8 ... of the triangles `indices` (into `positions`), each with its
// measured error in the positions' units, stopping when simplification no longer halves the mesh
// or below `minTriangles`. The same input gives the same levels.
std::vector<DetailLevel> detailLevelsOf(std::span<const glm::vec3> positions, std::span<const std::uint32_t> indices,
                                        std::size_t minTriangles = 32);

// Fills part.coarser with detailLevelsOf its triangles. Positions and indices must be valid; the
// full-detail indices are not changed.
void buildDetailLevels(Part& part, std::size_t minTriangles = 32);

// Whether any part of `model` has its levels of detail (stored in its file, or built since).
bool hasDetailLevels(const Model& model);

// The level to draw when one model unit at the part's distance covers `pixelsPerUnit` pixels:
// the coarsest whose error stays under `maxErrorPixels`. Returns -1 for full detail, or an index
// into part.coarser.
int chooseDetailLevel(const Part& part, float pixelsPerUnit, float maxErrorPixels = 0.75f);

}  // namespace dorsal
