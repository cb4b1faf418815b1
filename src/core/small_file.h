#pragma once
// Reading the small text files Dorsal opens (content entries, scenes, settings) so that no file can
// hang or flood it: opened without blocking, read only when it is a regular file, never past a size
// limit.

#include <cstddef>
#include <filesystem>
#include <string>

namespace dorsal {

struct SmallFileRead {
    enum class Problem { None, NotRegular, TooLarge, Unreadable };
    Problem problem = Problem::None;
    std::string text;    // the file's bytes, when problem is None
    std::string reason;  // for Unreadable: the system's words ("Permission denied")
};

// Reads `path` when it is a regular file of at most `maxBytes` bytes. A pipe, socket or device
// (even one swapped in after the caller looked) is NotRegular and never blocks; a larger file is
// TooLarge, read no further than just past the limit. Never throws.
SmallFileRead readSmallFile(const std::filesystem::path& path, std::size_t maxBytes);

}  // namespace dorsal
