#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/colours.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

constexpr float kMargin = 16.0f;
constexpr float kPadding = 10.0f;

// Presentation mode's caption: what is shown, in large type on a dark band at the top centre of
// the 3D view, readable over any part of the model.
class CaptionOverlay : public Panel {
public:
    CaptionOverlay(const Fonts& fonts, const float& scale) : fonts_(fonts), scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.layout.presenting) return;
        const std::string caption = frame.atlas->caption();
        if (caption.empty()) return;
        ImGui::PushFont(fonts_.caption);
        const Viewport& area = frame.layout.openArea;
        const float margin = kMargin * scale_;
        const float padding = kPadding * scale_;
        const float most = 0.8f * static_cast<float>(area.width) - 2.0f * padding;
        const ImVec2 size = ImGui::CalcTextSize(caption.c_str(), nullptr, false, most);
        const ImVec2 min(static_cast<float>(area.x) + 0.5f * (static_cast<float>(area.width) - size.x) - padding,
                         static_cast<float>(area.y) + margin);
        const ImVec2 max(min.x + size.x + 2.0f * padding, min.y + size.y + 2.0f * padding);
        ImDrawList* draw = ImGui::GetBackgroundDrawList();
        const glm::vec3 box = UiColours::kLabelBox;
        draw->AddRectFilled(min, max, ImGui::GetColorU32(ImVec4(box.r, box.g, box.b, 0.85f)), 6.0f * scale_);
        draw->AddText(nullptr, 0.0f, ImVec2(min.x + padding, min.y + padding), IM_COL32(245, 245, 245, 255),
                      caption.c_str(), nullptr, most);
        ImGui::PopFont();
        frame.caption = caption;
    }

private:
    const Fonts& fonts_;
    const float& scale_;  // the interface's, which follows the font size
};

}  // namespace

float captionBandHeight(const Fonts& fonts, float scale) {
    return fonts.caption->FontSize + 2.0f * kPadding * scale + 2.0f * kMargin * scale;
}

std::unique_ptr<Panel> makeCaptionOverlay(const Fonts& fonts, const float& scale) {
    return std::make_unique<CaptionOverlay>(fonts, scale);
}

}  // namespace dorsal
