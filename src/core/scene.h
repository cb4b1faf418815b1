#pragma once
// A scene: what is on screen, saved to a `.dorsal` file and opened again exactly. The file is a
// small TOML document (format = "dorsal-scene", version = 1) that names structures and entries by
// their names and ids, never by node numbers, so that a scene survives a regenerated model.

#include <array>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "core/view_state.h"
#include "core/where.h"

namespace dorsal {

// A note pinned to the body's surface ("tender here", "pain 6/10").
struct Pin {
    std::string node;         // the structure it sits on, by node name
    glm::vec3 point{0.0f};    // on its surface, in the model frame (metres)
    glm::vec3 normal{0.0f, 0.0f, 1.0f};  // the surface's outward normal there, unit length
    std::string note;

    bool operator==(const Pin&) const = default;
};

// The longest note a pin takes, in bytes: a short note, not a report.
inline constexpr std::size_t kMaxPinNoteBytes = 120;

// Why `note` cannot be a pin's note ("is 130 bytes long; a pin's note takes at most 120", "contains
// U+001B (escape) at byte 3"), or "" when it can. Line breaks and tabs are refused too: a note is
// one line.
std::string pinNoteProblem(std::string_view note);

// The camera as OrbitCamera holds it.
struct SceneCamera {
    glm::vec3 target{0.0f};
    float yaw = 0.0f;
    float pitch = 0.0f;
    float distance = 1.0f;

    bool operator==(const SceneCamera&) const = default;
};

struct Scene {
    // The model: empty for the built-in one, otherwise an absolute path.
    std::filesystem::path model;
    SceneCamera camera;
    // What is on show (the history's current item): the open entry, and the structures clicked
    // (node names; nullopt when the entry decides what lights up).
    std::optional<std::string> entry;
    std::optional<std::vector<std::string>> selected;
    // How it is shown.
    std::array<bool, kPeelableStrata> strataShown{true, true, true, true, true};
    SideShown side = SideShown::Both;
    bool xray = false;
    bool cutaway = true;
    bool painMap = true;
    bool dim = false;
    bool labels = true;
    bool isolate = false;
    std::vector<std::string> hidden;  // node names
    // "Where does it hurt?": on or off, and the regions marked.
    bool whereMode = false;
    std::vector<RegionOnSide> marked;
    std::vector<Pin> pins;

    bool operator==(const Scene&) const = default;
};

inline constexpr int kSceneVersion = 1;
inline constexpr std::string_view kSceneExtension = ".dorsal";
// A scene file is a few kilobytes; one larger than this is not a scene.
inline constexpr std::size_t kMaxSceneFileBytes = 1024 * 1024;

// A scene file that cannot be read: what() is one line naming the file and what is wrong.
class SceneError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The TOML text of `scene`, to be saved at `file`: the model's path is written relative to the
// scene's folder when the model lies in it, absolute otherwise, and "built-in" for the built-in
// model. Throws SceneError for a number that is not finite (no state holds one).
std::string sceneToToml(const Scene& scene, const std::filesystem::path& file);

// Reads the scene in `text`, which was read from `file` (for messages, and the folder a relative
// model path starts from). Throws SceneError, naming the file, for a syntax error, nesting deeper
// than a scene has, a missing or wrongly typed field, an unknown key, a number that is not finite,
// a wrong format marker, or a version newer than kSceneVersion.
Scene parseScene(std::string_view text, const std::filesystem::path& file);

// Reads the scene file `file`. Throws SceneError, naming the file, for one that is missing, not a
// regular file (a folder, a pipe: never opened, so it cannot block), larger than
// kMaxSceneFileBytes, empty, or refused by parseScene.
Scene readSceneFile(const std::filesystem::path& file);

// Writes `scene` to `file` atomically (writeFileAtomically). Throws FileError naming the file.
void writeSceneFile(const std::filesystem::path& file, const Scene& scene);

// Whether `path` names a scene file by its extension (.dorsal, any case).
bool isSceneFileName(const std::filesystem::path& path);

}  // namespace dorsal
