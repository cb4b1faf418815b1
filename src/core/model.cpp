#include "core/model.h"

#include <algorithm>
#include <cctype>

#include "core/material_palette.h"

namespace dorsal {

const TriangleTree& triangleTreeOf(const Part& part) {
    if (part.tree.empty() && !part.indices.empty()) part.tree.build(part.positions, part.indices);
    return part.tree;
}

int Model::findNode(const std::string& name) const {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].name == name) return static_cast<int>(i);
    }
    return -1;
}

bool Model::isWithin(int node, int ancestor) const {
    for (int n = node; n >= 0; n = nodes[static_cast<std::size_t>(n)].parent) {
        if (n == ancestor) return true;
    }
    return false;
}

std::vector<bool> Model::nodesWithin(const std::vector<int>& ancestors) const {
    std::vector<bool> within(nodes.size(), false);
    for (int a : ancestors) {
        if (a >= 0 && static_cast<std::size_t>(a) < nodes.size()) within[static_cast<std::size_t>(a)] = true;
    }
    // Parents come before their children, so one pass in order carries each flag down the tree.
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const int parent = nodes[i].parent;
        if (parent >= 0 && within[static_cast<std::size_t>(parent)]) within[i] = true;
    }
    return within;
}

Bounds Model::subtreeBounds(int node) const {
    Bounds b;
    if (node < 0 || static_cast<std::size_t>(node) >= nodes.size()) return b;
    // Down the subtree with a list instead of recursion: a model's tree may be a thousand deep.
    std::vector<int> pending{node};
    while (!pending.empty()) {
        const Node& n = nodes[static_cast<std::size_t>(pending.back())];
        pending.pop_back();
        for (int part : n.parts) b.add(parts[static_cast<std::size_t>(part)].bounds);
        pending.insert(pending.end(), n.children.begin(), n.children.end());
    }
    return b;
}

std::size_t Model::triangleCount() const {
    std::size_t n = 0;
    for (const Part& part : parts) n += part.triangleCount();
    return n;
}

MaterialKind materialKindFromName(const std::string& name) {
    // The built-in model names its materials after their kind and its nodes "<kind>.<id>";
    // other models often use the same words, in any case.
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto startsWith = [&](const char* prefix) { return lower.rfind(prefix, 0) == 0; };
    if (startsWith("muscle")) return MaterialKind::Muscle;
    if (startsWith("tendon") || startsWith("fascia") || startsWith("ligament")) return MaterialKind::Tendon;
    if (startsWith("bone")) return MaterialKind::Bone;
    if (startsWith("skin")) return MaterialKind::Skin;
    return MaterialKind::Other;
}

glm::vec4 paletteColour(MaterialKind kind) {
    const auto look = [](std::size_t entry) {
        const auto& c = kMaterialPalette[entry].colour;
        return glm::vec4(c[0], c[1], c[2], c[3]);
    };
    switch (kind) {
        case MaterialKind::Muscle: return look(kPaletteMuscle);
        case MaterialKind::Tendon: return look(kPaletteTendon);
        case MaterialKind::Bone: return look(kPaletteBone);
        case MaterialKind::Skin: return look(kPaletteSkin);
        case MaterialKind::Other: break;
    }
    return {0.8f, 0.8f, 0.8f, 1.0f};
}

void paintByNodeName(Part& part, const std::string& nodeName) {
    const MaterialKind kind = materialKindFromName(nodeName);
    if (kind == MaterialKind::Other) return;
    part.material = kind;
    part.baseColour = paletteColour(kind);
}

std::string contentIdOfNode(const std::string& nodeName) {
    std::string rest;
    for (const char* prefix : {"muscle.", "bone."}) {
        if (nodeName.rfind(prefix, 0) == 0) rest = nodeName.substr(std::string(prefix).size());
    }
    if (rest.size() > 2 && (rest.ends_with(".L") || rest.ends_with(".R"))) rest.resize(rest.size() - 2);
    return rest;
}

std::vector<std::string> muscleIdsOf(const Model& model) {
    std::vector<std::string> ids;
    for (const Node& node : model.nodes) {
        if (node.name.rfind("muscle.", 0) == 0) ids.push_back(contentIdOfNode(node.name));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::string sideSuffixOfNode(const std::string& nodeName) {
    if (nodeName.ends_with(".L")) return " (left)";
    if (nodeName.ends_with(".R")) return " (right)";
    return "";
}

std::string nodeDisplayName(const std::string& nodeName) {
    std::string id = contentIdOfNode(nodeName);
    if (id.empty()) return nodeName == "skin" ? "Skin" : nodeName;
    if (id.rfind("vertebra_", 0) == 0) {
        std::string level = id.substr(9);
        for (char& c : level) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return level + " vertebra" + sideSuffixOfNode(nodeName);
    }
    for (char& c : id) {
        if (c == '_') c = ' ';
    }
    id[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[0])));
    return id + sideSuffixOfNode(nodeName);
}

}  // namespace dorsal
