#pragma once
// The anatomy model as Dorsal holds it in memory: a tree of named nodes, and the geometry of every
// node flattened into world space (the model frame of DESIGN.md), ready for drawing and picking.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/triangle_tree.h"

namespace dorsal {

// What a surface is made of; decides how it is drawn.
enum class MaterialKind { Muscle, Tendon, Bone, Skin, Other };

// Axis-aligned box. An empty box has min > max.
struct Bounds {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{std::numeric_limits<float>::lowest()};

    bool empty() const { return min.x > max.x; }
    void add(const glm::vec3& p) {
        min = glm::min(min, p);
        max = glm::max(max, p);
    }
    void add(const Bounds& b) {
        if (!b.empty()) {
            add(b.min);
            add(b.max);
        }
    }
    glm::vec3 centre() const { return (min + max) * 0.5f; }
    glm::vec3 size() const { return max - min; }
    // Half the diagonal: the radius of the sphere that holds the box.
    float radius() const { return glm::length(max - min) * 0.5f; }
};

// A simplified version of a part's triangles, for when it is drawn small.
struct DetailLevel {
    std::vector<std::uint32_t> indices;
    float error = 0.0f;  // the largest deviation from the full mesh, in model units (metres)
};

// One drawable piece of geometry in world space, owned by one node.
struct Part {
    int node = -1;                  // index into Model::nodes
    MaterialKind material = MaterialKind::Other;
    glm::vec4 baseColour{0.8f, 0.8f, 0.8f, 1.0f};
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;  // unit length, one per position
    std::vector<glm::vec3> fibres;   // unit fibre direction per position, or empty
    // Per position: distance across the fibres along the surface (metres), for drawing fibre
    // stripes that follow the fibres (the first texture coordinate's u); empty when the file has none.
    std::vector<float> stripes;
    std::vector<std::uint32_t> indices;  // triangles, full detail (what picking uses)
    std::vector<DetailLevel> coarser;    // ever fewer triangles, ever larger error
    Bounds bounds;
    bool closed = false;  // a watertight, consistently wound surface: its back is never seen
    // Over the full-detail triangles, for picking: built on first use (triangleTreeOf), as a single
    // picture never picks and the first frame should not wait for it.
    mutable TriangleTree tree;

    std::size_t triangleCount() const { return indices.size() / 3; }
};

// The part's triangle tree, built now if it has not been yet. Builds on the calling thread: a
// model is asked from one thread at a time (the one that shows it).
const TriangleTree& triangleTreeOf(const Part& part);

struct Node {
    std::string name;
    int parent = -1;
    std::vector<int> children;
    std::vector<int> parts;  // indices into Model::parts drawn for this node itself
};

struct Model {
    std::string sourcePath;  // where it was loaded from, for messages
    std::vector<Node> nodes; // nodes[0] is the root; a node's parent comes before it
    std::vector<Part> parts;
    Bounds bounds;
    // What was left out or looked wrong while loading, one line each, naming the file; for the user.
    std::vector<std::string> warnings;

    // Index of the node with exactly this name, or -1.
    int findNode(const std::string& name) const;
    // True when `node` is `ancestor` or lies below it. Walks up the tree: as slow as `node` is deep.
    bool isWithin(int node, int ancestor) const;
    // One flag per node: whether it is one of `ancestors` or lies below one. One pass over the
    // nodes, however deep the tree, for asking about every node at once.
    std::vector<bool> nodesWithin(const std::vector<int>& ancestors) const;
    // Bounds of everything drawn at or below `node`; empty for a node without geometry.
    Bounds subtreeBounds(int node) const;
    std::size_t triangleCount() const;
};

// The content id a node stands for: "muscle.psoas_major.L" and "bone.sacrum" give "psoas_major" and
// "sacrum"; other names give "".
std::string contentIdOfNode(const std::string& nodeName);
// The distinct ids of the model's "muscle.<id>[.L|.R]" nodes, sorted.
std::vector<std::string> muscleIdsOf(const Model& model);

// " (left)", " (right)" or "" from a node name's ".L" / ".R" ending.
std::string sideSuffixOfNode(const std::string& nodeName);
// A readable name for a node: "muscle.psoas_major.L" reads "Psoas major (left)" and
// "bone.vertebra_l3" reads "L3 vertebra"; names of other models are returned unchanged.
std::string nodeDisplayName(const std::string& nodeName);

// Material kind from a material or node name ("muscle", "bone.sacrum", ...); Other if none fits.
MaterialKind materialKindFromName(const std::string& name);
// The base colour Dorsal's own models give `kind` (core/material_palette.h: red muscle, ivory
// bone, ...); a neutral grey for Other.
glm::vec4 paletteColour(MaterialKind kind);
// Gives a part that came without a material of its own the kind and palette colour its node's
// name says ("muscle.psoas_major.L", "bone.sacrum"); leaves it as it is when the name says none.
void paintByNodeName(Part& part, const std::string& nodeName);

}  // namespace dorsal
