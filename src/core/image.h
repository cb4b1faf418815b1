#pragma once
// RGBA8 images: PNG files in and out, and the comparison the render tests use.

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace dorsal {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // rows top to bottom, 4 bytes a pixel

    const std::uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

class ImageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads a PNG (any channel count, converted to RGBA). Throws ImageError naming the file and cause.
Image readPng(const std::filesystem::path& path);
// Writes `image` as PNG atomically: a temporary file beside it is renamed over `path` only when
// complete, so a crash never leaves half a file. Throws ImageError naming the file and cause.
void writePng(const std::filesystem::path& path, const Image& image);

// How different two images are: the fraction (0..1) of pixels whose largest channel difference
// (RGB) exceeds `tolerance` (0..255). Images of different sizes differ completely (1.0).
double differingPixelFraction(const Image& a, const Image& b, int tolerance);

}  // namespace dorsal
