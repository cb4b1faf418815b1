#include "core/image.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <system_error>

#include <stb_image.h>
#include <stb_image_write.h>

namespace dorsal {

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

void writePng(const std::filesystem::path& path, const Image& image) {
    std::string bytes;
    auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    if (image.width <= 0 || image.height <= 0 ||
        !stbi_write_png_to_func(append, &bytes, image.width, image.height, 4, image.rgba.data(), image.width * 4)) {
        throw ImageError(path.string() + ": cannot encode a PNG of " + std::to_string(image.width) + "x" +
                         std::to_string(image.height) + " pixels");
    }
    std::filesystem::path temporary = path;
    temporary += ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw ImageError(path.string() + ": cannot write the file (is the folder there and writable?)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        throw ImageError(path.string() + ": cannot write the file (" + ec.message() + ")");
    }
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
