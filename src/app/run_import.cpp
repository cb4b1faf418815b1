#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "app/runs.h"
#include "core/bodyparts3d_import.h"
#include "core/data_paths.h"
#include "core/node_names.h"
#include "core/output_file.h"
#include "core/text.h"

namespace dorsal {

namespace {

// "1,234,567": counts of triangles read at a glance.
std::string grouped(std::uint64_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string megabytes(std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}

}  // namespace

int runImport(const Options& options) {
    const auto started = std::chrono::steady_clock::now();
    // Everything that can be refused is refused before the slow part.
    checkOutputTarget(options.output, {options.importFolder}, "model", "model.glb");
    const BodyParts3dNames table = loadBodyParts3dNames(builtInBodyParts3dNamesPath());
    const std::optional<NodeNames> names = options.names.empty() ? std::nullopt : std::optional(loadNodeNames(options.names));

    ImportSettings settings;
    settings.folder = options.importFolder;
    settings.budget = options.budget;
    settings.names = names ? &*names : nullptr;
    // A line each tenth of the way: a folder of two thousand files gives ten lines, not two thousand.
    std::size_t lastTenth = 0;
    const ImportProgress progress = [&](std::size_t done, std::size_t total, const std::string&) {
        const std::size_t tenth = done * 10 / total;
        if (tenth == lastTenth && done != total) return;
        lastTenth = tenth;
        std::fprintf(stderr, "dorsal import: %zu of %zu files read (%zu%%)\n", done, total, done * 100 / total);
    };
    ImportResult result;
    try {
        result = importBodyParts3d(table, settings, nullptr, progress);
    } catch (const ImportError& error) {
        std::fprintf(stderr, "dorsal: %s\n", error.what());
        return 1;
    }
    const ImportReport& report = result.report;
    for (const std::string& skipped : report.skipped) std::fprintf(stderr, "dorsal import: skipped %s\n", skipped.c_str());
    writeFileAtomically(options.output, std::string(result.glb.begin(), result.glb.end()));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::printf("imported %s into %s\n", printable(options.importFolder.string()).c_str(), printable(options.output.string()).c_str());
    std::printf("files: %zu read, %zu skipped, of %zu\n", report.filesRead, report.skipped.size(), report.filesFound);
    std::printf("structures: %zu files mapped to %zu Dorsal nodes; %zu kept under their own names\n", report.mappedFiles,
                report.mappedNodes, report.unmapped.size());
    for (const std::string& name : report.unmapped) std::printf("  unmapped: %s\n", printable(name).c_str());
    std::printf("triangles: %s read, %s written%s\n", grouped(report.trianglesBefore).c_str(), grouped(report.trianglesAfter).c_str(),
                options.budget ? (" (budget " + grouped(*options.budget) + ")").c_str() : "");
    std::printf("output: %s in %.2f s\n", megabytes(result.glb.size()).c_str(), seconds);
    return 0;
}

}  // namespace dorsal
