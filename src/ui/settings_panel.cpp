#include <algorithm>

#include <imgui.h>

#include "ui/panels.h"

namespace dorsal {

namespace {

// File > Settings...: the text size, the paper for handouts, presentation mode, the recent files.
// Every change is asked for at once (and saved by the app).
class SettingsPanel : public Panel {
public:
    explicit SettingsPanel(const float& scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (frame.openSettings) open_ = !open_;
        if (!frame.panelsShown || !open_ || !frame.settings) return;
        Settings settings = *frame.settings;
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        ImGui::SetNextWindowPos(ImVec2(0.5f * display.x, 0.4f * display.y), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(460.0f * scale_, display.x), 0.0f), ImGuiCond_Always);
        ImGui::Begin("Settings", &open_, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
        const float labelWidth = 170.0f * scale_;

        row("Text size", labelWidth);
        float step = 0.0f;
        if (ImGui::Button("-")) step = -Settings::kFontSizeStep;
        ImGui::SameLine();
        // The fonts are rebuilt when the slider is let go, not at every pixel of a drag.
        if (!sliding_) slidSize_ = static_cast<int>(settings.fontSize);
        ImGui::SetNextItemWidth(140.0f * scale_);
        ImGui::SliderInt("##font", &slidSize_, static_cast<int>(Settings::kMinFontSize),
                         static_cast<int>(Settings::kMaxFontSize), "%d px");
        sliding_ = ImGui::IsItemActive();
        if (ImGui::IsItemDeactivatedAfterEdit()) settings.fontSize = Settings::clampFontSize(static_cast<float>(slidSize_));
        ImGui::SameLine();
        if (ImGui::Button("+")) step = Settings::kFontSizeStep;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+= larger, Ctrl+- smaller, Ctrl+0 normal");
        if (step != 0.0f) settings.fontSize = Settings::clampFontSize(settings.fontSize + step);

        row("Paper for handouts", labelWidth);
        int paper = settings.paper == PaperSize::Letter ? 1 : 0;
        ImGui::SetNextItemWidth(140.0f * scale_);
        if (ImGui::Combo("##paper", &paper, "A4\0Letter\0")) settings.paper = paper == 1 ? PaperSize::Letter : PaperSize::A4;

        row("Presentation text", labelWidth);
        float presentation = settings.presentationScale;
        ImGui::SetNextItemWidth(140.0f * scale_);
        ImGui::SliderFloat("##presentation", &presentation, Settings::kMinPresentationScale,
                           Settings::kMaxPresentationScale, "%.1fx");
        if (ImGui::IsItemDeactivatedAfterEdit()) settings.presentationScale = presentation;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("How much larger labels and the caption are in presentation mode");
        row("", labelWidth);
        ImGui::Checkbox("Presentation fills the screen", &settings.presentFullscreen);

        ImGui::Separator();
        const std::size_t recent = settings.recentModels.paths().size() + settings.recentScenes.paths().size();
        ImGui::BeginDisabled(recent == 0);
        if (ImGui::Button("Forget recent files")) {
            settings.recentModels = {};
            settings.recentScenes = {};
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::TextDisabled("%zu remembered", recent);
        ImGui::TextDisabled("Saved as you change them.");
        ImGui::End();
        if (settings != *frame.settings) frame.changeSettings = settings;
    }

private:
    static void row(const char* label, float width) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(width);
    }

    const float& scale_;  // the interface's, which follows the font size
    bool open_ = false;
    bool sliding_ = false;
    int slidSize_ = 0;
};

}  // namespace

std::unique_ptr<Panel> makeSettingsPanel(const float& scale) { return std::make_unique<SettingsPanel>(scale); }

}  // namespace dorsal
