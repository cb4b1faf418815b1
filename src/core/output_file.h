#pragma once
// The files Dorsal writes (pictures, reports, and later scenes and settings): never through a
// link, never over what they are made from, and never half written.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dorsal {

// A file that cannot be read or written: what() is one line naming the file and the cause.
class FileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws FileError naming `path` when a file must not be written there: a target that is a folder,
// a device, a named pipe, a socket or a symbolic link (a link is refused rather than followed, so
// that a link planted in a shared folder cannot redirect the file); a folder that is missing or not
// writable; or an existing file that is one of `inputs`, or inside one of them that is a folder:
// what the file is made from (a new file inside such a folder is fine). `what` names the file in
// messages ("picture"), and `example` is a file name the message about a folder suggests
// ("picture.png"). Creates nothing.
void checkOutputTarget(const std::filesystem::path& path, const std::vector<std::filesystem::path>& inputs,
                       std::string_view what, std::string_view example);

// Replaces the file `path` with `bytes` at once: they go to a new file of a unique name beside
// `path` (created exclusively, never through a link, mode 0644 less the umask), which is flushed to
// disk and renamed over `path` only when complete. Parallel writers never share it, and a failure
// (a full disk, a file size limit) leaves no partial file and the old `path` as it was. Throws
// FileError naming the file and the system's reason.
void writeFileAtomically(const std::filesystem::path& path, const std::string& bytes);

}  // namespace dorsal
