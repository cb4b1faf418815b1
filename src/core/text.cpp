#include "core/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <numeric>
#include <string>

namespace dorsal {

namespace {

// The words of an id or a node name ("muscle.psoas_major.L": muscle, psoas, major, L).
std::vector<std::string_view> wordsOf(std::string_view candidate) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= candidate.size(); ++i) {
        if (i == candidate.size() || std::string_view("_.- ").find(candidate[i]) != std::string_view::npos) {
            if (i > start) parts.push_back(candidate.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

struct Utf8Character {
    char32_t codePoint = 0;
    std::size_t length = 1;
    bool valid = true;
};

// The character starting at byte `at` of `text`; an invalid sequence is its first byte alone.
Utf8Character decodeAt(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) return {lead, 1, true};
    std::size_t length = 0;
    char32_t codePoint = 0;
    char32_t smallest = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, codePoint = lead & 0x1Fu, smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, codePoint = lead & 0x0Fu, smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, codePoint = lead & 0x07u, smallest = 0x10000;
    } else {
        return {lead, 1, false};
    }
    if (at + length > text.size()) return {lead, 1, false};
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[at + k]);
        if ((next & 0xC0) != 0x80) return {lead, 1, false};
        codePoint = (codePoint << 6) | (next & 0x3Fu);
    }
    const bool surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
    if (codePoint < smallest || codePoint > 0x10FFFF || surrogate) return {lead, 1, false};
    return {codePoint, length, true};
}

bool isUnsafe(char32_t c) {
    return (c < 0x20 && c != U'\t' && c != U'\n') || c == 0x7F || (c >= 0x80 && c <= 0x9F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string hex(char32_t value, int digits) {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%0*X", digits, static_cast<unsigned>(value));
    return buffer.data();
}

}  // namespace

std::size_t editDistance(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

bool withinEditDistance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t longer = std::max(a.size(), b.size());
    if (longer - std::min(a.size(), b.size()) > limit) return false;
    constexpr std::size_t kStackWords = 64;
    if (longer > kStackWords) return editDistance(a, b) <= limit;
    auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    // Three rows of the distances between prefixes of a and b: two back (for swaps), one back, this one.
    std::array<std::size_t, kStackWords + 1> twoBack{};
    std::array<std::size_t, kStackWords + 1> previous{};
    std::array<std::size_t, kStackWords + 1> current{};
    std::iota(previous.begin(), previous.begin() + static_cast<std::ptrdiff_t>(b.size()) + 1, std::size_t{0});
    std::size_t previousBest = 0;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        std::size_t rowBest = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
                current[j] = std::min(current[j], twoBack[j - 2] + 1);
            }
            rowBest = std::min(rowBest, current[j]);
        }
        // A row's values come from the two rows before it, never smaller than theirs: once two
        // rows in a row are past the limit, every later one is.
        if (rowBest > limit && previousBest > limit) return false;
        previousBest = rowBest;
        std::swap(twoBack, previous);
        std::swap(previous, current);
    }
    return previous[b.size()] <= limit;
}

std::string normaliseForSearch(std::string_view text) {
    constexpr std::string_view kRightSingleQuote = "\xE2\x80\x99";  // U+2019, the typographic apostrophe
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto u = static_cast<unsigned char>(text[i]);
        if (u == '\'') continue;
        if (text.substr(i, kRightSingleQuote.size()) == kRightSingleQuote) {
            i += kRightSingleQuote.size() - 1;
            continue;
        }
        if (std::isalnum(u) || u >= 0x80) {  // keep UTF-8 letters as they are
            if (space && !out.empty()) out += ' ';
            out += static_cast<char>(std::tolower(u));
            space = false;
        } else {
            space = true;
        }
    }
    return out;
}

void appendWord(std::string& words, std::string_view word) {
    if (!words.empty()) words += ' ';
    words += word;
}

