// dorsal-shape-measure: how closely the model's structures match real ones. For each BodyParts3D
// file of a folder it finds the node of the model that the structure is (by the FMA id in the file
// name and assets/anatomy/bodyparts3d.toml), puts the real structure in the model frame, and prints
// the symmetric mean surface distance and the 90th percentile distance between the two surfaces.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "core/bodyparts3d.h"
#include "core/data_paths.h"
#include "core/model.h"
#include "core/model_loader.h"
#include "core/surface_distance.h"

namespace {

using namespace dorsal;
namespace fs = std::filesystem;

// The targets: a generated muscle within 0.6 cm of the real one on average, a bone 0.3 cm.
constexpr float kMuscleTargetCm = 0.6f;
constexpr float kBoneTargetCm = 0.3f;

struct Options {
    fs::path model;
    fs::path sampleDir = DORSAL_SOURCE_DIR "/../shared/bodyparts3d-sample";
    fs::path names = DORSAL_SOURCE_DIR "/assets/anatomy/bodyparts3d.toml";
    std::size_t samples = 20000;
    bool check = false;
};

int usage(std::FILE* to) {
    std::fprintf(to,
                 "usage: dorsal-shape-measure [MODEL] [--sample DIR] [--names FILE] [--samples N] [--check]\n"
                 "  For each BodyParts3D file in DIR, the symmetric mean and 90th percentile surface distance\n"
                 "  between the model's node for that structure and the real one, in centimetres.\n"
                 "  MODEL         model to measure (default: the built-in model)\n"
                 "  --sample DIR  BodyParts3D OBJ/STL files (default: ../shared/bodyparts3d-sample of the source)\n"
                 "  --names FILE  FMA ids to nodes and the frame (default: assets/anatomy/bodyparts3d.toml)\n"
                 "  --samples N   points sampled on each surface (default 20000)\n"
                 "  --check       exit 1 when a structure misses its target (muscles %.1f cm, bones %.1f cm)\n",
                 kMuscleTargetCm, kBoneTargetCm);
    return to == stdout ? 0 : 2;
}

// All triangles of the parts drawn for `node` and below it, in one surface.
TriangleSurface surfaceOfNode(const Model& model, int node) {
    TriangleSurface s;
    for (std::size_t p = 0; p < model.parts.size(); ++p) {
        const Part& part = model.parts[p];
        if (!model.isWithin(part.node, node)) continue;
        const auto base = static_cast<std::uint32_t>(s.positions.size());
        s.positions.insert(s.positions.end(), part.positions.begin(), part.positions.end());
        for (std::uint32_t i : part.indices) s.indices.push_back(base + i);
    }
    return s;
}

int run(const Options& o) {
    const BodyParts3dNames names = loadBodyParts3dNames(o.names);
    const Model model = loadModel(o.model.empty() ? builtInModelPath() : o.model);
    if (!fs::is_directory(o.sampleDir)) {
        std::fprintf(stderr, "dorsal-shape-measure: %s: no such folder of BodyParts3D files\n", o.sampleDir.c_str());
        return 2;
    }
    // The folder's files by FMA id; reported in the names file's order, those it lacks at the end.
    std::vector<std::pair<const BodyParts3dStructure*, fs::path>> found;
    std::vector<std::string> skipped;
    for (const auto& entry : fs::directory_iterator(o.sampleDir)) {
        std::string ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!entry.is_regular_file() || (ext != ".obj" && ext != ".stl")) continue;
        const std::string fileName = entry.path().filename().string();
        const std::optional<long> fma = fmaIdOfFileName(fileName);
        const BodyParts3dStructure* structure = fma ? names.findFma(*fma) : nullptr;
        if (structure) found.emplace_back(structure, entry.path());
        else skipped.push_back(fileName + (fma ? ": its FMA id is not in the names file" : ": no FMA id in the name"));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::sort(skipped.begin(), skipped.end());
    std::printf("%-28s %-30s %8s %8s %8s\n", "structure", "node", "mean cm", "p90 cm", "target");
    int missed = 0;
    for (const auto& [structure, file] : found) {
        const int node = model.findNode(structure->node);
        const bool bone = structure->node.rfind("bone.", 0) == 0;
        const float target = bone ? kBoneTargetCm : kMuscleTargetCm;
        if (node < 0) {
            std::printf("%-28s %-30s the model has no such node\n", structure->name.c_str(), structure->node.c_str());
            ++missed;
            continue;
        }
        TriangleSurface real;
        try {
            real = surfaceOfNode(loadModel(file), 0);
        } catch (const ModelLoadError& error) {
            // One unreadable file is named and counted, and the others are still measured.
            std::printf("%-28s %-30s could not be read: %s\n", structure->name.c_str(), structure->node.c_str(), error.what());
            ++missed;
            continue;
        }
        for (glm::vec3& p : real.positions) p = names.toModelFrame(p);
        const SurfaceDistance d = measureSurfaceDistance(surfaceOfNode(model, node), real, o.samples);
        const bool met = d.mean * 100.0f < target;
        missed += met ? 0 : 1;
        std::printf("%-28s %-30s %8.2f %8.2f %5.1f %s\n", structure->name.c_str(), structure->node.c_str(), d.mean * 100.0f,
                    d.percentile90 * 100.0f, target, met ? "met" : "missed");
    }
    for (const std::string& s : skipped) std::printf("skipped %s\n", s.c_str());
    std::printf("%d of %zu structures miss their target\n", missed, found.size());
    return o.check && missed > 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool takesValue = a == "--sample" || a == "--names" || a == "--samples";
        if (a == "--help" || a == "-h") return usage(stdout);
        if (takesValue && i + 1 >= argc) {
            std::fprintf(stderr, "dorsal-shape-measure: %s needs a value\n", a.c_str());
            return 2;
        }
        if (a == "--sample") {
            o.sampleDir = argv[++i];
        } else if (a == "--names") {
            o.names = argv[++i];
        } else if (a == "--samples") {
            const long n = std::atol(argv[++i]);
            if (n < 100 || n > 10000000) {
                std::fprintf(stderr, "dorsal-shape-measure: --samples must be between 100 and 10000000\n");
                return 2;
            }
            o.samples = static_cast<std::size_t>(n);
        } else if (a == "--check") {
            o.check = true;
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "dorsal-shape-measure: unknown option `%s` (try --help)\n", a.c_str());
            return 2;
        } else if (o.model.empty()) {
            o.model = a;
        } else {
            std::fprintf(stderr, "dorsal-shape-measure: one model only (got `%s` and `%s`)\n", o.model.c_str(), a.c_str());
            return 2;
        }
    }
    try {
        return run(o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dorsal-shape-measure: %s\n", e.what());
        return 2;
    }
}
