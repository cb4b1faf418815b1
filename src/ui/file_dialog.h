#pragma once
// A file chooser in Dear ImGui, for opening and saving: a folder's contents (folders first, files
// of the types asked for), a path field that takes a typed or pasted path, Up and Home, recent
// files and other places one click away, the keyboard (arrows, Enter, Backspace, Esc), and in save
// mode a file name and a question before replacing a file. One object per use (models, pictures,
// scenes, handouts); it keeps its folder between uses.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/folder_listing.h"

namespace dorsal {

enum class FileDialogMode { Open, Save };

struct FileDialogOptions {
    std::string title;  // the dialog's title, unique among the dialogs: "Open a model"
    FileDialogMode mode = FileDialogMode::Open;
    // The file types shown, lower case with the dot (".glb"); empty shows every file. In save mode
    // a name without one of them gets the first.
    std::vector<std::string> extensions;
    std::string typesText;  // the types in words, under the list: "glTF, GLB, OBJ, STL, PLY or OFF"
    // Where it starts: a folder, or a file whose folder it opens (and, in save mode, whose name it
    // proposes). Empty or missing: the folder of the last use, else the home folder.
    std::filesystem::path start;
    std::vector<std::filesystem::path> recent;  // recent files, newest first, one click to choose
    // More places one click away, such as {"Built-in model", its path}: a file is chosen, a folder opened.
    std::vector<std::pair<std::string, std::filesystem::path>> places;
    // Open mode: when not empty, a button of this label chooses the folder shown itself (a folder
    // of BodyParts3D files to import), with `folderHelp` as its tooltip.
    std::string folderAction;
    std::string folderHelp;
};

class FileDialog {
public:
    // Opens the dialog with `options` at the next draw().
    void open(FileDialogOptions options);
    bool isOpen() const { return open_ || wantOpen_; }
    // Draws the dialog while it is open, `scale` being the interface's. `extra`, when given, draws
    // more settings above the buttons (the size of a picture); `folderActionReady` false greys out
    // the folder action while those settings are not usable (a mistyped number). Returns the chosen
    // file once, when the person accepts; nullopt otherwise, and when they cancel.
    std::optional<std::filesystem::path> draw(float scale, const std::function<void()>& extra = {},
                                              bool folderActionReady = true);

private:
    void goTo(const std::filesystem::path& folder);
    // Acts on a typed path: opens a folder, or chooses a file (in save mode: in that folder, by that name).
    void enterPath(const std::string& typed);
    // The file the dialog would choose now, or empty.
    std::filesystem::path currentChoice() const;
    // Chooses `path`, asking first in save mode when it exists.
    void choose(const std::filesystem::path& path);
    void drawPlaces();
    void drawListing(float scale);

    FileDialogOptions options_;
    bool wantOpen_ = false;
    bool open_ = false;
    std::filesystem::path folder_;
    FolderListing listing_;
    int selected_ = -1;
    char pathText_[4096] = "";
    char nameText_[1024] = "";
    bool focusName_ = false;
    std::filesystem::path confirmReplace_;  // save mode: the existing file to ask about
    std::optional<std::filesystem::path> chosen_;
};

}  // namespace dorsal
