#include <algorithm>

#include <imgui.h>

#include "core/bodyparts3d_import.h"
#include "core/data_paths.h"
#include "core/model_loader.h"
#include "ui/colours.h"
#include "ui/file_dialog.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

// File > Open model...: the file dialog with the recent models and the built-in one; dropping a
// file onto the window does the same.
class OpenModelDialog : public Panel {
public:
    explicit OpenModelDialog(const float& scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown) return;
        if (frame.openModelDialog) {
            FileDialogOptions options;
            options.title = "Open a model";
            options.extensions = readableModelExtensionList();
            options.typesText = readableModelExtensions();
            if (frame.model()) options.start = frame.model()->sourcePath;
            if (frame.settings) options.recent = frame.settings->recentModels.paths();
            options.places.emplace_back("Built-in model", builtInModelPath());
            // A folder of BodyParts3D files is imported in the background (loadModelOrImport) into
            // the cache folder, and opened.
            options.folderAction = "Import this folder (BodyParts3D)";
            options.folderHelp = "Import the BodyParts3D OBJ or STL files of this folder as one model, kept in "
                                 "~/.cache/dorsal/imports, and open it";
            dialog_.open(std::move(options));
        }
        // A folder is only imported with a budget that dorsal import's --budget would take.
        const std::optional<std::size_t> budget = simplify_ ? readTriangleBudget(budgetText_) : std::nullopt;
        const bool budgetMistyped = simplify_ && !budget;
        if (std::optional<std::filesystem::path> chosen =
                dialog_.draw(scale_, [&] { drawBudget(budgetMistyped); }, !budgetMistyped)) {
            frame.openModel = std::move(chosen);
            frame.importBudget = budget;
        }
        frame.dialogOpen = frame.dialogOpen || dialog_.isOpen();
    }

private:
    // Whether a folder's import keeps every triangle or is simplified to a number of them, as
    // dorsal import's --budget; `mistyped` says why the import is greyed out.
    void drawBudget(bool mistyped) {
        ImGui::AlignTextToFramePadding();
        ImGui::Checkbox("Simplify an imported folder to", &simplify_);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("A smaller model turns faster on a computer without a graphics card");
        ImGui::SameLine();
        ImGui::BeginDisabled(!simplify_);
        ImGui::SetNextItemWidth(110.0f * scale_);
        ImGui::InputText("##budget", budgetText_, sizeof budgetText_, ImGuiInputTextFlags_CharsDecimal);
        ImGui::SameLine();
        ImGui::TextUnformatted("triangles");
        ImGui::EndDisabled();
        if (mistyped) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(UiColours::kUrgent.r, UiColours::kUrgent.g, UiColours::kUrgent.b, 1.0f),
                               "a whole number above 0, such as 500000");
        }
    }

    const float& scale_;  // the interface's, which follows the font size
    FileDialog dialog_;
    bool simplify_ = false;
    char budgetText_[16] = "500000";
};

// File > Save picture...: where, and at what size: the 3D view's, Full HD, 4K or typed.
class SavePictureDialog : public Panel {
public:
    explicit SavePictureDialog(const float& scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown) return;
        const Viewport& seen = frame.layout.openArea;  // the view less what the entry panel covers
        if (frame.savePictureDialog) {
            FileDialogOptions options;
            options.title = "Save picture";
            options.mode = FileDialogMode::Save;
            options.extensions = {".png", ".jpg", ".jpeg"};
            options.typesText = "PNG and JPEG";
            options.start = lastPicture_.empty() ? std::filesystem::path("dorsal.png") : lastPicture_;
            dialog_.open(std::move(options));
        }
        const std::optional<std::filesystem::path> chosen = dialog_.draw(scale_, [&] { drawSize(seen); });
        frame.dialogOpen = frame.dialogOpen || dialog_.isOpen();
        if (!chosen) return;
        lastPicture_ = *chosen;
        const bool viewSize = size_ == 0;
        frame.savePicture = PictureRequest{*chosen, viewSize ? seen.width : width_, viewSize ? seen.height : height_};
    }

private:
    void drawSize(const Viewport& seen) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Size");
        ImGui::SameLine();
        const std::string viewSize = "As the view (" + std::to_string(seen.width) + " x " + std::to_string(seen.height) + ")";
        const char* names[] = {viewSize.c_str(), "1920 x 1080 (Full HD)", "3840 x 2160 (4K)", "Other"};
        ImGui::SetNextItemWidth(240.0f * scale_);
        if (ImGui::Combo("##size", &size_, names, 4)) {
            if (size_ == 1) {
                width_ = 1920;
                height_ = 1080;
            } else if (size_ == 2) {
                width_ = 3840;
                height_ = 2160;
            }
        }
        if (size_ == 3) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(90.0f * scale_);
            ImGui::InputInt("##width", &width_, 0);
            ImGui::SameLine();
            ImGui::TextUnformatted("x");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(90.0f * scale_);
            ImGui::InputInt("##height", &height_, 0);
            width_ = std::clamp(width_, kMinSide, kMaxSide);
            height_ = std::clamp(height_, kMinSide, kMaxSide);
        }
        ImGui::TextDisabled("The 3D view with its labels, without the panels; .jpg or .jpeg saves a JPEG.");
    }

    static constexpr int kMinSide = 16;
    static constexpr int kMaxSide = 8192;
    const float& scale_;  // the interface's, which follows the font size
    FileDialog dialog_;
    std::filesystem::path lastPicture_;
    int size_ = 0;  // the view's, Full HD, 4K, other
    int width_ = 1920;
    int height_ = 1080;
};

}  // namespace

std::unique_ptr<Panel> makeOpenModelDialog(const float& scale) { return std::make_unique<OpenModelDialog>(scale); }
std::unique_ptr<Panel> makeSavePictureDialog(const float& scale) { return std::make_unique<SavePictureDialog>(scale); }

}  // namespace dorsal
