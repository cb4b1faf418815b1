#pragma once
// How deeply a TOML document nests, measured on its text before a parser sees it. toml++ builds
// and frees its tree recursively, so a table header 50,000 levels deep ([a.a.a...]) overflows the
// stack; a cheap look at the text refuses such a file first.

#include <optional>
#include <string_view>

namespace dorsal {

struct TextPosition {
    int line = 1;
    int column = 1;  // in characters, as toml++ counts them
};

// Where the nesting of `toml` first goes deeper than `maxDepth` levels, or nullopt when it never
// does. The depth counted is an upper bound of the depth of the tree the document describes: each
// part of a dotted key, each array and inline table is one level, and each part of a table
// header two (an array of tables and its table). Strings and comments are skipped; the text need
// not be valid TOML (what is invalid is left to the parser). Linear in the length of the text.
std::optional<TextPosition> findNestingBeyond(std::string_view toml, int maxDepth);

}  // namespace dorsal
