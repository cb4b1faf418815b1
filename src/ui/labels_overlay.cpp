#include <algorithm>
#include <limits>
#include <optional>
#include <map>

#include <imgui.h>

#include "core/atlas.h"
#include "core/picking.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

// How far in front of a vertex another surface may be and the vertex still count as seen: the
// thickness of a fascia, so that touching muscles do not hide each other's edges.
constexpr float kSurfaceTolerance = 0.004f;

// One label to draw: its text, style and the point it names.
struct Label {
    std::string text;
    HighlightStyle style = HighlightStyle::None;
    glm::vec2 anchor{0.0f};
};

// The hover tooltip, and labels naming the highlighted structures in the 3D view, as an atlas
// does: only what can be seen from here, each muscle once, left and right pairs alternating between the two sides so that leader
// lines never cross the body, drawn under the panels.
class LabelsOverlay : public Panel {
public:
    explicit LabelsOverlay(float scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (frame.model() && frame.hoveredNode >= 0 && !ImGui::GetIO().WantCaptureMouse) {
            ImGui::SetTooltip("%s", displayNameOfNode(*frame.model(), frame.content(), frame.hoveredNode).c_str());
        }
        if (!frame.model() || !frame.looks || !frame.view().labels) return;
        const std::vector<Label> labels = collectLabels(frame);
        if (labels.empty()) return;

        const Viewport& area = frame.layout.scene;
        const float margin = 8.0f * scale_;
        const float padding = 4.0f * scale_;
        const float maxWidth = 0.5f * static_cast<float>(area.width) - 1.5f * margin;
        std::vector<std::string> texts;
        std::vector<LabelRequest> requests;
        for (const Label& label : labels) {
            texts.push_back(fitted(label.text, maxWidth - 2.0f * padding));
            const ImVec2 size = ImGui::CalcTextSize(texts.back().c_str());
            requests.push_back({label.anchor, glm::vec2(size.x, size.y) + 2.0f * padding});
        }
        const std::vector<glm::vec2> boxes = layoutLabels(requests, area, margin);

        ImDrawList* draw = ImGui::GetBackgroundDrawList();
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const ImU32 accent = labels[i].style == HighlightStyle::Selected ? IM_COL32(26, 178, 255, 255)
                                                                            : IM_COL32(255, 194, 46, 255);
            const ImVec2 min(boxes[i].x, boxes[i].y);
            const ImVec2 max(min.x + requests[i].size.x, min.y + requests[i].size.y);
            const bool leftColumn = min.x < labels[i].anchor.x;
            const ImVec2 lineStart(leftColumn ? max.x : min.x, 0.5f * (min.y + max.y));
            const ImVec2 anchor(labels[i].anchor.x, labels[i].anchor.y);
            draw->AddLine(lineStart, anchor, IM_COL32(0, 0, 0, 160), 3.0f * scale_);
            draw->AddLine(lineStart, anchor, accent, 1.5f * scale_);
            draw->AddCircleFilled(anchor, 3.0f * scale_, accent);
            draw->AddRectFilled(min, max, IM_COL32(16, 20, 26, 225), 3.0f * scale_);
            draw->AddRect(min, max, accent, 3.0f * scale_);
            draw->AddText(ImVec2(min.x + padding, min.y + padding), IM_COL32(240, 240, 240, 255), texts[i].c_str());
        }
    }

