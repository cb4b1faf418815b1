#pragma once
// RGBA8 images: PNG files in, PNG and JPEG files out, and the comparison the render tests use.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/output_file.h"

namespace dorsal {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // rows top to bottom, 4 bytes a pixel

    const std::uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

// A picture that cannot be read or written: one line naming the file and the cause.
using ImageError = FileError;

enum class ImageFormat { Png, Jpeg };

// The format a picture file's extension names, ignoring case: .png, or .jpg and .jpeg; nullopt for
// any other extension or none.
std::optional<ImageFormat> imageFormatFor(const std::filesystem::path& path);
// Why `path` cannot name a picture file, as a sentence for a message after the path: empty when
// imageFormatFor knows its extension.
std::string unsupportedImageTypeReason(const std::filesystem::path& path);

// Reads a PNG (any channel count, converted to RGBA). Throws ImageError naming the file and cause.
Image readPng(const std::filesystem::path& path);

// Throws ImageError naming `path` when a picture must not be written there: a target that is a
// folder, a device, a named pipe, a socket or a symbolic link (a link is refused rather than
// followed, so that a link planted in a shared folder cannot redirect the picture); an extension
// imageFormatFor does not know; a folder that is missing or not writable; or an existing file that
// is one of `inputs`, or inside one of them that is a folder: what the picture is made from (a
// new file inside such a folder is fine). Creates nothing.
void checkImageTarget(const std::filesystem::path& path, const std::vector<std::filesystem::path>& inputs = {});

// Writes `image` as PNG or JPEG (quality 92), as the extension of `path` says, after
// checkImageTarget(path). The bytes go to a new file of a unique name beside `path` (created
// exclusively, mode 0644 less the umask), which is flushed to disk and renamed over `path` only
// when complete: parallel writers never share it, and a failure (a full disk, a file size limit)
// leaves no partial file and the old `path` as it was. Throws ImageError naming the file and the
// system's reason.
void writeImage(const std::filesystem::path& path, const Image& image);

// The PNG or JPEG (quality 92) encoding of `image`. Throws ImageError when it cannot be encoded
// (an empty image, or one whose pixels do not match its size).
std::string encodeImage(const Image& image, ImageFormat format);

// How different two images are: the fraction (0..1) of pixels whose largest channel difference
// (RGB) exceeds `tolerance` (0..255). Images of different sizes differ completely (1.0).
double differingPixelFraction(const Image& a, const Image& b, int tolerance);

}  // namespace dorsal
