#include "core/bodyparts3d_import.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <system_error>

#include <meshoptimizer.h>

#include "core/data_paths.h"
#include "core/detail.h"
#include "core/glb_writer.h"
#include "core/material_palette.h"
#include "core/output_file.h"
#include "core/text.h"

namespace dorsal {

namespace {

// No structure is simplified below this many triangles: fewer make no recognisable shape.
constexpr std::size_t kMinTrianglesPerStructure = 4;
// How far meshopt_simplify may move the surface, relative to the structure's size: 1 % of a
// 40 cm latissimus is 4 mm, below what a screen shows of it.
constexpr float kSimplifyError = 0.01f;

// Rounds of shareOutBudget: each takes what the structures that stopped short of their share
// (a box keeps its 12) could not give from the others; one or two settle real folders.
constexpr int kBudgetRounds = 4;

std::string lowerExtension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// What an unmapped structure is made of, from the words of its English name ("Left anterior
// longitudinal ligament" is a ligament); Other when the name does not say.
MaterialKind kindOfStructureName(const std::string& name) {
    const std::string lower = normalisedStructureName(name);
    auto says = [&](std::initializer_list<const char*> words) {
        return std::any_of(words.begin(), words.end(), [&](const char* word) { return lower.find(word) != std::string::npos; });
    };
    if (says({"muscle", "musculus"})) return MaterialKind::Muscle;
    if (says({"ligament", "tendon", "fascia", "aponeurosis", "tract", "cartilage", "retinaculum", "membrane"})) {
        return MaterialKind::Tendon;
    }
    if (says({"bone", "vertebra", "rib", "skull", "sacrum", "coccyx", "phalanx", "sternum"})) return MaterialKind::Bone;
    if (says({"skin"})) return MaterialKind::Skin;
    return MaterialKind::Other;
}

// One node of the imported model: every file that maps to it, welded and merged.
struct Structure {
    std::string node;
    bool mapped = false;  // a node of Dorsal's contract, not the file's own name
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<std::uint32_t> indices;

    std::size_t triangles() const { return indices.size() / 3; }

    // Adds a mesh's triangles, its corners welded where they share a position (OBJ readers split
    // them at normal and texture seams, which simplification would take for holes).
    void add(const std::vector<glm::vec3>& meshPositions, const std::vector<std::uint32_t>& meshIndices) {
        std::vector<unsigned int> remap(meshPositions.size());
        const std::size_t unique = meshopt_generateVertexRemap(remap.data(), meshIndices.data(), meshIndices.size(),
                                                               meshPositions.data(), meshPositions.size(), sizeof(glm::vec3));
        const auto base = static_cast<std::uint32_t>(positions.size());
        positions.resize(base + unique);
        meshopt_remapVertexBuffer(positions.data() + base, meshPositions.data(), meshPositions.size(), sizeof(glm::vec3),
                                  remap.data());
        indices.reserve(indices.size() + meshIndices.size());
        for (std::uint32_t index : meshIndices) indices.push_back(base + remap[index]);
    }

    // Simplifies to at most `target` triangles: carefully (keeping the shape within kSimplifyError)
    // and, where that stops short of the target, sloppily, which always gets there.
    void simplify(std::size_t target) {
        if (triangles() <= target) return;
        std::vector<std::uint32_t> out(indices.size());
        std::size_t count = meshopt_simplify(out.data(), indices.data(), indices.size(), &positions[0].x, positions.size(),
                                             sizeof(glm::vec3), target * 3, kSimplifyError, 0, nullptr);
        if (count > target * 3) {
            std::vector<std::uint32_t> sloppy(indices.size());
            const std::size_t sloppyCount = meshopt_simplifySloppy(sloppy.data(), indices.data(), indices.size(), &positions[0].x,
                                                                   positions.size(), sizeof(glm::vec3), target * 3, 1.0f, nullptr);
            // Sloppy simplification can collapse a small structure to nothing; keep the careful result then.
            if (sloppyCount >= 3) {
                out.swap(sloppy);
                count = sloppyCount;
            }
        }
        out.resize(count);
        indices.swap(out);
    }

