// A regular occupancy grid of what has been built so far, so that each new layer can be laid on
// top of the ones beneath it instead of through them.
#pragma once

#include "mesh.hpp"

#include <glm/vec3.hpp>

#include <cstdint>
#include <vector>

namespace dorsal::modelgen {

// Occupancy bits.
enum : std::uint8_t { kBone = 1, kSoft = 2, kAny = 3 };

class VoxelGrid {
public:
    VoxelGrid(glm::vec3 lo, glm::vec3 hi, float cell);

    // Marks the inside of a closed mesh (winding rule along z columns) and every cell within
    // about half a cell of its surface with `bits`.
    void add(const Mesh& m, std::uint8_t bits);
    // True when the cell holding p has any of `mask`'s bits. Outside the grid: false.
    bool occupied(glm::vec3 p, std::uint8_t mask = kAny) const;
    float cell() const { return h_; }

private:
    glm::vec3 lo_;
    float h_;
    int nx_, ny_, nz_;
    std::vector<std::uint8_t> v_;
    std::size_t index(int i, int j, int k) const {
        return (static_cast<std::size_t>(j) * static_cast<std::size_t>(nx_) + static_cast<std::size_t>(i)) *
                   static_cast<std::size_t>(nz_) + static_cast<std::size_t>(k);
    }
};

// Closest point on triangle abc to p.
glm::vec3 closest_on_triangle(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c);

}  // namespace dorsal::modelgen
