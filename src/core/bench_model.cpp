#include "core/bench_model.h"

#include <cmath>
#include <string>
#include <system_error>

#include <glm/glm.hpp>

#include "core/detail.h"
#include "core/glb_writer.h"
#include "core/material_palette.h"
#include "core/output_file.h"
#include "core/shapes.h"

namespace dorsal {

namespace {

// Rings and segments of each structure's sphere: 2 * 30 * 29 = 1,740 triangles.
constexpr int kRings = 30;
constexpr int kSegments = 30;
static_assert(2 * kSegments * (kRings - 1) == kBenchTrianglesPerStructure);

// A fixed sequence in [0, 1): the same model on every machine.
float unitNoise(std::uint32_t seed) {
    seed ^= seed >> 16;
    seed *= 0x7feb352dU;
    seed ^= seed >> 15;
    seed *= 0x846ca68bU;
    seed ^= seed >> 16;
    return static_cast<float>(seed & 0xffffffU) / static_cast<float>(0x1000000U);
}

// Structure i: an ellipsoid somewhere in a standing body 1.7 m tall, narrower at the neck and
// the ankles, elongated up and down as muscles and long bones are.
struct Placement {
    glm::vec3 centre;
    glm::vec3 radii;
};

Placement placementOf(int i) {
    const auto noise = [i](std::uint32_t salt) { return unitNoise(static_cast<std::uint32_t>(i) * 8u + salt); };
    const float height = 0.08f + 1.55f * noise(1);
    // Half the body's width at this height: shoulders and hips wide, neck and ankles narrow.
    const float halfWidth = height > 1.45f ? 0.07f : height > 1.25f ? 0.22f : height > 0.85f ? 0.17f : 0.12f;
    const float side = noise(2) < 0.5f ? -1.0f : 1.0f;
    const glm::vec3 centre(side * halfWidth * noise(3), height, 0.12f * (noise(4) - 0.5f));
    const glm::vec3 radii(0.015f + 0.035f * noise(5), 0.04f + 0.10f * noise(6), 0.015f + 0.03f * noise(7));
    return {centre, radii};
}

}  // namespace

std::vector<std::uint8_t> benchModelGlb() {
    const Part sphere = makeSphere(1.0f, kRings, kSegments);
    std::vector<std::vector<glm::vec3>> positions(kBenchStructures);
    std::vector<std::vector<glm::vec3>> normals(kBenchStructures);
    std::vector<std::vector<DetailLevel>> levels(kBenchStructures);
    GlbScene scene;
    scene.generator = "dorsal bench";
    scene.sceneName = "bench model";
    for (const MaterialLook& look : kMaterialPalette) scene.materials.push_back({look.name, look.colour, look.roughness, look.blend});
    scene.nodes.push_back({"bench model", -1, {}});
    for (int i = 0; i < kBenchStructures; ++i) {
        const Placement placement = placementOf(i);
        const auto index = static_cast<std::size_t>(i);
        for (std::size_t v = 0; v < sphere.positions.size(); ++v) {
            positions[index].push_back(placement.centre + sphere.positions[v] * placement.radii);
            // An ellipsoid's normal: the sphere's, divided by the radii, made unit again.
            normals[index].push_back(glm::normalize(sphere.normals[v] / placement.radii));
        }
        const bool bone = i % 4 == 0;
        const std::string name = std::string(bone ? "bench bone " : "bench muscle ") + std::to_string(i);
        // With its levels of detail, as Dorsal's import writes them.
        levels[index] = detailLevelsOf(positions[index], sphere.indices);
        GlbMesh mesh{name, static_cast<int>(bone ? kPaletteBone : kPaletteMuscle), positions[index], normals[index], {}, {},
                     sphere.indices, {}};
        for (const DetailLevel& level : levels[index]) mesh.levels.push_back({level.indices, level.error});
        scene.meshes.push_back(std::move(mesh));
        scene.nodes.front().children.push_back(static_cast<int>(scene.nodes.size()));
        scene.nodes.push_back({name, i, {}});
    }
    return encodeGlb(scene);
}

std::filesystem::path writeBenchModel(const std::filesystem::path& path) {
    const std::vector<std::uint8_t> bytes = benchModelGlb();
    std::error_code error;
    if (std::filesystem::file_size(path, error) != bytes.size() || error) {
        writeFileAtomically(path, std::string(bytes.begin(), bytes.end()));
    }
    return path;
}

}  // namespace dorsal
