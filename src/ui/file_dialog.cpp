#include "ui/file_dialog.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include <imgui.h>

#include "ui/colours.h"

namespace dorsal {

namespace {

std::filesystem::path homeFolder() {
    const char* home = std::getenv("HOME");
    return home && *home ? std::filesystem::path(home) : std::filesystem::path("/");
}

bool isFolder(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::is_directory(path, ec);
}

void copyInto(char* buffer, std::size_t size, const std::string& text) {
    const std::size_t length = std::min(text.size(), size - 1);
    std::memcpy(buffer, text.data(), length);
    buffer[length] = '\0';
}

bool keyPressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

}  // namespace

void FileDialog::open(FileDialogOptions options) {
    options_ = std::move(options);
    wantOpen_ = true;
    chosen_.reset();
    confirmReplace_.clear();
    nameText_[0] = '\0';
    std::filesystem::path start = options_.start;
    if (!start.empty() && !isFolder(start)) {
        if (options_.mode == FileDialogMode::Save) copyInto(nameText_, sizeof(nameText_), start.filename().string());
        start = start.parent_path();
    }
    if (start.empty() || !isFolder(start)) start = folder_.empty() || !isFolder(folder_) ? homeFolder() : folder_;
    goTo(start);
}

void FileDialog::goTo(const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(folder, ec);
    folder_ = (ec ? folder : absolute).lexically_normal();
    // "/a/b/" normalises to "/a/b/": drop the empty last part so that Up goes to "/a".
    if (folder_.has_parent_path() && !folder_.has_filename() && folder_ != folder_.root_path()) folder_ = folder_.parent_path();
    listing_ = listFolder(folder_, options_.extensions);
    selected_ = -1;
    copyInto(pathText_, sizeof(pathText_), folder_.string());
}

std::filesystem::path FileDialog::currentChoice() const {
    if (options_.mode == FileDialogMode::Save) {
        std::string name = nameText_;
        if (name.empty()) return {};
        if (!options_.extensions.empty() && !hasExtension(name, options_.extensions)) name += options_.extensions.front();
        return folder_ / name;
    }
    if (selected_ < 0 || static_cast<std::size_t>(selected_) >= listing_.entries.size()) return {};
    const FolderEntry& entry = listing_.entries[static_cast<std::size_t>(selected_)];
    return entry.isFolder ? std::filesystem::path() : folder_ / entry.name;
}

void FileDialog::choose(const std::filesystem::path& path) {
    std::error_code ec;
    if (options_.mode == FileDialogMode::Save && std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
        confirmReplace_ = path;
        return;
    }
    chosen_ = path;
}

void FileDialog::enterPath(const std::string& typed) {
    if (typed.empty()) return;
    std::filesystem::path path = typed;
    if (typed == "~" || typed.starts_with("~/")) path = homeFolder() / typed.substr(std::min<std::size_t>(2, typed.size()));
    if (path.is_relative()) path = folder_ / path;
    if (isFolder(path)) return goTo(path);
    if (options_.mode == FileDialogMode::Save) {
        if (isFolder(path.parent_path())) goTo(path.parent_path());
        copyInto(nameText_, sizeof(nameText_), path.filename().string());
        return choose(currentChoice());
    }
    // A file to open: chosen whether or not it is there, so that its loading names what is wrong.
    goTo(path.parent_path());
    chosen_ = path;
}

void FileDialog::drawPlaces() {
    if (ImGui::Selectable("Home")) goTo(homeFolder());
    for (const auto& [label, path] : options_.places) {
        ImGui::PushID(label.c_str());
        if (ImGui::Selectable(label.c_str())) {
            if (isFolder(path)) {
                goTo(path);
            } else {
                chosen_ = path;
            }
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", path.string().c_str());
        ImGui::PopID();
    }
    if (options_.recent.empty()) return;
    ImGui::Spacing();
    ImGui::TextDisabled("Recent");
    for (std::size_t i = 0; i < options_.recent.size(); ++i) {
        const std::filesystem::path& path = options_.recent[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(path.filename().string().c_str())) {
            if (options_.mode == FileDialogMode::Save) {
                goTo(path.parent_path());
                copyInto(nameText_, sizeof(nameText_), path.filename().string());
            } else {
                chosen_ = path;
            }
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", path.string().c_str());
        ImGui::PopID();
    }
}

void FileDialog::drawListing(float scale) {
    const float buttonsHeight = ImGui::GetFrameHeightWithSpacing() * (options_.mode == FileDialogMode::Save ? 3.0f : 2.0f);
    ImGui::BeginChild("listing", ImVec2(0.0f, 300.0f * scale - buttonsHeight), true);
    if (!listing_.error.empty()) ImGui::TextDisabled("Cannot read this folder: %s", listing_.error.c_str());
    if (listing_.error.empty() && listing_.entries.empty()) {
        ImGui::TextDisabled("No folders or %s files here.", options_.typesText.empty() ? "other" : options_.typesText.c_str());
    }
    // The keyboard moves through the list while no text field has it.
    const bool listKeys = !ImGui::GetIO().WantTextInput;
    const int count = static_cast<int>(listing_.entries.size());
    bool scrollToSelected = false;
    if (listKeys && count > 0) {
        const int before = selected_;
        if (keyPressed(ImGuiKey_DownArrow)) selected_ = std::min(selected_ + 1, count - 1);
        if (keyPressed(ImGuiKey_UpArrow)) selected_ = std::max(selected_ - 1, 0);
        scrollToSelected = selected_ != before;
    }
    std::optional<int> activated;
    for (int i = 0; i < count; ++i) {
        const FolderEntry& entry = listing_.entries[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        const std::string label = entry.isFolder ? entry.name + "/" : entry.name;
        if (entry.isFolder) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(UiColours::kFolder.r, UiColours::kFolder.g, UiColours::kFolder.b, 1.0f));
        if (ImGui::Selectable(label.c_str(), selected_ == i, ImGuiSelectableFlags_AllowDoubleClick)) {
            selected_ = i;
            if (!entry.isFolder && options_.mode == FileDialogMode::Save) copyInto(nameText_, sizeof(nameText_), entry.name);
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) activated = i;
        }
        if (entry.isFolder) ImGui::PopStyleColor();
        if (scrollToSelected && selected_ == i) ImGui::SetScrollHereY();
        ImGui::PopID();
    }
    if (listKeys && selected_ >= 0 && selected_ < count && keyPressed(ImGuiKey_Enter)) activated = selected_;
    ImGui::EndChild();
    if (activated) {
        const FolderEntry entry = listing_.entries[static_cast<std::size_t>(*activated)];
        if (entry.isFolder) {
            goTo(folder_ / entry.name);
        } else if (options_.mode == FileDialogMode::Save) {
            copyInto(nameText_, sizeof(nameText_), entry.name);
            choose(currentChoice());
        } else {
            chosen_ = folder_ / entry.name;
        }
    }
}

std::optional<std::filesystem::path> FileDialog::draw(float scale, const std::function<void()>& extra,
                                                      bool folderActionReady) {
    const char* title = options_.title.c_str();
    if (std::exchange(wantOpen_, false)) {
        ImGui::OpenPopup(title);
        open_ = true;
        focusName_ = true;
    }
    if (!open_) return std::nullopt;
    const ImGuiViewport* screen = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(screen->Pos.x + 0.5f * screen->Size.x, screen->Pos.y + 0.5f * screen->Size.y),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(760.0f * scale, screen->Size.x - 16.0f), 0.0f));
    bool stayOpen = true;
    if (!ImGui::BeginPopupModal(title, &stayOpen, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize)) {
        open_ = false;
        return std::nullopt;
    }
    // The path: Up and Home, and a field that takes a typed or pasted path (Enter goes there).
    ImGui::BeginDisabled(folder_ == folder_.root_path());
    if (ImGui::ArrowButton("up", ImGuiDir_Up) || (!ImGui::GetIO().WantTextInput && keyPressed(ImGuiKey_Backspace))) {
        if (folder_ != folder_.root_path()) goTo(folder_.parent_path());
    }
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("The folder above (Backspace)");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::InputText("##path", pathText_, sizeof(pathText_), ImGuiInputTextFlags_EnterReturnsTrue)) {
        enterPath(pathText_);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Type or paste a folder or a file, then Enter");

    ImGui::Columns(2, "places", false);
    ImGui::SetColumnWidth(0, 190.0f * scale);
    ImGui::BeginChild("places", ImVec2(0.0f, 300.0f * scale - ImGui::GetFrameHeightWithSpacing() *
                                                                     (options_.mode == FileDialogMode::Save ? 3.0f : 2.0f)));
    drawPlaces();
    ImGui::EndChild();
    ImGui::NextColumn();
    drawListing(scale);
    ImGui::Columns(1);
    if (!options_.typesText.empty()) ImGui::TextDisabled("Shows folders and %s files.", options_.typesText.c_str());

    if (options_.mode == FileDialogMode::Save) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("File name");
        ImGui::SameLine();
        if (std::exchange(focusName_, false)) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::InputText("##name", nameText_, sizeof(nameText_), ImGuiInputTextFlags_EnterReturnsTrue) &&
            nameText_[0] != '\0') {
            enterPath(nameText_);
        }
    }
    if (extra) extra();

    const std::filesystem::path choice = currentChoice();
    ImGui::BeginDisabled(choice.empty());
    if (ImGui::Button(options_.mode == FileDialogMode::Save ? "Save" : "Open", ImVec2(100.0f * scale, 0.0f))) choose(choice);
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel", ImVec2(100.0f * scale, 0.0f)) || !stayOpen ||
                        (confirmReplace_.empty() && keyPressed(ImGuiKey_Escape));
    if (!options_.folderAction.empty()) {
        ImGui::SameLine();
        ImGui::BeginDisabled(!folderActionReady);
        if (ImGui::Button(options_.folderAction.c_str())) chosen_ = folder_;
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && !options_.folderHelp.empty()) {
            ImGui::SetTooltip("%s", options_.folderHelp.c_str());
        }
    }

    if (!confirmReplace_.empty()) ImGui::OpenPopup("Replace?");
    if (ImGui::BeginPopupModal("Replace?", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::Text("%s already exists. Replace it?", confirmReplace_.filename().string().c_str());
        if (ImGui::Button("Replace")) {
            chosen_ = confirmReplace_;
            confirmReplace_.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Keep it") || keyPressed(ImGuiKey_Escape)) {
            confirmReplace_.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (chosen_ || cancel) {
        ImGui::CloseCurrentPopup();
        open_ = false;
    }
    ImGui::EndPopup();
    if (chosen_) folder_ = isFolder(chosen_->parent_path()) ? chosen_->parent_path() : folder_;
    return std::exchange(chosen_, std::nullopt);
}

}  // namespace dorsal
