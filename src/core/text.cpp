#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <numeric>

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

}  // namespace dorsal
