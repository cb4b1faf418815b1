// libFuzzer target for the content loader (see tests/fuzz/README.md, "Content fuzzer").
//
// Each input is one content file: its first byte chooses which file of a small valid knowledge
// base it replaces (a muscle, pain pattern, technique, stretch, guide, groups.toml, regions.toml,
// safety.toml, search.toml or glossary.toml), the rest is the file. The whole knowledge base is then loaded, checked against
// a model's muscles, searched and described, and what reaches a user is held to the loader's
// promises: one-line messages without control characters, no unsafe characters in any entry,
// and a warning first on every entry when the safety information is missing.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>

#include "core/content.h"
#include "core/entry_document.h"
#include "core/search.h"
#include "core/text.h"

namespace {

using dorsal::Content;

constexpr std::string_view kTargets[] = {
    "muscles/psoas_major.toml", "pain/low_back_pain.toml", "techniques/compression.toml",
    "stretches/lunge_stretch.toml", "guides/sitting.toml", "groups.toml", "regions.toml", "safety.toml",
    "search.toml", "glossary.toml"};

std::filesystem::path& root() {
    static std::filesystem::path path;
    return path;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeFile(const std::filesystem::path& path, std::string_view text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(text.data(), static_cast<std::streamsize>(text.size()));
}

// A broken promise is a crash, which libFuzzer records with the input.
void require(bool holds, const char* promise, const std::string& detail) {
    if (holds) return;
    std::fprintf(stderr, "broken promise: %s: %s\n", promise, dorsal::printable(detail, 300).c_str());
    std::abort();
}

bool printableLine(const std::string& line) {
    return line.find('\n') == std::string::npos && !dorsal::findUnsafeCharacter(line).has_value();
}

void exercise(const Content& content) {
    for (const dorsal::ContentProblem& problem :
         dorsal::contentProblemsWithModel(content, {"psoas_major", "iliacus", "quadratus_lumborum"}, "model.glb")) {
        require(printableLine(problem.format()), "a problem is one printable line", problem.format());
    }
    for (const std::string& id : content.allIds()) {
        const std::optional<dorsal::EntryDocument> document = dorsal::describeEntry(content, id);
        require(document.has_value(), "every id describes", id);
        const std::string text = dorsal::toPlainText(*document);
        require(!dorsal::findUnsafeCharacter(text).has_value(), "an entry holds no unsafe characters", text);
        if (content.safety.failure) {
            require(!document->sections.empty() && document->sections.front().urgent,
                    "without safety information every entry opens with the warning", id);
        }
        for (const std::string& piece : {document->title, document->subtitle}) {
            for (std::string_view part : dorsal::splitIntoPieces(piece, 4096)) {
                require(part.size() <= 4096, "pieces fit", std::string(part));
            }
        }
    }
    if (!content.muscles.empty()) (void)dorsal::closestMatches(content.muscles.front().name, content.allIds(), 3);
    const dorsal::SearchIndex index(content);
    for (const char* query : {"psoas", "hip flexor", "lumbag", "test", "my lower back hurts", "deltoid", "delts"}) {
        const dorsal::SearchAnswer answer = index.search(query);
        for (const dorsal::AbsentResult& absent : answer.absent) {
            require(printableLine(absent.sentence()), "a structure not in the atlas is one printable line",
                    absent.sentence());
        }
        for (const dorsal::SearchResult& result : answer.results) {
            require(content.kindOf(result.id).has_value(), "every result is an entry", result.id);
        }
    }
    for (const std::string& id : content.allIds()) require(index.entryNamed(id) == id, "every id names its entry", id);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // A private copy of the small test content, on a RAM disk where there is one.
    const std::filesystem::path base =
        std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    root() = base / ("dorsal-fuzz-content-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root());
    std::filesystem::copy(DORSAL_TEST_DATA_DIR "/content_good", root(), std::filesystem::copy_options::recursive);
    std::atexit([] { std::filesystem::remove_all(root()); });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::filesystem::path target = root() / kTargets[data[0] % std::size(kTargets)];
    const std::string original = readFile(target);
    writeFile(target, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    exercise(dorsal::loadContent(root()));
    writeFile(target, original);
    return 0;
}
