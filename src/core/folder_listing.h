#pragma once
// What a file dialog lists of a folder: its folders first, then the files of the types asked for,
// each group sorted by name as a person reads it, hidden files left out. No ImGui, so it is tested
// on its own.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dorsal {

struct FolderEntry {
    std::string name;  // the file name, as stored
    bool isFolder = false;

    bool operator==(const FolderEntry&) const = default;
};

struct FolderListing {
    std::vector<FolderEntry> entries;
    std::string error;  // why the folder could not be read ("Permission denied"), or empty
};

// Whether `name` ends in one of `extensions` (".glb", lower case), ignoring case; true for any
// name when `extensions` is empty.
bool hasExtension(std::string_view name, const std::vector<std::string>& extensions);

// The folders and the files with one of `extensions` (all files when empty) in `folder`: names
// starting with "." left out, folders first, each group in case-insensitive order with numbers
// in number order ("part 2" before "part 10"). A symbolic link counts as what it points at; a
// broken one, a device, a pipe or a socket is left out. Never throws: an unreadable folder gives
// an empty list and the reason.
FolderListing listFolder(const std::filesystem::path& folder, const std::vector<std::string>& extensions);

// Compares names as a person sorts them: case-insensitively, runs of digits by their value.
bool naturalLess(std::string_view a, std::string_view b);

}  // namespace dorsal