std::vector<std::string> closestMatches(std::string_view word, const std::vector<std::string>& candidates,
                                        std::size_t limit) {
    // Rank: the distance, plus 1 for a match of the candidate's start and 2 for one of its words.
    constexpr std::size_t kStartPenalty = 1;
    constexpr std::size_t kWordPenalty = 2;
    const std::size_t partTypos = word.size() >= 4 ? std::max<std::size_t>(1, word.size() / 4) : 0;
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const std::string& candidate : candidates) {
        std::optional<std::size_t> rank;
        const std::size_t whole = editDistance(word, candidate);
        if (whole <= std::max<std::size_t>(2, std::max(word.size(), candidate.size()) / 3)) rank = whole;
        if (partTypos > 0 && candidate.size() > word.size()) {
            const std::size_t start = editDistance(word, std::string_view(candidate).substr(0, word.size()));
            if (start <= partTypos) rank = std::min(rank.value_or(start + kStartPenalty), start + kStartPenalty);
            for (std::string_view part : wordsOf(candidate)) {
                const std::size_t distance = editDistance(word, part);
                if (distance <= partTypos) rank = std::min(rank.value_or(distance + kWordPenalty), distance + kWordPenalty);
            }
        }
        if (rank) scored.emplace_back(*rank, candidate);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> result;
    for (std::size_t i = 0; i < scored.size() && i < limit; ++i) result.push_back(scored[i].second);
    return result;
}

std::optional<UnsafeCharacter> findUnsafeCharacter(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const Utf8Character c = decodeAt(text, at);
        if (!c.valid || isUnsafe(c.codePoint)) return UnsafeCharacter{at, c.codePoint, !c.valid};
        at += c.length;
    }
    return std::nullopt;
}

std::string describeCharacter(const UnsafeCharacter& character) {
    if (character.invalidUtf8) return "the byte 0x" + hex(character.codePoint, 2) + " (not UTF-8)";
    const char32_t c = character.codePoint;
    std::string name = "a control character";
    switch (c) {
        case 0x00: name = "null"; break;
        case 0x08: name = "backspace"; break;
        case 0x0D: name = "carriage return"; break;
        case 0x1B: name = "escape"; break;
        case 0x7F: name = "delete"; break;
        case 0x202A: name = "left-to-right embedding"; break;
        case 0x202B: name = "right-to-left embedding"; break;
        case 0x202C: name = "pop directional formatting"; break;
        case 0x202D: name = "left-to-right override"; break;
        case 0x202E: name = "right-to-left override"; break;
        case 0x2066: name = "left-to-right isolate"; break;
        case 0x2067: name = "right-to-left isolate"; break;
        case 0x2068: name = "first strong isolate"; break;
        case 0x2069: name = "pop directional isolate"; break;
        default: break;
    }
    return "U+" + hex(c, 4) + " (" + name + ")";
}

std::string printable(std::string_view text, std::size_t maxBytes) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        const Utf8Character c = decodeAt(text, at);
        std::string piece;
        if (!c.valid) {
            piece = "\\x" + hex(c.codePoint, 2);
        } else if (c.codePoint == U'\n') {
            piece = "\\n";
        } else if (c.codePoint == U'\t') {
            piece = "\\t";
        } else if (isUnsafe(c.codePoint)) {
            piece = "\\u{" + hex(c.codePoint, 4) + "}";
        } else {
            piece = text.substr(at, c.length);
        }
        if (out.size() + piece.size() > maxBytes) return out + "...";
        out += piece;
        at += c.length;
    }
    return out;
}

std::vector<std::string_view> splitIntoPieces(std::string_view text, std::size_t maxBytes) {
    std::vector<std::string_view> pieces;
    while (!text.empty()) {
        if (text.size() <= maxBytes) {
            pieces.push_back(text);
            break;
        }
        // A break at index maxBytes itself still leaves a piece of maxBytes bytes.
        const std::size_t space = text.find_last_of(" \n", maxBytes);
        if (space == 0) {
            text.remove_prefix(1);
        } else if (space != std::string_view::npos) {
            pieces.push_back(text.substr(0, space));
            text.remove_prefix(space + 1);
        } else {
            std::size_t cut = maxBytes;
            while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
            if (cut == 0) cut = maxBytes;  // not UTF-8: no boundary to respect
            pieces.push_back(text.substr(0, cut));
            text.remove_prefix(cut);
        }
    }
    return pieces;
}

}  // namespace dorsal
