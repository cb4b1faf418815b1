#include <imgui.h>

#include "ui/panels.h"

namespace dorsal {

namespace {

// File > Open model...: a path to type (or paste), as the window has no file chooser of its own;
// dropping a file onto the window does the same.
class OpenModelDialog : public Panel {
public:
    explicit OpenModelDialog(float scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown) return;
        constexpr const char* kTitle = "Open a model";
        if (frame.openModelDialog) {
            ImGui::OpenPopup(kTitle);
            focusPath_ = true;
        }
        const Viewport& scene = frame.layout.scene;
        ImGui::SetNextWindowPos(ImVec2(static_cast<float>(scene.x) + 0.5f * static_cast<float>(scene.width),
                                       static_cast<float>(scene.y) + 0.3f * static_cast<float>(scene.height)),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(520.0f * scale_, 0.0f));
        if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize)) return;
        ImGui::TextWrapped("The path of a model file: glTF or GLB, OBJ, STL, PLY or OFF. You can also drop a file "
                           "onto the window.");
        if (std::exchange(focusPath_, false)) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1.0f);
        const bool entered = ImGui::InputTextWithHint("##path", "/home/me/models/back.glb", path_, sizeof(path_),
                                                      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
        ImGui::BeginDisabled(path_[0] == '\0');
        const bool open = ImGui::Button("Open") || (entered && path_[0] != '\0');
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (open) frame.openModel = std::filesystem::path(path_);
        if (ImGui::Button("Cancel") || open || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

private:
    float scale_;
    char path_[4096] = "";
    bool focusPath_ = false;
};

}  // namespace

std::unique_ptr<Panel> makeOpenModelDialog(float scale) { return std::make_unique<OpenModelDialog>(scale); }

}  // namespace dorsal
