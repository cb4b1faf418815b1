#include <string>

#include <imgui.h>

#include "ui/panels.h"

namespace dorsal {

namespace {

// The keys and mouse actions, read from the command table (F1).
class HelpPanel : public Panel {
public:
    explicit HelpPanel(const Fonts& fonts) : fonts_(fonts) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown || !frame.atlas->helpOpen()) return;
        // Over the middle of the whole frame: with an entry open the 3D view alone is too narrow.
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        ImGui::SetNextWindowPos(ImVec2(0.5f * display.x, 0.5f * display.y), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), display);
        ImGui::SetNextWindowBgAlpha(0.95f);
        bool open = true;
        ImGui::Begin("Keys and mouse (F1 closes)", &open,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            for (const MouseAction& action : mouseActions()) row(action.gesture, action.help);
            for (const CommandInfo& command : commandTable()) {
                if (!command.keys.empty()) row(keysText(command), command.help);
            }
            ImGui::EndTable();
        }
        ImGui::End();
        if (!open) frame.run(CommandId::Help);
    }

private:
    void row(std::string_view keys, std::string_view help) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushFont(fonts_.heading);
        ImGui::TextUnformatted(keys.data(), keys.data() + keys.size());
        ImGui::PopFont();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(help.data(), help.data() + help.size());
    }

    const Fonts& fonts_;
};

}  // namespace

std::unique_ptr<Panel> makeHelpPanel(const Fonts& fonts) { return std::make_unique<HelpPanel>(fonts); }

}  // namespace dorsal
