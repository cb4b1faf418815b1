#include <cstdio>
#include <cstdlib>
#include <utility>

#include <imgui.h>

#include "core/entry_document.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

// File > Handout...: where to write the take-home sheet of the entry on show, on which paper, with
// which of its stretches and a note for the client.
class HandoutDialog : public Panel {
public:
    explicit HandoutDialog(const float& scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown) return;
        constexpr const char* kTitle = "Handout";
        if (frame.handoutDialog) open(frame);
        const Viewport& scene = frame.layout.scene;
        ImGui::SetNextWindowPos(ImVec2(static_cast<float>(scene.x) + 0.5f * static_cast<float>(scene.width),
                                       static_cast<float>(scene.y) + 0.45f * static_cast<float>(scene.height)),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(560.0f * scale_, 0.0f));
        if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize)) return;
        if (subject_.empty()) {
            ImGui::TextWrapped("Open a muscle, a pain pattern, a technique or a guide first: the handout is about the "
                               "entry on show.");
            if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
            return;
        }
        ImGui::TextWrapped("A take-home sheet about %s, as a PDF: the pictures, what it is in plain words, the "
                           "stretches below with their steps, when to see a clinician, and the sources.",
                           title_.c_str());
        ImGui::Spacing();
        ImGui::TextUnformatted("Save as");
        if (std::exchange(focusPath_, false)) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1.0f);
        const bool entered = ImGui::InputText("##path", path_, sizeof(path_),
                                              ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
        ImGui::TextUnformatted("Paper");
        ImGui::SameLine();
        if (ImGui::RadioButton("A4", paper_ == PaperSize::A4)) paper_ = PaperSize::A4;
        ImGui::SameLine();
        if (ImGui::RadioButton("Letter", paper_ == PaperSize::Letter)) paper_ = PaperSize::Letter;
        if (!stretches_.empty()) {
            ImGui::Spacing();
            ImGui::TextUnformatted("Stretches and exercises");
            for (Choice& choice : stretches_) ImGui::Checkbox(choice.label.c_str(), &choice.chosen);
        }
        ImGui::Spacing();
        ImGui::TextUnformatted("Note for the client (optional)");
        ImGui::InputTextMultiline("##note", note_, sizeof(note_), ImVec2(-1.0f, 70.0f * scale_));
        ImGui::Spacing();
        ImGui::BeginDisabled(path_[0] == '\0');
        const bool save = ImGui::Button("Save handout") || (entered && path_[0] != '\0');
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (save) {
            HandoutRequest request;
            request.output = path_;
            request.paper = paper_;
            request.note = note_;
            for (const Choice& choice : stretches_) {
                if (choice.chosen) request.stretches.push_back(choice.id);
            }
            frame.handout = std::move(request);
        }
        if (ImGui::Button("Cancel") || save || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

private:
    struct Choice {
        std::string id;
        std::string label;
        bool chosen = true;
    };

    // Takes the entry on show as the subject, with its stretches all chosen, and suggests a file in
    // the home folder named after it.
    void open(const UiFrame& frame) {
        ImGui::OpenPopup("Handout");
        focusPath_ = true;
        const std::string previous = std::exchange(subject_, std::string());
        stretches_.clear();
        const std::optional<std::string> entry = frame.atlas->openEntry();
        const std::optional<EntryDocument> document = entry ? describeEntry(frame.content(), *entry) : std::nullopt;
        if (!document || !canBeHandoutSubject(document->kind)) return;
        if (previous != document->id) note_[0] = '\0';  // a note belongs with its subject
        subject_ = document->id;
        title_ = document->title;
        if (const DocumentSection* section = document->section(Topic::Stretches)) {
            for (const DocumentLink& link : section->links) {
                if (frame.content().stretch(link.id)) stretches_.push_back({link.id, link.label});
            }
        }
        const char* home = std::getenv("HOME");
        std::error_code ec;
        const std::filesystem::path folder = home && *home ? std::filesystem::path(home) : std::filesystem::current_path(ec);
        const std::string suggested = (folder / (subject_ + "-handout.pdf")).string();
        std::snprintf(path_, sizeof(path_), "%s", suggested.c_str());
    }

    const float& scale_;  // the interface's, which follows the font size
    std::string subject_;
    std::string title_;
    std::vector<Choice> stretches_;
    PaperSize paper_ = PaperSize::A4;
    char path_[4096] = "";
    char note_[2048] = "";
    bool focusPath_ = false;
};

}  // namespace

std::unique_ptr<Panel> makeHandoutDialog(const float& scale) { return std::make_unique<HandoutDialog>(scale); }

}  // namespace dorsal
