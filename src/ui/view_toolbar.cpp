#include <array>
#include <string>

#include <imgui.h>

#include "ui/panels.h"

namespace dorsal {

namespace {

// What the peel slider shows at each depth: the outermost stratum still on show.
constexpr std::array<const char*, kPeelableStrata> kPeelNames{"from the skin", "superficial muscles",
                                                             "intermediate muscles", "deep muscles", "bones only"};

// Across the bottom of the 3D view. Every button is a command of the table, with its label, and
// its help and keys as the tooltip.
class ViewToolbar : public Panel {
public:
    explicit ViewToolbar(float scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown || !frame.model() || frame.layout.toolbar.height <= 0) return;
        const ViewState& view = frame.view();
        beginFixedWindow("View", frame.layout.toolbar);
        bool first = true;
        for (CommandId id : {CommandId::ViewAnterior, CommandId::ViewPosterior, CommandId::ViewLeft, CommandId::ViewRight,
                             CommandId::ViewSuperior, CommandId::ViewOblique, CommandId::ResetView}) {
            if (!first) ImGui::SameLine();
            first = false;
            commandButton(frame, id);
        }

        int peel = view.peelDepth();
        ImGui::SetNextItemWidth(170.0f * scale_);
        if (ImGui::SliderInt("##peel", &peel, 0, kPeelableStrata - 1, kPeelNames[static_cast<std::size_t>(peel)])) {
            frame.requests.emplace_back(request::SetPeel{peel});
        }
        tooltip("Peel layers from the skin down to the bones (" + keysText(commandInfo(CommandId::PeelLess)) + " and " +
                keysText(commandInfo(CommandId::PeelMore)) + ")");
        ImGui::SameLine();
        commandCheckbox(frame, CommandId::ToggleXray, view.xray);
        ImGui::SameLine();
        commandCheckbox(frame, CommandId::ToggleLabels, view.labels);
        ImGui::SameLine();
        commandCheckbox(frame, CommandId::ToggleDim, view.others == OthersStyle::Dimmed);
        int side = static_cast<int>(view.side);
        ImGui::SetNextItemWidth(110.0f * scale_);
        if (ImGui::Combo("##side", &side, "Both sides\0Left side\0Right side\0")) {
            frame.requests.emplace_back(request::SetSide{static_cast<SideShown>(side)});
        }
        tooltip(commandTooltip(commandInfo(CommandId::CycleSide)));
        ImGui::SameLine();
        if (ImGui::SmallButton("Layers")) ImGui::OpenPopup("layers");
        tooltip("Show or hide each layer");
        if (ImGui::BeginPopup("layers")) {
            for (int i = 0; i < kPeelableStrata; ++i) {
                const auto stratum = static_cast<Stratum>(i);
                const std::string name(stratumName(stratum));
                bool shown = view.strataShown[static_cast<std::size_t>(i)];
                if (ImGui::Checkbox(name.c_str(), &shown)) frame.requests.emplace_back(request::SetStratumShown{stratum, shown});
            }
            ImGui::EndPopup();
        }

        ImGui::SameLine();
        const bool anyHighlight = !frame.atlas->highlight().empty();
        ImGui::BeginDisabled(!anyHighlight && !view.isolate);
        commandCheckbox(frame, CommandId::Isolate, view.isolate);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(frame.atlas->highlight().selected.empty());
        commandButton(frame, CommandId::HideSelection);
        ImGui::EndDisabled();
        ImGui::SameLine();
        commandButton(frame, CommandId::ShowAll);
        ImGui::End();
    }

private:
    static void tooltip(const std::string& text) {
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text.c_str());
    }

    static void commandButton(UiFrame& frame, CommandId id) {
        const CommandInfo& command = commandInfo(id);
        if (ImGui::SmallButton(std::string(command.label).c_str())) frame.run(id);
        tooltip(commandTooltip(command));
    }

    static void commandCheckbox(UiFrame& frame, CommandId id, bool on) {
        const CommandInfo& command = commandInfo(id);
        if (ImGui::Checkbox(std::string(command.label).c_str(), &on)) frame.run(id);
        tooltip(commandTooltip(command));
    }

    float scale_;
};

}  // namespace

std::unique_ptr<Panel> makeViewToolbar(float scale) { return std::make_unique<ViewToolbar>(scale); }

}  // namespace dorsal
