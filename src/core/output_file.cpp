#include "core/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <random>
#include <string>
#include <system_error>

#include "core/text.h"

namespace dorsal {

namespace {

// Unique names collide only if the random bits repeat; a few attempts make that moot.
constexpr int kTemporaryNameAttempts = 16;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& reason) {
    throw FileError(printable(path.string()) + ": " + reason);
}

std::string systemReason(int error) { return std::generic_category().message(error); }

[[noreturn]] void failToWrite(const std::filesystem::path& path, const std::string& reason) {
    fail(path, "cannot write the file (" + reason + ")");
}

std::filesystem::path folderOf(const std::filesystem::path& path) {
    const std::filesystem::path parent = path.parent_path();
    return parent.empty() ? std::filesystem::path(".") : parent;
}

// True when `path` names `folder` or something inside it; both must exist.
bool isWithin(const std::filesystem::path& path, const std::filesystem::path& folder) {
    std::error_code ec;
    const std::filesystem::path file = std::filesystem::canonical(path, ec);
    if (ec) return false;
    const std::filesystem::path root = std::filesystem::canonical(folder, ec);
    if (ec) return false;
    return std::mismatch(root.begin(), root.end(), file.begin(), file.end()).first == root.end();
}

// Creates a new file beside `path` that no other writer can be using, never following a symbolic
// link; returns its descriptor and sets `temporary` to its name.
int createTemporaryBeside(const std::filesystem::path& path, std::filesystem::path& temporary) {
    thread_local std::mt19937_64 random{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    int error = 0;
    for (int attempt = 0; attempt < kTemporaryNameAttempts; ++attempt) {
        std::string name = ".dorsal-" + std::to_string(::getpid()) + "-";
        for (std::uint64_t bits = random(), i = 0; i < 16; ++i, bits >>= 4) name.push_back(kHex[bits & 0xf]);
        temporary = folderOf(path) / (name + ".partial");
        const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd >= 0) return fd;
        error = errno;
        if (error != EEXIST) break;
    }
    failToWrite(path, systemReason(error));
}

// Writes all of `bytes` to `fd` and flushes them to the disk; false with errno set on failure.
bool writeAndFlush(int fd, const std::string& bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return ::fsync(fd) == 0;
}

void replaceFile(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::path temporary;
    const int fd = createTemporaryBeside(path, temporary);
    int error = 0;
    if (!writeAndFlush(fd, bytes)) error = errno;
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error == 0 && ::rename(temporary.c_str(), path.c_str()) != 0) error = errno;
    if (error != 0) {
        ::unlink(temporary.c_str());
        failToWrite(path, systemReason(error));
    }
}

}  // namespace

void checkOutputTarget(const std::filesystem::path& path, const std::vector<std::filesystem::path>& inputs,
                       std::string_view what, std::string_view example) {
    struct stat target {};
    const bool exists = ::lstat(path.c_str(), &target) == 0;
    if (!exists && errno != ENOENT) failToWrite(path, systemReason(errno));
    if (exists) {
        if (S_ISLNK(target.st_mode)) {
            fail(path, "is a symbolic link; give the file it points to (dorsal does not write through links)");
        }
        if (S_ISDIR(target.st_mode)) fail(path, "is a folder; give a file name inside it, such as " + std::string(example));
        if (S_ISCHR(target.st_mode) || S_ISBLK(target.st_mode)) fail(path, "is a device, not a file");
        if (S_ISFIFO(target.st_mode)) fail(path, "is a named pipe, not a file");
        if (!S_ISREG(target.st_mode)) fail(path, "is not a regular file");
    }
    // The new file is created in the folder and renamed there.
    const std::filesystem::path folder = folderOf(path);
    const std::string folderName = printable(folder.string());
    struct stat folderStatus {};
    if (::stat(folder.c_str(), &folderStatus) != 0) {
        failToWrite(path, errno == ENOENT ? "the folder " + folderName + " does not exist"
                                          : folderName + ": " + systemReason(errno));
    }
    if (!S_ISDIR(folderStatus.st_mode)) failToWrite(path, folderName + " is not a folder");
    if (::access(folder.c_str(), W_OK) != 0) failToWrite(path, folderName + ": " + systemReason(errno));
    if (!exists) return;
    for (const std::filesystem::path& input : inputs) {
        std::error_code ec;
        if (std::filesystem::equivalent(path, input, ec)) {
            fail(path, "is a file the " + std::string(what) + " is made from; write the " + std::string(what) + " elsewhere");
        }
        if (std::filesystem::is_directory(input, ec) && isWithin(path, input)) {
            fail(path, "is a file of " + printable(input.string()) + ", which the " + std::string(what) +
                           " is made from; write the " + std::string(what) + " elsewhere");
        }
    }
}

void writeFileAtomically(const std::filesystem::path& path, const std::string& bytes) { replaceFile(path, bytes); }

}  // namespace dorsal
