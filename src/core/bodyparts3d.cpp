#include "core/bodyparts3d.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

#include "core/text.h"
#include "core/toml_file.h"

namespace dorsal {

namespace {

constexpr std::size_t kMaxNamesFileBytes = 4 * 1024 * 1024;
// The shipped file nests 3 levels; toml++ overflows the stack somewhere past tens of thousands.
constexpr int kMaxNamesNesting = 16;

std::string where(const std::filesystem::path& path, const toml::node* node) { return tomlWhere(path, node); }

}  // namespace

bool isDorsalNodeName(const std::string& name) {
    const bool muscle = name.rfind("muscle.", 0) == 0;
    if (!muscle && name.rfind("bone.", 0) != 0) return false;
    std::string id = name.substr(muscle ? 7 : 5);
    if (id.size() > 2 && (id.ends_with(".L") || id.ends_with(".R"))) id.resize(id.size() - 2);
    if (id.empty()) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

const BodyParts3dStructure* BodyParts3dNames::findFma(long fma) const {
    if (fma == 0) return nullptr;  // 0 stands for "no id"
    for (const auto& s : structures)
        if (s.fma == fma) return &s;
    return nullptr;
}

const BodyParts3dStructure* BodyParts3dNames::findName(const std::string& name) const {
    const std::string wanted = normalisedStructureName(name);
    if (wanted.empty()) return nullptr;
    for (const auto& s : structures)
        if (normalisedStructureName(s.name) == wanted) return &s;
    return nullptr;
}

const BodyParts3dStructure* BodyParts3dNames::findFile(const std::string& fileName) const {
    if (const std::optional<long> fma = fmaIdOfFileName(fileName)) {
        if (const BodyParts3dStructure* byId = findFma(*fma)) return byId;
    }
    return findName(structureNameOfFileName(fileName));
}

BodyParts3dNames loadBodyParts3dNames(const std::filesystem::path& path) {
    toml::table table;
    try {
        table = readTomlFile(path, "names file", kMaxNamesFileBytes, kMaxNamesNesting);
    } catch (const TomlFileError& error) {
        throw BodyParts3dNamesError(error.what());
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
    std::set<std::string> seenNames;
    for (const toml::node& entry : *structures) {
        const toml::table* s = entry.as_table();
        const std::optional<long> fma = s ? (*s)["fma"].value<long>() : std::nullopt;
        const std::optional<std::string> name = s ? (*s)["name"].value<std::string>() : std::nullopt;
        const std::optional<std::string> node = s ? (*s)["node"].value<std::string>() : std::nullopt;
        if (!name || !node) throw BodyParts3dNamesError(where(path, &entry) + ": a structure needs a name and a node (and its fma id where known)");
        if (s->contains("fma") && (!fma || *fma <= 0))
            throw BodyParts3dNamesError(where(path, &entry) + ": fma must be a positive whole number (leave it out where unknown)");
        if (!isDorsalNodeName(*node))
            throw BodyParts3dNamesError(where(path, &entry) + ": node `" + printable(*node, 80) + "` is not muscle.<id>[.L|.R] or bone.<id>[.L|.R]");
        if (fma && !seen.insert(*fma).second) throw BodyParts3dNamesError(where(path, &entry) + ": FMA " + std::to_string(*fma) + " is listed twice");
        if (!seenNames.insert(normalisedStructureName(*name)).second)
            throw BodyParts3dNamesError(where(path, &entry) + ": the name \"" + printable(*name, 80) + "\" is listed twice");
        names.structures.push_back({fma.value_or(0), *name, *node});
    }
    return names;
}

std::string normalisedStructureName(const std::string& name) {
    std::string out;
    for (char c : name) {
        const bool space = c == '_' || c == ' ' || c == '\t';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string structureNameOfFileName(const std::string& fileName) {
    std::string stem = std::filesystem::path(fileName).stem().string();
    // Drop the ids in front, each a prefix of letters and digits then '_': FJ753_, BP4583_, FMA22343_.
    for (const char* prefix : {"FJ", "BP", "FMA"}) {
        if (stem.rfind(prefix, 0) != 0) continue;
        std::size_t end = std::string(prefix).size();
        while (end < stem.size() && std::isdigit(static_cast<unsigned char>(stem[end]))) ++end;
        if (end > std::string(prefix).size() && end < stem.size() && stem[end] == '_') stem.erase(0, end + 1);
    }
    std::replace(stem.begin(), stem.end(), '_', ' ');
    return stem;
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
