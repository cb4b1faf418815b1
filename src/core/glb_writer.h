#pragma once
// Dorsal's one glTF 2.0 binary (.glb) writer, for the built-in model's generator and for the
// BodyParts3D import: a small neutral description of nodes, meshes and materials in, the bytes of a
// .glb out. The same description gives the same bytes, on every machine.
// Plain C++ and glm only: tools/modelgen compiles this file into its own standalone build.

#include <array>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace dorsal {

struct GlbMaterial {
    std::string name;
    std::array<float, 4> colour{0.8f, 0.8f, 0.8f, 1.0f};  // linear RGBA base colour factor
    float roughness = 0.5f;                                // metallic is always 0
    bool blend = false;                                    // alphaMode BLEND
};

// A simplified copy of a mesh's triangles and its largest deviation from them (model units), stored
// with the mesh so that a reader draws far structures coarse from the first frame.
struct GlbDetailLevel {
    std::span<const std::uint32_t> indices;  // triangles over the mesh's own vertices
    float error = 0.0f;
};

// One mesh of one primitive (triangles). The arrays are views: they must outlive encodeGlb.
struct GlbMesh {
    std::string name;
    int material = 0;  // index into GlbScene::materials
    std::span<const glm::vec3> positions;
    std::span<const glm::vec3> normals;  // one per position
    // Optional, one per position or empty: the fibre direction, written as TANGENT with w = 1.
    std::span<const glm::vec3> fibres;
    // Optional, one per position or empty: the stripe coordinate, written as TEXCOORD_0 = (s, 0).
    std::span<const float> stripes;
    std::span<const std::uint32_t> indices;  // triangles; 16-bit in the file when the mesh allows
    // Optional, coarsest last: written as index accessors the primitive's extras list
    // ("dorsalDetailLevels": [{"indices": accessor, "error": metres}, ...]), which other readers skip.
    // The extras also say whether the mesh is closed ("dorsalClosed": isClosedSurface(indices)).
    std::vector<GlbDetailLevel> levels;
};

struct GlbNode {
    std::string name;
    int mesh = -1;              // index into GlbScene::meshes, or -1 for a group node
    std::vector<int> children;  // indices into GlbScene::nodes
};

struct GlbScene {
    std::string generator;   // asset.generator
    std::string copyright;   // asset.copyright; left out when empty
    std::string sceneName;   // the one scene's name
    std::vector<GlbNode> nodes;  // nodes[0] is the one root of the scene
    std::vector<GlbMesh> meshes;
    std::vector<GlbMaterial> materials;
};

// A GlbScene that cannot be written: what() says which mesh and what is wrong.
class GlbWriteError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

// Encodes `scene` as a .glb: one scene whose root is nodes[0], each mesh one primitive with
// POSITION (with its bounds), NORMAL, TANGENT and TEXCOORD_0 when given, and indices.
// Expects at least one node. Throws GlbWriteError for a mesh without positions or triangles, with
// normals, fibres or stripes of another count than its positions, a level whose indices are not
// triangles of its vertices, or with a material, child or mesh index out of range.
std::vector<std::uint8_t> encodeGlb(const GlbScene& scene);

}  // namespace dorsal
