#include <imgui.h>

#include "ui/panels.h"

namespace dorsal {

namespace {

// Every key and mouse action of the window, in the order a newcomer needs them.
constexpr const char* kShortcuts[][2] = {
    {"Left drag", "rotate around the model"},
    {"Right or middle drag", "pan"},
    {"Wheel", "zoom towards the cursor"},
    {"Click", "select a structure and open its entry"},
    {"Ctrl+click", "add to the selection, or take out"},
    {"Click empty space, Esc", "clear the selection"},
    {"Double-click empty space", "reset the view"},
    {"Ctrl+F", "search"},
    {"1 to 6", "front, back, left, right, top, oblique view"},
    {"R, Home", "reset the view"},
    {"F", "frame the highlight"},
    {"I", "isolate the highlight"},
    {"H", "hide the selection"},
    {"A", "show all"},
    {"X", "x-ray: the rest see-through"},
    {"D", "dim what is not highlighted"},
    {"[ and ]", "peel a layer less or more"},
    {"S", "both sides, left side, right side"},
    {"L", "labels on or off"},
    {"Alt+Left, Alt+Right", "back and forward between entries"},
    {"F1", "this help"},
};

class HelpPanel : public Panel {
public:
    HelpPanel(const Fonts& fonts, float scale) : fonts_(fonts), scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown || !frame.helpOpen || !*frame.helpOpen) return;
        const Viewport& scene = frame.layout.scene;
        ImGui::SetNextWindowPos(ImVec2(static_cast<float>(scene.x) + 0.5f * static_cast<float>(scene.width),
                                       static_cast<float>(scene.y) + 0.5f * static_cast<float>(scene.height)),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowBgAlpha(0.95f);
        ImGui::Begin("Keys and mouse (F1 closes)", frame.helpOpen,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            for (const auto& [keys, action] : kShortcuts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushFont(fonts_.heading);
                ImGui::TextUnformatted(keys);
                ImGui::PopFont();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(action);
            }
            ImGui::EndTable();
        }
        ImGui::Dummy(ImVec2(0.0f, 4.0f * scale_));
        ImGui::End();
    }

private:
    const Fonts& fonts_;
    float scale_;
};

}  // namespace

std::unique_ptr<Panel> makeHelpPanel(const Fonts& fonts, float scale) { return std::make_unique<HelpPanel>(fonts, scale); }

}  // namespace dorsal
