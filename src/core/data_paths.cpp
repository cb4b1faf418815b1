#include "core/data_paths.h"

#include <cstdlib>
#include <string>
#include <system_error>

namespace dorsal {

namespace {

constexpr const char* kVariable = "DORSAL_DATA_DIR";
constexpr const char* kWhatItHolds = "the folder that holds Dorsal's content, models and shaders";

bool isFolder(const std::filesystem::path& path) {
    std::error_code ignored;
    return std::filesystem::is_directory(path, ignored);
}

}  // namespace

std::filesystem::path locateDataDirectory(const std::optional<std::filesystem::path>& fromEnvironment,
                                          const std::filesystem::path& program) {
    if (fromEnvironment && !fromEnvironment->empty()) {
        if (!isFolder(*fromEnvironment)) {
            throw DataDirectoryError(std::string(kVariable) + " is \"" + fromEnvironment->string() +
                                     "\", which is not a folder; set it to " + kWhatItHolds + ", or unset it");
        }
        return *fromEnvironment;
    }
    // DORSAL_DATA_FROM_PROGRAM_DIR is the install layout's data folder relative to the program's
    // folder ("../share/dorsal"), set by CMake from GNUInstallDirs.
    const std::filesystem::path data = (program.parent_path() / DORSAL_DATA_FROM_PROGRAM_DIR).lexically_normal();
    if (!isFolder(data)) {
        throw DataDirectoryError("Dorsal's data is not at " + data.string() + " (" + DORSAL_DATA_FROM_PROGRAM_DIR +
                                 " from the program, " + program.string() + "); reinstall Dorsal, or set " + kVariable +
                                 " to " + kWhatItHolds);
    }
    return data;
}

std::filesystem::path dataDirectory() {
    const char* variable = std::getenv(kVariable);
    if (variable && *variable) return locateDataDirectory(std::filesystem::path(variable), {});
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) {
        throw DataDirectoryError("cannot tell where the dorsal program is (/proc/self/exe: " + error.message() +
                                 "); set " + kVariable + " to " + kWhatItHolds);
    }
    return locateDataDirectory(std::nullopt, program);
}

std::filesystem::path builtInContentPath() { return dataDirectory() / "content"; }

std::filesystem::path builtInModelPath() { return dataDirectory() / "models" / "dorsal-back.glb"; }
std::filesystem::path builtInBodyParts3dNamesPath() { return dataDirectory() / "anatomy" / "bodyparts3d.toml"; }

std::filesystem::path shaderDirectory() { return dataDirectory() / "shaders"; }

}  // namespace dorsal
