#pragma once
// A cheap look at a TOML document's text before toml++ parses it, refusing what would harm the
// parser: toml++ builds and frees its tree recursively, so a table header 50,000 levels deep
// ([a.a.a...]) overflows the stack; and toml++ 3.3 reaches undefined behaviour (an "unreachable"
// branch of its whitespace test) on some non-ASCII characters where it looks for whitespace.

#include <optional>
#include <string>
#include <string_view>

namespace dorsal {

struct TomlRefusal {
    int line = 1;
    int column = 1;       // in characters, as toml++ counts them
    std::string message;  // "nested more than 32 levels deep (...)", ...: what is wrong, one line
};

// Why `toml` must not be handed to the parser, or nullopt when it may be:
// - its nesting goes deeper than `maxDepth` levels, counted as an upper bound of the depth of the
//   tree the document describes: each part of a dotted key, each array and inline table is one
//   level, each part of a table header two (an array of tables and its table);
// - a non-ASCII character stands outside strings and comments (TOML allows none there);
// - a quote stands where no string can begin: after something on its line other than = [ , { or .
//   (where toml++ does not read a string, so what follows is outside quotes);
// - in a basic string, a backslash is followed (after any spaces and line breaks) by a non-ASCII
//   character (an escape must be ASCII, and a continued line must start with an ASCII character).
// The position is that of the first such place. Strings and comments are skipped; anything else
// invalid is left to the parser. Linear in the length of the text.
std::optional<TomlRefusal> precheckToml(std::string_view toml, int maxDepth);

}  // namespace dorsal
