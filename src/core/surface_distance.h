#pragma once
// How far apart two surfaces are: the measure of how well a generated structure matches a real
// one (tools/shapemeasure), in the units of the positions (metres in the model frame).

#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace dorsal {

struct TriangleSurface {
    std::vector<glm::vec3> positions;
    std::vector<std::uint32_t> indices;  // three per triangle, each < positions.size()
};

// `count` points spread evenly over the surface by area: the same surface always gives the same
// points. Empty for a surface without area or for count 0.
std::vector<glm::vec3> samplePointsOnSurface(const TriangleSurface& surface, std::size_t count);

struct SurfaceDistance {
    float mean = 0.0f;          // symmetric mean surface distance: the mean of both directions
    float percentile90 = 0.0f;  // 90th percentile of the pooled distances of both directions
    float meanFirstToSecond = 0.0f;
    float meanSecondToFirst = 0.0f;
};

// Samples `samplesPerSurface` points on each surface and measures each point's distance to the
// nearest point of the other surface. Both surfaces must have triangles with area; throws
// std::invalid_argument otherwise.
SurfaceDistance measureSurfaceDistance(const TriangleSurface& first, const TriangleSurface& second,
                                       std::size_t samplesPerSurface);

}  // namespace dorsal
