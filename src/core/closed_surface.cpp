#include "core/closed_surface.h"

#include <algorithm>
#include <vector>

namespace dorsal {

bool isClosedSurface(std::span<const std::uint32_t> indices) {
    if (indices.empty() || indices.size() % 3 != 0) return false;
    // The directed edges grouped by their first corner (a counting sort), each group sorted by
    // its last corner; a closed surface wound one way holds each directed edge once and, for
    // each, its reverse. Sorting the groups keeps a corner shared by a million triangles (a fan)
    // at n log n, where looking through a group for each of its edges grew with its square.
    const std::uint32_t cornerCount = *std::max_element(indices.begin(), indices.end()) + 1;
    std::vector<std::uint32_t> start(cornerCount + 1, 0);
    for (std::uint32_t corner : indices) ++start[corner + 1];
    for (std::uint32_t c = 0; c < cornerCount; ++c) start[c + 1] += start[c];
    std::vector<std::uint32_t> edgeEnd(indices.size());
    std::vector<std::uint32_t> filled(start.begin(), start.end() - 1);
    for (std::size_t t = 0; t < indices.size(); t += 3) {
        for (std::size_t k = 0; k < 3; ++k) edgeEnd[filled[indices[t + k]]++] = indices[t + (k + 1) % 3];
    }
    const auto edgesFrom = [&](std::uint32_t corner) {
        return std::span<std::uint32_t>(edgeEnd.data() + start[corner], start[corner + 1] - start[corner]);
    };
    for (std::uint32_t corner = 0; corner < cornerCount; ++corner) {
        const std::span<std::uint32_t> ends = edgesFrom(corner);
        std::sort(ends.begin(), ends.end());
        if (std::adjacent_find(ends.begin(), ends.end()) != ends.end()) return false;  // an edge twice
    }
    for (std::uint32_t from = 0; from < cornerCount; ++from) {
        for (std::uint32_t to : edgesFrom(from)) {
            const std::span<std::uint32_t> back = edgesFrom(to);
            if (!std::binary_search(back.begin(), back.end(), from)) return false;  // a border
        }
    }
    return true;
}

}  // namespace dorsal
