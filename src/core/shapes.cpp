#include "core/shapes.h"

#include <cmath>

#include <glm/gtc/constants.hpp>

namespace dorsal {

Part makeSphere(float radius, int rings, int segments) {
    Part part;
    part.node = 0;
    part.positions.push_back({0.0f, radius, 0.0f});
    for (int r = 1; r < rings; ++r) {
        const float polar = glm::pi<float>() * static_cast<float>(r) / static_cast<float>(rings);
        for (int s = 0; s < segments; ++s) {
            const float azimuth = 2.0f * glm::pi<float>() * static_cast<float>(s) / static_cast<float>(segments);
            part.positions.push_back(radius * glm::vec3(std::sin(polar) * std::cos(azimuth), std::cos(polar),
                                                        -std::sin(polar) * std::sin(azimuth)));
        }
    }
    part.positions.push_back({0.0f, -radius, 0.0f});
    const auto ring = [&](int r, int s) { return static_cast<std::uint32_t>(1 + (r - 1) * segments + s % segments); };
    const auto bottom = static_cast<std::uint32_t>(part.positions.size() - 1);
    for (int s = 0; s < segments; ++s) {
        part.indices.insert(part.indices.end(), {0u, ring(1, s), ring(1, s + 1)});
        for (int r = 1; r + 1 < rings; ++r) {
            part.indices.insert(part.indices.end(), {ring(r, s), ring(r + 1, s), ring(r + 1, s + 1)});
            part.indices.insert(part.indices.end(), {ring(r, s), ring(r + 1, s + 1), ring(r, s + 1)});
        }
        part.indices.insert(part.indices.end(), {ring(rings - 1, s), bottom, ring(rings - 1, s + 1)});
    }
    part.normals.reserve(part.positions.size());
    for (const glm::vec3& p : part.positions) {
        part.normals.push_back(glm::normalize(p));
        part.bounds.add(p);
    }
    return part;
}

}  // namespace dorsal
