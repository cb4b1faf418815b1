#pragma once
// The files a person opened or saved lately (recent scenes), newest first, for a "Recent" menu.
// Kept in memory; where it is stored between runs is up to its owner.

#include <cstddef>
#include <filesystem>
#include <vector>

namespace dorsal {

class RecentFiles {
public:
    static constexpr std::size_t kMaxFiles = 10;

    // Puts `path` first (made absolute), taking it out from further down; the oldest fall off past
    // kMaxFiles.
    void add(const std::filesystem::path& path);
    // Takes `path` out, if it is there.
    void remove(const std::filesystem::path& path);
    // Newest first.
    const std::vector<std::filesystem::path>& files() const { return files_; }
    // Whether the file `path` is still there to open (a menu shows the others disabled).
    static bool available(const std::filesystem::path& path);

private:
    std::vector<std::filesystem::path> files_;
};

}  // namespace dorsal
