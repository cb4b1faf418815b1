#include <string>
#include <utility>

#include <imgui.h>

#include "core/entry_document.h"
#include "core/text.h"
#include "ui/colours.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

const ImVec4 kCautionColour(UiColours::kCaution.r, UiColours::kCaution.g, UiColours::kCaution.b, 1.0f);
const ImVec4 kUrgentColour(UiColours::kUrgent.r, UiColours::kUrgent.g, UiColours::kUrgent.b, 1.0f);

// Dear ImGui 1.86 indexes vertices in 16 bits and reserves four per byte for one text call, so a
// call of more than about 16,000 characters aborts it. Text is drawn in pieces of at most this.
constexpr std::size_t kMaxBytesPerTextCall = 4096;

// Wrapped text of any length, drawn in pieces ImGui can always take (long ones break at spaces).
void drawWrapped(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    for (std::string_view piece : splitIntoPieces(text, kMaxBytesPerTextCall)) {
        ImGui::TextUnformatted(piece.data(), piece.data() + piece.size());
    }
    ImGui::PopTextWrapPos();
}

class EntryPanel : public Panel {
public:
    EntryPanel(const Fonts& fonts, const float& scale) : fonts_(fonts), scale_(scale) {}

    void draw(UiFrame& frame) override {
        const std::optional<std::string> entry = frame.atlas->openEntry();
        if (!entry || frame.layout.entryPanel.width <= 0) return;
        if (!document_ || document_->id != *entry) {
            document_ = describeEntry(frame.content(), *entry);
            scrollToTop_ = true;
        }
        if (!document_) return;
        beginFixedWindow("Entry", frame.layout.entryPanel);
        drawToolbar(frame);
        ImGui::Separator();
        ImGui::BeginChild("document");
        if (std::exchange(scrollToTop_, false)) ImGui::SetScrollY(0.0f);
        ImGui::PushFont(fonts_.title);
        drawWrapped(document_->title);
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        drawWrapped(document_->subtitle);
        ImGui::PopStyleColor();
        for (const DocumentSection& section : document_->sections) drawSection(frame, section);
        ImGui::EndChild();
        ImGui::End();
    }

private:
    void drawToolbar(UiFrame& frame) {
        arrowButton(frame, CommandId::Back, ImGuiDir_Left, frame.atlas->canGoBack());
        ImGui::SameLine();
        arrowButton(frame, CommandId::Forward, ImGuiDir_Right, frame.atlas->canGoForward());
        ImGui::SameLine();
        if (ImGui::Button("Show in 3D")) frame.run(CommandId::FrameHighlight);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", commandTooltip(commandInfo(CommandId::FrameHighlight)).c_str());
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFrameHeight());
        if (ImGui::Button("x", ImVec2(ImGui::GetFrameHeight(), 0.0f))) frame.run(CommandId::ClearSelection);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", commandTooltip(commandInfo(CommandId::ClearSelection)).c_str());
    }

    static void arrowButton(UiFrame& frame, CommandId id, ImGuiDir direction, bool enabled) {
        const CommandInfo& command = commandInfo(id);
        ImGui::BeginDisabled(!enabled);
        if (ImGui::ArrowButton(std::string(command.label).c_str(), direction)) frame.run(id);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::SetTooltip("%s", commandTooltip(command).c_str());
        }
    }

    void drawSection(UiFrame& frame, const DocumentSection& section) {
        ImGui::Spacing();
        if (section.urgent) ImGui::PushStyleColor(ImGuiCol_Text, kUrgentColour);
        if (!section.heading.empty()) {
            ImGui::PushFont(fonts_.heading);
            if (section.caution && !section.urgent) ImGui::PushStyleColor(ImGuiCol_Text, kCautionColour);
            drawWrapped((section.caution ? "! " : "") + section.heading);
            if (section.caution && !section.urgent) ImGui::PopStyleColor();
            ImGui::PopFont();
        }
        for (const std::string& paragraph : section.paragraphs) drawWrapped(paragraph);
        for (std::size_t i = 0; i < section.bullets.size(); ++i) {
            if (section.numbered) {
                ImGui::Text("%zu.", i + 1);
                ImGui::SameLine();
            } else {
                ImGui::Bullet();
            }
            drawWrapped(section.bullets[i]);
        }
        if (section.urgent) ImGui::PopStyleColor();
        for (const DocumentLink& link : section.links) {
            ImGui::Bullet();
            ImGui::PushID(link.id.c_str());
            entryLink(frame, link.id, link.label);
            ImGui::PopID();
        }
    }

    const Fonts& fonts_;
    const float& scale_;  // the interface's, which follows the font size
    std::optional<EntryDocument> document_;
    bool scrollToTop_ = false;
};

}  // namespace

std::unique_ptr<Panel> makeEntryPanel(const Fonts& fonts, const float& scale) { return std::make_unique<EntryPanel>(fonts, scale); }

}  // namespace dorsal
