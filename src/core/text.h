#pragma once
// Small text helpers shared by the command line, search, the content checker and the panels:
// typo distance and suggestions, characters that must not reach the screen, and pieces of text
// small enough to draw.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dorsal {

// Levenshtein distance (insertions, deletions, substitutions), ignoring ASCII case.
std::size_t editDistance(std::string_view a, std::string_view b);

// True when `a` becomes `b` in at most `limit` edits, ignoring ASCII case: as editDistance, but
// with a swap of two neighbouring characters as one edit ("bakc" for "back"), the commonest typo.
// Fast: it stops once the limit is passed and does not allocate for words of up to 64 bytes.
bool withinEditDistance(std::string_view a, std::string_view b, std::size_t limit);

// Text as search compares it: lower case (ASCII), apostrophes dropped ("lat's" is "lats"; both the
// ASCII one and U+2019), and every other run of characters that are not letters or digits turned
// into one space, with none at either end. Other UTF-8 characters are kept as they are.
std::string normaliseForSearch(std::string_view text);

// Appends `word` to `words`, after a space unless `words` is empty.
void appendWord(std::string& words, std::string_view word);

// The candidates closest to `word`, best first, at most `limit` of them, and only plausible typos:
// the whole candidate within an edit distance of a third of the longer word (at least 2), or, for a
// word of four letters or more, the start of the candidate ("psoaz" for "psoas_major") or one of
// its words (split at '_', '.', '-' and spaces) within a quarter of the word's length (at least 1).
// Whole matches rank before starts, starts before words.
std::vector<std::string> closestMatches(std::string_view word, const std::vector<std::string>& candidates,
                                        std::size_t limit = 3);

// A character that must not appear in content text, and where.
struct UnsafeCharacter {
    std::size_t offset = 0;  // in bytes from the start of the text
    char32_t codePoint = 0;  // for a byte that is not valid UTF-8, the byte's value
    bool invalidUtf8 = false;
};

// The first unsafe character of `text`: a C0 control character other than tab and line feed,
// DEL, a C1 control character (U+0080 to U+009F), a bidirectional embedding, override or isolate
// control (U+202A to U+202E, U+2066 to U+2069; they make text display in another order than it
// reads), or a byte that is not valid UTF-8. Nullopt when there is none.
std::optional<UnsafeCharacter> findUnsafeCharacter(std::string_view text);

// "U+001B (escape)", "U+202E (right-to-left override)", "the byte 0xFF (not UTF-8)": for messages.
std::string describeCharacter(const UnsafeCharacter& character);

// `text` made safe to print on one line of a terminal or panel: unsafe characters, tabs and line
// breaks are written as escapes (\n, \t, \u{202E}, \xFF), and text longer than `maxBytes` bytes is
// cut at a character boundary and ends in "...". The result holds only printable characters.
std::string printable(std::string_view text, std::size_t maxBytes = 200);

// Splits `text` into consecutive pieces of at most `maxBytes` bytes (`maxBytes` >= 4), breaking at
// the last space or line break that fits (which is dropped) and otherwise between two UTF-8
// characters, never inside one. Text that fits is one piece; empty text is no piece. The pieces
// view `text`. For drawing text through an API that can only take so much at a time.
std::vector<std::string_view> splitIntoPieces(std::string_view text, std::size_t maxBytes);

}  // namespace dorsal
