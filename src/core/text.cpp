#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <string>

namespace dorsal {

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

std::vector<std::string> closestMatches(std::string_view word, const std::vector<std::string>& candidates,
                                        std::size_t limit) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const std::string& candidate : candidates) {
        const std::size_t distance = editDistance(word, candidate);
        const std::size_t allowed = std::max<std::size_t>(2, std::max(word.size(), candidate.size()) / 3);
        if (distance <= allowed) scored.emplace_back(distance, candidate);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> result;
    for (std::size_t i = 0; i < scored.size() && i < limit; ++i) result.push_back(scored[i].second);
    return result;
}

namespace {

// The length of the well-formed UTF-8 sequence of a printable character at the start of `text`,
// or 0 for a control character, a stray byte or a malformed sequence.
std::size_t printableSequenceLength(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x20 || lead == 0x7f) return 0;
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80;  // the range of the second byte, narrowed to refuse overlong forms and surrogates
    unsigned char high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        if (lead == 0xe0) low = 0xa0;
        if (lead == 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        if (lead == 0xf0) low = 0x90;
        if (lead == 0xf4) high = 0x8f;
    } else {
        return 0;
    }
    if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xbf) return 0;
    }
    // C1 control characters (U+0080..U+009F) move the cursor like C0 ones.
    if (lead == 0xc2 && byte(1) < 0xa0) return 0;
    return length;
}

void appendEscaped(std::string_view text, std::string& out) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = printableSequenceLength(text.substr(i));
        if (length > 0) {
            out.append(text.substr(i, length));
            i += length;
            continue;
        }
        const auto byte = static_cast<unsigned char>(text[i]);
        out.append("\\x").push_back(kHex[byte >> 4]);
        out.push_back(kHex[byte & 0xf]);
        ++i;
    }
}

}  // namespace

std::string printable(std::string_view text, std::size_t maxBytes) {
    std::string out;
    if (text.size() <= maxBytes) {
        appendEscaped(text, out);
        return out;
    }
    // Cut between characters, not inside one, so that the shortened text stays readable.
    const auto isContinuation = [&](std::size_t i) { return (static_cast<unsigned char>(text[i]) & 0xc0) == 0x80; };
    std::size_t headEnd = maxBytes * 2 / 3;
    while (headEnd > 0 && isContinuation(headEnd)) --headEnd;
    std::size_t tailStart = text.size() - maxBytes / 3;
    while (tailStart < text.size() && isContinuation(tailStart)) ++tailStart;
    appendEscaped(text.substr(0, headEnd), out);
    out += "...";
    appendEscaped(text.substr(tailStart), out);
    return out;
}

}  // namespace dorsal
