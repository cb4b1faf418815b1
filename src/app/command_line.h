#pragma once
// The command line of dorsal: one CLI11 definition drives parsing, --help and the defaults.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/atlas_state.h"
#include "core/camera.h"
#include "core/handout.h"

namespace dorsal {

enum class Command { Window, Offscreen, Bench, Check, Info, Keys, Where, Search, Handout, Settings, Import };

struct Options {
    Command command = Command::Window;
    std::filesystem::path model;   // empty: the built-in model
    std::filesystem::path output;  // the picture (PNG or JPEG) of an offscreen run, or the handout (PDF)
    std::filesystem::path report;  // with output: the JSON report of what it shows, or empty
    std::filesystem::path scene;      // --scene: the scene to open instead of what `start` says, or empty
    std::filesystem::path saveScene;  // --save-scene: where to save the scene set up, or empty
    int width = 1280;
    int height = 800;
    bool showUi = true;
    bool present = false;          // presentation mode, in the window and the picture
    ViewPreset view = ViewPreset::Posterior;
    // What is shown at start, the window and --output alike (labels: on in the window, and in a
    // picture only with --labels).
    StartView start;
    std::filesystem::path contentDir;  // empty: the built-in content
    std::string infoId;                // the entry `dorsal info` prints: an id, name or nickname
    std::string query;                 // what `dorsal search` looks for, its words joined by spaces
    bool markdown = false;             // `dorsal keys --markdown`: the README's table
    std::string place;                 // `dorsal where PLACE`: a region id, or X,Y,Z
    // `dorsal handout`: the stretches to include (nullopt: those the subject links to), the
    // therapist's note and the paper; the subject is start.select.
    std::optional<std::vector<std::string>> stretches;
    std::string note;
    PaperSize paper = PaperSize::A4;
    // --names: a file mapping other models' node names to Dorsal's (the window, --output, check and
    // import), or empty.
    std::filesystem::path names;
    // `dorsal import FORMAT DIR`: the format (bodyparts3d), the folder and the triangle budget
    // (nullopt: keep all); the model goes to `output`.
    std::string importFormat;
    std::filesystem::path importFolder;
    std::optional<std::size_t> budget;
};

// Either options to run with, or a finished answer: text for the terminal and an exit code
// (0 for --help and --version, 2 for a wrong command line).
struct ParsedCommandLine {
    std::optional<Options> options;
    int exitCode = 0;
    std::string text;
    bool textIsError = false;
};

// Parses argv. Never throws and never exits: errors come back as one line naming the problem,
// with the closest valid option suggested for an unknown one.
ParsedCommandLine parseCommandLine(int argc, const char* const* argv);

}  // namespace dorsal
