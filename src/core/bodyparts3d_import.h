#pragma once
// Importing BodyParts3D: a folder of its OBJ or STL files (one structure a file, millimetres, Z up,
// +Y posterior, FMA ids in the names) becomes one glb that Dorsal opens like its built-in model.
// Each structure is named by the project's names table (assets/anatomy/bodyparts3d.toml) as a node
// of DESIGN.md's contract, parts of one muscle merged into one node; what the table does not know
// keeps its own English name. Everything is put in the model frame, given the palette's materials,
// and optionally decimated to a triangle budget.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/bodyparts3d.h"
#include "core/model.h"
#include "core/model_loader.h"
#include "core/node_names.h"

namespace dorsal {

// An import that cannot give a model: what() is one line saying why (no such folder, nothing
// usable in it, a budget too small).
class ImportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A triangle budget as a person types it, on the command line or in the window: a whole number
// above 0, digits only. Returns nullopt for anything else (empty, 0, a sign, a letter, too big).
std::optional<std::size_t> readTriangleBudget(std::string_view text);

struct ImportSettings {
    std::filesystem::path folder;         // the BodyParts3D files (not its subfolders)
    std::optional<std::size_t> budget;    // the most triangles the model may have; nullopt keeps all
    const NodeNames* names = nullptr;     // a --names file, tried for structures the table lacks
};

struct ImportReport {
    std::size_t filesFound = 0;            // OBJ and STL files in the folder
    std::size_t filesRead = 0;
    std::vector<std::string> skipped;      // one line per file left out: "<file>: <why>"
    std::size_t mappedFiles = 0;           // files that became (part of) a Dorsal node
    std::size_t mappedNodes = 0;           // Dorsal nodes made, merged parts counted once
    std::vector<std::string> unmapped;     // structures kept under their own names, sorted
    std::uint64_t trianglesBefore = 0;     // as read
    std::uint64_t trianglesAfter = 0;      // as written
};

struct ImportResult {
    std::vector<std::uint8_t> glb;
    ImportReport report;
};

// Called after each file with how many of `total` are done and the file's name, for progress.
using ImportProgress = std::function<void(std::size_t done, std::size_t total, const std::string& file)>;

// Imports `settings.folder` with the names table `table`. Files are read in name order; a file that
// cannot be read (missing, a pipe, a link loop, empty, truncated, junk, all NaN ...) is named in
// report.skipped and the import goes on. With a budget, each structure gets a share in proportion to
// its triangles and is simplified to it (meshoptimizer; sloppier where the careful way stops short).
// Progress and cancelling go through `control` (progress rises to 0.95: the rest is for loading
// what was written), and `progress` is told of each file. Throws ImportError when the folder is missing or not a folder, holds no OBJ or STL file, when
// no file is usable, or when the budget is less than 4 triangles a structure; ModelLoadCancelled
// when `control` is cancelled.
ImportResult importBodyParts3d(const BodyParts3dNames& table, const ImportSettings& settings, LoadControl* control = nullptr,
                               const ImportProgress& progress = {});

// Where the window keeps the model it imports from `folder`, simplified to `budget` triangles when
// given: $XDG_CACHE_HOME/dorsal/imports/<folder name>-<hash of its path>[-<budget>-triangles].glb
// (~/.cache when XDG_CACHE_HOME is unset or relative), so that a whole import and a simplified
// one of the same folder are two models. Empty when neither variable gives a folder.
std::filesystem::path importCachePath(const std::filesystem::path& folder, std::optional<std::size_t> budget = std::nullopt);

// What the window's background load runs: a model file is loaded (loadModel; `importBudget` does
// not apply); a folder is imported with the built-in names table, simplified to `importBudget`
// triangles when given, into importCachePath (written atomically) and that file loaded.
// Throws ModelLoadError naming the file or folder, ModelLoadCancelled when cancelled.
Model loadModelOrImport(const std::filesystem::path& path, LoadControl* control,
                        std::optional<std::size_t> importBudget = std::nullopt);

}  // namespace dorsal
