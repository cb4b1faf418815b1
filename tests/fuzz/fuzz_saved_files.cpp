// libFuzzer target for the files Dorsal writes and reads back (see tests/fuzz/README.md, "Saved
// files fuzzer"): scene files (.dorsal) and the settings file; the BodyParts3D names file
// (assets/anatomy/bodyparts3d.toml) read beside a model; and a --names mapping file.
//
// Each input is one file: its first byte chooses the kind (by its remainder of 4: 0 a scene,
// 1 settings, 2 BodyParts3D names, 3 a --names file), the rest is its text. What reaches a user is held to the readers' promises: the
// file is either refused with one printable line naming it, or read into a value that, written
// out again, reads back the same (so what was opened is what is saved).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include <unistd.h>

#include "core/bodyparts3d.h"
#include "core/node_names.h"
#include "core/scene.h"
#include "core/settings.h"
#include "core/text.h"

namespace {

const std::filesystem::path kSceneFile = "/fuzz/scene.dorsal";

// A broken promise is a crash, which libFuzzer records with the input.
void require(bool holds, const char* promise, const std::string& detail) {
    if (holds) return;
    std::fprintf(stderr, "broken promise: %s: %s\n", promise, dorsal::printable(detail, 300).c_str());
    std::abort();
}

void requireOneLineNaming(const std::string& message, const std::filesystem::path& file) {
    require(message.find('\n') == std::string::npos && !dorsal::findUnsafeCharacter(message).has_value(),
            "an error is one printable line", message);
    require(message.find(file.string()) != std::string::npos, "an error names the file", message);
}

void fuzzScene(std::string_view text) {
    dorsal::Scene scene;
    try {
        scene = dorsal::parseScene(text, kSceneFile);
    } catch (const dorsal::SceneError& error) {
        requireOneLineNaming(error.what(), kSceneFile);
        return;
    }
    std::string written;
    try {
        written = dorsal::sceneToToml(scene, kSceneFile);
    } catch (const dorsal::SceneError& error) {
        require(false, "a scene that was read can be written", error.what());
    }
    try {
        require(dorsal::parseScene(written, kSceneFile) == scene, "a scene written reads back the same", written);
    } catch (const dorsal::SceneError& error) {
        require(false, "a scene written reads back", std::string(error.what()) + "\n" + written);
    }
}

// Settings never fail to read: a problem is one line and the defaults stand in; what was read,
// written out again, reads back the same without a problem.
void fuzzSettings(std::string_view text) {
    const std::string name = "settings.toml";
    const dorsal::SettingsRead read = dorsal::parseSettings(text, name);
    if (!read.problem.empty()) requireOneLineNaming(read.problem, name);
    const std::string written = dorsal::settingsToToml(read.settings);
    const dorsal::SettingsRead again = dorsal::parseSettings(written, name);
    require(again.problem.empty(), "settings written read back without a problem", again.problem + "\n" + written);
    require(again.settings == read.settings, "settings written read back the same", written);
}

// A TOML file of this process's own in the temporary folder (libFuzzer may run several at once).
std::filesystem::path scratchFile(const std::string& kind) {
    return std::filesystem::temp_directory_path() / ("fuzz-" + kind + "-" + std::to_string(getpid()) + ".toml");
}

// Writes `text` to `path`, replacing it; false when it cannot be written.
bool writeWhole(const std::filesystem::path& path, std::string_view text) {
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (!out) return false;
    std::fwrite(text.data(), 1, text.size(), out);
    std::fclose(out);
    return true;
}

// A names file is refused with one line naming it, or read into structures that all name a node of
// the model's kinds, each FMA id (where a row has one) once, with a positive scale.
void fuzzBodyParts3dNames(std::string_view text) {
    static const std::filesystem::path path = scratchFile("bodyparts3d");
    if (!writeWhole(path, text)) return;
    try {
        const dorsal::BodyParts3dNames names = dorsal::loadBodyParts3dNames(path);
        require(names.scale > 0.0f, "the scale is positive", std::to_string(names.scale));
        for (const dorsal::BodyParts3dStructure& s : names.structures) {
            require(s.node.rfind("muscle.", 0) == 0 || s.node.rfind("bone.", 0) == 0, "a node of the model's kinds", s.node);
            // Rows without an id (0) match by name alone.
            require(s.fma == 0 || names.findFma(s.fma) == &s, "each FMA id once", s.node);
        }
    } catch (const dorsal::BodyParts3dNamesError& error) {
        requireOneLineNaming(error.what(), path);
    }
}

// A --names file is refused with one line naming it, or read into rules that each have a match and
// a node name of Dorsal's kinds.
void fuzzNodeNames(std::string_view text) {
    static const std::filesystem::path path = scratchFile("names");
    if (!writeWhole(path, text)) return;
    try {
        const dorsal::NodeNames names = dorsal::loadNodeNames(path);
        for (const dorsal::NodeNameRule& rule : names.rules) {
            require(!rule.match.empty(), "every rule matches something", rule.node);
            require(rule.node.rfind("muscle.", 0) == 0 || rule.node.rfind("bone.", 0) == 0 || rule.node == "skin",
                    "a node of Dorsal's kinds", rule.node);
            (void)names.nodeFor(rule.match);
        }
    } catch (const dorsal::NodeNamesError& error) {
        requireOneLineNaming(error.what(), path);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 4) {
        case 0: fuzzScene(text); break;
        case 1: fuzzSettings(text); break;
        case 2: fuzzBodyParts3dNames(text); break;
        default: fuzzNodeNames(text); break;
    }
    return 0;
}
