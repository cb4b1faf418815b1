#include "core/model.h"

#include <cctype>

namespace dorsal {

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

Bounds Model::subtreeBounds(int node) const {
    Bounds b;
    for (const Part& part : parts) {
        if (isWithin(part.node, node)) b.add(part.bounds);
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

std::string nodeDisplayName(const std::string& nodeName) {
    std::string rest;
    for (const char* prefix : {"muscle.", "bone."}) {
        if (nodeName.rfind(prefix, 0) == 0) rest = nodeName.substr(std::string(prefix).size());
    }
    if (rest.empty()) return nodeName == "skin" ? "Skin" : nodeName;

    std::string side;
    if (rest.size() > 2 && (rest.ends_with(".L") || rest.ends_with(".R"))) {
        side = rest.back() == 'L' ? " (left)" : " (right)";
        rest.resize(rest.size() - 2);
    }
    if (rest.rfind("vertebra_", 0) == 0) {
        std::string level = rest.substr(9);
        for (char& c : level) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return level + " vertebra" + side;
    }
    for (char& c : rest) {
        if (c == '_') c = ' ';
    }
    if (!rest.empty()) rest[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(rest[0])));
    return rest + side;
}

}  // namespace dorsal
