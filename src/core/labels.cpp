#include "core/labels.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "core/atlas.h"
#include "core/cutaway.h"

namespace dorsal {

namespace {

// Labels are chosen every frame: a few points of each muscle usually offer an anchor; a muscle seen
// only at one end (the sternocleidomastoid from behind, at the mastoid) is looked at more closely.
constexpr std::size_t kAnchorSamples = 24;
constexpr std::size_t kCloserAnchorSamples = 96;

// Of `count` of `node`'s surface points, the one seen from the eye that lies nearest to the
// middle of the node on screen, in frame pixels; nullopt when none is seen.
std::optional<glm::vec2> seenAnchorAmong(const Model& model, const std::vector<NodeLook>& looks, const OrbitCamera& camera,
                                         const Viewport& scene, int node, bool xray, std::size_t count) {
    const std::vector<glm::vec3> samples = surfaceSamples(model, node, count);
    if (samples.empty()) return std::nullopt;
    const glm::vec2 size(static_cast<float>(scene.width), static_cast<float>(scene.height));
    glm::vec3 sum(0.0f);
    for (const glm::vec3& p : samples) sum += p;
    const glm::vec2 middle(camera.project(sum / static_cast<float>(samples.size()), size));
    const glm::vec3 eye = camera.eye();
    const auto solid = [&](const Part& part) {
        const NodeLook& look = looks[static_cast<std::size_t>(part.node)];
        return look.visible && !look.ghost && part.material != MaterialKind::Skin;
    };
    std::optional<glm::vec2> best;
    float bestDistance = std::numeric_limits<float>::max();
    for (const glm::vec3& p : samples) {
        const glm::vec3 pixel = camera.project(p, size);
        if (pixel.z < 0.0f || pixel.z > 1.0f) continue;  // behind the eye
        if (pixel.x < 0.0f || pixel.y < 0.0f || pixel.x >= size.x || pixel.y >= size.y) continue;  // off the view
        const float toMiddle = glm::distance(glm::vec2(pixel), middle);
        if (toMiddle >= bestDistance || !seenFrom(model, eye, p, solid)) continue;
        // Seen through the body from the wrong side only through what x-ray or the cutaway made
        // see-through: a point there is not labelled, unless everything else is see-through.
        if (!xray) {
            const std::optional<float> depth = depthInBody(model, eye, p);
            if (depth && *depth > kFarSide) continue;
        }
        best = glm::vec2(scene.x, scene.y) + glm::vec2(pixel);
        bestDistance = toMiddle;
    }
    return best;
}

std::optional<glm::vec2> seenAnchor(const Model& model, const std::vector<NodeLook>& looks, const OrbitCamera& camera,
                                    const Viewport& scene, int node, bool xray) {
    if (auto anchor = seenAnchorAmong(model, looks, camera, scene, node, xray, kAnchorSamples)) return anchor;
    return seenAnchorAmong(model, looks, camera, scene, node, xray, kCloserAnchorSamples);
}

}  // namespace

std::vector<Label> chooseLabels(const Model& model, const Content& content, const Highlight& highlight,
                                const std::vector<NodeLook>& looks, const OrbitCamera& camera, const Viewport& scene,
                                std::size_t capacity, bool xray) {
    std::vector<Label> labels;
    const auto labelOf = [&](int node, HighlightStyle style) -> std::optional<Label> {
        const std::size_t index = static_cast<std::size_t>(node);
        if (index >= model.nodes.size() || model.nodes[index].parts.empty()) return std::nullopt;
        // A main muscle the cutaway made see-through (it lay over a more important one) is still
        // shown, faintly, and named; a secondary one cut away is not.
        const NodeLook& look = looks[index];
        if (!look.visible || (look.ghost && style == HighlightStyle::Secondary)) return std::nullopt;
        const std::optional<glm::vec2> anchor = seenAnchor(model, looks, camera, scene, node, xray);
        if (!anchor) return std::nullopt;
        const std::string entry = entryOfNode(model, content, node);
        const std::string text = entry.empty() ? nodeDisplayName(model.nodes[index].name) : content.nameOf(entry);
        return Label{text, style, node, *anchor};
    };
    // The selection and the primary muscles: each side its own label.
    for (const auto& [nodes, style] : {std::pair{&highlight.selected, HighlightStyle::Selected},
                                       std::pair{&highlight.primary, HighlightStyle::Primary}}) {
        for (int node : *nodes) {
            if (labels.size() >= capacity) return labels;
            if (std::optional<Label> label = labelOf(node, style)) labels.push_back(*label);
        }
    }
    // The secondary muscles: one label for a muscle's two sides, on the first side seen.
    for (int node : highlight.secondary) {
        if (labels.size() >= capacity) break;
        std::optional<Label> label = labelOf(node, HighlightStyle::Secondary);
        if (!label) continue;
        const auto sameText = std::find_if(labels.begin(), labels.end(), [&](const Label& l) { return l.text == label->text; });
        if (sameText == labels.end()) labels.push_back(*label);
    }
    return labels;
}

std::vector<std::string> labelNameForms(const std::string& name) {
    std::vector<std::string> forms{name};
    const std::size_t open = name.rfind(" (");
    if (open != std::string::npos && open > 0 && name.ends_with(")")) forms.push_back(name.substr(0, open));
    return forms;
}

}  // namespace dorsal
