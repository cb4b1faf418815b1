#pragma once
// A mapping file for models from other atlases (`--names FILE.toml`): which of a model's node names
// is which node of Dorsal's contract (`muscle.<id>.L`, `bone.<id>`, `skin`), so that colours,
// layers, search, picking and the content follow. For example:
//
//     version = 1
//     [[node]]
//     match = "Left_Psoas*"          # a node name, or a pattern with * and ?
//     id = "muscle.psoas_major.L"
//
// Names compare without regard to case. An exact name wins over a pattern; patterns are tried in
// the file's order.

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/model.h"

namespace dorsal {

// A bad mapping file; what() is one line naming the file (and line) and what is wrong.
class NodeNamesError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct NodeNameRule {
    std::string match;  // a node name, or a pattern when it holds * or ?
    std::string node;   // the Dorsal node name it becomes
    int line = 0;       // where the rule is in its file, for messages
    bool pattern() const { return match.find_first_of("*?") != std::string::npos; }
};

struct NodeNames {
    std::filesystem::path source;  // the file it was read from, for messages
    std::vector<NodeNameRule> rules;

    // The Dorsal node name for a node called `name`: an exact rule first, else the first pattern
    // that matches; nullopt when none does.
    std::optional<std::string> nodeFor(const std::string& name) const;
};

// Whether `text` matches the glob `pattern` (* any run of characters, ? one character), without
// regard to ASCII case. Linear in the lengths times the stars, never exponential.
bool globMatches(const std::string& pattern, const std::string& text);

// Reads a mapping file (TOML: version = 1, then [[node]] tables with match and id). Throws
// NodeNamesError, naming the file and line, for a missing, unreadable, non-regular or malformed
// file, a rule without match or id, an empty match, an id that is not a node name of DESIGN.md's
// contract, and an exact name given twice.
NodeNames loadNodeNames(const std::filesystem::path& path);

// Renames every node of `model` that `names` maps to its Dorsal name; the parts of a renamed node
// that had no kind of material (MaterialKind::Other) get the kind and palette colour of the new
// name. Returns how many nodes were renamed.
std::size_t applyNodeNames(Model& model, const NodeNames& names);

}  // namespace dorsal
