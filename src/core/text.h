#pragma once
// Small text helpers shared by the command line and search: typo distance, suggestions, and
// quoting what a user typed in a one-line message.

#include <string>
#include <string_view>
#include <vector>

namespace dorsal {

// Levenshtein distance (insertions, deletions, substitutions), ignoring ASCII case.
std::size_t editDistance(std::string_view a, std::string_view b);

// The candidates closest to `word` by edit distance, best first, at most `limit` of them, and only
// those close enough to be a plausible typo (distance at most a third of the longer word, min 2).
std::vector<std::string> closestMatches(std::string_view word, const std::vector<std::string>& candidates,
                                        std::size_t limit = 3);

// `text` made safe to show inside a one-line message: control characters and bytes that are not
// UTF-8 become \xNN, and a text longer than `maxBytes` keeps its start and end around "...".
std::string printable(std::string_view text, std::size_t maxBytes = 200);

}  // namespace dorsal
