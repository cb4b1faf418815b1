// libFuzzer target for model loading: each input becomes a model file that loadModel reads. The
// first byte picks the file's extension, so that every reader Dorsal allows gets fuzzed; the rest
// is the file. Anything but a model or a ModelLoadError (a crash, a sanitizer report, another
// exception, a hang past -timeout, memory past -rss_limit_mb) is a finding. See README.md here.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "core/model_loader.h"

namespace {

constexpr const char* kExtensions[] = {".glb", ".gltf", ".obj", ".stl", ".ply", ".off"};

// A folder of this process's own: libFuzzer's -jobs run several processes at once.
const std::filesystem::path& scratchFolder() {
    static const std::filesystem::path folder = [] {
        const std::filesystem::path made =
            std::filesystem::temp_directory_path() / ("dorsal-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(made);
        return made;
    }();
    return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::filesystem::path path =
        scratchFolder() / (std::string("model") + kExtensions[data[0] % std::size(kExtensions)]);
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    try {
        dorsal::loadModel(path);
    } catch (const dorsal::ModelLoadError&) {
        // The expected way for a broken file to end.
    }
    return 0;
}
