#include "core/atlas.h"

#include <algorithm>

namespace dorsal {

namespace {

void appendNodes(std::vector<int>& out, const std::vector<int>& more) {
    for (int n : more) {
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
}

std::vector<int> nodesOfMuscles(const Model& model, const Content& content, const std::vector<std::string>& ids) {
    std::vector<int> nodes;
    for (const std::string& id : ids) appendNodes(nodes, nodesOfEntry(model, content, id));
    return nodes;
}

}  // namespace

std::vector<int> nodesOfEntry(const Model& model, const Content& content, const std::string& id) {
    std::vector<int> nodes;
    if (content.group(id)) {
        for (const Muscle* m : content.membersOf(id)) appendNodes(nodes, nodesOfEntry(model, content, m->id));
        return nodes;
    }
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        if (contentIdOfNode(model.nodes[i].name) == id) nodes.push_back(static_cast<int>(i));
    }
    return nodes;
}

std::vector<std::string> primaryMusclesOf(const Content& content, const std::string& id) {
    if (content.muscle(id)) return {id};
    if (content.group(id)) {
        std::vector<std::string> members;
        for (const Muscle* m : content.membersOf(id)) members.push_back(m->id);
        return members;
    }
    if (const PainPattern* pain = content.pain(id)) return pain->primaryMuscles;
    if (const Technique* technique = content.technique(id)) return technique->targetMuscles;
    if (const Stretch* stretch = content.stretch(id)) return stretch->targetMuscles;
    if (const Guide* guide = content.guide(id)) return guide->tightMuscles;
    return {};
}

Highlight highlightForEntry(const Model& model, const Content& content, const std::string& id) {
    Highlight h;
    if (content.muscle(id) || content.group(id)) {
        h.selected = nodesOfEntry(model, content, id);
    } else if (content.pain(id) || content.technique(id) || content.stretch(id) || content.guide(id)) {
        h.primary = nodesOfMuscles(model, content, primaryMusclesOf(content, id));
        if (const PainPattern* pain = content.pain(id)) h.secondary = nodesOfMuscles(model, content, pain->secondaryMuscles);
        if (const Guide* guide = content.guide(id)) h.secondary = nodesOfMuscles(model, content, guide->weakMuscles);
    } else {
        h.selected = nodesOfEntry(model, content, id);  // a bone, or nothing
    }
    return h;
}

std::string entryOfNode(const Model& model, const Content& content, int node) {
    if (node < 0 || static_cast<std::size_t>(node) >= model.nodes.size()) return {};
    const std::string id = contentIdOfNode(model.nodes[static_cast<std::size_t>(node)].name);
    return content.kindOf(id) ? id : std::string();
}

std::string displayNameOfNode(const Model& model, const Content& content, int node) {
    const std::string& name = model.nodes[static_cast<std::size_t>(node)].name;
    const std::string id = entryOfNode(model, content, node);
    return id.empty() ? nodeDisplayName(name) : content.nameOf(id) + sideSuffixOfNode(name);
}

std::vector<Stratum> strataOfNodes(const Model& model, const Content& content) {
    std::vector<Stratum> strata(model.nodes.size(), Stratum::Other);
    for (std::size_t i = 0; i < strata.size(); ++i) {
        const std::string& name = model.nodes[i].name;
        if (name == "skin") {
            strata[i] = Stratum::Skin;
        } else if (name.starts_with("bone.")) {
            strata[i] = Stratum::Bone;
        } else if (name.starts_with("muscle.")) {
            const Muscle* muscle = content.muscle(contentIdOfNode(name));
            const std::string layer = muscle ? muscle->layer : (name == "muscle.diaphragm" ? "deep" : "");
            strata[i] = stratumFromName(layer).value_or(Stratum::Intermediate);
        }
    }
    return strata;
}

}  // namespace dorsal
