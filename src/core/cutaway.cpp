#include "core/cutaway.h"

#include <algorithm>

#include "core/picking.h"

namespace dorsal {

namespace {

constexpr std::size_t kSamplesPerNode = 32;
// Each round makes the first layer of what covers the targets see-through; the next round finds
// what lay under it. Four layers reach the psoas from the front (skin aside).
constexpr int kMaxRounds = 4;

// For each node, the group of targets it belongs to (itself or an ancestor is a target), or -1.
std::vector<int> groupOfNodes(const Model& model, const TargetGroups& targets) {
    std::vector<int> group(model.nodes.size(), -1);
    for (std::size_t n = 0; n < model.nodes.size(); ++n) {
        for (std::size_t g = 0; g < targets.size() && group[n] < 0; ++g) {
            for (int target : targets[g]) {
                if (model.isWithin(static_cast<int>(n), target)) {
                    group[n] = static_cast<int>(g);
                    break;
                }
            }
        }
    }
    return group;
}

}  // namespace

std::vector<glm::vec3> surfaceSamples(const Model& model, int node, std::size_t count) {
    std::vector<glm::vec3> samples;
    if (node < 0 || static_cast<std::size_t>(node) >= model.nodes.size() || count == 0) return samples;
    std::size_t vertices = 0;
    for (int part : model.nodes[static_cast<std::size_t>(node)].parts) {
        vertices += model.parts[static_cast<std::size_t>(part)].positions.size();
    }
    const std::size_t step = std::max<std::size_t>(1, vertices / count);
    std::size_t index = 0;
    for (int part : model.nodes[static_cast<std::size_t>(node)].parts) {
        for (const glm::vec3& p : model.parts[static_cast<std::size_t>(part)].positions) {
            if (index++ % step == 0 && samples.size() < count) samples.push_back(p);
        }
    }
    return samples;
}

std::optional<float> depthInBody(const Model& model, const glm::vec3& eye, const glm::vec3& point) {
    const float distance = glm::distance(eye, point);
    if (distance <= 0.0f) return std::nullopt;
    const glm::vec3 direction = (point - eye) / distance;
    const auto skin = [](const Part& part) { return part.material == MaterialKind::Skin; };
    const std::optional<PickHit> entry = pickNearest(model, Ray{eye, direction}, skin);
    if (!entry || entry->distance > distance) return std::nullopt;
    // Where the line leaves the body: the nearest skin seen from beyond it, looking back.
    const float beyond = 2.0f * model.bounds.radius() + distance;
    const glm::vec3 far = eye + direction * beyond;
    const std::optional<PickHit> exit = pickNearest(model, Ray{far, -direction}, skin);
    if (!exit) return std::nullopt;
    const float exitDistance = beyond - exit->distance;
    if (exitDistance <= entry->distance) return std::nullopt;
    return (distance - entry->distance) / (exitDistance - entry->distance);
}

bool seenFrom(const Model& model, const glm::vec3& eye, const glm::vec3& point,
              const std::function<bool(const Part&)>& solid) {
    const float distance = glm::distance(eye, point);
    if (distance <= 0.0f) return true;
    const std::optional<PickHit> hit = pickNearest(model, Ray{eye, (point - eye) / distance}, solid);
    return !hit || hit->distance > distance - kSurfaceTolerance;
}

Cutaway cutawayFor(const Model& model, const TargetGroups& targets, const glm::vec3& eye,
                   const std::function<bool(int node)>& solid, const std::vector<int>& related) {
    const std::vector<int> groupOf = groupOfNodes(model, targets);
    std::vector<bool> seeThrough(model.nodes.size(), false);
    const auto drawnSolid = [&](const Part& part) {
        return part.material != MaterialKind::Skin && solid(part.node) && !seeThrough[static_cast<std::size_t>(part.node)];
    };
    std::vector<std::vector<std::vector<glm::vec3>>> samples(targets.size());
    for (std::size_t g = 0; g < targets.size(); ++g) {
        for (int node : targets[g]) samples[g].push_back(surfaceSamples(model, node, kSamplesPerNode));
    }

    for (int round = 0; round < kMaxRounds; ++round) {
        std::vector<int> found;
        for (std::size_t g = 0; g < targets.size(); ++g) {
            for (std::size_t k = 0; k < targets[g].size(); ++k) {
                for (const glm::vec3& point : samples[g][k]) {
                    const float distance = glm::distance(eye, point);
                    if (distance <= 0.0f) continue;
                    const std::optional<PickHit> hit = pickNearest(model, Ray{eye, (point - eye) / distance}, drawnSolid);
                    if (!hit || hit->distance > distance - kSurfaceTolerance) continue;
                    const int coverGroup = groupOf[static_cast<std::size_t>(hit->node)];
                    // A target covered by a more important one, or by its own group, stays behind it.
                    if (coverGroup >= 0 && coverGroup <= static_cast<int>(g)) continue;
                    found.push_back(hit->node);
                }
            }
        }
        if (found.empty()) break;
        for (int node : found) seeThrough[static_cast<std::size_t>(node)] = true;
    }

    // A related muscle seen, where it is seen at all, through the body from the wrong side.
    for (int node : related) {
        if (groupOf[static_cast<std::size_t>(node)] >= 0 || seeThrough[static_cast<std::size_t>(node)]) continue;
        int seen = 0;
        int farSide = 0;
        for (const glm::vec3& point : surfaceSamples(model, node, kSamplesPerNode)) {
            if (!seenFrom(model, eye, point, drawnSolid)) continue;
            ++seen;
            const std::optional<float> depth = depthInBody(model, eye, point);
            if (depth && *depth > kFarSide) ++farSide;
        }
        if (seen > 0 && 2 * farSide > seen) seeThrough[static_cast<std::size_t>(node)] = true;
    }

    Cutaway cutaway;
    for (std::size_t n = 0; n < seeThrough.size(); ++n) {
        if (seeThrough[n]) cutaway.seeThrough.push_back(static_cast<int>(n));
    }
    for (std::size_t g = 0; g < targets.size(); ++g) {
        std::size_t seen = 0;
        std::size_t total = 0;
        for (std::size_t k = 0; k < targets[g].size(); ++k) {
            for (const glm::vec3& point : samples[g][k]) {
                ++total;
                if (!seenFrom(model, eye, point, drawnSolid)) continue;
                // Seen only through the body from the wrong side is not seen (and not labelled).
                const std::optional<float> depth = depthInBody(model, eye, point);
                if (!depth || *depth <= kFarSide) ++seen;
            }
        }
        cutaway.seen.push_back(total ? static_cast<float>(seen) / static_cast<float>(total) : 0.0f);
    }
    return cutaway;
}

BestView bestViewFor(const Model& model, const TargetGroups& targets,
                     const std::function<glm::vec3(ViewPreset)>& eyeFrom, const std::function<bool(int node)>& solid,
                     const std::vector<glm::vec3>& preferred) {
    // The back first: on a tie, an atlas of the back shows the back.
    constexpr ViewPreset kCandidates[] = {ViewPreset::Posterior, ViewPreset::Anterior, ViewPreset::Oblique,
                                          ViewPreset::Left, ViewPreset::Right};
    // What a view is worth: how much of each group is seen, the first groups counting most; a
    // group not seen at all costs more than anything else can bring; each see-through structure
    // costs a little, since it takes context away.
    constexpr float kUnseenCost = 1.0f;
    const auto score = [&](const Cutaway& cutaway) {
        float value = 0.0f;
        float weights = 0.0f;
        float unseen = 0.0f;
        for (std::size_t g = 0; g < cutaway.seen.size(); ++g) {
            const float weight = 1.0f / static_cast<float>(g + 1);
            value += weight * cutaway.seen[g];
            weights += weight;
            if (cutaway.seen[g] == 0.0f) unseen += kUnseenCost;
        }
        return (weights > 0.0f ? value / weights : 0.0f) - unseen -
               0.004f * static_cast<float>(cutaway.seeThrough.size());
    };
    BestView best;
    float bestScore = 0.0f;
    bool first = true;
    // How much a view from where the pain is felt counts: a therapist shows the sore side, as long
    // as every main muscle can be seen from there (a muscle not seen at all costs more).
    constexpr float kPreferredWeight = 0.5f;
    const glm::vec3 centre = model.bounds.centre();
    for (ViewPreset preset : kCandidates) {
        const glm::vec3 eye = eyeFrom(preset);
        Cutaway cutaway = cutawayFor(model, targets, eye, solid);
        float value = score(cutaway);
        glm::vec3 towardsEye = eye - centre;
        towardsEye.y = 0.0f;
        float facing = 0.0f;
        for (const glm::vec3& side : preferred) {
            if (glm::length(towardsEye) > 0.0f) facing = std::max(facing, glm::dot(glm::normalize(towardsEye), side));
        }
        value += kPreferredWeight * facing;
        if (first || value > bestScore + 1e-4f) {
            best = BestView{preset, std::move(cutaway)};
            bestScore = value;
            first = false;
        }
    }
    return best;
}

}  // namespace dorsal
