#include <string>

#include <imgui.h>

#include "core/cutaway.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

// The pain map's trigger points, as numbered rings where they can be seen, and its legend, in the
// corner of the 3D view. (The regions themselves are painted by the renderer.)
class PainMapOverlay : public Panel {
public:
    explicit PainMapOverlay(const float& scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        const Model* model = frame.model();
        const PainMap& map = frame.atlas->painMap();
        if (!model || !frame.looks || map.empty()) return;
        ImDrawList* draw = ImGui::GetBackgroundDrawList();
        const Viewport& scene = frame.layout.scene;
        const OrbitCamera& camera = frame.atlas->camera();
        const glm::vec2 size(static_cast<float>(scene.width), static_cast<float>(scene.height));
        const auto solid = [&](const Part& part) {
            const NodeLook& look = (*frame.looks)[static_cast<std::size_t>(part.node)];
            return look.visible && !look.ghost && part.material != MaterialKind::Skin;
        };
        bool marked = false;
        for (const TriggerMark& mark : map.marks) {
            if (!(*frame.looks)[static_cast<std::size_t>(mark.node)].visible) continue;
            const glm::vec3 pixel = camera.project(mark.at, size);
            if (pixel.z < 0.0f || pixel.z > 1.0f || pixel.x < 0.0f || pixel.y < 0.0f || pixel.x >= size.x ||
                pixel.y >= size.y) {
                continue;
            }
            if (!seenFrom(*model, camera.eye(), mark.at, solid)) continue;
            drawMark(draw, ImVec2(static_cast<float>(scene.x) + pixel.x, static_cast<float>(scene.y) + pixel.y),
                     mark.number);
            marked = true;
        }
        frame.legendHeight = drawLegend(draw, frame.layout.openArea, !map.zones.empty(), marked);
    }

private:
    static ImU32 painColour(int alpha = 255) { return IM_COL32(219, 26, 107, alpha); }

    // A ring with the point's number, white-edged so that it reads on muscle, bone and skin.
    void drawMark(ImDrawList* draw, ImVec2 at, int number) const {
        const float radius = 8.0f * scale_;
        draw->AddCircleFilled(at, radius + 1.5f * scale_, IM_COL32(255, 255, 255, 235));
        draw->AddCircleFilled(at, radius, painColour());
        const std::string text = std::to_string(number);
        const ImVec2 textSize = ImGui::CalcTextSize(text.c_str());
        draw->AddText(ImVec2(at.x - 0.5f * textSize.x, at.y - 0.5f * textSize.y), IM_COL32(255, 255, 255, 255),
                      text.c_str());
    }

    // What the dots and rings mean, in the view's lower left corner; returns how tall it is
    // (painLegendHeight), 0 when there is nothing to explain.
    float drawLegend(ImDrawList* draw, const Viewport& scene, bool zones, bool marks) const {
        const float pad = 8.0f * scale_;
        const float line = ImGui::GetTextLineHeight();
        const float swatch = line;
        const char* zoneText = "Pain felt here";
        const char* markText = "Trigger point (numbered as in the entry)";
        float width = 0.0f;
        if (zones) width = std::max(width, ImGui::CalcTextSize(zoneText).x);
        if (marks) width = std::max(width, ImGui::CalcTextSize(markText).x);
        const int rows = (zones ? 1 : 0) + (marks ? 1 : 0);
        if (rows == 0) return 0.0f;
        const ImVec2 min(static_cast<float>(scene.x) + pad,
                         static_cast<float>(scene.y + scene.height) - painLegendHeight(rows, scale_));
        const ImVec2 max(min.x + swatch + 3.0f * pad + width, static_cast<float>(scene.y + scene.height) - pad);
        draw->AddRectFilled(min, max, IM_COL32(16, 20, 26, 225), 3.0f * scale_);
        float y = min.y + pad;
        const float x = min.x + pad;
        if (zones) {
            // The dots as the map paints them.
            draw->AddRectFilled(ImVec2(x, y), ImVec2(x + swatch, y + swatch), painColour(110));
            for (float dy = 2.0f; dy < swatch; dy += 5.0f * scale_) {
                for (float dx = 2.0f; dx < swatch; dx += 5.0f * scale_) {
                    draw->AddCircleFilled(ImVec2(x + dx, y + dy), 1.4f * scale_, painColour());
                }
            }
            draw->AddText(ImVec2(x + swatch + pad, y), IM_COL32(240, 240, 240, 255), zoneText);
            y += line + pad;
        }
        if (marks) {
            drawMark(draw, ImVec2(x + 0.5f * swatch, y + 0.5f * swatch), 1);
            draw->AddText(ImVec2(x + swatch + pad, y), IM_COL32(240, 240, 240, 255), markText);
        }
        return painLegendHeight(rows, scale_);
    }

    const float& scale_;  // the interface's, which follows the font size
};

}  // namespace

float painLegendHeight(int rows, float scale) {
    if (rows <= 0) return 0.0f;
    const float pad = 8.0f * scale;
    return static_cast<float>(rows) * (ImGui::GetTextLineHeight() + pad) + 2.0f * pad;
}

std::unique_ptr<Panel> makePainMapOverlay(const float& scale) { return std::make_unique<PainMapOverlay>(scale); }

}  // namespace dorsal
