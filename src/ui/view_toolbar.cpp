#include <array>
#include <utility>

#include <imgui.h>

#include "ui/panels.h"

namespace dorsal {

namespace {

constexpr std::array<std::pair<ViewPreset, const char*>, 6> kPresetButtons{{
    {ViewPreset::Anterior, "Front"},
    {ViewPreset::Posterior, "Back"},
    {ViewPreset::Left, "Left"},
    {ViewPreset::Right, "Right"},
    {ViewPreset::Superior, "Top"},
    {ViewPreset::Oblique, "Oblique"},
}};

// What the peel slider shows at each depth: the outermost stratum still on show.
constexpr std::array<const char*, kPeelableStrata> kPeelNames{"from the skin", "superficial muscles",
                                                             "intermediate muscles", "deep muscles", "bones only"};

class ViewToolbar : public Panel {
public:
    explicit ViewToolbar(float scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown || !frame.model) return;
        ViewState& view = *frame.view;
        if (frame.layout.toolbar.height <= 0) return;
        beginFixedWindow("View", frame.layout.toolbar);
        for (std::size_t i = 0; i < kPresetButtons.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            if (ImGui::SmallButton(kPresetButtons[i].second)) frame.viewPreset = kPresetButtons[i].first;
            tooltip(("View from the " + std::string(viewPresetName(kPresetButtons[i].first)) + " (key " +
                     std::to_string(i + 1) + ")").c_str());
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Reset")) frame.resetView = true;
        tooltip("Whole model from the start view (R)");
        ImGui::SameLine();
        if (ImGui::SmallButton("Help")) *frame.helpOpen = !*frame.helpOpen;
        tooltip("Keys and mouse (F1)");

        int peel = view.peelDepth();
        ImGui::SetNextItemWidth(170.0f * scale_);
        if (ImGui::SliderInt("##peel", &peel, 0, kPeelableStrata - 1, kPeelNames[static_cast<std::size_t>(peel)])) {
            view.peel(peel);
        }
        tooltip("Peel layers from the skin down to the bones ([ and ])");
        ImGui::SameLine();
        ImGui::Checkbox("X-ray", &view.xray);
        tooltip("Everything but the highlight see-through (X)");
        ImGui::SameLine();
        ImGui::Checkbox("Labels", &view.labels);
        tooltip("Names of highlighted muscles (L)");
        ImGui::SameLine();
        bool dimOthers = view.others == OthersStyle::Dimmed;
        if (ImGui::Checkbox("Dim others", &dimOthers)) view.others = dimOthers ? OthersStyle::Dimmed : OthersStyle::Normal;
        tooltip("Grey out what is not highlighted (D)");
        int side = static_cast<int>(view.side);
        ImGui::SetNextItemWidth(110.0f * scale_);
        ImGui::Combo("##side", &side, "Both sides\0Left side\0Right side\0");
        view.side = static_cast<SideShown>(side);
        tooltip("Show the left, the right or both sides (S)");
        ImGui::SameLine();
        if (ImGui::SmallButton("Layers")) ImGui::OpenPopup("layers");
        if (ImGui::BeginPopup("layers")) {
            for (int i = 0; i < kPeelableStrata; ++i) {
                const std::string name(stratumName(static_cast<Stratum>(i)));
                ImGui::Checkbox(name.c_str(), &view.strataShown[static_cast<std::size_t>(i)]);
            }
            ImGui::EndPopup();
        }

        ImGui::SameLine();
        const bool anySelection = !view.highlight.empty();
        ImGui::BeginDisabled(!anySelection);
        if (ImGui::SmallButton("Isolate")) frame.isolateSelection = true;
        tooltip("Show only the highlighted structures (I)");
        ImGui::SameLine();
        if (ImGui::SmallButton("Hide")) frame.hideSelection = true;
        tooltip("Hide the selected structures (H)");
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::SmallButton("Show all")) frame.showAll = true;
        tooltip("Everything visible again (A)");
        ImGui::End();
    }

private:
    static void tooltip(const char* text) {
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text);
    }

    float scale_;
};

}  // namespace

std::unique_ptr<Panel> makeViewToolbar(float scale) { return std::make_unique<ViewToolbar>(scale); }

}  // namespace dorsal
