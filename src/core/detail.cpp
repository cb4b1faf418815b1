#include "core/detail.h"

#include <algorithm>

#include <meshoptimizer.h>

namespace dorsal {

std::vector<DetailLevel> detailLevelsOf(std::span<const glm::vec3> positions, std::span<const std::uint32_t> indices,
                                        std::size_t minTriangles) {
    std::vector<DetailLevel> levels;
    if (positions.empty() || indices.size() < minTriangles * 3 * 2) return levels;
    // meshoptimizer measures error relative to the mesh's size; this turns it into model units.
    const float scale = meshopt_simplifyScale(&positions[0].x, positions.size(), sizeof(glm::vec3));
    std::span<const std::uint32_t> source = indices;
    float errorSoFar = 0.0f;  // each level simplifies the one before, so the errors add up
    while (source.size() / 3 >= minTriangles * 2) {
        DetailLevel level;
        level.indices.resize(source.size());
        const std::size_t target = (source.size() / 3 / 2) * 3;
        float relativeError = 0.0f;
        // An error bound of a quarter of the size lets it reach the target on any sane mesh; the
        // level's real error is measured and decides when it is used.
        const std::size_t count = meshopt_simplify(level.indices.data(), source.data(), source.size(), &positions[0].x,
                                                   positions.size(), sizeof(glm::vec3), target, 0.25f, 0, &relativeError);
        if (count == 0 || count > source.size() * 3 / 4) break;  // it no longer halves: stop
        level.indices.resize(count);
        errorSoFar += relativeError * scale;
        level.error = errorSoFar;
        levels.push_back(std::move(level));
        source = levels.back().indices;
    }
    return levels;
}

void buildDetailLevels(Part& part, std::size_t minTriangles) {
    part.coarser = detailLevelsOf(part.positions, part.indices, minTriangles);
}

bool hasDetailLevels(const Model& model) {
    return std::any_of(model.parts.begin(), model.parts.end(), [](const Part& part) { return !part.coarser.empty(); });
}

int chooseDetailLevel(const Part& part, float pixelsPerUnit, float maxErrorPixels) {
    int chosen = -1;
    for (std::size_t i = 0; i < part.coarser.size(); ++i) {
        if (part.coarser[i].error * pixelsPerUnit > maxErrorPixels) break;
        chosen = static_cast<int>(i);
    }
    return chosen;
}

}  // namespace dorsal
