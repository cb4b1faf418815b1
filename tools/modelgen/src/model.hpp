// The built-in anatomy model in memory: a node tree, one mesh per leaf node, four materials.
#pragma once

#include "landmarks.hpp"
#include "mesh.hpp"

#include <array>
#include <string>
#include <vector>

namespace dorsal::modelgen {

enum class Material { Muscle = 0, Tendon = 1, Bone = 2, Skin = 3 };
constexpr int material_count = 4;

struct MaterialInfo {
    const char* name;             // glTF material name
    std::array<float, 4> colour;  // linear RGBA base colour factor
    float roughness;
    bool blend;                   // alphaMode BLEND
};
const MaterialInfo& material_info(Material m);

struct NamedMesh {
    std::string name;
    Material material = Material::Muscle;
    Mesh mesh;
};

struct Node {
    std::string name;
    int mesh = -1;              // index into Model::meshes, or -1 for a group node
    std::vector<int> children;  // indices into Model::nodes
};

struct Model {
    std::vector<Node> nodes;       // nodes[0] is the root `dorsal_back`
    std::vector<NamedMesh> meshes;

    const NamedMesh* find_mesh(const std::string& node_name) const;
    const Node* find_node(const std::string& name) const;
    std::size_t triangle_count() const;
};

// Content ids of the model (the contract with the content files, see DESIGN.md).
const std::vector<std::string>& muscle_ids();          // 44 ids; `diaphragm` is the one midline muscle
const std::vector<std::string>& midline_bone_ids();   // skull, vertebrae, sacrum, coccyx, sternum
const std::vector<std::string>& paired_bone_ids();    // hip_bone, rib_1..12, clavicle, scapula, humerus, femur, ...
// Every node name with a mesh that the model must hold, in a fixed order.
std::vector<std::string> required_node_names();

struct BuildStats {
    double seconds = 0.0;
};

// Builds the whole model from landmarks (measured plus added) and the attachment table.
// Deterministic. Throws LandmarkError when a landmark is missing or a muscle of muscle_ids() has no
// row in the attachment table.
Model build_model(const Landmarks& landmarks, const Attachments& attachments, BuildStats* stats = nullptr);

}  // namespace dorsal::modelgen
