#include "core/bodyparts3d.h"

#include <charconv>
#include <set>

#include <toml++/toml.h>

#include "core/small_file.h"
#include "core/text.h"
#include "core/toml_precheck.h"

namespace dorsal {

namespace {

constexpr std::size_t kMaxNamesFileBytes = 4 * 1024 * 1024;
// The shipped file nests 3 levels; toml++ overflows the stack somewhere past tens of thousands.
constexpr int kMaxNamesNesting = 16;

std::string where(const std::filesystem::path& path, const toml::node* node) {
    std::string at = printable(path.string());
    if (node) {
        at += ':';
        at += std::to_string(node->source().begin.line);
    }
    return at;
}

bool isModelNodeName(const std::string& name) {
    const bool muscle = name.rfind("muscle.", 0) == 0;
    if (!muscle && name.rfind("bone.", 0) != 0) return false;
    std::string id = name.substr(muscle ? 7 : 5);
    if (id.size() > 2 && (id.ends_with(".L") || id.ends_with(".R"))) id.resize(id.size() - 2);
    if (id.empty()) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

}  // namespace

const BodyParts3dStructure* BodyParts3dNames::findFma(long fma) const {
    for (const auto& s : structures)
        if (s.fma == fma) return &s;
    return nullptr;
}

BodyParts3dNames loadBodyParts3dNames(const std::filesystem::path& path) {
    const SmallFileRead read = readSmallFile(path, kMaxNamesFileBytes);
    switch (read.problem) {
        case SmallFileRead::Problem::None: break;
        case SmallFileRead::Problem::NotRegular: throw BodyParts3dNamesError(where(path, nullptr) + ": not a regular file");
        case SmallFileRead::Problem::TooLarge: throw BodyParts3dNamesError(where(path, nullptr) + ": larger than a names file can be (4 MiB)");
        case SmallFileRead::Problem::Unreadable: throw BodyParts3dNamesError(where(path, nullptr) + ": cannot be read: " + printable(read.reason, 120));
    }
    if (read.text.find('\0') != std::string::npos) throw BodyParts3dNamesError(where(path, nullptr) + ": holds binary data; not a names file");
    if (const std::optional<TomlRefusal> refusal = precheckToml(read.text, kMaxNamesNesting)) {
        throw BodyParts3dNamesError(where(path, nullptr) + ":" + std::to_string(refusal->line) + ": " + refusal->message);
    }
    toml::table table;
    try {
        table = toml::parse(read.text, path.string());
    } catch (const toml::parse_error& e) {
        throw BodyParts3dNamesError(where(path, nullptr) + ":" + std::to_string(e.source().begin.line) + ": " +
                                    printable(std::string(e.description()), 160));
    }
    if (table["version"].value<long>() != 1) throw BodyParts3dNamesError(where(path, table.get("version")) + ": expected version = 1");
    BodyParts3dNames names;
    const toml::table* frame = table["frame"].as_table();
    if (!frame) throw BodyParts3dNamesError(where(path, nullptr) + ": expected a [frame] table with scale and offset");
    const std::optional<double> scale = (*frame)["scale"].value<double>();
    const toml::array* offset = (*frame)["offset"].as_array();
    if (!scale || !(*scale > 0.0)) throw BodyParts3dNamesError(where(path, frame) + ": [frame] needs a positive scale");
    if (!offset || offset->size() != 3) throw BodyParts3dNamesError(where(path, frame) + ": [frame] needs offset = [x, y, z]");
    names.scale = static_cast<float>(*scale);
    for (std::size_t k = 0; k < 3; ++k) {
        const std::optional<double> v = (*offset)[k].value<double>();
        if (!v) throw BodyParts3dNamesError(where(path, frame) + ": offset holds numbers only");
        names.offset[static_cast<int>(k)] = static_cast<float>(*v);
    }
    const toml::array* structures = table["structure"].as_array();
    if (!structures) throw BodyParts3dNamesError(where(path, nullptr) + ": expected [[structure]] entries");
    std::set<long> seen;
    for (const toml::node& entry : *structures) {
        const toml::table* s = entry.as_table();
        const std::optional<long> fma = s ? (*s)["fma"].value<long>() : std::nullopt;
        const std::optional<std::string> name = s ? (*s)["name"].value<std::string>() : std::nullopt;
        const std::optional<std::string> node = s ? (*s)["node"].value<std::string>() : std::nullopt;
        if (!fma || !name || !node) throw BodyParts3dNamesError(where(path, &entry) + ": a structure needs fma, name and node");
        if (!isModelNodeName(*node))
            throw BodyParts3dNamesError(where(path, &entry) + ": node `" + printable(*node, 80) + "` is not muscle.<id>[.L|.R] or bone.<id>[.L|.R]");
        if (!seen.insert(*fma).second) throw BodyParts3dNamesError(where(path, &entry) + ": FMA " + std::to_string(*fma) + " is listed twice");
        names.structures.push_back({*fma, *name, *node});
    }
    return names;
}

std::optional<long> fmaIdOfFileName(const std::string& fileName) {
    const auto at = fileName.find("FMA");
    if (at == std::string::npos) return std::nullopt;
    const char* first = fileName.data() + at + 3;
    const char* last = fileName.data() + fileName.size();
    long id = 0;
    const auto [end, error] = std::from_chars(first, last, id);
    if (error != std::errc() || end == first) return std::nullopt;
    return id;
}

}  // namespace dorsal