private:
    // The visible highlighted nodes grouped by their entry (a muscle's left and right), each
    // with the seen points its labels may point to.
    static std::vector<Label> collectLabels(const UiFrame& frame) {
        const Model& model = *frame.model();
        struct Group {
            Label label;
            std::vector<glm::vec2> anchors;
        };
        std::map<std::string, Group> groups;
        for (std::size_t node = 0; node < model.nodes.size(); ++node) {
            const NodeLook& look = (*frame.looks)[node];
            if (look.style == HighlightStyle::None || !look.visible || model.nodes[node].parts.empty()) continue;
            const std::optional<glm::vec2> anchor = visibleAnchor(frame, static_cast<int>(node));
            if (!anchor) continue;  // hidden behind other structures from here: no label
            const std::string entry = entryOfNode(model, frame.content(), static_cast<int>(node));
            Group& group = groups[entry.empty() ? model.nodes[node].name : entry];
            if (group.anchors.empty()) {
                group.label.text = entry.empty() ? nodeDisplayName(model.nodes[node].name) : frame.content().nameOf(entry);
                group.label.style = look.style;
            }
            group.anchors.push_back(*anchor);
        }
        // Pairs take turns on the left and the right, from the top down.
        std::vector<Group*> ordered;
        for (auto& [key, group] : groups) ordered.push_back(&group);
        const auto meanHeight = [](const Group* g) {
            float sum = 0.0f;
            for (const glm::vec2& a : g->anchors) sum += a.y;
            return sum / static_cast<float>(g->anchors.size());
        };
        std::sort(ordered.begin(), ordered.end(), [&](Group* a, Group* b) { return meanHeight(a) < meanHeight(b); });
        std::vector<Label> labels;
        bool leftTurn = true;
        for (Group* group : ordered) {
            const auto byX = [](const glm::vec2& a, const glm::vec2& b) { return a.x < b.x; };
            group->label.anchor = leftTurn ? *std::min_element(group->anchors.begin(), group->anchors.end(), byX)
                                           : *std::max_element(group->anchors.begin(), group->anchors.end(), byX);
            if (group->anchors.size() > 1) leftTurn = !leftTurn;
            labels.push_back(group->label);
        }
        return labels;
    }

    // Where a label of `node` points: of a sample of its vertices, the one seen from the eye (the
    // first solid thing along the ray to it) that lies nearest to the middle of the node on
    // screen; nullopt when none of them is seen.
    static std::optional<glm::vec2> visibleAnchor(const UiFrame& frame, int node) {
        constexpr std::size_t kSamples = 24;
        const Model& model = *frame.model();
        const OrbitCamera& camera = frame.atlas->camera();
        const Viewport& scene = frame.layout.scene;
        const glm::vec2 sceneSize(static_cast<float>(scene.width), static_cast<float>(scene.height));
        const glm::vec2 sceneOrigin(static_cast<float>(scene.x), static_cast<float>(scene.y));
        std::vector<glm::vec3> samples;
        glm::vec3 sum(0.0f);
        for (int partIndex : model.nodes[static_cast<std::size_t>(node)].parts) {
            const std::vector<glm::vec3>& positions = model.parts[static_cast<std::size_t>(partIndex)].positions;
            const std::size_t step = std::max<std::size_t>(1, positions.size() / kSamples);
            for (std::size_t i = 0; i < positions.size(); i += step) samples.push_back(positions[i]);
        }
        if (samples.empty()) return std::nullopt;
        for (const glm::vec3& p : samples) sum += p;
        const glm::vec2 middle(camera.project(sum / static_cast<float>(samples.size()), sceneSize));
        const glm::vec3 eye = camera.eye();
        const auto solid = [&](const Part& part) {
            const NodeLook& look = (*frame.looks)[static_cast<std::size_t>(part.node)];
            return look.visible && !look.ghost && part.material != MaterialKind::Skin;
        };
        std::optional<glm::vec2> best;
        float bestDistance = std::numeric_limits<float>::max();
        for (const glm::vec3& p : samples) {
            const glm::vec3 pixel = camera.project(p, sceneSize);
            if (pixel.z < 0.0f || pixel.z > 1.0f) continue;  // behind the eye
            const float toMiddle = glm::distance(glm::vec2(pixel), middle);
            if (toMiddle >= bestDistance) continue;
            const float toPoint = glm::distance(eye, p);
            const std::optional<PickHit> hit = pickNearest(model, Ray{eye, (p - eye) / toPoint}, solid);
            const bool seen = hit && (hit->node == node || hit->distance > toPoint - kSurfaceTolerance);
            if (!seen) continue;
            best = sceneOrigin + glm::vec2(pixel);
            bestDistance = toMiddle;
        }
        return best;
    }

    // `text` cut with an ellipsis to fit `width` pixels.
    static std::string fitted(const std::string& text, float width) {
        if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
        std::string cut = text;
        while (!cut.empty() && ImGui::CalcTextSize((cut + "...").c_str()).x > width) cut.pop_back();
        return cut + "...";
    }

    float scale_;
};

}  // namespace

std::unique_ptr<Panel> makeLabelsOverlay(float scale) { return std::make_unique<LabelsOverlay>(scale); }

}  // namespace dorsal
