#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include <imgui.h>

#include "core/scene.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

// File > Open scene... and Save scene...: a path to type (or paste); dropping a .dorsal file onto
// the window opens it too.
class SceneFileDialog : public Panel {
public:
    explicit SceneFileDialog(const float& scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown) return;
        if (frame.sceneDialog != SceneDialog::None) {
            saving_ = frame.sceneDialog == SceneDialog::Save;
            const std::string start = frame.scenePath.empty() ? (saving_ ? "scene.dorsal" : "") : frame.scenePath.string();
            std::strncpy(path_, start.c_str(), sizeof path_ - 1);
            path_[sizeof path_ - 1] = '\0';
            ImGui::OpenPopup(kTitle);
            focusPath_ = true;
        }
        const Viewport& scene = frame.layout.scene;
        ImGui::SetNextWindowPos(ImVec2(static_cast<float>(scene.x) + 0.5f * static_cast<float>(scene.width),
                                       static_cast<float>(scene.y) + 0.3f * static_cast<float>(scene.height)),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(520.0f * scale_, 0.0f));
        if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize)) return;
        ImGui::TextWrapped(saving_ ? "Save what is on screen (the model, the view, what is open and the pins) as a "
                                     "scene file:"
                                   : "The path of a scene file (.dorsal). You can also drop one onto the window.");
        if (std::exchange(focusPath_, false)) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1.0f);
        const bool entered = ImGui::InputTextWithHint("##path", "/home/me/clients/anna.dorsal", path_, sizeof path_,
                                                      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
        const std::filesystem::path path = chosenPath();
        std::error_code ec;
        if (saving_ && !path.empty() && path != frame.scenePath && std::filesystem::exists(path, ec)) {
            ImGui::TextColored(ImVec4(1.0f, 0.76f, 0.18f, 1.0f), "A file of that name exists; saving replaces it.");
        }
        ImGui::BeginDisabled(path.empty());
        const bool done = ImGui::Button(saving_ ? "Save" : "Open") || (entered && !path.empty());
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (done) (saving_ ? frame.saveScene : frame.openScene) = path;
        if (ImGui::Button("Cancel") || done || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

private:
    static constexpr const char* kTitle = "Scene";

    // The path typed; a name saved without an extension gets .dorsal.
    std::filesystem::path chosenPath() const {
        std::filesystem::path path(path_);
        if (saving_ && !path.empty() && path.extension().empty()) path += std::string(kSceneExtension);
        return path;
    }

    const float& scale_;  // the interface's, which follows the font size
    char path_[4096] = "";
    bool saving_ = false;
    bool focusPath_ = false;
};

}  // namespace

std::unique_ptr<Panel> makeSceneDialog(const float& scale) { return std::make_unique<SceneFileDialog>(scale); }

}  // namespace dorsal