    // Drops unused vertices and computes smooth, area-weighted normals.
    void finish() {
        std::vector<glm::vec3> compact(positions.size());
        const std::size_t used = meshopt_optimizeVertexFetch(compact.data(), indices.data(), indices.size(), positions.data(),
                                                             positions.size(), sizeof(glm::vec3));
        compact.resize(used);
        positions.swap(compact);
        normals.assign(positions.size(), glm::vec3(0.0f));
        for (std::size_t i = 0; i + 2 < indices.size(); i += 3) {
            const glm::vec3& a = positions[indices[i]];
            const glm::vec3 weighted = glm::cross(positions[indices[i + 1]] - a, positions[indices[i + 2]] - a);
            for (std::size_t k = 0; k < 3; ++k) normals[indices[i + k]] += weighted;
        }
        for (glm::vec3& n : normals) {
            const float length = glm::length(n);
            n = length > 0.0f && std::isfinite(length) ? n / length : glm::vec3(0.0f, 1.0f, 0.0f);
        }
    }
};

// Simplifies `structures` to `budget` triangles in all (at least kMinTrianglesPerStructure each),
// each in proportion to its triangles. What a structure cannot give up is taken from those that
// reached their share, so that the budget holds wherever the others can give enough.
void shareOutBudget(std::vector<Structure>& structures, std::size_t budget) {
    std::vector<Structure*> reachedShare;
    for (Structure& structure : structures) reachedShare.push_back(&structure);
    std::size_t heldBack = 0;  // the triangles of those that stopped short
    for (int round = 0; round < kBudgetRounds && !reachedShare.empty(); ++round) {
        std::size_t shared = 0;
        for (const Structure* structure : reachedShare) shared += structure->triangles();
        const double share = static_cast<double>(budget - std::min(heldBack, budget)) / static_cast<double>(std::max<std::size_t>(shared, 1));
        std::vector<Structure*> stillReaching;
        for (Structure* structure : reachedShare) {
            const std::size_t target =
                std::max(static_cast<std::size_t>(static_cast<double>(structure->triangles()) * share), kMinTrianglesPerStructure);
            structure->simplify(target);
            if (structure->triangles() > target) {
                heldBack += structure->triangles();
            } else {
                stillReaching.push_back(structure);
            }
        }
        reachedShare.swap(stillReaching);
        std::size_t total = 0;
        for (const Structure& structure : structures) total += structure.triangles();
        if (total <= budget) return;
    }
}

// The files to import: OBJ and STL files of the folder (not its subfolders), in name order.
std::vector<std::filesystem::path> structureFiles(const std::filesystem::path& folder) {
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(folder, ec);
    if (!std::filesystem::exists(status)) throw ImportError(printable(folder.string()) + ": no such folder");
    if (!std::filesystem::is_directory(status)) {
        throw ImportError(printable(folder.string()) + ": not a folder; give the folder that holds the BodyParts3D OBJ or STL files");
    }
    std::vector<std::filesystem::path> files;
    std::filesystem::directory_iterator it(folder, ec);
    if (ec) throw ImportError(printable(folder.string()) + ": cannot be read: " + ec.message());
    for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
        if (ec) throw ImportError(printable(folder.string()) + ": cannot be read: " + ec.message());
        const std::string ext = lowerExtension(it->path());
        if (ext == ".obj" || ext == ".stl") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw ImportError(printable(folder.string()) + ": holds no OBJ or STL files; nothing to import");
    return files;
}

// Why a file cannot even be offered to the loader (a link loop, a folder named .obj), or "".
std::string unreadableReason(const std::filesystem::path& file) {
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(file, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) return ec.message();
    if (std::filesystem::is_directory(status)) return "is a folder, not a model file";
    return {};
}

// The node a file becomes: the table's by FMA id or name, else the --names file's, else its own name.
std::pair<std::string, bool> nodeOfFile(const BodyParts3dNames& table, const NodeNames* names, const std::string& fileName) {
    if (const BodyParts3dStructure* structure = table.findFile(fileName)) return {structure->node, true};
    const std::string own = structureNameOfFileName(fileName);
    if (names) {
        if (std::optional<std::string> node = names->nodeFor(own)) return {*node, true};
        if (std::optional<std::string> node = names->nodeFor(std::filesystem::path(fileName).stem().string())) return {*node, true};
    }
    return {own.empty() ? std::filesystem::path(fileName).stem().string() : own, false};
}

void raise(LoadControl* control, float value) {
    if (!control) return;
    float now = control->progress.load();
    while (now < value && !control->progress.compare_exchange_weak(now, value)) {
    }
}

// The palette's index for a node: Dorsal nodes by their prefix, others by the words of their name.
int materialOf(const Structure& structure) {
    const MaterialKind kind =
        structure.mapped ? materialKindFromName(structure.node) : kindOfStructureName(structure.node);
    switch (kind) {
        case MaterialKind::Muscle: return static_cast<int>(kPaletteMuscle);
        case MaterialKind::Tendon: return static_cast<int>(kPaletteTendon);
        case MaterialKind::Bone: return static_cast<int>(kPaletteBone);
        case MaterialKind::Skin: return static_cast<int>(kPaletteSkin);
        case MaterialKind::Other: break;
    }
    return static_cast<int>(kMaterialPalette.size());  // the neutral material after the palette's
}

std::vector<std::uint8_t> encodeStructures(const std::vector<Structure>& structures) {
    GlbScene scene;
    scene.generator = "dorsal import bodyparts3d";
    scene.copyright = "BodyParts3D, (c) The Database Center for Life Science, CC BY-SA 2.1 Japan";
    scene.sceneName = "bodyparts3d";
    scene.nodes.push_back({"bodyparts3d", -1, {}});
    for (const MaterialLook& look : kMaterialPalette) scene.materials.push_back({look.name, look.colour, look.roughness, look.blend});
    scene.materials.push_back({"other", {0.8f, 0.8f, 0.8f, 1.0f}, 0.6f, false});
    // Levels of detail go into the file, so that the model draws far structures coarse from its
    // first frame.
    std::vector<std::vector<DetailLevel>> levels;
    levels.reserve(structures.size());
    for (const Structure& structure : structures) {
        GlbMesh mesh;
        mesh.name = structure.node;
        mesh.material = materialOf(structure);
        mesh.positions = structure.positions;
        mesh.normals = structure.normals;
        mesh.indices = structure.indices;
        levels.push_back(detailLevelsOf(structure.positions, structure.indices));
        for (const DetailLevel& level : levels.back()) mesh.levels.push_back({level.indices, level.error});
        scene.nodes.front().children.push_back(static_cast<int>(scene.nodes.size()));
        scene.nodes.push_back({structure.node, static_cast<int>(scene.meshes.size()), {}});
        scene.meshes.push_back(mesh);
    }
    return encodeGlb(scene);
}

std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

}  // namespace

ImportResult importBodyParts3d(const BodyParts3dNames& table, const ImportSettings& settings, LoadControl* control,
                               const ImportProgress& progress) {
    const std::vector<std::filesystem::path> files = structureFiles(settings.folder);
    ImportResult result;
    ImportReport& report = result.report;
    report.filesFound = files.size();
    std::map<std::string, Structure> byNode;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (control && control->cancelled) throw ModelLoadCancelled(settings.folder);
        const std::filesystem::path& file = files[i];
        const std::string fileName = file.filename().string();
        std::string failure = unreadableReason(file);
        Model read;
        if (failure.empty()) {
            try {
                read = loadModel(file);
            } catch (const ModelLoadError& error) {
                failure = error.cause();
            }
        }
        if (!failure.empty()) {
            report.skipped.push_back(printable(fileName) + ": " + printable(failure, 200));
        } else {
            ++report.filesRead;
            const auto [node, mapped] = nodeOfFile(table, settings.names, fileName);
            Structure& structure = byNode[node];
            structure.node = node;
            structure.mapped = mapped;
            if (mapped) ++report.mappedFiles;
            for (const Part& part : read.parts) {
                std::vector<glm::vec3> positions(part.positions.size());
                std::transform(part.positions.begin(), part.positions.end(), positions.begin(),
                               [&](const glm::vec3& p) { return table.toModelFrame(p); });
                structure.add(positions, part.indices);
                report.trianglesBefore += part.triangleCount();
            }
        }
        raise(control, 0.8f * static_cast<float>(i + 1) / static_cast<float>(files.size()));
        if (progress) progress(i + 1, files.size(), fileName);
    }
    if (byNode.empty()) {
        throw ImportError(printable(settings.folder.string()) + ": none of its " + std::to_string(files.size()) +
                          " OBJ and STL files could be read; nothing to import");
    }

