#pragma once
// Where Dorsal finds its data: the built-in content, the built-in model and the shaders.
//
// One rule serves an installed copy, a moved one and the build tree alike:
//   1. the folder DORSAL_DATA_DIR names, when that variable is set and not empty;
//   2. otherwise share/dorsal beside the program's folder (<program>/../share/dorsal with the
//      default install layout), the program being found through /proc/self/exe.
// The build tree mirrors an installation (build/bin/dorsal beside build/share/dorsal, whose folders
// link into the source tree), so no path of the source tree is compiled into the program.

#include <filesystem>
#include <optional>
#include <stdexcept>

namespace dorsal {

// The data folder is missing or unusable. what() is one line naming where Dorsal looked and how
// to fix it.
class DataDirectoryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The rule above as a pure function: `fromEnvironment` is DORSAL_DATA_DIR's value (nullopt or empty:
// unset) and `program` the running program's file (only used when the variable is unset).
// Returns the data folder, which exists.
// Throws DataDirectoryError when the folder chosen is not a folder.
std::filesystem::path locateDataDirectory(const std::optional<std::filesystem::path>& fromEnvironment,
                                          const std::filesystem::path& program);

// The data folder of this process, by the rule above. Throws DataDirectoryError when it is missing
// or when the program's own path cannot be read.
std::filesystem::path dataDirectory();

// The folders and files in the data folder; each throws DataDirectoryError as dataDirectory() does.
std::filesystem::path builtInContentPath();  // <data>/content, the knowledge base shipped with Dorsal
std::filesystem::path builtInModelPath();    // <data>/models/dorsal-back.glb, the model opened by default
std::filesystem::path shaderDirectory();     // <data>/shaders, the GLSL sources the renderer builds
// <data>/anatomy/bodyparts3d.toml: BodyParts3D structures to model nodes, for importing them
std::filesystem::path builtInBodyParts3dNamesPath();

}  // namespace dorsal
