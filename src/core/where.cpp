#include "core/where.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace dorsal {

namespace {

// Reasons weigh: for a muscle, each trigger point that refers pain there most, being a pain
// pattern's main muscle less, one it also names less again. A pain pattern felt there scores per
// region it names, and far more where it is mainly felt (the first region it lists): the pattern
// named for a place is the first answer for it.
constexpr double kTriggerPointScore = 1.0;
constexpr double kPrimaryMuscleScore = 0.6;
constexpr double kSecondaryMuscleScore = 0.3;
constexpr double kFeltInScore = 2.0;
constexpr double kMainlyFeltScore = 2.0;

glm::vec3 mirrored(glm::vec3 p) {
    p.x = -p.x;
    return p;
}

// How deep `point` lies in `shape`, in the shape's own scale: 0 at its centre, 1 on its surface.
float depthIn(const Ellipsoid& shape, const glm::vec3& point) {
    const glm::vec3 q = (point - shape.centre) / shape.radii;
    return glm::dot(q, q);
}

std::string lowerFirst(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

struct Candidate {
    double score = 0.0;
    std::vector<std::string> reasons;  // best first
};

}  // namespace

std::optional<RegionOnSide> regionAt(const Content& content, const glm::vec3& point) {
    std::optional<RegionOnSide> best;
    float bestDepth = 1.0f;
    for (const Region& region : content.regions) {
        for (const Ellipsoid& shape : region.shapes) {
            const bool bothSides = region.side == "both";
            const float left = depthIn(shape, point);
            const float right = bothSides ? depthIn(shape, mirrored(point)) : 2.0f;
            const float depth = std::min(left, right);
            if (depth > bestDepth) continue;
            bestDepth = depth;
            best = RegionOnSide{region.id, !bothSides ? "midline" : left <= right ? "left" : "right"};
        }
    }
    return best;
}

std::string regionOnSideName(const Content& content, const RegionOnSide& region) {
    const std::string name = content.nameOf(region.id);
    return region.side == "midline" ? name : name + " (" + region.side + " side)";
}

std::vector<Ellipsoid> shapesOf(const Content& content, const RegionOnSide& region) {
    std::vector<Ellipsoid> shapes;
    if (const Region* found = content.region(region.id)) {
        for (const Ellipsoid& shape : found->shapes) {
            shapes.push_back(region.side == "right" ? Ellipsoid{mirrored(shape.centre), shape.radii} : shape);
        }
    }
    return shapes;
}

std::vector<WhereResult> whatHurtsIn(const Content& content, const std::vector<std::string>& regions) {
    const auto named = [&](const std::vector<std::string>& list, const std::string& id) {
        return std::find(list.begin(), list.end(), id) != list.end();
    };
    std::map<std::string, Candidate> pains;
    std::map<std::string, Candidate> muscles;
    for (const std::string& region : regions) {
        if (!content.region(region)) continue;
        const std::string where = lowerFirst(content.nameOf(region));
        for (const PainPattern& pain : content.pains) {
            if (!named(pain.feltIn, region)) continue;
            Candidate& candidate = pains[pain.id];
            const bool mainly = pain.feltIn.front() == region;
            candidate.score += kFeltInScore + (mainly ? kMainlyFeltScore : 0.0);
            candidate.reasons.push_back((mainly ? "felt mainly in the " : "felt in the ") + where);
            for (const auto& [list, score, role] :
                 {std::tuple{&pain.primaryMuscles, kPrimaryMuscleScore, "a main muscle of "},
                  std::tuple{&pain.secondaryMuscles, kSecondaryMuscleScore, "a muscle often involved in "}}) {
                for (const std::string& muscle : *list) {
                    Candidate& m = muscles[muscle];
                    m.score += score;
                    m.reasons.push_back(role + lowerFirst(pain.name));
                }
            }
        }
        for (const Muscle& muscle : content.muscles) {
            std::vector<std::string> numbers;
            for (std::size_t i = 0; i < muscle.triggerPoints.size(); ++i) {
                if (named(muscle.triggerPoints[i].referralRegions, region)) numbers.push_back(std::to_string(i + 1));
            }
            if (numbers.empty()) continue;
            Candidate& m = muscles[muscle.id];
            m.score += kTriggerPointScore * static_cast<double>(numbers.size());
            std::string list = numbers.front();
            for (std::size_t i = 1; i < numbers.size(); ++i) list += (i + 1 == numbers.size() ? " and " : ", ") + numbers[i];
            // Trigger points first among the reasons: they say most about this place.
            m.reasons.insert(m.reasons.begin(), numbers.size() == 1
                                                    ? "its trigger point " + list + " sends pain to the " + where
                                                    : "its trigger points " + list + " send pain to the " + where);
        }
    }
    std::vector<WhereResult> results;
    const auto add = [&](const std::map<std::string, Candidate>& candidates, EntryKind kind) {
        for (const auto& [id, candidate] : candidates) {
            if (!content.kindOf(id)) continue;
            // One line: the two strongest reasons, without repeating one.
            std::vector<std::string> reasons;
            for (const std::string& reason : candidate.reasons) {
                if (reasons.size() < 2 && std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
                    reasons.push_back(reason);
                }
            }
            std::string why = reasons.empty() ? "" : reasons[0];
            if (reasons.size() > 1) why += "; " + reasons[1];
            results.push_back({id, kind, candidate.score, why});
        }
    };
    add(pains, EntryKind::Pain);
    add(muscles, EntryKind::Muscle);
    std::stable_sort(results.begin(), results.end(), [&](const WhereResult& a, const WhereResult& b) {
        if (a.score != b.score) return a.score > b.score;
        return content.nameOf(a.id) < content.nameOf(b.id);
    });
    return results;
}

}  // namespace dorsal
