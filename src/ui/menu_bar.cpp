#include <string>

#include <imgui.h>

#include "core/handout.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

// The menus across the top: every command of the table under its menu, with its keys.
class MenuBar : public Panel {
public:
    void draw(UiFrame& frame) override {
        if (!frame.panelsShown || frame.layout.menuBar.height <= 0) return;
        if (!ImGui::BeginMainMenuBar()) return;
        for (const auto& [menu, title] : {std::pair{Menu::File, "File"}, std::pair{Menu::View, "View"},
                                          std::pair{Menu::Show, "Show"}, std::pair{Menu::Go, "Go"},
                                          std::pair{Menu::Help, "Help"}}) {
            if (!ImGui::BeginMenu(title)) continue;
            for (const CommandInfo& command : commandTable()) {
                if (command.menu == menu) item(frame, command);
                if (command.id == CommandId::SaveSceneAs) recentScenes(frame);
            }
            ImGui::EndMenu();
        }
        ImGui::EndMainMenuBar();
    }

private:
    // File > Recent scenes: newest first; a file that is gone is shown, disabled.
    static void recentScenes(UiFrame& frame) {
        const bool any = frame.settings && !frame.settings->recentScenes.paths().empty();
        if (!ImGui::BeginMenu("Recent scenes", any)) return;
        for (const std::filesystem::path& path : frame.settings->recentScenes.paths()) {
            const bool there = RecentFileList::available(path);
            if (ImGui::MenuItem(path.filename().string().c_str(), nullptr, false, there)) frame.openScene = path;
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
                ImGui::SetTooltip("%s%s", path.string().c_str(), there ? "" : " (not found)");
            }
        }
        ImGui::EndMenu();
    }

    static void item(UiFrame& frame, const CommandInfo& command) {
        const std::string label(command.label);
        const std::string keys = command.keys.empty() ? std::string() : keyName(command.keys.front());
        const bool clicked = ImGui::MenuItem(label.c_str(), keys.empty() ? nullptr : keys.c_str(),
                                             checked(frame, command.id), enabled(frame, command.id));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", commandTooltip(command).c_str());
        if (clicked) frame.run(command.id);
    }

    // The toggles show whether they are on.
    static bool checked(const UiFrame& frame, CommandId id) {
        const ViewState& view = frame.view();
        switch (id) {
            case CommandId::ToggleXray: return view.xray;
            case CommandId::ToggleDim: return view.others == OthersStyle::Dimmed;
            case CommandId::ToggleLabels: return view.labels;
            case CommandId::Isolate: return view.isolate;
            case CommandId::ToggleCutaway: return view.cutaway;
            case CommandId::TogglePainMap: return view.painMap;
            case CommandId::Help: return frame.atlas->helpOpen();
            case CommandId::AddPin: return frame.atlas->pinMode();
            case CommandId::TogglePresentation: return frame.atlas->presenting();
            default: return false;
        }
    }

    static bool enabled(const UiFrame& frame, CommandId id) {
        const AtlasState& atlas = *frame.atlas;
        switch (id) {
            case CommandId::Back: return atlas.canGoBack();
            case CommandId::Forward: return atlas.canGoForward();
            case CommandId::Isolate: return !atlas.highlight().empty() || atlas.view().isolate;
            case CommandId::Handout: {
                const std::optional<std::string> entry = atlas.openEntry();
                const std::optional<EntryKind> kind = entry ? atlas.content().kindOf(*entry) : std::nullopt;
                return kind && canBeHandoutSubject(*kind);
            }
            case CommandId::HideSelection: return !atlas.highlight().selected.empty();
            case CommandId::FrameHighlight:
            case CommandId::ClearSelection: return !atlas.highlight().empty() || atlas.openEntry().has_value();
            case CommandId::PeelMore: return atlas.view().peelDepth() < kPeelableStrata - 1;
            case CommandId::PeelLess: return atlas.view().peelDepth() > 0;
            case CommandId::AddPin: return atlas.model() != nullptr;
            case CommandId::RemovePin: return atlas.selectedPin().has_value();
            default: return true;
        }
    }
};

}  // namespace

std::unique_ptr<Panel> makeMenuBar() { return std::make_unique<MenuBar>(); }

}  // namespace dorsal
