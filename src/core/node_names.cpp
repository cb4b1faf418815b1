#include "core/node_names.h"

#include <cctype>
#include <set>

#include "core/bodyparts3d.h"
#include "core/text.h"
#include "core/toml_file.h"

namespace dorsal {

namespace {

// A mapping file names a few hundred nodes at most; a megabyte is far beyond any.
constexpr std::size_t kMaxMappingFileBytes = 1024 * 1024;
constexpr int kMaxMappingNesting = 16;

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string lowered(const std::string& text) {
    std::string out = text;
    for (char& c : out) c = lower(c);
    return out;
}

}  // namespace

bool globMatches(const std::string& pattern, const std::string& text) {
    // The classic greedy match with one backtrack point: the last star seen.
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t star = std::string::npos;
    std::size_t afterStar = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || lower(pattern[p]) == lower(text[t]))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            afterStar = t;
        } else if (star != std::string::npos) {
            p = star + 1;
            t = ++afterStar;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

std::optional<std::string> NodeNames::nodeFor(const std::string& name) const {
    const std::string wanted = lowered(name);
    for (const NodeNameRule& rule : rules) {
        if (!rule.pattern() && lowered(rule.match) == wanted) return rule.node;
    }
    for (const NodeNameRule& rule : rules) {
        if (rule.pattern() && globMatches(rule.match, name)) return rule.node;
    }
    return std::nullopt;
}

NodeNames loadNodeNames(const std::filesystem::path& path) {
    toml::table table;
    try {
        table = readTomlFile(path, "names file", kMaxMappingFileBytes, kMaxMappingNesting);
    } catch (const TomlFileError& error) {
        throw NodeNamesError(error.what());
    }
    auto fail = [&](const toml::node* at, const std::string& what) { throw NodeNamesError(tomlWhere(path, at) + ": " + what); };
    if (table["version"].value<long>() != 1) fail(table.get("version"), "expected version = 1 at the top");
    for (const auto& [key, value] : table) {
        if (key != "version" && key != "node") {
            fail(&value, "unknown key `" + printable(std::string(key.str()), 40) + "`; a names file holds version and [[node]] tables");
        }
    }
    NodeNames names;
    names.source = path;
    const toml::node* nodes = table.get("node");
    if (!nodes) return names;  // an empty mapping is a mapping
    const toml::array* rules = nodes->as_array();
    if (!rules) fail(nodes, "expected [[node]] tables, each with match and id");
    std::set<std::string> exact;
    for (const toml::node& entry : *rules) {
        const toml::table* rule = entry.as_table();
        if (!rule) fail(&entry, "expected a [[node]] table with match and id");
        const std::optional<std::string> match = (*rule)["match"].value<std::string>();
        const std::optional<std::string> id = (*rule)["id"].value<std::string>();
        if (!match || !id) fail(&entry, "a [[node]] needs match (a node name or pattern) and id (a Dorsal node name), both strings");
        for (const auto& [key, value] : *rule) {
            if (key != "match" && key != "id") fail(&value, "unknown key `" + printable(std::string(key.str()), 40) + "` in [[node]]; it takes match and id");
        }
        if (match->empty()) fail(&entry, "match is empty; give a node name or a pattern such as \"Left_Psoas*\"");
        if (*id != "skin" && !isDorsalNodeName(*id)) {
            fail(&entry, "id `" + printable(*id, 80) + "` is not a Dorsal node name: muscle.<id>[.L|.R], bone.<id>[.L|.R] or skin");
        }
        const int line = static_cast<int>(entry.source().begin.line);
        NodeNameRule parsed{*match, *id, line};
        if (!parsed.pattern() && !exact.insert(lowered(*match)).second) {
            fail(&entry, "the name \"" + printable(*match, 80) + "\" is matched twice");
        }
        names.rules.push_back(std::move(parsed));
    }
    return names;
}

std::size_t applyNodeNames(Model& model, const NodeNames& names) {
    std::size_t renamed = 0;
    for (Node& node : model.nodes) {
        const std::optional<std::string> dorsalName = names.nodeFor(node.name);
        if (!dorsalName || *dorsalName == node.name) continue;
        node.name = *dorsalName;
        ++renamed;
        // Parts the file gave no kind get their new name's, with its colour, as a load would.
        for (int part : node.parts) {
            Part& renamedPart = model.parts[static_cast<std::size_t>(part)];
            if (renamedPart.material == MaterialKind::Other) paintByNodeName(renamedPart, node.name);
        }
    }
    return renamed;
}

}  // namespace dorsal
