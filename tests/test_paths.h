#pragma once
// Where the tests find their data, the dorsal binary and the shared anatomy sample.

#include <filesystem>

namespace dorsal::test {

inline std::filesystem::path dataDir() { return DORSAL_TEST_DATA_DIR; }
inline std::filesystem::path sourceDir() { return DORSAL_SOURCE_DIR; }
// The built-in model as this build made it (tools/modelgen writes it into the build's data folder).
inline std::filesystem::path builtInModelFile() { return DORSAL_BUILT_MODEL; }
// ../shared/bodyparts3d-sample beside the project: real anatomy, never copied into it.
inline std::filesystem::path bodyParts3dDir() { return std::filesystem::path(DORSAL_SOURCE_DIR) / ".." / "shared" / "bodyparts3d-sample"; }

// A fresh, empty folder for one test's files.
inline std::filesystem::path scratchDir(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::path(DORSAL_TEST_SCRATCH_DIR) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace dorsal::test
