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
        // Each message has its own band: red for an error, a calm blue marked "Note:" for
        // information, so that a note never reads as something gone wrong.
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.0f, 0.0f, 0.0f, 0.0f));
        ImGui::Begin("Messages", nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
        const ImGuiStyle& style = ImGui::GetStyle();
        const float left = ImGui::GetWindowPos().x;
        const float right = left + ImGui::GetWindowWidth();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        for (std::size_t i = 0; i < messages.size(); ++i) {
            const bool information = messages[i].severity == MessageSeverity::Information;
            draw->ChannelsSplit(2);  // the band goes under the text drawn before it
            draw->ChannelsSetCurrent(1);
            ImGui::PushID(static_cast<int>(i));
            ImGui::BeginGroup();
            if (ImGui::SmallButton("x")) frame.requests.emplace_back(request::DismissMessage{i});
            ImGui::SameLine();
            ImGui::TextWrapped("%s%s", information ? "Note: " : "", messages[i].text.c_str());
            ImGui::EndGroup();
            ImGui::PopID();
            draw->ChannelsSetCurrent(0);
            const float top = ImGui::GetItemRectMin().y - (i == 0 ? style.WindowPadding.y : 0.5f * style.ItemSpacing.y);
            const float bottom =
                ImGui::GetItemRectMax().y + (i + 1 == messages.size() ? style.WindowPadding.y : 0.5f * style.ItemSpacing.y);
            const glm::vec3 band = information ? UiColours::kInformation : UiColours::kMessage;
            draw->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), ImGui::GetColorU32(ImVec4(band.r, band.g, band.b, 0.95f)));
            draw->ChannelsMerge();
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
