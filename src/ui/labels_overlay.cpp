#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "core/atlas.h"
#include "core/labels.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

// The hover tooltip, and labels with leader lines naming the highlighted structures in the 3D
// view, as an atlas does: in columns at the sides, in the order of the heights they point at so
// that leaders do not cross, drawn under the panels. Which structures get one is core's choice
// (chooseLabels).
class LabelsOverlay : public Panel {
public:
    LabelsOverlay(const Fonts& fonts, const float& scale) : fonts_(fonts), scale_(scale) {}

    void draw(UiFrame& frame) override {
        // Only over the open part of the 3D view: never over a panel that has just opened there.
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const Viewport& open = frame.layout.openArea;
        const bool overOpenArea = mouse.x >= static_cast<float>(open.x) && mouse.y >= static_cast<float>(open.y) &&
                                  mouse.x < static_cast<float>(open.x + open.width) &&
                                  mouse.y < static_cast<float>(open.y + open.height);
        if (!ImGui::GetIO().WantCaptureMouse && overOpenArea) {
            if (frame.hoveredRegion) {
                ImGui::SetTooltip("%s", regionOnSideName(frame.content(), *frame.hoveredRegion).c_str());
            } else if (frame.model() && frame.hoveredNode >= 0) {
                ImGui::SetTooltip("%s", displayNameOfNode(*frame.model(), frame.content(), frame.hoveredNode).c_str());
            }
        }
        if (!frame.model() || !frame.looks || !frame.view().labels) return;
        // In presentation, large type, and below the caption.
        ImGui::PushFont(frame.layout.presenting ? fonts_.presentation : fonts_.body);
        drawLabels(frame);
        ImGui::PopFont();
    }

private:
    void drawLabels(UiFrame& frame) {
        // In the open part of the view, above the pain map's legend, which sits in the lower left
        // corner (two rows at most).
        Viewport area = frame.layout.openArea;
        if (frame.layout.presenting && !frame.atlas->caption().empty()) {
            const int below = static_cast<int>(captionBandHeight(fonts_, scale_));
            area.y += below;
            area.height -= below;
        }
        const PainMap& map = frame.atlas->painMap();
        const int legendRows = (map.zones.empty() ? 0 : 1) + (map.marks.empty() ? 0 : 1);
        area.height = std::max(1, area.height - static_cast<int>(painLegendHeight(legendRows, scale_)));
        const float margin = 8.0f * scale_;
        const float padding = 4.0f * scale_;
        const float boxHeight = ImGui::GetTextLineHeight() + 2.0f * padding;
        const auto perColumn = static_cast<std::size_t>(
            std::max(0.0f, std::floor((static_cast<float>(area.height) - margin) / (boxHeight + margin))));
        // Anchors are projected through the whole 3D view, which the camera looks through.
        const std::vector<Label> labels = chooseLabels(*frame.model(), frame.content(), frame.atlas->highlight(),
                                                       *frame.looks, frame.atlas->camera(), frame.layout.scene,
                                                       2 * perColumn, frame.view().xray);
        if (labels.empty()) return;
        for (const Label& label : labels) frame.labelled.push_back(label.node);

        const float maxWidth = 0.5f * static_cast<float>(area.width) - 1.5f * margin;
        std::vector<std::string> texts;
        std::vector<LabelRequest> requests;
        const float textWidth = maxWidth - 2.0f * padding;
        for (const Label& label : labels) {
            texts.push_back(fitted(label.text, textWidth));
            const ImVec2 size = ImGui::CalcTextSize(texts.back().c_str(), nullptr, false, textWidth);
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
            draw->AddText(nullptr, 0.0f, ImVec2(min.x + padding, min.y + padding), IM_COL32(240, 240, 240, 255),
                          texts[i].c_str(), nullptr, textWidth);
        }
    }

    // The first of the name's forms (labelNameForms) that fits `width` pixels on one line; else
    // the shortest, which the caller wraps at spaces.
    static std::string fitted(const std::string& text, float width) {
        const std::vector<std::string> forms = labelNameForms(text);
        for (const std::string& form : forms) {
            if (ImGui::CalcTextSize(form.c_str()).x <= width) return form;
        }
        return forms.back();
    }

    const Fonts& fonts_;
    const float& scale_;  // the interface's, which follows the font size
};

}  // namespace

std::unique_ptr<Panel> makeLabelsOverlay(const Fonts& fonts, const float& scale) {
    return std::make_unique<LabelsOverlay>(fonts, scale);
}

}  // namespace dorsal