    // Dorsal's nodes first, then those under their own names; each group in name order.
    std::vector<Structure> structures;
    for (auto& [node, structure] : byNode) {
        if (structure.mapped) structures.push_back(std::move(structure));
    }
    report.mappedNodes = structures.size();
    for (auto& [node, structure] : byNode) {
        if (!structure.mapped) {
            report.unmapped.push_back(node);
            structures.push_back(std::move(structure));
        }
    }
    if (settings.budget) {
        if (*settings.budget < kMinTrianglesPerStructure * structures.size()) {
            throw ImportError("a budget of " + std::to_string(*settings.budget) + " triangles is too small for " +
                              std::to_string(structures.size()) + " structures; give at least " +
                              std::to_string(kMinTrianglesPerStructure * structures.size()));
        }
        shareOutBudget(structures, *settings.budget);
    }
    for (std::size_t i = 0; i < structures.size(); ++i) {
        if (control && control->cancelled) throw ModelLoadCancelled(settings.folder);
        structures[i].finish();
        report.trianglesAfter += structures[i].triangles();
        raise(control, 0.8f + 0.15f * static_cast<float>(i + 1) / static_cast<float>(structures.size()));
    }
    result.glb = encodeStructures(structures);
    return result;
}

std::optional<std::size_t> readTriangleBudget(std::string_view text) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
    return value;
}

