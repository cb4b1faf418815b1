#include "core/image.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <random>
#include <string>
#include <system_error>

#include <stb_image.h>
#include <stb_image_write.h>

#include "core/text.h"

namespace dorsal {

namespace {

constexpr int kJpegQuality = 92;
// Unique names collide only if the random bits repeat; a few attempts make that moot.
constexpr int kTemporaryNameAttempts = 16;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& reason) {
    throw ImageError(printable(path.string()) + ": " + reason);
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

std::string encode(const std::filesystem::path& path, const Image& image, ImageFormat format) {
    std::string bytes;
    auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    const bool sized = image.width > 0 && image.height > 0 &&
                       image.rgba.size() == static_cast<std::size_t>(image.width) * image.height * 4;
    // JPEG has no alpha: stb drops the fourth channel.
    const bool encoded =
        sized && (format == ImageFormat::Png ? stbi_write_png_to_func(append, &bytes, image.width, image.height, 4,
                                                                      image.rgba.data(), image.width * 4)
                                             : stbi_write_jpg_to_func(append, &bytes, image.width, image.height, 4,
                                                                      image.rgba.data(), kJpegQuality));
    if (!encoded) {
        fail(path, std::string("cannot encode ") + (format == ImageFormat::Png ? "a PNG" : "a JPEG") + " of " +
                       std::to_string(image.width) + "x" + std::to_string(image.height) + " pixels");
    }
    return bytes;
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

// Replaces the file `path` with `bytes` all at once, as writeImage describes.
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

std::optional<ImageFormat> imageFormatFor(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".png") return ImageFormat::Png;
    if (extension == ".jpg" || extension == ".jpeg") return ImageFormat::Jpeg;
    return std::nullopt;
}

std::string unsupportedImageTypeReason(const std::filesystem::path& path) {
    if (imageFormatFor(path)) return {};
    const std::string extension = path.extension().string();
    return (extension.empty() ? std::string("no picture type in the name")
                              : "unsupported picture type \"" + printable(extension) + "\"") +
           "; end it in .png, .jpg or .jpeg";
}

Image readPng(const std::filesystem::path& path) {
    int width = 0;
    int height = 0;
    int channels = 0;
    stbi_uc* data = stbi_load(path.c_str(), &width, &height, &channels, 4);
    if (!data) {
        const char* reason = stbi_failure_reason();
        throw ImageError(path.string() + ": cannot read image (" + (reason ? reason : "unknown error") + ")");
    }
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.assign(data, data + static_cast<std::size_t>(width) * height * 4);
    stbi_image_free(data);
    return image;
}

void checkImageTarget(const std::filesystem::path& path, const std::vector<std::filesystem::path>& inputs) {
    struct stat target {};
    const bool exists = ::lstat(path.c_str(), &target) == 0;
    if (!exists && errno != ENOENT) failToWrite(path, systemReason(errno));
    if (exists) {
        if (S_ISLNK(target.st_mode)) {
            fail(path, "is a symbolic link; give the file it points to (dorsal does not write through links)");
        }
        if (S_ISDIR(target.st_mode)) fail(path, "is a folder; give a file name inside it, such as picture.png");
        if (S_ISCHR(target.st_mode) || S_ISBLK(target.st_mode)) fail(path, "is a device, not a file");
        if (S_ISFIFO(target.st_mode)) fail(path, "is a named pipe, not a file");
        if (!S_ISREG(target.st_mode)) fail(path, "is not a regular file");
    }
    if (const std::string reason = unsupportedImageTypeReason(path); !reason.empty()) fail(path, reason);
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
            fail(path, "is a file the picture is made from; write the picture elsewhere");
        }
        if (std::filesystem::is_directory(input, ec) && isWithin(path, input)) {
            fail(path, "is a file of " + printable(input.string()) +
                           ", which the picture is made from; write the picture elsewhere");
        }
    }
}

void writeImage(const std::filesystem::path& path, const Image& image) {
    checkImageTarget(path);
    replaceFile(path, encode(path, image, *imageFormatFor(path)));
}

double differingPixelFraction(const Image& a, const Image& b, int tolerance) {
    if (a.width != b.width || a.height != b.height || a.width == 0 || a.height == 0) return 1.0;
    std::size_t differing = 0;
    const std::size_t count = static_cast<std::size_t>(a.width) * a.height;
    for (std::size_t i = 0; i < count; ++i) {
        int largest = 0;
        for (int c = 0; c < 3; ++c) largest = std::max(largest, std::abs(a.rgba[i * 4 + c] - b.rgba[i * 4 + c]));
        if (largest > tolerance) ++differing;
    }
    return static_cast<double>(differing) / static_cast<double>(count);
}

}  // namespace dorsal
