#include "core/toml_file.h"

#include <optional>

#include "core/small_file.h"
#include "core/text.h"
#include "core/toml_precheck.h"

namespace dorsal {

std::string tomlWhere(const std::filesystem::path& path, const toml::node* node) {
    std::string at = printable(path.string());
    if (node) {
        at += ':';
        at += std::to_string(node->source().begin.line);
    }
    return at;
}

toml::table readTomlFile(const std::filesystem::path& path, std::string_view kind, std::size_t maxBytes, int maxNesting) {
    const std::string file = tomlWhere(path, nullptr);
    const SmallFileRead read = readSmallFile(path, maxBytes);
    switch (read.problem) {
        case SmallFileRead::Problem::None: break;
        case SmallFileRead::Problem::NotRegular: throw TomlFileError(file + ": not a regular file");
        case SmallFileRead::Problem::TooLarge:
            throw TomlFileError(file + ": larger than a " + std::string(kind) + " can be (" + std::to_string(maxBytes / (1024 * 1024)) +
                                " MiB)");
        case SmallFileRead::Problem::Unreadable: throw TomlFileError(file + ": cannot be read: " + printable(read.reason, 120));
    }
    if (read.text.find('\0') != std::string::npos) {
        throw TomlFileError(file + ": holds binary data; not a " + std::string(kind));
    }
    if (const std::optional<TomlRefusal> refusal = precheckToml(read.text, maxNesting)) {
        throw TomlFileError(file + ":" + std::to_string(refusal->line) + ": " + refusal->message);
    }
    try {
        return toml::parse(read.text, path.string());
    } catch (const toml::parse_error& e) {
        throw TomlFileError(file + ":" + std::to_string(e.source().begin.line) + ": " + printable(std::string(e.description()), 160));
    }
}

}  // namespace dorsal
