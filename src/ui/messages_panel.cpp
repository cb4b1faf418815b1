#include <imgui.h>

#include "ui/colours.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

class MessagesPanel : public Panel {
public:
    explicit MessagesPanel(const float& scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown) return;
        drawNotice(frame);
        const std::vector<Message>& messages = frame.atlas->messages();
        if (messages.empty()) return;
        const Viewport& scene = frame.layout.openArea;
        const float margin = 12.0f * scale_;
        ImGui::SetNextWindowPos(ImVec2(static_cast<float>(scene.x) + margin, static_cast<float>(scene.y) + margin));
        ImGui::SetNextWindowSize(ImVec2(static_cast<float>(scene.width) - 2.0f * margin, 0.0f));
        ImGui::PushStyleColor(ImGuiCol_WindowBg,
                              ImVec4(UiColours::kMessage.r, UiColours::kMessage.g, UiColours::kMessage.b, 0.95f));
        ImGui::Begin("Messages", nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
        for (std::size_t i = 0; i < messages.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::SmallButton("x")) frame.requests.emplace_back(request::DismissMessage{i});
            ImGui::SameLine();
            ImGui::TextWrapped("%s", messages[i].text.c_str());
            ImGui::PopID();
        }
        ImGui::End();
        ImGui::PopStyleColor();
    }

private:
    // A note that something went well, in a quiet box at the bottom of the 3D view, above the pain
    // map's legend.
    void drawNotice(const UiFrame& frame) const {
        const std::string& notice = frame.atlas->notice();
        if (notice.empty()) return;
        const Viewport& area = frame.layout.openArea;
        const float margin = 12.0f * scale_;
        const float padding = 8.0f * scale_;
        const float most = static_cast<float>(area.width) - 2.0f * (margin + padding);
        const ImVec2 size = ImGui::CalcTextSize(notice.c_str(), nullptr, false, most);
        const ImVec2 min(static_cast<float>(area.x) + 0.5f * (static_cast<float>(area.width) - size.x) - padding,
                         static_cast<float>(area.y + area.height) - frame.legendHeight - margin - size.y -
                             2.0f * padding);
        const ImVec2 max(min.x + size.x + 2.0f * padding, min.y + size.y + 2.0f * padding);
        ImDrawList* draw = ImGui::GetForegroundDrawList();
        const glm::vec3 box = UiColours::kLabelBox;
        draw->AddRectFilled(min, max, ImGui::GetColorU32(ImVec4(box.r, box.g, box.b, 0.92f)), 4.0f * scale_);
        draw->AddText(nullptr, 0.0f, ImVec2(min.x + padding, min.y + padding), IM_COL32(235, 235, 235, 255), notice.c_str(),
                      nullptr, most);
    }

    const float& scale_;  // the interface's, which follows the font size
};

}  // namespace

std::unique_ptr<Panel> makeMessagesPanel(const float& scale) { return std::make_unique<MessagesPanel>(scale); }

}  // namespace dorsal
