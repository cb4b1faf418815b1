#include <array>
#include <cmath>
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
    explicit ViewToolbar(const float& scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown || !frame.model() || frame.layout.toolbar.height <= 0) return;
        if (frame.layout.presenting) return drawPresenting(frame);
        const ViewState& view = frame.view();
        // Compact, so that three rows fit; items flow onto the next row when one is full, so that
        // none is cut off in a narrow view (a scroll bar shows when they need more rows).
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f * scale_, 6.0f * scale_));
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6.0f * scale_, 4.0f * scale_));
        beginFixedWindow("View", frame.layout.toolbar);
        startRow_ = true;
        for (CommandId id : {CommandId::ViewAnterior, CommandId::ViewPosterior, CommandId::ViewLeft, CommandId::ViewRight,
                             CommandId::ViewSuperior, CommandId::ViewOblique, CommandId::ResetView}) {
            commandButton(frame, id);
        }

        const float peelWidth = 170.0f * scale_;
        flow(peelWidth);
        int peel = view.peelDepth();
        ImGui::SetNextItemWidth(peelWidth);
        if (ImGui::SliderInt("##peel", &peel, 0, kPeelableStrata - 1, kPeelNames[static_cast<std::size_t>(peel)])) {
            frame.requests.emplace_back(request::SetPeel{peel});
        }
        tooltip("Peel layers from the skin down to the bones (" + keysText(commandInfo(CommandId::PeelLess)) + " and " +
                keysText(commandInfo(CommandId::PeelMore)) + ")");
        flow(buttonWidth("Layers"));
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
        const float sideWidth = 110.0f * scale_;
        flow(sideWidth);
        int side = static_cast<int>(view.side);
        ImGui::SetNextItemWidth(sideWidth);
        if (ImGui::Combo("##side", &side, "Both sides\0Left side\0Right side\0")) {
            frame.requests.emplace_back(request::SetSide{static_cast<SideShown>(side)});
        }
        tooltip(commandTooltip(commandInfo(CommandId::CycleSide)));

        commandCheckbox(frame, CommandId::ToggleXray, view.xray);
        commandCheckbox(frame, CommandId::ToggleCutaway, view.cutaway);
        commandCheckbox(frame, CommandId::TogglePainMap, view.painMap);
        commandCheckbox(frame, CommandId::ToggleLabels, view.labels);
        commandCheckbox(frame, CommandId::ToggleDim, view.others == OthersStyle::Dimmed);
        const bool anyHighlight = !frame.atlas->highlight().empty();
        ImGui::BeginDisabled(!anyHighlight && !view.isolate);
        commandCheckbox(frame, CommandId::Isolate, view.isolate);
        ImGui::EndDisabled();
        ImGui::BeginDisabled(frame.atlas->highlight().selected.empty());
        commandButton(frame, CommandId::HideSelection);
        ImGui::EndDisabled();
        commandButton(frame, CommandId::ShowAll);
        commandCheckbox(frame, CommandId::AddPin, frame.atlas->pinMode());
        commandButton(frame, CommandId::TogglePresentation);
        frame.toolbarFits = ImGui::GetScrollMaxY() <= 0.0f && ImGui::GetScrollMaxX() <= 0.0f;
        ImGui::End();
        ImGui::PopStyleVar(2);
    }

private:
    // Presentation's toolbar: the few things used in front of a client, in one row centred at the
    // bottom of the screen.
    void drawPresenting(UiFrame& frame) {
        const ViewState& view = frame.view();
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f * scale_, 6.0f * scale_));
        ImGui::SetNextWindowBgAlpha(0.8f);
        beginFixedWindow("View", frame.layout.toolbar);
        startRow_ = true;
        arrow(frame, CommandId::Back, ImGuiDir_Left, frame.atlas->canGoBack());
        arrow(frame, CommandId::Forward, ImGuiDir_Right, frame.atlas->canGoForward());
        for (CommandId id : {CommandId::ViewAnterior, CommandId::ViewPosterior, CommandId::ViewLeft, CommandId::ViewRight,
                             CommandId::ResetView}) {
            commandButton(frame, id);
        }
        commandCheckbox(frame, CommandId::ToggleLabels, view.labels);
        commandCheckbox(frame, CommandId::TogglePainMap, view.painMap);
        const std::string leave = "Leave (Esc)";
        flow(buttonWidth(leave));
        if (ImGui::SmallButton(leave.c_str())) frame.run(CommandId::TogglePresentation);
        tooltip("Back to the window with its panels");
        frame.toolbarFits = ImGui::GetScrollMaxY() <= 0.0f && ImGui::GetScrollMaxX() <= 0.0f;
        ImGui::End();
        ImGui::PopStyleVar();
    }

    void arrow(UiFrame& frame, CommandId id, ImGuiDir direction, bool enabled) {
        const CommandInfo& command = commandInfo(id);
        flow(ImGui::GetFrameHeight());
        ImGui::BeginDisabled(!enabled);
        if (ImGui::ArrowButton(std::string(command.label).c_str(), direction)) frame.run(id);
        ImGui::EndDisabled();
        tooltip(commandTooltip(command));
    }

    static void tooltip(const std::string& text) {
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text.c_str());
    }

    // Continues the row when an item of `width` still fits in it, else starts the next one.
    void flow(float width) {
        // Decided before SameLine: a NewLine after it would count the line's end as content and
        // make the window scroll sideways.
        if (!startRow_) {
            const float next = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x;
            if (next + width <= ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
        }
        startRow_ = false;
    }

    static float buttonWidth(std::string_view label) {
        // Rounded up, as ImGui rounds the items it lays out.
        return std::ceil(ImGui::CalcTextSize(label.data(), label.data() + label.size()).x +
                         2.0f * ImGui::GetStyle().FramePadding.x);
    }

    void commandButton(UiFrame& frame, CommandId id) {
        const CommandInfo& command = commandInfo(id);
        const std::string label(command.label);
        flow(buttonWidth(label));
        if (ImGui::SmallButton(label.c_str())) frame.run(id);
        tooltip(commandTooltip(command));
    }

    void commandCheckbox(UiFrame& frame, CommandId id, bool on) {
        const CommandInfo& command = commandInfo(id);
        const std::string label(command.label);
        flow(std::ceil(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x));
        if (ImGui::Checkbox(label.c_str(), &on)) frame.run(id);
        tooltip(commandTooltip(command));
    }

    const float& scale_;  // the interface's, which follows the font size
    bool startRow_ = true;  // the next item begins a row
};

}  // namespace

std::unique_ptr<Panel> makeViewToolbar(const float& scale) { return std::make_unique<ViewToolbar>(scale); }

}  // namespace dorsal
