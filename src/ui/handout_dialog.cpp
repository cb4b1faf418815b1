#include <cstdlib>
#include <filesystem>
#include <optional>
#include <utility>

#include <imgui.h>

#include "core/entry_document.h"
#include "ui/file_dialog.h"
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
        if (frame.handoutDialog) open(frame);
        drawNoSubject(frame);
        const std::optional<std::filesystem::path> chosen = dialog_.draw(scale_, [&] { drawChoices(frame); });
        frame.dialogOpen = frame.dialogOpen || dialog_.isOpen();
        if (!chosen) return;
        lastFolder_ = chosen->parent_path();
        HandoutRequest request;
        request.output = *chosen;
        request.paper = paper_;
        request.note = note_;
        for (const Choice& choice : stretches_) {
            if (choice.chosen) request.stretches.push_back(choice.id);
        }
        frame.handout = std::move(request);
    }

private:
    struct Choice {
        std::string id;
        std::string label;
        bool chosen = true;
    };

    // Takes the entry on show as the subject, with its stretches all chosen, and asks where to save
    // it (a file in the home folder named after it is suggested), or says that there is none.
    void open(const UiFrame& frame) {
        const std::string previous = std::exchange(subject_, std::string());
        stretches_.clear();
        const std::optional<std::string> entry = frame.atlas->openEntry();
        const std::optional<EntryDocument> document = entry ? describeEntry(frame.content(), *entry) : std::nullopt;
        if (!document || !canBeHandoutSubject(document->kind)) {
            ImGui::OpenPopup(kNoSubject);
            return;
        }
        if (previous != document->id) note_[0] = '\0';  // a note belongs with its subject
        subject_ = document->id;
        title_ = document->title;
        if (frame.settings) paper_ = frame.settings->paper;
        if (const DocumentSection* section = document->section(Topic::Stretches)) {
            for (const DocumentLink& link : section->links) {
                if (frame.content().stretch(link.id)) stretches_.push_back({link.id, link.label});
            }
        }
        const char* home = std::getenv("HOME");
        std::error_code ec;
        const std::filesystem::path folder = home && *home ? std::filesystem::path(home) : std::filesystem::current_path(ec);
        FileDialogOptions options;
        options.title = "Handout";
        options.mode = FileDialogMode::Save;
        options.extensions = {".pdf"};
        options.typesText = "PDF";
        options.start = lastFolder_.empty() ? folder / (subject_ + "-handout.pdf") : lastFolder_ / (subject_ + "-handout.pdf");
        dialog_.open(std::move(options));
    }

    // Above the dialog's buttons: what the sheet holds, the paper (kept in the settings), the
    // stretches and the note.
    void drawChoices(UiFrame& frame) {
        ImGui::TextWrapped("A take-home sheet about %s: the pictures, what it is in plain words, the stretches "
                           "below with their steps, when to see a clinician, and the sources.",
                           title_.c_str());
        ImGui::TextUnformatted("Paper");
        ImGui::SameLine();
        const PaperSize before = paper_;
        if (ImGui::RadioButton("A4", paper_ == PaperSize::A4)) paper_ = PaperSize::A4;
        ImGui::SameLine();
        if (ImGui::RadioButton("Letter", paper_ == PaperSize::Letter)) paper_ = PaperSize::Letter;
        if (paper_ != before && frame.settings) {
            Settings settings = *frame.settings;
            settings.paper = paper_;
            frame.changeSettings = std::move(settings);
        }
        if (!stretches_.empty()) {
            ImGui::TextUnformatted("Stretches and exercises");
            for (Choice& choice : stretches_) ImGui::Checkbox(choice.label.c_str(), &choice.chosen);
        }
        ImGui::TextUnformatted("Note for the client (optional)");
        ImGui::InputTextMultiline("##note", note_, sizeof(note_), ImVec2(-1.0f, 60.0f * scale_));
    }

    // Handout... with nothing a handout can be about on show.
    void drawNoSubject(const UiFrame& frame) {
        const Viewport& scene = frame.layout.scene;
        ImGui::SetNextWindowPos(ImVec2(static_cast<float>(scene.x) + 0.5f * static_cast<float>(scene.width),
                                       static_cast<float>(scene.y) + 0.4f * static_cast<float>(scene.height)),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(420.0f * scale_, 0.0f));
        if (!ImGui::BeginPopupModal(kNoSubject, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize)) {
            return;
        }
        ImGui::TextWrapped("Open a muscle, a pain pattern, a technique or a guide first: the handout is about the "
                           "entry on show.");
        if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    static constexpr const char* kNoSubject = "Handout##none";
    const float& scale_;  // the interface's, which follows the font size
    std::string subject_;
    std::string title_;
    std::vector<Choice> stretches_;
    PaperSize paper_ = PaperSize::A4;
    char note_[2048] = "";
    FileDialog dialog_;
    std::filesystem::path lastFolder_;
};

}  // namespace

std::unique_ptr<Panel> makeHandoutDialog(const float& scale) { return std::make_unique<HandoutDialog>(scale); }

}  // namespace dorsal
