#include <imgui.h>

#include "core/atlas.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

// The hover tooltip, and labels that name each visible highlighted node at the mean of its vertices, from a column at the
// side of the 3D view, drawn under the panels so they never cover them.
class LabelsOverlay : public Panel {
public:
    explicit LabelsOverlay(float scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (frame.model && frame.hoveredNode >= 0 && !ImGui::GetIO().WantCaptureMouse) {
            ImGui::SetTooltip("%s", displayNameOfNode(*frame.model, *frame.content, frame.hoveredNode).c_str());
        }
        if (!frame.model || !frame.camera || !frame.looks || !frame.view->labels) return;
        const Model& model = *frame.model;
        const Viewport& scene = frame.layout.scene;
        const glm::vec2 sceneSize(static_cast<float>(scene.width), static_cast<float>(scene.height));
        const glm::vec2 sceneOrigin(static_cast<float>(scene.x), static_cast<float>(scene.y));
        const float padding = 4.0f * scale_;

        std::vector<LabelRequest> requests;
        std::vector<std::string> names;
        std::vector<HighlightStyle> styles;
        for (std::size_t node = 0; node < model.nodes.size(); ++node) {
            const NodeLook& look = (*frame.looks)[node];
            if (look.style == HighlightStyle::None || !look.visible || model.nodes[node].parts.empty()) continue;
            // Only the highlighted node itself, not each of its children.
            const int parent = model.nodes[node].parent;
            if (parent >= 0 && (*frame.looks)[static_cast<std::size_t>(parent)].style != HighlightStyle::None) continue;
            glm::vec3 sum(0.0f);
            std::size_t count = 0;
            for (int part : model.nodes[node].parts) {
                for (const glm::vec3& p : model.parts[static_cast<std::size_t>(part)].positions) sum += p;
                count += model.parts[static_cast<std::size_t>(part)].positions.size();
            }
            const glm::vec3 pixel = frame.camera->project(sum / static_cast<float>(count), sceneSize);
            if (pixel.z < 0.0f || pixel.z > 1.0f) continue;  // behind the eye
            names.push_back(displayNameOfNode(model, *frame.content, static_cast<int>(node)));
            const ImVec2 text = ImGui::CalcTextSize(names.back().c_str());
            requests.push_back({sceneOrigin + glm::vec2(pixel), glm::vec2(text.x, text.y) + 2.0f * padding});
            styles.push_back(look.style);
        }
        if (requests.empty()) return;

        const std::vector<glm::vec2> boxes = layoutLabels(requests, scene, 10.0f * scale_);
        ImDrawList* draw = ImGui::GetBackgroundDrawList();
        for (std::size_t i = 0; i < requests.size(); ++i) {
            const ImU32 accent = styles[i] == HighlightStyle::Selected ? IM_COL32(26, 178, 255, 255)
                                                                      : IM_COL32(255, 194, 46, 255);
            const ImVec2 min(boxes[i].x, boxes[i].y);
            const ImVec2 max(min.x + requests[i].size.x, min.y + requests[i].size.y);
            const bool leftColumn = min.x < requests[i].anchor.x;
            const ImVec2 lineStart(leftColumn ? max.x : min.x, 0.5f * (min.y + max.y));
            const ImVec2 anchor(requests[i].anchor.x, requests[i].anchor.y);
            draw->AddLine(lineStart, anchor, IM_COL32(0, 0, 0, 160), 3.0f * scale_);
            draw->AddLine(lineStart, anchor, accent, 1.5f * scale_);
            draw->AddCircleFilled(anchor, 3.0f * scale_, accent);
            draw->AddRectFilled(min, max, IM_COL32(16, 20, 26, 225), 3.0f * scale_);
            draw->AddRect(min, max, accent, 3.0f * scale_);
            draw->AddText(ImVec2(min.x + padding, min.y + padding), IM_COL32(240, 240, 240, 255), names[i].c_str());
        }
    }

private:
    float scale_;
};

}  // namespace

std::unique_ptr<Panel> makeLabelsOverlay(float scale) { return std::make_unique<LabelsOverlay>(scale); }

}  // namespace dorsal
