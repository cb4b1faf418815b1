#include <imgui.h>

#include "ui/panels.h"

namespace dorsal {

namespace {

class MessagesPanel : public Panel {
public:
    explicit MessagesPanel(float scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        const std::vector<std::string>& messages = frame.atlas->messages();
        if (!frame.panelsShown || messages.empty()) return;
        const Viewport& scene = frame.layout.scene;
        const float margin = 12.0f * scale_;
        ImGui::SetNextWindowPos(ImVec2(static_cast<float>(scene.x) + margin, static_cast<float>(scene.y) + margin));
        ImGui::SetNextWindowSize(ImVec2(static_cast<float>(scene.width) - 2.0f * margin, 0.0f));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.45f, 0.12f, 0.10f, 0.95f));
        ImGui::Begin("Messages", nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
        for (std::size_t i = 0; i < messages.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::SmallButton("x")) frame.requests.emplace_back(request::DismissMessage{i});
            ImGui::SameLine();
            ImGui::TextWrapped("%s", messages[i].c_str());
            ImGui::PopID();
        }
        ImGui::End();
        ImGui::PopStyleColor();
    }

private:
    float scale_;
};

}  // namespace

std::unique_ptr<Panel> makeMessagesPanel(float scale) { return std::make_unique<MessagesPanel>(scale); }

}  // namespace dorsal