std::filesystem::path importCachePath(const std::filesystem::path& folder, std::optional<std::size_t> budget) {
    std::filesystem::path cache;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && std::filesystem::path(xdg).is_absolute()) {
        cache = std::filesystem::path(xdg) / "dorsal";
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        cache = std::filesystem::path(home) / ".cache" / "dorsal";
    } else {
        return {};
    }
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(folder, ec).lexically_normal();
    if (!absolute.has_filename()) absolute = absolute.parent_path();
    std::string name = absolute.filename().string();
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
    }
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a(absolute.string())));
    const std::string simplified = budget ? "-" + std::to_string(*budget) + "-triangles" : "";
    return cache / "imports" / (name.substr(0, 60) + "-" + std::string(hash, 8) + simplified + ".glb");
}

Model loadModelOrImport(const std::filesystem::path& path, LoadControl* control, std::optional<std::size_t> importBudget) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) return loadModel(path, control);
    const std::filesystem::path target = importCachePath(path, importBudget);
    if (target.empty()) throw ModelLoadError(path, "cannot import: neither XDG_CACHE_HOME nor HOME says where to keep the model");
    ImportResult imported;
    try {
        const BodyParts3dNames table = loadBodyParts3dNames(builtInBodyParts3dNamesPath());
        ImportSettings settings;
        settings.folder = path;
        settings.budget = importBudget;
        imported = importBodyParts3d(table, settings, control);
        std::filesystem::create_directories(target.parent_path(), ec);
        writeFileAtomically(target, std::string(imported.glb.begin(), imported.glb.end()));
    } catch (const ModelLoadError&) {
        throw;
    } catch (const std::exception& error) {
        throw ModelLoadError(path, error.what());
    }
    // The import took the bar to 95 %; loading what it wrote takes it (which only rises) to the end.
    Model model = loadModel(target, control);
    for (const std::string& skipped : imported.report.skipped) model.warnings.push_back(printable(path.string()) + ": skipped " + skipped);
    if (!imported.report.unmapped.empty()) {
        std::string list;
        for (const std::string& name : imported.report.unmapped) list += (list.empty() ? "" : ", ") + name;
        model.warnings.push_back(printable(path.string()) + ": " + std::to_string(imported.report.unmapped.size()) +
                                 " structures not in the names table, kept under their own names: " + printable(list, 400));
    }
    return model;
}

}  // namespace dorsal
