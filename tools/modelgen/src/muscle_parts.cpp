// Small shared helpers of the muscle builders (see muscle_parts.hpp).
#include "muscle_parts.hpp"

#include <glm/geometric.hpp>

#include <cmath>

namespace dorsal::modelgen {

using glm::vec3;

// A point given as a landmark name ("rib_7.angle" means the left one when `.L` exists), or a blend
// "a|b|t" (the point t of the way from a to b).
vec3 P(const Builder& b, const std::string& spec) {
    const auto bar = spec.find('|');
    if (bar != std::string::npos) {
        const auto bar2 = spec.find('|', bar + 1);
        const vec3 a = P(b, spec.substr(0, bar));
        const vec3 c = P(b, spec.substr(bar + 1, bar2 - bar - 1));
        const float t = std::stof(spec.substr(bar2 + 1));
        return glm::mix(a, c, t);
    }
    if (b.L.has(spec + ".L")) return b.left(spec);
    return b.lm(spec);
}

std::string vt(int i) { return "vertebra_t" + std::to_string(i); }

std::string vl(int i) { return "vertebra_l" + std::to_string(i); }

std::string vc(int i) { return "vertebra_c" + std::to_string(i); }

// A spinous tip just off the midline on the left (where a left muscle arises).
vec3 spine_tip(const Builder& b, const std::string& v, float x) {
    vec3 p = b.lm(v + ".spinous_tip");
    p.x = x;
    return p;
}

// Fibres from cross curves: cross[k] runs across the fibres at stage k (origin line, middle lines,
// insertion line); each is resampled to nf points by arc length.
std::vector<Polyline> net(const std::vector<Polyline>& cross, int nf) {
    std::vector<Polyline> rs;
    for (const auto& c : cross) rs.push_back(c.size() >= 3 ? catmull_rom(c, nf) : resample(c, nf));
    std::vector<Polyline> fibres(static_cast<std::size_t>(nf));
    for (int f = 0; f < nf; ++f)
        for (const auto& r : rs) fibres[static_cast<std::size_t>(f)].push_back(r[static_cast<std::size_t>(f)]);
    return fibres;
}

float bump(float x, float centre, float width) {
    const float d = (x - centre) / width;
    return std::exp(-d * d);
}

// Back of the lamina (where the transversospinal groove starts) of a vertebra, left side.
vec3 lamina(const Builder& b, const std::string& v) {
    const vec3 C = b.lm(v + ".body_centre");
    const vec3 S = b.lm(v + ".spinous_tip");
    const vec3 A = b.lm(v + ".body_anterior");
    const float zb = C.z - std::max(A.z - C.z, 0.008f);
    return vec3(0.0f, C.y + 0.004f, zb + 0.36f * (S.z - zb));
}

// Outward direction for the buttock and lateral hip.
vec3 hip_out(vec3 p) {
    vec3 d = p - vec3(0.055f, p.y, 0.0f);
    d.y = 0.0f;
    return glm::normalize(d);
}

vec3 neck_out(const Builder& b, vec3 p) {
    vec3 d = p - vec3(0.0f, p.y, b.lm("vertebra_c4.body_centre").z);
    d.y = 0.0f;
    return glm::normalize(d);
}


}  // namespace dorsal::modelgen
